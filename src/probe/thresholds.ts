import { parseDuration } from '../core/duration.js';
import { InputError } from '../core/errors.js';

/** `==` also stands for k6's `===` (k6 treats them alike: its figures are plain numbers). */
export type Comparison = '<' | '<=' | '>' | '>=' | '==' | '!=';

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
  /** Judged for this named target only (a `targets` line); otherwise for every target. */
  target?: string;
}

const INPUT = 'thresholds';

/** k6's operators (metrics/thresholds_parser.go), longest first so `<=` is not read as `<`. */
const OPERATORS: Readonly<Record<string, Comparison>> = {
  '<=': '<=',
  '<': '<',
  '>=': '>=',
  '>': '>',
  '===': '==',
  '==': '==',
  '!=': '!=',
};
const ACCEPTED_OPERATORS = '<, <=, >, >=, ==, === or !=';

const EXAMPLES =
  'write one per line, k6 style or with units, e.g. "p(95)<200", "avg<50", "rate<0.01", "p95 < 200ms", ' +
  '"error-rate < 1%", "p95 < baseline * 1.10"';
const METRICS = 'p(N) with N from 0 to 100 (or p95, p99.9), avg/mean, med, min, max, or rate/error-rate';

/** A plain decimal number as k6 writes them (`200`, `0.01`, `99.9`, `1e3`); no NaN, no infinity. */
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

function refuse(line: string, problem: string, fix: string): never {
  throw new InputError(INPUT, `"${line}": ${problem}`, fix);
}

/** Splits `method op value` at the first run of comparison characters, as k6's scanner does. */
export function scanThreshold(line: string): {
  method: string;
  operator: string;
  op: Comparison;
  value: string;
} {
  const match = /^\s*(.*?)\s*([<>=!≤≥≠]+)\s*(.*?)\s*$/.exec(line);
  if (!match || match[1] === '') {
    refuse(line, 'is not a threshold (no comparison operator).', `use ${ACCEPTED_OPERATORS}; ${EXAMPLES}.`);
  }
  const op = OPERATORS[match[2]];
  if (!op) {
    refuse(line, `the operator "${match[2]}" is not supported.`, `use one of ${ACCEPTED_OPERATORS}.`);
  }
  if (match[3] === '') refuse(line, `nothing to compare with after "${match[2]}".`, `${EXAMPLES}.`);
  return { method: match[1], operator: match[2], op, value: match[3] };
}

/** p(0) and p(100) are the extremes, as in k6 (its P(0) is the smallest sample, P(1) the largest). */
function percentileMetric(value: number): ThresholdMetric {
  if (value === 0) return { kind: 'min', name: 'min' };
  if (value === 100) return { kind: 'max', name: 'max' };
  const percentile = Number((value / 100).toPrecision(12));
  return { kind: 'percentile', percentile, name: `p${Number(value.toPrecision(6))}` };
}

function parsePercentile(method: string, line: string): ThresholdMetric | undefined {
  // k6 writes p(95); Runway also reads p95 and p99.9.
  const match = /^p(?:\((.*)\)|(\d.*))$/.exec(method);
  if (!match) return undefined;
  const text = (match[1] ?? match[2]).trim();
  const value = NUMBER.test(text) ? Number(text) : Number.NaN;
  if (!(value >= 0 && value <= 100)) {
    refuse(
      line,
      `"${method}" is not a percentile from 0 to 100.`,
      'use e.g. p(50), p(95), p(99) or p(99.9).',
    );
  }
  return percentileMetric(value);
}

function parseMetric(method: string, line: string): ThresholdMetric {
  const lower = method.toLowerCase();
  if (lower === 'avg' || lower === 'mean') return { kind: 'mean', name: 'mean' };
  if (lower === 'med' || lower === 'median') return { kind: 'percentile', percentile: 0.5, name: 'p50' };
  if (lower === 'max') return { kind: 'max', name: 'max' };
  if (lower === 'min') return { kind: 'min', name: 'min' };
  if (lower === 'rate' || lower === 'error-rate' || lower === 'errors' || lower === 'error_rate')
    return { kind: 'error-rate', name: 'error-rate' };
  if (lower === 'count' || lower === 'value') {
    refuse(
      line,
      `"${method}" is k6's aggregation for ${lower === 'count' ? 'Counter' : 'Gauge'} metrics; ` +
        'latency-probe judges a Trend (the response time) and a Rate (the error rate).',
      `use ${METRICS}.`,
    );
  }
  const percentile = parsePercentile(lower, line);
  if (percentile) return percentile;
  return refuse(line, `unknown aggregation "${method}".`, `use ${METRICS}.`);
}

/** The error rate: a bare fraction from 0 to 1 as in k6 (`rate<0.01`), or a percentage up to 100 %. */
function parseRate(text: string, line: string): number {
  const pct = text.endsWith('%');
  const number = pct ? text.slice(0, -1).trimEnd() : text;
  if (!NUMBER.test(number)) {
    refuse(
      line,
      `"${text}" is not an error rate.`,
      'write a fraction or a percentage, e.g. rate<0.01 or error-rate < 1%.',
    );
  }
  const fraction = pct ? Number(number) / 100 : Number(number);
  if (fraction < 0 || fraction > 1) {
    refuse(
      line,
      `"${text}" is ${pct ? 'a percentage' : 'an error rate'} outside ${pct ? '0 % to 100 %' : '0 to 1'}.`,
      'an error rate is a fraction from 0 to 1 (or 0 % to 100 %), e.g. rate<0.01 or error-rate < 1%.',
    );
  }
  return fraction;
}

/** A latency limit: a bare number is milliseconds (k6's unit for http_req_duration), or a duration. */
function parseLatency(text: string, line: string): number {
  const ms = NUMBER.test(text) ? Number(text) : parseDuration(text);
  if (ms === undefined || ms < 0) {
    refuse(
      line,
      `"${text}" is not a duration.`,
      `give milliseconds (200), a unit (200ms, 1.5s) or baseline * 1.10; ${EXAMPLES}.`,
    );
  }
  return ms;
}

function parseLimit(metric: ThresholdMetric, text: string, line: string): ThresholdLimit {
  const baseline = /^baseline(?:\s*\*\s*(.+))?$/i.exec(text);
  if (baseline) {
    if (metric.kind === 'error-rate') {
      refuse(
        line,
        "the error rate cannot be compared with the baseline's.",
        'give an absolute rate such as rate<0.01.',
      );
    }
    const factor =
      baseline[1] === undefined ? 1 : NUMBER.test(baseline[1]) ? Number(baseline[1]) : Number.NaN;
    if (!(factor > 0))
      refuse(line, 'the baseline factor must be a number above 0.', 'write e.g. p95 < baseline * 1.10.');
    return { kind: 'baseline', factor };
  }
  if (metric.kind === 'error-rate') return { kind: 'absolute', value: parseRate(text, line) };
  return { kind: 'absolute', value: parseLatency(text, line) };
}

/** Parses one threshold expression, k6's (`p(95)<200`, `rate<0.01`) or Runway's (`p95 < 200ms`). */
export function parseThreshold(line: string): Threshold {
  const { method, op, value } = scanThreshold(line.trim());
  const metric = parseMetric(method, line);
  return { text: line, metric, op, limit: parseLimit(metric, value, line) };
}

/**
 * Parses threshold lines. Blank lines and `#` comments are skipped; commas also separate thresholds so a
 * one-line input works.
 */
export function parseThresholds(text: string): Threshold[] {
  const thresholds: Threshold[] = [];
  for (const raw of text.split(/[\n,]/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    thresholds.push(parseThreshold(line));
  }
  return thresholds;
}

export function describeLimit(threshold: Threshold): string {
  if (threshold.limit.kind === 'baseline')
    return threshold.limit.factor === 1 ? 'baseline' : `baseline × ${threshold.limit.factor}`;
  if (threshold.metric.kind === 'error-rate') return `${+(threshold.limit.value * 100).toPrecision(4)}%`;
  return `${+threshold.limit.value.toPrecision(6)} ms`;
}
