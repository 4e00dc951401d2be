/** Runway's own cases for each fly.toml key issue 9 names, beside the flyctl-ported ones. */
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { keyUse } from '../../src/fly/config/known-keys.js';
import { UNSUPPORTED_KEYS } from '../../src/fly/config/unsupported.js';
import { parseFlyToml } from '../../src/fly/fly-toml.js';
import {
  machineChecksFor,
  machineConfigFor,
  releaseCommandConfig,
  tomlToMachineConfig,
  volumeFor,
  volumeRequestFor,
} from '../../src/fly/machine-config.js';
import { configOf, refusal, toml } from './config-fixtures.js';

describe('checks', () => {
  it("a [checks.*] without port takes its group's [http_service] internal_port (the `fly launch` layout)", () => {
    const config = configOf(
      '[http_service]\ninternal_port = 3000\n[checks.alive]\ntype = "http"\npath = "/up"\nmethod = "get"',
    );
    expect(config.checks).toEqual({ alive: { type: 'http', port: 3000, path: '/up', method: 'GET' } });
  });

  it('refuses it, naming the check, where the group has no [http_service]', () => {
    const text =
      '[processes]\napp = ""\nworker = "w"\n[http_service]\ninternal_port = 3000\nprocesses = ["app"]\n[checks.alive]\ntype = "tcp"\nprocesses = ["worker"]';
    expect(refusal(() => configOf(text, 'worker'))).toMatch(
      /\[checks\.alive\] has no port set and process group "worker" has no \[http_service\].*Fix: set port/,
    );
  });
});

describe('[[vm]] sizing as flyctl infers it', () => {
  it.each([
    ['memory only', 'memory = "1gb"', { cpu_kind: 'shared', cpus: 1, memory_mb: 1024 }],
    ['memory as a bare number of MB', 'memory = 512', { cpu_kind: 'shared', cpus: 1, memory_mb: 512 }],
    ['cpus and memory', 'cpus = 2\nmemory = "2G"', { cpu_kind: 'shared', cpus: 2, memory_mb: 2048 }],
    [
      'cpu_kind, cpus and memory_mb',
      'cpu_kind = "performance"\ncpus = 2\nmemory_mb = 4096',
      { cpu_kind: 'performance', cpus: 2, memory_mb: 4096 },
    ],
    [
      'gpu_kind only',
      'gpu_kind = "l40s"',
      { cpu_kind: 'performance', cpus: 8, memory_mb: 16384, gpu_kind: 'l40s' },
    ],
    [
      'a GPU preset',
      'size = "a100-80gb"',
      { cpu_kind: 'performance', cpus: 8, memory_mb: 32768, gpu_kind: 'a100-sxm4-80gb', gpus: 1 },
    ],
  ])('%s', (_name, vm, guest) => {
    expect(configOf(`[[vm]]\n${vm}`).guest).toEqual(guest);
  });

  it('knows every fly-go preset (shared-cpu-6x, performance-6x…14x included)', () => {
    const presets: Record<string, [string, number, number]> = {
      'shared-cpu-1x': ['shared', 1, 256],
      'shared-cpu-2x': ['shared', 2, 512],
      'shared-cpu-4x': ['shared', 4, 1024],
      'shared-cpu-6x': ['shared', 6, 1536],
      'shared-cpu-8x': ['shared', 8, 2048],
      'performance-1x': ['performance', 1, 2048],
      'performance-2x': ['performance', 2, 4096],
      'performance-4x': ['performance', 4, 8192],
      'performance-6x': ['performance', 6, 12288],
      'performance-8x': ['performance', 8, 16384],
      'performance-10x': ['performance', 10, 20480],
      'performance-12x': ['performance', 12, 24576],
      'performance-14x': ['performance', 14, 28672],
      'performance-16x': ['performance', 16, 32768],
    };
    for (const [size, [cpu_kind, cpus, memory_mb]] of Object.entries(presets))
      expect([size, configOf(`[[vm]]\nsize = "${size}"`).guest]).toEqual([
        size,
        { cpu_kind, cpus, memory_mb },
      ]);
  });

  it('refuses what Fly would refuse, naming the key and listing the presets', () => {
    expect(refusal(() => configOf('[[vm]]\nsize = "shared-cpu-3x"'))).toMatch(
      /\[\[vm\]\] size "shared-cpu-3x" is not a Fly preset.*shared-cpu-6x/,
    );
    expect(refusal(() => configOf('[[vm]]\ncpus = 2'))).toMatch(
      /256 MB on 2 shared CPU\(s\) is outside Fly's 256–2048 MB per CPU/,
    );
    expect(refusal(() => configOf('[[vm]]\nmemory = "0"'))).toMatch(/memory "0" is not a size above zero/);
  });

  it('[[compute]] is [[vm]]; a group takes the last section naming it, else the first that applies to all', () => {
    const text = `[processes]\napp = ""\nweb = "w"\n[[compute]]\nsize = "shared-cpu-2x"\n[[vm]]\nsize = "performance-1x"\nprocesses = ["web"]\n[[vm]]\nsize = "performance-2x"\nprocesses = ["web"]\n[[vm]]\nsize = "shared-cpu-8x"`;
    expect(configOf(text, 'app').guest).toMatchObject({ cpus: 2, cpu_kind: 'shared' });
    expect(configOf(text, 'web').guest).toMatchObject({ cpus: 2, cpu_kind: 'performance' });
  });

  it('host_dedication_id: the top-level one on every guest, a [[vm]] one for its group', () => {
    const text =
      'host_dedication_id = "top"\n[processes]\napp = ""\nbatch = "b"\n[[vm]]\nhost_dedication_id = "own"\nprocesses = ["batch"]';
    const app = parseFlyToml(`app = "a"\n${text}`);
    expect(machineConfigFor(app, { image: 'i', group: 'app', releaseVersion: 1 }).guest).toEqual({
      cpu_kind: 'shared',
      cpus: 1,
      memory_mb: 256,
      host_dedication_id: 'top',
    });
    expect(
      machineConfigFor(app, { image: 'i', group: 'batch', releaseVersion: 1 }).guest?.host_dedication_id,
    ).toBe('own');
    expect(
      releaseCommandConfig(parseFlyToml(`app = "a"\n${text}\n[deploy]\nrelease_command = "m"`), 'i', 1).guest
        ?.host_dedication_id,
    ).toBe('top');
  });
});

describe('[experimental], [[statics]], [[files]], [metrics], swap', () => {
  it('cmd (a string or a list), entrypoint and exec go to init; swap_size_mb too', () => {
    const config = configOf(
      'swap_size_mb = 1024\n[experimental]\ncmd = "/bin/serve"\nentrypoint = ["tini", "--"]\nexec = ["/bin/sh", "-c", "x"]',
    );
    expect(config.init).toEqual({
      cmd: ['/bin/serve'],
      entrypoint: ['tini', '--'],
      exec: ['/bin/sh', '-c', 'x'],
      swap_size_mb: 1024,
    });
  });

  it('an update clears init fields fly.toml no longer sets, and keeps the ones it does not manage', () => {
    const config = machineConfigFor(toml(''), {
      image: 'i',
      group: 'app',
      releaseVersion: 2,
      existing: { image: 'old', init: { cmd: ['old'], entrypoint: ['e'], tty: true } as never },
    });
    expect(config.init).toEqual({ tty: true });
  });

  it('machine_config (inline or a .json beside fly.toml) is laid under what fly.toml manages', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fconf-'));
    writeFileSync(join(dir, 'machine.json'), JSON.stringify({ rootfs: { size_gb: 4 }, env: { LOST: '1' } }));
    const fromFile = parseFlyToml(
      'app = "a"\nmachine_config = "machine.json"\n[env]\nKEPT = "1"',
      join(dir, 'fly.toml'),
    );
    const config = tomlToMachineConfig(fromFile, 'app');
    expect(config.rootfs).toEqual({ size_gb: 4 });
    expect(config.env).toEqual({ KEPT: '1', FLY_PROCESS_GROUP: 'app' });
  });

  it('[[statics]] with all four fields, [metrics] (and the old [experimental] metrics_port)', () => {
    const config = configOf(
      '[[statics]]\nguest_path = "/app/public"\nurl_prefix = "/static/"\n[metrics]\nport = 9091\npath = "/m"',
    );
    expect(config.statics).toEqual([
      { guest_path: '/app/public', url_prefix: '/static/', tigris_bucket: '', index_document: '' },
    ]);
    expect(config.metrics).toEqual({ port: 9091, path: '/m' });
    expect(configOf('[experimental]\nmetrics_port = 9100\nmetrics_path = "/x"').metrics).toEqual({
      port: 9100,
      path: '/x',
    });
  });

  it('[[files]]: raw_value base64-encoded, secret_name, local_path read beside fly.toml, and a missing file refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fconf-'));
    writeFileSync(join(dir, 'app.conf'), 'listen 8080\n');
    const text =
      'app = "a"\n[[files]]\nguest_path = "/etc/a"\nraw_value = "hi"\n[[files]]\nguest_path = "/etc/b"\nsecret_name = "B"\n[[files]]\nguest_path = "/etc/c"\nlocal_path = "app.conf"';
    const config = tomlToMachineConfig(parseFlyToml(text, join(dir, 'fly.toml')), 'app');
    expect(config.files).toEqual([
      { guest_path: '/etc/a', raw_value: 'aGk=' },
      { guest_path: '/etc/b', secret_name: 'B' },
      { guest_path: '/etc/c', raw_value: Buffer.from('listen 8080\n').toString('base64') },
    ]);
    const missing = parseFlyToml(
      'app = "a"\n[[files]]\nguest_path = "/x"\nlocal_path = "nope.conf"',
      join(dir, 'fly.toml'),
    );
    expect(refusal(() => tomlToMachineConfig(missing, 'app'))).toMatch(
      /\[\[files\]\] #1 local_path "nope.conf" cannot be read \(ENOENT\)/,
    );
  });
});

describe('services', () => {
  it('[concurrency] without type stays without type (Fly picks it); "soft,hard" strings are requests', () => {
    expect(
      configOf(
        '[http_service]\ninternal_port = 8080\n[http_service.concurrency]\nsoft_limit = 20\nhard_limit = 25',
      ).services?.[0].concurrency,
    ).toEqual({
      soft_limit: 20,
      hard_limit: 25,
    });
    expect(
      configOf('[[services]]\ninternal_port = 9000\nconcurrency = "5,10"').services?.[0].concurrency,
    ).toEqual({
      type: 'requests',
      soft_limit: 5,
      hard_limit: 10,
    });
  });

  it('sections without processes serve only the default group, as flyctl flattens them', () => {
    const text =
      '[processes]\napp = "web"\nworker = "work"\n[checks.alive]\ntype = "tcp"\nport = 8080\n[[restart]]\npolicy = "on-failure"\nretries = 5\n[metrics]\nport = 9091';
    expect(configOf(text, 'app')).toMatchObject({
      checks: { alive: { type: 'tcp', port: 8080 } },
      restart: { policy: 'on-failure', max_retries: 5 },
      metrics: { port: 9091 },
    });
    expect(configOf(text, 'worker')).not.toHaveProperty('checks');
    expect(configOf(text, 'worker')).not.toHaveProperty('restart');
    expect(configOf(text, 'worker')).not.toHaveProperty('metrics');
  });

  it.each([
    [
      '[processes]\napp = "web"\n[http_service]\ninternal_port = 8080',
      /\[http_service\] has no processes set but \[processes\] defines 1 group/,
    ],
    [
      '[processes]\napp = "web"\n[[services]]\ninternal_port = 1\nprocesses = ["api"]',
      /\[\[services\]\] #1 lists process group "api", which \[processes\] does not define/,
    ],
    ['[[restart]]\npolicy = "always"\nprocesses = ["web"]', /\[\[restart\]\] #1 lists process group "web"/],
    [
      '[checks.a]\ntype = "tcp"\nport = 1\ninterval = "1s"',
      /\[checks\.a\] interval is too short: 1s, the minimum is 2s/,
    ],
    ['[checks.a]\ntype = "tcp"\nport = 1\ntimeout = "2m"', /\[checks\.a\] timeout is too long/],
    [
      '[deploy]\nstrategy = "canary"\n[[mounts]]\nsource = "d"\ndestination = "/d"',
      /strategy "canary" cannot be used with \[\[mounts\]\]/,
    ],
    [
      '[[mounts]]\nsource = "d"\ndestination = "/d"\nsnapshot_retention = 90',
      /snapshot_retention must be 1 to 60 days/,
    ],
  ])('refuses what `fly deploy` refuses on validation: %s', (text, pattern) => {
    expect(refusal(() => toml(text))).toMatch(pattern);
  });
});

describe('[mounts]', () => {
  const text =
    '[processes]\napp = ""\ndb = "d"\n[[mounts]]\nsource = "pgdata"\ndestination = "/var/lib/pg"\ninitial_size = "10gb"\nauto_extend_size_threshold = 80\nauto_extend_size_increment = "1GB"\nauto_extend_size_limit = "50GB"\nprocesses = ["db"]';

  it("go into the group's Machine config, and volumeFor gives the volume to attach or create", () => {
    expect(configOf(text, 'db').mounts).toEqual([
      {
        name: 'pgdata',
        path: '/var/lib/pg',
        extend_threshold_percent: 80,
        add_size_gb: 1,
        size_gb_limit: 50,
      },
    ]);
    expect(configOf(text, 'app').mounts).toBeUndefined();
    expect(volumeFor(toml(text), 'db')).toEqual({ name: 'pgdata', path: '/var/lib/pg', initialSizeGb: 10 });
    expect(volumeFor(toml(text), 'app')).toBeUndefined();
  });

  it('volumeRequestFor is the create body flyctl sends: initial_size, else 100 GB for a GPU guest, else 1 GB', () => {
    expect(volumeRequestFor(toml(text), 'db', { region: 'sin', image: 'img:1' })).toEqual({
      name: 'pgdata',
      region: 'sin',
      size_gb: 10,
      encrypted: true,
      compute: { cpu_kind: 'shared', cpus: 1, memory_mb: 256 },
      compute_image: 'img:1',
    });
    const gpu = toml(
      '[[vm]]\nsize = "l40s"\n[[mounts]]\nsource = "m"\ndestination = "/m"\nsnapshot_retention = 7\nscheduled_snapshots = false',
    );
    expect(volumeRequestFor(gpu, 'app', { region: 'ord', image: 'i' })).toMatchObject({
      size_gb: 100,
      snapshot_retention: 7,
      auto_backup_enabled: false,
      compute: { gpu_kind: 'l40s' },
    });
    expect(
      volumeRequestFor(toml('[[mounts]]\nsource = "m"\ndestination = "/m"'), 'app', {
        region: 'ord',
        image: 'i',
      }),
    ).toMatchObject({ size_gb: 1 });
    expect(volumeRequestFor(toml(text), 'app', { region: 'sin', image: 'i' })).toBeUndefined();
  });

  it('an update keeps the Machine on its volume', () => {
    const config = machineConfigFor(toml(text), {
      image: 'i',
      group: 'db',
      releaseVersion: 3,
      existing: {
        image: 'old',
        mounts: [{ volume: 'vol_1', name: 'pgdata', path: '/var/lib/pg', size_gb: 10 }],
      },
    });
    expect(config.mounts).toEqual([
      {
        volume: 'vol_1',
        name: 'pgdata',
        path: '/var/lib/pg',
        size_gb: 10,
        extend_threshold_percent: 80,
        add_size_gb: 1,
        size_gb_limit: 50,
      },
    ]);
  });

  it.each([
    [
      '[[mounts]]\nsource = "a"\ndestination = "/a"\ninitial_size = "500mb"',
      /initial_size "500mb" is smaller than 1GB/,
    ],
    [
      '[[mounts]]\nsource = "a"\ndestination = "/a"\nauto_extend_size_threshold = 40\nauto_extend_size_increment = "1GB"',
      /auto-extend needs auto_extend_size_threshold from 50 to 99/,
    ],
    [
      '[[mounts]]\nsource = "a"\ndestination = "/a"\n[[mounts]]\nsource = "b"\ndestination = "/b"',
      /process group "app" has more than one \[\[mounts\]\]/,
    ],
    ['[[mounts]]\ndestination = "/a"', /\[\[mounts\]\] #1 needs source/],
  ])('refuses a mount Fly would refuse: %s', (mounts, pattern) => {
    expect(refusal(() => configOf(mounts))).toMatch(pattern);
  });
});

describe('release_command and machine_checks Machines', () => {
  it("the release Machine gets the file's stop_config, fly_release_id and the release_command_vm size", () => {
    const t = toml(
      'kill_signal = "SIGINT"\nkill_timeout = 90\n[deploy]\nrelease_command = "bin/migrate"\nrelease_command_vm = { size = "performance-1x" }',
    );
    const config = releaseCommandConfig(t, 'img:2', 5, undefined, { releaseId: 'rel_1' });
    expect(config.stop_config).toEqual({ signal: 'SIGINT', timeout: '1m30s' });
    expect(config.metadata).toEqual({
      fly_platform_version: 'v2',
      fly_process_group: 'fly_app_release_command',
      fly_release_id: 'rel_1',
      fly_release_version: '5',
    });
    expect(config.guest).toEqual({ cpu_kind: 'performance', cpus: 1, memory_mb: 2048 });
  });

  it("machineChecksFor lists the group's services' machine_checks, then the top-level ones", () => {
    const t = toml(
      '[processes]\napp = ""\nworker = "w"\n[http_service]\ninternal_port = 8080\nprocesses = ["app"]\n[[http_service.machine_checks]]\ncommand = ["a"]\n[[machine_checks]]\ncommand = ["b"]',
    );
    expect(machineChecksFor(t, 'app').map((c) => c.command)).toEqual([['a'], ['b']]);
    expect(machineChecksFor(t, 'worker').map((c) => c.command)).toEqual([['b']]);
  });

  it('machineConfigFor sets fly_release_id when given and never carries an old one over', () => {
    const existing = { image: 'old', metadata: { fly_release_id: 'rel_old', team: 'x' } };
    expect(
      machineConfigFor(toml(''), {
        image: 'i',
        group: 'app',
        releaseVersion: 2,
        existing,
        releaseId: 'rel_new',
      }).metadata,
    ).toMatchObject({ fly_release_id: 'rel_new', team: 'x' });
    expect(
      machineConfigFor(toml(''), { image: 'i', group: 'app', releaseVersion: 2, existing }).metadata
        ?.fly_release_id,
    ).toBeUndefined();
  });
});

describe('keys Runway does not support', () => {
  it.each([
    [
      '[build.compose]\nfile = "compose.yaml"',
      /\[build\.compose\] is not supported by Runway: .*multi-container.*Fix: remove \[build\.compose\]/,
    ],
    ['container = "web"', /fly\.toml: container is not supported by Runway/],
  ])('are refused while parsing, naming the key: %s', (text, pattern) => {
    expect(refusal(() => toml(text))).toMatch(pattern);
  });

  it('machine_config with containers is refused before any call', () => {
    const t = toml(`machine_config = '{"containers": [{"name": "app"}]}'`);
    expect(refusal(() => tomlToMachineConfig(t, 'app'))).toMatch(
      /machine_config containers is not supported by Runway/,
    );
  });

  it('each is listed in the action README section', () => {
    const readme = readFileSync(new URL('../../actions/fly-deploy/README.md', import.meta.url), 'utf8');
    const section = readme.split('## fly.toml keys Runway does not support')[1]?.split('\n## ')[0] ?? '';
    for (const { key } of UNSUPPORTED_KEYS)
      expect([key, section.includes(`\`${key}\``)]).toEqual([key, true]);
  });

  it("every key in flyctl's full-reference.toml has a known use, so none is dropped unseen", () => {
    const reference = parse(
      readFileSync(new URL('../fixtures/flyctl/appconfig/full-reference.toml', import.meta.url), 'utf8'),
    );
    const paths = Object.entries(reference).flatMap(([key, value]) =>
      ['deploy', 'experimental', 'build'].includes(key) && typeof value === 'object'
        ? Object.keys(value as object).map((sub) => `${key}.${sub}`)
        : [key],
    );
    expect(paths.length).toBeGreaterThan(25);
    for (const path of paths) expect([path, keyUse(path)]).not.toEqual([path, undefined]);
  });
});
