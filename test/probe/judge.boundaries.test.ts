import { describe, expect, it } from '@jest/globals';
import {
  decide,
  formatFigure,
  gatePassed,
  judge,
  percentileRatio,
  samplesToSettle,
  type Verdict,
} from '../../src/probe/judge.js';
import { meanInterval, proportionInterval, quantileRankInterval } from '../../src/probe/order-statistics.js';
import { parseThresholds } from '../../src/probe/thresholds.js';
import type { ProbeReport, TargetReport } from '../../src/probe/types.js';

// The gate's verdicts at their exact edges: every comparison operator against an interval whose end sits
// exactly on the limit, the guards, the Bonferroni level of a baseline ratio, and the numbers a verdict
// reports (samples needed, interval ends, the reason's figures), not only pass or fail.

/**
 * A measured URL as the probe reports it, cut down to what judging reads (the count, the errors and the
 * sorted latencies): building the full report would load the HDR histogram for every mutant run.
 */
function measured(latencies: number[], errors = 0, url = 'http://new.test/'): TargetReport {
  const report: Pick<TargetReport, 'url' | 'role' | 'requests' | 'errors' | 'errorRate' | 'sortedMs'> = {
    url,
    role: url === 'http://old.test/' ? 'baseline' : 'target',
    requests: latencies.length,
    errors,
    errorRate: latencies.length ? errors / latencies.length : 0,
    sortedMs: [...latencies].sort((a, b) => a - b),
  };
  return report as TargetReport;
}

const baselineOf = (latencies: number[]) => measured(latencies, 0, 'http://old.test/');

function report(targets: TargetReport[], baseline?: TargetReport): ProbeReport {
  return {
    version: 1,
    startedAt: '',
    finishedAt: '',
    settings: {
      requests: targets[0]?.requests ?? 0,
      rate: 10,
      model: 'open',
      concurrency: 1,
      warmup: 0,
      timeoutMs: 1000,
      method: 'GET',
      headers: {},
      expectStatus: '200-399',
    },
    targets,
    baseline,
  };
}

const one = (t: TargetReport, line: string, baseline?: TargetReport): Verdict => {
  const verdicts = judge(report([t], baseline), parseThresholds(line));
  expect(verdicts).toHaveLength(1);
  return verdicts[0];
};

/** 1, 2, …, n ms: the value at rank r is r, so interval ends are known exactly. */
const ranks = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('every operator against an interval end exactly on the limit', () => {
  // p50 of 1..100 ms: the 95% order-statistic interval is [X(l), X(u)] = [l ms, u ms].
  const t = measured(ranks(100));
  const { lower: l, upper: u } = quantileRankInterval(100, 0.5, 0.95);

  it('uses the 95% order-statistic interval, ends exactly at the ranks', () => {
    expect([l, u]).toEqual([40, 60]);
    const v = one(t, 'p50 < 1s');
    expect(v.interval).toEqual({ lower: l, upper: u, confidence: 0.95, method: 'order statistics' });
    // The point estimate is k6's interpolated percentile: halfway between ranks 50 and 51.
    expect(v.observed).toBe(50.5);
  });

  it.each([
    // limit at the upper end, just above it, at the lower end, just below it
    ['<', u, 'inconclusive'],
    ['<', u + 0.5, 'pass'],
    ['<', l, 'breach'],
    ['<', l + 0.5, 'inconclusive'],
    ['<=', u, 'pass'],
    ['<=', u - 0.5, 'inconclusive'],
    ['<=', l, 'inconclusive'],
    ['<=', l - 0.5, 'breach'],
    ['>', l, 'inconclusive'],
    ['>', l - 0.5, 'pass'],
    ['>', u, 'breach'],
    ['>', u - 0.5, 'inconclusive'],
    ['>=', l, 'pass'],
    ['>=', l + 0.5, 'inconclusive'],
    ['>=', u, 'inconclusive'],
    ['>=', u + 0.5, 'breach'],
  ])('p50 %s %p ms → %s', (op, limit, outcome) => {
    const v = one(t, `p50 ${op} ${limit}ms`);
    expect(v.op).toBe(op);
    expect(v.limitValue).toBe(limit);
    expect(v.outcome).toBe(outcome);
    expect(v.unit).toBe('ms');
  });

  it.each([
    // An extreme is judged as observed: the max of 1..100 is 100.
    ['max', '<', 100, 'breach'],
    ['max', '<', 101, 'pass'],
    ['max', '<=', 100, 'pass'],
    ['max', '<=', 99, 'breach'],
    ['max', '>', 100, 'breach'],
    ['max', '>', 99, 'pass'],
    ['max', '>=', 100, 'pass'],
    ['max', '>=', 101, 'breach'],
    ['min', '>=', 1, 'pass'],
    ['min', '>', 1, 'breach'],
    ['min', '<', 2, 'pass'],
    ['min', '<=', 0.5, 'breach'],
  ])('%s %s %p ms → %s (never inconclusive)', (metric, op, limit, outcome) => {
    const v = one(t, `${metric} ${op} ${limit}ms`);
    expect(v.outcome).toBe(outcome);
    expect(v.observed).toBe(metric === 'max' ? 100 : 1);
    expect(v.interval).toBeUndefined();
    expect(v.samplesNeeded).toBeUndefined();
    expect(v.reason).toBe(
      `The observed ${metric} is ${metric === 'max' ? 100 : 1} ms (an extreme has no interval; judged as observed).`,
    );
  });
});

describe('guards', () => {
  it('calls a target with no request inconclusive, whatever the threshold, with NaN figures', () => {
    for (const line of ['p95 < 1s', 'error-rate < 1%', 'max < 1s', 'p95 < baseline * 2']) {
      const v = one(measured([]), line, baselineOf(ranks(100)));
      expect(v.outcome).toBe('inconclusive');
      expect(v.reason).toBe('No request was measured.');
      expect(v.observed).toBeNaN();
      expect(v.limitValue).toBeNaN();
      expect(v.interval).toBeUndefined();
      expect(v.samplesNeeded).toBeUndefined();
    }
  });

  it('calls a baseline comparison inconclusive when no baseline, or an empty one, was measured', () => {
    for (const baseline of [undefined, baselineOf([])]) {
      const v = one(measured(ranks(100)), 'p95 < baseline * 1.5', baseline);
      expect(v.outcome).toBe('inconclusive');
      expect(v.reason).toBe('No baseline was measured (set baseline-url).');
      expect(v.limitValue).toBe(1.5);
      expect(v.observed).toBeNaN();
      expect(v.unit).toBe('ratio');
    }
  });

  it('does not need a baseline for absolute limits', () => {
    expect(one(measured(ranks(100)), 'p50 < 1s').outcome).toBe('pass');
  });
});

describe('the baseline ratio at 95% jointly (Bonferroni: 97.5% per side)', () => {
  const t = measured(ranks(200));
  const b = baselineOf(ranks(200).map((v) => v * 2));
  const side = quantileRankInterval(200, 0.5, 0.975);

  it('divides the target’s interval ends by the baseline’s opposite ends, each at 97.5%', () => {
    const weaker = quantileRankInterval(200, 0.5, 0.9);
    expect(weaker.upper - weaker.lower).toBeLessThan(side.upper - side.lower);
    const v = one(t, 'p50 < baseline * 2', b);
    expect(v.observed).toBe(0.5);
    expect(v.interval).toEqual({
      lower: side.lower / (2 * side.upper),
      upper: side.upper / (2 * side.lower),
      confidence: 0.95,
      method: 'order statistics, Bonferroni',
    });
    expect(v.outcome).toBe('pass');
    expect(v.unit).toBe('ratio');
    expect(v.limit).toBe('baseline × 2');
    expect(v.reason).toBe(
      `The ratio's 95% interval ${(side.lower / (2 * side.upper)).toFixed(2)}× – ${(side.upper / (2 * side.lower)).toFixed(2)}× is within 2.00×.`,
    );
  });

  it('decides the ratio with each operator, inconclusive when the limit is inside the interval', () => {
    const lo = side.lower / (2 * side.upper);
    const hi = side.upper / (2 * side.lower);
    expect(one(t, `p50 < baseline * ${hi}`, b).outcome).toBe('inconclusive');
    expect(one(t, `p50 <= baseline * ${hi}`, b).outcome).toBe('pass');
    expect(one(t, `p50 >= baseline * ${lo}`, b).outcome).toBe('pass');
    expect(one(t, `p50 > baseline * ${lo}`, b).outcome).toBe('inconclusive');
    const breach = one(t, 'p50 > baseline', b);
    expect(breach.outcome).toBe('breach');
    expect(breach.limit).toBe('baseline');
    expect(breach.reason).toMatch(/ is beyond 1\.00×\.$/);
    const open = one(t, 'p50 < baseline * 0.6', b);
    expect(open.outcome).toBe('inconclusive');
    expect(open.reason).toMatch(
      /^The ratio's 95% interval 0\.\d\d× – 0\.\d\d× straddles 0\.60×; about \d+ requests per URL would settle it\.$/,
    );
  });

  it('judges an extreme’s ratio as observed', () => {
    const v = one(t, 'max < baseline * 0.6', b);
    expect(v.observed).toBe(0.5);
    expect(v.outcome).toBe('pass');
    expect(v.interval).toBeUndefined();
    expect(v.reason).toBe('The observed ratio is 0.50× (an extreme has no interval; judged as observed).');
    expect(one(t, 'max < baseline * 0.5', b).outcome).toBe('breach');
    expect(one(t, 'max <= baseline * 0.5', b).outcome).toBe('pass');
  });

  it('bounds the ratio by 0 and ∞ where the baseline’s interval cannot (a zero baseline)', () => {
    const zero = baselineOf(Array.from({ length: 100 }, () => 0));
    const v = one(measured(ranks(100)), 'mean < baseline * 2', zero);
    expect(v.interval).toMatchObject({ lower: 0, upper: Number.POSITIVE_INFINITY });
    expect(v.outcome).toBe('inconclusive');
    expect(v.samplesNeeded).toBeUndefined();
    expect(v.reason).toMatch(/the ratio sits on the limit, so more requests would not settle it\.$/);
    expect(v.reason).toContain('0.00× – ∞');
  });

  it('takes the smaller of the two sample counts as the starting point for samples needed', () => {
    // Target with 100 requests, baseline with 1000: the estimate starts above 100, not above 1000.
    const v = one(measured(ranks(100)), 'p50 < baseline * 1.3', baselineOf(ranks(1000).map((x) => x / 10)));
    expect(v.outcome).toBe('inconclusive');
    expect(v.samplesNeeded).toBeGreaterThan(100);
    expect(v.samplesNeeded).toBeLessThan(1000);
  });
});

describe('percentileRatio (the summary’s ratio column)', () => {
  it('gives the nearest-rank ratio and the Bonferroni bounds', () => {
    const side = quantileRankInterval(200, 0.5, 0.975);
    const r = percentileRatio(measured(ranks(200)), baselineOf(ranks(200).map((v) => v * 2)), 0.5);
    expect(r).toEqual({
      ratio: 0.5,
      lower: side.lower / (2 * side.upper),
      upper: side.upper / (2 * side.lower),
    });
  });

  it('opens the bounds it cannot close: too few samples for p95 gives 0 and ∞', () => {
    const r = percentileRatio(measured(ranks(30)), baselineOf(ranks(30)), 0.95);
    expect(r.ratio).toBe(1);
    expect(r.lower).toBe(0);
    expect(r.upper).toBe(Number.POSITIVE_INFINITY);
  });

  it('opens the upper bound when the baseline’s lower end is zero', () => {
    const r = percentileRatio(measured(ranks(100)), baselineOf(Array.from({ length: 100 }, () => 0)), 0.5);
    expect(r.upper).toBe(Number.POSITIVE_INFINITY);
    expect(r.lower).toBe(0);
  });
});

/** The smallest m > n for which `settles(m)` holds, by plain search: the oracle for samplesNeeded. */
function smallestSettling(n: number, settles: (m: number) => boolean, cap = 200_000): number | undefined {
  for (let m = n + 1; m <= cap; m++) if (settles(m)) return m;
  return undefined;
}

/**
 * samplesNeeded is the search's answer: a count that settles it, at or above the first that does, and
 * close to it (the projections step with rounding, so a count a little above the first may not settle).
 */
function expectNear(
  found: number | undefined,
  minimum: number | undefined,
  settles: (m: number) => boolean = () => true,
  slack = 1.01,
) {
  expect(minimum).toBeDefined();
  expect(found).toBeGreaterThanOrEqual(minimum!);
  expect(found).toBeLessThanOrEqual(Math.ceil(minimum! * slack) + 1);
  expect(settles(found!)).toBe(true);
}

describe('samples needed, against a plain search', () => {
  it('for an error rate with no error yet: the rule of three (299 requests for < 1%)', () => {
    const v = one(measured(ranks(100)), 'error-rate < 1%');
    expect(v.outcome).toBe('inconclusive');
    expect(v.observed).toBe(0);
    expect(v.unit).toBe('fraction');
    expect(v.limit).toBe('1%');
    expect(v.interval).toEqual(proportionInterval(0, 100, 0.95));
    expectNear(v.samplesNeeded, 299);
    expect(v.reason).toBe(
      `The 95% interval 0% – ${+(proportionInterval(0, 100).upper * 100).toPrecision(3)}% straddles the limit 1%; about ${v.samplesNeeded} requests would settle it.`,
    );
  });

  it('for an error rate with errors: projects the observed rate onto more requests', () => {
    const v = one(measured(ranks(200), 4), 'error-rate < 5%');
    expect(v.observed).toBe(0.02);
    expect(v.outcome).toBe('inconclusive');
    const settles = (m: number) => proportionInterval(Math.round(0.02 * m), m).upper < 0.05;
    expectNear(v.samplesNeeded, smallestSettling(200, settles), settles, 1.15);
    expect(v.samplesNeeded).toBe(231);
  });

  it('for a mean: the half-width shrinks with √n', () => {
    const t = measured(ranks(100));
    const v = one(t, 'mean < 56ms');
    const mean = 50.5;
    const half = (meanInterval(t.sortedMs).upper - meanInterval(t.sortedMs).lower) / 2;
    expect(v.observed).toBe(mean);
    expect(v.interval).toEqual(meanInterval(t.sortedMs, 0.95));
    expect(v.outcome).toBe('inconclusive');
    const minimum = smallestSettling(100, (m) => mean + half * Math.sqrt(100 / m) < 56);
    expectNear(v.samplesNeeded, minimum);
    const above = one(t, 'mean > 45ms');
    expectNear(
      above.samplesNeeded,
      smallestSettling(100, (m) => mean - half * Math.sqrt(100 / m) > 45),
    );
  });

  it('for a percentile: the order-statistic ranks for m samples, read off the observed quantiles', () => {
    const sorted = ranks(100);
    const projectedUpper = (m: number) => {
      const r = quantileRankInterval(m, 0.5, 0.95).upper;
      return r > m ? Infinity : sorted[Math.min(100, Math.max(1, Math.ceil((r / m) * 100))) - 1];
    };
    const v = one(measured(sorted), 'p50 < 56ms');
    expect(v.outcome).toBe('inconclusive');
    const settles = (m: number) => projectedUpper(m) < 56;
    // The search steps by a quarter and then bisects to 1%: its answer settles it, 10% fewer do not.
    expect(settles(v.samplesNeeded!)).toBe(true);
    expect(settles(Math.floor(v.samplesNeeded! / 1.1))).toBe(false);
    expect(v.samplesNeeded).toBe(411);
  });

  it('for p95 with too few samples to close the interval: the count at which it closes', () => {
    const v = one(measured(ranks(58)), 'p95 < 1s');
    expect(v.interval!.upper).toBe(Number.POSITIVE_INFINITY);
    expect(v.samplesNeeded).toBe(59);
    expect(v.reason).toBe(
      'The 95% interval 52 ms – ∞ straddles the limit 1000 ms; about 59 requests would settle it.',
    );
    const low = one(measured(ranks(20)), 'p5 > 0.5ms');
    expect(low.interval!.lower).toBe(Number.NEGATIVE_INFINITY);
    expect(low.reason).toMatch(
      /^The 95% interval −∞ – \d+ ms straddles the limit 0\.5 ms; about \d+ requests/,
    );
  });

  it('gives no count when the figure sits on the limit', () => {
    const v = one(measured(ranks(100)), 'mean < 50.5ms');
    expect(v.outcome).toBe('inconclusive');
    expect(v.samplesNeeded).toBeUndefined();
    expect(v.reason).toMatch(
      /straddles the limit 50\.5 ms; the figure sits on the limit, so more requests would not settle it\.$/,
    );
  });

  it('states a decisive verdict’s interval in its reason', () => {
    const pass = one(measured(ranks(100)), 'p50 < 61ms');
    expect(pass.reason).toBe('The 95% interval 40 ms – 60 ms is within the limit 61 ms.');
    const breach = one(measured(ranks(100), 50), 'error-rate < 10%');
    expect(breach.outcome).toBe('breach');
    expect(breach.reason).toMatch(/^The 95% interval 39\.\d% – 60\.\d% is beyond the limit 10%\.$/);
  });
});

describe('judge and the gate', () => {
  it('judges every threshold for every target, in order, never the baseline itself', () => {
    const a = measured(ranks(100));
    const c = measured(
      ranks(100).map((v) => v * 10),
      0,
      'http://other.test/',
    );
    const verdicts = judge(report([a, c], baselineOf(ranks(100))), parseThresholds('p50 < 61ms, max < 2s'));
    expect(verdicts.map((v) => [v.url, v.threshold, v.outcome])).toEqual([
      ['http://new.test/', 'p50 < 61ms', 'pass'],
      ['http://new.test/', 'max < 2s', 'pass'],
      ['http://other.test/', 'p50 < 61ms', 'breach'],
      ['http://other.test/', 'max < 2s', 'pass'],
    ]);
    expect(verdicts[0].metric).toBe('p50');
    expect(judge(report([]), parseThresholds('p50 < 1s'))).toEqual([]);
  });

  it('passes only when every verdict passes; no verdict is a pass', () => {
    const v = (outcome: Verdict['outcome']) => ({ outcome }) as Verdict;
    expect(gatePassed([])).toBe(true);
    expect(gatePassed([v('pass'), v('pass')])).toBe(true);
    expect(gatePassed([v('pass'), v('inconclusive')])).toBe(false);
    expect(gatePassed([v('breach'), v('pass')])).toBe(false);
  });
});

describe('formatFigure (the figures the summary prints)', () => {
  it.each([
    [0.0123, 'fraction', '1.23%'],
    [0.5, 'fraction', '50%'],
    [1.234, 'ratio', '1.23×'],
    [0.5, 'ratio', '0.50×'],
    [123.456, 'ms', '123.5 ms'],
    [40, 'ms', '40 ms'],
    [Number.POSITIVE_INFINITY, 'ms', '∞'],
    [Number.NEGATIVE_INFINITY, 'ratio', '−∞'],
  ] as const)('%p as %s → %s', (value, unit, text) => {
    expect(formatFigure(value, unit)).toBe(text);
  });
});

describe('samples needed on either side of the limit', () => {
  const sorted = ranks(100);
  /** The interval the order-statistic method would give with m samples like these (the oracle). */
  const projected = (m: number): [number, number] => {
    const r = quantileRankInterval(m, 0.5, 0.95);
    const at = (rank: number) =>
      rank <= 0
        ? Number.NEGATIVE_INFINITY
        : rank > m
          ? Number.POSITIVE_INFINITY
          : sorted[Math.min(100, Math.max(1, Math.ceil((rank / m) * 100))) - 1];
    return [at(r.lower), at(r.upper)];
  };

  it.each([
    ['p50 > 45ms', 379, (m: number) => projected(m)[0] > 45],
    ['p50 >= 45ms', 268, (m: number) => projected(m)[0] >= 45],
    ['p50 <= 56ms', 293, (m: number) => projected(m)[1] <= 56],
  ])('%s: about %p requests, where the projected interval clears the limit', (line, expected, settles) => {
    const v = one(measured(sorted), line);
    expect(v.outcome).toBe('inconclusive');
    expect(v.samplesNeeded).toBe(expected);
    expect(settles(expected)).toBe(true);
    expect(settles(Math.floor(expected / 1.1))).toBe(false);
  });

  it.each([
    ['p50 < baseline * 0.6', 613],
    ['p50 > baseline * 0.4', 419],
    ['mean < baseline * 0.6', 203],
  ])('%s: about %p requests per URL', (line, expected) => {
    const v = one(measured(ranks(200)), line, baselineOf(ranks(200).map((x) => x * 2)));
    expect(v.outcome).toBe('inconclusive');
    expect(v.samplesNeeded).toBe(expected);
    expect(v.reason).toContain(`about ${expected} requests per URL would settle it`);
  });
});

describe('open interval ends', () => {
  it('closes the p95 interval at exactly 59 samples, its upper end the largest sample', () => {
    const v = one(measured(ranks(59)), 'p95 < 1s');
    expect(v.outcome).toBe('pass');
    expect(v.interval).toMatchObject({ lower: 50, upper: 59 });
  });

  it('projects an open end as open: p95 from 30 samples and p5 from 20 both need 59', () => {
    const high = one(measured(ranks(30)), 'p95 < 1s');
    expect(high.interval).toMatchObject({ lower: 26, upper: Number.POSITIVE_INFINITY });
    expect(high.samplesNeeded).toBe(59);
    const low = one(measured(ranks(20)), 'p5 > 0.5ms');
    expect(low.interval).toMatchObject({ lower: Number.NEGATIVE_INFINITY, upper: 4 });
    expect(low.samplesNeeded).toBe(59);
  });

  it('leaves the ratio unbounded above when the baseline’s interval reaches zero or below', () => {
    // A baseline mean of about 1 ms whose interval dips below zero: the target is certainly slower.
    const spiky = baselineOf([...Array.from({ length: 99 }, () => 0), 100]);
    const v = one(measured(ranks(100)), 'mean < baseline * 2', spiky);
    expect(v.interval!.upper).toBe(Number.POSITIVE_INFINITY);
    expect(v.interval!.lower).toBeGreaterThan(2);
    expect(v.outcome).toBe('breach');
    const zeros = Array.from({ length: 100 }, () => 0);
    const still = one(measured(zeros), 'mean < baseline * 2', baselineOf(zeros));
    expect(still.interval).toMatchObject({ lower: 0, upper: Number.POSITIVE_INFINITY });
    expect(still.observed).toBeNaN();
  });

  it('gives percentileRatio open bounds as 0 and ∞, and closes them at exactly enough samples', () => {
    expect(percentileRatio(measured(ranks(30)), baselineOf(ranks(30)), 0.05)).toEqual({
      ratio: 1,
      lower: 0,
      upper: Number.POSITIVE_INFINITY,
    });
    // 72 samples are the fewest whose 97.5% p95 interval closes: its upper end is the 72nd.
    expect(percentileRatio(measured(ranks(72)), baselineOf(ranks(72)), 0.95)).toEqual({
      ratio: 1,
      lower: 60 / 72,
      upper: 72 / 60,
    });
    const zeros = Array.from({ length: 100 }, () => 0);
    const r = percentileRatio(measured(zeros), baselineOf(zeros), 0.5);
    expect(r.lower).toBe(0);
    expect(r.upper).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('samplesToSettle: the search behind samples needed', () => {
  /** The search's answer and every count it tried, in order. */
  const probing = (n: number, settles: (m: number) => boolean) => {
    const probes: number[] = [];
    const found = samplesToSettle(n, (m) => {
      probes.push(m);
      return settles(m);
    });
    return { found, probes };
  };

  it('climbs by quarters from n, then bisects until the gap is within 1% of the count below', () => {
    expect(probing(100, (m) => m >= 1000)).toEqual({
      found: 1006,
      probes: [125, 157, 197, 247, 309, 387, 484, 605, 757, 947, 1184, 1065, 1006, 976, 991, 998],
    });
  });

  it('bisects down to a gap of one request at small counts', () => {
    expect(probing(10, (m) => m >= 17)).toEqual({ found: 17, probes: [13, 17, 15, 16] });
    expect(probing(5, () => true)).toEqual({ found: 6, probes: [7, 6] });
  });

  it('starts at one request when none was measured yet', () => {
    expect(probing(0, () => true)).toEqual({ found: 1, probes: [1] });
  });

  it('stops at 200000 requests: undefined when even that does not settle it', () => {
    expect(probing(100_000, () => false)).toEqual({
      found: undefined,
      probes: [125_000, 156_250, 195_313, 200_000],
    });
    expect(probing(100_000, (m) => m >= 200_000)).toEqual({
      found: 200_000,
      probes: [125_000, 156_250, 195_313, 200_000, 197_656, 198_828],
    });
  });

  it('tries each count of the climb once on its way to the cap: 51 from a single request', () => {
    const { found, probes } = probing(1, () => false);
    expect(found).toBeUndefined();
    expect(probes).toHaveLength(51);
    expect(new Set(probes).size).toBe(51);
    expect(probes.at(-1)).toBe(200_000);
  });
});

describe('equality operators (k6 ==, ===, !=): only an interval without width shows equality', () => {
  it.each([
    // op, lower, upper, limit → outcome
    ['==', 5, 5, 5, 'pass'],
    ['==', 4, 6, 5, 'inconclusive'],
    ['==', 5, 6, 5, 'inconclusive'],
    ['==', 4, 5, 5, 'inconclusive'],
    ['==', 6, 7, 5, 'breach'],
    ['==', 3, 4, 5, 'breach'],
    ['!=', 5, 5, 5, 'breach'],
    ['!=', 4, 6, 5, 'inconclusive'],
    ['!=', 5, 6, 5, 'inconclusive'],
    ['!=', 4, 5, 5, 'inconclusive'],
    ['!=', 6, 7, 5, 'pass'],
    ['!=', 3, 4, 5, 'pass'],
  ] as const)('%s over [%p, %p] against %p is %s', (op, lower, upper, limit, outcome) => {
    expect(decide(op, lower, upper, limit)).toBe(outcome);
  });

  it('judges an extreme with == and != as observed', () => {
    expect(one(measured(ranks(10)), 'max == 10').outcome).toBe('pass');
    expect(one(measured(ranks(10)), 'max != 10').outcome).toBe('breach');
    expect(one(measured(ranks(10)), 'min != 2').outcome).toBe('pass');
  });
});

describe('thresholds for one named target', () => {
  const named = (name: string) => ({ ...measured(ranks(10), 0, `http://${name}.test/`), name });

  it('judges a target’s own threshold for it alone, and the shared ones for every target', () => {
    const [shared] = parseThresholds('max < 1s');
    const [own] = parseThresholds('max < 5ms');
    const verdicts = judge(report([named('api'), named('web')]), [shared, { ...own, target: 'web' }]);
    expect(verdicts.map((v) => [v.target, v.url, v.threshold])).toEqual([
      ['api', 'http://api.test/', 'max < 1s'],
      ['web', 'http://web.test/', 'max < 1s'],
      ['web', 'http://web.test/', 'max < 5ms'],
    ]);
  });

  it('names an unnamed target by its URL', () => {
    expect(one(measured(ranks(10)), 'max < 1s').target).toBe('http://new.test/');
  });
});
