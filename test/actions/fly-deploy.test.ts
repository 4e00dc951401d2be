import { beforeAll, describe, expect, it } from '@jest/globals';
import { uniqueName, useFlySim } from './fly-sims.js';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  deployBundle,
  image,
  seed,
  startRecorder,
  visibleLog,
  workspace,
  type FlySim,
} from '../fly/support.js';

let sim: FlySim;
useFlySim((started) => (sim = started));

async function newApp(prefix: string): Promise<string> {
  const name = uniqueName(prefix);
  await sim.createApp(name);
  return name;
}

const digestOf = (ref: string) => /@(sha256:[a-f0-9]{64})$/.exec(ref)?.[1];

describe('fly-deploy bundle: bad inputs are rejected before any API call', () => {
  let badInputApp: string;
  beforeAll(async () => {
    badInputApp = await newApp('bad-input');
    await seed(sim, badInputApp);
  });

  it.each([
    [
      'missing app',
      { app: '' },
      { config: 'noapp.toml' },
      /input 'app': is empty and noapp\.toml has no `app`/,
    ],
    [
      'unknown strategy',
      { strategy: 'big-bang' },
      {},
      /input 'strategy': "big-bang" is not one of the accepted values\. Fix: use one of: rolling, bluegreen, canary, immediate\./,
    ],
    [
      'bad region',
      { regions: 'sin\ncyn' },
      {},
      /input 'regions': "cyn" is not a Fly region code \(Chennai was maa, retired on 2023-06-28 in favour of bom\); the nearest live regions are bom \(Mumbai, IN\) or sin \(Singapore\)/,
    ],
    [
      'malformed fly.toml',
      {},
      { config: 'broken.toml' },
      /input 'config': broken\.toml: is not valid TOML \(line 3, column \d+\): .*\. Fix: /,
    ],
  ] as [string, Record<string, string>, Record<string, string>, RegExp][])(
    '%s',
    async (_label, inputs, extra, pattern) => {
      // A live app, so "nothing changed" means its Machines are exactly as they were.
      const app = badInputApp;
      const machinesBefore = sim.machines(app).map((m) => ({ id: m.id, version: m.version, image: m.image }));
      expect(machinesBefore).toHaveLength(2);
      const before = sim.calls().length;
      const cwd = workspace({
        'noapp.toml': 'primary_region = "sin"\n',
        'broken.toml': 'app = "x"\n\n[http_service\ninternal_port = 8080\n',
      });
      const run = await deployBundle(
        sim,
        inputs.app === '' ? '' : app,
        { image: image(app, 'v2'), ...inputs, ...extra },
        { cwd },
      );
      expect(run.exitCode).toBe(1);
      expect(run.annotations.find((a) => a.level === 'error')?.message).toMatch(pattern);
      expect(sim.calls().length).toBe(before);
      expect(sim.machines(app).map((m) => ({ id: m.id, version: m.version, image: m.image }))).toEqual(
        machinesBefore,
      );
    },
  );
});

describe('fly-deploy bundle: deploys', () => {
  it('first deploy creates Machines flyctl will manage, then a rolling deploy updates them; nonce on every mutation, token never shown', async () => {
    const app = await newApp('first');
    const recorder = await startRecorder(sim.apiUrl);
    try {
      const first = await deployBundle(
        sim,
        app,
        {
          image: image(app, 'v1'),
          environment: 'staging',
          secrets: 'DATABASE_URL=postgres://bot:hunter2@db/voice',
        },
        { apiUrl: recorder.url },
      );
      expect(first.exitCode).toBe(0);
      expect(first.outputs.status).toBe('deployed');
      expect(first.outputs['previous-image']).toBe('');
      expect(first.outputs['release-version']).toBe('1');
      expect(first.outputs.url).toBe(sim.appUrl(app));
      const machines = JSON.parse(first.outputs.machines) as {
        id: string;
        region: string;
        version: string;
        state: string;
      }[];
      expect(machines).toHaveLength(2);
      expect(
        machines.every((m) => m.region === 'sin' && m.state === 'started' && m.version.length === 26),
      ).toBe(true);
      const simMachines = sim.machines(app);
      expect(simMachines.map((m) => m.metadata)).toEqual(
        simMachines.map(() =>
          expect.objectContaining({
            fly_platform_version: 'v2',
            fly_process_group: 'app',
            fly_release_version: '1',
          }),
        ),
      );
      expect(first.outputs.image).toBe(`registry.fly.io/${app}@${simMachines[0].digest}`);
      const config = simMachines[0].config as {
        services: { internal_port: number; ports: { port: number }[] }[];
        guest: unknown;
        env: Record<string, string>;
      };
      expect(config.services[0].internal_port).toBe(8080);
      expect(config.services[0].ports.map((p) => p.port)).toEqual([80, 443]);
      expect(config.guest).toEqual({ cpu_kind: 'shared', cpus: 1, memory_mb: 256 });
      expect(config.env).toMatchObject({ NODE_ENV: 'staging', PRIMARY_REGION: 'sin' });

      // Secrets went through the API first and every create was pinned to their version.
      const secretsCall = recorder.requests.find((r) => r.method === 'POST' && r.path.endsWith('/secrets'));
      expect(JSON.parse(secretsCall!.body)).toEqual({
        values: { DATABASE_URL: 'postgres://bot:hunter2@db/voice' },
      });
      const creates = recorder.requests.filter((r) => r.method === 'POST' && /\/machines$/.test(r.path));
      expect(creates).toHaveLength(2);
      for (const create of creates) expect(JSON.parse(create.body).min_secrets_version).toBe(1);

      const second = await deployBundle(
        sim,
        app,
        { image: image(app, 'v2'), strategy: 'rolling', 'max-unavailable': '1' },
        { apiUrl: recorder.url },
      );
      expect(second.exitCode).toBe(0);
      expect(second.outputs.status).toBe('deployed');
      expect(second.outputs['previous-image']).toBe(first.outputs.image);
      expect(second.outputs['release-version']).toBe('2');
      const after = sim.machines(app);
      expect(after.map((m) => m.id).sort()).toEqual(machines.map((m) => m.id).sort());
      expect(after.every((m) => m.image === image(app, 'v2') && m.metadata.fly_release_version === '2')).toBe(
        true,
      );
      expect(second.outputs.image).toBe(`registry.fly.io/${app}@${after[0].digest}`);

      // Every mutation on an existing Machine carried the lease nonce; each lease was released.
      const mutations = recorder.requests.filter(
        (r) =>
          /\/machines\/[0-9a-f]+(\/(cordon|uncordon|stop|start|metadata.*))?$/.test(r.path.split('?')[0]) &&
          r.method !== 'GET',
      );
      expect(mutations.length).toBeGreaterThan(4);
      for (const m of mutations)
        expect([m.method, m.path, m.headers['fly-machine-lease-nonce']]).toEqual([
          m.method,
          m.path,
          expect.stringMatching(/\S+/),
        ]);
      const acquired = recorder.requests.filter(
        (r) => r.method === 'POST' && r.path.includes('/lease') && !r.headers['fly-machine-lease-nonce'],
      ).length;
      const released = recorder.requests.filter(
        (r) => r.method === 'DELETE' && r.path.includes('/lease'),
      ).length;
      expect(acquired).toBeGreaterThan(0);
      expect(released).toBe(acquired);

      expect(second.summary).toMatch(/## ✅ Deployed: .* release v2/);
      expect(second.summary).toMatch(/\| Machine \| Region \| Group \| Version \(old → new\) \|/);
      // One row per Machine: region, old → new version (last 8 characters), health, time from change to healthy.
      const newMachines = JSON.parse(second.outputs.machines) as { id: string; version: string }[];
      for (const old of machines) {
        const now = newMachines.find((m) => m.id === old.id)!;
        expect(now.version).not.toBe(old.version);
        expect(second.summary).toMatch(
          new RegExp(
            `^\\| ${old.id} \\| sin \\| app \\| ${old.version.slice(-8)} → ${now.version.slice(-8)} \\| [^|]+ \\| \\d/\\d passing \\| \\d+(\\.\\d)?m?s \\| updated \\|$`,
            'm',
          ),
        );
      }
      expect(second.summary).toMatch(/### Timeline/);
      const [spearhead] = machines.map((m) => m.id).sort();
      expect(second.summary).toMatch(
        new RegExp(`^\\| \\d+(\\.\\d)?m?s \\| group app: batch 1/2 \\(${spearhead}\\) \\|$`, 'm'),
      );
      expect(second.summary).toMatch(/^\| \d+(\.\d)?m?s \| all Machines on the new release \|$/m);
      for (const run of [first, second]) {
        expect(visibleLog(run.log)).not.toContain(sim.token);
        expect(run.summary).not.toContain(sim.token);
        expect(JSON.stringify(run.outputs)).not.toContain(sim.token);
        expect(visibleLog(run.log)).not.toContain('hunter2');
      }
    } finally {
      await recorder.close();
    }
  });

  it.each(['bluegreen', 'canary', 'immediate'])(
    '%s deploy of a good release ends with every Machine on the new digest',
    async (strategy) => {
      const app = await newApp(strategy);
      const seeded = await seed(sim, app);
      const blueIds = seeded.machines.map((m) => m.id).sort();
      const run = await deployBundle(sim, app, { image: image(app, 'v2'), strategy });
      expect(run.exitCode).toBe(0);
      expect(run.outputs.status).toBe('deployed');
      const after = sim.machines(app);
      expect(after).toHaveLength(2);
      expect(after.every((m) => m.image === image(app, 'v2') && m.state === 'started' && !m.cordoned)).toBe(
        true,
      );
      expect(digestOf(run.outputs.image)).toBe(after[0].digest);
      const ids = after.map((m) => m.id).sort();
      if (strategy === 'bluegreen') expect(ids.some((id) => blueIds.includes(id))).toBe(false);
      else expect(ids).toEqual(blueIds);
      if (strategy === 'canary') expect(run.summary).toMatch(/canary passed, destroyed/);
      const res = await fetch(`${sim.appUrl(app)}/`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ image: expect.stringContaining(':v2') });
    },
  );

  it('blue-green: green is created without service registration, then uncordon green → cordon blue → stop blue → destroy blue', async () => {
    const app = await newApp('bg-order');
    const seeded = await seed(sim, app);
    const blue = seeded.machines.map((m) => m.id);
    const recorder = await startRecorder(sim.apiUrl);
    try {
      const run = await deployBundle(
        sim,
        app,
        { image: image(app, 'v2'), strategy: 'bluegreen' },
        { apiUrl: recorder.url },
      );
      expect(run.exitCode).toBe(0);
      const green = sim.machines(app).map((m) => m.id);
      expect(green).toHaveLength(2);
      expect(green.some((id) => blue.includes(id))).toBe(false);
      const ok = recorder.requests.filter((r) => r.status < 300);
      const path = (r: { path: string }) => r.path.split('?')[0];
      const creates = ok.filter((r) => r.method === 'POST' && path(r) === `/v1/apps/${app}/machines`);
      expect(creates).toHaveLength(2);
      for (const create of creates) expect(JSON.parse(create.body).skip_service_registration).toBe(true);
      const indexes = (method: string, ids: string[], suffix: string) =>
        ok
          .map((r, i) => ({ r, i }))
          .filter(
            ({ r }) =>
              r.method === method && ids.some((id) => path(r) === `/v1/apps/${app}/machines/${id}${suffix}`),
          )
          .map(({ i }) => i);
      const uncordonGreen = indexes('POST', green, '/uncordon');
      const cordonBlue = indexes('POST', blue, '/cordon');
      const stopBlue = indexes('POST', blue, '/stop');
      const destroyBlue = indexes('DELETE', blue, '');
      for (const step of [uncordonGreen, cordonBlue, stopBlue, destroyBlue]) expect(step).toHaveLength(2);
      expect(Math.max(...uncordonGreen)).toBeLessThan(Math.min(...cordonBlue));
      expect(Math.max(...cordonBlue)).toBeLessThan(Math.min(...stopBlue));
      expect(Math.max(...stopBlue)).toBeLessThan(Math.min(...destroyBlue));
      // Once drained, blue is never put back into rotation.
      expect(indexes('POST', blue, '/uncordon')).toEqual([]);
    } finally {
      await recorder.close();
    }
  });

  it('build: true runs `flyctl deploy --build-only --push` and deploys the image it printed', async () => {
    const app = await newApp('build');
    const bin = join(workspace(), 'bin');
    mkdirSync(bin);
    const argsFile = join(bin, 'args.txt');
    writeFileSync(
      join(bin, 'flyctl'),
      `#!/bin/sh\necho "$@" > ${argsFile}\necho "==> Building image"\necho "--> Pushing image done"\necho "image: registry.fly.io/${app}:deployment-01JBUILT"\necho "image size: 45 MB"\n`,
    );
    chmodSync(join(bin, 'flyctl'), 0o755);
    const run = await deployBundle(
      sim,
      app,
      { build: 'true' },
      { env: { PATH: `${bin}:${process.env.PATH}` } },
    );
    expect(run.exitCode).toBe(0);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(argsFile, 'utf8').trim()).toBe(
      `deploy --build-only --push --app ${app} --config fly.toml`,
    );
    expect(sim.machines(app).every((m) => m.image === `registry.fly.io/${app}:deployment-01JBUILT`)).toBe(
      true,
    );
    expect(run.outputs.image).toMatch(new RegExp(`^registry\\.fly\\.io/${app}@sha256:`));
  });
});
