import { formatDuration } from '../core/duration.js';
import type { FlyApi } from './client.js';
import { MachineFailure } from './health.js';

/**
 * States from which flyd boots a Machine after an update. From any other (a crash-looping Machine that
 * flyd gave up restarting is `stopped`) the update leaves the new version stopped (fly.md §1.5).
 */
const BOOTS_AFTER_UPDATE = new Set(['started', 'starting', 'restarting', 'created', 'failed']);

export function updateLeavesStopped(state: string | undefined): boolean {
  return !BOOTS_AFTER_UPDATE.has(state ?? '');
}

/**
 * A rollback restores a Machine that was serving before the deploy. When the failed release left it
 * stopped, the restore would stay stopped too: wait until the restored version has settled stopped, then
 * start it, so the health gate that follows sees the previous release running again.
 */
export async function startRestoredMachine(
  api: FlyApi,
  id: string,
  version: string | undefined,
  nonce: string | undefined,
  timeoutMs: number,
): Promise<void> {
  const stopped = await api.wait(id, 'stopped', { version, timeoutMs });
  if (!stopped.ok)
    throw new MachineFailure(
      id,
      `Machine ${id}: the restored version did not settle within ${formatDuration(timeoutMs)} (state ${stopped.state ?? 'unknown'}), so it could not be started.`,
    );
  await api.start(id, nonce);
}
