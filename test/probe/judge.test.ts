import { describe, expect, it } from '@jest/globals';
import { seeded } from '../../src/sim/http/delay-server.js';
import { summarise } from '../../src/probe/figures.js';
import { gatePassed, judge } from '../../src/probe/judge.js';
import { parseThresholds } from '../../src/probe/thresholds.js';
import type { ProbeReport, RequestSample, TargetReport } from '../../src/probe/types.js';

function target(latencies: number[], role: 'target' | 'baseline' = 'target', errors = 0): TargetReport {
  const samples: RequestSample[] = latencies.map((ms, i) => ({
    totalMs: ms,
    serviceMs: ms,
    queueMs: 0,
    ttfbMs: ms,
    status: i < errors ? 503 : 200,
    error: i < errors ? 'status' : undefined,
  }));
  return summarise(role === 'target' ? 'http://new.test/' : 'http://old.test/', role, samples, [], 1000);
}

function report(t: TargetReport, baseline?: TargetReport): ProbeReport {
  return {
    version: 1,
    startedAt: '',
    finishedAt: '',
    settings: {
      requests: t.requests,
      rate: 10,
      model: 'open',
      concurrency: 1,
      warmup: 0,
      timeoutMs: 1000,
      method: 'GET',
      headers: {},
      expectStatus: '200-399',
    },
    targets: [t],
    baseline,
  };
}

/** n latencies uniform on [from, to] from a seeded generator. */
const uniform = (n: number, from: number, to: number, seed = 3) => {
  const random = seeded(seed);
  return Array.from({ length: n }, () => from + random() * (to - from));
};

describe('judge', () => {
  it('passes a p95 whose whole interval is under the limit, breaches one whose whole interval is over', () => {
    const r = report(target(uniform(300, 20, 40)));
    const [pass, breach] = judge(r, parseThresholds('p95 < 200ms\np95 < 30ms'));
    expect(pass.outcome).toBe('pass');
    expect(pass.interval!.upper).toBeLessThan(200);
    expect(breach.outcome).toBe('breach');
    expect(breach.interval!.lower).toBeGreaterThanOrEqual(30);
    expect(gatePassed([pass])).toBe(true);
    expect(gatePassed([pass, breach])).toBe(false);
  });

  it('calls a limit inside the interval inconclusive and says how many requests settle it, and a run that large does settle it', () => {
    const latencies = uniform(100, 20, 40);
    const r = report(target(latencies));
    const [v] = judge(r, parseThresholds('p95 < 39.5ms'));
    expect(v.outcome).toBe('inconclusive');
    expect(v.interval!.lower).toBeLessThan(39.5);
    expect(v.interval!.upper).toBeGreaterThanOrEqual(39.5);
    expect(v.samplesNeeded).toBeGreaterThan(100);
    expect(v.reason).toMatch(new RegExp(`about ${v.samplesNeeded} requests`));
    // True p95 is 39: with the suggested count (from the same distribution) the verdict is decisive.
    const more = report(target(uniform(v.samplesNeeded! * 2, 20, 40, 11)));
    expect(judge(more, parseThresholds('p95 < 39.5ms'))[0].outcome).toBe('pass');
    expect(gatePassed([v])).toBe(false);
  });

  it('cannot pass p95 with fewer than 59 samples, however fast', () => {
    const [v] = judge(report(target(uniform(58, 1, 2))), parseThresholds('p95 < 1s'));
    expect(v.outcome).toBe('inconclusive');
    expect(v.interval!.upper).toBe(Number.POSITIVE_INFINITY);
    expect(v.samplesNeeded).toBe(59);
  });

  it('judges error-rate with an exact binomial interval', () => {
    const clean = judge(report(target(uniform(300, 20, 40))), parseThresholds('error-rate < 1%'))[0];
    expect(clean.outcome).toBe('pass');
    const few = judge(report(target(uniform(100, 20, 40))), parseThresholds('error-rate < 1%'))[0];
    expect(few.outcome).toBe('inconclusive');
    expect(few.samplesNeeded).toBeGreaterThanOrEqual(299);
    const bad = judge(
      report(target(uniform(300, 20, 40), 'target', 30)),
      parseThresholds('error-rate < 1%'),
    )[0];
    expect(bad.observed).toBeCloseTo(0.1, 10);
    expect(bad.outcome).toBe('breach');
  });

  it('judges mean and max', () => {
    const t = target(uniform(300, 20, 40));
    const [mean, max, maxBreach] = judge(report(t), parseThresholds('mean < 35ms\nmax < 41ms\nmax < 39ms'));
    expect(mean.outcome).toBe('pass');
    expect(mean.observed).toBeCloseTo(t.sortedMs.reduce((a, b) => a + b, 0) / 300, 6);
    expect(max.outcome).toBe('pass');
    expect(max.interval).toBeUndefined();
    expect(maxBreach.outcome).toBe('breach');
  });

  it('judges the ratio to the baseline with its interval', () => {
    const fast = target(uniform(300, 20, 40), 'target');
    const slow = target(uniform(300, 60, 90, 5), 'baseline');
    const [better, slower, equal] = judge(
      report(fast, slow),
      parseThresholds('p95 < baseline * 1.10\np95 < baseline * 0.3\np50 < baseline'),
    );
    expect(better.outcome).toBe('pass');
    expect(better.unit).toBe('ratio');
    expect(better.observed).toBeGreaterThan(0.4);
    expect(better.observed).toBeLessThan(0.5);
    expect(better.interval!.lower).toBeLessThanOrEqual(better.observed);
    expect(better.interval!.upper).toBeGreaterThanOrEqual(better.observed);
    expect(slower.outcome).toBe('breach');
    expect(equal.outcome).toBe('pass');
    // The same distribution on both sides sits on the limit: never decisive.
    const twin = target(uniform(300, 20, 40, 9), 'baseline');
    const [same] = judge(report(fast, twin), parseThresholds('p95 < baseline'));
    expect(same.outcome).toBe('inconclusive');
  });

  it('judges every threshold for every target', () => {
    const r = report(target(uniform(100, 20, 40)));
    r.targets.push({ ...target(uniform(100, 200, 400)), url: 'http://other.test/' });
    const verdicts = judge(r, parseThresholds('p95 < 100ms'));
    expect(verdicts.map((v) => [v.url, v.outcome])).toEqual([
      ['http://new.test/', 'pass'],
      ['http://other.test/', 'breach'],
    ]);
  });
});
