import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parseFlyToml } from '../../src/fly/fly-toml.js';
import { seed, startFlySim, whenMachines, type FlySim } from '../fly/support.js';

// The simulator's proxy as Fly's runs the migration plan's settings: idle Machines stopped
// (auto_stop_machines), started on demand (auto_start_machines), min_machines_running kept.
const STAGING = readFileSync(new URL('../fixtures/fly/fly.staging.toml', import.meta.url), 'utf8');
const tomlWith = (min: number, stop = 'stop') =>
  parseFlyToml(
    STAGING.replace(
      'auto_stop_machines = "off"',
      `auto_stop_machines = "${stop}"\n  auto_start_machines = true`,
    ).replace('min_machines_running = 1', `min_machines_running = ${min}`),
    'fly.staging.toml',
  );

let sim: FlySim;
beforeAll(async () => {
  sim = await startFlySim({ autoStopIdleMs: 1500 });
});
afterAll(async () => {
  await sim?.close();
});

const started = (app: string) => sim.machines(app).filter((m) => m.state === 'started');

describe('auto_stop_machines / auto_start_machines in the sim proxy', () => {
  it('stops idle Machines down to min_machines_running in the primary region', async () => {
    const app = 'autostop-min1';
    await sim.createApp(app);
    await seed(sim, app, 'v1', { regions: ['sin', 'nrt'], toml: tomlWith(1) });
    expect(started(app)).toHaveLength(3);
    await whenMachines(sim, app, (ms) => ms.filter((m) => m.state === 'started').length === 1, 20_000);
    expect(started(app).map((m) => m.region)).toEqual(['sin']);
    const res = await fetch(`${sim.appUrl(app)}/`);
    expect(res.status).toBe(200);
  }, 60_000);

  it('a request to a fully stopped app starts a Machine and is served', async () => {
    const app = 'autostop-min0';
    await sim.createApp(app);
    await seed(sim, app, 'v1', { regions: ['sin'], toml: tomlWith(0) });
    await whenMachines(sim, app, (ms) => ms.every((m) => m.state === 'stopped'), 20_000);
    const res = await fetch(`${sim.appUrl(app)}/`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { image: string }).image).toContain(':v1');
    expect(started(app)).toHaveLength(1);
  }, 60_000);

  it('auto_stop_machines = "off" leaves Machines running', async () => {
    const app = 'autostop-off';
    await sim.createApp(app);
    await seed(sim, app, 'v1', { regions: ['sin'], toml: tomlWith(0, 'off') });
    const deadline = Date.now() + 4000;
    // Several autostop passes (every idle/4) go by; none may stop a Machine.
    await whenMachines(sim, app, () => Date.now() > deadline, 10_000);
    expect(started(app)).toHaveLength(2);
  }, 60_000);
});
