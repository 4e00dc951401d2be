import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { runBundle } from '../../src/harness/run-bundle.js';
import { roundTripMs } from '../../src/sim/fly/distance.js';
import { startFlySim, type FlySim } from '../../src/sim/fly/index.js';
import { visibleLog } from '../fly/support.js';

const APP = 'probe-region';
let sim: FlySim;
let target: http.Server;
let targetUrl: string;

beforeAll(async () => {
  sim = await startFlySim({ apps: [APP], timeScale: 0.3, rateLimits: false });
  target = http.createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}/health`;
  sim.place(targetUrl, 'bkk');
});

afterAll(async () => {
  await sim?.close();
  await new Promise((resolve) => target?.close(resolve));
});

const fly = () => ({ 'fly-app': APP, 'fly-api-token': sim.token, 'fly-api-url': sim.apiUrl });

describe('latency-probe from a region', () => {
  test('measured from sin: the result says so, the distance to Bangkok shows, the Machine is destroyed', async () => {
    const run = await runBundle('latency-probe', {
      inputs: { url: targetUrl, region: 'sin', requests: 20, rate: 0, concurrency: 2, warmup: 2, ...fly() },
      timeoutMs: 120_000,
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs['measured-from']).toBe('sin');
    expect(Number(run.outputs['machine-seconds'])).toBeGreaterThan(0);
    expect(Number(run.outputs['p50-ms'])).toBeGreaterThanOrEqual(roundTripMs('sin', 'bkk')!);
    expect(run.summary).toContain('Fly region `sin`');
    expect(run.summary).toContain('Machine-seconds');
    expect(visibleLog(run.log)).not.toContain(sim.token);
    const report = JSON.parse(
      readFileSync(join(run.workDir, 'runner-temp/latency-probe/report.json'), 'utf8'),
    );
    expect(report.targets[0].requests).toBe(20);
    expect(sim.machines(APP)).toEqual([]);
    const creates = sim.calls().filter((c) => c.method === 'POST' && /\/machines$/.test(c.path));
    expect(creates.length).toBe(1);
  });

  test('a probe that outlives region-timeout fails the step and still destroys its Machine', async () => {
    const run = await runBundle('latency-probe', {
      inputs: { url: targetUrl, region: 'sin', requests: 300, rate: 10, 'region-timeout': '10s', ...fly() },
      timeoutMs: 120_000,
    });
    expect(run.exitCode).not.toBe(0);
    expect(run.log).toMatch(/probe in Machine \w+ exited with code 137/);
    expect(sim.machines(APP)).toEqual([]);
    expect(run.state['probe-machine']).toBe('');
  });

  test('the post step destroys a Machine the main step left behind', async () => {
    const res = await fetch(`${sim.apiUrl}/v1/apps/${APP}/machines`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sim.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ region: 'sin', config: { image: 'node:24-slim' } }),
    });
    const { id } = (await res.json()) as { id: string };
    expect(sim.machines(APP).map((m) => m.id)).toEqual([id]);
    const run = await runBundle('latency-probe', {
      bundlePath: join(process.cwd(), 'dist/latency-probe/index.js'),
      inputs: { url: targetUrl, region: 'sin', ...fly() },
      env: { STATE_isPost: 'true', 'STATE_probe-machine': id },
      timeoutMs: 60_000,
    });
    expect(run.exitCode).toBe(0);
    expect(run.log).toContain(`destroyed probe Machine ${id}`);
    expect(sim.machines(APP)).toEqual([]);
  });

  test('region without fly-app is refused before any call, naming the input', async () => {
    const before = sim.calls().length;
    const run = await runBundle('latency-probe', {
      inputs: { url: targetUrl, region: 'sin', 'fly-api-token': sim.token, 'fly-api-url': sim.apiUrl },
      timeoutMs: 60_000,
    });
    expect(run.exitCode).not.toBe(0);
    expect(run.log).toContain('fly-app');
    expect(sim.calls().length).toBe(before);
  });
});
