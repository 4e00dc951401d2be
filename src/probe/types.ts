/** An inclusive range of accepted HTTP statuses (`200-399`, or `404` as 404..404). */
export interface StatusRange {
  from: number;
  to: number;
}

export interface ProbeOptions {
  /** The targets under test; every threshold without a `target` is judged for each. */
  urls: URL[];
  /** The targets' names in the order of `urls` (from the `targets` input, or host and path). */
  names?: string[];
  /** Probed in the same run, interleaved with the targets, for `baseline * 1.10` thresholds. */
  baseline?: URL;
  /** Measured requests per target (warm-up requests come on top). */
  requests: number;
  /** Requests per second per target on an open schedule; 0 = closed loop (next request when one returns). */
  rate: number;
  /** Most requests in flight per target, which is also the number of connections. */
  concurrency: number;
  /** Requests per target sent first and left out of the figures (they open connections, warm caches). */
  warmup: number;
  timeoutMs: number;
  method: string;
  headers: Record<string, string>;
  body?: string;
  expectStatus: StatusRange[];
  /** Header names whose values must never be written out (the report shows `***`). */
  secretHeaders?: string[];
  /** Extra trusted CA (PEM) for in-process callers; the action trusts NODE_EXTRA_CA_CERTS like Node does. */
  ca?: string;
  /** Progress lines for long runs. */
  log?: (line: string) => void;
  progressIntervalMs?: number;
}

export type ErrorKind = 'status' | 'timeout' | 'connection';

/** One measured request. Times in milliseconds. */
export interface RequestSample {
  /** Time from the scheduled send to the end of the body: what a user arriving on schedule waits. */
  totalMs: number;
  /** Time from the actual send to the end of the body (excludes waiting for a free connection). */
  serviceMs: number;
  /** Waiting for a free connection because the earlier requests had not returned. */
  queueMs: number;
  ttfbMs?: number;
  /** Set when this request had to open its connection first. */
  dnsMs?: number;
  connectMs?: number;
  tlsMs?: number;
  status?: number;
  error?: ErrorKind;
  errorMessage?: string;
}

export interface PhaseStats {
  count: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export interface LatencyFigures {
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  p999: number;
  min: number;
  max: number;
  mean: number;
  stddev: number;
}

export interface HistogramBucket {
  fromMs: number;
  toMs: number;
  count: number;
}

export interface TargetReport {
  url: string;
  /** The target's name (the `targets` input's first word, or host and path); absent for the baseline. */
  name?: string;
  role: 'target' | 'baseline';
  requests: number;
  errors: number;
  errorRate: number;
  errorsByKind: Record<ErrorKind, number>;
  statusCounts: Record<string, number>;
  /** A few distinct error messages, so a summary can say what went wrong. */
  errorExamples: string[];
  /** Of the response time (`totalMs`), from the HDR histogram; milliseconds. */
  latency: LatencyFigures;
  phases: {
    dns: PhaseStats;
    connect: PhaseStats;
    tls: PhaseStats;
    queue: PhaseStats;
    ttfb: PhaseStats;
    service: PhaseStats;
    total: PhaseStats;
  };
  /** Connections opened, warm-up included. */
  connections: number;
  histogram: HistogramBucket[];
  /** The HDR histogram (microseconds), compressed base64, for tools that read HdrHistogram logs. */
  hdr: string;
  /** Response times in ascending order; the confidence intervals are computed from these. */
  sortedMs: number[];
  /** The achieved request rate over the measured run (requests/s). */
  achievedRate: number;
  durationMs: number;
}

export interface ProbeReport {
  version: 1;
  startedAt: string;
  finishedAt: string;
  settings: {
    requests: number;
    rate: number;
    model: 'open' | 'closed';
    concurrency: number;
    warmup: number;
    timeoutMs: number;
    method: string;
    headers: Record<string, string>;
    expectStatus: string;
  };
  targets: TargetReport[];
  baseline?: TargetReport;
}
