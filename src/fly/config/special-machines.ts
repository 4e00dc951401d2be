import type { FlyToml } from '../fly-toml.js';
import { bad } from './problems.js';
import {
  META,
  PLATFORM_VERSION,
  RELEASE_COMMAND_GROUP,
  type Machine,
  type MachineConfig,
  type MachineGuest,
} from '../types.js';
import { guestPreset } from '../vm-sizes.js';
import { flyDuration } from './durations.js';
import { filesFor } from './extras.js';
import { guestFromVm } from './guest.js';
import { splitCommand, stopConfigFor } from './process.js';

type Table = Record<string, unknown>;

export const TEST_MACHINE_GROUP = 'fly_app_test_machine_command';

/** The throwaway-Machine settings flyctl gives release and test Machines alike. */
function throwaway(group: string): Pick<MachineConfig, 'restart' | 'auto_destroy' | 'dns' | 'metadata'> {
  return {
    restart: { policy: 'no' },
    auto_destroy: true,
    dns: { skip_registration: true },
    metadata: { [META.platformVersion]: PLATFORM_VERSION, [META.processGroup]: group },
  };
}

function withEnv(
  toml: FlyToml,
  base: Record<string, string>,
  extra: Record<string, string>,
): Record<string, string> {
  const env = { ...base, ...extra };
  if (toml.primaryRegion) env.PRIMARY_REGION = toml.primaryRegion;
  return env;
}

/**
 * The Machine that runs `release_command` (flyctl's ToReleaseMachineConfig and
 * launchInputForReleaseCommand): its command, swap and [experimental] entrypoint, the file's
 * stop_config and [[files]], [deploy.release_command_vm] or else `largest` (the biggest guest among the
 * app's Machines) or shared-cpu-2x, the host dedication, and the release's metadata.
 */
export function releaseCommandConfig(
  toml: FlyToml,
  image: string,
  releaseVersion: number,
  largest?: MachineGuest,
  release: { releaseId?: string } = {},
): MachineConfig {
  const cmd = splitCommand(toml, toml.deploy.releaseCommand ?? '', '[deploy] release_command');
  const base = throwaway(RELEASE_COMMAND_GROUP);
  const config: MachineConfig = {
    image,
    init: { cmd, ...swapAndEntrypoint(toml) },
    ...base,
    env: withEnv(toml, toml.env, { RELEASE_COMMAND: '1', FLY_PROCESS_GROUP: RELEASE_COMMAND_GROUP }),
  };
  const stop = stopConfigFor(toml);
  if (stop) config.stop_config = stop;
  const files = filesFor(toml);
  if (files) config.files = files;
  const vm = toml.deploy.releaseCommandVm;
  const guest = vm
    ? guestFromVm(toml, vm, '[deploy.release_command_vm]', toml.hostDedicationId)
    : { ...(largest ?? guestPreset('shared-cpu-2x')) };
  if (toml.hostDedicationId) guest.host_dedication_id = toml.hostDedicationId;
  config.guest = guest;
  config.metadata = {
    ...base.metadata,
    ...(release.releaseId ? { [META.releaseId]: release.releaseId } : {}),
    [META.releaseVersion]: String(releaseVersion),
  };
  return config;
}

function swapAndEntrypoint(toml: FlyToml): Table {
  const out: Table = {};
  if (toml.swapSizeMb !== undefined) out.swap_size_mb = toml.swapSizeMb;
  if (toml.experimental?.entrypoint) out.entrypoint = toml.experimental.entrypoint;
  return out;
}

/** Whether any group has machine_checks: the deploy then spends one more wait on the tested Machine. */
export function hasMachineChecks(toml: FlyToml): boolean {
  return Object.keys(toml.processes).some((group) => machineChecksFor(toml, group).length > 0);
}

/** The machine_checks that gate a group (flyctl's runTestMachines): its services' (or unscoped ones') plus top-level. */
export function machineChecksFor(toml: FlyToml, group: string): Table[] {
  const services = toml.httpService ? [toml.httpService, ...toml.services] : toml.services;
  const scoped = services.filter((s) => {
    const processes = Array.isArray(s.processes) ? s.processes : [];
    return processes.length === 0 || processes.includes(group);
  });
  const list = (v: unknown) => (Array.isArray(v) ? (v as Table[]) : v ? [v as Table] : []);
  return [...scoped.flatMap((s) => list(s.machine_checks)), ...toml.machineChecks];
}

function stringArray(toml: FlyToml, value: unknown, where: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  throw bad(
    toml.file,
    `${where} must be an array of strings.`,
    `write ${where.split(' ').pop()} = ["curl", "-f", "http://$FLY_TEST_MACHINE_IP:8080/"].`,
  );
}

/** machine_checks kill_signal / kill_timeout, else the app's unless the check brings its own image. */
function testStopConfig(toml: FlyToml, check: Table): NonNullable<MachineConfig['stop_config']> {
  const ownImage = typeof check.image === 'string' && check.image !== '';
  const timeout =
    check.kill_timeout !== undefined
      ? flyDuration(check.kill_timeout, 1e-6)
      : ownImage
        ? undefined
        : toml.killTimeout && flyDuration(toml.killTimeout, 1000);
  const signal =
    typeof check.kill_signal === 'string' ? check.kill_signal : ownImage ? undefined : toml.killSignal;
  return { ...(timeout ? { timeout } : {}), ...(signal ? { signal } : {}) };
}

/**
 * A throwaway Machine for one machine_checks entry (flyctl's ToTestMachineConfig): the check's command in
 * its image (or the tested Machine's), the app's env with the tested Machine's env over it, and
 * FLY_TEST_MACHINE_IP set to the tested Machine's private address.
 */
export function testMachineConfig(
  toml: FlyToml,
  check: Table,
  tested?: Pick<Machine, 'config'> & { private_ip?: string },
): MachineConfig {
  const where = 'machine_checks';
  const command = stringArray(toml, check.command, `${where} command`);
  if (!command?.length)
    throw bad(
      toml.file,
      `${where} entry has no command.`,
      'add a `command` field to the [[services.machine_checks]] or [[http_service.machine_checks]] section.',
    );
  const image = (typeof check.image === 'string' && check.image) || tested?.config?.image;
  if (!image)
    throw bad(
      toml.file,
      `${where} entry has no image and there is no Machine to take it from.`,
      'add an `image` field to the machine_checks section.',
    );
  const entrypoint =
    toml.experimental?.entrypoint ??
    stringArray(toml, check.entrypoint, `${where} entrypoint`) ??
    tested?.config?.init?.entrypoint;
  const init: Table = { cmd: command };
  if (toml.swapSizeMb !== undefined) init.swap_size_mb = toml.swapSizeMb;
  if (entrypoint) init.entrypoint = entrypoint;
  return {
    image,
    init,
    ...throwaway(TEST_MACHINE_GROUP),
    env: withEnv(
      toml,
      { ...toml.env, ...tested?.config?.env },
      {
        FLY_TEST_COMMAND: '1',
        FLY_PROCESS_GROUP: TEST_MACHINE_GROUP,
        FLY_TEST_MACHINE_IP: tested?.private_ip ?? '',
      },
    ),
    stop_config: testStopConfig(toml, check),
  };
}
