// The published Fly Machines API spec (fly-machines-openapi.json), vendored so the test runs from any clone.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { SERVED_ROUTES, startFlySim, type FlySim } from '../../../src/sim/fly/index.js';
import { client, webConfig, type Res } from './helpers.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const SPEC = JSON.parse(
  readFileSync(new URL('../../fixtures/fly/machines-openapi.json', import.meta.url), 'utf8'),
);

function resolve(schema: any): any {
  let current = schema;
  while (current?.$ref)
    current = current.$ref
      .split('/')
      .slice(1)
      .reduce((node: any, key: string) => node[key], SPEC);
  return current;
}

/** A small structural check of a value against an OpenAPI schema: declared properties must have their declared types. */
function validate(schema: any, value: unknown, where: string, errors: string[]): void {
  const s = resolve(schema);
  if (!s || value === undefined || value === null) return;
  for (const part of s.allOf ?? []) validate(part, value, where, errors);
  const type = s.type ?? (s.properties ? 'object' : undefined);
  switch (type) {
    case 'object':
      if (typeof value !== 'object' || Array.isArray(value))
        return void errors.push(`${where}: expected object`);
      for (const [key, sub] of Object.entries(s.properties ?? {}))
        validate(sub, (value as any)[key], `${where}.${key}`, errors);
      if (s.additionalProperties && typeof s.additionalProperties === 'object') {
        for (const [key, sub] of Object.entries(value as object))
          validate(s.additionalProperties, sub, `${where}.${key}`, errors);
      }
      break;
    case 'array':
      if (!Array.isArray(value)) return void errors.push(`${where}: expected array`);
      value.forEach((item, i) => validate(s.items, item, `${where}[${i}]`, errors));
      break;
    case 'string':
      if (typeof value !== 'string')
        return void errors.push(`${where}: expected string, got ${JSON.stringify(value)}`);
      if (s.enum && !s.enum.includes(value)) errors.push(`${where}: ${JSON.stringify(value)} not in enum`);
      break;
    case 'integer':
      if (!Number.isInteger(value)) errors.push(`${where}: expected integer, got ${JSON.stringify(value)}`);
      break;
    case 'number':
      if (typeof value !== 'number') errors.push(`${where}: expected number`);
      break;
    case 'boolean':
      if (typeof value !== 'boolean') errors.push(`${where}: expected boolean`);
      break;
  }
}

const specPathOf = (path: string) =>
  Object.keys(SPEC.paths).find((p) => new RegExp(`^${p.replace(/\{\w+\}/g, '[^/]+')}$`).test(path));

const APP = 'spec-app';
let sim: FlySim;
let api: ReturnType<typeof client>;
const seen: { method: string; specPath: string; res: Res }[] = [];

/** Calls the sim and remembers the response for the shape checks. */
async function call(
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
): Promise<Res> {
  const res = await api(method, path, body, headers);
  const specPath = specPathOf(path.split('?')[0]);
  if (specPath) seen.push({ method, specPath, res });
  return res;
}

beforeAll(async () => {
  sim = await startFlySim({ apps: [APP], timeScale: 0.3, rateLimits: false });
  api = client(sim);
  // One pass over every route the sim serves, with valid requests.
  const config = webConfig(`registry.fly.io/${APP}:v1`);
  config.services[0].autostop = 'stop';
  config.services[0].autostart = true;
  await call('GET', '/apps?org_slug=personal');
  await call('POST', '/apps', { app_name: 'spec-extra', org_slug: 'personal' });
  await call('GET', `/apps/${APP}`);
  await call('POST', `/apps/${APP}/deploy_token`, { expiry: '24h' });
  await call('POST', `/apps/${APP}/secrets`, { values: { A: 'one', B: 'two' } });
  await call('GET', `/apps/${APP}/secrets`);
  await call('POST', `/apps/${APP}/secrets/C`, { value: 'three' });
  await call('GET', `/apps/${APP}/secrets/C`);
  await call('DELETE', `/apps/${APP}/secrets/C`);
  await call('GET', '/platform/regions');
  const volume = await call('POST', `/apps/${APP}/volumes`, { name: 'data', region: 'sin', size_gb: 1 });
  const v = `/apps/${APP}/volumes/${volume.body.id}`;
  await call('GET', `/apps/${APP}/volumes`);
  await call('GET', v);
  await call('PUT', v, { auto_backup_enabled: false, snapshot_retention: 7 });
  await call('PUT', `${v}/extend`, { size_gb: 2 });
  const created = await call('POST', `/apps/${APP}/machines`, {
    config: { ...config, mounts: [{ volume: volume.body.id, path: '/data', name: 'data' }] },
    region: 'sin',
    min_secrets_version: 3,
  });
  const m = `/apps/${APP}/machines/${created.body.id}`;
  await call('GET', `${m}/wait?state=started&timeout=20`);
  const lease = await call('POST', `${m}/lease`, { ttl: 30, description: 'spec' });
  const nonce = { 'fly-machine-lease-nonce': lease.body.data.nonce };
  await call('GET', `${m}/lease`);
  await call('GET', m);
  await call('GET', `/apps/${APP}/machines`);
  await call('POST', `${m}/cordon`, undefined, nonce);
  await call('POST', `${m}/uncordon`, undefined, nonce);
  await call('POST', `${m}/metadata/k`, { value: 'v' });
  await call('GET', `${m}/metadata/k`);
  await call('GET', `${m}/metadata`);
  await call('PUT', `${m}/metadata`, { metadata: { k: 'v2' } });
  await call('PATCH', `${m}/metadata`, { metadata: { k: null } });
  await call('DELETE', `${m}/metadata/k`);
  await call('POST', `${m}/signal`, { signal: 'SIGUSR1' }, nonce);
  await call('POST', `${m}/restart?timeout=5s&signal=SIGTERM&force_stop=false`, undefined, nonce);
  await call('GET', `${m}/wait?state=started&timeout=20`);
  const updated = await call(
    'POST',
    m,
    { config: created.body.config, current_version: created.body.version, min_secrets_version: 3 },
    nonce,
  );
  await call('GET', `${m}/wait?state=started&version=${updated.body.version}&timeout=20`);
  await call('GET', `${m}/versions`);
  await call('POST', `${m}/suspend`, undefined, nonce);
  await call('GET', `${m}/wait?state=suspended&timeout=20`);
  await call('POST', `${m}/start`, undefined, nonce);
  await call('GET', `${m}/wait?state=started&timeout=20`);
  await call('POST', `${m}/stop`, { signal: 'SIGINT', timeout: '5s' }, nonce);
  await call('GET', `${m}/wait?state=stopped&version=${updated.body.version}&timeout=20`);
  await call('GET', `${m}/events?limit=5`);
  await call('DELETE', `${m}/lease`, undefined, nonce);
  await call('DELETE', `${m}?force=true`);
  await call('GET', `${m}/wait?state=destroyed&timeout=20`);
  await call('DELETE', v);
  await call('DELETE', '/apps/spec-extra');
}, 60_000);
afterAll(() => sim.close());

describe('routes against the OpenAPI spec', () => {
  test('every route the sim serves exists in the spec with the same method and path parameters', () => {
    expect(SERVED_ROUTES.length).toBeGreaterThanOrEqual(35);
    for (const { method, path } of SERVED_ROUTES) {
      const operation = SPEC.paths[path]?.[method.toLowerCase()];
      expect({ route: `${method} ${path}`, inSpec: !!operation }).toEqual({
        route: `${method} ${path}`,
        inSpec: true,
      });
      const specParams = (operation.parameters ?? [])
        .filter((p: any) => p.in === 'path')
        .map((p: any) => p.name)
        .sort();
      expect([...path.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort()).toEqual(specParams);
    }
  });

  test('the scenario exercised every served route, each with a status the spec (or a documented difference) allows', () => {
    const LIVE_STATUSES: Record<string, number[]> = {
      // Documented in fly.md §1.2/§8: the live lease endpoint answers 201 on acquire and refresh.
      'POST /apps/{app_name}/machines/{machine_id}/lease': [201],
      'POST /apps': [201],
    };
    for (const { method, path } of SERVED_ROUTES) {
      const hits = seen.filter((s) => s.method === method && s.specPath === path);
      expect({ route: `${method} ${path}`, exercised: hits.length > 0 }).toEqual({
        route: `${method} ${path}`,
        exercised: true,
      });
      const allowed = Object.keys(SPEC.paths[path][method.toLowerCase()].responses).map(Number);
      for (const hit of hits) {
        const ok =
          allowed.includes(hit.res.status) || LIVE_STATUSES[`${method} ${path}`]?.includes(hit.res.status);
        expect({ route: `${method} ${path}`, status: hit.res.status, ok }).toEqual({
          route: `${method} ${path}`,
          status: hit.res.status,
          ok: true,
        });
      }
    }
  });

  test('response bodies match the spec schemas, except the documented live differences', () => {
    // Where the live API is known to differ from the published spec (shared/reference/fly.md).
    const LIVE_DIFFERENCES = [
      /^GET \/apps\/\{app_name\}\/machines\/\{machine_id\}\/lease$/, // {status, data} envelope, §1.4
      /^POST \/apps\/\{app_name\}\/machines\/\{machine_id\}\/lease$/,
    ];
    const problems: string[] = [];
    let checked = 0;
    for (const { method, specPath, res } of seen) {
      const key = `${method} ${specPath}`;
      if (LIVE_DIFFERENCES.some((r) => r.test(key))) continue;
      const schema =
        SPEC.paths[specPath][method.toLowerCase()].responses[String(res.status)]?.content?.[
          'application/json'
        ]?.schema;
      if (!schema) continue;
      checked++;
      const errors: string[] = [];
      validate(schema, res.body, 'body', errors);
      // autostop "stop" is answered as `true`: the spec's own description says the API keeps booleans for off/stop.
      problems.push(
        ...errors
          .filter((e) => !/\.services\[\d+\]\.autostop: expected string, got (true|false)$/.test(e))
          .map((e) => `${key}: ${e}`),
      );
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(20);
    const autostop = seen.find(
      (s) => s.method === 'GET' && s.specPath === '/apps/{app_name}/machines/{machine_id}',
    )!;
    expect(autostop.res.body.config.services[0].autostop).toBe(true);
  });

  test('the main objects carry the fields clients rely on', () => {
    const machine = seen.find(
      (s) => s.method === 'GET' && s.specPath === '/apps/{app_name}/machines/{machine_id}',
    )!.res.body;
    for (const key of [
      'id',
      'name',
      'state',
      'region',
      'instance_id',
      'private_ip',
      'config',
      'image_ref',
      'created_at',
      'updated_at',
      'events',
      'checks',
      'host_status',
    ]) {
      expect(machine).toHaveProperty(key);
    }
    expect(Object.keys(machine.image_ref).sort()).toEqual([
      'digest',
      'labels',
      'registry',
      'repository',
      'tag',
    ]);
    const event = machine.events[0];
    expect(Object.keys(event)).toEqual(
      expect.arrayContaining(['id', 'type', 'status', 'source', 'timestamp']),
    );
    const wait = seen.find((s) => s.specPath.endsWith('/wait'))!.res.body;
    expect(Object.keys(wait).sort()).toEqual(['event_id', 'ok', 'state', 'version']);
    const secrets = seen.find((s) => s.method === 'POST' && s.specPath === '/apps/{app_name}/secrets')!.res
      .body;
    expect(secrets).toMatchObject({ version: 1, secrets: [{ name: 'A' }, { name: 'B' }] });
    const regions = seen.find((s) => s.specPath === '/platform/regions')!.res.body;
    expect(Object.keys(regions.regions[0]).sort()).toEqual(
      Object.keys(resolve({ $ref: '#/components/schemas/main.regionRow' }).properties).sort(),
    );
  });

  test('required parameters are enforced: the lease nonce header on release, org_slug on app listing', async () => {
    const required = SPEC.paths['/apps/{app_name}/machines/{machine_id}/lease'].delete.parameters.find(
      (p: any) => p.in === 'header',
    );
    expect(required).toMatchObject({ name: 'fly-machine-lease-nonce', required: true });
    const created = await api('POST', `/apps/${APP}/machines`, {
      config: webConfig(`registry.fly.io/${APP}:v1`),
      skip_launch: true,
    });
    const m = `/apps/${APP}/machines/${created.body.id}`;
    await api('POST', `${m}/lease?ttl=30`);
    const missing = await api('DELETE', `${m}/lease`);
    expect(missing.status).toBe(400);
    expect(missing.body.error).toContain('fly-machine-lease-nonce');
    expect(SPEC.paths['/apps'].get.parameters.find((p: any) => p.name === 'org_slug').required).toBe(true);
    expect((await api('GET', '/apps')).status).toBe(400);
  });
});

describe('where the live API differs from the spec (fly.md), the sim behaves like the live API', () => {
  test('paths live under /v1 (the spec puts /v1 in its server URL)', async () => {
    expect(SPEC.servers[0].url).toBe('https://api.machines.dev/v1');
    expect(
      (await fetch(`${sim.apiUrl}/v1/apps/${APP}`, { headers: { authorization: `Bearer ${sim.token}` } }))
        .status,
    ).toBe(200);
    expect(
      (await fetch(`${sim.apiUrl}/apps/${APP}`, { headers: { authorization: `Bearer ${sim.token}` } }))
        .status,
    ).toBe(404);
  });

  test('leases come in a {status, data} envelope, not the flat Lease schema; ?ttl works without a body', async () => {
    expect(Object.keys(resolve({ $ref: '#/components/schemas/Lease' }).properties)).toContain('nonce');
    const created = await api('POST', `/apps/${APP}/machines`, {
      config: webConfig(`registry.fly.io/${APP}:v1`),
      skip_launch: true,
    });
    const res = await fetch(`${sim.apiUrl}/v1/apps/${APP}/machines/${created.body.id}/lease?ttl=13`, {
      method: 'POST',
      headers: { authorization: `FlyV1 ${sim.token}` },
    });
    const body = await res.json();
    expect(res.status).toBe(201);
    expect(body).not.toHaveProperty('nonce');
    expect(body).toEqual({
      status: 'success',
      data: {
        nonce: expect.any(String),
        expires_at: expect.any(Number),
        owner: expect.any(String),
        description: '',
        version: created.body.version,
      },
    });
    const conflict = await api('POST', `/apps/${APP}/machines/${created.body.id}/lease`, { ttl: 13 });
    expect(Object.keys(SPEC.paths['/apps/{app_name}/machines/{machine_id}/lease'].post.responses)).toEqual([
      '201',
    ]);
    expect(conflict.status).toBe(409);
  });

  test('destroy honours flyctl’s kill=true as well as the spec’s force=true, and refuses a running Machine without either', async () => {
    expect(
      SPEC.paths['/apps/{app_name}/machines/{machine_id}'].delete.parameters.map((p: any) => p.name),
    ).not.toContain('kill');
    for (const flag of ['kill', 'force']) {
      const created = await api('POST', `/apps/${APP}/machines`, {
        config: webConfig(`registry.fly.io/${APP}:v1`),
      });
      const m = `/apps/${APP}/machines/${created.body.id}`;
      await api('GET', `${m}/wait?state=started&timeout=20`);
      expect((await api('DELETE', m)).status).toBe(409);
      expect((await api('DELETE', `${m}?${flag}=true`)).status).toBe(200);
      expect((await api('GET', `${m}/wait?state=destroyed&timeout=20`)).body.state).toBe('destroyed');
    }
  });

  test('/wait answers 408 deadline_exceeded (the spec lists only 200 and 400)', async () => {
    expect(Object.keys(SPEC.paths['/apps/{app_name}/machines/{machine_id}/wait'].get.responses)).toEqual([
      '200',
      '400',
    ]);
    const created = await api('POST', `/apps/${APP}/machines`, {
      config: webConfig(`registry.fly.io/${APP}:v1`),
      skip_launch: true,
    });
    const res = await api('GET', `/apps/${APP}/machines/${created.body.id}/wait?state=started&timeout=1`);
    expect(res.status).toBe(408);
    expect(res.body.error).toMatch(
      /^deadline_exceeded: machine failed to reach desired state, started, currently (created|stopped)$/,
    );
  });

  test('start answers {previous_state, migrated, new_host} where the spec has no body', async () => {
    expect(
      SPEC.paths['/apps/{app_name}/machines/{machine_id}/start'].post.responses['200'].content?.[
        'application/json'
      ],
    ).toBeUndefined();
    const started = seen.find((s) => s.method === 'POST' && s.specPath.endsWith('/start'))!;
    expect(started.res.body).toEqual({ previous_state: 'suspended', migrated: false, new_host: '' });
  });

  test('Machines carry version and cordoned, which fly-go reads but the spec omits', () => {
    const props = resolve({ $ref: '#/components/schemas/Machine' }).properties;
    expect(props).not.toHaveProperty('cordoned');
    expect(props).not.toHaveProperty('version');
    const machine = seen.find(
      (s) => s.method === 'GET' && s.specPath === '/apps/{app_name}/machines/{machine_id}',
    )!.res.body;
    expect(machine.version).toBe(machine.instance_id);
    expect(machine.cordoned).toBe(false);
  });

  test('restart tolerates flyctl’s force_stop, and list tolerates metadata.<key> filters', async () => {
    const listed = await api(
      'GET',
      `/apps/${APP}/machines?metadata.fly_process_group=app&include_deleted=true&summary=true`,
    );
    expect(listed.status).toBe(200);
    expect(listed.body.length).toBeGreaterThan(0);
    const restart = seen.find((s) => s.method === 'POST' && s.specPath.endsWith('/restart'))!;
    expect(restart.res.status).toBe(200);
  });
});
