import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { startFlySim, type FlySim } from '../../../src/sim/fly/index.js';
import { client, until, webConfig, type Res } from './helpers.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const APP = 'lifecycle-app';
let sim: FlySim;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  // Real time: the 412 windows (`created` while the image is pulled, `replacing`) must not be outrun on a busy machine.
  sim = await startFlySim({ apps: [APP], rateLimits: false });
  api = client(sim);
});
afterAll(() => sim.close());

const base = `/apps/${APP}/machines`;

async function createStarted(
  image = 'registry.fly.io/lifecycle-app:v1',
  extra: Record<string, unknown> = {},
): Promise<any> {
  const created = await api('POST', base, { config: webConfig(image), region: 'lhr', ...extra });
  expect(created.status).toBe(200);
  const wait = await api('GET', `${base}/${created.body.id}/wait?state=started&timeout=20`);
  expect(wait.status).toBe(200);
  return created.body;
}

function eventsOf(res: Res): string[] {
  return (res.body as any[]).map((e) => `${e.type}/${e.status}/${e.source}`);
}

describe('create, get, list', () => {
  test('a new Machine is created, refuses start while created, then starts on its own', async () => {
    const image = 'registry.fly.io/lifecycle-app:deployment-01';
    const created = await api('POST', base, { config: webConfig(image), region: 'syd', name: 'web-1' });
    expect(created.status).toBe(200);
    const m = created.body;
    expect(m.id).toMatch(/^[0-9a-f]{14}$/);
    expect(m.instance_id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(m.version).toBe(m.instance_id);
    expect(m.state).toBe('created');
    expect(m.region).toBe('syd');
    expect(m.name).toBe('web-1');
    expect(m.image_ref).toEqual({
      registry: 'registry.fly.io',
      repository: 'lifecycle-app',
      tag: 'deployment-01',
      digest: `sha256:${createHash('sha256').update(image).digest('hex')}`,
      labels: {},
    });
    expect(created.headers.get('fly-request-id')).toMatch(/^[0-9A-Z]{26}-/);

    const early = await api('POST', `${base}/${m.id}/start`);
    expect(early.status).toBe(412);
    expect(early.body.error).toBe(
      "failed_precondition: unable to start machine from current state: 'created'",
    );

    const wait = await api('GET', `${base}/${m.id}/wait?state=started&timeout=20`);
    expect(wait.status).toBe(200);
    expect(wait.body).toMatchObject({ ok: true, state: 'started', version: m.version });
    const got = await api('GET', `${base}/${m.id}`);
    expect(got.body.state).toBe('started');
    expect(got.body.host_status).toBe('ok');
    const events = await api('GET', `${base}/${m.id}/events`);
    expect(eventsOf(events)).toEqual(['start/started/flyd', 'launch/created/user']);
    expect(typeof events.body[0].timestamp).toBe('number');
    expect(events.body[0].timestamp).toBeGreaterThan(Date.now() - 60_000);
  });

  test('create with skip_launch goes created → stopped and stays down', async () => {
    const created = await api('POST', base, {
      config: webConfig('registry.fly.io/lifecycle-app:v1'),
      skip_launch: true,
    });
    expect(created.body.state).toBe('created');
    const wait = await api(
      'GET',
      `${base}/${created.body.id}/wait?state=stopped&instance_id=${created.body.instance_id}&timeout=10`,
    );
    expect(wait.status).toBe(200);
    expect(wait.body.state).toBe('stopped');
    expect(sim.machines(APP).find((m) => m.id === created.body.id)?.state).toBe('stopped');
    await api('DELETE', `${base}/${created.body.id}?force=true`);
  });

  test('a stop while still created cancels the launch; a stop while replacing is refused', async () => {
    const created = await api('POST', base, { config: webConfig('registry.fly.io/lifecycle-app:v1') });
    expect((await api('POST', `${base}/${created.body.id}/stop`)).status).toBe(200);
    const settled = await api('GET', `${base}/${created.body.id}/wait?state=settled&timeout=5`);
    expect(settled.body.state).toBe('stopped');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const events = eventsOf(await api('GET', `${base}/${created.body.id}/events`));
    expect(events).toEqual(['stop/stopping/user', 'launch/created/user']);
    expect(sim.machines(APP).find((m) => m.id === created.body.id)?.state).toBe('stopped');
    await api('POST', `${base}/${created.body.id}/start`);
    await api('GET', `${base}/${created.body.id}/wait?state=started&timeout=20`);
    await api('POST', `${base}/${created.body.id}`, {
      config: webConfig('registry.fly.io/lifecycle-app:fresh-pull'),
    });
    const refused = await api('POST', `${base}/${created.body.id}/stop`);
    expect(refused.status).toBe(412);
    expect(refused.body.error).toBe(
      "failed_precondition: unable to stop machine from current state: 'replacing'",
    );
    await api('DELETE', `${base}/${created.body.id}?kill=true`);
  });

  test('list filters by region, state and metadata, and summary omits config/checks/events', async () => {
    const a = await createStarted('registry.fly.io/lifecycle-app:v1', { region: 'ams' });
    await api('POST', `${base}/${a.id}/metadata/role`, { value: 'listed' });
    const byRegion = await api('GET', `${base}?region=ams&state=started,stopped&metadata.role=listed`);
    expect(byRegion.status).toBe(200);
    expect(byRegion.body.map((m: any) => m.id)).toEqual([a.id]);
    expect((await api('GET', `${base}?metadata.role=other`)).body).toEqual([]);
    expect((await api('GET', `${base}?region=ams&state=stopped`)).body).toEqual([]);
    const summary = await api('GET', `${base}?summary=true&region=ams`);
    expect(summary.body[0].id).toBe(a.id);
    for (const key of ['config', 'checks', 'events', 'host_status', 'nonce'])
      expect(summary.body[0]).not.toHaveProperty(key);
    await api('DELETE', `${base}/${a.id}?kill=true`);
    await until(
      'destroyed',
      async () =>
        (await api('GET', `${base}?region=ams&include_deleted=true`)).body[0]?.state === 'destroyed',
    );
    expect((await api('GET', `${base}?region=ams`)).body).toEqual([]);
  });
});

describe('update, stop, start, destroy', () => {
  test('update replaces the version, refuses start while replacing, and the old version reports replaced', async () => {
    const m = await createStarted();
    const stale = await api('POST', `${base}/${m.id}`, {
      config: webConfig('registry.fly.io/lifecycle-app:v2'),
      current_version: '01HQ73A7BFFDF1B6WMGHFZZ4E7',
    });
    expect(stale.status).toBe(412);
    expect(stale.body.error).toMatch(/^failed_precondition: /);

    const updated = await api('POST', `${base}/${m.id}`, {
      config: webConfig('registry.fly.io/lifecycle-app:v2'),
      current_version: m.version,
    });
    expect(updated.status).toBe(200);
    expect(updated.body.state).toBe('replacing');
    expect(updated.body.version).not.toBe(m.version);
    expect(updated.body.config.image).toBe('registry.fly.io/lifecycle-app:v2');

    const start = await api('POST', `${base}/${m.id}/start`);
    expect(start.status).toBe(412);
    expect(start.body.error).toBe('failed_precondition: machine getting replaced, refusing to start');
    const concurrent = await api('POST', `${base}/${m.id}`, {
      config: webConfig('registry.fly.io/lifecycle-app:v3'),
    });
    expect(concurrent.status).toBe(409);
    expect(concurrent.body.error).toMatch(/concurrent update/);

    const wait = await api(
      'GET',
      `${base}/${m.id}/wait?state=started&version=${updated.body.version}&timeout=20`,
    );
    expect(wait.body).toMatchObject({ ok: true, state: 'started', version: updated.body.version });
    const old = await api('GET', `${base}/${m.id}/wait?state=started&version=${m.version}&timeout=1`);
    expect(old.status).toBe(408);
    expect(old.body.error).toBe(
      'deadline_exceeded: machine failed to reach desired state, started, currently replaced',
    );

    const versions = await api('GET', `${base}/${m.id}/versions`);
    expect(versions.body.map((v: any) => v.version)).toEqual([updated.body.version, m.version]);
    expect(versions.body[1].user_config.image).toBe('registry.fly.io/lifecycle-app:v1');
    const events = eventsOf(await api('GET', `${base}/${m.id}/events`));
    expect(events.slice(0, 3)).toEqual(['start/started/flyd', 'exit/stopped/flyd', 'update/replacing/user']);
    const view = sim.machines(APP).find((x) => x.id === m.id)!;
    expect(view.image).toBe('registry.fly.io/lifecycle-app:v2');
    expect(view.version).toBe(updated.body.version);
    await api('DELETE', `${base}/${m.id}?kill=true`);
  });

  test('stop drains to stopped with a requested-stop exit event; an update leaves it stopped; start brings it back', async () => {
    const m = await createStarted();
    const stop = await api('POST', `${base}/${m.id}/stop`, { signal: 'SIGTERM', timeout: '5s' });
    expect(stop.status).toBe(200);
    const needsVersion = await api('GET', `${base}/${m.id}/wait?state=stopped&timeout=5`);
    expect(needsVersion.status).toBe(400);
    const stopped = await api(
      'GET',
      `${base}/${m.id}/wait?state=stopped&instance_id=${m.instance_id}&timeout=20`,
    );
    expect(stopped.body).toMatchObject({ ok: true, state: 'stopped' });
    const events = await api('GET', `${base}/${m.id}/events?limit=2`);
    expect(events.body).toHaveLength(2);
    expect(eventsOf(events)).toEqual(['exit/stopped/flyd', 'stop/stopping/user']);
    expect(events.body[0].request.exit_event).toMatchObject({
      exit_code: 0,
      requested_stop: true,
      restarting: false,
    });

    const updated = await api('POST', `${base}/${m.id}`, {
      config: webConfig('registry.fly.io/lifecycle-app:v2'),
    });
    const settled = await api(
      'GET',
      `${base}/${m.id}/wait?state=settled&version=${updated.body.version}&timeout=20`,
    );
    expect(settled.body.state).toBe('stopped');

    const start = await api('POST', `${base}/${m.id}/start`);
    expect(start.status).toBe(200);
    expect(start.body).toEqual({ previous_state: 'stopped', migrated: false, new_host: '' });
    expect((await api('GET', `${base}/${m.id}/wait?state=started&timeout=20`)).body.state).toBe('started');

    const running = await api('DELETE', `${base}/${m.id}`);
    expect(running.status).toBe(409);
    expect(running.body.error).toBe('unable to destroy machine, not currently stopped');
    expect((await api('DELETE', `${base}/${m.id}?kill=true`)).status).toBe(200);
    const gone = await api('GET', `${base}/${m.id}/wait?state=destroyed&timeout=20`);
    expect(gone.body).toMatchObject({ ok: true, state: 'destroyed' });
    expect((await api('GET', `${base}/${m.id}`)).status).toBe(404);
    expect((await api('GET', `${base}/${m.id}/wait?state=started&timeout=1`)).status).toBe(404);
  });

  test('/wait: 408 deadline message, invalid state 400, unknown machine 404, repeated and comma states', async () => {
    const m = await createStarted();
    const timeout = await api('GET', `${base}/${m.id}/wait?state=suspended&timeout=1`);
    expect(timeout.status).toBe(408);
    expect(timeout.body.error).toBe(
      'deadline_exceeded: machine failed to reach desired state, suspended, currently started',
    );
    expect((await api('GET', `${base}/${m.id}/wait?state=sleeping`)).status).toBe(400);
    expect((await api('GET', `${base}/00000000000000/wait`)).status).toBe(404);
    expect(
      (await api('GET', `${base}/${m.id}/wait?state=suspended&state=started&timeout=1`)).body.state,
    ).toBe('started');
    expect((await api('GET', `${base}/${m.id}/wait?state=suspended,started&timeout=1`)).body.state).toBe(
      'started',
    );
    // A wait blocks until the state arrives rather than answering early.
    const calls = sim.calls().length;
    const pending = api('GET', `${base}/${m.id}/wait?state=stopped&version=${m.version}&timeout=20`);
    // The wait is at the server (recorded, not yet answered) before the stop is sent.
    await until('the wait to arrive', () =>
      sim
        .calls()
        .slice(calls)
        .some((c) => c.path.endsWith('/wait') && c.status === 0),
    );
    await api('POST', `${base}/${m.id}/stop`);
    expect((await pending).body).toMatchObject({ ok: true, state: 'stopped' });
    await api('DELETE', `${base}/${m.id}`);
  });
});

describe('a silently reverted update (revertUpdate fault)', () => {
  test('the update answers 200 with the new version, then the Machine runs the old version again and the new one reads replaced', async () => {
    const m = await createStarted();
    sim.faults.inject({ revertUpdate: true, times: 1 });
    // A rule for updates only: this GET is served normally and does not consume it.
    expect((await api('GET', `${base}/${m.id}`)).status).toBe(200);
    const updated = await api('POST', `${base}/${m.id}`, {
      config: webConfig('registry.fly.io/lifecycle-app:v2'),
      current_version: m.version,
    });
    expect(updated.status).toBe(200);
    expect(updated.body.version).not.toBe(m.version);
    expect(updated.body.config.image).toBe('registry.fly.io/lifecycle-app:v2');

    const back = await api('GET', `${base}/${m.id}/wait?state=started&version=${m.version}&timeout=20`);
    expect(back.body).toMatchObject({ ok: true, state: 'started', version: m.version });
    const gone = await api(
      'GET',
      `${base}/${m.id}/wait?state=started&version=${updated.body.version}&timeout=1`,
    );
    expect(gone.status).toBe(408);
    expect(gone.body.error).toMatch(/currently replaced$/);
    const now = await api('GET', `${base}/${m.id}`);
    expect(now.body.version).toBe(m.version);
    expect(now.body.config.image).toBe('registry.fly.io/lifecycle-app:v1');
    expect(sim.machines(APP).find((x) => x.id === m.id)).toMatchObject({
      version: m.version,
      image: 'registry.fly.io/lifecycle-app:v1',
    });
    expect(eventsOf(await api('GET', `${base}/${m.id}/events`))).toContain('update/reverted/flyd');

    // One time only: the next update sticks.
    const again = await api('POST', `${base}/${m.id}`, {
      config: webConfig('registry.fly.io/lifecycle-app:v2'),
    });
    const stuck = await api(
      'GET',
      `${base}/${m.id}/wait?state=started&version=${again.body.version}&timeout=20`,
    );
    expect(stuck.body).toMatchObject({ ok: true, version: again.body.version });
    sim.faults.clear();
  });
});

describe('images as behaviours', () => {
  test('a crashing image crash-loops with exit events, then stops when retries run out', async () => {
    const created = await api('POST', base, {
      config: webConfig('registry.fly.io/lifecycle-app:crash-1', {
        restart: { policy: 'on-failure', max_retries: 2 },
      }),
    });
    const id = created.body.id;
    await until('the crash loop to end', async () => {
      const events = (await api('GET', `${base}/${id}/events`)).body as any[];
      return (
        events.filter((e) => e.type === 'exit').length >= 3 &&
        sim.machines(APP).find((m) => m.id === id)?.state === 'stopped'
      );
    });
    const exits = ((await api('GET', `${base}/${id}/events`)).body as any[]).filter((e) => e.type === 'exit');
    expect(
      exits.map((e) => [
        e.request.exit_event.exit_code,
        e.request.exit_event.restarting,
        e.request.restart_count,
      ]),
    ).toEqual([
      [1, false, 2],
      [1, true, 1],
      [1, true, 0],
    ]);
    expect(exits[0].request.exit_event.requested_stop).toBe(false);
    await api('DELETE', `${base}/${id}`);
  });

  test('never-healthy: checks are empty during grace, then critical for good; healthy ones pass', async () => {
    const bad = await api('POST', base, { config: webConfig('registry.fly.io/lifecycle-app:never-healthy') });
    const good = await api('POST', base, {
      config: webConfig('registry.fly.io/lifecycle-app:good', {
        checks: { alive: { type: 'tcp', port: 8080, interval: '1s', grace_period: '2s' } },
      }),
    });
    await api('GET', `${base}/${bad.body.id}/wait?state=started&timeout=20`);
    const justStarted = await api('GET', `${base}/${bad.body.id}`);
    expect(justStarted.body.checks).toEqual([]);
    const critical = await until('critical check', async () => {
      const got = await api('GET', `${base}/${bad.body.id}`);
      return got.body.checks.length ? got.body.checks : undefined;
    });
    expect(critical).toEqual([
      expect.objectContaining({
        name: 'servicecheck-00-http-8080',
        status: 'critical',
        output: expect.stringContaining('500'),
      }),
    ]);
    const passing = await until('passing checks', async () => {
      const got = await api('GET', `${base}/${good.body.id}`);
      return got.body.checks.length === 2 && got.body.checks.every((c: any) => c.status === 'passing')
        ? got.body.checks
        : undefined;
    });
    expect(passing.map((c: any) => c.name).sort()).toEqual(['alive', 'servicecheck-00-http-8080']);
    expect(passing[0].updated_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(sim.machines(APP).find((m) => m.id === bad.body.id)?.checks).toEqual([
      { name: 'servicecheck-00-http-8080', status: 'critical' },
    ]);
    await api('DELETE', `${base}/${bad.body.id}?kill=true`);
    await api('DELETE', `${base}/${good.body.id}?kill=true`);
  });

  test('a slow image is started but fails its checks until it listens', async () => {
    const slow = await api('POST', base, {
      config: webConfig('registry.fly.io/lifecycle-app:slow', {
        services: [
          {
            internal_port: 8080,
            ports: [{ port: 80 }],
            checks: [{ type: 'http', path: '/health', interval: '300ms', grace_period: '100ms' }],
          },
        ],
      }),
    });
    await api('GET', `${base}/${slow.body.id}/wait?state=started&timeout=20`);
    const seen = new Set<string>();
    await until('slow image to pass', async () => {
      const checks = (await api('GET', `${base}/${slow.body.id}`)).body.checks as any[];
      for (const c of checks) seen.add(c.status);
      return seen.has('passing');
    });
    expect([...seen]).toEqual(['critical', 'passing']);
    await api('DELETE', `${base}/${slow.body.id}?kill=true`);
  });

  test('a laggy image passes its checks but answers every request except its checks after ~250 ms', async () => {
    // Its own app, so the proxy can only route to this Machine.
    await sim.createApp('laggy-app');
    const laggyBase = '/apps/laggy-app/machines';
    const laggy = await api('POST', laggyBase, {
      config: webConfig('registry.fly.io/laggy-app:laggy-v3', {
        services: [
          {
            internal_port: 8080,
            ports: [{ port: 80 }],
            checks: [{ type: 'http', path: '/health', interval: '300ms', grace_period: '100ms' }],
          },
        ],
      }),
    });
    await api('GET', `${laggyBase}/${laggy.body.id}/wait?state=started&timeout=20`);
    await until('laggy image to pass its checks', async () => {
      const checks = (await api('GET', `${laggyBase}/${laggy.body.id}`)).body.checks as any[];
      return checks.length > 0 && checks.every((c) => c.status === 'passing');
    });
    const started = performance.now();
    const response = await fetch(`${sim.appUrl('laggy-app')}/menu`);
    const body = (await response.json()) as { image: string };
    expect(response.status).toBe(200);
    expect(body.image).toContain('laggy-v3');
    // A lower bound only: the delay is the behaviour; a busy machine can only add to it.
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
    await api('DELETE', `${laggyBase}/${laggy.body.id}?kill=true`);
  });

  test('a release_command Machine runs the command, exits with its code and auto-destroys', async () => {
    const runRelease = async (image: string) => {
      const config = {
        image,
        init: { cmd: ['bin/migrate', '--yes'] },
        restart: { policy: 'no' },
        auto_destroy: true,
        env: { RELEASE_COMMAND: '1' },
        metadata: { fly_process_group: 'fly_app_release_command' },
      };
      const created = await api('POST', base, { config, skip_launch: true, region: 'lhr' });
      const id = created.body.id;
      expect(
        (
          await api(
            'GET',
            `${base}/${id}/wait?state=stopped&instance_id=${created.body.instance_id}&timeout=20`,
          )
        ).body.state,
      ).toBe('stopped');
      expect((await api('POST', `${base}/${id}/start`)).status).toBe(200);
      const done = await api('GET', `${base}/${id}/wait?state=destroyed&timeout=20`);
      expect(done.body.state).toBe('destroyed');
      expect((await api('GET', `${base}/${id}`)).status).toBe(404);
      const events = (await api('GET', `${base}/${id}/events`)).body as any[];
      const exit = events.find((e) => e.type === 'exit');
      expect(exit.request.exit_event.requested_stop).toBe(false);
      expect(events[0]).toMatchObject({ type: 'destroy', status: 'destroyed', source: 'flyd' });
      // After auto-destroy, a wait for `stopped` on that version still answers: the Machine has stopped.
      expect(
        (
          await api(
            'GET',
            `${base}/${id}/wait?state=stopped&instance_id=${created.body.instance_id}&timeout=2`,
          )
        ).status,
      ).toBe(200);
      return exit.request.exit_event.exit_code as number;
    };
    expect(await runRelease('registry.fly.io/lifecycle-app:v7')).toBe(0);
    expect(await runRelease('registry.fly.io/lifecycle-app:release-fail-v8')).toBe(1);
  });
});

describe('metadata', () => {
  test('keys can be set, read, bulk-updated with a version precondition, and removed', async () => {
    const m = await createStarted();
    const path = `${base}/${m.id}/metadata`;
    expect(
      (await api('POST', `${path}/fly_bluegreen_deployment_tag`, { value: 'safe_to_destroy' })).status,
    ).toBe(204);
    expect((await api('GET', `${path}/fly_bluegreen_deployment_tag`)).body).toEqual({
      value: 'safe_to_destroy',
    });
    expect((await api('GET', `${path}/missing`)).status).toBe(404);
    const stale = await api('PATCH', path, {
      metadata: { a: '1' },
      machine_version: '01HQ73A7BFFDF1B6WMGHFZZ4E7',
    });
    expect(stale.status).toBe(412);
    expect(
      (await api('PUT', path, { metadata: { a: '1', fly_process_group: null }, machine_version: m.version }))
        .status,
    ).toBe(204);
    expect((await api('PATCH', path, { metadata: { b: '2', a: '' } })).status).toBe(204);
    expect((await api('GET', path)).body).toEqual({
      fly_platform_version: 'v2',
      fly_bluegreen_deployment_tag: 'safe_to_destroy',
      b: '2',
    });
    expect((await api('DELETE', `${path}/b`)).status).toBe(204);
    expect(sim.machines(APP).find((x) => x.id === m.id)?.metadata).toEqual({
      fly_platform_version: 'v2',
      fly_bluegreen_deployment_tag: 'safe_to_destroy',
    });
    expect((await api('GET', `${base}/${m.id}`)).body.config.metadata.b).toBeUndefined();
    await api('DELETE', `${base}/${m.id}?kill=true`);
  });
});
