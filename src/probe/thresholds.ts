import { parseDuration } from '../core/duration.js';
import { InputError } from '../core/errors.js';
import { parsePercent } from '../core/inputs.js';

export type Comparison = '<' | '<=' | '>' | '>=';

/** What a threshold measures: a latency percentile, the mean, the extremes, or the error rate. */
export type ThresholdMetric =
  | { kind: 'percentile'; percentile: number; name: string }
  | { kind: 'mean'; name: string }
  | { kind: 'max'; name: string }
  | { kind: 'min'; name: string }
  | { kind: 'error-rate'; name: string };

/** A fixed limit (ms, or a fraction for error-rate) or a multiple of the same figure on the baseline. */
export type ThresholdLimit = { kind: 'absolute'; value: number } | { kind: 'baseline'; factor: number };

export interface Threshold {
  /** The line as written, for the summary. */
  text: string;
  metric: ThresholdMetric;
  op: Comparison;
  limit: ThresholdLimit;
}

const EXAMPLES =
  'write one per line, e.g. "p95 < 200ms", "mean < 150ms", "error-rate < 1%", "p95 < baseline * 1.10"';

/** `p95`, `p(95)`, `p99.9`, `med`: the percentile as a fraction, or undefined when it is not one. */
function parsePercentileName(name: string): number | undefined | 'invalid' {
  if (name === 'med' || name === 'median') return 0.5;
  const match = /^p\(?(\d+(?:\.\d+)?)\)?$/.exec(name);
  if (!match) return undefined;
  const value = Number(match[1]);
  if (!(value > 0 && value < 100)) return 'invalid';
  return Number((value / 100).toPrecision(12));
}

function parseMetric(name: string, line: string): ThresholdMetric {
  const lower = name.toLowerCase();
  if (lower === 'mean' || lower === 'avg') return { kind: 'mean', name: 'mean' };
  if (lower === 'max') return { kind: 'max', name: 'max' };
  if (lower === 'min') return { kind: 'min', name: 'min' };
  if (lower === 'error-rate' || lower === 'errors' || lower === 'error_rate')
    return { kind: 'error-rate', name: 'error-rate' };
  const percentile = parsePercentileName(lower);
  if (percentile === 'invalid') {
    throw new InputError(
      'thresholds',
      `"${line}": ${name} is not a percentile between p0 and p100 (exclusive).`,
      'use e.g. p50, p90, p95, p99 or p99.9.',
    );
  }
  if (percentile === undefined) {
    throw new InputError(
      'thresholds',
      `"${line}": unknown metric "${name}".`,
      'use a percentile (p50, p95, p99, p99.9), mean, max, min or error-rate.',
    );
  }
  const label = Number((percentile * 100).toPrecision(6));
  return { kind: 'percentile', percentile, name: `p${label}` };
}

function parseLimit(metric: ThresholdMetric, text: string, line: string): ThresholdLimit {
  const baseline = /^baseline(?:\s*\*\s*(\d+(?:\.\d+)?))?$/i.exec(text);
  if (baseline) {
    if (metric.kind === 'error-rate') {
      throw new InputError(
        'thresholds',
        `"${line}": error-rate cannot be compared with the baseline's.`,
        'give an absolute rate such as error-rate < 1%.',
      );
    }
    const factor = baseline[1] === undefined ? 1 : Number(baseline[1]);
    if (!(factor > 0))
      throw new InputError(
        'thresholds',
        `"${line}": the baseline factor must be above 0.`,
        'write e.g. p95 < baseline * 1.10.',
      );
    return { kind: 'baseline', factor };
  }
  if (metric.kind === 'error-rate') {
    const fraction = parsePercent(text);
    if (fraction === undefined)
      throw new InputError(
        'thresholds',
        `"${line}": "${text}" is not a percentage.`,
        'write e.g. error-rate < 1%.',
      );
    return { kind: 'absolute', value: fraction };
  }
  const ms = parseDuration(text);
  if (ms === undefined) {
    throw new InputError(
      'thresholds',
      `"${line}": "${text}" is not a duration.`,
      `give a unit (200ms, 1.5s) or baseline * 1.10; ${EXAMPLES}.`,
    );
  }
  return { kind: 'absolute', value: ms };
}

/**
 * Parses k6-style threshold lines (`p95 < 200ms`, `error-rate < 1%`, `p95 < baseline * 1.10`). Blank lines
 * and `#` comments are skipped; commas also separate thresholds so a one-line input works.
 */
export function parseThresholds(text: string): Threshold[] {
  const thresholds: Threshold[] = [];
  for (const raw of text.split(/[\n,]/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([A-Za-z][\w.()-]*)\s*(<=|>=|<|>)\s*(.+)$/.exec(line);
    if (!match) throw new InputError('thresholds', `"${line}" is not a threshold.`, `${EXAMPLES}.`);
    const metric = parseMetric(match[1], line);
    const op = match[2] as Comparison;
    const limit = parseLimit(metric, match[3].trim(), line);
    thresholds.push({ text: line, metric, op, limit });
  }
  return thresholds;
}

export function describeLimit(threshold: Threshold): string {
  if (threshold.limit.kind === 'baseline')
    return threshold.limit.factor === 1 ? 'baseline' : `baseline × ${threshold.limit.factor}`;
  if (threshold.metric.kind === 'error-rate') return `${+(threshold.limit.value * 100).toPrecision(4)}%`;
  return `${+threshold.limit.value.toPrecision(6)} ms`;
}
