import { FlyError, ok, type Reply } from '../errors.js';
import { stringOf, type Json } from '../json.js';
import { regionProblem } from '../regions.js';
import type { RouteDef } from '../router.js';
import type { FlySimulator } from '../server.js';
import { appOf, type Call } from '../state.js';
import { volumeId, volumeJson, volumeNameProblem, type SimVolume } from '../volumes.js';

const V = '/apps/{app_name}/volumes';

function volumeOf(call: Call): SimVolume {
  const volume = appOf(call).volumes.get(call.params.volume_id);
  if (!volume || volume.state === 'destroyed')
    throw new FlyError(404, `volume ${call.params.volume_id} not found`);
  return volume;
}

function sizeOf(value: unknown, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1 || size > 500)
    throw new FlyError(400, `invalid size_gb ${JSON.stringify(value)}: a whole number of GB from 1 to 500`);
  return size;
}

function listVolumes(_sim: FlySimulator, call: Call): Reply {
  const live = [...appOf(call).volumes.values()].filter((v) => v.state !== 'destroyed');
  return ok(live.map(volumeJson));
}

function createVolume(sim: FlySimulator, call: Call): Reply {
  const body: Json = call.body;
  const name = stringOf(body.name);
  if (!name) throw new FlyError(400, 'name is required');
  const nameProblem = volumeNameProblem(name);
  if (nameProblem) throw new FlyError(400, nameProblem);
  const region = stringOf(body.region);
  if (!region) throw new FlyError(400, 'region is required');
  const problem = regionProblem(region);
  if (problem) throw new FlyError(400, problem);
  const id = volumeId();
  const volume: SimVolume = {
    id,
    name,
    region: region.toLowerCase(),
    zone: `${region.toLowerCase()}-${id.slice(-4)}`,
    sizeGb: sizeOf(body.size_gb, 1),
    state: 'created',
    encrypted: body.encrypted !== false,
    fstype: stringOf(body.fstype) ?? 'ext4',
    autoBackup: body.auto_backup_enabled !== false,
    snapshotRetention: Number.isInteger(body.snapshot_retention) ? Number(body.snapshot_retention) : 5,
    createdAt: new Date().toISOString(),
    dir: sim.disk.createVolume(id),
  };
  appOf(call).volumes.set(id, volume);
  return ok(volumeJson(volume));
}

function updateVolume(_sim: FlySimulator, call: Call): Reply {
  const volume = volumeOf(call);
  if (call.body.auto_backup_enabled !== undefined) {
    if (typeof call.body.auto_backup_enabled !== 'boolean')
      throw new FlyError(400, 'auto_backup_enabled must be a boolean');
    volume.autoBackup = call.body.auto_backup_enabled;
  }
  if (call.body.snapshot_retention !== undefined)
    volume.snapshotRetention = sizeOf(call.body.snapshot_retention, 5);
  return ok(volumeJson(volume));
}

/** Volumes only grow; a Machine using it sees the new size after a restart (`needs_restart`). */
function extendVolume(_sim: FlySimulator, call: Call): Reply {
  const volume = volumeOf(call);
  const size = sizeOf(call.body.size_gb, 0);
  if (size <= volume.sizeGb)
    throw new FlyError(400, `size_gb ${size} must be larger than the volume's current ${volume.sizeGb} GB`);
  volume.sizeGb = size;
  return ok({ needs_restart: volume.attachedMachineId !== undefined, volume: volumeJson(volume) });
}

/** A volume still attached to a Machine cannot be destroyed: its data would go with a running app. */
function destroyVolume(sim: FlySimulator, call: Call): Reply {
  const volume = volumeOf(call);
  if (volume.attachedMachineId)
    throw new FlyError(
      412,
      `failed_precondition: volume ${volume.id} is attached to machine ${volume.attachedMachineId}; destroy the machine first`,
    );
  volume.state = 'destroyed';
  sim.disk.deleteVolume(volume.dir);
  return ok(volumeJson(volume));
}

export const VOLUME_ROUTES: RouteDef[] = [
  { method: 'GET', path: V, limit: 'read', handler: listVolumes },
  { method: 'POST', path: V, limit: 'mutation', handler: createVolume },
  { method: 'GET', path: `${V}/{volume_id}`, limit: 'read', handler: (_s, c) => ok(volumeJson(volumeOf(c))) },
  { method: 'PUT', path: `${V}/{volume_id}`, limit: 'mutation', handler: updateVolume },
  { method: 'DELETE', path: `${V}/{volume_id}`, limit: 'mutation', handler: destroyVolume },
  { method: 'PUT', path: `${V}/{volume_id}/extend`, limit: 'mutation', handler: extendVolume },
];
