import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startFlySim, type FlySim } from '../../../src/sim/fly/index.js';
import { client, until, webConfig, type Res } from './helpers.js';

const APP = 'vol-app';
let sim: FlySim;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  sim = await startFlySim({ apps: [APP], timeScale: 0.3, rateLimits: false });
  api = client(sim);
});
afterAll(() => sim.close());

async function createVolume(region: string, name = 'data'): Promise<Res['body']> {
  const res = await api('POST', `/apps/${APP}/volumes`, { name, region, size_gb: 1 });
  expect(res.status).toBe(200);
  return res.body;
}

async function startedMachine(config: Record<string, unknown>, region?: string): Promise<Res> {
  const res = await api('POST', `/apps/${APP}/machines`, { config, region });
  if (res.status !== 200) return res;
  await api('GET', `/apps/${APP}/machines/${res.body.id}/wait?state=started&timeout=20`);
  return res;
}

/** Talks to the app through the proxy, as a user would. */
async function viaApp(path: string, init?: RequestInit): Promise<{ status: number; text: string }> {
  const res = await fetch(`${sim.appUrl(APP)}${path}`, init);
  return { status: res.status, text: await res.text() };
}

const image = `registry.fly.io/${APP}:v1`;
const mounted = (volume: string, path = '/data') =>
  webConfig(image, { mounts: [{ volume, path, name: 'data' }] });

async function destroy(id: string): Promise<void> {
  await api('DELETE', `/apps/${APP}/machines/${id}?force=true`);
  await api('GET', `/apps/${APP}/machines/${id}/wait?state=destroyed&timeout=20`);
}

describe('volumes', () => {
  test('create, list, get, extend, update and delete, as the spec describes them', async () => {
    const volume = await createVolume('sin', 'scratch');
    expect(volume).toMatchObject({ name: 'scratch', region: 'sin', size_gb: 1, state: 'created' });
    expect(volume.id).toMatch(/^vol_/);
    expect((await api('GET', `/apps/${APP}/volumes`)).body.map((v: { id: string }) => v.id)).toContain(
      volume.id,
    );
    expect((await api('GET', `/apps/${APP}/volumes/${volume.id}`)).body.id).toBe(volume.id);
    const extended = await api('PUT', `/apps/${APP}/volumes/${volume.id}/extend`, { size_gb: 3 });
    expect(extended.body).toMatchObject({ needs_restart: false, volume: { size_gb: 3 } });
    expect((await api('PUT', `/apps/${APP}/volumes/${volume.id}/extend`, { size_gb: 2 })).status).toBe(400);
    const updated = await api('PUT', `/apps/${APP}/volumes/${volume.id}`, { snapshot_retention: 10 });
    expect(updated.body.snapshot_retention).toBe(10);
    expect((await api('DELETE', `/apps/${APP}/volumes/${volume.id}`)).status).toBe(200);
    expect((await api('GET', `/apps/${APP}/volumes/${volume.id}`)).status).toBe(404);
    expect((await api('POST', `/apps/${APP}/volumes`, { name: 'Bad-Name', region: 'sin' })).status).toBe(400);
  });

  test('a volume is region-bound and attached to one Machine at a time; it cannot be deleted while attached', async () => {
    const volume = await createVolume('sin');
    const elsewhere = await api('POST', `/apps/${APP}/machines`, {
      config: mounted(volume.id),
      region: 'bom',
    });
    expect(elsewhere.status).toBe(412);
    expect(elsewhere.body.error).toContain('region sin');
    const first = await startedMachine(mounted(volume.id));
    expect(first.body.region).toBe('sin');
    const second = await api('POST', `/apps/${APP}/machines`, { config: mounted(volume.id), region: 'sin' });
    expect(second.status).toBe(412);
    expect(second.body.error).toContain(`already attached to machine ${first.body.id}`);
    expect((await api('GET', `/apps/${APP}/volumes/${volume.id}`)).body.attached_machine_id).toBe(
      first.body.id,
    );
    expect((await api('DELETE', `/apps/${APP}/volumes/${volume.id}`)).status).toBe(412);
    const swap = await createVolume('sin');
    const swapped = await api('POST', `/apps/${APP}/machines/${first.body.id}`, { config: mounted(swap.id) });
    expect(swapped.status).toBe(400);
    expect(swapped.body.error).toContain('volume cannot be changed');
    await destroy(first.body.id);
    expect((await api('GET', `/apps/${APP}/volumes/${volume.id}`)).body.attached_machine_id).toBeNull();
  });

  test('a Machine really mounts its volume: data written through the app survives the Machine, the rootfs does not', async () => {
    const volume = await createVolume('sin');
    const first = await startedMachine(mounted(volume.id));
    await until('routable', async () => (await viaApp('/health')).status === 200);
    expect((await viaApp('/__sim/fs/data/notes.txt', { method: 'PUT', body: 'kept' })).status).toBe(201);
    expect((await viaApp('/__sim/fs/tmp/scratch.txt', { method: 'PUT', body: 'lost' })).status).toBe(201);
    await destroy(first.body.id);
    await startedMachine(mounted(volume.id));
    await until('routable again', async () => (await viaApp('/health')).status === 200);
    expect(await viaApp('/__sim/fs/data/notes.txt')).toEqual({ status: 200, text: 'kept' });
    expect((await viaApp('/__sim/fs/tmp/scratch.txt')).status).toBe(404);
  });
});

describe('files, statics and [experimental] commands', () => {
  test('[[files]] are written at boot (raw values and base64 secrets), statics are served by the proxy, init is what the image runs', async () => {
    await api('POST', `/apps/${APP}/secrets`, {
      values: { CERT: Buffer.from('secret-pem').toString('base64') },
    });
    const volumeless = webConfig(`registry.fly.io/${APP}:v2`, {
      files: [
        { guest_path: '/etc/app/config.json', raw_value: Buffer.from('{"a":1}').toString('base64') },
        { guest_path: '/etc/app/cert.pem', secret_name: 'CERT' },
        { guest_path: '/app/public/extra/hello.txt', raw_value: Buffer.from('hi').toString('base64') },
      ],
      statics: [{ guest_path: '/app/public', url_prefix: '/static' }],
      init: { cmd: ['bin/server', '--port', '8080'] },
    });
    for (const m of sim.machines(APP)) await destroy(m.id);
    await startedMachine(volumeless, 'sin');
    await until('routable', async () => (await viaApp('/health')).status === 200);
    expect(await viaApp('/__sim/fs/etc/app/config.json')).toEqual({ status: 200, text: '{"a":1}' });
    expect(await viaApp('/__sim/fs/etc/app/cert.pem')).toEqual({ status: 200, text: 'secret-pem' });
    const page = await fetch(`${sim.appUrl(APP)}/static/`);
    expect(page.headers.get('x-runway-sim-static')).toBe('true');
    expect(await page.text()).toContain(`static page of registry.fly.io/${APP}:v2`);
    expect(await viaApp('/static/extra/hello.txt')).toEqual({ status: 200, text: 'hi' });
    // A path with no static file reaches the app.
    expect(JSON.parse((await viaApp('/static/missing.css')).text)).toMatchObject({
      ok: true,
      path: '/static/missing.css',
    });
    expect(JSON.parse((await viaApp('/__sim/init')).text)).toEqual({ cmd: ['bin/server', '--port', '8080'] });
    const bad = await api('POST', `/apps/${APP}/machines`, {
      config: webConfig(image, { files: [{ guest_path: 'relative.txt', raw_value: 'eA==' }] }),
    });
    expect(bad.status).toBe(400);
  });
});

describe('region-scoped capacity faults', () => {
  test('a capacity fault for one region refuses creates there and nowhere else', async () => {
    sim.faults.inject({ method: 'POST', path: `/apps/${APP}/machines`, capacity: true, region: 'sin' });
    const refused = await api('POST', `/apps/${APP}/machines`, { config: webConfig(image), region: 'sin' });
    expect(refused.status).toBe(409);
    expect(refused.body.status).toBe('insufficient_capacity');
    const placed = await api('POST', `/apps/${APP}/machines`, { config: webConfig(image), region: 'bom' });
    expect(placed.status).toBe(200);
    sim.faults.clear();
  });
});
