import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { deploy, type DeployOptions } from '../../src/fly/deploy.js';
import { parseFlyToml } from '../../src/fly/fly-toml.js';
import type { Strategy } from '../../src/fly/fly-toml.js';
import { startFlySim } from '../../src/sim/fly/index.js';
import { image, type FlySim } from './support.js';

const BASE = readFileSync(new URL('../fixtures/fly/fly.staging.toml', import.meta.url), 'utf8');
const WITH_VOLUME = `${BASE}
[mounts]
  source = "data"
  destination = "/data"
  initial_size = "3gb"
`;

let sim: FlySim;
beforeAll(async () => {
  sim = await startFlySim({ timeScale: 0.3, rateLimits: false });
});
afterAll(() => sim.close());

function options(
  app: string,
  tag: string,
  extra: Partial<DeployOptions> = {},
  text = WITH_VOLUME,
): DeployOptions {
  return {
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
    ...extra,
  };
}

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

  test.each<Strategy>(['rolling', 'immediate', 'canary', 'bluegreen'])(
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
      // The same volume on the same Machine; a canary's scratch volume is gone again.
      expect(after.map((v) => [v.id, v.attached_machine_id])).toEqual([
        [before.id, before.attached_machine_id],
      ]);
      if (strategy === 'bluegreen')
        expect(warnings.join('\n')).toMatch(/updated in place \(rolling\), each Machine keeping its volume/);
      if (strategy === 'canary')
        expect(result.report.find((r) => r.action === 'canary')?.note).toBe('canary passed, destroyed');
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
    expect(
      sim
        .calls()
        .slice(calls)
        .filter((c) => c.method !== 'GET' && !c.path.endsWith('/lease')),
    ).toEqual([]);
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

  test('a canary that fails is destroyed with its scratch volume; the app Machine and its data are untouched', async () => {
    const app = 'vol-canary-bad';
    await sim.createApp(app);
    await deploy(options(app, 'v1'));
    const [volume] = await volumes(app);
    await appFile(app, '/data/keep.txt', 'keep');
    const result = await deploy(options(app, 'never-healthy', { strategy: 'canary', waitTimeoutMs: 3000 }));
    expect(result.status).toBe('rolled-back');
    expect((await volumes(app)).map((v) => v.id)).toEqual([volume.id]);
    expect(await appFile(app, '/data/keep.txt')).toEqual({ status: 200, text: 'keep' });
  });
});
