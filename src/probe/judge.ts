import {
  interpolatedQuantile,
  meanInterval,
  proportionInterval,
  quantileValueInterval,
  type ValueInterval,
} from './order-statistics.js';
import { describeLimit, type Comparison, type Threshold } from './thresholds.js';
import type { ProbeReport, TargetReport } from './types.js';

export type Outcome = 'pass' | 'breach' | 'inconclusive';

export interface Verdict {
  threshold: string;
  /** The target judged: its name, and its URL. */
  target: string;
  url: string;
  metric: string;
  op: Comparison;
  /** What the figure is compared with, as text (`200 ms`, `1%`, `baseline × 1.1`). */
  limit: string;
  /** The number compared with the limit: ms, a fraction (error-rate) or target/baseline ratio. */
  limitValue: number;
  unit: 'ms' | 'fraction' | 'ratio';
  observed: number;
  /** Where the true figure lies with the stated confidence; undefined for observed-only figures (max, min). */
  interval?: ValueInterval;
  outcome: Outcome;
  /** For an inconclusive verdict: about how many requests per URL would settle it, if more can. */
  samplesNeeded?: number;
  /** One sentence on why. */
  reason: string;
}

const CONFIDENCE = 0.95;
/** Largest sample count the "how many would settle it" search considers. */
const MAX_SAMPLES = 200_000;

/**
 * The verdict from the figure's interval: pass when every value in it satisfies the comparison, breach when
 * none does, inconclusive otherwise. An observed-only figure (max, min) has lower = upper, which is k6's
 * point comparison. Equality can only be shown by an interval without width.
 */
export function decide(op: Comparison, lower: number, upper: number, limit: number): Outcome {
  const excludes = upper < limit || lower > limit;
  const exactly = lower === limit && upper === limit;
  switch (op) {
    case '<':
      return upper < limit ? 'pass' : lower >= limit ? 'breach' : 'inconclusive';
    case '<=':
      return upper <= limit ? 'pass' : lower > limit ? 'breach' : 'inconclusive';
    case '>':
      return lower > limit ? 'pass' : upper <= limit ? 'breach' : 'inconclusive';
    case '>=':
      return lower >= limit ? 'pass' : upper < limit ? 'breach' : 'inconclusive';
    case '==':
      return exactly ? 'pass' : excludes ? 'breach' : 'inconclusive';
    case '!=':
      return excludes ? 'pass' : exactly ? 'breach' : 'inconclusive';
  }
}

/**
 * Most projections one search evaluates: the climb from 1 to MAX_SAMPLES by quarters takes 51 and the
 * bisection to 1% at most 18 more, so no sound search reaches it; it ends a search whose steps stop
 * making progress instead of letting it spin.
 */
const MAX_STEPS = 100;

/**
 * The smallest m > n (to about 1%) for which `settles(m)` holds, searching geometrically by quarters up
 * to MAX_SAMPLES, then by bisection; undefined when even MAX_SAMPLES does not settle it.
 */
export function samplesToSettle(n: number, settles: (m: number) => boolean): number | undefined {
  let steps = 0;
  const tries = (m: number) => {
    // Stryker disable next-line UpdateOperator: counts for the step cap only (see below)
    steps++;
    return settles(m);
  };
  let low = n;
  let high = Math.max(n + 1, Math.ceil(n * 1.25));
  while (!tries(high)) {
    if (high >= MAX_SAMPLES) return undefined;
    // Stryker disable next-line all: the step cap is a safety net no sound search reaches (see MAX_STEPS)
    if (steps >= MAX_STEPS) return undefined;
    low = high;
    high = Math.min(MAX_SAMPLES, Math.ceil(high * 1.25));
  }
  while (high - low > Math.max(1, Math.ceil(low * 0.01))) {
    // Stryker disable next-line all: the step cap is a safety net no sound search reaches (see MAX_STEPS)
    if (steps >= MAX_STEPS) break;
    const mid = Math.floor((low + high) / 2);
    if (tries(mid)) high = mid;
    else low = mid;
  }
  return high;
}

interface Figure {
  observed: number;
  interval?: ValueInterval;
  /** The interval this figure would have with m samples, for the samples-needed estimate. */
  project?: (m: number) => [number, number];
}

function figure(report: TargetReport, threshold: Threshold, confidence: number): Figure {
  const sorted = report.sortedMs;
  const metric = threshold.metric;
  switch (metric.kind) {
    case 'percentile': {
      const [lower, upper] = quantileValueInterval(sorted, metric.percentile, confidence);
      return {
        observed: interpolatedQuantile(sorted, metric.percentile),
        interval: { lower, upper, confidence, method: 'order statistics' },
        project: (m) => quantileValueInterval(sorted, metric.percentile, confidence, m),
      };
    }
    case 'mean': {
      const interval = meanInterval(sorted, confidence);
      const n = sorted.length;
      const mean = n ? sorted.reduce((a, b) => a + b, 0) / n : Number.NaN;
      const half = (interval.upper - interval.lower) / 2;
      return {
        observed: mean,
        interval,
        project: (m) => [
          mean - (half * Math.sqrt(n)) / Math.sqrt(m),
          mean + (half * Math.sqrt(n)) / Math.sqrt(m),
        ],
      };
    }
    case 'max':
      return { observed: sorted.length ? sorted[sorted.length - 1] : Number.NaN };
    case 'min':
      return { observed: sorted.length ? sorted[0] : Number.NaN };
    case 'error-rate': {
      const rate = report.requests ? report.errors / report.requests : 0;
      return {
        observed: rate,
        interval: proportionInterval(report.errors, report.requests, confidence),
        project: (m) => {
          const projected = proportionInterval(Math.round(rate * m), m, confidence);
          return [projected.lower, projected.upper];
        },
      };
    }
  }
}

function formatValue(value: number, unit: Verdict['unit']): string {
  // Stryker disable next-line EqualityOperator: only ±∞ and NaN reach it, and none of them is 0
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (unit === 'fraction') return `${+(value * 100).toPrecision(3)}%`;
  if (unit === 'ratio') return `${value.toFixed(2)}×`;
  return `${+value.toPrecision(4)} ms`;
}

export function formatFigure(value: number, unit: Verdict['unit']): string {
  return formatValue(value, unit);
}

/**
 * target/baseline from both intervals: latencies are never negative, so an open lower end counts as 0 and
 * an open upper end of the baseline leaves the ratio's lower end at 0.
 */
function ratioInterval(tl: number, th: number, bl: number, bh: number): [number, number] {
  const lower = Number.isFinite(bh) && bh > 0 ? Math.max(0, tl) / bh : 0;
  const upper = bl > 0 ? th / bl : Number.POSITIVE_INFINITY;
  return [lower, upper];
}

/** What every verdict on this target and threshold says, whatever the figures. */
type VerdictBase = Pick<Verdict, 'threshold' | 'target' | 'url' | 'metric' | 'op' | 'limit' | 'unit'>;

function verdictBase(target: TargetReport, threshold: Threshold): VerdictBase {
  return {
    threshold: threshold.text,
    target: target.name ?? target.url,
    url: target.url,
    metric: threshold.metric.name,
    op: threshold.op,
    limit: describeLimit(threshold),
    unit:
      threshold.limit.kind === 'baseline'
        ? 'ratio'
        : threshold.metric.kind === 'error-rate'
          ? 'fraction'
          : 'ms',
  };
}

/** Nothing to judge: the target (or the baseline it is compared with) measured no request. */
function unmeasured(base: VerdictBase, limitValue: number, reason: string): Verdict {
  return { ...base, limitValue, observed: NaN, outcome: 'inconclusive', reason };
}

/** An extreme (max, min) has no interval: judged as observed, as k6 does. */
function asObserved(base: VerdictBase, limitValue: number, observed: number, subject: string): Verdict {
  return {
    ...base,
    limitValue,
    observed,
    outcome: decide(base.op, observed, observed, limitValue),
    reason: `The observed ${subject} is ${formatValue(observed, base.unit)} (an extreme has no interval; judged as observed).`,
  };
}

/** How a verdict from an interval reads: the absolute and the ratio wording differ only in these words. */
interface Wording {
  /** `The 95% interval` or `The ratio's 95% interval`. */
  interval: string;
  /** `the limit 200 ms` or `1.10×`. */
  limit: string;
  /** What one more sample is: `requests` or `requests per URL`. */
  requests: string;
  /** What may sit on the limit: `figure` or `ratio`. */
  subject: string;
}

/**
 * The verdict from a figure's interval; an inconclusive one says about how many requests (from `n`,
 * projected by `project`) would settle it.
 */
function fromInterval(
  base: VerdictBase,
  measured: { limitValue: number; observed: number; interval: ValueInterval; n: number },
  project: (m: number) => [number, number],
  words: Wording,
): Verdict {
  const { limitValue, observed, interval } = measured;
  const outcome = decide(base.op, interval.lower, interval.upper, limitValue);
  const range = `${formatValue(interval.lower, base.unit)} – ${formatValue(interval.upper, base.unit)}`;
  if (outcome !== 'inconclusive') {
    const side = outcome === 'pass' ? 'within' : 'beyond';
    return {
      ...base,
      limitValue,
      observed,
      interval,
      outcome,
      reason: `${words.interval} ${range} is ${side} ${words.limit}.`,
    };
  }
  const samplesNeeded = samplesToSettle(measured.n, (m) => {
    const [lo, hi] = project(m);
    return decide(base.op, lo, hi, limitValue) !== 'inconclusive';
  });
  const next = samplesNeeded
    ? `about ${samplesNeeded} ${words.requests} would settle it.`
    : `the ${words.subject} sits on the limit, so more requests would not settle it.`;
  const reason = `${words.interval} ${range} straddles ${words.limit}; ${next}`;
  return { ...base, limitValue, observed, interval, outcome, samplesNeeded, reason };
}

/** A figure against a fixed limit (ms or a fraction), at 95%. */
function judgeAbsolute(
  target: TargetReport,
  threshold: Threshold,
  limitValue: number,
  base: VerdictBase,
): Verdict {
  const f = figure(target, threshold, CONFIDENCE);
  if (!f.interval) return asObserved(base, limitValue, f.observed, base.metric);
  return fromInterval(
    base,
    { limitValue, observed: f.observed, interval: f.interval, n: target.requests },
    f.project!,
    {
      interval: `The ${CONFIDENCE * 100}% interval`,
      limit: `the limit ${base.limit}`,
      requests: 'requests',
      subject: 'figure',
    },
  );
}

/**
 * target/baseline against a factor. Each side's interval is taken at 97.5% so that both hold together
 * with at least 95% (Bonferroni), which keeps the claim distribution-free.
 */
function judgeRatio(
  target: TargetReport,
  baseline: TargetReport,
  threshold: Threshold,
  factor: number,
  base: VerdictBase,
): Verdict {
  const each = 1 - (1 - CONFIDENCE) / 2;
  const t = figure(target, threshold, each);
  const b = figure(baseline, threshold, each);
  const observed = t.observed / b.observed;
  // Stryker disable next-line LogicalOperator: both figures are the same metric, so both have an interval or neither has
  if (!t.interval || !b.interval) return asObserved(base, factor, observed, 'ratio');
  const [lower, upper] = ratioInterval(
    t.interval.lower,
    t.interval.upper,
    b.interval.lower,
    b.interval.upper,
  );
  const interval: ValueInterval = {
    lower,
    upper,
    confidence: CONFIDENCE,
    method: 'order statistics, Bonferroni',
  };
  const project = (m: number) => {
    const [tl, th] = t.project!(m);
    const [bl, bh] = b.project!(m);
    return ratioInterval(tl, th, bl, bh);
  };
  const n = Math.min(target.requests, baseline.requests);
  return fromInterval(base, { limitValue: factor, observed, interval, n }, project, {
    interval: `The ratio's ${CONFIDENCE * 100}% interval`,
    limit: `${factor.toFixed(2)}×`,
    requests: 'requests per URL',
    subject: 'ratio',
  });
}

/** One threshold on one target: the guards first, then the absolute or the baseline-relative verdict. */
function judgeOne(target: TargetReport, baseline: TargetReport | undefined, threshold: Threshold): Verdict {
  const base = verdictBase(target, threshold);
  if (target.requests === 0) return unmeasured(base, NaN, 'No request was measured.');
  const limit = threshold.limit;
  if (limit.kind === 'absolute') return judgeAbsolute(target, threshold, limit.value, base);
  if (!baseline || baseline.requests === 0)
    return unmeasured(base, limit.factor, 'No baseline was measured (set baseline-url).');
  return judgeRatio(target, baseline, threshold, limit.factor, base);
}

/**
 * Judges every threshold for every target, a target's own thresholds (from its `targets` line) for it
 * alone. The baseline is only a reference, never judged itself.
 */
export function judge(report: ProbeReport, thresholds: readonly Threshold[]): Verdict[] {
  const verdicts: Verdict[] = [];
  for (const target of report.targets) {
    for (const threshold of thresholds) {
      if (threshold.target !== undefined && threshold.target !== target.name) continue;
      verdicts.push(judgeOne(target, report.baseline, threshold));
    }
  }
  return verdicts;
}

/** True only when every verdict is a pass: a breach or an inconclusive verdict fails the gate. */
export function gatePassed(verdicts: readonly Verdict[]): boolean {
  return verdicts.every((v) => v.outcome === 'pass');
}

/** target/baseline for a percentile, with its 95% interval (97.5% per side, Bonferroni). */
export function percentileRatio(
  target: TargetReport,
  baseline: TargetReport,
  p: number,
): { ratio: number; lower: number; upper: number } {
  const each = 1 - (1 - CONFIDENCE) / 2;
  const [tl, th] = quantileValueInterval(target.sortedMs, p, each);
  const [bl, bh] = quantileValueInterval(baseline.sortedMs, p, each);
  const [lower, upper] = ratioInterval(tl, th, bl, bh);
  return {
    ratio: interpolatedQuantile(target.sortedMs, p) / interpolatedQuantile(baseline.sortedMs, p),
    lower,
    upper,
  };
}
