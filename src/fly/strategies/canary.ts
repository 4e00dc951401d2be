import { versionOf } from '../client.js';
import type { Deployment } from '../deployment.js';
import { META, type Machine } from '../types.js';
import { rolling } from './rolling.js';

/**
 * Canary, as flyctl runs it: per group, one extra Machine on the new release, created without service
 * registration (it takes no traffic), gated, then destroyed; only then the rolling update. An app with
 * [[mounts]] never gets here: canary is refused before any call, as flyctl refuses it
 * (refuseCanaryWithMounts), since Fly attaches a volume to one Machine only.
 */
export async function canary(d: Deployment, groups: Map<string, Machine[]>): Promise<void> {
  for (const [group, machines] of groups) await canaryFor(d, group, machines);
  await rolling(d, groups);
}

async function canaryFor(d: Deployment, group: string, machines: Machine[]): Promise<void> {
  const region = machines[0]?.region ?? d.o.regions[0];
  const config = d.configFor(group, machines[0]?.config);
  d.mark(`group ${group}: creating a canary Machine in ${region}`);
  const machine = await d.createMachine(group, region, config, {
    skipServiceRegistration: true,
    metadata: { [META.canary]: 'true' },
  });
  d.report.role(machine.id, { action: 'canary' });
  await d.gate(machine.id, versionOf(machine), config, Date.now());
  d.mark(`canary ${machine.id} healthy; destroying it and rolling out`);
  await d.destroyCreated(machine.id);
  d.report.canaryPassed(machine.id);
}
