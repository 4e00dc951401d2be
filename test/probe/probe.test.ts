import { describe, expect, it } from '@jest/globals';
import { useDelayServers } from './delay-servers.js';
import { createServer } from 'node:net';
import { fixed, spread, type Behaviour, type DelayServer } from '../../src/sim/http/delay-server.js';
import { probe } from '../../src/probe/probe.js';
import type { ProbeOptions } from '../../src/probe/types.js';

const { cert, start } = useDelayServers();
const server = (
  behaviour: (index: number, now: number) => Behaviour,
  tls = false,
  host?: string,
): Promise<DelayServer> => start({ behaviour, tls: tls ? cert : undefined, host });

function options(url: string, extra: Partial<ProbeOptions> = {}): ProbeOptions {
  return {
    urls: [new URL(url)],
    requests: 40,
    rate: 0,
    concurrency: 4,
    warmup: 0,
    timeoutMs: 5000,
    method: 'GET',
    headers: {},
    expectStatus: [{ from: 200, to: 399 }],
    ...extra,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length / 2) - 1];

describe('probe against real servers', () => {
  it('measures a fixed delay: every response time at least the delay, over at most `concurrency` connections', async () => {
    const s = await server(fixed(30));
    const report = await probe(options(s.url, { warmup: 3 }));
    const t = report.targets[0];
    expect(s.count()).toBe(43);
    expect(t.requests).toBe(40);
    expect(t.errors).toBe(0);
    // The server's setTimeout runs on libuv's loop clock, kept in whole milliseconds, so one response can
    // come up to 1 ms short of 30 ms on the probe's high-resolution clock (CI saw 29.496).
    expect(t.sortedMs[0]).toBeGreaterThanOrEqual(29);
    expect(t.latency.p50).toBeGreaterThanOrEqual(29.5);
    expect(t.connections).toBeGreaterThanOrEqual(1);
    expect(t.connections).toBeLessThanOrEqual(4);
    expect(t.phases.connect.count).toBe(t.connections);
    expect(t.phases.dns.count).toBe(0); // an IP literal needs no lookup
    expect(t.phases.tls.count).toBe(0);
    expect(t.phases.ttfb.count).toBe(40);
    expect(t.statusCounts).toEqual({ '200': 40 });
    expect(t.histogram.reduce((a, b) => a + b.count, 0)).toBe(40);
    expect(t.hdr.length).toBeGreaterThan(10);
    expect(report.settings.model).toBe('closed');
  });

  it('over HTTPS by name: DNS, connect and TLS phases are measured on the connections it opened', async () => {
    const s = await server(fixed(5), true);
    const url = s.url.replace('127.0.0.1', 'localhost');
    const report = await probe(options(url, { ca: cert.cert, concurrency: 2, warmup: 2 }));
    const t = report.targets[0];
    expect(t.errors).toBe(0);
    expect(t.connections).toBeGreaterThanOrEqual(1);
    expect(t.phases.tls.count).toBe(t.connections);
    expect(t.phases.dns.count).toBe(t.connections);
    expect(t.phases.tls.p50).toBeGreaterThan(0);
    expect(t.url).toBe(url);
  });

  it('an untrusted certificate is a connection error, not a crash', async () => {
    const s = await server(fixed(1), true);
    const report = await probe(options(s.url, { requests: 3, concurrency: 1 }));
    expect(report.targets[0].errorsByKind.connection).toBe(3);
    expect(report.targets[0].errorExamples.join(' ')).toMatch(/certificate|self.signed/i);
  });

  it('tracks a delay spread: the measured median sits just above the server’s own median', async () => {
    const s = await server(spread(10, 50, 4));
    const report = await probe(options(s.url, { requests: 80, rate: 100, concurrency: 10 }));
    const truth = median(s.applied);
    const t = report.targets[0];
    expect(report.settings.model).toBe('open');
    expect(t.latency.p50).toBeGreaterThanOrEqual(truth - 1);
    expect(t.latency.p50).toBeLessThan(truth + 25);
    // The same whole-millisecond loop clock as above: the shortest (10 ms) delay may read up to 1 ms short.
    expect(t.latency.min).toBeGreaterThanOrEqual(9);
  });

  it('sees a stall on an open schedule that a closed loop hides (coordinated omission)', async () => {
    // Request #10 starts a 600 ms freeze: everything arriving during it waits until it ends.
    const stallingServer = () => {
      let stallStart = -1;
      return server((index, now) => {
        if (index === 10) stallStart = now;
        if (stallStart >= 0 && now < stallStart + 600) return { delayMs: stallStart + 600 - now };
        return { delayMs: 5 };
      });
    };
    const open = await probe(
      options((await stallingServer()).url, { requests: 60, rate: 50, concurrency: 5 }),
    );
    const closed = await probe(
      options((await stallingServer()).url, { requests: 60, rate: 0, concurrency: 1 }),
    );
    // Open: ~30 requests were due during the freeze, so the p90 carries it.
    expect(open.targets[0].latency.p90).toBeGreaterThan(200);
    expect(open.targets[0].phases.queue.max).toBeGreaterThan(100);
    // Closed with one connection: only one request waited; the p90 looks healthy.
    expect(closed.targets[0].latency.max).toBeGreaterThan(500);
    expect(closed.targets[0].latency.p90).toBeLessThan(100);
  });

  it('counts unexpected statuses, resets and timeouts as errors, and a timeout at its full time', async () => {
    const s = await server((index) => {
      if (index % 10 === 3) return { delayMs: 0, status: 503 };
      if (index % 10 === 5) return { delayMs: 0, reset: true };
      if (index % 10 === 7) return { delayMs: 0, hang: true };
      return { delayMs: 2 };
    });
    const report = await probe(options(s.url, { requests: 30, concurrency: 1, timeoutMs: 300 }));
    const t = report.targets[0];
    expect(t.errorsByKind).toEqual({ status: 3, connection: 3, timeout: 3 });
    expect(t.errors).toBe(9);
    expect(t.errorRate).toBeCloseTo(0.3, 10);
    expect(t.statusCounts['503']).toBe(3);
    // The three timeouts are the three slowest samples, each at about the timeout.
    expect(t.sortedMs.slice(-3).every((ms) => ms >= 299)).toBe(true);
    expect(t.sortedMs[t.sortedMs.length - 4]).toBeLessThan(299);
    expect(t.errorExamples.join(' ')).toMatch(/HTTP 503/);
  });

  it('times a request out from its scheduled time, so a hung server cannot stretch the run', async () => {
    const s = await server(() => ({ delayMs: 0, hang: true }));
    const report = await probe(options(s.url, { requests: 20, rate: 20, concurrency: 2, timeoutMs: 300 }));
    const t = report.targets[0];
    expect(t.errorsByKind.timeout).toBe(20);
    expect(t.sortedMs[0]).toBeGreaterThanOrEqual(299);
    // Counted from the schedule, no request waits much past its timeout; timed from the send, the
    // queue behind two hung connections would have grown to about 20 × 300 / 2 ms.
    expect(t.latency.max).toBeLessThan(600);
  });

  it('sends the method, body and headers it was given', async () => {
    const got: string[] = [];
    const s = await start({
      behaviour: fixed(0),
      onRequest: (req) => {
        let body = '';
        req.on('data', (c: Buffer) => (body += c));
        req.on('end', () => got.push(`${req.method} ${req.url} ${req.headers['content-type']} ${body}`));
      },
    });
    const report = await probe(
      options(`${s.url}api/ping?x=1`, {
        requests: 2,
        concurrency: 1,
        method: 'POST',
        body: '{"ping":1}',
        headers: { 'content-type': 'application/json' },
      }),
    );
    expect(report.targets[0].errors).toBe(0);
    expect(got).toEqual(Array(2).fill('POST /api/ping?x=1 application/json {"ping":1}'));
  });

  it('sends credentials in the URL as Basic auth', async () => {
    const got: (string | undefined)[] = [];
    const s = await start({
      behaviour: fixed(0),
      onRequest: (req) => got.push(req.headers.authorization),
    });
    await probe(options(s.url.replace('http://', 'http://probe:p%40ss@'), { requests: 1, concurrency: 1 }));
    expect(got).toEqual([`Basic ${Buffer.from('probe:p@ss').toString('base64')}`]);
  });

  it('accepts the statuses expect-status names', async () => {
    const s = await server(() => ({ delayMs: 0, status: 404 }));
    const report = await probe(
      options(s.url, {
        requests: 5,
        concurrency: 1,
        expectStatus: [
          { from: 200, to: 299 },
          { from: 404, to: 404 },
        ],
      }),
    );
    expect(report.targets[0].errors).toBe(0);
  });

  it('a refused connection is an error for every request', async () => {
    const port = await new Promise<number>((resolve) => {
      const probeServer = createServer();
      probeServer.listen(0, '127.0.0.1', () => {
        const { port } = probeServer.address() as { port: number };
        probeServer.close(() => resolve(port));
      });
    });
    const report = await probe(options(`http://127.0.0.1:${port}/`, { requests: 4, concurrency: 2 }));
    expect(report.targets[0].errorsByKind.connection).toBe(4);
    expect(report.targets[0].errorExamples.join(' ')).toMatch(/ECONNREFUSED/);
  });

  it('probes target and baseline interleaved in the same run', async () => {
    const arrived: { which: string; at: number }[] = [];
    const fast = await start({
      behaviour: fixed(5),
      onRequest: () => arrived.push({ which: 'target', at: performance.now() }),
    });
    const slow = await start({
      behaviour: fixed(25),
      onRequest: () => arrived.push({ which: 'baseline', at: performance.now() }),
    });
    const arrivals: string[] = [];
    const report = await probe({
      ...options(fast.url, { requests: 20, rate: 40, concurrency: 2 }),
      baseline: new URL(slow.url),
      log: (line) => arrivals.push(line),
    });
    expect(report.baseline!.requests).toBe(20);
    expect(report.targets[0].requests).toBe(20);
    expect(report.baseline!.latency.p50).toBeGreaterThan(report.targets[0].latency.p50);
    // Interleaved, not one after the other: the two URLs' requests alternate at the servers.
    const order = arrived.map((a) => a.which);
    const switches = order.slice(1).filter((w, i) => w !== order[i]).length;
    expect(switches).toBeGreaterThan(10); // one after the other would switch once
    expect(arrivals.some((l) => /open model/.test(l))).toBe(true);
  });

  it('never writes secret header values into the report, and sends them', async () => {
    const received: (string | undefined)[] = [];
    const s = await start({
      behaviour: () => ({ delayMs: 0 }),
      onRequest: (req) => received.push(req.headers.authorization),
    });
    const report = await probe(
      options(s.url, {
        requests: 2,
        concurrency: 1,
        headers: { authorization: 'Bearer abc-secret-123', accept: 'text/plain' },
        secretHeaders: ['Authorization'],
      }),
    );
    expect(JSON.stringify(report)).not.toContain('abc-secret-123');
    expect(report.settings.headers).toEqual({ authorization: '***', accept: 'text/plain' });
    expect(received).toEqual(['Bearer abc-secret-123', 'Bearer abc-secret-123']);
  });
});
