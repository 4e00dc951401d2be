import { META, PLATFORM_VERSION, RELEASE_COMMAND_GROUP, type Machine } from './types.js';

/** States a Machine passes through; an update sent then is refused as "concurrent update in progress". */
export const TRANSIENT = new Set([
  'creating',
  'starting',
  'stopping',
  'restarting',
  'suspending',
  'updating',
  'replacing',
  'launch_failed',
]);

/** A warm Machine serves (or is meant to): it is started, not left stopped, on update. */
export const isWarm = (m: Machine) => ['started', 'starting', 'failed'].includes(m.state);

export const isGone = (m: Machine) => ['destroyed', 'destroying'].includes(m.state);

export const groupOf = (m: Machine) =>
  m.config?.metadata?.[META.processGroup] ?? m.config?.metadata?.process_group ?? 'app';

/** `repo:tag` or `repo:tag@sha256:…` → `repo@sha256:…`, the form that pins exactly what ran. */
export function pinnedReference(image: string, digest: string | undefined): string {
  if (!digest) return image;
  const base = image.split('@')[0];
  const slash = base.lastIndexOf('/');
  const colon = base.lastIndexOf(':');
  const repo = colon > slash ? base.slice(0, colon) : base;
  return `${repo}@${digest}`;
}

export function imageOfMachine(m: Machine): string | undefined {
  const image = m.config?.image ?? m.incomplete_config?.image;
  if (!image) return undefined;
  return image.includes('@') ? image : pinnedReference(image, m.image_ref?.digest);
}

/** The Machines a flyctl deploy manages: Fly Launch (v2) app Machines, not release or console ones. */
export function managedMachines(all: Machine[]): Machine[] {
  return all.filter(
    (m) =>
      m.config?.metadata?.[META.platformVersion] === PLATFORM_VERSION &&
      !isGone(m) &&
      ![RELEASE_COMMAND_GROUP, 'fly_app_console', 'fly_app_test_machine_command'].includes(groupOf(m)) &&
      m.config?.metadata?.[META.canary] !== 'true',
  );
}

export function groupMachines(machines: Machine[]): Map<string, Machine[]> {
  const groups = new Map<string, Machine[]>();
  for (const m of machines) {
    const group = groupOf(m);
    groups.set(group, [...(groups.get(group) ?? []), m]);
  }
  return groups;
}

export function mostCommon(values: (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}
