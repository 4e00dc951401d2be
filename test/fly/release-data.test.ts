import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { deploy, type DeployOptions } from '../../src/fly/deploy.js';
import { parseFlyToml } from '../../src/fly/fly-toml.js';
import { startFlySim } from '../../src/sim/fly/index.js';
import { image, type FlySim } from './support.js';

const BASE = readFileSync(new URL('../fixtures/fly/fly.staging.toml', import.meta.url), 'utf8');

let sim: FlySim;
beforeAll(async () => {
  sim = await startFlySim({ timeScale: 0.3, rateLimits: false });
});
afterAll(() => sim.close());

const options = (app: string, tag: string, text = BASE): DeployOptions => ({
  app,
  toml: parseFlyToml(text, 'fly.toml'),
  image: image(app, tag),
  strategy: 'rolling',
  maxUnavailable: 1,
  waitTimeoutMs: 15_000,
  regions: ['sin'],
  apiToken: sim.token,
  apiUrl: sim.apiUrl,
  rollback: true,
  publicUrl: sim.appUrl(app),
  proxySettleMs: 0,
});

type Config = {
  metadata: Record<string, string>;
  stop_config?: { signal?: string; timeout?: string };
  schedule?: string;
  auto_destroy?: boolean;
  dns?: { skip_registration?: boolean };
};

async function api(method: string, path: string, body?: unknown) {
  const res = await fetch(`${sim.apiUrl}/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${sim.token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await res.json()) as { id: string; config: Config; version: string }[] & {
    config: Config;
    version: string;
  };
}

describe('what a deploy writes on Machines besides fly.toml', () => {
  test('every Machine of a release carries one fly_release_id, a new one per deploy (flyctl setMachineReleaseData)', async () => {
    const app = 'rel-id';
    await sim.createApp(app);
    await deploy(options(app, 'v1'));
    const first = sim.machines(app).map((m) => m.metadata.fly_release_id);
    expect(first).toHaveLength(2);
    expect(new Set(first).size).toBe(1);
    expect(first[0]).toMatch(/^\w{16}$/);
    await deploy(options(app, 'v2'));
    const second = sim.machines(app).map((m) => m.metadata.fly_release_id);
    expect(new Set(second).size).toBe(1);
    expect(second[0]).not.toBe(first[0]);
  });

  test('the release_command Machine gets stop_config from kill_signal/kill_timeout and the release id (flyctl ToReleaseMachineConfig)', async () => {
    const app = 'rel-cmd';
    await sim.createApp(app);
    const text = `kill_signal = "SIGTERM"\nkill_timeout = "30s"\n${BASE.replace('[deploy]', '[deploy]\n  release_command = "bin/migrate"')}`;
    const result = await deploy(options(app, 'v1', text));
    expect(result.status).toBe('deployed');
    const all = await api('GET', `/apps/${app}/machines?include_deleted=true`);
    const release = all.find((m) => m.config.metadata.fly_process_group === 'fly_app_release_command');
    expect(release?.config.stop_config).toEqual({ signal: 'SIGTERM', timeout: '30s' });
    expect(release?.config.metadata.fly_release_id).toBe(sim.machines(app)[0].metadata.fly_release_id);
  });

  test('a redeploy keeps schedule, auto_destroy and dns.skip_registration set on a Machine outside fly.toml', async () => {
    const app = 'rel-keep';
    await sim.createApp(app);
    await deploy({ ...options(app, 'v1'), ha: false });
    const [machine] = sim.machines(app);
    const config = {
      ...(machine.config as Config),
      schedule: 'daily',
      auto_destroy: false,
      dns: { skip_registration: true },
    };
    await api('POST', `/apps/${app}/machines/${machine.id}`, { config });
    await api('GET', `/apps/${app}/machines/${machine.id}/wait?state=started&timeout=20`);
    expect((await deploy(options(app, 'v2'))).status).toBe('deployed');
    const after = sim.machines(app)[0].config as Config;
    expect(sim.machines(app)[0].image).toBe(image(app, 'v2'));
    expect([after.schedule, after.auto_destroy, after.dns]).toEqual([
      'daily',
      false,
      { skip_registration: true },
    ]);
  });

  test('machine_checks run in throwaway Machines on the new image before any app Machine changes; a failing one stops the deploy', async () => {
    const app = 'rel-checks';
    await sim.createApp(app);
    const withCheck = (command: string) =>
      BASE.replace(
        '  [[http_service.checks]]',
        `  [[http_service.machine_checks]]\n    command = ${command}\n\n  [[http_service.checks]]`,
      );
    const passing = await deploy(options(app, 'v1', withCheck('["./bin/smoke", "--quick"]')));
    expect(passing.status).toBe('deployed');
    expect(passing.timeline.map((t) => t.text)).toContain('1 machine check(s) passed');
    const all = await api('GET', `/apps/${app}/machines?include_deleted=true`);
    const test = all.find((m) => m.config.metadata.fly_process_group === 'fly_app_test_machine_command');
    expect(test?.config).toMatchObject({
      image: image(app, 'v1'),
      init: { cmd: ['./bin/smoke', '--quick'] },
      auto_destroy: true,
      restart: { policy: 'no' },
      env: { FLY_TEST_COMMAND: '1', FLY_PROCESS_GROUP: 'fly_app_test_machine_command' },
    });
    const before = sim.machines(app).map((m) => m.version);
    const failing = await deploy(options(app, 'v2', withCheck('"sh -c \'exit 3\'"')));
    expect(failing.status).toBe('failed');
    expect(failing.reason).toMatch(
      /machine check `sh -c exit 3` \(\[http_service.machine_checks\] 1\) exited with status 3; the deploy stopped before any app Machine changed/,
    );
    expect(sim.machines(app).map((m) => m.version)).toEqual(before);
  });
});
