import { describe, expect, it } from '@jest/globals';
import { visibleLog } from '../support/bundle-log.js';
import { useDelayServers } from '../probe/delay-servers.js';
import { readFileSync } from 'node:fs';
import { runBundle } from '../../src/harness/run-bundle.js';
import { fixed, spread, stallAtRequest } from '../../src/sim/http/delay-server.js';

const { cert, start: server } = useDelayServers();

describe('latency-probe bundle', () => {
  it('passes a fast target against a slower baseline, with outputs, summary and report', async () => {
    const staging = await server({ behaviour: spread(20, 40, 1) });
    const aws = await server({ behaviour: spread(60, 90, 2) });
    const run = await runBundle('latency-probe', {
      inputs: {
        url: staging.url,
        'baseline-url': aws.url,
        requests: 100,
        rate: 100,
        warmup: 5,
        thresholds: 'p95 < 200ms\np95 < baseline * 1.10\nerror-rate < 5%',
      },
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.passed).toBe('true');
    expect(run.outputs.requests).toBe('100');
    expect(run.outputs['error-rate']).toBe('0');
    const p95 = Number(run.outputs['p95-ms']);
    expect(p95).toBeGreaterThanOrEqual(35);
    expect(p95).toBeLessThan(Number(run.outputs['max-ms']) + 0.001);
    expect(Number(run.outputs['p50-ms'])).toBeLessThanOrEqual(p95);
    expect(staging.count()).toBe(105);
    expect(aws.count()).toBe(105);
    const report = JSON.parse(readFileSync(run.outputs.report, 'utf8'));
    expect(report.passed).toBe(true);
    expect(report.targets[0].latency.p95).toBe(p95);
    expect(report.baseline.requests).toBe(100);
    expect(report.baseline.latency.p50).toBeGreaterThan(report.targets[0].latency.p95);
    expect(report.verdicts).toHaveLength(3);
    expect(report.verdicts.map((v: { outcome: string }) => v.outcome)).toEqual(['pass', 'pass', 'pass']);
    expect(report.targets[0].histogram.reduce((a: number, b: { count: number }) => a + b.count, 0)).toBe(100);
    expect(report.targets[0].phases.connect.count).toBeGreaterThan(0);
    expect(run.summary).toMatch(/## ✅ Latency gate passed/);
    expect(run.summary).toMatch(
      /\| p95 &lt; baseline \* 1.10 \| \d\.\d\d× \| \d\.\d\d× – \d\.\d\d× \| ✅ pass/,
    );
    expect(run.summary).toContain('compared with the baseline');
    expect(run.summary).toContain('```mermaid\nxychart-beta');
    expect(run.summary).toContain('| TCP connect |');
  });

  it('judges named targets in k6 syntax with one verdict and per-target outputs', async () => {
    const api = await server({ behaviour: fixed(2) });
    const db = await server({ behaviour: fixed(30) });
    const run = await runBundle('latency-probe', {
      inputs: {
        targets: `api ${api.url}api p(95)<200, rate<0.1\ndb ${db.url}db avg<10`,
        requests: 80,
        rate: 0,
        concurrency: 2,
        warmup: 0,
        'fail-on-breach': 'false',
      },
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.passed).toBe('false');
    const targets = JSON.parse(run.outputs.targets);
    expect(targets.api).toMatchObject({ passed: true, requests: 80 });
    expect(targets.db).toMatchObject({ passed: false, breached: ['avg<10'] });
    expect(api.count()).toBe(80);
    expect(db.count()).toBe(80);
    expect(run.summary).toMatch(/\| db \| [^\n]*\| 0 of 1 \| ❌ breach \|/);
  });

  it('fails the step on a breach, with an error annotation and passed=false', async () => {
    const slow = await server({ behaviour: fixed(40) });
    const run = await runBundle('latency-probe', {
      inputs: {
        url: slow.url,
        requests: 80,
        rate: 100,
        warmup: 0,
        thresholds: 'p95 < 20ms\nerror-rate < 5%',
      },
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.passed).toBe('false');
    expect(Number(run.outputs['p50-ms'])).toBeGreaterThanOrEqual(39.5);
    expect(run.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^p95 < 20ms .*breach/),
        expect.stringMatching(/Latency gate not passed: 1 threshold\(s\) breached, 0 inconclusive/),
      ]),
    );
    expect(run.summary).toMatch(/## ❌ Latency gate failed/);
    expect(run.summary).toMatch(/p95 &lt; 20ms \|.*❌ breach/);
  });

  it('reports an inconclusive verdict with the samples that would settle it; fail-on-breach: false keeps the step green', async () => {
    const s = await server({ behaviour: fixed(2) });
    const run = await runBundle('latency-probe', {
      inputs: {
        url: s.url,
        requests: 30,
        rate: 0,
        concurrency: 2,
        thresholds: 'p95 < 1s',
        'fail-on-breach': false,
      },
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.passed).toBe('false');
    expect(run.summary).toMatch(/⚠️ inconclusive/);
    expect(run.summary).toMatch(/about 59 requests would settle it/);
    expect(
      run.annotations.some((a) => a.level === 'warning' && /not failing the step/i.test(a.message)),
    ).toBe(true);
    expect(run.annotations.filter((a) => a.level === 'error')).toEqual([]);
  });

  it('an inconclusive verdict fails the gate by default (fail-on-breach: true)', async () => {
    const s = await server({ behaviour: fixed(2) });
    const run = await runBundle('latency-probe', {
      inputs: { url: s.url, requests: 30, rate: 0, concurrency: 2, thresholds: 'p95 < 1s' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.passed).toBe('false');
    const errors = run.annotations.filter((a) => a.level === 'error').map((a) => a.message);
    expect(errors).toEqual([
      expect.stringMatching(/^p95 < 1s .*inconclusive.*about 59 requests would settle it/),
      expect.stringMatching(/Latency gate not passed: 0 threshold\(s\) breached, 1 inconclusive/),
    ]);
  });

  it('counts error responses and fails an error-rate threshold', async () => {
    const s = await server({ behaviour: (i) => ({ delayMs: 1, status: i % 2 ? 503 : 200 }) });
    const run = await runBundle('latency-probe', {
      inputs: { url: s.url, requests: 40, rate: 0, concurrency: 1, warmup: 0, thresholds: 'error-rate < 1%' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs['error-rate']).toBe('0.5');
    expect(run.summary).toMatch(/20 of 40 requests failed \(50%\)\*\*: 20 unexpected status/);
  });

  it('reports a stall, resets and timeouts from a real server run through the bundle', async () => {
    // Request #20 freezes the server for 700 ms; every 25th request is reset, every 40th hangs.
    const base = (i: number) =>
      i % 40 === 39
        ? { delayMs: 0, hang: true }
        : i % 25 === 24
          ? { delayMs: 0, reset: true }
          : { delayMs: 3 };
    const s = await server({ behaviour: stallAtRequest((i) => base(i), 20, 700) });
    const run = await runBundle('latency-probe', {
      inputs: {
        url: s.url,
        requests: 100,
        rate: 50,
        concurrency: 5,
        warmup: 0,
        timeout: '400ms',
        thresholds: 'p99 < 100ms',
      },
    });
    expect(run.exitCode).toBe(1);
    const report = JSON.parse(readFileSync(run.outputs.report, 'utf8'));
    const t = report.targets[0];
    expect(t.errorsByKind.connection).toBeGreaterThanOrEqual(3);
    expect(t.errorsByKind.timeout).toBeGreaterThanOrEqual(2);
    // The freeze and the timeouts hold up many scheduled requests: the p90 shows it, not just the max.
    expect(t.latency.p90).toBeGreaterThan(200);
    expect(report.verdicts[0].outcome).toBe('breach');
    expect(run.summary).toMatch(/timed out/);
    expect(run.summary).toMatch(/connection error/);
  });

  it('probes HTTPS trusting NODE_EXTRA_CA_CERTS, with the TLS phase in the report', async () => {
    const s = await server({ behaviour: fixed(3), tls: cert });
    const run = await runBundle('latency-probe', {
      inputs: {
        url: s.url.replace('127.0.0.1', 'localhost'),
        requests: 20,
        rate: 0,
        concurrency: 2,
        thresholds: 'error-rate < 20%',
      },
      env: { NODE_EXTRA_CA_CERTS: cert.certPath },
    });
    expect(run.exitCode).toBe(0);
    const report = JSON.parse(readFileSync(run.outputs.report, 'utf8'));
    expect(report.targets[0].errors).toBe(0);
    expect(report.targets[0].phases.tls.count).toBeGreaterThan(0);
    expect(report.targets[0].phases.dns.count).toBeGreaterThan(0);
    expect(run.summary).toMatch(/\| TLS handshake \| [1-9]/);
  });

  it('sends secret headers but never shows them in the log, outputs, summary or report', async () => {
    const seen: string[] = [];
    const s = await server({
      behaviour: fixed(1),
      onRequest: (req) =>
        seen.push(`${req.headers.authorization}|${req.headers.cookie}|${req.headers['x-api-token']}`),
    });
    const run = await runBundle('latency-probe', {
      inputs: {
        url: s.url,
        requests: 5,
        rate: 0,
        warmup: 0,
        concurrency: 1,
        headers:
          'Authorization: Bearer tok-AAA-111\nCookie: session=ccc-BBB-222\nX-Api-Token: zzz-CCC-333\nAccept: application/json',
        thresholds: 'p95 < 1ms',
      },
    });
    expect(seen).toEqual(Array(5).fill('Bearer tok-AAA-111|session=ccc-BBB-222|zzz-CCC-333'));
    const report = readFileSync(run.outputs.report, 'utf8');
    for (const secret of ['tok-AAA-111', 'ccc-BBB-222', 'zzz-CCC-333']) {
      expect(visibleLog(run.log)).not.toContain(secret);
      expect(run.summary).not.toContain(secret);
      expect(JSON.stringify(run.outputs)).not.toContain(secret);
      expect(report).not.toContain(secret);
    }
    expect(JSON.parse(report).settings.headers).toMatchObject({
      authorization: '***',
      accept: 'application/json',
    });
  });

  it.each([
    // The bad URL follows a good one, so "no request" proves validation ran before any probing.
    [{ url: '{good}\nnot a url' }, /^input 'url': "not a url" is not a valid URL\. Fix:/],
    [{ url: '{good}\nftp://x.test/' }, /^input 'url': "ftp:\/\/x.test\/" uses ftp/],
    [{ thresholds: 'p95 < fast' }, /^input 'thresholds': "p95 < fast": "fast" is not a duration/],
    [
      { thresholds: 'p101 < 1s' },
      /^input 'thresholds': "p101 < 1s": "p101" is not a percentile from 0 to 100/,
    ],
    [
      { rate: 20, concurrency: 0 },
      /^input 'concurrency': 0 allows no request in flight, so rate 20\/s could never be sent/,
    ],
    [{ thresholds: 'p95 < baseline * 1.1' }, /^input 'thresholds': .*baseline-url is not set/],
    [{ 'expect-status': '2xx' }, /^input 'expect-status': "2xx" is not an HTTP status/],
    [
      { thresholds: 'error-rate < 150%' },
      /^input 'thresholds': "error-rate < 150%(25)?": .*outside 0 %(25)? to 100 %(25)?/,
    ],
    [{ thresholds: 'p(95)=200' }, /^input 'thresholds': .*operator "=" is not supported\. Fix: use one of </],
    [
      { targets: 'api {good} p(95)<200\napi {good}x p(99)<300' },
      /^input 'targets': the name "api" is used twice/,
    ],
  ])('rejects bad input %j before any request', async (inputs, message) => {
    const s = await server({ behaviour: fixed(0) });
    const given = Object.fromEntries(
      Object.entries(inputs).map(([k, v]) => [k, typeof v === 'string' ? v.replaceAll('{good}', s.url) : v]),
    );
    const run = await runBundle('latency-probe', { inputs: { url: s.url, ...given } });
    expect(run.exitCode).toBe(1);
    expect(s.count()).toBe(0);
    const errors = run.annotations.filter((a) => a.level === 'error').map((a) => a.message);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
    expect(run.outputs).toEqual({});
  });
});
