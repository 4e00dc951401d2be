import type { FlyToml } from './fly-toml.js';
import { bad } from './config/problems.js';
import { topLevelCheck } from './config/checks.js';
import { durationMs } from './config/durations.js';
import { filesFor, metricsFor, staticsFor } from './config/extras.js';
import { machineConfigOverlay, mergeJson } from './config/machine-config-overlay.js';
import { appliesTo } from './config/groups.js';
import { guestForGroup, hostDedicationFor } from './config/guest.js';
import { initFor, restartFor, stopConfigFor } from './config/process.js';
import { httpServiceFor, serviceFor } from './config/services.js';
import { keepMountsOnUpdate, mountsFor } from './config/mounts.js';
import {
  META,
  PLATFORM_VERSION,
  type MachineCheck,
  type MachineConfig,
  type MachineService,
} from './types.js';
import { DEFAULT_VM_SIZE, guestPreset } from './vm-sizes.js';

export { guestPreset, parseMemoryMb, parseSizeGb, MACHINE_PRESETS } from './vm-sizes.js';
export { shellSplit } from './config/process.js';
export { mountChange, type MountChange } from './config/mounts.js';
export { volumeFor, volumeRequestFor } from './config/mounts.js';
export { releaseCommandConfig, testMachineConfig, machineChecksFor } from './config/special-machines.js';
export { defaultGroup } from './config/groups.js';

type Table = Record<string, unknown>;

/** Metadata only a deploy in flight sets; a finished Machine must not carry it into the next release. */
const TRANSIENT_METADATA: string[] = [
  META.bluegreenTag,
  META.bluegreenLaunchId,
  META.canary,
  META.launchId,
  'fly-managed-postgres',
];

function drop<T extends Table>(config: T, key: keyof T, value: unknown): void {
  if (value === undefined) delete config[key];
  else config[key] = value as T[keyof T];
}

function servicesFor(toml: FlyToml, group: string): MachineService[] | undefined {
  const services: MachineService[] = [];
  if (toml.httpService && appliesTo(toml, toml.httpService, group))
    services.push(httpServiceFor(toml, toml.httpService));
  toml.services.forEach((s, i) => {
    if (appliesTo(toml, s, group)) services.push(serviceFor(toml, s, i));
  });
  return services.length ? services : undefined;
}

function checksFor(toml: FlyToml, group: string): Record<string, MachineCheck> | undefined {
  const httpService =
    toml.httpService && appliesTo(toml, toml.httpService, group) ? toml.httpService : undefined;
  const entries = Object.entries(toml.checks).filter(([, table]) => appliesTo(toml, table, group));
  if (!entries.length) return undefined;
  return Object.fromEntries(
    entries.map(([name, table]) => [name, topLevelCheck(toml, name, table, group, httpService)]),
  );
}

function envFor(toml: FlyToml, group: string): Record<string, string> {
  const env: Record<string, string> = { ...toml.env, FLY_PROCESS_GROUP: group };
  if (toml.primaryRegion) env.PRIMARY_REGION = toml.primaryRegion;
  return env;
}

function checkGroup(toml: FlyToml, group: string): void {
  if (!(group in toml.processes))
    throw bad(
      toml.file,
      `process group "${group}" is not in [processes].`,
      `add ${group} = "command" to [processes].`,
    );
}

/**
 * flyctl's `ToMachineConfig(group, src)`: the Machine's current config (or nothing), machine_config laid
 * over it, then every field fly.toml manages set from the file — and cleared when the file has none.
 * What fly.toml does not manage (schedule, auto_destroy, dns, standbys, rootfs…) stays as it was. The
 * guest stays too unless a [[vm]] applies to the group. No image and no release data: see machineConfigFor.
 */
export function tomlToMachineConfig(toml: FlyToml, group: string, existing?: MachineConfig): MachineConfig {
  checkGroup(toml, group);
  const base = structuredClone(existing ?? {}) as Table;
  const overlay = machineConfigOverlay(toml);
  const config = (overlay ? mergeJson(base, overlay) : base) as MachineConfig;
  drop(config, 'metrics', metricsFor(toml, group));
  config.init = initFor(toml, group, config.init);
  config.metadata = {
    ...config.metadata,
    [META.platformVersion]: PLATFORM_VERSION,
    [META.processGroup]: group,
  };
  drop(config, 'services', servicesFor(toml, group));
  drop(config, 'checks', checksFor(toml, group));
  config.env = envFor(toml, group);
  drop(config, 'statics', staticsFor(toml));
  drop(config, 'mounts', mountsFor(toml, group));
  drop(config, 'stop_config', stopConfigFor(toml));
  drop(config, 'files', filesFor(toml));
  const guest = guestForGroup(toml, group);
  if (guest) config.guest = guest;
  drop(config, 'restart', restartFor(toml, group));
  return config;
}

export interface MachineConfigOptions {
  image: string;
  group: string;
  releaseVersion: number;
  /** The Machine's current config on an update: what fly.toml does not manage survives, as with flyctl. */
  existing?: MachineConfig;
  deployId?: string;
  /** The release's id (flyctl's `fly_release_id` metadata), when the deploy has one. */
  releaseId?: string;
}

/** flyctl's setMachineReleaseData plus Runway's deploy id: the release a Machine belongs to. */
function setReleaseData(config: MachineConfig, options: MachineConfigOptions): void {
  const metadata = { ...config.metadata };
  for (const key of TRANSIENT_METADATA) delete metadata[key];
  // A release id from an earlier deploy would misname this release: set it or leave none.
  if (options.releaseId) metadata[META.releaseId] = options.releaseId;
  else delete metadata[META.releaseId];
  metadata[META.releaseVersion] = String(options.releaseVersion);
  if (options.deployId) metadata[META.deployId] = options.deployId;
  config.metadata = metadata;
}

/**
 * The Machine config a deploy sends for one process group, created (no `existing`) or updated, as
 * flyctl's launchInputForLaunch / launchInputForUpdate build it: ToMachineConfig, the image, the release
 * data, shared-cpu-1x for a new Machine no [[vm]] sizes, the group's host dedication, and on an update
 * the Machine's own volume kept (see mountChange for when flyctl would replace the Machine instead).
 */
export function machineConfigFor(toml: FlyToml, options: MachineConfigOptions): MachineConfig {
  const { group, existing } = options;
  const config = tomlToMachineConfig(toml, group, existing);
  config.image = options.image;
  setReleaseData(config, options);
  config.guest ??= guestPreset(DEFAULT_VM_SIZE);
  const hostDedicationId = hostDedicationFor(toml, group);
  if (hostDedicationId && config.guest)
    config.guest = { ...config.guest, host_dedication_id: hostDedicationId };
  if (existing) {
    drop(
      config,
      'mounts',
      keepMountsOnUpdate(existing.mounts as Table[] | undefined, config.mounts as Table[] | undefined),
    );
    // A standby that now serves traffic is no longer a standby (flyctl clears the list).
    if (config.services?.length && Array.isArray(config.standbys)) delete config.standbys;
  }
  return config;
}

/** Every check the deploy's health gate counts: top-level checks plus each service's checks. */
function allChecks(config: MachineConfig): MachineCheck[] {
  const serviceChecks = config.services?.flatMap((s) => s.checks ?? []) ?? [];
  return [...Object.values(config.checks ?? {}), ...serviceChecks];
}

/** How many checks the deploy's health gate waits on (see allChecks). */
export function countChecks(config: MachineConfig): number {
  return allChecks(config).length;
}

/** The slowest check's grace period and interval, which bound how soon a new Machine can be healthy. */
export function checkTiming(config: MachineConfig): { graceMs: number; intervalMs: number } {
  let graceMs = 0;
  let intervalMs = 0;
  for (const check of allChecks(config)) {
    graceMs = Math.max(graceMs, durationMs(check.grace_period) ?? 0);
    intervalMs = Math.max(intervalMs, durationMs(check.interval) ?? 15_000);
  }
  return { graceMs, intervalMs };
}
