/**
 * fly.toml keys flyctl deploys, through the built fly-deploy bundle run as the runner runs it, against the
 * Fly simulator and its proxy: machine_checks (pass and fail), canary refused with [[mounts]] however it
 * was chosen, and [[statics]] + [[files]] + [experimental] in one deploy.
 */
import { describe, expect, it } from '@jest/globals';
import { deployBundle, image, STAGING_TOML, suiteSim, workspace } from './support.js';

const sim = suiteSim({ timeScale: 0.5 });

const layout = (app: string) =>
  sim.machines(app).map((m) => ({ id: m.id, version: m.version, image: m.image }));

describe('fly-deploy bundle: machine_checks', () => {
  const toml = (port: number) => `${STAGING_TOML}
[[machine_checks]]
  image = "curlimages/curl"
  entrypoint = ["/bin/sh", "-c"]
  command = ["curl -f http://[$FLY_TEST_MACHINE_IP]:${port}/"]
`;

  /** A new app deployed once (v1) with `text` as its fly.toml; returns that checkout. */
  async function firstDeploy(app: string, text: string): Promise<string> {
    await sim.createApp(app);
    const cwd = workspace({ 'fly.toml': text });
    expect((await deployBundle(sim, app, { image: image(app, 'v1') }, { cwd })).outputs.status).toBe(
      'deployed',
    );
    return cwd;
  }

  it('pass: the check runs beside a throwaway Machine of the new release, both are gone, the app is on v2', async () => {
    const app = 'bundle-mchk-pass';
    const cwd = await firstDeploy(app, toml(8080));
    const run = await deployBundle(sim, app, { image: image(app, 'v2') }, { cwd });
    expect({ status: run.outputs.status, exit: run.exitCode }).toEqual({ status: 'deployed', exit: 0 });
    expect(run.log).toMatch(/1 machine check\(s\) passed/);
    expect(new Set(sim.machines(app).map((m) => m.image))).toEqual(new Set([image(app, 'v2')]));
    // Only the app's own Machines are left: no check Machine, no tested Machine.
    expect(
      sim.machines(app).every((m) => m.metadata.fly_process_group === 'app' && !m.metadata.fly_canary),
    ).toBe(true);
    expect(sim.machines(app)).toHaveLength(JSON.parse(run.outputs.machines ?? '[]').length);
  });

  it('fail: a check that exits non-zero stops the deploy and nothing on the app changed', async () => {
    const app = 'bundle-mchk-fail';
    await firstDeploy(app, toml(8080));
    const before = layout(app);
    const failing = workspace({ 'fly.toml': toml(9999) });
    const run = await deployBundle(sim, app, { image: image(app, 'v2') }, { cwd: failing });
    expect({ status: run.outputs.status, exit: run.exitCode }).toEqual({ status: 'failed', exit: 1 });
    expect(run.annotations.find((a) => a.level === 'error')?.message).toMatch(
      /test command machine \w+ exited with non-zero status of 7: machine check `curl -f http:\/\/\[\$FLY_TEST_MACHINE_IP\]:9999\/` \(app #1\) failed against \w+; the deploy stopped before any app Machine changed/,
    );
    expect(layout(app)).toEqual(before);
  });
});

describe('fly-deploy bundle: canary with [[mounts]]', () => {
  it('the `strategy: canary` input is refused before any call, naming the input, as flyctl refuses --strategy canary', async () => {
    const app = 'bundle-canary-vol';
    await sim.createApp(app);
    const cwd = workspace({
      'fly.toml': `${STAGING_TOML}\n[mounts]\n  source = "data"\n  destination = "/data"\n`,
    });
    const calls = sim.calls().length;
    const run = await deployBundle(sim, app, { image: image(app, 'v1'), strategy: 'canary' }, { cwd });
    expect(run.exitCode).toBe(1);
    expect(run.annotations.find((a) => a.level === 'error')?.message).toMatch(
      /^input 'strategy': "canary" cannot be used with \[\[mounts\]\] \(data\) in fly\.toml \(error canary deployment strategy is not supported when using mounted volumes: .*\)\. Fix: use strategy rolling/,
    );
    expect(sim.calls().length).toBe(calls);
    expect(sim.machines(app)).toEqual([]);
  });
});

describe('fly-deploy bundle: [[statics]], [[files]] and [experimental] in one deploy', () => {
  it('the proxy serves the statics, the Machine sees the files, and it runs the experimental command', async () => {
    const app = 'bundle-extras';
    await sim.createApp(app);
    const cwd = workspace({
      'fly.toml': `${STAGING_TOML}
[experimental]
  entrypoint = ["/docker-entrypoint.sh"]
  cmd = ["node", "server.js"]
  exec = ["/bin/app", "--serve"]

[[statics]]
  guest_path = "/app/public"
  url_prefix = "/static/"

[[files]]
  guest_path = "/app/public/hello.txt"
  raw_value = "hello from [[files]]"

[[files]]
  guest_path = "/etc/app/settings.json"
  local_path = "settings.json"
`,
      'settings.json': '{"feature":"on"}\n',
    });
    const run = await deployBundle(sim, app, { image: image(app, 'v1') }, { cwd });
    expect({ status: run.outputs.status, exit: run.exitCode }).toEqual({ status: 'deployed', exit: 0 });
    const base = sim.appUrl(app);
    // [[statics]]: answered by the proxy from the Machine's rootfs: the image's own file and a [[files]] one.
    const index = await fetch(`${base}/static/index.html`);
    expect([index.status, index.headers.get('x-runway-sim-static')]).toEqual([200, 'true']);
    expect(await index.text()).toContain(image(app, 'v1'));
    const hello = await fetch(`${base}/static/hello.txt`);
    expect([hello.headers.get('x-runway-sim-static'), await hello.text()]).toEqual([
      'true',
      'hello from [[files]]',
    ]);
    // [[files]] (local_path read from the checkout) as the Machine sees its disk.
    const settings = await fetch(`${base}/__sim/fs/etc/app/settings.json`);
    expect(await settings.text()).toBe('{"feature":"on"}\n');
    // [experimental]: the init the Machine was started with, and the command it ran (exec wins).
    expect(await (await fetch(`${base}/__sim/init`)).json()).toMatchObject({
      entrypoint: ['/docker-entrypoint.sh'],
      cmd: ['node', 'server.js'],
      exec: ['/bin/app', '--serve'],
    });
    for (const m of sim.machines(app)) expect(m.logs).toContain('running: /bin/app --serve');
  });
});
