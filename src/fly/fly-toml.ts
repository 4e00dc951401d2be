import { parse, TomlError } from 'smol-toml';
import { InputError } from '../core/errors.js';
import { goDurationMs } from './duration.js';

type Table = Record<string, unknown>;

export const STRATEGIES = ['rolling', 'bluegreen', 'canary', 'immediate'] as const;
export type Strategy = (typeof STRATEGIES)[number];

/** fly.toml, read and checked: the parts a deploy needs, in flyctl's terms, still close to the file. */
export interface FlyToml {
  file: string;
  app?: string;
  primaryRegion?: string;
  killSignal?: string;
  killTimeout?: string;
  buildImage?: string;
  deploy: {
    strategy?: Strategy;
    maxUnavailable?: number;
    waitTimeoutMs?: number;
    releaseCommand?: string;
    releaseCommandTimeoutMs?: number;
    releaseCommandVm?: { size?: string; memory?: string | number };
  };
  env: Record<string, string>;
  /** Process group name → command ('' for the image's CMD). Always at least one group. */
  processes: Record<string, string>;
  httpService?: Table;
  services: Table[];
  checks: Record<string, Table>;
  vms: Table[];
  restarts: Table[];
  mounts: Table[];
}

const SIGNALS = ['SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGKILL', 'SIGUSR1', 'SIGUSR2', 'SIGTERM'];

function bad(file: string, problem: string, fix: string): InputError {
  return new InputError('config', `${file}: ${problem}`, fix);
}

const isTable = (v: unknown): v is Table =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

function tableArray(file: string, root: Table, key: string): Table[] {
  const value = root[key];
  if (value === undefined) return [];
  if (isTable(value)) return [value];
  if (Array.isArray(value) && value.every(isTable)) return value as Table[];
  throw bad(
    file,
    `[${key}] must be a table or an array of tables ([[${key}]]).`,
    `write [[${key}]] sections.`,
  );
}

function optionalString(file: string, table: Table, key: string, where: string): string | undefined {
  const value = table[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string')
    throw bad(
      file,
      `${where}${key} must be a string, not ${JSON.stringify(value)}.`,
      `quote it: ${key} = "${String(value)}".`,
    );
  return value;
}

/** Parses fly.toml text. Every problem is an InputError on `config` naming the file and the key. */
export function parseFlyToml(text: string, file = 'fly.toml'): FlyToml {
  let root: Table;
  try {
    root = parse(text) as Table;
  } catch (error) {
    if (error instanceof TomlError) {
      const where = error.line ? ` (line ${error.line}, column ${error.column})` : '';
      throw bad(
        file,
        `is not valid TOML${where}: ${error.message.split('\n')[0].replace(/\.?$/, '.')}`,
        'fix the syntax; `fly config validate` shows the same error.',
      );
    }
    throw error;
  }

  const deployTable = root.deploy === undefined ? {} : root.deploy;
  if (!isTable(deployTable)) throw bad(file, '[deploy] must be a table.', 'write a [deploy] section.');
  const strategyText = optionalString(file, deployTable, 'strategy', '[deploy] ');
  let strategy: Strategy | undefined;
  if (strategyText !== undefined) {
    strategy = STRATEGIES.find((s) => s === strategyText.toLowerCase().replace(/[-_]/g, ''));
    if (!strategy)
      throw bad(
        file,
        `[deploy] strategy "${strategyText}" is not a Fly strategy.`,
        `use one of: ${STRATEGIES.join(', ')}.`,
      );
  }
  let maxUnavailable: number | undefined;
  if (deployTable.max_unavailable !== undefined) {
    maxUnavailable = Number(deployTable.max_unavailable);
    if (!Number.isFinite(maxUnavailable) || maxUnavailable <= 0) {
      throw bad(
        file,
        `[deploy] max_unavailable must be a number above 0, not ${JSON.stringify(deployTable.max_unavailable)}.`,
        'use a count (2) or a fraction (0.33).',
      );
    }
  }
  const durationOf = (key: string): number | undefined => {
    const value = deployTable[key];
    if (value === undefined) return undefined;
    const ms =
      typeof value === 'number' ? value : typeof value === 'string' ? goDurationMs(value) : undefined;
    if (ms === undefined)
      throw bad(file, `[deploy] ${key} "${String(value)}" is not a duration.`, 'write e.g. "5m".');
    return ms;
  };
  const releaseVm = deployTable.release_command_vm;
  if (releaseVm !== undefined && !isTable(releaseVm))
    throw bad(file, '[deploy.release_command_vm] must be a table.', 'write size = "shared-cpu-1x".');

  const envTable = root.env ?? {};
  if (!isTable(envTable))
    throw bad(file, '[env] must be a table of NAME = "value".', 'write [env] then NAME = "value" lines.');
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(envTable)) {
    if (name.toUpperCase().startsWith('FLY_'))
      throw bad(file, `[env] ${name}: names starting with FLY_ are reserved by Fly.`, 'rename the variable.');
    if (typeof value === 'object')
      throw bad(file, `[env] ${name} must be a string.`, `write ${name} = "value".`);
    env[name] = String(value);
  }

  const processesTable = root.processes ?? {};
  if (!isTable(processesTable))
    throw bad(
      file,
      '[processes] must be a table of name = "command".',
      'write [processes] then app = "command".',
    );
  const processes: Record<string, string> = {};
  for (const [name, command] of Object.entries(processesTable)) {
    if (!/^[a-z0-9_-]+$/i.test(name))
      throw bad(
        file,
        `[processes] name "${name}" may only use letters, digits, - and _.`,
        'rename the process group.',
      );
    if (typeof command !== 'string')
      throw bad(file, `[processes] ${name} must be a command string.`, `write ${name} = "command".`);
    processes[name] = command;
  }
  if (Object.keys(processes).length === 0) processes.app = '';

  const httpService = root.http_service;
  if (httpService !== undefined && !isTable(httpService))
    throw bad(file, '[http_service] must be a table.', 'write one [http_service] section.');
  if (
    httpService &&
    httpService.internal_port !== undefined &&
    !Number.isInteger(httpService.internal_port)
  ) {
    throw bad(
      file,
      `[http_service] internal_port must be a whole number, not ${JSON.stringify(httpService.internal_port)}.`,
      'write e.g. internal_port = 8080.',
    );
  }
  const services = tableArray(file, root, 'services');
  services.forEach((service, i) => {
    if (!Number.isInteger(service.internal_port)) {
      throw bad(
        file,
        `[[services]] #${i + 1} needs internal_port as a whole number.`,
        'write internal_port = 8080.',
      );
    }
  });
  const checksTable = root.checks ?? {};
  if (!isTable(checksTable))
    throw bad(file, '[checks] must be a table of named checks.', 'write [checks.name] sections.');
  const checks: Record<string, Table> = {};
  for (const [name, check] of Object.entries(checksTable)) {
    if (!isTable(check)) throw bad(file, `[checks.${name}] must be a table.`, 'give it type and port.');
    if (check.type !== 'tcp' && check.type !== 'http')
      throw bad(file, `[checks.${name}] type must be "tcp" or "http".`, 'set type = "http".');
    if (!Number.isInteger(check.port))
      throw bad(file, `[checks.${name}] needs port as a whole number.`, 'set port = 8080.');
    checks[name] = check;
  }

  const killSignal = optionalString(file, root, 'kill_signal', '');
  if (killSignal !== undefined && !SIGNALS.includes(killSignal.toUpperCase())) {
    throw bad(
      file,
      `kill_signal "${killSignal}" is not a signal Fly can send.`,
      `use one of ${SIGNALS.join(', ')}.`,
    );
  }
  let killTimeout: string | undefined;
  if (root.kill_timeout !== undefined) {
    const value = root.kill_timeout;
    // A bare number is seconds here (flyctl), unlike check durations.
    if (typeof value === 'number') killTimeout = `${value}s`;
    else if (typeof value === 'string' && goDurationMs(value) !== undefined) killTimeout = value;
    else throw bad(file, `kill_timeout "${String(value)}" is not a duration.`, 'write e.g. "30s".');
  }

  const build = root.build;
  if (build !== undefined && !isTable(build))
    throw bad(file, '[build] must be a table.', 'write a [build] section.');
  const app = optionalString(file, root, 'app', '');
  if (app !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(app))
    throw bad(
      file,
      `app "${app}" is not a valid Fly app name.`,
      'use lower-case letters, digits and dashes.',
    );

  return {
    file,
    app,
    primaryRegion: optionalString(file, root, 'primary_region', ''),
    killSignal: killSignal?.toUpperCase(),
    killTimeout,
    buildImage: build ? optionalString(file, build, 'image', '[build] ') : undefined,
    deploy: {
      strategy,
      maxUnavailable,
      waitTimeoutMs: durationOf('wait_timeout'),
      releaseCommand: optionalString(file, deployTable, 'release_command', '[deploy] '),
      releaseCommandTimeoutMs: durationOf('release_command_timeout'),
      releaseCommandVm: releaseVm as FlyToml['deploy']['releaseCommandVm'],
    },
    env,
    processes,
    httpService: httpService as Table | undefined,
    services,
    checks,
    vms: tableArray(file, root, 'vm'),
    restarts: tableArray(file, root, 'restart'),
    mounts: tableArray(file, root, 'mounts'),
  };
}
