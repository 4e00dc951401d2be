import type { Deployment } from '../deployment.js';
import { firstDeployCounts, inPool } from '../plan.js';
import { minRunningOf } from './rolling.js';

/** The first deploy of an app: create every group's Machines (two in the primary region for HA), gate them all. */
export async function firstDeploy(d: Deployment, groups: string[]): Promise<void> {
  const configured = d.o.toml.primaryRegion;
  const primary = configured && d.o.regions.includes(configured) ? configured : d.o.regions[0];
  const creations: { group: string; region: string }[] = [];
  for (const group of groups) {
    const serves = (d.configFor(group).services?.length ?? 0) > 0;
    const counts = firstDeployCounts(d.o.regions, primary, {
      ha: (d.o.ha ?? true) && serves,
      minRunning: minRunningOf(d, group),
    });
    for (const [region, count] of counts) for (let i = 0; i < count; i++) creations.push({ group, region });
  }
  d.mark(`first deploy: creating ${creations.length} Machine(s) in ${d.o.regions.join(', ')}`);
  await inPool(creations, 8, ({ group, region }) => d.launch(group, region, d.configFor(group)));
}
