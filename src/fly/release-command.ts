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

/**
 * flyctl's release-command sequence: a throwaway Machine with the new image created stopped
 * (`skip_launch`), started (412 while it is still `created` is retried), waited on until it is
 * destroyed (`auto_destroy`), then its exit code read from the `exit` event. Nothing else has been
 * touched yet, so a non-zero exit simply stops the deploy.
 */
export async function runReleaseCommand(
  api: FlyApi,
  options: {
    config: MachineConfig;
    region: string;
    command: string;
    timeoutMs: number;
    waitTimeoutMs: number;
    minSecretsVersion?: number;
    launchId: string;
    log: (line: string) => void;
  },
): Promise<ReleaseCommandRun> {
  const started = Date.now();
  const config: MachineConfig = {
    ...options.config,
    metadata: { ...options.config.metadata, [META.launchId]: options.launchId },
  };
  const machine = await api.create(
    { config, region: options.region, skip_launch: true, min_secrets_version: options.minSecretsVersion },
    { key: META.launchId, id: options.launchId },
  );
  options.log(
    `release_command: Machine ${machine.id} created in ${options.region}, running \`${options.command}\``,
  );
  try {
    const ready = await api.wait(machine.id, 'stopped', {
      version: versionOf(machine),
      timeoutMs: options.waitTimeoutMs,
      missingOk: true,
    });
    if (!ready.ok && ready.timedOut)
      options.log(`release_command: ${machine.id} still ${ready.state ?? 'preparing'}; starting anyway`);
    await api.start(machine.id, machine.nonce);
    const done = await api.wait(machine.id, 'destroyed', { timeoutMs: options.timeoutMs, missingOk: true });
    if (!done.ok && done.timedOut) {
      throw new ReleaseCommandError(
        `release_command \`${options.command}\` did not finish within ${formatDuration(options.timeoutMs)}; the deploy was stopped before any app Machine changed.`,
        'make the command faster or raise [deploy] release_command_timeout.',
      );
    }
    const exitCode = await readExitCode(api, machine.id);
    if (exitCode === undefined) {
      throw new ReleaseCommandError(
        `release_command Machine ${machine.id} ended without an exit event; the deploy was stopped before any app Machine changed.`,
        'check `fly logs` for the release Machine.',
      );
    }
    const ms = Date.now() - started;
    if (exitCode !== 0) {
      throw new ReleaseCommandError(
        `release command failed - aborting deployment: \`${options.command}\` exited with non-zero status of ${exitCode}; no app Machine was changed.`,
        'fix the command or its environment (secrets) and deploy again; `fly logs -i ' +
          machine.id +
          '` shows its output.',
      );
    }
    return { machineId: machine.id, exitCode, ms };
  } finally {
    // auto_destroy normally removes it; after a timeout or error make sure it does not linger.
    await api.destroy(machine.id, machine.nonce).catch(() => undefined);
  }
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
