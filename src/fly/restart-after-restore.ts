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
 * Starts a Machine whose update left it stopped, when it must run: a rollback restoring a Machine that
 * served before the deploy (the crashing release left it stopped), or a stopped Machine started to verify
 * the release. Waits until the new version has settled and starts it if it settled stopped, so the health gate that
 * follows sees it running.
 */
export async function startRestoredMachine(
  api: FlyApi,
  id: string,
  version: string | undefined,
  nonce: string | undefined,
  timeoutMs: number,
): Promise<void> {
  // Settled, not stopped: the proxy may have auto-started it meanwhile, and then it boots by itself.
  const settled = await api.wait(id, 'settled', { version, timeoutMs });
  if (!settled.ok)
    throw new MachineFailure(
      id,
      `Machine ${id}: the updated version did not settle within ${formatDuration(timeoutMs)} (state ${settled.state ?? 'unknown'}), so it could not be started.`,
    );
  if (settled.state !== 'stopped' && settled.state !== 'suspended') return;
  await api.start(id, nonce);
}
