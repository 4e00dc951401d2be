import { describe, expect, it } from '@jest/globals';
import { expectServes, uniqueName, useFlySim } from './fly-sims.js';
import { deployBundle, heldLeases, image, seed, visibleLog, workspace, type FlySim } from '../fly/support.js';

let sim: FlySim;
useFlySim((started) => (sim = started));

async function app(prefix: string, seeded = true): Promise<string> {
  const name = uniqueName(prefix);
  await sim.createApp(name);
  if (seeded) await seed(sim, name);
  return name;
}

const callsTo = (name: string, pattern: RegExp, since: number) =>
  sim
    .calls()
    .slice(since)
    .filter((c) => c.path.includes(`/apps/${name}/`) && pattern.test(`${c.method} ${c.path}`));

describe('fly-deploy bundle: API faults', () => {
  it('retries 429 (honouring Retry-After) and 5xx, and still deploys', async () => {
    const name = await app('flaky');
    const since = sim.calls().length;
    sim.faults.inject({ method: 'GET', path: `/apps/${name}/machines`, status: 503, times: 2 });
    sim.faults.inject({
      method: 'POST',
      path: `/apps/${name}/machines/`,
      status: 429,
      retryAfter: 1,
      times: 2,
    });
    const run = await deployBundle(sim, name, { image: image(name, 'v2'), strategy: 'rolling' });
    sim.faults.clear();
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('deployed');
    expect(callsTo(name, /^GET /, since).filter((c) => c.status === 503)).toHaveLength(2);
    expect(callsTo(name, /^POST /, since).filter((c) => c.status === 429)).toHaveLength(2);
    expect(run.log).toMatch(/retrying POST \/apps\/.+ in 1000ms \(attempt 1\): .*returned 429/);
    expect(sim.machines(name).every((m) => m.image === image(name, 'v2'))).toBe(true);
  });

  it('a 408 on create that made the Machine anyway is found by listing, not duplicated', async () => {
    const name = await app('silent', false);
    const since = sim.calls().length;
    sim.faults.inject({
      method: 'POST',
      path: `/apps/${name}/machines`,
      status: 408,
      times: 1,
      createAnyway: true,
    });
    const run = await deployBundle(sim, name, { image: image(name, 'v1') });
    sim.faults.clear();
    expect(visibleLog(run.log)).toMatch(/deployed/);
    expect(run.exitCode).toBe(0);
    expect(callsTo(name, /^POST \/v1\/apps\/[\w-]+\/machines$/, since).map((c) => c.status)).toEqual(
      expect.arrayContaining([408]),
    );
    expect(sim.machines(name)).toHaveLength(2);
    expect(run.log).toMatch(/returned 408.*but it had taken effect \(found by listing\)/);
  });

  it('retries 412 on start while the release Machine is still `created`', async () => {
    const name = await app('precondition');
    const cwd = workspace({
      'fly.release.toml':
        'app = "x"\nprimary_region = "sin"\n[deploy]\nrelease_command = "bin/migrate"\n[http_service]\ninternal_port = 8080\n[[http_service.checks]]\ngrace_period = "1s"\ninterval = "500ms"\npath = "/health"\n',
    });
    const since = sim.calls().length;
    sim.faults.inject({ method: 'POST', path: '/start', status: 412, times: 2 });
    const run = await deployBundle(
      sim,
      name,
      { image: image(name, 'v2'), config: 'fly.release.toml' },
      { cwd },
    );
    sim.faults.clear();
    expect(visibleLog(run.log)).toMatch(/deployed/);
    expect(run.exitCode).toBe(0);
    expect(callsTo(name, /\/start$/, since).map((c) => c.status)).toEqual([412, 412, 200]);
    expect(run.summary).toMatch(/release_command exited 0/);
  });

  it('a lease held by someone else stops the deploy at once, names the holder, and changes nothing', async () => {
    const name = await app('leased');
    const before = sim.machines(name).map((m) => ({ id: m.id, version: m.version }));
    const target = [...before].sort((a, b) => a.id.localeCompare(b.id))[0];
    sim.holdLease(name, target.id, 'deploy-run-41@tokens.fly.io', 60);
    const run = await deployBundle(sim, name, { image: image(name, 'v2'), strategy: 'rolling' });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe('failed');
    const error = run.annotations.find((a) => a.level === 'error')?.message;
    expect(error).toMatch(
      new RegExp(
        `Machine ${target.id} is leased by deploy-run-41@tokens\\.fly\\.io \\(until .+\\), so another deploy`,
      ),
    );
    expect(error).toMatch(/fly machine lease clear/);
    expect(sim.machines(name).map((m) => ({ id: m.id, version: m.version }))).toEqual(before);
    expect(run.summary).toMatch(/stopped before changing anything/);
    // Only the other deploy's lease is left: every lease this deploy took before the conflict was released.
    expect(await heldLeases(sim, name)).toEqual([
      { id: target.id, owner: 'deploy-run-41@tokens.fly.io', description: expect.any(String) },
    ]);
    const leaseTakes = sim
      .calls()
      .filter((c) => c.method === 'POST' && c.path.endsWith('/lease') && c.path.includes(`/apps/${name}/`));
    expect(leaseTakes.some((c) => c.status === 200 || c.status === 201)).toBe(true);
  });

  it('reports a capacity error as such', async () => {
    const name = await app('full', false);
    sim.faults.inject({
      method: 'POST',
      path: `/apps/${name}/machines`,
      status: 409,
      capacity: true,
      times: 100,
    });
    const run = await deployBundle(sim, name, { image: image(name, 'v1') });
    sim.faults.clear();
    expect(run.exitCode).toBe(1);
    expect(run.annotations.find((a) => a.level === 'error')?.message).toMatch(
      /Fly has no capacity for this Machine in sin: aborted: could not reserve resource for machine.* Fix: retry later, or deploy to a neighbouring region/,
    );
    expect(sim.machines(name).filter((m) => !['destroyed', 'destroying'].includes(m.state))).toEqual([]);
    expect(await heldLeases(sim, name)).toEqual([]);
  });

  it('a rejected token is one clear line about api-token', async () => {
    const name = await app('auth', false);
    const run = await deployBundle(sim, name, {
      image: image(name, 'v1'),
      'api-token': 'fm2_not-the-right-token',
    });
    expect(run.exitCode).toBe(1);
    expect(run.annotations.find((a) => a.level === 'error')?.message).toMatch(
      /^input 'api-token': the Fly API rejected the token for app auth-\d+ \(401/,
    );
    expect(visibleLog(run.log)).not.toContain('fm2_not-the-right-token');
  });

  it('an API that keeps failing (5xx past every retry) ends with the app as it was', async () => {
    const name = await app('api-down');
    const before = sim.machines(name).map((m) => ({ id: m.id, version: m.version, image: m.image }));
    sim.faults.inject({ method: 'POST', path: '/cordon', status: 503, times: 1000 });
    const run = await deployBundle(sim, name, { image: image(name, 'v2'), strategy: 'rolling' });
    sim.faults.clear();
    expect(run.exitCode).toBe(1);
    // The spearhead was marked as changed, so the deploy ran its rollback; it found the update never
    // applied and only had to check the cordon: a clean rollback, not a failure needing hands.
    expect(run.outputs.status).toBe('rolled-back');
    expect(run.annotations.filter((a) => a.level === 'error' && /ROLLBACK FAILED/.test(a.message))).toEqual(
      [],
    );
    expect(run.annotations.find((a) => a.level === 'error')?.message).toMatch(
      /returned 503.*gave up after 7 attempts/,
    );
    expect(sim.machines(name).map((m) => ({ id: m.id, version: m.version, image: m.image }))).toEqual(before);
    expect(sim.machines(name).every((m) => m.state === 'started' && !m.cordoned)).toBe(true);
    expect(run.summary).toMatch(/update never applied/);
    expect(await heldLeases(sim, name)).toEqual([]);
    await expectServes(sim, name, 'v1');
  });

  it('honours Retry-After on 503 and 408 too, not only on 429', async () => {
    const name = await app('retry-after');
    const since = sim.calls().length;
    sim.faults.inject({
      method: 'GET',
      path: new RegExp(`/apps/${name}/machines$`),
      status: 503,
      retryAfter: 2,
      times: 1,
    });
    sim.faults.inject({ method: 'POST', path: '/cordon', status: 408, retryAfter: 3, times: 1 });
    const run = await deployBundle(sim, name, { image: image(name, 'v2'), strategy: 'rolling' });
    sim.faults.clear();
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('deployed');
    // Backoff alone would wait 250–500ms on a first retry; the server's Retry-After wins.
    expect(run.log).toMatch(/retrying GET \/apps\/[\w-]+\/machines in 2000ms \(attempt 1\): .*returned 503/);
    expect(run.log).toMatch(/retrying POST \/apps\/.+\/cordon in 3000ms \(attempt 1\): .*returned 408/);
    const lists = callsTo(name, /^GET \/v1\/apps\/[\w-]+\/machines$/, since);
    expect(lists[0].status).toBe(503);
    expect(lists[1].at - lists[0].at).toBeGreaterThanOrEqual(1900);
    const cordons = callsTo(name, /\/cordon$/, since);
    expect(cordons[0].status).toBe(408);
    expect(cordons[1].at - cordons[0].at).toBeGreaterThanOrEqual(2900);
    expect(sim.machines(name).every((m) => m.image === image(name, 'v2'))).toBe(true);
  });
});
