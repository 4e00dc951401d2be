import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { main } from '../../src/cli/main.js';
import { parseFlyToml } from '../../src/fly/fly-toml.js';
import { releaseConfigOf } from '../../src/fly/release-record.js';
import { deployBundle, heldLeases, seed, STAGING_TOML, startFlySim, type FlySim } from '../fly/support.js';

// fly-deploy `mode: doctor` through the built bundle, and `runway doctor` on top of it. Needs `npm run build`.
let sim: FlySim;
beforeAll(async () => {
  sim = await startFlySim({});
});
afterAll(async () => {
  await sim?.close();
});

/** What a killed deploy leaves on one Machine: Runway's lease (its nonce lost with the process) and a cordon. */
async function leaveMess(app: string): Promise<string> {
  const id = sim.machines(app)[0].id;
  const base = `${sim.apiUrl}/v1/apps/${app}/machines/${id}`;
  const headers = { authorization: `Bearer ${sim.token}`, 'content-type': 'application/json' };
  const lease = await fetch(`${base}/lease?ttl=120`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ ttl: 120, description: 'runway fly-deploy 0123456789abcdef' }),
  });
  expect(lease.status).toBe(201);
  const nonce = ((await lease.json()) as { data: { nonce: string } }).data.nonce;
  const cordon = await fetch(`${base}/cordon`, {
    method: 'POST',
    headers: { ...headers, 'fly-machine-lease-nonce': nonce },
  });
  expect(cordon.status).toBe(200);
  return id;
}

describe('fly-deploy mode: doctor', () => {
  it('prints the plan and changes nothing with doctor-fix none; repairs with auto', async () => {
    const app = 'doc-action-1';
    await sim.createApp(app);
    await seed(sim, app);
    const id = await leaveMess(app);

    const look = await deployBundle(sim, app, { mode: 'doctor', image: undefined });
    expect(look.exitCode).toBe(0);
    expect(look.outputs['doctor-status']).toBe('needs-repair');
    expect(JSON.parse(look.outputs['doctor-findings']).map((f: { kind: string }) => f.kind)).toEqual([
      'stale-lease',
      'cordoned',
    ]);
    expect(look.log).toMatch(new RegExp(`1\\. clear Runway's stale lease on ${id}`));
    expect(look.log).toMatch(new RegExp(`2\\. uncordon ${id}`));
    expect((await heldLeases(sim, app)).map((l) => l.id)).toEqual([id]);
    expect(sim.machines(app).find((m) => m.id === id)?.cordoned).toBe(true);
    // What deploy.yml records before the deploy: the config a deploy of this fly.toml applies.
    const release = JSON.parse(look.outputs['release-config']);
    expect(release).toEqual(
      JSON.parse(JSON.stringify(releaseConfigOf(parseFlyToml(STAGING_TOML, 'fly.toml')))),
    );
    expect(Object.keys(release.configs)).toEqual(['app']);
    expect(release.configs.app.services[0].internal_port).toBe(8080);

    const fix = await deployBundle(sim, app, { mode: 'doctor', 'doctor-fix': 'auto', image: undefined });
    expect(fix.exitCode).toBe(0);
    expect(fix.outputs['doctor-status']).toBe('repaired');
    expect(JSON.parse(fix.outputs['doctor-left'])).toEqual([]);
    expect(fix.summary).toMatch(
      /\| Runway's own leases left by a deploy that did not finish \| .+ \| fixed \|/,
    );
    expect(await heldLeases(sim, app)).toEqual([]);
    expect(sim.machines(app).every((m) => !m.cordoned && m.routable)).toBe(true);
  }, 120_000);

  it('refuses to touch Machines someone else holds a lease on, and fails when asked to repair', async () => {
    const app = 'doc-action-2';
    await sim.createApp(app);
    await seed(sim, app);
    const id = sim.machines(app)[0].id;
    await sim.holdLease(app, id, 'someone@example.com', 120);
    const run = await deployBundle(sim, app, { mode: 'doctor', 'doctor-fix': 'auto', image: undefined });
    expect(run.exitCode).toBe(1);
    expect(run.outputs['doctor-status']).toBe('failed');
    expect(run.annotations.find((a) => a.level === 'error')?.message).toMatch(
      new RegExp(`leased by someone else.*fly machine leases clear`),
    );
  }, 120_000);

  it('`runway doctor` runs the same mode from the command line', async () => {
    const app = 'doc-action-3';
    await sim.createApp(app);
    await seed(sim, app);
    await leaveMess(app);
    const code = await main([
      'doctor',
      '--app',
      app,
      '--api-url',
      sim.apiUrl,
      '--api-token',
      sim.token,
      '--doctor-fix',
      'revert',
    ]);
    expect(code).toBe(0);
    expect(await heldLeases(sim, app)).toEqual([]);
    expect(sim.machines(app).every((m) => !m.cordoned)).toBe(true);
  }, 120_000);

  it('judges the count per group and region from `count` and fly.toml, as the deploy will hold it', async () => {
    const app = 'doc-action-count';
    await sim.createApp(app);
    await seed(sim, app, 'v1', { regions: ['sin', 'nrt'] });
    const doctor = (count: string) =>
      deployBundle(sim, app, { mode: 'doctor', image: undefined, count, regions: 'sin,nrt' });
    const findings = (run: Awaited<ReturnType<typeof doctor>>) =>
      (JSON.parse(run.outputs['doctor-findings']) as { kind: string; text: string }[]).map(
        (f) => `${f.kind}: ${f.text}`,
      );

    const matching = await doctor('sin=2,nrt=1');
    expect([matching.exitCode, matching.outputs['doctor-status']]).toEqual([0, 'clean']);

    const drifted = await doctor('nrt=2, 1');
    expect(drifted.outputs['doctor-status']).toBe('needs-repair');
    // A bare number is fly.toml's primary region (sin); regions `count` does not name are not judged.
    expect(findings(drifted)).toEqual([
      'count-above: 2 Machines in app/sin where 1 are declared',
      'count-below: 1 Machines in app/nrt where 2 are declared',
    ]);

    const calls = sim.calls().filter((c) => c.path.includes(app)).length;
    const wrongGroup = await doctor('worker:sin=1');
    expect(wrongGroup.exitCode).toBe(1);
    expect(wrongGroup.annotations.find((a) => a.level === 'error')?.message).toMatch(
      /input 'count': names process group "worker", which fly.toml does not define/,
    );
    expect(sim.calls().filter((c) => c.path.includes(app)).length).toBe(calls);
  }, 120_000);

  it('refuses a bad doctor-fix before any call, naming the input', async () => {
    await sim.createApp('doc-action-4');
    const run = await deployBundle(sim, 'doc-action-4', { mode: 'doctor', 'doctor-fix': 'yes' });
    expect(run.exitCode).toBe(1);
    expect(run.annotations.find((a) => a.level === 'error')?.message).toMatch(
      /input 'doctor-fix': "yes" is not one of the accepted values\. Fix: use one of: none, auto, finish, revert\./,
    );
    expect(sim.calls().filter((c) => c.path.includes('doc-action-4'))).toEqual([]);
  }, 60_000);
});
