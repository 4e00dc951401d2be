import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { roundTripMs } from '../../../src/sim/fly/distance.js';
import { startFlySim, type FlySim } from '../../../src/sim/fly/index.js';
import { client, until, type Res } from './helpers.js';

const APP = 'probe-exec';
let sim: FlySim;
let api: (method: string, path: string, body?: unknown) => Promise<Res>;
let bangkok: http.Server;
let bangkokUrl: string;

const b64 = (text: string) => Buffer.from(text).toString('base64');

/** A script that times one GET of its argument and prints {status, ms, region}. */
const TIMER = `
const started = performance.now();
const res = await fetch(process.argv[2]);
await res.text();
console.log(JSON.stringify({ status: res.status, ms: performance.now() - started, region: process.env.FLY_REGION }));
`;

async function startedMachine(region: string, files: { guest_path: string; raw_value: string }[]) {
  const res = await api('POST', `/apps/${APP}/machines`, {
    region,
    config: { image: 'node:24-slim', guest: { cpu_kind: 'shared', cpus: 1, memory_mb: 256 }, files },
  });
  expect(res.status).toBe(200);
  const id = res.body.id as string;
  await until(
    'started',
    async () => (await api('GET', `/apps/${APP}/machines/${id}`)).body.state === 'started',
  );
  return id;
}

beforeAll(async () => {
  sim = await startFlySim({ apps: [APP], timeScale: 0.3, rateLimits: false });
  api = client(sim);
  bangkok = http.createServer((_req, res) => res.end('sawasdee'));
  await new Promise<void>((resolve) => bangkok.listen(0, '127.0.0.1', resolve));
  bangkokUrl = `http://127.0.0.1:${(bangkok.address() as AddressInfo).port}/`;
  sim.place(bangkokUrl, 'bkk');
});

afterAll(async () => {
  await sim?.close();
  await new Promise((resolve) => bangkok?.close(resolve));
});

describe('POST /v1/apps/{app}/machines/{id}/exec', () => {
  test('runs the command in the Machine: files from config.files, FLY_REGION, stdout, stderr and exit code', async () => {
    const id = await startedMachine('sin', [
      {
        guest_path: '/probe/hello.mjs',
        raw_value: b64(
          "import { readFileSync } from 'node:fs';\n" +
            "console.log(readFileSync('probe/data.txt', 'utf8').trim(), process.env.FLY_REGION);\n" +
            "console.error('to stderr');\nprocess.exit(3);\n",
        ),
      },
      { guest_path: '/probe/data.txt', raw_value: b64('delivered\n') },
    ]);
    const res = await api('POST', `/apps/${APP}/machines/${id}/exec`, {
      command: ['node', '/probe/hello.mjs'],
      timeout: 20,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(res.body).toEqual({ stdout: 'delivered sin\n', stderr: 'to stderr\n', exit_code: 3 });
  });

  test('a program the image does not have is exit code 127; a bad request is 400; a stopped Machine 412', async () => {
    const id = await startedMachine('sin', []);
    const missing = await api('POST', `/apps/${APP}/machines/${id}/exec`, { command: ['/bin/nope'] });
    expect(missing.body).toMatchObject({ exit_code: 127, stdout: '' });
    expect(missing.body.stderr).toContain('/bin/nope');
    expect((await api('POST', `/apps/${APP}/machines/${id}/exec`, { command: [] })).status).toBe(400);
    expect(
      (await api('POST', `/apps/${APP}/machines/${id}/exec`, { command: ['node'], timeout: -1 })).status,
    ).toBe(400);
    await api('POST', `/apps/${APP}/machines/${id}/stop`);
    await until(
      'stopped',
      async () => (await api('GET', `/apps/${APP}/machines/${id}`)).body.state === 'stopped',
    );
    const stopped = await api('POST', `/apps/${APP}/machines/${id}/exec`, { command: ['node', '-e', '1'] });
    expect(stopped.status).toBe(412);
  });

  test('a command that outlives its timeout is killed (SIGKILL)', async () => {
    const id = await startedMachine('sin', []);
    const res = await api('POST', `/apps/${APP}/machines/${id}/exec`, {
      command: ['node', '-e', 'setInterval(() => {}, 1000)'],
      timeout: 1,
    });
    expect(res.body).toMatchObject({ exit_code: 137, exit_signal: 9 });
  });

  test('the distance model: a request to a target placed in Bangkok takes at least the round trip from the region', async () => {
    const timer = [{ guest_path: '/probe/time.mjs', raw_value: b64(TIMER) }];
    const fromSin = await startedMachine('sin', timer);
    const fromIad = await startedMachine('iad', timer);
    const measure = async (id: string) => {
      const res = await api('POST', `/apps/${APP}/machines/${id}/exec`, {
        command: ['node', '/probe/time.mjs', bangkokUrl],
      });
      expect(res.body.exit_code).toBe(0);
      return JSON.parse(res.body.stdout) as { status: number; ms: number; region: string };
    };
    const sin = await measure(fromSin);
    const iad = await measure(fromIad);
    expect(sin).toMatchObject({ status: 200, region: 'sin' });
    expect(iad).toMatchObject({ status: 200, region: 'iad' });
    expect(sin.ms).toBeGreaterThanOrEqual(roundTripMs('sin', 'bkk')!);
    expect(iad.ms).toBeGreaterThanOrEqual(roundTripMs('iad', 'bkk')!);
  });
});

describe('distance table', () => {
  test('is symmetric, the runner is US-East, and an unknown pair has no figure', () => {
    expect(roundTripMs('sin', 'bkk')).toBe(roundTripMs('bkk', 'sin'));
    expect(roundTripMs('runner', 'sin')).toBe(roundTripMs('iad', 'sin'));
    expect(roundTripMs('sin', 'sin')).toBe(1);
    expect(roundTripMs('sin', 'xyz')).toBeUndefined();
  });
});
