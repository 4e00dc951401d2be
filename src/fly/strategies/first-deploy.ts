import type { Deployment } from '../deployment.js';
import { firstDeployCounts, inPool } from '../plan.js';
import { mountFor } from '../volumes.js';
import { minRunningOf } from './rolling.js';

/**
 * The first deploy of an app: create every group's Machines, gate them all. A serving group gets two in
 * the primary region for HA, except a group with a volume, which gets one (as flyctl: a second Machine
 * would need, and write to, a second volume).
 */
export async function firstDeploy(d: Deployment, groups: string[]): Promise<void> {
  const configured = d.o.toml.primaryRegion;
  const primary = configured && d.o.regions.includes(configured) ? configured : d.o.regions[0];
  const creations: { group: string; region: string }[] = [];
  for (const group of groups) {
    const serves = (d.configFor(group).services?.length ?? 0) > 0;
    const counts = firstDeployCounts(d.o.regions, primary, {
      ha: (d.o.ha ?? true) && serves && !mountFor(d.o.toml, group),
      minRunning: minRunningOf(d, group),
    });
    for (const [region, count] of counts) for (let i = 0; i < count; i++) creations.push({ group, region });
  }
  d.mark(`first deploy: creating ${creations.length} Machine(s) in ${d.o.regions.join(', ')}`);
  await inPool(creations, 8, ({ group, region }) => d.launch(group, region, d.configFor(group)));
}
