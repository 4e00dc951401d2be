import type { Deployment } from '../deployment.js';
import type { Machine } from '../types.js';
import { blueGreen } from './bluegreen.js';
import { canary } from './canary.js';
import { immediate } from './immediate.js';
import { rolling } from './rolling.js';

export { firstDeploy } from './first-deploy.js';

/** Rolls the new release over the app's existing Machines (grouped by process group) with the chosen strategy. */
export async function runStrategy(d: Deployment, groups: Map<string, Machine[]>): Promise<void> {
  switch (d.o.strategy) {
    case 'bluegreen':
      return blueGreen(d, groups);
    case 'canary':
      return canary(d, groups);
    case 'immediate':
      return immediate(d, groups);
    default:
      return rolling(d, groups);
  }
}
