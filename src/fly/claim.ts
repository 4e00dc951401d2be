import { UserError } from '../core/errors.js';
import { inPool } from '../core/pool.js';
import { managedMachines } from './app-machines.js';
import type { Deployment } from './deployment.js';
import type { LeaseKeeper } from './leases.js';
import type { Machine } from './types.js';

/**
 * Leases every Machine a deploy will touch, before its first change (secrets, release_command, updates).
 * The lowest Machine id is leased alone first: two deploys racing on one app both ask for that lease
 * first, so exactly one gets it and the other stops there, instead of each winning half the fleet and
 * both giving up. The rest follow in parallel; one held by someone else (a person with flyctl) still
 * stops the deploy before it changes anything, and the caller releases what it took.
 */
export async function claimFleet(leases: LeaseKeeper, machines: Machine[]): Promise<void> {
  const [first, ...rest] = [...machines].sort((a, b) => a.id.localeCompare(b.id));
  if (!first) return;
  await leases.acquire(first.id);
  await inPool(rest, 16, (m) => leases.acquire(m.id));
}

/**
 * Fly has no lease on an app, only on Machines, so two first deploys of an empty app both see nothing to
 * lease. After creating its Machines a first deploy lists the app again: Machines it did not create mean a
 * rival created the same fleet, and this deploy gives way (its Machines are destroyed by the rollback, or
 * here when rollback is off), so the app never ends with two fleets. Of two deploys that overlap, the one
 * that lists first gives way; the other then finds the app as it created it and wins.
 */
export async function confirmSoleFirstDeploy(d: Deployment): Promise<void> {
  const rivals = managedMachines(await d.api.list()).filter((m) => !d.created.has(m.id));
  if (!rivals.length) return;
  const mine = d.created.size;
  if (!d.o.rollback)
    for (const id of [...d.created.keys()]) {
      await d.destroyCreated(id);
      d.report.destroyed(id, 'another deploy created the first fleet too');
    }
  throw new UserError(
    `another deploy created this app's first Machines at the same time (${rivals.map((m) => m.id).join(', ')}); this deploy gives way so the app keeps one fleet, and its ${mine} new Machine(s) are destroyed.`,
    { fix: 'run the deploy again once the other one has finished (it is no longer a first deploy then).' },
  );
}
