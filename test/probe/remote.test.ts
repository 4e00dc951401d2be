import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { InputReader } from '../../src/core/inputs.js';
import { probeFromRegion } from '../../src/probe/remote.js';
import { readRemoteSettings, type RemoteSettings } from '../../src/probe/remote-settings.js';
import { startFlySim, type FlySim } from '../../src/sim/fly/index.js';

const APP = 'probe-remote';
let sim: FlySim;
let settings: RemoteSettings;
const bundle = join(mkdtempSync(join(tmpdir(), 'probe-remote-')), 'bundle.mjs');
writeFileSync(bundle, 'console.log("not a probe")\n');

const reader = (values: Record<string, string>) => new InputReader((name) => values[name] ?? '');

beforeAll(async () => {
  sim = await startFlySim({ apps: [APP], timeScale: 0.3, rateLimits: false });
  settings = { region: 'sin', app: APP, token: sim.token, apiUrl: sim.apiUrl, timeoutMs: 20_000 };
});
afterEach(() => sim.faults.clear());
afterAll(async () => sim?.close());

function run() {
  const seen: { created: string[]; destroyed: string[] } = { created: [], destroyed: [] };
  const promise = probeFromRegion(
    settings,
    bundle,
    { url: 'http://127.0.0.1:9/' },
    { created: (id) => seen.created.push(id), destroyed: (id) => seen.destroyed.push(id) },
    () => undefined,
  );
  return { seen, promise };
}

describe('probeFromRegion checks every Fly answer', () => {
  test('an exec answer without an exit code fails, naming the Machine, and the Machine is destroyed', async () => {
    sim.faults.inject({ method: 'POST', path: /\/exec$/, status: 200, body: { stdout: 'x' } });
    const { seen, promise } = run();
    await expect(promise).rejects.toThrow(/answered exec on \w+ with 200 but no exec result/);
    expect(seen.destroyed).toEqual(seen.created);
    expect(sim.machines(APP)).toEqual([]);
  });

  test('a probe that prints no report fails with its exit code and the Machine is destroyed', async () => {
    const { seen, promise } = run();
    await expect(promise).rejects.toThrow(/exited with code 0: no report/);
    expect(seen.created).toHaveLength(1);
    expect(sim.machines(APP)).toEqual([]);
  });

  test('a create answer whose id is not URL-safe is refused before the id is used', async () => {
    sim.faults.inject({
      method: 'POST',
      path: /\/machines$/,
      status: 200,
      body: { id: '../../apps', state: 'created' },
      times: 1,
    });
    const before = sim.calls().length;
    const { seen, promise } = run();
    // The client's contract (an id must be URL-safe) or the probe's own check: either refuses it.
    await expect(promise).rejects.toThrow(/without a usable id|did not answer as expected/);
    expect(seen.created).toEqual([]);
    expect(
      sim
        .calls()
        .slice(before)
        .map((c) => c.method),
    ).toEqual(['POST']);
  });
});

describe('readRemoteSettings', () => {
  test('empty region: measure on the runner', () => {
    expect(readRemoteSettings(reader({}))).toBeUndefined();
  });
  test('refuses a region that is not a code, and region without fly-app or token, naming the input', () => {
    const refusal = (values: Record<string, string>) => {
      try {
        readRemoteSettings(reader(values));
      } catch (error) {
        return error as { input?: string; message: string };
      }
      throw new Error('accepted');
    };
    expect(refusal({ region: 'Singapore' })).toMatchObject({
      input: 'region',
      message: expect.stringContaining('"singapore"'),
    });
    expect(refusal({ region: 'sin', 'fly-api-token': 't' })).toMatchObject({ input: 'fly-app' });
    expect(refusal({ region: 'sin', 'fly-app': 'Voice Bot', 'fly-api-token': 't' })).toMatchObject({
      input: 'fly-app',
    });
    expect(refusal({ region: 'sin', 'fly-app': 'voice-bot' })).toMatchObject({ input: 'fly-api-token' });
  });
  test('defaults: the public Machines API and a five-minute bound', () => {
    expect(
      readRemoteSettings(reader({ region: 'SIN', 'fly-app': 'voice-bot', 'fly-api-token': 't' })),
    ).toEqual({
      region: 'sin',
      app: 'voice-bot',
      token: 't',
      apiUrl: 'https://api.machines.dev/',
      timeoutMs: 300_000,
    });
  });
});
