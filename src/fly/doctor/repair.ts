import { versionOf, type FlyApi } from '../client.js';
import { waitHealthy } from '../health.js';
import type { LeaseKeeper } from '../leases.js';
import { META, type Machine, type MachineConfig } from '../types.js';
import { covers, describeMachine, type Inspection } from './inspect.js';

export type DoctorDirection = 'finish' | 'revert';

export interface RepairContext {
  api: FlyApi;
  leases: LeaseKeeper;
  waitTimeoutMs: number;
  log: (line: string) => void;
}

export interface RepairStep {
  text: string;
  run: (ctx: RepairContext) => Promise<void>;
}

export interface RepairPlan {
  direction: DoctorDirection;
  steps: RepairStep[];
  /** Why the doctor will not act (a foreign lease, a finish that would lose Machines). */
  refused?: string;
}

const groupOf = (m: Machine) => m.config?.metadata?.[META.processGroup] ?? 'app';
const releaseOf = (m: Machine) => Number(m.config?.metadata?.[META.releaseVersion] ?? 0) || 0;
const running = (m: Machine) => ['started', 'starting'].includes(m.state);

/**
 * Finishing is the default only where it loses nothing and the new release already served: a blue-green
 * whose green Machines cover every blue slot and are all started and uncordoned. Anything else goes back
 * to the release that ran before, which is what the deploy's own rollback would have done.
 */
export function chooseDirection(ins: Inspection): DoctorDirection {
  const greensServe =
    ins.greens.length > 0 &&
    covers(ins.greens, ins.older) &&
    ins.greens.every((m) => m.state === 'started' && !m.cordoned);
  return greensServe ? 'finish' : 'revert';
}

export function planRepair(ins: Inspection, direction: DoctorDirection): RepairPlan {
  const steps: RepairStep[] = [];
  const plan: RepairPlan = { direction, steps };
  const foreign = ins.findings.find((f) => f.kind === 'foreign-lease');
  if (foreign) {
    plan.refused = `Machines ${foreign.machines.join(', ')} are leased by someone else; wait for them to finish (or clear the lease with \`fly machine leases clear <id> -a ${ins.app}\`) and run the doctor again`;
    return plan;
  }
  for (const [id, lease] of ins.leases) {
    steps.push({
      text: `clear Runway's stale lease on ${id} (${lease.description ?? 'runway'})`,
      run: ({ api }) => api.releaseLease(id, lease.nonce),
    });
  }
  for (const m of [...ins.canaries, ...ins.releaseCommands])
    steps.push(
      destroyStep(m, m.config?.metadata?.[META.canary] ? 'leftover canary' : 'leftover release_command'),
    );
  if (ins.greens.length) {
    if (direction === 'finish' && !covers(ins.greens, ins.older)) {
      plan.refused = `the unfinished blue-green created ${ins.greens.length} green Machine(s) for ${ins.older.length} blue; finishing would lose Machines, revert instead`;
      return plan;
    }
    if (direction === 'finish') {
      for (const m of ins.greens) steps.push(serveStep(m, 'green'));
      for (const m of ins.older) steps.push(destroyStep(m, 'blue, replaced by green'));
    } else {
      for (const m of ins.greens) steps.push(destroyStep(m, 'green of the abandoned release'));
      for (const m of ins.older) steps.push(restoreBlueStep(m));
    }
  } else if (ins.older.length) {
    steps.push(...inPlaceSteps(ins, direction));
  }
  // Machines a step above already leaves uncordoned: greens and blues, or the ones an in-place repair
  // moves. A Machine the in-place repair keeps as it is (killed mid-batch, cordoned) still needs it.
  const handled = new Set(
    (ins.greens.length ? [...ins.greens, ...ins.older] : movingInPlace(ins, direction)).map((m) => m.id),
  );
  for (const m of ins.fleet.filter((x) => x.cordoned && !handled.has(x.id)))
    steps.push({
      text: `uncordon ${m.id}`,
      run: async ({ api, leases }) => api.uncordon(m.id, await leases.acquire(m.id)),
    });
  return plan;
}

function destroyStep(m: Machine, why: string): RepairStep {
  return {
    text: `destroy ${describeMachine(m)}: ${why}`,
    run: async ({ api, leases }) => {
      await api.destroy(m.id, await leases.acquire(m.id));
      leases.forget(m.id);
    },
  };
}

/** A Machine of the kept release is made to serve: started if stopped, healthy, uncordoned. */
function serveStep(m: Machine, label: string): RepairStep {
  return {
    text: `make ${label} ${m.id} serve: start it if stopped, wait for its checks, uncordon`,
    run: async ({ api, leases, waitTimeoutMs, log }) => {
      const nonce = await leases.acquire(m.id);
      const since = Date.now();
      const current = await api.get(m.id);
      if (!running(current)) await api.start(m.id, nonce);
      await waitHealthy(api, m.id, {
        version: versionOf(current),
        config: current.config as MachineConfig,
        deadline: Date.now() + waitTimeoutMs,
        sinceMs: since,
        log,
      });
      if (current.cordoned) await api.uncordon(m.id, nonce);
    },
  };
}

/** A blue Machine of the release being kept: the safe_to_destroy mark removed, serving again if it had been. */
function restoreBlueStep(m: Machine): RepairStep {
  const marked = m.config?.metadata?.[META.bluegreenTag] === 'safe_to_destroy';
  return {
    text: `keep blue ${m.id}: ${marked ? 'remove its safe_to_destroy mark, ' : ''}${m.cordoned ? 'uncordon, ' : ''}${marked && !running(m) ? 'start it (the deploy stopped it), ' : ''}check it serves`,
    run: async (ctx) => {
      const nonce = await ctx.leases.acquire(m.id);
      if (marked) await ctx.api.deleteMetadata(m.id, META.bluegreenTag, nonce);
      if (marked && !running(m)) await serveStep(m, 'blue').run(ctx);
      else if (m.cordoned) await ctx.api.uncordon(m.id, nonce);
    },
  };
}

/**
 * An interrupted in-place rollout (rolling, canary, immediate): every Machine not on the target release
 * gets the target release's config for its process group (image and settings together), taken from a
 * Machine that runs it. Stopped Machines are updated without starting them.
 */
/** The release an in-place repair brings every Machine to: the newest (finish) or the one before it (revert). */
function inPlaceTarget(ins: Inspection, direction: DoctorDirection): number {
  return direction === 'finish' ? releaseOf(ins.newest[0]) : Math.max(...ins.older.map(releaseOf));
}

function movingInPlace(ins: Inspection, direction: DoctorDirection): Machine[] {
  if (!ins.older.length) return [];
  const targetRelease = inPlaceTarget(ins, direction);
  return ins.fleet.filter((m) => releaseOf(m) !== targetRelease);
}

function inPlaceSteps(ins: Inspection, direction: DoctorDirection): RepairStep[] {
  const targetRelease = inPlaceTarget(ins, direction);
  const target = ins.fleet.filter((m) => releaseOf(m) === targetRelease);
  const moving = movingInPlace(ins, direction);
  return moving.map((m) => {
    const source = target.find((t) => groupOf(t) === groupOf(m));
    return {
      text: `${direction === 'finish' ? 'update' : 'restore'} ${describeMachine(m)} to release v${targetRelease}${source ? ` (${source.config?.image})` : ''}`,
      run: async ({ api, leases, waitTimeoutMs, log }) => {
        if (!source?.config)
          throw new Error(`no Machine of group ${groupOf(m)} runs release v${targetRelease} to copy from`);
        const nonce = await leases.acquire(m.id);
        const current = await api.get(m.id);
        const warm = running(current);
        const since = Date.now();
        if (warm && !current.cordoned) await api.cordon(m.id, nonce);
        const updated = await api.update(
          m.id,
          {
            config: source.config,
            region: m.region,
            skip_launch: !warm,
            current_version: versionOf(current),
          },
          nonce,
          m.region,
        );
        if (warm) {
          await waitHealthy(api, m.id, {
            version: versionOf(updated),
            config: source.config,
            deadline: Date.now() + waitTimeoutMs,
            sinceMs: since,
            log,
          });
        }
        if (warm || current.cordoned) await api.uncordon(m.id, nonce);
      },
    };
  });
}
