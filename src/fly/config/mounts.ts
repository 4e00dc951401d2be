type Mount = Record<string, unknown>;

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
function withAutoExtend(mount: Mount, from: Mount | undefined): Mount {
  const out: Mount = { ...mount };
  for (const key of AUTO_EXTEND) {
    if (from?.[key]) out[key] = from[key];
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
