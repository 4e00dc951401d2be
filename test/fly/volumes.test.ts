import { describe, expect, test } from '@jest/globals';
import { deploy, type DeployOptions } from '../../src/fly/deploy.js';
import type { Strategy } from '../../src/fly/fly-toml.js';
import { deployOptions, image, mutationsSince, STAGING_TOML, suiteSim } from './support.js';

const BASE = STAGING_TOML;
const WITH_VOLUME = `${BASE}
[mounts]
  source = "data"
  destination = "/data"
  initial_size = "3gb"
`;

const sim = suiteSim({ timeScale: 0.3, rateLimits: false });

const options = (app: string, tag: string, extra: Partial<DeployOptions> = {}, text = WITH_VOLUME) =>
  deployOptions(sim, app, tag, extra, text);

async function volumes(
  app: string,
): Promise<
  { id: string; name: string; region: string; size_gb: number; attached_machine_id: string | null }[]
> {
  const res = await fetch(`${sim.apiUrl}/v1/apps/${app}/volumes`, {
    headers: { authorization: `Bearer ${sim.token}` },
  });
  return (await res.json()) as never;
}

async function appFile(app: string, path: string, body?: string): Promise<{ status: number; text: string }> {
  const res = await fetch(
    `${sim.appUrl(app)}/__sim/fs${path}`,
    body === undefined ? {} : { method: 'PUT', body },
  );
  return { status: res.status, text: await res.text() };
}

describe('fly-deploy with [mounts]', () => {
  test('a first deploy creates the volume (initial_size) in the Machine region, one Machine per group, and mounts it', async () => {
    const app = 'vol-first';
    await sim.createApp(app);
    const result = await deploy(options(app, 'v1'));
    expect(result.status).toBe('deployed');
    const listed = await volumes(app);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      name: 'data',
      region: 'sin',
      size_gb: 3,
      attached_machine_id: result.machines[0].id,
    });
    // flyctl: a group with a volume gets one Machine, not the HA pair.
    expect(result.machines).toHaveLength(1);
    const config = sim.machines(app)[0].config as { mounts: unknown[] };
    expect(config.mounts).toEqual([{ volume: listed[0].id, path: '/data', name: 'data' }]);
    expect(result.report[0].note).toContain(`volume ${listed[0].id} (data, new)`);
  });

  test('a first deploy attaches an unattached volume of that name in the region instead of creating one', async () => {
    const app = 'vol-reuse';
    await sim.createApp(app);
    const made = await fetch(`${sim.apiUrl}/v1/apps/${app}/volumes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sim.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'data', region: 'sin', size_gb: 1 }),
    });
    const existing = (await made.json()) as { id: string };
    const result = await deploy(options(app, 'v1'));
    expect(result.status).toBe('deployed');
    expect((await volumes(app)).map((v) => [v.id, v.attached_machine_id])).toEqual([
      [existing.id, result.machines[0].id],
    ]);
  });

  test.each<Strategy>(['rolling', 'immediate', 'bluegreen'])(
    '%s: data written through the app is read back after the deploy; each Machine keeps its volume',
    async (strategy) => {
      const app = `vol-${strategy}`;
      await sim.createApp(app);
      expect((await deploy(options(app, 'v1'))).status).toBe('deployed');
      const [before] = await volumes(app);
      expect((await appFile(app, '/data/orders.json', `{"strategy":"${strategy}"}`)).status).toBe(201);
      const warnings: string[] = [];
      const result = await deploy(options(app, 'v2', { strategy, warn: (l) => warnings.push(l) }));
      expect(result.status).toBe('deployed');
      expect(sim.machines(app).map((m) => m.image)).toEqual([image(app, 'v2')]);
      expect(await appFile(app, '/data/orders.json')).toEqual({
        status: 200,
        text: `{"strategy":"${strategy}"}`,
      });
      const after = await volumes(app);
      // The same volume on the same Machine.
      expect(after.map((v) => [v.id, v.attached_machine_id])).toEqual([
        [before.id, before.attached_machine_id],
      ]);
      if (strategy === 'bluegreen')
        expect(warnings.join('\n')).toMatch(/updated in place \(rolling\), each Machine keeping its volume/);
    },
  );

  test('a Machine whose volume fly.toml no longer mounts stops the deploy before any change', async () => {
    const app = 'vol-dropped';
    await sim.createApp(app);
    await deploy(options(app, 'v1'));
    const calls = sim.calls().length;
    const result = await deploy(options(app, 'v2', {}, BASE));
    expect(result.status).toBe('failed');
    expect(result.reason).toMatch(
      /has volume vol_\w+ mounted at \/data, but fly.toml has no \[mounts\] for group "app"; a deploy would detach it/,
    );
    // Leases are taken first (a racing deploy stops there) and released; nothing else is sent.
    expect(mutationsSince(sim, calls)).toEqual([]);
    expect(sim.machines(app)[0].image).toBe(image(app, 'v1'));
  });

  test('a Machine without a volume when fly.toml now mounts one stops the deploy before any change', async () => {
    const app = 'vol-added';
    await sim.createApp(app);
    await deploy(options(app, 'v1', { ha: false }, BASE));
    const result = await deploy(options(app, 'v2'));
    expect(result.status).toBe('failed');
    expect(result.reason).toMatch(
      /has no volume, but fly.toml mounts "data" at \/data; Fly cannot attach a volume to an existing Machine/,
    );
    expect(await volumes(app)).toEqual([]);
  });

  test('canary is refused with [[mounts]] before any call, as flyctl refuses it, even when chosen by the caller', async () => {
    const app = 'vol-canary';
    await sim.createApp(app);
    await deploy(options(app, 'v1'));
    const [volume] = await volumes(app);
    const before = sim.machines(app).map((m) => [m.id, m.version]);
    const calls = sim.calls().length;
    const result = await deploy(options(app, 'v2', { strategy: 'canary' }));
    expect(result.status).toBe('failed');
    expect(result.reason).toBe(
      'input \'strategy\': "canary" cannot be used with [[mounts]] (data) in fly.toml (error canary deployment strategy is not supported when using mounted volumes: Fly attaches a volume to one Machine only; flyctl refuses it too). Fix: use strategy rolling (each Machine keeps its volume) or immediate.',
    );
    // flyctl validates before its first call: not even a list was sent.
    expect(sim.calls().length).toBe(calls);
    expect(sim.machines(app).map((m) => [m.id, m.version])).toEqual(before);
    expect((await volumes(app)).map((v) => v.id)).toEqual([volume.id]);
  });
});
