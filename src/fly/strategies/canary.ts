import { versionOf } from '../client.js';
import type { Deployment } from '../deployment.js';
import { META, type Machine } from '../types.js';
import { rolling } from './rolling.js';

/**
 * Canary, as flyctl runs it: per group, one extra Machine on the new release, created without service
 * registration (it takes no traffic), gated, then destroyed; only then the rolling update. flyctl
 * refuses canary with volumes; here a group with a volume gets a canary on a new, empty scratch volume
 * (Fly cannot attach a volume to two Machines), deleted with it: it proves the release boots, never
 * touches the app's data, and the Machines then keep their own volumes through the rolling update.
 */
export async function canary(d: Deployment, groups: Map<string, Machine[]>): Promise<void> {
  for (const [group, machines] of groups) await canaryFor(d, group, machines);
  await rolling(d, groups);
}

async function canaryFor(d: Deployment, group: string, machines: Machine[]): Promise<void> {
  const region = machines[0]?.region ?? d.o.regions[0];
  const config = d.configFor(group, machines[0]?.config);
  // Its own (scratch) volume, never the one of the Machine whose config it copies.
  delete config.mounts;
  d.mark(`group ${group}: creating a canary Machine in ${region}`);
  const machine = await d.createMachine(group, region, config, {
    skipServiceRegistration: true,
    metadata: { [META.canary]: 'true' },
    scratchVolume: true,
  });
  d.report.role(machine.id, { action: 'canary' });
  await d.gate(machine.id, versionOf(machine), config, Date.now());
  d.mark(`canary ${machine.id} healthy; destroying it and rolling out`);
  await d.destroyCreated(machine.id);
  d.report.canaryPassed(machine.id);
  await d.dropScratch(machine.id);
}
