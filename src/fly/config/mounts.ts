/**
 * [[mounts]]: the Machine mount fly.toml asks for, the volume a first deploy creates for it, and what an
 * update does to a Machine's volume — each decided as flyctl decides it.
 */
import type { FlyToml } from '../fly-toml.js';
import type { MachineGuest } from '../types.js';
import { DEFAULT_VM_SIZE, guestPreset, parseSizeGb } from '../vm-sizes.js';
import { appliesTo } from './groups.js';
import { guestForGroup } from './guest.js';
import { bad } from './problems.js';

type Mount = Record<string, unknown>;
type Table = Record<string, unknown>;

function sizeProblem(gb: number | undefined, min: number, max: number): string {
  if (gb === undefined) return 'not a size';
  return max === Infinity ? `smaller than ${min}GB` : `not from ${min}GB to ${max}GB`;
}

function sizeGb(
  toml: FlyToml,
  where: string,
  value: unknown,
  [min, max]: [number, number],
): number | undefined {
  if (value === undefined || value === '') return undefined;
  const gb = parseSizeGb(typeof value === 'number' ? String(value) : value);
  if (gb === undefined || gb < min || gb > max)
    throw bad(
      toml.file,
      `${where} ${JSON.stringify(value)} is ${sizeProblem(gb, min, max)}.`,
      'write e.g. "10gb".',
    );
  return gb;
}

/** Checks a [[mounts]] entry as flyctl's validateMounts does, so Fly never sees a size it would refuse. */
export function checkMount(toml: FlyToml, m: Table, where: string): Table {
  for (const key of ['source', 'destination'])
    if (typeof m[key] !== 'string' || !m[key])
      throw bad(toml.file, `${where} needs ${key}.`, 'write source = "data" and destination = "/data".');
  sizeGb(toml, `${where} initial_size`, m.initial_size, [1, Infinity]);
  const retention = m.snapshot_retention;
  if (
    retention !== undefined &&
    (!Number.isInteger(retention) || (retention as number) < 1 || (retention as number) > 60)
  )
    throw bad(
      toml.file,
      `${where} snapshot_retention must be 1 to 60 days, not ${JSON.stringify(retention)}.`,
      'set e.g. snapshot_retention = 5.',
    );
  const threshold = Number(m.auto_extend_size_threshold ?? 0);
  const increment =
    sizeGb(toml, `${where} auto_extend_size_increment`, m.auto_extend_size_increment, [1, 100]) ?? 0;
  const limit = sizeGb(toml, `${where} auto_extend_size_limit`, m.auto_extend_size_limit, [1, 500]) ?? 0;
  if (threshold || increment || limit) {
    if (!Number.isInteger(threshold) || threshold < 50 || threshold > 99 || !increment)
      throw bad(
        toml.file,
        `${where} auto-extend needs auto_extend_size_threshold from 50 to 99 and auto_extend_size_increment from 1GB to 100GB.`,
        'set all of auto_extend_size_threshold, auto_extend_size_increment (and optionally auto_extend_size_limit), or none.',
      );
  }
  const mount: Table = { path: m.destination, name: m.source };
  if (threshold) mount.extend_threshold_percent = threshold;
  if (increment) mount.add_size_gb = increment;
  if (limit) mount.size_gb_limit = limit;
  return mount;
}

/** The [[mounts]] entry for a group (at most one, as flyctl insists), as a Machine mount without a volume id. */
export function mountsFor(toml: FlyToml, group: string): Table[] | undefined {
  const entries = toml.mounts.map((m, i) => [m, i] as const).filter(([m]) => appliesTo(toml, m, group));
  if (entries.length > 1)
    throw bad(
      toml.file,
      `process group "${group}" has more than one [[mounts]] section.`,
      'give each group at most one volume (set processes on each [[mounts]]).',
    );
  // parseFlyToml's validateLikeFlyctl has checked every [[mounts]] in these words, so nothing throws here:
  // Stryker disable next-line StringLiteral,ArithmeticOperator: the place named is never shown
  return entries.length ? entries.map(([m, i]) => checkMount(toml, m, `[[mounts]] #${i + 1}`)) : undefined;
}

/** The one [[mounts]] entry of a group that mountsFor has found to have one. */
const mountEntry = (toml: FlyToml, group: string): Table =>
  toml.mounts.find((m) => appliesTo(toml, m, group))!;

/** The [[mounts]] settings for a group, with initial_size in GB, for whoever creates its volume. */
export function volumeFor(
  toml: FlyToml,
  group: string,
): { name: string; path: string; initialSizeGb?: number } | undefined {
  const mount = mountsFor(toml, group)?.[0];
  if (!mount) return undefined;
  // Read as text, as checkMount read it; a missing one reads "undefined", which is not a size.
  const initialSizeGb = parseSizeGb(String(mountEntry(toml, group).initial_size));
  return { name: String(mount.name), path: String(mount.path), ...(initialSizeGb ? { initialSizeGb } : {}) };
}

/** flyctl's volume sizes when [[mounts]] gives no initial_size (deploy/machines.go). */
const DEFAULT_VOLUME_GB = 1;
const DEFAULT_GPU_VOLUME_GB = 100;

/**
 * The Volumes API create body flyctl's first deploy sends for a group's [[mounts]] (deploy_first.go):
 * initial_size, else 100 GB for a GPU guest, else 1 GB; encrypted; placed for the group's guest and
 * image; snapshot_retention and scheduled_snapshots passed through. Undefined when the group has none.
 */
export function volumeRequestFor(
  toml: FlyToml,
  group: string,
  place: { region: string; image: string },
): Record<string, unknown> | undefined {
  const volume = volumeFor(toml, group);
  if (!volume) return undefined;
  const entry = mountEntry(toml, group);
  const guest: MachineGuest = guestForGroup(toml, group) ?? guestPreset(DEFAULT_VM_SIZE)!;
  const size = volume.initialSizeGb ?? (guest.gpu_kind ? DEFAULT_GPU_VOLUME_GB : DEFAULT_VOLUME_GB);
  return {
    name: volume.name,
    region: place.region,
    size_gb: size,
    encrypted: true,
    compute: guest,
    compute_image: place.image,
    ...(entry.snapshot_retention !== undefined ? { snapshot_retention: entry.snapshot_retention } : {}),
    ...(entry.scheduled_snapshots !== undefined ? { auto_backup_enabled: entry.scheduled_snapshots } : {}),
  };
}

/** What an update does to a Machine's volume, decided as flyctl's launchInputForUpdate decides it. */
export interface MountChange {
  /** The mounts to send: the Machine's own volume when it can stay, else fly.toml's (volume to be filled in). */
  mounts: Mount[] | undefined;
  /** flyctl would destroy this Machine and create a new one (a volume cannot be swapped in place). */
  replace: boolean;
  /** The volume name the replacement needs (an unattached one in the Machine's region, or a new one). */
  needsVolume?: string;
  /** Why, in words for the summary, when the mounts change at all. */
  reason?: string;
}

const AUTO_EXTEND = ['extend_threshold_percent', 'add_size_gb', 'size_gb_limit'] as const;

/** The Machine's mount with fly.toml's auto-extend settings (flyctl always applies the latest ones). */
function withAutoExtend(mount: Mount, from: Mount): Mount {
  const out: Mount = { ...mount };
  for (const key of AUTO_EXTEND) {
    if (from[key]) out[key] = from[key];
    else delete out[key];
  }
  return out;
}

/**
 * Compares a Machine's mounts with the ones fly.toml asks for (machineConfigFor's `mounts`):
 * same volume name keeps the volume (a new destination path is fine), an unnamed volume is kept, a
 * different name or a newly added [mounts] needs a replacement Machine with that volume, and a removed
 * [mounts] needs a replacement without one.
 */
export function mountChange(existing: Mount[] | undefined, fresh: Mount[] | undefined): MountChange {
  const old = existing?.[0];
  const wanted = fresh?.[0];
  if (!old) {
    if (!wanted) return { mounts: undefined, replace: false };
    return { mounts: fresh, replace: true, needsVolume: String(wanted.name), reason: '[mounts] was added' };
  }
  if (!wanted) return { mounts: undefined, replace: true, reason: '[mounts] was removed' };
  if (!old.name) return { mounts: [withAutoExtend(old, wanted)], replace: false };
  if (old.name !== wanted.name)
    return {
      mounts: [withAutoExtend(wanted, wanted)],
      replace: true,
      needsVolume: String(wanted.name),
      reason: `the Machine has volume "${String(old.name)}" but fly.toml mounts "${String(wanted.name)}"`,
    };
  if (old.path !== wanted.path)
    return {
      mounts: [withAutoExtend({ ...wanted, volume: old.volume }, wanted)],
      replace: false,
      reason: `the mount path changes from ${String(old.path)} to ${String(wanted.path)}`,
    };
  return { mounts: [withAutoExtend(old, wanted)], replace: false };
}

/**
 * The mounts an in-place update sends: mountChange's when the Machine can keep its volume, else the
 * Machine's current ones, so an update never detaches data; replacing the Machine is the deploy's call.
 */
export function keepMountsOnUpdate(
  existing: Mount[] | undefined,
  fresh: Mount[] | undefined,
): Mount[] | undefined {
  const change = mountChange(existing, fresh);
  return change.replace ? existing : change.mounts;
}
