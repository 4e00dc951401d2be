import { describe, expect, it } from '@jest/globals';
import { parseFlyToml } from '../../src/fly/fly-toml.js';
import {
  checkTiming,
  countChecks,
  machineConfigFor,
  releaseCommandConfig,
  tomlToMachineConfig,
} from '../../src/fly/machine-config.js';
import type { MachineCheck, MachineConfig, MachineService } from '../../src/fly/types.js';
import { configOf, refusal, toml } from './config-fixtures.js';

// machine-config.ts's own decisions (unit tier, imported from src): the env, the process group check, the
// release data, the host dedication, the standbys on an update and the health gate's check count and
// timing, each pinned on the whole value so a key that should be absent is seen when it appears.

const SHARED_1X = { cpu_kind: 'shared', cpus: 1, memory_mb: 256 };

/** The metadata every deploy of group app, release 2 writes. */
const RELEASE_2 = {
  fly_platform_version: 'v2',
  fly_process_group: 'app',
  fly_release_version: '2',
};

describe('the Machine config for a group', () => {
  it('is the image, the release data, the env and shared-cpu-1x for an empty fly.toml', () => {
    expect(configOf('')).toStrictEqual({
      init: {},
      metadata: RELEASE_2,
      env: { FLY_PROCESS_GROUP: 'app', PRIMARY_REGION: 'sin' },
      image: 'img:1',
      guest: SHARED_1X,
    });
  });

  it('sets no PRIMARY_REGION when fly.toml has no primary_region', () => {
    const file = parseFlyToml('app = "a"\n[env]\nLOG = "debug"', 'fly.toml');
    expect(tomlToMachineConfig(file, 'app').env).toStrictEqual({ LOG: 'debug', FLY_PROCESS_GROUP: 'app' });
  });

  it.each([
    ['with no [processes]', ''],
    ['not named in [processes]', '[processes]\napp = "serve"\nworker = "work"'],
  ])('refuses a process group %s', (_, text) => {
    const message =
      'input \'config\': fly.toml: process group "web" is not in [processes]. Fix: add web = "command" to [processes].';
    expect(refusal(() => tomlToMachineConfig(toml(text), 'web'))).toBe(message);
    expect(refusal(() => configOf(text, 'web'))).toBe(message);
  });

  it('converts a group [processes] names', () => {
    const config = tomlToMachineConfig(toml('[processes]\napp = "serve"\nworker = "work"'), 'worker');
    expect(config.metadata).toStrictEqual({ fly_platform_version: 'v2', fly_process_group: 'worker' });
    expect(config.env).toStrictEqual({ FLY_PROCESS_GROUP: 'worker', PRIMARY_REGION: 'sin' });
  });
});

describe('release data', () => {
  const existing = {
    image: 'img:0',
    metadata: { fly_release_id: 'old', runway_deploy_id: 'old-deploy', mine: 'kept' },
  } as MachineConfig;
  const metadataOf = (options: { releaseId?: string; deployId?: string }, from?: MachineConfig) =>
    machineConfigFor(toml(''), {
      image: 'img:1',
      group: 'app',
      releaseVersion: 2,
      existing: from,
      ...options,
    }).metadata;

  it.each([
    ['neither id', {}, RELEASE_2],
    ['a release id', { releaseId: 'r1' }, { ...RELEASE_2, fly_release_id: 'r1' }],
    ['a deploy id', { deployId: 'd1' }, { ...RELEASE_2, runway_deploy_id: 'd1' }],
    [
      'both ids',
      { releaseId: 'r1', deployId: 'd1' },
      { ...RELEASE_2, fly_release_id: 'r1', runway_deploy_id: 'd1' },
    ],
    ['an empty release id', { releaseId: '' }, RELEASE_2],
    ['an empty deploy id', { deployId: '' }, RELEASE_2],
  ])('writes only the ids a new Machine is given: %s', (_, options, expected) => {
    expect(metadataOf(options)).toStrictEqual(expected);
  });

  it('drops an earlier release id the deploy does not replace and replaces the deploy id it gives', () => {
    expect(metadataOf({}, existing)).toStrictEqual({
      ...RELEASE_2,
      runway_deploy_id: 'old-deploy',
      mine: 'kept',
    });
    expect(metadataOf({ releaseId: 'r2', deployId: 'd2' }, existing)).toStrictEqual({
      ...RELEASE_2,
      fly_release_id: 'r2',
      runway_deploy_id: 'd2',
      mine: 'kept',
    });
  });
});

describe('host dedication', () => {
  it.each([
    ['no host_dedication_id', '', SHARED_1X],
    ['a top-level one', 'host_dedication_id = "top"', { ...SHARED_1X, host_dedication_id: 'top' }],
    [
      "the [[vm]]'s over the top-level one",
      'host_dedication_id = "top"\n[[vm]]\nhost_dedication_id = "vm"',
      { ...SHARED_1X, host_dedication_id: 'vm' },
    ],
    ['a [[vm]] without one', '[[vm]]\nmemory = "512mb"', { ...SHARED_1X, memory_mb: 512 }],
  ])('gives the guest %s', (_, text, guest) => {
    expect(configOf(text).guest).toStrictEqual(guest);
  });

  it("puts the top-level host dedication on the Machine's own guest when no [[vm]] sizes it", () => {
    const existing = { image: 'img:0', guest: { cpu_kind: 'performance', cpus: 2, memory_mb: 4096 } };
    const config = machineConfigFor(toml('host_dedication_id = "top"'), {
      image: 'img:1',
      group: 'app',
      releaseVersion: 2,
      existing,
    });
    expect(config.guest).toStrictEqual({ ...existing.guest, host_dedication_id: 'top' });
  });
});

describe('standbys on an update', () => {
  const SERVICE = '[[services]]\ninternal_port = 8080\nprotocol = "tcp"';
  const update = (text: string, standbys: unknown) =>
    machineConfigFor(toml(text), {
      image: 'img:1',
      group: 'app',
      releaseVersion: 2,
      existing: { image: 'img:0', standbys } as MachineConfig,
    });

  it.each([
    ['keeps them while the Machine serves nothing', '', ['m1'], ['m1']],
    ['clears them once the Machine serves traffic', SERVICE, ['m1'], undefined],
    ['keeps a value that is not a list', SERVICE, 'm1', 'm1'],
  ])('%s', (_, text, standbys, expected) => {
    const config = update(text, standbys);
    if (expected === undefined) expect(config).not.toHaveProperty('standbys');
    else expect(config.standbys).toStrictEqual(expected);
  });

  it('leaves a new Machine without standbys', () => {
    expect(configOf(SERVICE)).not.toHaveProperty('standbys');
  });
});

describe('the health gate', () => {
  const service = (checks?: MachineCheck[]): MachineService => ({
    protocol: 'tcp',
    internal_port: 80,
    checks,
  });
  const config = (checks?: Record<string, MachineCheck>, services?: MachineService[]): MachineConfig => ({
    image: 'img:1',
    checks,
    services,
  });

  it.each([
    ['no checks and no services', config(), 0, { graceMs: 0, intervalMs: 0 }],
    [
      'services without checks',
      config(undefined, [service(), service([])]),
      0,
      { graceMs: 0, intervalMs: 0 },
    ],
    [
      'top-level checks, one without interval or grace period',
      config({ a: { grace_period: '5s', interval: '30s' }, b: {} }),
      2,
      { graceMs: 5000, intervalMs: 30_000 },
    ],
    [
      'one top-level check with a short interval',
      config({ a: { interval: '5s' } }),
      1,
      { graceMs: 0, intervalMs: 5000 },
    ],
    [
      "services' checks",
      config(undefined, [
        service([{ grace_period: '1m0s' }, { interval: '10s' }]),
        service(),
        service([{ grace_period: '2s', interval: '1s' }]),
      ]),
      3,
      { graceMs: 60_000, intervalMs: 15_000 },
    ],
    [
      "top-level and services' checks",
      config({ a: { grace_period: '3s', interval: '20s' } }, [
        service([{ grace_period: '7s', interval: '2s' }]),
      ]),
      2,
      { graceMs: 7000, intervalMs: 20_000 },
    ],
  ])('counts and times %s', (_, machine, count, timing) => {
    expect(countChecks(machine)).toBe(count);
    expect(checkTiming(machine)).toStrictEqual(timing);
  });

  it("counts and times a fly.toml's top-level and service checks together", () => {
    const machine = configOf(
      '[[services]]\ninternal_port = 80\nprotocol = "tcp"\n[[services.tcp_checks]]\ngrace_period = "5s"\n' +
        '[checks.x]\ntype = "tcp"\nport = 80\ninterval = "1m"',
    );
    expect(countChecks(machine)).toBe(2);
    expect(checkTiming(machine)).toStrictEqual({ graceMs: 5000, intervalMs: 60_000 });
  });
});

describe('[[vm]] numbers flyctl reads as Go ints', () => {
  const EXAMPLE = {
    cpus: 'cpus = 2',
    memory_mb: 'memory_mb = 1024',
    max_memory_mb: 'max_memory_mb = 2048',
    gpus: 'gpus = 1',
  };
  const cases = Object.keys(EXAMPLE).flatMap((key) =>
    [
      ['nan', 'nan'],
      ['inf', 'inf'],
      ['-inf', '-inf'],
      ['"2"', '"2"'],
      ['true', 'true'],
      ['1.5', '1.5'],
      ['[1]', '[1]'],
    ].map(([value, shown]) => [key, value, shown]),
  ) as [keyof typeof EXAMPLE, string, string][];

  it.each(cases)('refuses %s = %s before any call, naming the key and the fix', (key, value, shown) => {
    expect(refusal(() => configOf(`[[vm]]\n${key} = ${value}`))).toBe(
      `input 'config': fly.toml: [[vm]] ${key} ${shown} is not a whole number. Fix: write it without quotes, e.g. ${EXAMPLE[key]}.`,
    );
  });

  it('refuses one in [deploy.release_command_vm] too, naming that section', () => {
    const file = toml('[deploy]\nrelease_command = "m"\nrelease_command_vm = { memory_mb = "512" }');
    expect(refusal(() => releaseCommandConfig(file, 'img:1', 2))).toBe(
      `input 'config': fly.toml: [deploy.release_command_vm] memory_mb "512" is not a whole number. Fix: write it without quotes, e.g. memory_mb = 1024.`,
    );
  });

  it('takes whole numbers, zero leaving the preset as it is', () => {
    expect(configOf('[[vm]]\ncpus = 2\nmemory_mb = 1024\nmax_memory_mb = 2048').guest).toStrictEqual({
      cpu_kind: 'shared',
      cpus: 2,
      memory_mb: 1024,
      max_memory_mb: 2048,
    });
    expect(configOf('[[vm]]\ncpus = 0\nmemory_mb = 0\ngpus = 0').guest).toStrictEqual(SHARED_1X);
  });

  it.each([
    ['nan', 'nan'],
    ['inf', 'inf'],
    ['-inf', '-inf'],
    ['1.5', '1.5'],
    ['"lots"', '"lots"'],
  ])('refuses memory = %s, showing it as written', (value, shown) => {
    expect(refusal(() => configOf(`[[vm]]\nmemory = ${value}`))).toBe(
      `input 'config': fly.toml: [[vm]] memory ${shown} is not a size above zero. Fix: write e.g. "256mb" or "1gb".`,
    );
  });
});
