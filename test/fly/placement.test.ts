import { describe, expect, test } from '@jest/globals';
import { deploy, type DeployOptions } from '../../src/fly/deploy.js';
import { parseCount, planGroup, surplus } from '../../src/fly/placement.js';
import type { Machine } from '../../src/fly/types.js';
import { deployOptions, mutationsSince, STAGING_TOML, suiteSim } from './support.js';

const BASE = STAGING_TOML;
// flyctl refuses [http_service] without `processes` once [processes] names groups: only app serves.
const WITH_WORKER = `${BASE.replace('[http_service]\n', '[http_service]\n  processes = ["app"]\n')}
[processes]
  app = ""
  worker = "node worker.js"
`;

describe('count input', () => {
  test('region=N entries, a group prefix, a bare number for the primary region', () => {
    expect(parseCount('sin=2,bom=1', 'sin')).toEqual([
      { group: undefined, region: 'sin', count: 2 },
      { group: undefined, region: 'bom', count: 1 },
    ]);
    expect(parseCount('3', 'sin')).toEqual([{ group: undefined, region: 'sin', count: 3 }]);
    expect(parseCount('worker:syd=1', 'sin')).toEqual([{ group: 'worker', region: 'syd', count: 1 }]);
  });

  test.each([
    ['sin=two', /"sin=two" is not a Machine count/],
    ['cyn=1', /cyn/],
    ['sin=1,sin=2', /names sin twice/],
    ['sin=500', /asks for 500 Machines in one region/],
  ])('%s is refused naming the input', (text, message) => {
    expect(() => parseCount(text, 'sin')).toThrow(message);
    try {
      parseCount(text, 'sin');
    } catch (error) {
      expect((error as { input?: string }).input).toBe('count');
    }
  });
});

const m = (id: string, region: string, state = 'started', created_at = id): Machine =>
  ({ id, region, state, created_at }) as Machine;

describe('placement plan', () => {
  test('count brings named regions to their number and leaves others alone', () => {
    const plan = planGroup('app', [m('a', 'sin'), m('b', 'bom'), m('c', 'bom'), m('d', 'syd')], {
      counts: new Map([
        ['sin', 3],
        ['bom', 1],
      ]),
      regions: [],
      firstLayout: () => new Map(),
    });
    expect([...plan.add]).toEqual([['sin', 2]]);
    expect(plan.remove.map((x) => x.id)).toEqual(['c']);
    expect([...plan.target]).toEqual([
      ['sin', 3],
      ['bom', 1],
      ['syd', 1],
    ]);
  });

  test('scaling down removes stopped Machines first, then the newest', () => {
    expect(surplus([m('a', 'sin'), m('b', 'sin', 'stopped'), m('c', 'sin')], 1).map((x) => x.id)).toEqual([
      'b',
      'c',
    ]);
  });

  test('without count: a group with no Machines gets the first-deploy layout; listed regions it lacks get one', () => {
    const fresh = planGroup('worker', [], { regions: ['sin'], firstLayout: () => new Map([['sin', 2]]) });
    expect([...fresh.add]).toEqual([['sin', 2]]);
    const grown = planGroup('app', [m('a', 'sin')], {
      regions: ['sin', 'bom'],
      firstLayout: () => new Map(),
    });
    expect([...grown.add]).toEqual([['bom', 1]]);
    expect(grown.remove).toEqual([]);
  });
});

const sim = suiteSim({ timeScale: 0.3, rateLimits: false });

const options = (app: string, tag: string, extra: Partial<DeployOptions> = {}, text = BASE) =>
  deployOptions(sim, app, tag, extra, text);

const layout = (app: string) =>
  sim
    .machines(app)
    .map((x) => `${x.metadata.fly_process_group}@${x.region}:${x.image.split(':').pop()}`)
    .sort();

/** Requests through the app's public URL while `during` runs; every non-200 is a failure. */
async function underLoad<T>(
  app: string,
  during: () => Promise<T>,
): Promise<{ result: T; ok: number; failed: string[] }> {
  let running = true;
  let ok = 0;
  const failed: string[] = [];
  const loop = async () => {
    while (running) {
      const res = await fetch(sim.appUrl(app)).catch((error: unknown) => ({
        status: 0,
        text: async () => String(error),
      }));
      if (res.status === 200) ok++;
      else failed.push(`${res.status} ${(await res.text()).slice(0, 80)}`);
      await res.text?.().catch(() => undefined);
    }
  };
  const loops = [loop(), loop()];
  const result = await during();
  running = false;
  await Promise.all(loops);
  return { result, ok, failed };
}

describe('fly-deploy: Machines where and how many', () => {
  test('count scales up and down as fly scale count does, with no failed request while it works', async () => {
    const app = 'place-count';
    await sim.createApp(app);
    expect((await deploy(options(app, 'v1', { ha: false }))).status).toBe('deployed');
    expect(layout(app)).toEqual(['app@sin:v1']);
    const up = await deploy(options(app, 'v2', { counts: parseCount('sin=3', 'sin') }));
    expect(up.status).toBe('deployed');
    expect(layout(app)).toEqual(['app@sin:v2', 'app@sin:v2', 'app@sin:v2']);
    expect(up.timeline.map((t) => t.text)).toContain('Machines now: app: sin×3');
    const down = await underLoad(app, () =>
      deploy(options(app, 'v3', { counts: parseCount('sin=1', 'sin') })),
    );
    expect(down.result.status).toBe('deployed');
    expect(layout(app)).toEqual(['app@sin:v3']);
    expect(down.result.report.filter((r) => r.note === 'scaled down (count)')).toHaveLength(2);
    expect(down.failed).toEqual([]);
    expect(down.ok).toBeGreaterThan(0);
  });

  test('count below min_machines_running is refused before any change', async () => {
    const app = 'place-min';
    await sim.createApp(app);
    await deploy(options(app, 'v1', { ha: false }));
    const calls = sim.calls().length;
    const result = await deploy(options(app, 'v2', { counts: parseCount('sin=0', 'sin') }));
    expect(result.status).toBe('failed');
    expect(result.reason).toMatch(
      /count leaves process group "app" with 0 Machine\(s\), below its min_machines_running = 1/,
    );
    // Leases are taken first (a racing deploy stops there) and released; nothing else is sent.
    expect(mutationsSince(sim, calls)).toEqual([]);
    expect(layout(app)).toEqual(['app@sin:v1']);
  });

  test('fallback-regions: a Machine Fly cannot place in its region for capacity goes to the next listed region', async () => {
    const app = 'place-fallback';
    await sim.createApp(app);
    sim.faults.inject({ method: 'POST', path: `/apps/${app}/machines`, capacity: true, region: 'sin' });
    const result = await deploy(options(app, 'v1', { ha: false, fallbackRegions: ['bom', 'syd'] }));
    sim.faults.clear();
    expect(result.status).toBe('deployed');
    expect(layout(app)).toEqual(['app@bom:v1']);
    expect(result.report[0].note).toBe('placed in bom: no capacity in sin');
    expect(result.timeline.map((t) => t.text)).toContain('Machines now: app: bom×1');
    expect(result.timeline.map((t) => t.text)).toContain(
      'no capacity for a app Machine in sin; trying bom (fallback-regions)',
    );
  });

  test('without fallback-regions a capacity error stops the deploy and says so', async () => {
    const app = 'place-nofallback';
    await sim.createApp(app);
    sim.faults.inject({ method: 'POST', path: `/apps/${app}/machines`, capacity: true, region: 'sin' });
    const result = await deploy(options(app, 'v1', { ha: false }));
    sim.faults.clear();
    expect(result.status).toBe('failed');
    expect(result.reason).toMatch(/no capacity for this Machine in sin/);
  });

  test('a later deploy creates Machines for a new process group and for a newly listed region', async () => {
    const app = 'place-grow';
    await sim.createApp(app);
    await deploy(options(app, 'v1', { ha: false }));
    const grown = await deploy(
      options(app, 'v2', { regions: ['sin', 'bom'], addRegions: true }, WITH_WORKER),
    );
    expect(grown.status).toBe('deployed');
    // worker serves nothing, so the new group gets one Machine in the primary region (flyctl's HA pair is for
    // groups with services) and one in each other listed region.
    expect(layout(app)).toEqual(['app@bom:v2', 'app@sin:v2', 'worker@bom:v2', 'worker@sin:v2']);
    expect(grown.warnings).toEqual([]);
  });
});
