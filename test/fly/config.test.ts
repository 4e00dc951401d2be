import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { InputError } from '../../src/core/errors.js';
import { parseFlyToml } from '../../src/fly/fly-toml.js';
import {
  guestPreset,
  machineConfigFor,
  parseMemoryMb,
  releaseCommandConfig,
  shellSplit,
  countChecks,
} from '../../src/fly/machine-config.js';

const production = readFileSync(new URL('../fixtures/fly/fly.toml', import.meta.url), 'utf8');

function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

describe('fly.toml → Machine config (as flyctl builds it)', () => {
  const toml = parseFlyToml(production, 'fly.toml');

  it('reads the deploy settings', () => {
    expect(toml.app).toBe('voice-bot');
    expect(toml.primaryRegion).toBe('sin');
    expect(toml.deploy).toMatchObject({ strategy: 'bluegreen', maxUnavailable: 0.5, waitTimeoutMs: 120_000 });
    expect(toml.buildImage).toBe('registry.fly.io/voice-bot:latest');
    expect(Object.keys(toml.processes)).toEqual(['app', 'worker']);
  });

  it('expands [http_service] to ports 80 and 443 with handlers, concurrency, autostop and its checks', () => {
    const config = machineConfigFor(toml, { image: 'img:1', group: 'app', releaseVersion: 7 });
    expect(config.services).toEqual([
      {
        protocol: 'tcp',
        internal_port: 8080,
        ports: [
          { port: 80, handlers: ['http'], force_https: true },
          { port: 443, handlers: ['http', 'tls'] },
        ],
        autostart: true,
        autostop: true,
        min_machines_running: 1,
        concurrency: { type: 'requests', soft_limit: 200, hard_limit: 250 },
        checks: [
          {
            type: 'http',
            grace_period: '10s',
            interval: '15s',
            timeout: '5s',
            method: 'GET',
            path: '/health',
            headers: [{ name: 'X-Forwarded-Proto', values: ['https'] }],
          },
        ],
      },
    ]);
    expect(config.checks).toEqual({
      alive: { type: 'tcp', port: 8080, interval: '30s', timeout: '2s', grace_period: '5s' },
    });
    expect(countChecks(config)).toBe(2);
  });

  it('sizes the guest from [[vm]] per process group, and sets env, command, stop config and flyctl metadata', () => {
    const app = machineConfigFor(toml, { image: 'img:1', group: 'app', releaseVersion: 7 });
    expect(app.guest).toEqual({ cpu_kind: 'shared', cpus: 1, memory_mb: 256 });
    expect(app.env).toEqual({
      NODE_ENV: 'production',
      PORT: '8080',
      LOG_LEVEL: 'info',
      FLY_PROCESS_GROUP: 'app',
      PRIMARY_REGION: 'sin',
    });
    expect(app.init).toEqual({ cmd: ['node', 'server.js'] });
    expect(app.stop_config).toEqual({ signal: 'SIGTERM', timeout: '20s' });
    expect(app.metadata).toEqual({
      fly_platform_version: 'v2',
      fly_process_group: 'app',
      fly_release_version: '7',
    });

    const worker = machineConfigFor(toml, { image: 'img:1', group: 'worker', releaseVersion: 7 });
    expect(worker.guest).toEqual({ cpu_kind: 'shared', cpus: 2, memory_mb: 1024 });
    expect(worker.services).toBeUndefined();
    expect(worker.init).toEqual({ cmd: ['node', 'worker.js', '--queue', 'calls high'] });
    expect(worker.metadata?.fly_process_group).toBe('worker');
  });

  it('keeps mounts, a scaled guest and foreign metadata from the existing Machine, and drops blue-green tags', () => {
    const bare = parseFlyToml('app = "a"\nprimary_region = "sin"\n', 'fly.toml');
    const config = machineConfigFor(bare, {
      image: 'img:2',
      group: 'app',
      releaseVersion: 3,
      existing: {
        image: 'img:1',
        guest: { cpu_kind: 'performance', cpus: 1, memory_mb: 2048 },
        mounts: [{ volume: 'vol_1', path: '/data' }],
        metadata: {
          team: 'voice',
          fly_bluegreen_deployment_tag: 'safe_to_destroy',
          fly_release_version: '2',
        },
      },
    });
    expect(config.guest).toEqual({ cpu_kind: 'performance', cpus: 1, memory_mb: 2048 });
    expect(config.mounts).toEqual([{ volume: 'vol_1', path: '/data' }]);
    expect(config.metadata).toEqual({
      team: 'voice',
      fly_platform_version: 'v2',
      fly_process_group: 'app',
      fly_release_version: '3',
    });
  });

  it('builds [[services]] with tcp and http checks, and the release-command Machine', () => {
    const toml2 = parseFlyToml(
      `app = "b"
primary_region = "syd"
[deploy]
release_command = "npm run migrate -- --yes"
[[services]]
internal_port = 3000
protocol = "tcp"
auto_stop_machines = "suspend"
[[services.ports]]
port = 443
handlers = ["tls", "http"]
[[services.tcp_checks]]
interval = 1000
[[services.http_checks]]
path = "/ready"
`,
      'fly.toml',
    );
    const config = machineConfigFor(toml2, { image: 'img:1', group: 'app', releaseVersion: 1 });
    expect(config.services?.[0]).toMatchObject({
      internal_port: 3000,
      autostop: 'suspend',
      ports: [{ port: 443, handlers: ['tls', 'http'] }],
    });
    expect(config.services?.[0].checks).toEqual([
      { type: 'tcp', interval: '1s' },
      { type: 'http', path: '/ready' },
    ]);
    const release = releaseCommandConfig(toml2, 'img:1', 4);
    expect(release).toMatchObject({
      image: 'img:1',
      init: { cmd: ['npm', 'run', 'migrate', '--', '--yes'] },
      restart: { policy: 'no' },
      auto_destroy: true,
      dns: { skip_registration: true },
      guest: { cpu_kind: 'shared', cpus: 2, memory_mb: 512 },
      metadata: {
        fly_process_group: 'fly_app_release_command',
        fly_platform_version: 'v2',
        fly_release_version: '4',
      },
    });
    expect(release.env).toMatchObject({ RELEASE_COMMAND: '1', PRIMARY_REGION: 'syd' });
    expect(release.services).toBeUndefined();
  });

  it('knows the VM presets, memory units and shell quoting', () => {
    expect(guestPreset('performance-2x')).toEqual({ cpu_kind: 'performance', cpus: 2, memory_mb: 4096 });
    expect(guestPreset('shared-cpu-3x')).toBeUndefined();
    expect([parseMemoryMb('1gb'), parseMemoryMb('512'), parseMemoryMb(2048), parseMemoryMb('lots')]).toEqual([
      1024,
      512,
      2048,
      undefined,
    ]);
    expect(shellSplit(`sh -c "echo 'hi there'" a\\ b`)).toEqual(['sh', '-c', "echo 'hi there'", 'a b']);
  });

  it.each([
    ['app = "a"\n[http_service\ninternal_port = 8080', /not valid TOML \(line 2/],
    ['app = "a"\n[deploy]\nstrategy = "yolo"', /strategy "yolo" is not a Fly strategy/],
    ['app = "a"\n[env]\nFLY_REGION = "x"', /FLY_ are reserved/],
    ['app = "a"\n[http_service]\ninternal_port = "8080"', /internal_port must be a whole number/],
    ['app = "a"\n[checks.db]\ntype = "udp"\nport = 1', /type must be "tcp" or "http"/],
    ['app = "a"\nkill_signal = "SIGSTOP"', /kill_signal "SIGSTOP"/],
    ['app = "Bad_Name"', /not a valid Fly app name/],
  ])('rejects a malformed fly.toml with one line naming the problem: %s', (text, pattern) => {
    const error = inputError(() => parseFlyToml(text, 'fly.toml'));
    expect(error.input).toBe('config');
    expect(error.describe()).toMatch(pattern);
    expect(error.describe()).toMatch(/^input 'config': fly\.toml: /);
  });

  it.each([
    ['[[vm]]\nsize = "huge"', /size "huge" is not a Fly preset/],
    ['[[vm]]\nsize = "shared-cpu-1x"\nmemory = "4gb"', /outside Fly's 256–2048 MB per CPU/],
    [
      '[http_service]\ninternal_port = 8080\nauto_stop_machines = "sometimes"',
      /auto_stop_machines "sometimes"/,
    ],
    [
      '[http_service]\ninternal_port = 8080\n[[http_service.checks]]\ninterval = "soon"',
      /interval "soon" is not a duration/,
    ],
  ])('rejects a bad Machine setting: %s', (text, pattern) => {
    const toml3 = parseFlyToml(`app = "a"\n${text}`, 'fly.toml');
    expect(
      inputError(() => machineConfigFor(toml3, { image: 'i:1', group: 'app', releaseVersion: 1 })).describe(),
    ).toMatch(pattern);
  });
});
