import { UserError } from '../core/errors.js';
import { formatDuration } from '../core/duration.js';
import { versionOf, type FlyApi } from './client.js';
import { exitCodeOf } from './health.js';
import type { Machine, MachineConfig, MachineEvent } from './types.js';
import { META } from './types.js';

export class ReleaseCommandError extends UserError {
  constructor(message: string, fix: string) {
    super(message, { fix });
    this.name = 'ReleaseCommandError';
  }
}

export interface ReleaseCommandRun {
  machineId: string;
  exitCode: number;
  ms: number;
}

export interface OneOffOptions {
  config: MachineConfig;
  region: string;
  /** How the command is named in messages, e.g. "release_command `bin/migrate`". */
  label: string;
  timeoutMs: number;
  waitTimeoutMs: number;
  minSecretsVersion?: number;
  launchId: string;
  log: (line: string) => void;
}

/**
 * flyctl's one-off Machine sequence (release_command, machine_checks): a throwaway Machine created stopped
 * (`skip_launch`), started (412 while it is still `created` is retried), waited on until it is destroyed
 * (`auto_destroy`), then its exit code read from the `exit` event. It never touches an app Machine, so
 * the caller decides what a non-zero exit means; a run that does not finish or leaves no exit code throws.
 */
export async function runOneOff(api: FlyApi, options: OneOffOptions): Promise<ReleaseCommandRun> {
  const started = Date.now();
  const config: MachineConfig = {
    ...options.config,
    metadata: { ...options.config.metadata, [META.launchId]: options.launchId },
  };
  const machine = await api.create(
    { config, region: options.region, skip_launch: true, min_secrets_version: options.minSecretsVersion },
    { key: META.launchId, id: options.launchId },
  );
  options.log(`${options.label}: Machine ${machine.id} created in ${options.region}`);
  try {
    const ready = await api.wait(machine.id, 'stopped', {
      version: versionOf(machine),
      timeoutMs: options.waitTimeoutMs,
      missingOk: true,
    });
    if (!ready.ok && ready.timedOut)
      options.log(`${options.label}: ${machine.id} still ${ready.state ?? 'preparing'}; starting anyway`);
    await api.start(machine.id, machine.nonce);
    const done = await api.wait(machine.id, 'destroyed', { timeoutMs: options.timeoutMs, missingOk: true });
    if (!done.ok && done.timedOut) {
      throw new ReleaseCommandError(
        `${options.label} did not finish within ${formatDuration(options.timeoutMs)}; the deploy was stopped before any app Machine changed.`,
        'make the command faster or raise [deploy] release_command_timeout.',
      );
    }
    const exitCode = await readExitCode(api, machine.id);
    if (exitCode === undefined) {
      throw new ReleaseCommandError(
        `${options.label}: Machine ${machine.id} ended without an exit event; the deploy was stopped before any app Machine changed.`,
        `check \`fly logs -i ${machine.id}\` for its output.`,
      );
    }
    return { machineId: machine.id, exitCode, ms: Date.now() - started };
  } finally {
    // auto_destroy normally removes it; after a timeout or error make sure it does not linger.
    await api.destroy(machine.id, machine.nonce).catch(() => undefined);
  }
}

/** `[deploy] release_command` in a one-off Machine; a non-zero exit stops the deploy before any change. */
export async function runReleaseCommand(
  api: FlyApi,
  options: Omit<OneOffOptions, 'label'> & { command: string },
): Promise<ReleaseCommandRun> {
  const run = await runOneOff(api, { ...options, label: `release_command \`${options.command}\`` });
  if (run.exitCode !== 0) {
    throw new ReleaseCommandError(
      `release command failed - aborting deployment: \`${options.command}\` exited with non-zero status of ${run.exitCode}; no app Machine was changed.`,
      'fix the command or its environment (secrets) and deploy again; `fly logs -i ' +
        run.machineId +
        '` shows its output.',
    );
  }
  return run;
}

async function readExitCode(api: FlyApi, id: string): Promise<number | undefined> {
  const fromEvents = (events: MachineEvent[] | undefined) => {
    const exits = (events ?? []).filter((e) => e.type === 'exit').sort((a, b) => b.timestamp - a.timestamp);
    return exits.length ? exitCodeOf(exits[0]) : undefined;
  };
  const direct = await api.find(id).catch(() => undefined);
  let code = fromEvents(direct?.events);
  if (code !== undefined) return code;
  code = fromEvents(await api.events(id).catch(() => []));
  if (code !== undefined) return code;
  const deleted: Machine[] = await api.list({ include_deleted: true }).catch(() => []);
  return fromEvents(deleted.find((m) => m.id === id)?.events);
}
