import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { FlyApi } from '../../src/fly/client.js';
import { deploy, rollbackTo, type DeployOptions } from '../../src/fly/deploy.js';
import { parseFlyToml } from '../../src/fly/fly-toml.js';
import { renderDeploySummary } from '../../src/fly/summary.js';
import { deployOptions, image, seed, STAGING_TOML, suiteSim } from './support.js';

const sim = suiteSim();

const staging = parseFlyToml(STAGING_TOML, 'fly.staging.toml');
const options = (app: string, extra: Partial<DeployOptions> = {}): DeployOptions => ({
  ...deployOptions(sim, app, 'v1', { waitTimeoutMs: 10_000, ...extra }),
  toml: extra.toml ?? staging,
});

describe('deploy() core against the simulator', () => {
  it('keeps its leases alive past their TTL by refreshing them, and releases them at the end', async () => {
    const app = 'lease-refresh';
    await sim.createApp(app);
    await seed(sim, app);
    const since = sim.calls().length;
    const result = await deploy(
      options(app, { image: image(app, 'never-healthy'), leaseTtlSeconds: 2, waitTimeoutMs: 4000 }),
    );
    // The rollback ran well after the 2 s TTL and its mutations were accepted with our nonce.
    expect(result.status).toBe('rolled-back');
    const leaseCalls = sim
      .calls()
      .slice(since)
      .filter((c) => c.path.endsWith('/lease'));
    const posts = leaseCalls.filter((c) => c.method === 'POST' && c.status < 300);
    const deletes = leaseCalls.filter((c) => c.method === 'DELETE');
    const machinesLeased = new Set(posts.map((c) => c.path)).size;
    expect(posts.length).toBeGreaterThanOrEqual(machinesLeased * 3);
    expect(deletes).toHaveLength(machinesLeased);
    expect(deletes.every((c) => c.status < 300)).toBe(true);
  });

  it('deploys every [processes] group on its own Machines, and rollbackTo() puts the previous image back', async () => {
    const app = 'two-groups';
    await sim.createApp(app);
    const toml = parseFlyToml(
      `${readFileSync(new URL('../fixtures/fly/fly.staging.toml', import.meta.url), 'utf8')}
[processes]
  app = "node server.js"
  worker = "node worker.js"
`.replace('[http_service]', '[http_service]\n  processes = ["app"]'),
      'fly.toml',
    );
    const first = await deploy(options(app, { toml }));
    expect(first.status).toBe('deployed');
    const groups = sim
      .machines(app)
      .map((m) => m.metadata.fly_process_group)
      .sort();
    expect(groups).toEqual(['app', 'app', 'worker']);
    const worker = sim.machines(app).find((m) => m.metadata.fly_process_group === 'worker')!;
    expect((worker.config as { init: unknown; services?: unknown }).init).toEqual({
      cmd: ['node', 'worker.js'],
    });
    expect((worker.config as { services?: unknown }).services).toBeUndefined();

    const second = await deploy(options(app, { toml, image: image(app, 'v2') }));
    expect(second.status).toBe('deployed');
    expect(second.previousImage).toBe(first.image);
    expect(sim.machines(app).every((m) => m.image === image(app, 'v2'))).toBe(true);

    const back = await rollbackTo(first.image, options(app, { toml, strategy: 'bluegreen' }));
    expect(back.status).toBe('deployed');
    expect(back.image).toBe(first.image);
    expect(sim.machines(app)).toHaveLength(3);
    expect(sim.machines(app).every((m) => m.digest === first.image.split('@')[1])).toBe(true);
    const summary = renderDeploySummary(back);
    expect(summary).toMatch(/## ✅ Deployed: two-groups, release v3/);
    expect(summary).toMatch(/\| Machine \| Region \| Group \|/);
    expect(summary.match(/\| replaced \|/g)).toHaveLength(3);
  });

  it('leaves Machines that Fly Launch does not manage (no fly_platform_version=v2) alone, and says so', async () => {
    const app = 'hand-made';
    await sim.createApp(app);
    await seed(sim, app);
    const api = new FlyApi({ apiUrl: sim.apiUrl, token: sim.token, app });
    const manual = await api.create(
      { region: 'sin', config: { image: 'registry.fly.io/hand-made:cron' } },
      { key: 'k', id: 'i' },
    );
    const result = await deploy(options(app, { image: image(app, 'v2') }));
    expect(result.status).toBe('deployed');
    expect(result.warnings.join('\n')).toMatch(
      new RegExp(`not managed by Fly Launch .* left alone: ${manual.id}`),
    );
    const after = sim.machines(app);
    expect(after.find((m) => m.id === manual.id)?.image).toBe('registry.fly.io/hand-made:cron');
    expect(after.filter((m) => m.id !== manual.id).every((m) => m.image === image(app, 'v2'))).toBe(true);
  });
});
