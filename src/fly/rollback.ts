import { errorMessage } from '../core/errors.js';
import type { DeployResult, DeployStatus } from './deploy-options.js';
import type { Deployment } from './deployment.js';
import { settleAll } from '../core/pool.js';

export interface Recovery {
  status: DeployStatus;
  rollbackFailure?: DeployResult['rollbackFailure'];
}

/**
 * After a failure: nothing touched is simply `failed`; with rollback off what changed is left and said;
 * otherwise the Machines this deploy created are destroyed and the changed ones restored, and whatever
 * could not be undone is handed to a human with the commands to run.
 */
export async function recover(
  d: Deployment,
  reason: string,
  context: { firstDeploy: boolean; previousImage?: string },
): Promise<Recovery> {
  const touched = d.changed.size + d.created.size;
  if (touched === 0) {
    d.mark(`stopped before changing anything: ${reason}`);
    return { status: 'failed' };
  }
  const why = reason.replace(/\.$/, '');
  if (!d.o.rollback) {
    d.mark(`failed: ${why}; rollback is off, so ${touched} Machine(s) were left as they are`);
    return { status: 'failed' };
  }
  d.mark(`failed: ${why}; rolling back`);
  const broken = [...(await destroyNewMachines(d, 'rolled back')), ...(await restoreChanged(d))];
  await tidyVolumes(d);
  if (broken.length) {
    const rollbackFailure = {
      message: `ROLLBACK FAILED for ${broken.length} Machine(s): ${broken.map((b) => `${b.id} (${errorMessage(b.error)})`).join('; ')}`,
      commands: manualCommands(
        d.o.app,
        context.previousImage,
        broken.map((b) => b.id),
      ),
    };
    d.mark(rollbackFailure.message);
    return { status: 'failed', rollbackFailure };
  }
  d.mark(
    context.firstDeploy
      ? 'rolled back: the new Machines were destroyed'
      : `rolled back: the app runs ${context.previousImage ?? 'the previous release'} again`,
  );
  return { status: 'rolled-back' };
}

/** Destroys every Machine this deploy created (green, canary, first-deploy, scale-up); returns what failed. */
async function destroyNewMachines(d: Deployment, reason: string): Promise<{ id: string; error: unknown }[]> {
  const machines = [...d.created.values()];
  const failures = await settleAll(machines, 8, async (m) => {
    await d.destroyCreated(m.id);
    d.report.destroyed(m.id, reason);
  });
  if (machines.length)
    d.mark(`destroyed ${machines.length - failures.length} of ${machines.length} new Machine(s) (${reason})`);
  return failures.map((f) => ({ id: f.item.id, error: f.error }));
}

/** Rolling/canary rollback: the previous config (and so the previous image) back on every changed Machine. */
async function restoreChanged(d: Deployment): Promise<{ id: string; error: unknown }[]> {
  const snapshots = [...d.changed.values()];
  if (!snapshots.length) return [];
  d.mark(`rolling back ${snapshots.length} Machine(s) to their previous image`);
  const failures = await settleAll(snapshots, 8, (snap) => d.restore(snap));
  return failures.map((f) => ({ id: f.item.machine.id, error: f.error }));
}

/**
 * Scratch volumes of destroyed canaries are deleted; volumes made for Machines that were rolled back are
 * left unattached (they may already hold data) and named, so the next deploy reuses them.
 */
async function tidyVolumes(d: Deployment): Promise<void> {
  for (const id of [...d.scratch.keys()]) {
    await d
      .dropScratch(id)
      .catch((error: unknown) =>
        d.warn(`could not delete a scratch volume (machine_checks): ${errorMessage(error)}`),
      );
  }
  const left = (d.volumes?.created ?? []).filter((v) => !d.scratchIds.has(v.id));
  if (left.length)
    d.warn(
      `volume(s) ${left.map((v) => `${v.id} (${v.name}, ${v.region})`).join(', ')} made for Machines that were rolled back are kept, unattached; the next deploy attaches them again (\`fly volumes destroy\` removes them).`,
    );
}

function manualCommands(app: string, previousImage: string | undefined, ids: string[]): string[] {
  const commands = ids.map((id) => `fly machine lease clear ${id} -a ${app}`);
  if (previousImage) {
    commands.push(`fly deploy -a ${app} --image ${previousImage} --strategy immediate`);
  } else {
    commands.push(...ids.map((id) => `fly machines destroy --force ${id} -a ${app}`));
  }
  commands.push(`fly status -a ${app}`);
  return commands;
}
