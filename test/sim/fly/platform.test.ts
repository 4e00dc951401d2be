import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startFlySim, type FlySim } from '../../../src/sim/fly/index.js';
import { client, until, webConfig } from './helpers.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

let sim: FlySim;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  sim = await startFlySim({ apps: ['plat-a', 'plat-b'], timeScale: 0.3, rateLimits: false });
  api = client(sim);
});
afterAll(() => sim.close());

describe('auth and apps', () => {
  test('missing or wrong tokens get the recorded 401 body; Bearer and FlyV1 both work', async () => {
    for (const authorization of [undefined, 'Bearer nope', `Token ${sim.token}`]) {
      const res = await fetch(`${sim.apiUrl}/v1/apps/plat-a/machines`, {
        headers: authorization ? { authorization } : {},
      });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: 'Authenticate: token validation error' });
    }
    expect((await client(sim, 'Bearer')('GET', '/apps/plat-a/machines')).status).toBe(200);
    expect((await client(sim, 'FlyV1')('GET', '/apps/plat-a/machines')).status).toBe(200);
    const multi = await fetch(`${sim.apiUrl}/v1/apps/plat-a/machines`, {
      headers: { authorization: `FlyV1 fm2_other,${sim.token}` },
    });
    expect(multi.status).toBe(200);
  });

  test('a deploy token is scoped to its app', async () => {
    const issued = await api('POST', '/apps/plat-a/deploy_token', { expiry: '1h' });
    expect(issued.status).toBe(200);
    expect(issued.body.token).toMatch(/^FlyV1 fm2_/);
    const scoped = (path: string, method = 'GET', body?: unknown) =>
      fetch(`${sim.apiUrl}/v1${path}`, {
        method,
        headers: { authorization: issued.body.token, 'content-type': 'application/json' },
        body: body ? JSON.stringify(body) : undefined,
      });
    expect((await scoped('/apps/plat-a/machines')).status).toBe(200);
    expect((await scoped('/apps/plat-b/machines')).status).toBe(401);
    expect((await scoped('/apps', 'POST', { app_name: 'sneaky', org_slug: 'personal' })).status).toBe(401);
  });

  test('apps are created, listed by org, fetched, name-checked and deleted', async () => {
    const created = await api('POST', '/apps', { app_name: 'plat-new', org_slug: 'acme' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'plat-new', organization: { slug: 'acme' } });
    const dup = await api('POST', '/apps', { app_name: 'plat-new', org_slug: 'acme' });
    expect(dup.status).toBe(422);
    expect(dup.body).toEqual({ error: 'Name has already been taken', status: 'name_taken' });
    expect((await api('GET', '/apps')).status).toBe(400);
    const list = await api('GET', '/apps?org_slug=acme');
    expect(list.body).toMatchObject({ total_apps: 1, apps: [{ name: 'plat-new' }] });
    expect(sim.appUrl('plat-new')).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await api('GET', '/apps/plat-new')).body.machine_count).toBe(0);
    expect((await api('DELETE', '/apps/plat-new')).status).toBe(202);
    expect((await api('GET', '/apps/plat-new')).status).toBe(404);
    expect((await api('GET', '/apps/plat-new/machines')).status).toBe(404);
  });

  test('unknown routes are 404 and wrong methods 405, with Fly error bodies', async () => {
    const unknown = await api('GET', '/apps/plat-a/nothing-here');
    expect(unknown.status).toBe(404);
    expect(typeof unknown.body.error).toBe('string');
    expect((await api('PUT', '/apps/plat-a/machines')).status).toBe(405);
    const noPrefix = await fetch(`${sim.apiUrl}/apps/plat-a/machines`, {
      headers: { authorization: `Bearer ${sim.token}` },
    });
    expect(noPrefix.status).toBe(404);
  });
});

describe('regions', () => {
  test('/platform/regions lists the 18 live codes and flags the deprecated ones', async () => {
    const res = await api('GET', '/platform/regions');
    expect(res.status).toBe(200);
    const live = res.body.regions
      .filter((r: any) => !r.deprecated)
      .map((r: any) => r.code)
      .sort();
    expect(live).toEqual([
      'ams',
      'arn',
      'bom',
      'cdg',
      'dfw',
      'ewr',
      'fra',
      'gru',
      'iad',
      'jnb',
      'lax',
      'lhr',
      'nrt',
      'ord',
      'sin',
      'sjc',
      'syd',
      'yyz',
    ]);
    const codes = res.body.regions.map((r: any) => r.code);
    expect(codes).toEqual(expect.arrayContaining(['sea', 'hkg', 'mad']));
    expect(codes).not.toContain('maa');
    expect(codes).not.toContain('cyn');
    expect(res.body.regions.find((r: any) => r.code === 'sea').deprecated).toBe(true);
    expect(res.body.regions.find((r: any) => r.code === 'gru').gateway_available).toBe(false);
    expect(res.body.nearest).toBe('iad');
  });

  test('create rejects cyn, maa and deprecated codes with a clear error', async () => {
    for (const region of ['cyn', 'maa', 'sea']) {
      const res = await api('POST', '/apps/plat-a/machines', {
        config: webConfig('registry.fly.io/plat-a:v1'),
        region,
      });
      expect(res.status).toBe(400);
      expect(res.body.error).toContain(`'${region}'`);
    }
    expect(sim.machines('plat-a')).toEqual([]);
  });
});

describe('secrets', () => {
  test('updates bump the version, values never come back, and min_secrets_version is a precondition', async () => {
    const set = await api('POST', '/apps/plat-b/secrets', {
      values: { DATABASE_URL: 'postgres://secret-value', OLD_KEY: 'x' },
    });
    expect(set.status).toBe(200);
    expect(set.body.version).toBe(1);
    expect(set.body.secrets.map((s: any) => s.name).sort()).toEqual(['DATABASE_URL', 'OLD_KEY']);
    expect(JSON.stringify(set.body)).not.toContain('secret-value');
    const unset = await api('POST', '/apps/plat-b/secrets', { values: { OLD_KEY: null } });
    expect(unset.body.version).toBe(2);
    const one = await api('POST', '/apps/plat-b/secrets/API_KEY', { value: 'k-123' });
    expect(one.status).toBe(201);
    expect(one.body).toMatchObject({ name: 'API_KEY', version: 3 });
    expect((await api('GET', '/apps/plat-b/secrets/API_KEY')).body.digest).toMatch(/^[0-9a-f]{16}$/);
    expect((await api('DELETE', '/apps/plat-b/secrets/API_KEY')).body.version).toBe(4);
    expect((await api('GET', '/apps/plat-b/secrets')).body.secrets.map((s: any) => s.name)).toEqual([
      'DATABASE_URL',
    ]);

    const ahead = await api('POST', '/apps/plat-b/machines', {
      config: webConfig('registry.fly.io/plat-b:v1'),
      min_secrets_version: 5,
    });
    expect(ahead.status).toBe(412);
    expect(ahead.body.error).toMatch(/^failed_precondition: min_secrets_version 5/);
    expect(sim.machines('plat-b')).toEqual([]);

    const created = await api('POST', '/apps/plat-b/machines', {
      config: webConfig('registry.fly.io/plat-b:v1'),
      min_secrets_version: 4,
    });
    expect(created.status).toBe(200);
    expect(JSON.stringify(created.body)).not.toContain('secret-value');
    await until('routable', () => sim.machines('plat-b')[0]?.routable);
    const env: any = await (await fetch(`${sim.appUrl('plat-b')}/__sim/env`)).json();
    expect(env.names).toContain('DATABASE_URL');
    expect(env.names).not.toContain('OLD_KEY');
    expect(env.names).toEqual(
      expect.arrayContaining(['FLY_APP_NAME', 'FLY_MACHINE_ID', 'FLY_REGION', 'FLY_IMAGE_REF', 'PORT']),
    );
    await api('DELETE', `/apps/plat-b/machines/${created.body.id}?kill=true`);
  });
});

describe('images and digests', () => {
  test('a digest seen in one app deploys in another; an unknown digest is refused', async () => {
    const staging = await api('POST', '/apps/plat-a/machines', {
      config: webConfig('registry.fly.io/plat-a:deployment-77'),
      skip_launch: true,
    });
    const digest = staging.body.image_ref.digest;
    const promoted = await api('POST', '/apps/plat-b/machines', {
      config: webConfig(`registry.fly.io/plat-a@${digest}`),
      skip_launch: true,
    });
    expect(promoted.status).toBe(200);
    expect(promoted.body.image_ref).toMatchObject({
      registry: 'registry.fly.io',
      repository: 'plat-a',
      digest,
    });
    const unknown = await api('POST', '/apps/plat-b/machines', {
      config: webConfig(`registry.fly.io/plat-a@sha256:${'0'.repeat(64)}`),
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toMatch(/manifest unknown/);
    const malformed = await api('POST', '/apps/plat-b/machines', { config: webConfig('not a reference') });
    expect(malformed.status).toBe(422);
    const noImage = await api('POST', '/apps/plat-b/machines', { config: { services: [] } });
    expect(noImage.status).toBe(400);
    const badCheck = await api('POST', '/apps/plat-b/machines', {
      config: webConfig('registry.fly.io/plat-b:v1', {
        checks: { x: { type: 'http', port: 8080, interval: 'often' } },
      }),
    });
    expect(badCheck.status).toBe(400);
    expect(badCheck.body.error).toMatch(/interval/);
    for (const id of [staging.body.id, promoted.body.id]) {
      const app = id === staging.body.id ? 'plat-a' : 'plat-b';
      await until('stopped', () => sim.machines(app).find((m) => m.id === id)?.state === 'stopped');
      expect((await api('DELETE', `/apps/${app}/machines/${id}`)).status).toBe(200);
    }
  });
});

describe('leases and cordon', () => {
  test('acquire with ?ttl, refresh with the nonce, 409 for others, nonce required on mutations, release', async () => {
    const created = await api('POST', '/apps/plat-a/machines', {
      config: webConfig('registry.fly.io/plat-a:v1'),
    });
    const id = created.body.id;
    const path = `/apps/plat-a/machines/${id}`;
    await api('GET', `${path}/wait?state=started&timeout=20`);
    expect((await api('GET', `${path}/lease`)).status).toBe(404);

    const acquired = await api('POST', `${path}/lease?ttl=30`);
    expect(acquired.status).toBe(201);
    expect(acquired.body.status).toBe('success');
    const lease = acquired.body.data;
    expect(lease.nonce).toMatch(/^[0-9a-f]{12}$/);
    expect(lease.version).toBe(created.body.version);
    expect(lease.expires_at).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000) + 28);
    expect((await api('GET', `${path}/lease`)).body).toEqual(acquired.body);

    const conflict = await api('POST', `${path}/lease`, { ttl: 10 });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error).toMatch(
      new RegExp(
        `^machine ID ${id} lease currently held by runway-sim@example.com, expires at \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$`,
      ),
    );

    const refreshed = await api(
      'POST',
      `${path}/lease`,
      { ttl: 120, description: 'deploy' },
      { 'fly-machine-lease-nonce': lease.nonce },
    );
    expect(refreshed.status).toBe(201);
    expect(refreshed.body.data.nonce).toBe(lease.nonce);
    expect(refreshed.body.data.expires_at).toBeGreaterThan(lease.expires_at);

    expect((await api('POST', `${path}/cordon`)).status).toBe(409);
    expect(
      (await api('POST', `${path}/cordon`, undefined, { 'fly-machine-lease-nonce': 'ffffffffffff' })).status,
    ).toBe(409);
    expect((await api('POST', `${path}`, { config: webConfig('registry.fly.io/plat-a:v2') })).status).toBe(
      409,
    );
    expect(
      (await api('POST', `${path}/cordon`, undefined, { 'fly-machine-lease-nonce': lease.nonce })).status,
    ).toBe(200);
    expect(sim.machines('plat-a').find((m) => m.id === id)?.cordoned).toBe(true);
    expect((await api('GET', path)).body.cordoned).toBe(true);
    expect(
      (await api('POST', `${path}/uncordon`, undefined, { 'fly-machine-lease-nonce': lease.nonce })).status,
    ).toBe(200);
    expect((await api('GET', path)).body.cordoned).toBe(false);

    expect((await api('DELETE', `${path}/lease`)).status).toBe(400);
    expect(
      (await api('DELETE', `${path}/lease`, undefined, { 'fly-machine-lease-nonce': 'ffffffffffff' })).status,
    ).toBe(409);
    const released = await api('DELETE', `${path}/lease`, undefined, {
      'fly-machine-lease-nonce': lease.nonce,
    });
    expect(released.body).toEqual({ status: 'success', data: { ok: true } });
    expect((await api('GET', `${path}/lease`)).status).toBe(404);
    expect(
      (await api('DELETE', `${path}/lease`, undefined, { 'fly-machine-lease-nonce': lease.nonce })).status,
    ).toBe(404);
    expect((await api('POST', `${path}/cordon`)).status).toBe(200);

    // Leases expire after their TTL.
    await api('POST', `${path}/lease?ttl=2`);
    expect((await api('POST', `${path}/uncordon`)).status).toBe(409);
    await until('lease expiry', async () => (await api('GET', `${path}/lease`)).status === 404, 5000);
    expect((await api('POST', `${path}/uncordon`)).status).toBe(200);

    // Someone else's lease (a crashed CI run) blocks us with their name in the message.
    await sim.holdLease('plat-a', id, 'ci-run-41@tokens.fly.io', 60);
    const held = await api('POST', `${path}/lease?ttl=13`);
    expect(held.status).toBe(409);
    expect(held.body.error).toContain('lease currently held by ci-run-41@tokens.fly.io');
    expect((await api('DELETE', `${path}?kill=true`)).status).toBe(409);
  });

  test('create with lease_ttl returns the nonce; skip_service_registration creates it cordoned', async () => {
    const before = sim.machines('plat-a').length;
    const bad = await api('POST', '/apps/plat-a/machines', {
      config: webConfig('registry.fly.io/plat-a:v1'),
      lease_ttl: -1,
    });
    expect(bad.status).toBe(400);
    expect(sim.machines('plat-a')).toHaveLength(before);
    const created = await api('POST', '/apps/plat-a/machines', {
      config: webConfig('registry.fly.io/plat-a:v1'),
      lease_ttl: 30,
      skip_service_registration: true,
    });
    expect(created.body.nonce).toMatch(/^[0-9a-f]{12}$/);
    expect(created.body.cordoned).toBe(true);
    const path = `/apps/plat-a/machines/${created.body.id}`;
    await api('GET', `${path}/wait?state=started&timeout=20`);
    expect((await api('POST', `${path}/stop`)).status).toBe(409);
    expect(
      (await api('POST', `${path}/stop`, {}, { 'fly-machine-lease-nonce': created.body.nonce })).status,
    ).toBe(200);
    expect((await api('GET', `${path}/lease`)).body.data.nonce).toBe(created.body.nonce);
  });
});

describe('faults and rate limits', () => {
  test('a 408 on create that still created the Machine, then a normal create', async () => {
    sim.faults.inject({
      method: 'POST',
      path: /\/apps\/plat-b\/machines$/,
      status: 408,
      createAnyway: true,
      times: 1,
    });
    const before = sim.machines('plat-b').length;
    const config = webConfig('registry.fly.io/plat-b:v1', {
      metadata: { fly_flyctl_bluegreen_launch_id: 'launch-1' },
    });
    const timedOut = await api('POST', '/apps/plat-b/machines', { config, skip_launch: true });
    expect(timedOut.status).toBe(408);
    const listed = await api('GET', '/apps/plat-b/machines?metadata.fly_flyctl_bluegreen_launch_id=launch-1');
    expect(listed.body).toHaveLength(1);
    expect(sim.machines('plat-b')).toHaveLength(before + 1);
    expect(
      (
        await api('POST', '/apps/plat-b/machines', {
          config: webConfig('registry.fly.io/plat-b:v1'),
          skip_launch: true,
        })
      ).status,
    ).toBe(200);
    expect(sim.machines('plat-b')).toHaveLength(before + 2);
  });

  test('5xx, capacity and 429 faults answer with Fly bodies and change nothing; clear() ends them', async () => {
    const before = sim.machines('plat-b').length;
    sim.faults.inject({ method: 'POST', path: '/machines', capacity: true, times: 1 });
    const capacity = await api('POST', '/apps/plat-b/machines', {
      config: webConfig('registry.fly.io/plat-b:v1'),
    });
    expect(capacity.status).toBe(409);
    expect(capacity.body).toEqual({
      error: expect.stringContaining('could not reserve resource for machine'),
      status: 'insufficient_capacity',
    });
    expect(sim.machines('plat-b')).toHaveLength(before);

    sim.faults.inject({ method: 'GET', path: '/apps/plat-b/machines', status: 503, times: 2 });
    expect((await api('GET', '/apps/plat-b/machines')).status).toBe(503);
    const second = await api('GET', '/apps/plat-b/machines');
    expect(second.status).toBe(503);
    expect(second.body.status).toBe('unknown');
    expect((await api('GET', '/apps/plat-b/machines')).status).toBe(200);

    sim.faults.inject({ path: '/apps/plat-b', status: 429, retryAfter: 3 });
    const limited = await api('GET', '/apps/plat-b/machines');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect((await api('GET', '/apps/plat-b/machines')).status).toBe(429);
    expect((await api('GET', '/apps/plat-a/machines')).status).toBe(200);
    sim.faults.clear();
    expect((await api('GET', '/apps/plat-b/machines')).status).toBe(200);

    const calls = sim.calls().filter((c) => c.path === '/v1/apps/plat-b/machines' && c.method === 'GET');
    expect(calls.slice(-6).map((c) => c.status)).toEqual([503, 503, 200, 429, 429, 200]);
  });

  test('the published budgets: mutations 3 then 1/s per Machine, reads 10 then 5/s', async () => {
    const limited = await startFlySim({ apps: ['plat-rl'], timeScale: 0.3 });
    try {
      const rl = client(limited);
      const a = (
        await rl('POST', '/apps/plat-rl/machines', {
          config: webConfig('registry.fly.io/plat-rl:v1'),
          skip_launch: true,
        })
      ).body.id;
      const b = (
        await rl('POST', '/apps/plat-rl/machines', {
          config: webConfig('registry.fly.io/plat-rl:v1'),
          skip_launch: true,
        })
      ).body.id;
      // A burst at once: the bucket allows `burst` plus what refilled while the burst was in flight.
      const burst = async (
        n: number,
        send: () => Promise<{ status: number; headers: Headers; body: any }>,
      ) => {
        const started = Date.now();
        const results = await Promise.all(Array.from({ length: n }, send));
        return {
          results,
          ok: results.filter((r) => r.status === 200).length,
          seconds: (Date.now() - started) / 1000,
        };
      };
      const cordons = await burst(8, () => rl('POST', `/apps/plat-rl/machines/${a}/cordon`));
      expect(cordons.ok).toBeGreaterThanOrEqual(3);
      expect(cordons.ok).toBeLessThanOrEqual(3 + Math.ceil(cordons.seconds));
      const refused = cordons.results.find((r) => r.status === 429)!;
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(refused.body.error).toMatch(/rate limit/);
      expect((await rl('POST', `/apps/plat-rl/machines/${b}/cordon`)).status).toBe(200);
      expect((await rl('POST', `/apps/plat-rl/machines/${a}/uncordon`)).status).toBe(200);
      const gets = await burst(25, () => rl('GET', `/apps/plat-rl/machines/${a}`));
      expect(gets.ok).toBeGreaterThanOrEqual(10);
      expect(gets.ok).toBeLessThanOrEqual(10 + Math.ceil(gets.seconds * 5));
      expect(gets.results.some((r) => r.status === 429)).toBe(true);
      await until(
        'a token to refill',
        async () => (await rl('POST', `/apps/plat-rl/machines/${a}/cordon`)).status === 200,
        5000,
      );
    } finally {
      await limited.close();
    }
  });
});
