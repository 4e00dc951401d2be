import { parse, TomlError } from 'smol-toml';
import { goDurationMs } from '../core/duration.js';
import { durationMs, flyDuration } from './config/durations.js';
import { goAtoi } from './config/go-atoi.js';
import { bad, isTable } from './config/problems.js';
import { refuseUnsupportedKeys } from './config/unsupported.js';
import { validateLikeFlyctl } from './config/validate.js';

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
  /** swap_size_mb: the Machine's swap, set on init as flyctl does. */
  swapSizeMb?: number;
  /** Top-level host_dedication_id (a [[vm]] may give its group another one). */
  hostDedicationId?: string;
  buildImage?: string;
  deploy: {
    strategy?: Strategy;
    maxUnavailable?: number;
    waitTimeoutMs?: number;
    releaseCommand?: string;
    releaseCommandTimeoutMs?: number;
    /** [deploy.release_command_vm]: a [[vm]]-shaped table (size, memory, cpus, cpu_kind, gpu_kind…). */
    releaseCommandVm?: Table;
  };
  env: Record<string, string>;
  /** Process group name → command ('' for the image's CMD). Always at least one group. */
  processes: Record<string, string>;
  httpService?: Table;
  services: Table[];
  checks: Record<string, Table>;
  /** [[vm]], [[compute]] and [[computes]] together, in flyctl's order (compute, computes, vm). */
  vms: Table[];
  restarts: Table[];
  mounts: Table[];
  statics: Table[];
  files: Table[];
  metrics: Table[];
  /** Top-level [[machine_checks]]; service ones stay on their service table. */
  machineChecks: Table[];
  experimental?: { cmd?: string[]; entrypoint?: string[]; exec?: string[]; machineConfig?: string };
  /** Top-level machine_config (inline JSON or a .json path); [experimental] machine_config wins. */
  machineConfig?: string;
}

const SIGNALS = ['SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGKILL', 'SIGUSR1', 'SIGUSR2', 'SIGTERM', 'SIGABRT'];

export { bad, isTable };

/** A section flyctl reads as a table or an array of tables, under any of its spellings, merged in order. */
function tableArray(file: string, root: Table, ...keys: string[]): Table[] {
  const out: Table[] = [];
  for (const key of keys) {
    const value = root[key];
    if (value === undefined) continue;
    if (isTable(value)) out.push(value);
    else if (Array.isArray(value) && value.every(isTable)) out.push(...(value as Table[]));
    else
      throw bad(
        file,
        `[${key}] must be a table or an array of tables ([[${key}]]).`,
        `write [[${key}]] sections.`,
      );
  }
  return out;
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

function parseToml(text: string, file: string): Table {
  try {
    return parse(text) as Table;
  } catch (error) {
    // smol-toml throws only TomlError (always with a line and column: its line count starts at 1); anything
    // else would be our bug and keeps its stack.
    // Stryker disable next-line ConditionalExpression: `true` is equivalent (nothing else is thrown); this also disables the killed `false`
    if (error instanceof TomlError) {
      throw bad(
        file,
        `is not valid TOML (line ${error.line}, column ${error.column}): ${error.message.split('\n')[0].replace(/\.?$/, '.')}`,
        'fix the syntax; `fly config validate` shows the same error.',
      );
    }
    throw error;
  }
}

function readStrategy(file: string, deployTable: Table): Strategy | undefined {
  const strategyText = optionalString(file, deployTable, 'strategy', '[deploy] ');
  if (strategyText === undefined) return undefined;
  // flyctl (appconfig validateDeploySection) takes the four names exactly as written, so Runway does too;
  // a near miss ("Blue-Green") is told its spelling.
  const strategy = STRATEGIES.find((s) => s === strategyText);
  if (strategy) return strategy;
  const meant = STRATEGIES.find((s) => s === strategyText.toLowerCase().replace(/[-_\s]/g, ''));
  throw bad(
    file,
    `[deploy] strategy "${strategyText}" is not a Fly strategy (flyctl refuses it too).`,
    meant ? `write strategy = "${meant}".` : `use one of: ${STRATEGIES.join(', ')}.`,
  );
}

function readDeploy(file: string, root: Table): FlyToml['deploy'] {
  const deployTable = root.deploy === undefined ? {} : root.deploy;
  if (!isTable(deployTable)) throw bad(file, '[deploy] must be a table.', 'write a [deploy] section.');
  // flyctl reads max_unavailable as a float64: a number, never text or a boolean (Number.isFinite does
  // not convert, so "2" and true fail it).
  const maxUnavailable = deployTable.max_unavailable;
  if (maxUnavailable !== undefined && !(Number.isFinite(maxUnavailable) && (maxUnavailable as number) > 0)) {
    throw bad(
      file,
      `[deploy] max_unavailable must be a number above 0, not ${JSON.stringify(maxUnavailable)}.`,
      'use a count (2) or a fraction (0.33), without quotes.',
    );
  }
  // fly-go's Duration: a Go duration string, or a bare number of nanoseconds (no patch gives these
  // keys another unit, as kill_timeout has).
  const durationOf = (key: string): number | undefined => {
    const value = deployTable[key];
    if (value === undefined) return undefined;
    const ms = durationMs(flyDuration(value, 1e-6));
    if (ms === undefined)
      throw bad(file, `[deploy] ${key} "${String(value)}" is not a duration.`, 'write e.g. "5m".');
    return ms;
  };
  const releaseVm = deployTable.release_command_vm;
  if (releaseVm !== undefined && !isTable(releaseVm))
    throw bad(file, '[deploy.release_command_vm] must be a table.', 'write size = "shared-cpu-1x".');
  return {
    strategy: readStrategy(file, deployTable),
    maxUnavailable: maxUnavailable as number | undefined,
    waitTimeoutMs: durationOf('wait_timeout'),
    releaseCommand: optionalString(file, deployTable, 'release_command', '[deploy] '),
    releaseCommandTimeoutMs: durationOf('release_command_timeout'),
    releaseCommandVm: releaseVm,
  };
}

/** [env] as a table, or flyctl's older array of tables; values print as Go's %v does. */
function readEnv(file: string, root: Table): Record<string, string> {
  const raw = root.env ?? {};
  const tables = Array.isArray(raw) && raw.every(isTable) ? (raw as Table[]) : [raw];
  const env: Record<string, string> = {};
  for (const envTable of tables) {
    if (!isTable(envTable))
      throw bad(file, '[env] must be a table of NAME = "value".', 'write [env] then NAME = "value" lines.');
    for (const [name, value] of Object.entries(envTable)) {
      if (name.toUpperCase().startsWith('FLY_'))
        throw bad(
          file,
          `[env] ${name}: names starting with FLY_ are reserved by Fly.`,
          'rename the variable.',
        );
      if (typeof value === 'object')
        throw bad(file, `[env] ${name} must be a string.`, `write ${name} = "value".`);
      env[name] = String(value);
    }
  }
  return env;
}

/** [processes] as name = "command", or the old [[processes]] name/command array. */
function readProcesses(file: string, root: Table): Record<string, string> {
  let raw = root.processes ?? {};
  if (Array.isArray(raw)) {
    raw = Object.fromEntries(
      raw
        .filter((p) => isTable(p) && p.name !== undefined)
        .map((p) => [String(p.name), String(p.command ?? '')]),
    );
  }
  if (!isTable(raw))
    throw bad(
      file,
      '[processes] must be a table of name = "command".',
      'write [processes] then app = "command".',
    );
  const processes: Record<string, string> = {};
  for (const [name, command] of Object.entries(raw)) {
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
  return processes;
}

function readHttpService(file: string, root: Table): Table | undefined {
  const httpService = root.http_service;
  if (httpService === undefined) return undefined;
  if (!isTable(httpService))
    throw bad(file, '[http_service] must be a table.', 'write one [http_service] section.');
  if (httpService.internal_port !== undefined && !Number.isInteger(httpService.internal_port)) {
    throw bad(
      file,
      `[http_service] internal_port must be a whole number, not ${JSON.stringify(httpService.internal_port)}.`,
      'write e.g. internal_port = 8080.',
    );
  }
  return httpService;
}

/** [[services]] with flyctl's patches: numeric strings for ports, and "soft,hard" concurrency strings. */
function readConcurrency(file: string, where: string, value: unknown): unknown {
  if (value === undefined || isTable(value)) return value;
  const match = typeof value === 'string' ? /^(-?\d+),(-?\d+)$/.exec(value) : null;
  if (!match)
    throw bad(
      file,
      `${where} concurrency ${JSON.stringify(value)} is neither a table nor the old "soft,hard" string.`,
      'write a [services.concurrency] table with type, soft_limit and hard_limit.',
    );
  return { type: 'requests', hard_limit: Number(match[2]), soft_limit: Number(match[1]) };
}

/** [[services]] with flyctl's patches: empty sections dropped, numeric strings for ports, old concurrency. */
function readServices(file: string, root: Table): Table[] {
  const services = tableArray(file, root, 'services').filter((service) => Object.keys(service).length > 0);
  return services.map((service, i) => {
    const where = `[[services]] #${i + 1}`;
    const out: Table = { ...service };
    // flyctl's patch (castToInt) reads a text port with Go's strconv.Atoi.
    const raw = service.internal_port;
    // Stryker disable next-line ConditionalExpression: a number passes the Atoi pattern as its own digits and keeps its value (`false` here is killed, and hidden with it)
    const port = typeof raw === 'string' ? goAtoi(raw) : raw;
    if (!Number.isInteger(port))
      throw bad(file, `${where} needs internal_port as a whole number.`, 'write internal_port = 8080.');
    out.internal_port = port;
    out.concurrency = readConcurrency(file, where, service.concurrency);
    if (out.concurrency === undefined) delete out.concurrency;
    return out;
  });
}

function readChecks(file: string, root: Table): Record<string, Table> {
  let raw = root.checks ?? {};
  if (Array.isArray(raw)) {
    raw = Object.fromEntries(
      raw.map((c) => {
        if (!isTable(c) || typeof c.name !== 'string')
          throw bad(file, '[[checks]] entries need a name.', 'write [checks.name] sections.');
        return [c.name, c];
      }),
    );
  }
  if (!isTable(raw))
    throw bad(file, '[checks] must be a table of named checks.', 'write [checks.name] sections.');
  const checks: Record<string, Table> = {};
  for (const [name, check] of Object.entries(raw)) {
    if (!isTable(check)) throw bad(file, `[checks.${name}] must be a table.`, 'give it type and port.');
    if (check.type !== 'tcp' && check.type !== 'http')
      throw bad(
        file,
        `[checks.${name}] type must be "tcp" or "http".`,
        // flyctl has no "machine" check type: a check run in its own Machine is a [[machine_checks]] entry.
        check.type === 'machine'
          ? 'a check that runs in its own Machine is a [[machine_checks]] entry: write [[machine_checks]] with command = ["…"] instead.'
          : 'set type = "http".',
      );
    if (check.port !== undefined && !Number.isInteger(check.port))
      throw bad(
        file,
        `[checks.${name}] port must be a whole number.`,
        'set port = 8080, or leave it out to use [http_service] internal_port.',
      );
    checks[name] = check;
  }
  return checks;
}

function readKill(
  file: string,
  root: Table,
  experimental: Table,
): Pick<FlyToml, 'killSignal' | 'killTimeout'> {
  const killSignal = optionalString(file, root, 'kill_signal', '');
  if (killSignal !== undefined && !SIGNALS.includes(killSignal.toUpperCase())) {
    throw bad(
      file,
      `kill_signal "${killSignal}" is not a signal Fly can send.`,
      `use one of ${SIGNALS.join(', ')}.`,
    );
  }
  // flyctl takes [experimental] kill_timeout when the top level has none; a bare number is seconds.
  const value = root.kill_timeout ?? experimental.kill_timeout;
  let killTimeout: string | undefined;
  if (value !== undefined) {
    if (typeof value === 'number') killTimeout = `${value}s`;
    else if (typeof value === 'string' && goDurationMs(value) !== undefined) killTimeout = value;
    else throw bad(file, `kill_timeout "${String(value)}" is not a duration.`, 'write e.g. "30s".');
  }
  return { killSignal: killSignal?.toUpperCase(), killTimeout };
}

function stringList(file: string, value: unknown, where: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  throw bad(
    file,
    `${where} must be a string or an array of strings.`,
    `write ${where.split(' ').pop()} = ["/bin/app", "arg"].`,
  );
}

function readExperimental(file: string, root: Table): { table: Table; value: FlyToml['experimental'] } {
  const table = root.experimental ?? {};
  if (!isTable(table)) throw bad(file, '[experimental] must be a table.', 'write an [experimental] section.');
  if (root.experimental === undefined) return { table, value: undefined };
  return {
    table,
    value: {
      cmd: stringList(file, table.cmd, '[experimental] cmd'),
      entrypoint: stringList(file, table.entrypoint, '[experimental] entrypoint'),
      exec: stringList(file, table.exec, '[experimental] exec'),
      machineConfig: optionalString(file, table, 'machine_config', '[experimental] '),
    },
  };
}

/** [metrics] / [[metric]], plus the old [experimental] metrics_port / metrics_path when neither is set. */
function readMetrics(file: string, root: Table, experimental: Table): Table[] {
  const metrics = tableArray(file, root, 'metric', 'metrics');
  if (metrics.length || (experimental.metrics_port === undefined && experimental.metrics_path === undefined))
    return metrics;
  const legacy: Table = {};
  if (experimental.metrics_port !== undefined) legacy.port = experimental.metrics_port;
  if (experimental.metrics_path !== undefined) legacy.path = experimental.metrics_path;
  return [legacy];
}

function readSwap(file: string, root: Table): number | undefined {
  const swap = root.swap_size_mb;
  if (swap === undefined) return undefined;
  if (!Number.isInteger(swap) || (swap as number) < 0)
    throw bad(
      file,
      `swap_size_mb must be a whole number of megabytes, not ${JSON.stringify(swap)}.`,
      'write e.g. swap_size_mb = 512.',
    );
  return swap as number;
}

function readApp(file: string, root: Table): string | undefined {
  const app = optionalString(file, root, 'app', '');
  if (app?.match(/^[a-z0-9][a-z0-9-]*$/) === null)
    throw bad(
      file,
      `app "${app}" is not a valid Fly app name.`,
      'use lower-case letters, digits and dashes.',
    );
  return app;
}

/** How many groups [processes] names (flyctl drops unnamed [[processes]] entries, as the old API sent them). */
function declaredGroups(processes: unknown): number {
  if (isTable(processes)) return Object.keys(processes).length;
  if (Array.isArray(processes)) return processes.filter((p) => isTable(p) && p.name !== undefined).length;
  return 0;
}

/** Parses fly.toml text. Every problem is an InputError on `config` naming the file and the key. */
export function parseFlyToml(text: string, file = 'fly.toml'): FlyToml {
  const root = parseToml(text, file);
  refuseUnsupportedKeys(file, root);
  const build = root.build;
  if (build !== undefined && !isTable(build))
    throw bad(file, '[build] must be a table.', 'write a [build] section.');
  const experimental = readExperimental(file, root);
  const toml: FlyToml = {
    file,
    app: readApp(file, root),
    primaryRegion: optionalString(file, root, 'primary_region', ''),
    ...readKill(file, root, experimental.table),
    swapSizeMb: readSwap(file, root),
    hostDedicationId: optionalString(file, root, 'host_dedication_id', '') || undefined,
    buildImage: build ? optionalString(file, build, 'image', '[build] ') : undefined,
    deploy: readDeploy(file, root),
    env: readEnv(file, root),
    processes: readProcesses(file, root),
    httpService: readHttpService(file, root),
    services: readServices(file, root),
    checks: readChecks(file, root),
    vms: tableArray(file, root, 'compute', 'computes', 'vm'),
    restarts: tableArray(file, root, 'restart'),
    mounts: tableArray(file, root, 'mount', 'mounts'),
    statics: tableArray(file, root, 'statics'),
    files: tableArray(file, root, 'files'),
    metrics: readMetrics(file, root, experimental.table),
    machineChecks: tableArray(file, root, 'machine_checks'),
    experimental: experimental.value,
    machineConfig: optionalString(file, root, 'machine_config', '') || undefined,
  };
  validateLikeFlyctl(toml, declaredGroups(root.processes));
  return toml;
}
