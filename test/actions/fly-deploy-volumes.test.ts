import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { deployBundle, image, startFlySim, visibleLog, workspace, type FlySim } from '../fly/support.js';

// Through the built bundle, as the runner runs it: fly.toml mounts a volume at /data. Canary is refused
// with [[mounts]] (test/fly/bundle-flytoml.test.ts), as flyctl refuses it.
const TOML = `${readFileSync(new URL('../fixtures/fly/fly.staging.toml', import.meta.url), 'utf8')}
[mounts]
  source = "data"
  destination = "/data"
  initial_size = "2gb"
`;

let sim: FlySim;
beforeAll(async () => {
  sim = await startFlySim({ timeScale: 0.5 });
});
afterAll(async () => {
  await sim?.close();
});

async function appFile(app: string, path: string, body?: string): Promise<{ status: number; text: string }> {
  const res = await fetch(
    `${sim.appUrl(app)}/__sim/fs${path}`,
    body === undefined ? {} : { method: 'PUT', body },
  );
  return { status: res.status, text: await res.text() };
}

describe('fly-deploy bundle: data on a volume survives a deploy of every strategy', () => {
  it.each(['rolling', 'immediate', 'bluegreen'])('%s', async (strategy) => {
    const app = `bundle-vol-${strategy}`;
    await sim.createApp(app);
    const cwd = workspace({ 'fly.toml': TOML });
    const first = await deployBundle(sim, app, { image: image(app, 'v1') }, { cwd });
    expect(first.outputs.status).toBe('deployed');
    const [machine] = sim.machines(app);
    const volume = (machine.config as { mounts: { volume: string }[] }).mounts[0].volume;
    expect((await appFile(app, '/data/customers.csv', `id,name\n1,${strategy}\n`)).status).toBe(201);

    const run = await deployBundle(sim, app, { image: image(app, 'v2'), strategy }, { cwd });
    expect({
      status: run.outputs.status,
      log: run.outputs.status === 'deployed' ? '' : visibleLog(run.stdout),
    }).toEqual({
      status: 'deployed',
      log: '',
    });
    expect(await appFile(app, '/data/customers.csv')).toEqual({
      status: 200,
      text: `id,name\n1,${strategy}\n`,
    });
    const after = sim.machines(app);
    expect(
      after.map((m) => [m.image, (m.config as { mounts: { volume: string }[] }).mounts[0].volume]),
    ).toEqual([[image(app, 'v2'), volume]]);
    if (strategy === 'bluegreen')
      expect(run.summary).toMatch(/updated in place \(rolling\), each Machine keeping its volume/);
  });
});
