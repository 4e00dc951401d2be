import { FlyError, ok, type Reply } from '../errors.js';
import { leaseNonce, machineId as newMachineId } from '../ids.js';
import { isObject, isPresent, objectOf, stringOf, type Json } from '../json.js';
import { SimMachine } from '../machine.js';
import { NEAREST_REGION, regionProblem } from '../regions.js';
import { M, type RouteDef } from '../router.js';
import type { FlySimulator } from '../server.js';
import { machineJson } from '../shapes.js';
import { appOf, machineOf, type Call } from '../state.js';
import { buildVersion } from '../validation.js';
import { checkMount, mountOf } from '../volumes.js';
import { requireLease } from './leases.js';

function listMachines(_sim: FlySimulator, call: Call): Reply {
  const q = call.query;
  const includeDeleted = q.get('include_deleted') === 'true';
  const region = q.get('region');
  const states = q
    .getAll('state')
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  const metadata = [...q.entries()]
    .filter(([k]) => k.startsWith('metadata.'))
    .map(([k, v]) => [k.slice(9), v] as const);
  const machines = [...appOf(call).machines.values()].filter((m) => {
    // Destroying Machines are still listed (flyctl filters them out itself); destroyed ones only on request.
    if (!includeDeleted && m.state === 'destroyed') return false;
    if (region && m.region !== region) return false;
    if (states.length && !states.includes(m.state)) return false;
    return metadata.every(([k, v]) => objectOf(m.config.metadata)[k] === v);
  });
  return ok(machines.map((m) => machineJson(m, { summary: q.get('summary') === 'true' })));
}

/** The requested region; without one, a Machine mounting a volume goes where its volume is. */
function regionOf(body: Json, call: Call): string {
  const mount = mountOf(isObject(body.config) ? body.config : {});
  const volumeRegion = mount && appOf(call).volumes.get(mount.volume)?.region;
  const region = body.region ?? volumeRegion ?? NEAREST_REGION;
  if (typeof region !== 'string') throw new FlyError(400, 'invalid region: must be a string');
  const problem = regionProblem(region);
  if (problem) throw new FlyError(400, problem);
  return region.toLowerCase();
}

function leaseTtlOf(body: Json): number | undefined {
  if (body.lease_ttl === undefined || body.lease_ttl === null) return undefined;
  const ttl = Number(body.lease_ttl);
  if (!Number.isFinite(ttl) || ttl <= 0)
    throw new FlyError(400, 'invalid lease_ttl: must be a positive number of seconds');
  return ttl;
}

function createMachine(sim: FlySimulator, call: Call): Reply {
  const app = appOf(call);
  const body = call.body;
  const region = regionOf(body, call);
  const leaseTtl = leaseTtlOf(body);
  const version = buildVersion(sim.registry, app, body);
  const id = newMachineId();
  const volume = checkMount(app.volumes, version.config, region);
  const name = stringOf(body.name) || `sim-${id.slice(0, 8)}`;
  const machine = new SimMachine(
    sim.machineContext(app),
    id,
    name,
    region,
    version,
    body.skip_service_registration === true,
  );
  app.machines.set(id, machine);
  if (volume) volume.attachedMachineId = id;
  let nonce: string | undefined;
  if (leaseTtl !== undefined) {
    nonce = leaseNonce();
    machine.lease = {
      nonce,
      owner: call.token.owner,
      description: '',
      expiresAt: Date.now() + leaseTtl * 1000,
      version: version.version,
    };
  }
  machine.create(body.skip_launch === true, sim.registry.firstPull(version.imageRef.digest) ? 1500 : 300);
  return ok({ ...machineJson(machine), ...(nonce ? { nonce } : {}) });
}

/** flyd refuses updates mid-transition, on a stale `current_version`, or moving a Machine between regions. */
function refuseUpdate(machine: SimMachine, body: Json): void {
  if (machine.state === 'replacing')
    throw new FlyError(
      409,
      'unable to update machine configuration: concurrent update in progress, wait for the machine to settle',
    );
  if (machine.state === 'destroying')
    throw new FlyError(412, "failed_precondition: unable to update machine from current state: 'destroying'");
  if (body.current_version && body.current_version !== machine.current.version) {
    throw new FlyError(
      412,
      `failed_precondition: machine version mismatch: current version is ${machine.current.version}, request expected ${String(body.current_version)}`,
    );
  }
  if (isPresent(body.region) && String(body.region).toLowerCase() !== machine.region) {
    const problem = regionProblem(String(body.region));
    if (problem) throw new FlyError(400, problem);
    throw new FlyError(
      400,
      `invalid region: a Machine cannot move from ${machine.region} to ${String(body.region)}; create a new Machine instead`,
    );
  }
}

/** flyd cannot swap or attach a volume on a live Machine: only the mount path may change. */
function keepVolume(machine: SimMachine, config: Json): void {
  const before = mountOf(machine.config)?.volume;
  const after = mountOf(config)?.volume;
  if (before === after) return;
  throw new FlyError(
    400,
    `invalid machine config: a Machine's volume cannot be changed (${before ?? 'none'} → ${after ?? 'none'}); create a new Machine instead`,
  );
}

function updateMachine(sim: FlySimulator, call: Call): Reply {
  const machine = machineOf(call);
  requireLease(call);
  const body = call.body;
  refuseUpdate(machine, body);
  const version = buildVersion(sim.registry, appOf(call), body);
  keepVolume(machine, version.config);
  const name = stringOf(body.name);
  if (name) machine.name = name;
  if (body.skip_service_registration === true) machine.cordoned = true;
  machine.update(
    version,
    body.skip_launch === true,
    sim.registry.firstPull(version.imageRef.digest) ? 1500 : 300,
    call.revertUpdate === true,
  );
  return ok(machineJson(machine));
}

function destroyMachine(_sim: FlySimulator, call: Call): Reply {
  const machine = machineOf(call);
  requireLease(call);
  // The spec names `force`; flyctl sends `kill` (fly.md §1.2). Both are honoured.
  const force = call.query.get('force') === 'true' || call.query.get('kill') === 'true';
  if (!force && ['started', 'starting', 'restarting', 'replacing', 'stopping'].includes(machine.state)) {
    throw new FlyError(409, 'unable to destroy machine, not currently stopped');
  }
  machine.destroy(force);
  return ok();
}

function listEvents(_sim: FlySimulator, call: Call): Reply {
  const raw = Number(call.query.get('limit') ?? 20);
  const limit = Number.isInteger(raw) && raw > 0 ? Math.min(raw, 50) : 20;
  return ok(machineOf(call).events.slice(0, limit));
}

function listVersions(_sim: FlySimulator, call: Call): Reply {
  return ok(
    [...machineOf(call).versions].reverse().map((v) => ({ version: v.version, user_config: v.config })),
  );
}

export const MACHINE_ROUTES: RouteDef[] = [
  { method: 'GET', path: '/apps/{app_name}/machines', limit: 'read', handler: listMachines },
  { method: 'POST', path: '/apps/{app_name}/machines', limit: 'mutation', handler: createMachine },
  { method: 'GET', path: M, limit: 'read', handler: (_s, c) => ok(machineJson(machineOf(c))) },
  { method: 'POST', path: M, limit: 'mutation', handler: updateMachine },
  { method: 'DELETE', path: M, limit: 'mutation', handler: destroyMachine },
  { method: 'GET', path: `${M}/events`, limit: 'read', handler: listEvents },
  { method: 'GET', path: `${M}/versions`, limit: 'read', handler: listVersions },
];
