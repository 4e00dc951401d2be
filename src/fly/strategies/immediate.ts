import type { Deployment } from '../deployment.js';
import { inPool } from '../../core/pool.js';
import type { Machine } from '../types.js';
import { verificationProbes } from '../fleet-state.js';

/**
 * Every Machine at once, no batches and no spearhead. Unlike flyctl's immediate (which does not wait),
 * each Machine is still gated on start and health so a bad release is rolled back rather than left.
 */
export async function immediate(d: Deployment, groups: Map<string, Machine[]>): Promise<void> {
  const all = [...groups].flatMap(([group, machines]) => machines.map((m) => ({ m, group })));
  d.mark(`updating all ${all.length} Machine(s) at once (immediate)`);
  // Stopped Machines stay stopped, except one per group and region with none running (verificationProbes).
  const probes = new Set([...groups.values()].flatMap((machines) => [...verificationProbes(machines)]));
  await inPool(all, 16, ({ m, group }) => d.updateInPlace(m, group, { forceStart: probes.has(m.id) }));
}
