import { FlyError, ok, type Reply } from '../errors.js';
import { leaseNonce } from '../ids.js';
import { stringOf } from '../json.js';
import type { SimMachine } from '../machine.js';
import { M, type RouteDef } from '../router.js';
import { machineOf, type Call } from '../state.js';

/** The Machine's lease if it has not expired (an expired one is dropped). */
export function activeLease(machine: SimMachine) {
  if (machine.lease && machine.lease.expiresAt <= Date.now()) machine.lease = undefined;
  return machine.lease;
}

function leaseHeld(machine: SimMachine): FlyError {
  const lease = machine.lease;
  const until = new Date(lease?.expiresAt ?? Date.now()).toISOString().replace(/\.\d+Z$/, 'Z');
  return new FlyError(
    409,
    `machine ID ${machine.id} lease currently held by ${lease?.owner}, expires at ${until}`,
  );
}

/** Mutations on a leased Machine need the lease's nonce (fly.md §1.4). */
export function requireLease(call: Call): void {
  const machine = machineOf(call);
  const lease = activeLease(machine);
  if (!lease) return;
  if (call.headers['fly-machine-lease-nonce'] === lease.nonce) return;
  throw leaseHeld(machine);
}

/** The live API wraps leases in `{status, data}` (the spec's flat Lease schema is wrong; fly.md §1.4). */
function leaseEnvelope(machine: SimMachine) {
  const lease = activeLease(machine);
  if (!lease) throw new FlyError(404, 'lease not found');
  return {
    status: 'success',
    data: {
      nonce: lease.nonce,
      expires_at: Math.floor(lease.expiresAt / 1000),
      owner: lease.owner,
      description: lease.description,
      version: lease.version,
    },
  };
}

function getLease(_sim: unknown, call: Call): Reply {
  return ok(leaseEnvelope(machineOf(call)));
}

function acquireLease(_sim: unknown, call: Call): Reply {
  const machine = machineOf(call);
  // flyctl sends `?ttl=N` and no body; the spec documents a JSON body. Both work.
  const rawTtl = call.query.get('ttl') ?? call.body.ttl;
  const ttl = rawTtl === undefined || rawTtl === null || rawTtl === '' ? 30 : Number(rawTtl);
  if (!Number.isFinite(ttl) || ttl <= 0)
    throw new FlyError(400, `invalid ttl "${String(rawTtl)}": seconds as a positive number`);
  const description = stringOf(call.body.description);
  const lease = activeLease(machine);
  if (lease) {
    if (call.headers['fly-machine-lease-nonce'] !== lease.nonce) throw leaseHeld(machine);
    lease.expiresAt = Date.now() + ttl * 1000;
    if (description !== undefined) lease.description = description;
    return ok(leaseEnvelope(machine), 201);
  }
  machine.lease = {
    nonce: leaseNonce(),
    owner: call.token.owner,
    description: description ?? '',
    expiresAt: Date.now() + ttl * 1000,
    version: machine.current.version,
  };
  return ok(leaseEnvelope(machine), 201);
}

function releaseLease(_sim: unknown, call: Call): Reply {
  const machine = machineOf(call);
  const nonce = call.headers['fly-machine-lease-nonce'];
  if (!nonce) throw new FlyError(400, 'fly-machine-lease-nonce header is required to release a lease');
  const lease = activeLease(machine);
  if (!lease) throw new FlyError(404, 'lease not found');
  if (lease.nonce !== nonce) throw leaseHeld(machine);
  machine.lease = undefined;
  return ok({ status: 'success', data: { ok: true } });
}

export const LEASE_ROUTES: RouteDef[] = [
  { method: 'GET', path: `${M}/lease`, limit: 'read', handler: getLease },
  { method: 'POST', path: `${M}/lease`, limit: 'mutation', handler: acquireLease },
  { method: 'DELETE', path: `${M}/lease`, limit: 'mutation', handler: releaseLease },
];
