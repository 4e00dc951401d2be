import { sleep } from '../core/retry.js';
import { versionOf, type FlyApi } from './client.js';
import { checkTiming, countChecks } from './machine-config.js';
import type { Machine, MachineConfig, MachineEvent } from './types.js';

/** A Machine did not come up healthy on the new version: the deploy stops and (by default) rolls back. */
export class MachineFailure extends Error {
  constructor(
    readonly machineId: string,
    message: string,
  ) {
    super(message);
    this.name = 'MachineFailure';
  }
}

export function exitCodeOf(event: MachineEvent): number | undefined {
  return event.request?.MonitorEvent?.exit_event?.exit_code ?? event.request?.exit_event?.exit_code;
}

/**
 * The new version is crash-looping: flyctl's smoke check ("the app appears to be crashing") — a
 * non-zero exit since `sinceMs` that the platform is restarting for at least the second time, or that it
 * will not restart. A single restart after boot is tolerated, as flyctl does.
 */
export function crashSince(machine: Machine, sinceMs: number): MachineEvent | undefined {
  const exits = (machine.events ?? [])
    .filter(
      (e) =>
        e.type === 'exit' &&
        e.timestamp >= sinceMs &&
        (exitCodeOf(e) ?? 1) !== 0 &&
        !e.request?.exit_event?.requested_stop,
    )
    .sort((a, b) => b.timestamp - a.timestamp);
  const last = exits[0];
  if (!last) return undefined;
  const restarting =
    last.request?.exit_event?.restarting ?? last.request?.MonitorEvent?.exit_event?.restarting;
  if (restarting === false) return last;
  if ((last.request?.restart_count ?? 0) >= 1 || exits.length >= 2) return last;
  return undefined;
}

const DOWN_STATES = new Set(['stopped', 'failed', 'destroyed', 'destroying', 'suspended', 'replaced']);

export interface HealthOutcome {
  machine: Machine;
  /** e.g. "2/2 passing" or "no checks". */
  health: string;
}

/**
 * flyctl's per-Machine gate: `/wait` until `started` on the new version, then poll the Machine until
 * `checks` is non-empty and every one passes (an empty list right after boot is "not yet"), failing
 * fast when the new version exits non-zero; then confirm the Machine still runs the version we made,
 * because Fly can silently revert an update.
 */
export async function waitHealthy(
  api: FlyApi,
  id: string,
  options: {
    version?: string;
    config: MachineConfig;
    deadline: number;
    sinceMs: number;
    log?: (line: string) => void;
  },
): Promise<HealthOutcome> {
  const started = await api.wait(id, 'started', {
    version: options.version,
    timeoutMs: Math.max(1000, options.deadline - Date.now()),
    // Short long-polls, so a version Fly silently reverted (it reads `replaced`) is seen within
    // seconds rather than at the end of wait-timeout.
    sliceSeconds: 10,
  });
  if (!started.ok) {
    const machine = await api.find(id);
    const crash = machine && crashSince(machine, options.sinceMs);
    if (crash)
      throw new MachineFailure(id, `Machine ${id} crashed on boot (exit code ${exitCodeOf(crash) ?? '?'}).`);
    if (started.missing || !machine)
      throw new MachineFailure(id, `Machine ${id} disappeared while starting.`);
    // The new version never started because flyd reverted it: the old version may be running and
    // healthy, which must not read as a slow boot (and must never pass for a deploy).
    verifyVersion(machine, options.version, options.config.image);
    throw new MachineFailure(
      id,
      `Machine ${id} did not reach started within the wait timeout (state ${machine.state}).`,
    );
  }
  const expected = countChecks(options.config);
  const { graceMs, intervalMs } = checkTiming(options.config);
  // No check can pass inside its grace period (flyctl's blue-green sleeps it too): polling then only
  // spends the Machine's GET budget.
  if (expected > 0 && graceMs > 0)
    await sleep(Math.min(graceMs * 0.8, Math.max(0, options.deadline - Date.now())));
  const pollMs = Math.min(1000, Math.max(300, Math.round(intervalMs / 4)));
  let machine: Machine;
  for (;;) {
    machine = await api.get(id);
    const crash = crashSince(machine, options.sinceMs);
    if (crash)
      throw new MachineFailure(
        id,
        `Machine ${id} is crashing: the new version exited with code ${exitCodeOf(crash) ?? '?'}.`,
      );
    if (DOWN_STATES.has(machine.state))
      throw new MachineFailure(id, `Machine ${id} went ${machine.state} after starting.`);
    if (options.version && versionOf(machine) && versionOf(machine) !== options.version) break;
    const checks = (machine.checks ?? []).filter((c) => !c.name.startsWith('bg_deployments_compat'));
    if (expected === 0) break;
    if (checks.length > 0 && checks.every((c) => c.status === 'passing')) break;
    if (Date.now() >= options.deadline) {
      const failing = checks.filter((c) => c.status !== 'passing');
      const detail = checks.length
        ? failing
            .map((c) => `${c.name} ${c.status}${c.output ? ` (${c.output.slice(0, 80)})` : ''}`)
            .join(', ')
        : 'no check results yet';
      throw new MachineFailure(
        id,
        `Machine ${id} health checks did not pass within the wait timeout: ${detail}.`,
      );
    }
    await sleep(Math.min(pollMs, Math.max(0, options.deadline - Date.now())));
  }
  verifyVersion(machine, options.version, options.config.image);
  const passing = (machine.checks ?? []).filter((c) => c.status === 'passing').length;
  return {
    machine,
    health:
      expected === 0 ? 'no checks' : `${passing}/${Math.max(expected, machine.checks?.length ?? 0)} passing`,
  };
}

/** Fly can revert an update (failed pull) and the old version then passes checks: refuse to call that a deploy. */
export function verifyVersion(machine: Machine, version: string | undefined, image: string): void {
  const actual = versionOf(machine);
  if (version && actual && actual !== version) {
    throw new MachineFailure(
      machine.id,
      `Fly reverted Machine ${machine.id}: it runs version ${actual}, not the deployed ${version}.`,
    );
  }
  if (machine.config?.image && machine.config.image !== image) {
    throw new MachineFailure(
      machine.id,
      `Machine ${machine.id} runs image ${machine.config.image}, not the deployed ${image}.`,
    );
  }
}
