import type { Deployment } from '../deployment.js';
import type { Machine } from '../types.js';
import { mountFor } from '../volumes.js';
import { blueGreen } from './bluegreen.js';
import { canary } from './canary.js';
import { immediate } from './immediate.js';
import { rolling } from './rolling.js';

/** Rolls the new release over the app's existing Machines (grouped by process group) with the chosen strategy. */
export async function runStrategy(d: Deployment, groups: Map<string, Machine[]>): Promise<void> {
  switch (d.o.strategy) {
    case 'bluegreen':
      return blueGreenKeepingVolumes(d, groups);
    case 'canary':
      return canary(d, groups);
    case 'immediate':
      return immediate(d, groups);
    default:
      return rolling(d, groups);
  }
}

/**
 * Blue-green needs a second Machine beside each old one, and Fly cannot attach a volume to two Machines
 * (flyctl fails there). So a group with a volume is updated in place, rolling, each Machine keeping its
 * volume, and said so; the other groups go blue-green.
 */
async function blueGreenKeepingVolumes(d: Deployment, groups: Map<string, Machine[]>): Promise<void> {
  const withVolumes = new Map([...groups].filter(([group]) => mountFor(d.o.toml, group)));
  const without = new Map([...groups].filter(([group]) => !withVolumes.has(group)));
  if (withVolumes.size) {
    d.warn(
      `bluegreen: group(s) ${[...withVolumes.keys()].join(', ')} mount a volume, which Fly cannot attach to a green Machine beside the blue one; they are updated in place (rolling), each Machine keeping its volume.`,
    );
    await rolling(d, withVolumes);
  }
  if (without.size) await blueGreen(d, without);
}
