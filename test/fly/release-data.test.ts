import { describe, expect, test } from '@jest/globals';
import { deploy, type DeployOptions } from '../../src/fly/deploy.js';
import { deployOptions, image, STAGING_TOML, suiteSim } from './support.js';

const BASE = STAGING_TOML;

const sim = suiteSim({ timeScale: 0.3, rateLimits: false });

const options = (app: string, tag: string, text = BASE): DeployOptions =>
  deployOptions(sim, app, tag, {}, text);

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
});
