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

/** The smallest m > n for which `settles(m)` holds, searching geometrically then by bisection. */
function samplesToSettle(n: number, settles: (m: number) => boolean): number | undefined {
  let low = n;
  let high = Math.max(n + 1, Math.ceil(n * 1.25));
  while (!settles(high)) {
    if (high >= MAX_SAMPLES) return undefined;
    low = high;
    high = Math.min(MAX_SAMPLES, Math.ceil(high * 1.25));
  }
  while (high - low > Math.max(1, Math.ceil(low * 0.01))) {
    const mid = Math.floor((low + high) / 2);
    if (settles(mid)) high = mid;
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

function judgeOne(target: TargetReport, baseline: TargetReport | undefined, threshold: Threshold): Verdict {
  const unit: Verdict['unit'] =
    threshold.limit.kind === 'baseline'
      ? 'ratio'
      : threshold.metric.kind === 'error-rate'
        ? 'fraction'
        : 'ms';
  const base = {
    threshold: threshold.text,
    target: target.name ?? target.url,
    url: target.url,
    metric: threshold.metric.name,
    op: threshold.op,
    limit: describeLimit(threshold),
    unit,
  };
  if (target.requests === 0) {
    return {
      ...base,
      limitValue: NaN,
      observed: NaN,
      outcome: 'inconclusive',
      reason: 'No request was measured.',
    };
  }
  if (threshold.limit.kind === 'absolute') {
    const limitValue = threshold.limit.value;
    const f = figure(target, threshold, CONFIDENCE);
    if (!f.interval) {
      const outcome = decide(threshold.op, f.observed, f.observed, limitValue);
      return {
        ...base,
        limitValue,
        observed: f.observed,
        outcome,
        reason: `The observed ${base.metric} is ${formatValue(f.observed, unit)} (an extreme has no interval; judged as observed).`,
      };
    }
    const outcome = decide(threshold.op, f.interval.lower, f.interval.upper, limitValue);
    const verdict: Verdict = {
      ...base,
      limitValue,
      observed: f.observed,
      interval: f.interval,
      outcome,
      reason: '',
    };
    const range = `${formatValue(f.interval.lower, unit)} – ${formatValue(f.interval.upper, unit)}`;
    if (outcome === 'inconclusive') {
      const project = f.project!;
      verdict.samplesNeeded = samplesToSettle(target.requests, (m) => {
        const [lo, hi] = project(m);
        return decide(threshold.op, lo, hi, limitValue) !== 'inconclusive';
      });
      verdict.reason =
        `The ${CONFIDENCE * 100}% interval ${range} straddles the limit ${base.limit}; ` +
        (verdict.samplesNeeded
          ? `about ${verdict.samplesNeeded} requests would settle it.`
          : `the figure sits on the limit, so more requests would not settle it.`);
    } else {
      verdict.reason = `The ${CONFIDENCE * 100}% interval ${range} is ${outcome === 'pass' ? 'within' : 'beyond'} the limit ${base.limit}.`;
    }
    return verdict;
  }
  // Relative to the baseline: the ratio of the two figures. Each side's interval is taken at 97.5%
  // so that both hold together with at least 95% (Bonferroni), which keeps the claim distribution-free.
  const factor = threshold.limit.factor;
  if (!baseline || baseline.requests === 0) {
    return {
      ...base,
      limitValue: factor,
      observed: NaN,
      outcome: 'inconclusive',
      reason: 'No baseline was measured (set baseline-url).',
    };
  }
  const each = 1 - (1 - CONFIDENCE) / 2;
  const t = figure(target, threshold, each);
  const b = figure(baseline, threshold, each);
  const observed = t.observed / b.observed;
  if (!t.interval || !b.interval) {
    const outcome = decide(threshold.op, observed, observed, factor);
    return {
      ...base,
      limitValue: factor,
      observed,
      outcome,
      reason: `The observed ratio is ${formatValue(observed, 'ratio')} (an extreme has no interval; judged as observed).`,
    };
  }
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
  const outcome = decide(threshold.op, lower, upper, factor);
  const verdict: Verdict = { ...base, limitValue: factor, observed, interval, outcome, reason: '' };
  const range = `${formatValue(lower, 'ratio')} – ${formatValue(upper, 'ratio')}`;
  if (outcome === 'inconclusive') {
    verdict.samplesNeeded = samplesToSettle(Math.min(target.requests, baseline.requests), (m) => {
      const [tl, th] = t.project!(m);
      const [bl, bh] = b.project!(m);
      const [lo, hi] = ratioInterval(tl, th, bl, bh);
      return decide(threshold.op, lo, hi, factor) !== 'inconclusive';
    });
    verdict.reason =
      `The ratio's ${CONFIDENCE * 100}% interval ${range} straddles ${factor.toFixed(2)}×; ` +
      (verdict.samplesNeeded
        ? `about ${verdict.samplesNeeded} requests per URL would settle it.`
        : 'the ratio sits on the limit, so more requests would not settle it.');
  } else {
    verdict.reason = `The ratio's ${CONFIDENCE * 100}% interval ${range} is ${outcome === 'pass' ? 'within' : 'beyond'} ${factor.toFixed(2)}×.`;
  }
  return verdict;
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
