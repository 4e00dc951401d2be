import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startFlySim, type FlySim } from '../../../src/sim/fly/index.js';
import { client, until, webConfig } from './helpers.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const APP = 'proxy-app';
let sim: FlySim;
let api: ReturnType<typeof client>;
const base = `/apps/${APP}/machines`;

beforeAll(async () => {
  sim = await startFlySim({ apps: [APP], timeScale: 0.3, rateLimits: false });
  api = client(sim);
});
afterAll(() => sim.close());

async function hit(n: number): Promise<Map<string, number>> {
  const seen = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${sim.appUrl(APP)}/`);
    expect(res.status).toBe(200);
    const body: any = await res.json();
    seen.set(body.machine_id, (seen.get(body.machine_id) ?? 0) + 1);
  }
  return seen;
}

/** Constant load on the public URL until stopped; counts every request that did not get a 200. */
function load(workers = 8) {
  let running = true;
  let ok = 0;
  const failures: string[] = [];
  const versions = new Set<string>();
  const loops = Array.from({ length: workers }, async () => {
    while (running) {
      try {
        const res = await fetch(`${sim.appUrl(APP)}/`);
        const text = await res.text();
        if (res.status === 200) {
          ok++;
          versions.add(JSON.parse(text).image);
        } else failures.push(`${res.status} ${text.slice(0, 100)}`);
      } catch (error) {
        failures.push(String(error));
      }
    }
  });
  return {
    /** Resolves once `more` further answers have come back, so a test brackets an event with traffic. */
    answers(more: number) {
      const target = ok + failures.length + more;
      return until(`${more} more answers`, () => ok + failures.length >= target);
    },
    async stop() {
      running = false;
      await Promise.all(loops);
      return { ok, failures, versions };
    },
  };
}

async function create(image: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await api('POST', base, { config: webConfig(image), ...extra });
  expect(res.status).toBe(200);
  return res.body.id;
}

const routable = (id: string) => sim.machines(APP).find((m) => m.id === id)?.routable;
const passing = async (id: string) => {
  const checks = (await api('GET', `${base}/${id}`)).body.checks as any[];
  return checks.length > 0 && checks.every((c) => c.status === 'passing');
};

describe('the app proxy', () => {
  test('routes only to started, uncordoned Machines whose checks pass, and stops routing on cordon/stop', async () => {
    const a = await create('registry.fly.io/proxy-app:good-a');
    const sick = await create('registry.fly.io/proxy-app:never-healthy');
    const c = await create('registry.fly.io/proxy-app:good-c', { skip_service_registration: true });
    const worker = (await api('POST', base, { config: { image: 'registry.fly.io/proxy-app:worker' } })).body
      .id;
    await until('a routable', () => routable(a));
    await until('c passing', () => passing(c));
    await until(
      'sick critical',
      async () => (await api('GET', `${base}/${sick}`)).body.checks[0]?.status === 'critical',
    );
    expect([...(await hit(12)).keys()]).toEqual([a]);

    await api('POST', `${base}/${c}/uncordon`);
    expect([...(await hit(12)).keys()].sort()).toEqual([a, c].sort());

    await api('POST', `${base}/${a}/cordon`);
    expect([...(await hit(6)).keys()]).toEqual([c]);
    await api('POST', `${base}/${a}/uncordon`);
    await until('a back', () => routable(a));

    // Out of rotation from the moment the stop is accepted, before the process is told to exit.
    await api('POST', `${base}/${c}/stop`);
    expect([...(await hit(6)).keys()]).toEqual([a]);
    expect(sim.machines(APP).find((m) => m.id === worker)?.routable).toBe(false);
    for (const id of [a, sick, c, worker]) await api('DELETE', `${base}/${id}?kill=true`);
    await until('all gone', () => sim.machines(APP).length === 0);

    const started = Date.now();
    const none = await fetch(`${sim.appUrl(APP)}/`);
    expect(none.status).toBe(503);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  test('a check forced critical or warning by the test takes the Machine out of rotation until handed back', async () => {
    const a = await create('registry.fly.io/proxy-app:v1');
    const b = await create('registry.fly.io/proxy-app:v1');
    await until('both routable', () => routable(a) && routable(b));
    sim.setCheck(APP, a, 'servicecheck-00-http-8080', 'critical');
    expect((await api('GET', `${base}/${a}`)).body.checks).toEqual([
      expect.objectContaining({ name: 'servicecheck-00-http-8080', status: 'critical' }),
    ]);
    expect([...(await hit(6)).keys()]).toEqual([b]);
    sim.setCheck(APP, a, 'servicecheck-00-http-8080', 'warning');
    expect([...(await hit(4)).keys()]).toEqual([b]);
    sim.setCheck(APP, a, 'servicecheck-00-http-8080', null);
    expect([...(await hit(8)).keys()].sort()).toEqual([a, b].sort());
    for (const id of [a, b]) await api('DELETE', `${base}/${id}?kill=true`);
    await until('all gone', () => sim.machines(APP).length === 0);
  });

  test('a request that cannot reach a dying Machine is retried on a healthy one', async () => {
    const a = await create('registry.fly.io/proxy-app:v1');
    const b = await create('registry.fly.io/proxy-app:v1');
    await until('both routable', () => routable(a) && routable(b));
    const traffic = load(12);
    await traffic.answers(20);
    // SIGKILL: no draining, the proxy learns only from refused connections.
    await api('POST', `${base}/${a}/signal`, { signal: 9 });
    await traffic.answers(50);
    const result = await traffic.stop();
    expect(result.failures).toEqual([]);
    expect(result.ok).toBeGreaterThan(20);
    const events = (await api('GET', `${base}/${a}/events`)).body as any[];
    expect(events.find((e) => e.type === 'exit').request.exit_event).toMatchObject({
      requested_stop: false,
      exit_code: 137,
    });
    for (const id of [a, b]) await api('DELETE', `${base}/${id}?kill=true`);
    await until('all gone', () => sim.machines(APP).length === 0);
  });

  test('zero failed requests through a rolling update and a blue-green switch done in the documented order', async () => {
    const blue = [
      await create('registry.fly.io/proxy-app:blue'),
      await create('registry.fly.io/proxy-app:blue'),
    ];
    await until('blue routable', () => blue.every((id) => routable(id)));
    const traffic = load(8);

    // Rolling: one Machine at a time, each waited to started and passing before the next.
    for (const id of blue) {
      const updated = await api('POST', `${base}/${id}`, {
        config: webConfig('registry.fly.io/proxy-app:rolled'),
      });
      expect(updated.status).toBe(200);
      await api('GET', `${base}/${id}/wait?state=started&version=${updated.body.version}&timeout=30`);
      await until('updated machine passing', () => passing(id));
    }

    // Blue-green: green created unregistered, healthy, uncordoned; then blue cordoned, stopped, destroyed.
    const green = [
      await create('registry.fly.io/proxy-app:green', { skip_service_registration: true }),
      await create('registry.fly.io/proxy-app:green', { skip_service_registration: true }),
    ];
    for (const id of green) await until('green passing', () => passing(id));
    for (const id of green) await api('POST', `${base}/${id}/uncordon`);
    for (const id of blue) await api('POST', `${base}/${id}/cordon`);
    for (const id of blue) await api('POST', `${base}/${id}/stop`);
    for (const id of blue) {
      const version = sim.machines(APP).find((m) => m.id === id)!.version;
      await api('GET', `${base}/${id}/wait?state=stopped&version=${version}&timeout=30`);
      expect((await api('DELETE', `${base}/${id}`)).status).toBe(200);
    }
    await traffic.answers(20);
    const result = await traffic.stop();
    expect(result.failures).toEqual([]);
    expect(result.ok).toBeGreaterThan(50);
    expect([...result.versions].map((v) => v.split('@')[0]).sort()).toEqual([
      'registry.fly.io/proxy-app:blue',
      'registry.fly.io/proxy-app:green',
      'registry.fly.io/proxy-app:rolled',
    ]);
    for (const id of green) await api('DELETE', `${base}/${id}?kill=true`);
  });
});
