import { inPool } from '../core/pool.js';
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
