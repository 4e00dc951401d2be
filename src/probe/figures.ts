import { build, encodeIntoCompressedBase64, type Histogram } from 'hdr-histogram-js';
import type { ConnectTiming } from './connection.js';
import { nearestRank } from './order-statistics.js';
import type {
  ErrorKind,
  HistogramBucket,
  LatencyFigures,
  PhaseStats,
  RequestSample,
  TargetReport,
} from './types.js';

/** Microsecond resolution, 3 significant digits (0.1% error), up to an hour. */
function newHistogram(): Histogram {
  return build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 3_600_000_000,
    numberOfSignificantValueDigits: 3,
    useWebAssembly: false,
  });
}

const toMicros = (ms: number) => Math.max(1, Math.round(ms * 1000));
const round = (ms: number) => Math.round(ms * 1000) / 1000;

/**
 * A phase's figures, exact: the values sorted as a Float64Array (a native numeric sort, far cheaper than
 * a histogram per phase for the tens of thousands of samples a fast run collects), read by nearest rank.
 */
function phase(values: Float64Array): PhaseStats {
  const n = values.length;
  if (n === 0) return { count: 0, p50: 0, p90: 0, p95: 0, p99: 0, max: 0, mean: 0 };
  values.sort();
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  const at = (p: number) => round(nearestRank(values, p));
  return {
    count: n,
    p50: at(0.5),
    p90: at(0.9),
    p95: at(0.95),
    p99: at(0.99),
    max: round(values[n - 1]),
    mean: round(sum / n),
  };
}

/** The defined values of one field of every sample (or connection), in a typed array for `phase`. */
function column<T>(items: readonly T[], field: (item: T) => number | undefined): Float64Array {
  const out = new Float64Array(items.length);
  let n = 0;
  for (const item of items) {
    const v = field(item);
    if (v !== undefined) out[n++] = v;
  }
  return out.subarray(0, n);
}

/**
 * Bars for the summary chart: equal-width buckets from 0 to about the p99.9 (rounded to a readable
 * width), with everything slower in a last "≥" bucket so one stall does not squash the chart.
 */
export function buckets(sortedMs: readonly number[], count = 12): HistogramBucket[] {
  if (sortedMs.length === 0) return [];
  const top = nearestRank(sortedMs, 0.999);
  const lowest = sortedMs[0];
  const steps = [1, 2, 2.5, 5];
  let width = 1;
  outer: for (let scale = 0.001; scale < 1e7; scale *= 10) {
    for (const s of steps) {
      const w = s * scale;
      if (Math.floor(top / w) - Math.floor(lowest / w) + 1 <= count) {
        width = w;
        break outer;
      }
    }
  }
  const start = Math.floor(lowest / width) * width;
  const n = Math.max(1, Math.min(count, Math.floor(top / width) - Math.floor(lowest / width) + 1));
  const result: HistogramBucket[] = [];
  for (let i = 0; i < n; i++)
    result.push({ fromMs: round(start + i * width), toMs: round(start + (i + 1) * width), count: 0 });
  const last = result[n - 1].toMs;
  const overflow: HistogramBucket = { fromMs: last, toMs: Number.POSITIVE_INFINITY, count: 0 };
  for (const v of sortedMs) {
    if (v >= last) overflow.count++;
    else result[Math.min(n - 1, Math.floor((v - start) / width))].count++;
  }
  if (overflow.count > 0) result.push(overflow);
  return result;
}

/** Response-time figures from the sorted samples: percentiles by nearest rank, exact to the microsecond. */
function latencyFigures(sorted: Float64Array): LatencyFigures {
  const n = sorted.length;
  if (n === 0) return { p50: 0, p90: 0, p95: 0, p99: 0, p999: 0, min: 0, max: 0, mean: 0, stddev: 0 };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i];
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (sorted[i] - mean) ** 2;
  const at = (p: number) => round(nearestRank(sorted, p));
  return {
    p50: at(0.5),
    p90: at(0.9),
    p95: at(0.95),
    p99: at(0.99),
    p999: at(0.999),
    min: sorted[0],
    max: sorted[n - 1],
    mean: round(mean),
    stddev: round(Math.sqrt(squares / n)),
  };
}

export function summarise(
  url: string,
  role: 'target' | 'baseline',
  samples: RequestSample[],
  opened: ConnectTiming[],
  durationMs: number,
): TargetReport {
  const sorted = column(samples, (s) => round(s.totalMs)).sort();
  const latency = latencyFigures(sorted);
  // The HdrHistogram is only for tools that read its format; the figures come from the exact samples.
  const h = newHistogram();
  for (let i = 0; i < sorted.length; i++) h.recordValue(toMicros(sorted[i]));
  const hdr = samples.length ? encodeIntoCompressedBase64(h) : '';
  h.destroy();
  const errorsByKind: Record<ErrorKind, number> = { status: 0, timeout: 0, connection: 0 };
  const statusCounts: Record<string, number> = {};
  const examples = new Set<string>();
  for (const s of samples) {
    if (s.error) {
      errorsByKind[s.error]++;
      if (s.errorMessage && examples.size < 5) examples.add(s.errorMessage);
    }
    const key = s.status === undefined ? (s.error ?? 'none') : String(s.status);
    statusCounts[key] = (statusCounts[key] ?? 0) + 1;
  }
  const errors = errorsByKind.status + errorsByKind.timeout + errorsByKind.connection;
  const sortedMs = Array.from(sorted);
  return {
    url,
    role,
    requests: samples.length,
    errors,
    errorRate: samples.length ? errors / samples.length : 0,
    errorsByKind,
    statusCounts,
    errorExamples: [...examples],
    latency,
    phases: {
      // Connection set-up is counted over every connection opened, the warm-up's included: that is
      // where most of them open, and a probe that hid them would never show a slow TLS handshake.
      dns: phase(column(opened, (c) => c.dnsMs)),
      connect: phase(column(opened, (c) => c.connectMs)),
      tls: phase(column(opened, (c) => c.tlsMs)),
      queue: phase(column(samples, (s) => s.queueMs)),
      ttfb: phase(column(samples, (s) => s.ttfbMs)),
      service: phase(column(samples, (s) => s.serviceMs)),
      total: phase(column(samples, (s) => s.totalMs)),
    },
    connections: opened.length,
    histogram: buckets(sortedMs),
    hdr,
    sortedMs,
    achievedRate: durationMs > 0 ? Math.round((samples.length / durationMs) * 1000 * 10) / 10 : 0,
    durationMs: Math.round(durationMs),
  };
}
