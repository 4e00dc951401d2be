/**
 * The release_command Machine and the machine_checks Machines, whole, as flyctl builds them
 * (ToReleaseMachineConfig, ToTestMachineConfig): every field, and each fallback at its edge. Objects are
 * compared strictly (a field set to undefined is a field the file did not ask for), except the check tables
 * themselves, which are the TOML parser's objects.
 */
import { describe, expect, it } from '@jest/globals';
import {
  hasMachineChecks,
  machineChecksFor,
  releaseCommandConfig,
  testMachineConfig,
} from '../../src/fly/config/special-machines.js';
import { parseFlyToml } from '../../src/fly/fly-toml.js';
import { refusal, toml } from './config-fixtures.js';

const RELEASE_METADATA = {
  fly_platform_version: 'v2',
  fly_process_group: 'fly_app_release_command',
  fly_release_version: '7',
};
const TEST_METADATA = { fly_platform_version: 'v2', fly_process_group: 'fly_app_test_machine_command' };
const THROWAWAY = { restart: { policy: 'no' }, auto_destroy: true, dns: { skip_registration: true } };

describe('the release_command Machine', () => {
  it('is a throwaway Machine running the command, with the app env and nothing the file does not set', () => {
    const t = toml('[env]\nLOG = "debug"\n[deploy]\nrelease_command = "bin/migrate --all"');
    expect(releaseCommandConfig(t, 'img:2', 7)).toStrictEqual({
      image: 'img:2',
      init: { cmd: ['bin/migrate', '--all'] },
      ...THROWAWAY,
      env: {
        LOG: 'debug',
        RELEASE_COMMAND: '1',
        FLY_PROCESS_GROUP: 'fly_app_release_command',
        PRIMARY_REGION: 'sin',
      },
      metadata: RELEASE_METADATA,
      guest: { cpu_kind: 'shared', cpus: 2, memory_mb: 512 },
    });
  });

  it('takes swap, the [experimental] entrypoint, stop_config, [[files]] and the release id', () => {
    const t = toml(
      'swap_size_mb = 512\nkill_signal = "SIGTERM"\n[experimental]\nentrypoint = ["tini", "--"]\n[[files]]\nguest_path = "/etc/a"\nraw_value = "a"\n[deploy]\nrelease_command = "m"',
    );
    const config = releaseCommandConfig(t, 'i', 7, undefined, { releaseId: 'rel_9' });
    expect(config.init).toStrictEqual({ cmd: ['m'], swap_size_mb: 512, entrypoint: ['tini', '--'] });
    expect(config.stop_config).toStrictEqual({ signal: 'SIGTERM' });
    expect(config.files).toStrictEqual([{ guest_path: '/etc/a', raw_value: 'YQ==' }]);
    expect(config.metadata).toStrictEqual({ ...RELEASE_METADATA, fly_release_id: 'rel_9' });
  });

  it('sends swap_size_mb = 0 as written, and no PRIMARY_REGION for a file without one', () => {
    const t = toml('swap_size_mb = 0\n[deploy]\nrelease_command = "m"');
    expect(releaseCommandConfig(t, 'i', 7).init).toStrictEqual({ cmd: ['m'], swap_size_mb: 0 });
    const noRegion = parseFlyToml('app = "a"\n[deploy]\nrelease_command = "m"');
    expect(releaseCommandConfig(noRegion, 'i', 7).env).toStrictEqual({
      RELEASE_COMMAND: '1',
      FLY_PROCESS_GROUP: 'fly_app_release_command',
    });
  });

  it('runs no command when the file has no release_command (callers ask only when it has one)', () => {
    expect(releaseCommandConfig(toml(''), 'i', 7).init).toStrictEqual({ cmd: [] });
  });

  it('is sized like the largest app Machine (a copy), with the top-level host dedication', () => {
    const largest = { cpu_kind: 'performance', cpus: 4, memory_mb: 8192 };
    const t = toml('host_dedication_id = "hd-1"\n[deploy]\nrelease_command = "m"');
    const config = releaseCommandConfig(t, 'i', 7, largest);
    expect(config.guest).toStrictEqual({ ...largest, host_dedication_id: 'hd-1' });
    expect(largest).toStrictEqual({ cpu_kind: 'performance', cpus: 4, memory_mb: 8192 });
  });

  it('[deploy.release_command_vm] wins over the largest Machine', () => {
    const t = toml('[deploy]\nrelease_command = "m"\n[deploy.release_command_vm]\nsize = "shared-cpu-4x"');
    expect(
      releaseCommandConfig(t, 'i', 7, { cpu_kind: 'performance', cpus: 8, memory_mb: 16384 }).guest,
    ).toStrictEqual({ cpu_kind: 'shared', cpus: 4, memory_mb: 1024 });
  });
});

describe('the release_command Machine refuses', () => {
  it.each([
    ['[deploy]\nrelease_command = "bin/migrate \\\\"', /\[deploy\] release_command/],
    [
      '[deploy]\nrelease_command = "m"\n[deploy.release_command_vm]\nsize = "huge-1x"',
      /\[deploy\.release_command_vm\]/,
    ],
  ])('%s, naming the key as written', (text, where) => {
    expect(refusal(() => releaseCommandConfig(toml(text), 'i', 7))).toMatch(where);
  });
});

describe('which machine_checks gate a group', () => {
  it('a service with no processes list serves every group, and a single table counts as one check', () => {
    const t = toml('[[services]]\ninternal_port = 9\n[services.machine_checks]\ncommand = ["every"]');
    expect(machineChecksFor(t, 'app')).toEqual([{ command: ['every'] }]);
    expect(hasMachineChecks(t)).toBe(true);
  });

  it('none, when no service and no top-level section has any', () => {
    const t = toml(
      '[processes]\napp = ""\nworker = "w"\n[[services]]\ninternal_port = 9\nprocesses = ["app"]',
    );
    expect(machineChecksFor(t, 'app')).toStrictEqual([]);
    expect(hasMachineChecks(t)).toBe(false);
  });

  it('a group without its own has the top-level ones, and so does the app', () => {
    const t = toml('[processes]\napp = ""\nworker = "w"\n[[machine_checks]]\ncommand = ["top"]');
    expect(machineChecksFor(t, 'worker')).toEqual([{ command: ['top'] }]);
    expect(hasMachineChecks(t)).toBe(true);
  });

  it('only the last group having one still counts', () => {
    const t = toml(
      '[processes]\napp = ""\nworker = "w"\n[[services]]\ninternal_port = 9\nprocesses = ["worker"]\n[[services.machine_checks]]\ncommand = ["w"]',
    );
    expect(hasMachineChecks(t)).toBe(true);
    expect(machineChecksFor(t, 'app')).toStrictEqual([]);
  });
});

describe('a machine_checks Machine', () => {
  const tested = {
    config: { image: 'app:9', env: { ROLE: 'tested', LOG: 'tested' }, init: { entrypoint: ['/tested'] } },
    private_ip: 'fdaa::7',
  };

  it("is a throwaway Machine running the command in the tested Machine's image, env and entrypoint", () => {
    const t = toml('[env]\nLOG = "app"\nKEEP = "1"');
    expect(testMachineConfig(t, { command: ['curl', '-f', 'http://x/'] }, tested)).toStrictEqual({
      image: 'app:9',
      init: { cmd: ['curl', '-f', 'http://x/'], entrypoint: ['/tested'] },
      ...THROWAWAY,
      metadata: TEST_METADATA,
      env: {
        LOG: 'tested',
        KEEP: '1',
        ROLE: 'tested',
        FLY_TEST_COMMAND: '1',
        FLY_PROCESS_GROUP: 'fly_app_test_machine_command',
        FLY_TEST_MACHINE_IP: 'fdaa::7',
        PRIMARY_REGION: 'sin',
      },
      stop_config: {},
    });
  });

  it("takes the check's own image and entrypoint; the [experimental] entrypoint wins over both", () => {
    const check = { command: ['t'], image: 'checker:1', entrypoint: ['/check'] };
    expect(testMachineConfig(toml(''), check, tested)).toMatchObject({
      image: 'checker:1',
      init: { cmd: ['t'], entrypoint: ['/check'] },
    });
    expect(
      testMachineConfig(toml('[experimental]\nentrypoint = ["/exp"]'), check, tested).init,
    ).toStrictEqual({
      cmd: ['t'],
      entrypoint: ['/exp'],
    });
  });

  it('sets swap from the file, no entrypoint when none is given, and an empty IP without a tested Machine', () => {
    const config = testMachineConfig(toml('swap_size_mb = 0'), { command: ['t'], image: 'c:1' });
    expect(config.init).toStrictEqual({ cmd: ['t'], swap_size_mb: 0 });
    expect(config.env?.FLY_TEST_MACHINE_IP).toBe('');
  });

  it('an empty image, or one that is not text, falls back to the tested Machine’s', () => {
    expect(testMachineConfig(toml(''), { command: ['t'], image: '' }, tested).image).toBe('app:9');
    expect(testMachineConfig(toml(''), { command: ['t'], image: 42 }, tested).image).toBe('app:9');
  });

  it('reads a tested Machine whose answer has no config, or a config without init, without failing', () => {
    const bare = { private_ip: 'fdaa::8' } as never;
    const config = testMachineConfig(toml(''), { command: ['t'], image: 'c:1' }, bare);
    expect(config.init).toStrictEqual({ cmd: ['t'] });
    expect(config.env).toStrictEqual({
      FLY_TEST_COMMAND: '1',
      FLY_PROCESS_GROUP: 'fly_app_test_machine_command',
      FLY_TEST_MACHINE_IP: 'fdaa::8',
      PRIMARY_REGION: 'sin',
    });
    expect(refusal(() => testMachineConfig(toml(''), { command: ['t'] }, bare))).toMatch(/has no image/);
    const noInit = testMachineConfig(toml(''), { command: ['t'] }, { config: { image: 'app:9' } } as never);
    expect(noInit.init).toStrictEqual({ cmd: ['t'] });
  });

  it('stops like the app (its kill_signal and kill_timeout) unless it sets its own or brings its own image', () => {
    const t = toml('kill_signal = "SIGINT"\nkill_timeout = 20');
    expect(testMachineConfig(t, { command: ['t'] }, tested).stop_config).toStrictEqual({
      signal: 'SIGINT',
      timeout: '20s',
    });
    expect(testMachineConfig(t, { command: ['t'], image: 'c:1' }, tested).stop_config).toStrictEqual({});
    // A bare number in a check is a Go duration in nanoseconds, as fly-go reads it.
    expect(
      testMachineConfig(
        t,
        { command: ['t'], image: 'c:1', kill_signal: 'SIGUSR1', kill_timeout: 3e9 },
        tested,
      ).stop_config,
    ).toStrictEqual({ signal: 'SIGUSR1', timeout: '3s' });
    expect(
      testMachineConfig(t, { command: ['t'], kill_timeout: '5s', kill_signal: 9 }, tested).stop_config,
    ).toStrictEqual({ signal: 'SIGINT', timeout: '5s' });
  });

  it.each([
    [
      {},
      /fly\.toml: machine_checks entry has no command\. Fix: add a `command` field to the \[\[services\.machine_checks\]\]/,
    ],
    [{ command: [] }, /machine_checks entry has no command\./],
    [
      { command: 'curl x' },
      /fly\.toml: machine_checks command must be an array of strings\. Fix: write command = \["curl", "-f", "http:\/\/\$FLY_TEST_MACHINE_IP:8080\/"\]\./,
    ],
    [{ command: ['curl', 8] }, /machine_checks command must be an array of strings/],
    [
      { command: ['t'], entrypoint: '/x' },
      /machine_checks entrypoint must be an array of strings\. Fix: write entrypoint = \[/,
    ],
  ])('refuses %j with the key as written and the fix', (check, pattern) => {
    expect(refusal(() => testMachineConfig(toml(''), check, tested))).toMatch(pattern);
  });

  it('refuses a check with no image when there is no Machine to take it from', () => {
    expect(refusal(() => testMachineConfig(toml(''), { command: ['t'] }))).toMatch(
      /fly\.toml: machine_checks entry has no image and there is no Machine to take it from\. Fix: add an `image` field to the machine_checks section\./,
    );
    expect(refusal(() => testMachineConfig(toml(''), { command: ['t'] }, { config: {} as never }))).toMatch(
      /has no image/,
    );
  });
});
