import { isWarm } from '../app-machines.js';
import type { Deployment } from '../deployment.js';
import { rollingBatches } from '../plan.js';
import { inPool } from '../../core/pool.js';
import type { Machine } from '../types.js';
import { verificationProbes } from '../fleet-state.js';

/** The largest `min_machines_running` of a group's services: a rollout never takes more down. */
export function minRunningOf(d: Deployment, group: string): number {
  return Math.max(0, ...(d.configFor(group).services?.map((s) => s.min_machines_running ?? 0) ?? [0]));
}

/**
 * Rolling, as flyctl runs it: process groups are independent and roll in parallel; each rolls in
 * batches sorted by id, a single spearhead first, updating every Machine in place.
 */
export async function rolling(d: Deployment, groups: Map<string, Machine[]>): Promise<void> {
  await Promise.all([...groups].map(([group, machines]) => rollGroup(d, group, machines)));
}

async function rollGroup(d: Deployment, group: string, machines: Machine[]): Promise<void> {
  const batches = rollingBatches(machines, {
    maxUnavailable: d.o.maxUnavailable,
    minRunning: minRunningOf(d, group),
    isWarm,
  });
  // A region of the group with every Machine stopped (auto-stopped) would otherwise take the new
  // release untested: one Machine there is started and gated so a bad release is still caught.
  const probes = verificationProbes(machines);
  if (probes.size)
    d.mark(
      `group ${group}: no running Machine in some region(s); starting ${[...probes].join(', ')} to check the release`,
    );
  for (const [i, batch] of batches.entries()) {
    d.mark(`group ${group}: batch ${i + 1}/${batches.length} (${batch.map((m) => m.id).join(', ')})`);
    await inPool(batch, batch.length, (m) => d.updateInPlace(m, group, { forceStart: probes.has(m.id) }));
  }
}
