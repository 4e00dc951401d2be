import type { FlyToml } from '../fly-toml.js';
import { bad } from './problems.js';
import type { MachineConfig } from '../types.js';
import { flyDuration } from './durations.js';
import { appliesTo } from './groups.js';

type Init = NonNullable<MachineConfig['init']> & { swap_size_mb?: number };

const SPACE = ' \t\r\n';

/**
 * google/shlex's Split, which flyctl uses for `[processes]` and `release_command`: words split on
 * space, tab and newline; double quotes where a backslash escapes any character; single quotes where
 * nothing does; a `#` that starts a word comments out the rest of its line.
 */
export function shellSplit(command: string): string[] {
  const words: string[] = [];
  let current = '';
  let quote: '"' | "'" | undefined;
  let started = false;
  for (let i = 0; i < command.length; i++) {
    const ch = command[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      // After a final backslash the quote is still open, so the command is refused below.
      else if (ch === '\\' && quote === '"') current += command[++i];
      else current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      started = true;
    } else if (ch === '\\') {
      if (++i >= command.length) throw new Error(`nothing after the final \\ in command: ${command}`);
      current += command[i];
      started = true;
    } else if (SPACE.includes(ch)) {
      if (started) words.push(current);
      current = '';
      started = false;
    } else if (ch === '#' && !started) {
      const end = command.indexOf('\n', i);
      i = end === -1 ? command.length : end;
    } else {
      current += ch;
      started = true;
    }
  }
  if (quote) throw new Error(`unterminated ${quote} quote in command: ${command}`);
  if (started) words.push(current);
  return words;
}

/** A command string split as flyctl splits it, or a refusal naming where it came from. */
export function splitCommand(toml: FlyToml, command: string, where: string): string[] {
  try {
    return shellSplit(command);
  } catch (error) {
    throw bad(
      toml.file,
      `${where}: ${(error as Error).message}.`,
      'close the quote (or escape the last \\).',
    );
  }
}

function set<T extends object>(target: T, key: keyof T, value: unknown): void {
  if (value === undefined) delete target[key];
  else target[key] = value as T[keyof T];
}

/**
 * The Machine's init as flyctl sets it: the group's [processes] command, else [experimental] cmd; the
 * entrypoint and exec from [experimental] (cleared without it); swap_size_mb. Other init fields stay.
 */
export function initFor(toml: FlyToml, group: string, current: MachineConfig['init']): Init {
  const init: Init = { ...current };
  const command = toml.processes[group];
  let cmd = command ? splitCommand(toml, command, `[processes] ${group}`) : undefined;
  cmd ??= toml.experimental?.cmd;
  set(init, 'cmd', cmd);
  set(init, 'entrypoint', toml.experimental?.entrypoint);
  set(init, 'exec', toml.experimental?.exec);
  set(init, 'swap_size_mb', toml.swapSizeMb);
  return init;
}

/** kill_signal / kill_timeout as the Machine's stop_config (fly-go prints the timeout as a Go duration). */
export function stopConfigFor(toml: FlyToml): MachineConfig['stop_config'] {
  if (!toml.killSignal && !toml.killTimeout) return undefined;
  const stop: NonNullable<MachineConfig['stop_config']> = {};
  if (toml.killTimeout) stop.timeout = flyDuration(toml.killTimeout, 1000);
  if (toml.killSignal) stop.signal = toml.killSignal;
  return stop;
}

const POLICIES: Record<string, string> = { always: 'always', 'on-failure': 'on-failure', never: 'no' };

/** The group's [[restart]] (the last that applies wins, as in flyctl's loop), or none. */
export function restartFor(toml: FlyToml, group: string): MachineConfig['restart'] {
  let restart: MachineConfig['restart'];
  toml.restarts.forEach((entry, i) => {
    if (!appliesTo(toml, entry, group)) return;
    const policy = POLICIES[String(entry.policy)];
    if (!policy)
      throw bad(
        toml.file,
        `[[restart]] #${i + 1} policy ${JSON.stringify(entry.policy)} is not always, never or on-failure.`,
        'use one of those.',
      );
    restart = { policy };
    if (Number(entry.retries)) restart.max_retries = Number(entry.retries);
  });
  return restart;
}
