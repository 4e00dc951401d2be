import { randomBytes } from 'node:crypto';
import { FlyError } from './errors.js';
import type { Json } from './json.js';
import { isObject, objectsOf, stringOf } from './json.js';

/** A Fly volume: region-bound, attached to at most one Machine at a time, its bytes in a host directory. */
export interface SimVolume {
  id: string;
  name: string;
  region: string;
  zone: string;
  sizeGb: number;
  state: 'created' | 'destroyed';
  attachedMachineId?: string;
  encrypted: boolean;
  fstype: string;
  autoBackup: boolean;
  snapshotRetention: number;
  createdAt: string;
  /** Where its bytes live on the host. */
  dir: string;
}

export const volumeId = () => `vol_${randomBytes(8).toString('hex')}`;

/** Fly's volume name rule: lower-case letters, digits and underscores, at most 30 characters. */
export function volumeNameProblem(name: string): string | undefined {
  if (!/^[a-z0-9_]{1,30}$/.test(name))
    return `invalid volume name "${name}": lower-case letters, digits and underscores, 30 at most`;
  return undefined;
}

export function volumeJson(v: SimVolume) {
  const bytesTotal = v.sizeGb * 1024 ** 3;
  return {
    id: v.id,
    name: v.name,
    state: v.state,
    region: v.region,
    zone: v.zone,
    size_gb: v.sizeGb,
    encrypted: v.encrypted,
    fstype: v.fstype,
    type: 'local',
    host_status: 'ok',
    attached_machine_id: v.attachedMachineId ?? null,
    attached_alloc_id: v.attachedMachineId ?? null,
    auto_backup_enabled: v.autoBackup,
    snapshot_retention: v.snapshotRetention,
    block_size: 4096,
    blocks: bytesTotal / 4096,
    blocks_avail: bytesTotal / 4096,
    blocks_free: bytesTotal / 4096,
    bytes_total: bytesTotal,
    bytes_used: 0,
    created_at: v.createdAt,
  };
}

/** The one volume a Machine config mounts (flyd allows one), or undefined. */
export function mountOf(config: Json): { volume: string; path: string } | undefined {
  const mount = objectsOf(config.mounts)[0];
  if (!mount) return undefined;
  const volume = stringOf(mount.volume);
  const path = stringOf(mount.path);
  if (!volume || !path) return undefined;
  return { volume, path };
}

/**
 * Checks a Machine config's mount against the app's volumes the way flyd places a Machine: the volume
 * must exist, sit in the Machine's region and not be attached to another Machine.
 */
export function checkMount(
  volumes: Map<string, SimVolume>,
  config: Json,
  region: string,
  machineId?: string,
): SimVolume | undefined {
  if (!isObject(config)) return undefined;
  const mount = mountOf(config);
  if (!mount) return undefined;
  const volume = volumes.get(mount.volume);
  if (!volume || volume.state === 'destroyed') throw new FlyError(404, `volume ${mount.volume} not found`);
  if (volume.region !== region)
    throw new FlyError(
      412,
      `failed_precondition: volume ${volume.id} is in region ${volume.region}; a Machine in ${region} cannot mount it`,
    );
  if (volume.attachedMachineId && volume.attachedMachineId !== machineId)
    throw new FlyError(
      412,
      `failed_precondition: volume ${volume.id} is already attached to machine ${volume.attachedMachineId}`,
    );
  return volume;
}
