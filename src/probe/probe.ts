import { ProbeConnection, serialiseRequest, type ConnectTiming, type RequestSpec } from './connection.js';
import { summarise } from './figures.js';
import { formatStatusRanges, statusAccepted } from './status.js';
import type { ProbeOptions, ProbeReport, RequestSample } from './types.js';

/** One probed URL with its own connections: targets and the baseline never share a socket. */
class Endpoint {
  private readonly free: ProbeConnection[] = [];
  private readonly waiting: ((connection: ProbeConnection) => void)[] = [];
  readonly all: ProbeConnection[] = [];
  readonly opened: ConnectTiming[] = [];
  readonly samples: RequestSample[] = [];
  firstIntended = Number.POSITIVE_INFINITY;
  lastEnd = 0;
  sent = 0;

  constructor(
    readonly url: URL,
    readonly role: 'target' | 'baseline',
    readonly spec: RequestSpec,
    concurrency: number,
    ca?: string,
  ) {
    const wire = { ...serialiseRequest(url, spec), ca };
    for (let i = 0; i < concurrency; i++) {
      const connection = new ProbeConnection(wire);
      this.all.push(connection);
      this.free.push(connection);
    }
  }

  /** Waits for a connection to come free; undefined when none did before `deadline` (performance.now()). */
  private acquire(deadline: number): Promise<ProbeConnection | undefined> {
    return new Promise((resolve) => {
      const waiter = (c: ProbeConnection) => {
        clearTimeout(timer);
        resolve(c);
      };
      const timer = setTimeout(
        () => {
          const at = this.waiting.indexOf(waiter);
          if (at >= 0) this.waiting.splice(at, 1);
          resolve(undefined);
        },
        // libuv timers run on a millisecond clock and can fire up to 1 ms early.
        Math.max(0, Math.ceil(deadline - performance.now()) + 1),
      );
      this.waiting.push(waiter);
    });
  }

  private release(connection: ProbeConnection): void {
    const next = this.waiting.shift();
    if (next) next(connection);
    else this.free.push(connection);
  }

  /**
   * One request due at `intendedAt`. Its response time runs from that moment, not from when a
   * connection came free, so time spent queued behind a stalled server is counted (no coordinated
   * omission).
   */
  async request(scheduledAt: number): Promise<RequestSample> {
    // With a connection free, any delay between the schedule and now is the timer's own lateness (about
    // a millisecond), not the server's doing, so it is not charged; with every connection busy, the
    // wait counts from the schedule, which is what exposes a stalled server.
    const intendedAt = this.free.length > 0 ? Math.max(scheduledAt, performance.now()) : scheduledAt;
    // The timeout runs from there too, as a user's patience would, so a dead server cannot stretch the
    // run far beyond its schedule.
    const deadline = intendedAt + this.spec.timeoutMs;
    // A free connection is taken at once: no promise, no extra turn of the event loop.
    const connection = this.free.pop() ?? (await this.acquire(deadline));
    if (!connection) {
      const totalMs = performance.now() - intendedAt;
      return {
        totalMs,
        serviceMs: 0,
        queueMs: totalMs,
        error: 'timeout',
        errorMessage: `no connection came free within ${this.spec.timeoutMs} ms`,
      };
    }
    this.sent++;
    const exchange = await connection.exchange(Math.max(1, deadline - performance.now()));
    this.release(connection);
    if (exchange.connect) this.opened.push(exchange.connect);
    return {
      totalMs: exchange.endAt - intendedAt,
      serviceMs: exchange.endAt - exchange.sentAt,
      queueMs: Math.max(0, exchange.sentAt - intendedAt),
      ttfbMs: exchange.ttfbAt === undefined ? undefined : exchange.ttfbAt - exchange.sentAt,
      dnsMs: exchange.connect?.dnsMs,
      connectMs: exchange.connect?.connectMs,
      tlsMs: exchange.connect?.tlsMs,
      status: exchange.status,
      error: exchange.error,
      errorMessage: exchange.errorMessage,
    };
  }

  async closed(count: number, workers: number, record: boolean): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < count) {
        next++;
        const intendedAt = performance.now();
        const sample = await this.request(intendedAt);
        if (record) this.keep(intendedAt, sample);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(workers, count)) }, worker));
  }

  /** The open model: request i leaves at start + i/rate whether or not the earlier ones returned. */
  async open(count: number, rate: number, start: number): Promise<void> {
    const interval = 1000 / rate;
    const inFlight: Promise<void>[] = [];
    let i = 0;
    await new Promise<void>((done) => {
      const tick = () => {
        const now = performance.now();
        while (i < count && start + i * interval <= now) {
          const intendedAt = start + i * interval;
          i++;
          inFlight.push(this.request(intendedAt).then((sample) => this.keep(intendedAt, sample)));
        }
        if (i < count) setTimeout(tick, Math.max(0, start + i * interval - performance.now()));
        else done();
      };
      setTimeout(tick, Math.max(0, start - performance.now()));
    });
    await Promise.all(inFlight);
  }

  private keep(intendedAt: number, sample: RequestSample): void {
    this.firstIntended = Math.min(this.firstIntended, intendedAt);
    this.lastEnd = Math.max(this.lastEnd, performance.now());
    this.samples.push(sample);
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((c) => c.close()));
  }
}

/** Credentials in the URL (https://user:pass@host) become Basic auth, as curl does, unless one was given. */
function withUrlCredentials(headers: Record<string, string>, url: URL): Record<string, string> {
  if (!url.username && !url.password) return headers;
  if (Object.keys(headers).some((k) => k.toLowerCase() === 'authorization')) return headers;
  const pair = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  return { ...headers, authorization: `Basic ${Buffer.from(pair).toString('base64')}` };
}

export function redactHeaders(
  headers: Record<string, string>,
  secretNames: string[] = [],
): Record<string, string> {
  const secret = new Set(secretNames.map((n) => n.toLowerCase()));
  return Object.fromEntries(
    Object.entries(headers).map(([k, v]) => [k, secret.has(k.toLowerCase()) ? '***' : v]),
  );
}

/**
 * Probes every target (and the baseline, interleaved with them in the same run) and returns every
 * figure. Failed requests are samples too: a timeout counts at the time it was given up on, so an
 * outage raises the percentiles instead of vanishing from them.
 */
export async function probe(options: ProbeOptions): Promise<ProbeReport> {
  const startedAt = new Date();
  const endpoints = openEndpoints(options);
  let stopProgress = () => undefined as void;
  try {
    await warmUp(endpoints, options);
    stopProgress = reportProgress(endpoints, options);
    await measure(endpoints, options);
  } finally {
    stopProgress();
    await Promise.all(endpoints.map((e) => e.close()));
  }
  return reportOf(endpoints, options, startedAt);
}

/** One Endpoint per target, then the baseline, each with its own `concurrency` connections. */
function openEndpoints(options: ProbeOptions): Endpoint[] {
  const headers: Record<string, string> = { 'user-agent': 'runway-latency-probe', ...options.headers };
  return [
    ...options.urls.map((url) => ({ url, role: 'target' as const })),
    ...(options.baseline ? [{ url: options.baseline, role: 'baseline' as const }] : []),
  ].map(
    ({ url, role }) =>
      new Endpoint(
        url,
        role,
        {
          path: `${url.pathname}${url.search}`,
          method: options.method.toUpperCase(),
          headers: withUrlCredentials(headers, url),
          body: options.body,
          timeoutMs: options.timeoutMs,
          accept: (status) => statusAccepted(options.expectStatus, status),
        },
        options.concurrency,
        options.ca,
      ),
  );
}

/** Warm-up requests open the connections and warm caches; they are left out of the figures. */
async function warmUp(endpoints: Endpoint[], options: ProbeOptions): Promise<void> {
  if (options.warmup > 0) {
    options.log?.(`Warm-up: ${options.warmup} request(s) per URL, not counted.`);
    await Promise.all(endpoints.map((e) => e.closed(options.warmup, options.concurrency, false)));
  }
  for (const e of endpoints) e.sent = 0;
}

/** The measured requests: on an open schedule when a rate is set, else a closed loop. */
async function measure(endpoints: Endpoint[], options: ProbeOptions): Promise<void> {
  options.log?.(
    options.rate > 0
      ? `Probing ${endpoints.length} URL(s): ${options.requests} requests each at ${options.rate}/s (open model), at most ${options.concurrency} in flight.`
      : `Probing ${endpoints.length} URL(s): ${options.requests} requests each, closed loop over ${options.concurrency} connection(s).`,
  );
  if (options.rate <= 0) {
    await Promise.all(endpoints.map((e) => e.closed(options.requests, options.concurrency, true)));
    return;
  }
  // Stagger the URLs across one interval so they take turns: same network, same minute, same load.
  const start = performance.now() + 5;
  const interval = 1000 / options.rate;
  await Promise.all(
    endpoints.map((e, k) =>
      e.open(options.requests, options.rate, start + (k * interval) / endpoints.length),
    ),
  );
}

/** A progress line every few seconds while measuring; returns the function that stops it. */
function reportProgress(endpoints: Endpoint[], options: ProbeOptions): () => void {
  const log = options.log;
  if (!log) return () => undefined;
  const total = options.requests * endpoints.length;
  const progress = setInterval(() => {
    const done = endpoints.reduce((a, e) => a + e.samples.length, 0);
    log(
      `Probing: ${done} of ${total} requests done (${endpoints.map((e) => `${e.url.host} ${e.samples.length}`).join(', ')}).`,
    );
  }, options.progressIntervalMs ?? 5000);
  progress.unref();
  return () => clearInterval(progress);
}

/** Every figure per endpoint, with the settings they were measured under (secret headers as ***). */
function reportOf(endpoints: Endpoint[], options: ProbeOptions, startedAt: Date): ProbeReport {
  const reports = endpoints.map((e, k) => {
    const report = summarise(e.url.href, e.role, e.samples, e.opened, e.lastEnd - e.firstIntended);
    if (e.role === 'target') report.name = options.names?.[k];
    return report;
  });
  return {
    version: 1,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    settings: {
      requests: options.requests,
      rate: options.rate,
      model: options.rate > 0 ? 'open' : 'closed',
      concurrency: options.concurrency,
      warmup: options.warmup,
      timeoutMs: options.timeoutMs,
      method: options.method.toUpperCase(),
      headers: redactHeaders(options.headers, options.secretHeaders),
      expectStatus: formatStatusRanges(options.expectStatus),
    },
    targets: reports.filter((r) => r.role === 'target'),
    baseline: reports.find((r) => r.role === 'baseline'),
  };
}
