import { build, encodeIntoCompressedBase64, type Histogram } from 'hdr-histogram-js';
import type { ConnectTiming } from './connection.js';
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

function phase(values: number[]): PhaseStats {
  if (values.length === 0) return { count: 0, p50: 0, p90: 0, p95: 0, p99: 0, max: 0, mean: 0 };
  const h = newHistogram();
  for (const v of values) h.recordValue(toMicros(v));
  // HDR reports a bucket's highest equivalent value, which can overshoot the exact maximum.
  const at = (p: number) => round(Math.min(h.getValueAtPercentile(p), h.maxValue) / 1000);
  const result = {
    count: values.length,
    p50: at(50),
    p90: at(90),
    p95: at(95),
    p99: at(99),
    max: round(h.maxValue / 1000),
    mean: round(h.mean / 1000),
  };
  h.destroy();
  return result;
}

/**
 * Bars for the summary chart: equal-width buckets from 0 to about the p99.9 (rounded to a readable
 * width), with everything slower in a last "≥" bucket so one stall does not squash the chart.
 */
export function buckets(sortedMs: readonly number[], count = 12): HistogramBucket[] {
  if (sortedMs.length === 0) return [];
  const top = sortedMs[Math.min(sortedMs.length - 1, Math.ceil(0.999 * sortedMs.length) - 1)];
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

export function summarise(
  url: string,
  role: 'target' | 'baseline',
  samples: RequestSample[],
  opened: ConnectTiming[],
  durationMs: number,
): TargetReport {
  const h = newHistogram();
  for (const s of samples) h.recordValue(toMicros(s.totalMs));
  const at = (p: number) => round(Math.min(h.getValueAtPercentile(p), h.maxValue) / 1000);
  const latency: LatencyFigures =
    samples.length === 0
      ? { p50: 0, p90: 0, p95: 0, p99: 0, p999: 0, min: 0, max: 0, mean: 0, stddev: 0 }
      : {
          p50: at(50),
          p90: at(90),
          p95: at(95),
          p99: at(99),
          p999: at(99.9),
          min: round(h.minNonZeroValue / 1000),
          max: round(h.maxValue / 1000),
          mean: round(h.mean / 1000),
          stddev: round(h.stdDeviation / 1000),
        };
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
  const sortedMs = samples.map((s) => round(s.totalMs)).sort((a, b) => a - b);
  const pick = (f: (s: RequestSample) => number | undefined) =>
    samples.map(f).filter((v): v is number => v !== undefined);
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
      dns: phase(opened.map((c) => c.dnsMs).filter((v): v is number => v !== undefined)),
      connect: phase(opened.map((c) => c.connectMs)),
      tls: phase(opened.map((c) => c.tlsMs).filter((v): v is number => v !== undefined)),
      queue: phase(pick((s) => s.queueMs)),
      ttfb: phase(pick((s) => s.ttfbMs)),
      service: phase(pick((s) => s.serviceMs)),
      total: phase(pick((s) => s.totalMs)),
    },
    connections: opened.length,
    histogram: buckets(sortedMs),
    hdr,
    sortedMs,
    achievedRate: durationMs > 0 ? Math.round((samples.length / durationMs) * 1000 * 10) / 10 : 0,
    durationMs: Math.round(durationMs),
  };
}
