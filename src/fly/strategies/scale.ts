import { UserError, errorMessage } from '../../core/errors.js';
import { formatDuration } from '../../core/duration.js';
import { versionOf } from '../client.js';
import { groupOf, isWarm } from '../app-machines.js';
import type { Deployment } from '../deployment.js';
import { countsFor, describePlacement, planGroup, type GroupPlan } from '../placement.js';
import { firstDeployCounts } from '../plan.js';
import { inPool } from '../../core/pool.js';
import type { Machine } from '../types.js';
import { mountFor } from '../volumes.js';
import { minRunningOf } from './rolling.js';

/**
 * Where every process group's Machines should be after the deploy: the `count` input, else the
 * first-deploy layout for a group with none (new app or new process group, as flyctl creates them),
 * else one Machine for each listed region the group is not in yet. A serving group may not be planned
 * below its `min_machines_running`.
 */
export function planPlacement(d: Deployment, groups: Map<string, Machine[]>): GroupPlan[] {
  const configured = d.o.toml.primaryRegion;
  const primary = configured && d.o.regions.includes(configured) ? configured : d.o.regions[0];
  return Object.keys(d.o.toml.processes).map((group) => {
    const serves = (d.configFor(group).services?.length ?? 0) > 0;
    const minRunning = minRunningOf(d, group);
    const counts = d.o.counts && countsFor(d.o.counts, group);
    const plan = planGroup(group, groups.get(group) ?? [], {
      counts,
      regions: d.o.addRegions ? d.o.regions : [],
      firstLayout: () =>
        firstDeployCounts(d.o.regions, primary, {
          ha: (d.o.ha ?? true) && serves && !mountFor(d.o.toml, group),
          minRunning,
        }),
    });
    const total = [...plan.target.values()].reduce((a, b) => a + b, 0);
    if (counts && serves && total < minRunning)
      throw new UserError(
        `count leaves process group "${group}" with ${total} Machine(s), below its min_machines_running = ${minRunning}.`,
        {
          input: 'count',
          fix: `ask for at least ${minRunning}, or lower min_machines_running in ${d.o.toml.file}.`,
        },
      );
    return plan;
  });
}

/** Creates the Machines the plan adds, on the new release, each gated like any new Machine. */
export async function scaleUp(d: Deployment, plans: GroupPlan[], firstDeploy: boolean): Promise<void> {
  const creations = plans.flatMap((p) =>
    [...p.add].flatMap(([region, n]) => Array.from({ length: n }, () => ({ group: p.group, region }))),
  );
  if (!creations.length) return;
  const where = [...new Set(creations.map((c) => c.region))].join(', ');
  d.mark(
    firstDeploy
      ? `first deploy: creating ${creations.length} Machine(s) in ${where}`
      : `creating ${creations.length} Machine(s) (${plans
          .filter((p) => p.add.size)
          .map((p) => `${p.group}: ${describePlacement(p.add)}`)
          .join('; ')})`,
  );
  await inPool(creations, 8, ({ group, region }) => d.launch(group, region, d.configFor(group)));
}

/**
 * Removes the Machines the plan drops, after the new release is live: stopped ones first, each
 * cordoned, stopped and destroyed in turn so the proxy drains it and the group never has fewer running
 * Machines than its target. A failure here leaves the release running and is reported, not undone.
 */
export async function scaleDown(d: Deployment, plans: GroupPlan[]): Promise<void> {
  const doomed = plans.flatMap((p) => p.remove);
  if (!doomed.length) return;
  d.mark(
    `removing ${doomed.length} Machine(s) for count: ${doomed.map((m) => `${m.id} (${m.region})`).join(', ')}`,
  );
  for (const m of doomed) {
    try {
      await retire(d, m);
      d.report.scaledDown(m.id);
    } catch (error) {
      d.warn(
        `Machine ${m.id}: scaling down failed: ${errorMessage(error)}; remove it with \`fly machines destroy --force ${m.id} -a ${d.o.app}\``,
      );
    }
  }
}

async function retire(d: Deployment, m: Machine): Promise<void> {
  const nonce = await d.leases.acquire(m.id);
  const current = (await d.api.find(m.id)) ?? m;
  if (isWarm(current)) {
    await d.api.cordon(m.id, nonce);
    await d.api.stop(m.id, nonce, { signal: d.o.toml.killSignal ?? 'SIGINT', timeout: d.o.toml.killTimeout });
    const stopped = await d.api.wait(m.id, 'stopped', {
      version: versionOf(current),
      timeoutMs: d.o.waitTimeoutMs,
      missingOk: true,
    });
    if (!stopped.ok && stopped.timedOut)
      throw new Error(`did not stop within ${formatDuration(d.o.waitTimeoutMs)}`);
  }
  await d.api.destroy(m.id, nonce);
  d.leases.forget(m.id);
}

/** One entry per process group: where its Machines are, e.g. `app: sin×2, bom×1`. */
export function describeLayout(machines: Machine[]): string {
  const groups = new Map<string, Map<string, number>>();
  for (const m of machines) {
    const regions = groups.get(groupOf(m)) ?? new Map<string, number>();
    regions.set(m.region, (regions.get(m.region) ?? 0) + 1);
    groups.set(groupOf(m), regions);
  }
  return (
    [...groups].map(([group, regions]) => `${group}: ${describePlacement(regions)}`).join('; ') || 'none'
  );
}
