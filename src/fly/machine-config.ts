import { InputError } from '../core/errors.js';
import { checkDuration } from './duration.js';
import type { FlyToml } from './fly-toml.js';
import {
  META,
  PLATFORM_VERSION,
  type MachineCheck,
  type MachineConfig,
  type MachineGuest,
  type MachinePort,
  type MachineService,
} from './types.js';

type Table = Record<string, unknown>;

/** fly-go's MachinePresets: shared CPUs carry 256 MB each, performance CPUs 2048 MB each. */
export function guestPreset(size: string): MachineGuest | undefined {
  const match = /^(shared-cpu|performance)-(\d+)x$/.exec(size.trim().toLowerCase());
  if (!match) return undefined;
  const cpus = Number(match[2]);
  if (![1, 2, 4, 8, 16].includes(cpus) || (match[1] === 'shared-cpu' && cpus > 8)) return undefined;
  const shared = match[1] === 'shared-cpu';
  return { cpu_kind: shared ? 'shared' : 'performance', cpus, memory_mb: cpus * (shared ? 256 : 2048) };
}

/** `"256mb"`, `"1gb"`, `"2 GB"`, `512` or `"512"` → megabytes. */
export function parseMemoryMb(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = /^(\d+(?:\.\d+)?)\s*(mb|gb|m|g)?$/i.exec(value.trim());
  if (!match) return undefined;
  const n = Number(match[1]) * (/^g/i.test(match[2] ?? '') ? 1024 : 1);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** Shell-style word splitting for `[processes]` and `release_command` (quotes and backslashes). */
export function shellSplit(command: string): string[] {
  const words: string[] = [];
  let current = '';
  let quote: '"' | "'" | undefined;
  let started = false;
  for (let i = 0; i < command.length; i++) {
    const ch = command[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"' && i + 1 < command.length) current += command[++i];
      else current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      started = true;
    } else if (ch === '\\' && i + 1 < command.length) {
      current += command[++i];
      started = true;
    } else if (/\s/.test(ch)) {
      if (started) words.push(current);
      current = '';
      started = false;
    } else {
      current += ch;
      started = true;
    }
  }
  if (quote) throw new Error(`unterminated ${quote} quote in command: ${command}`);
  if (started) words.push(current);
  return words;
}

function bad(toml: FlyToml, problem: string, fix: string): InputError {
  return new InputError('config', `${toml.file}: ${problem}`, fix);
}

function appliesTo(table: Table, group: string): boolean {
  const processes = table.processes;
  if (processes === undefined) return true;
  return Array.isArray(processes) && (processes.length === 0 || processes.includes(group));
}

function headersOf(value: unknown): MachineCheck['headers'] {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) {
    return value.map((h) => {
      const t = h as Table;
      const values = t.values ?? t.value;
      return { name: String(t.name), values: Array.isArray(values) ? values.map(String) : [String(values)] };
    });
  }
  return Object.entries(value as Table).map(([name, v]) => ({
    name,
    values: Array.isArray(v) ? v.map(String) : [String(v)],
  }));
}

function checkFrom(toml: FlyToml, where: string, table: Table, type: string, port?: number): MachineCheck {
  const check: MachineCheck = { type };
  if (port !== undefined) check.port = port;
  for (const key of ['interval', 'timeout', 'grace_period'] as const) {
    if (table[key] === undefined) continue;
    const duration = checkDuration(table[key]);
    if (duration === undefined)
      throw bad(
        toml,
        `${where} ${key} ${JSON.stringify(table[key])} is not a duration.`,
        'write e.g. "10s" (a bare number is milliseconds).',
      );
    check[key] = duration;
  }
  if (type === 'http') {
    check.method = typeof table.method === 'string' ? table.method.toLowerCase() : 'get';
    check.path = typeof table.path === 'string' ? table.path : '/';
    check.protocol = typeof table.protocol === 'string' ? table.protocol : 'http';
    if (table.tls_skip_verify !== undefined) check.tls_skip_verify = Boolean(table.tls_skip_verify);
    if (typeof table.tls_server_name === 'string') check.tls_server_name = table.tls_server_name;
    const headers = headersOf(table.headers);
    if (headers?.length) check.headers = headers;
  }
  if (typeof table.kind === 'string') check.kind = table.kind;
  return check;
}

function autostopOf(toml: FlyToml, where: string, value: unknown): boolean | string | undefined {
  if (value === undefined) return undefined;
  if (value === true || value === 'stop') return true;
  if (value === false || value === 'off') return false;
  if (value === 'suspend') return 'suspend';
  throw bad(
    toml,
    `${where} auto_stop_machines ${JSON.stringify(value)} is not off, stop or suspend.`,
    'use "off", "stop" or "suspend".',
  );
}

function concurrencyOf(value: unknown): MachineService['concurrency'] {
  if (value === undefined) return undefined;
  const t = value as Table;
  return {
    type: typeof t.type === 'string' ? t.type : 'connections',
    ...(t.soft_limit !== undefined ? { soft_limit: Number(t.soft_limit) } : {}),
    ...(t.hard_limit !== undefined ? { hard_limit: Number(t.hard_limit) } : {}),
  };
}

/** `[http_service]` expands to port 80 (http, force_https) and 443 (tls + http), as flyctl does. */
function httpServiceFor(toml: FlyToml, table: Table): MachineService {
  const internalPort = (table.internal_port as number | undefined) ?? 8080;
  const forceHttps = Boolean(table.force_https);
  const service: MachineService = {
    protocol: 'tcp',
    internal_port: internalPort,
    ports: [
      { port: 80, handlers: ['http'], ...(forceHttps ? { force_https: true } : {}) },
      { port: 443, handlers: ['tls', 'http'] },
    ],
    autostart: table.auto_start_machines === undefined ? true : Boolean(table.auto_start_machines),
    min_machines_running: table.min_machines_running === undefined ? 0 : Number(table.min_machines_running),
  };
  const autostop = autostopOf(toml, '[http_service]', table.auto_stop_machines);
  if (autostop !== undefined) service.autostop = autostop;
  const concurrency = concurrencyOf(table.concurrency);
  if (concurrency) service.concurrency = concurrency;
  const checks = (Array.isArray(table.checks) ? table.checks : table.checks ? [table.checks] : []) as Table[];
  if (checks.length)
    service.checks = checks.map((c, i) => checkFrom(toml, `[[http_service.checks]] #${i + 1}`, c, 'http'));
  return service;
}

function servicesFor(toml: FlyToml, table: Table, index: number): MachineService {
  const where = `[[services]] #${index + 1}`;
  const ports = (Array.isArray(table.ports) ? table.ports : []) as Table[];
  const service: MachineService = {
    protocol: typeof table.protocol === 'string' ? table.protocol : 'tcp',
    internal_port: table.internal_port as number,
    ports: ports.map((p): MachinePort => {
      const port: MachinePort = {};
      if (p.port !== undefined) port.port = Number(p.port);
      if (p.start_port !== undefined) port.start_port = Number(p.start_port);
      if (p.end_port !== undefined) port.end_port = Number(p.end_port);
      if (Array.isArray(p.handlers)) port.handlers = p.handlers.map(String);
      if (p.force_https !== undefined) port.force_https = Boolean(p.force_https);
      if (p.tls_options) port.tls_options = p.tls_options as Table;
      if (p.http_options) port.http_options = p.http_options as Table;
      if (p.proxy_proto_options) port.proxy_proto_options = p.proxy_proto_options as Table;
      return port;
    }),
    autostart: table.auto_start_machines === undefined ? true : Boolean(table.auto_start_machines),
    min_machines_running: table.min_machines_running === undefined ? 0 : Number(table.min_machines_running),
  };
  const autostop = autostopOf(toml, where, table.auto_stop_machines);
  if (autostop !== undefined) service.autostop = autostop;
  const concurrency = concurrencyOf(table.concurrency);
  if (concurrency) service.concurrency = concurrency;
  const list = (key: string) =>
    (Array.isArray(table[key]) ? table[key] : table[key] ? [table[key]] : []) as Table[];
  const checks = [
    ...list('tcp_checks').map((c, i) => checkFrom(toml, `${where} tcp_checks #${i + 1}`, c, 'tcp')),
    ...list('http_checks').map((c, i) => checkFrom(toml, `${where} http_checks #${i + 1}`, c, 'http')),
  ];
  if (checks.length) service.checks = checks;
  return service;
}

function guestFor(toml: FlyToml, group: string): MachineGuest | undefined {
  const vm = toml.vms.find((v) => appliesTo(v, group));
  if (!vm) return undefined;
  const size = typeof vm.size === 'string' ? vm.size : undefined;
  const preset = size ? guestPreset(size) : { cpu_kind: 'shared', cpus: 1, memory_mb: 256 };
  if (!preset)
    throw bad(
      toml,
      `[[vm]] size "${size}" is not a Fly preset.`,
      'use e.g. shared-cpu-1x, shared-cpu-2x or performance-1x.',
    );
  const guest: MachineGuest = { ...preset };
  if (vm.cpu_kind !== undefined) {
    if (vm.cpu_kind !== 'shared' && vm.cpu_kind !== 'performance')
      throw bad(
        toml,
        `[[vm]] cpu_kind "${String(vm.cpu_kind)}" is not shared or performance.`,
        'use "shared" or "performance".',
      );
    guest.cpu_kind = vm.cpu_kind;
  }
  if (vm.cpus !== undefined) guest.cpus = Number(vm.cpus);
  const memory = vm.memory ?? vm.memory_mb;
  if (memory !== undefined) {
    const mb = parseMemoryMb(memory);
    if (mb === undefined)
      throw bad(
        toml,
        `[[vm]] memory ${JSON.stringify(memory)} is not a size.`,
        'write e.g. "256mb" or "1gb".',
      );
    guest.memory_mb = mb;
  }
  const perCpu = (guest.memory_mb ?? 0) / (guest.cpus ?? 1);
  const [min, max] = guest.cpu_kind === 'performance' ? [2048, 8192] : [256, 2048];
  if (perCpu < min || perCpu > max) {
    throw bad(
      toml,
      `[[vm]] ${guest.memory_mb} MB on ${guest.cpus} ${guest.cpu_kind} CPU(s) is outside Fly's ${min}–${max} MB per CPU.`,
      'change memory or cpus.',
    );
  }
  if (vm.persist_rootfs !== undefined) guest.persist_rootfs = String(vm.persist_rootfs);
  return guest;
}

export interface MachineConfigOptions {
  image: string;
  group: string;
  releaseVersion: number;
  /** The Machine's current config on an update: mounts and a `fly scale vm` size survive, as with flyctl. */
  existing?: MachineConfig;
  deployId?: string;
}

/** The Machine config flyctl would send for one process group (appconfig `ToMachineConfig`). */
export function machineConfigFor(toml: FlyToml, options: MachineConfigOptions): MachineConfig {
  const { group } = options;
  if (!(group in toml.processes))
    throw bad(
      toml,
      `process group "${group}" is not in [processes].`,
      `add ${group} = "command" to [processes].`,
    );
  const services: MachineService[] = [];
  if (toml.httpService && appliesTo(toml.httpService, group))
    services.push(httpServiceFor(toml, toml.httpService));
  toml.services.forEach((s, i) => {
    if (appliesTo(s, group)) services.push(servicesFor(toml, s, i));
  });
  const checks: Record<string, MachineCheck> = {};
  for (const [name, table] of Object.entries(toml.checks)) {
    if (appliesTo(table, group))
      checks[name] = checkFrom(toml, `[checks.${name}]`, table, table.type as string, table.port as number);
  }
  const env: Record<string, string> = { ...toml.env, FLY_PROCESS_GROUP: group };
  if (toml.primaryRegion) env.PRIMARY_REGION = toml.primaryRegion;

  const keptMetadata = Object.fromEntries(
    Object.entries(options.existing?.metadata ?? {}).filter(
      ([key]) =>
        ![META.bluegreenTag, META.bluegreenLaunchId, META.canary, META.launchId].includes(key as never),
    ),
  );
  const metadata: Record<string, string> = {
    ...keptMetadata,
    [META.platformVersion]: PLATFORM_VERSION,
    [META.processGroup]: group,
    [META.releaseVersion]: String(options.releaseVersion),
  };
  if (options.deployId) metadata[META.deployId] = options.deployId;

  const config: MachineConfig = { image: options.image, env, metadata };
  const guest = guestFor(toml, group) ??
    options.existing?.guest ?? { cpu_kind: 'shared', cpus: 1, memory_mb: 256 };
  config.guest = guest;
  if (services.length) config.services = services;
  if (Object.keys(checks).length) config.checks = checks;
  const command = toml.processes[group];
  if (command) {
    try {
      config.init = { cmd: shellSplit(command) };
    } catch (error) {
      throw bad(toml, `[processes] ${group}: ${(error as Error).message}.`, 'close the quote.');
    }
  }
  const restart = toml.restarts.find((r) => appliesTo(r, group));
  if (restart) {
    const policy = restart.policy === 'never' ? 'no' : restart.policy;
    if (!['always', 'no', 'on-failure'].includes(String(policy))) {
      throw bad(
        toml,
        `[[restart]] policy ${JSON.stringify(restart.policy)} is not always, never or on-failure.`,
        'use one of those.',
      );
    }
    config.restart = { policy: String(policy) };
    if (restart.retries !== undefined) config.restart.max_retries = Number(restart.retries);
  }
  if (toml.killSignal || toml.killTimeout) {
    config.stop_config = {};
    if (toml.killSignal) config.stop_config.signal = toml.killSignal;
    if (toml.killTimeout) config.stop_config.timeout = toml.killTimeout;
  }
  if (options.existing?.mounts?.length) config.mounts = options.existing.mounts;
  return config;
}

/** Every check the deploy's health gate counts: top-level checks plus each service's checks. */
export function countChecks(config: MachineConfig): number {
  return (
    Object.keys(config.checks ?? {}).length +
    (config.services ?? []).reduce((n, s) => n + (s.checks?.length ?? 0), 0)
  );
}

/** The slowest check's grace period and interval, which bound how soon a new Machine can be healthy. */
export function checkTiming(config: MachineConfig): { graceMs: number; intervalMs: number } {
  const all = [
    ...Object.values(config.checks ?? {}),
    ...(config.services ?? []).flatMap((s) => s.checks ?? []),
  ];
  let graceMs = 0;
  let intervalMs = 0;
  for (const check of all) {
    graceMs = Math.max(graceMs, msOf(check.grace_period) ?? 0);
    intervalMs = Math.max(intervalMs, msOf(check.interval) ?? 15_000);
  }
  return { graceMs, intervalMs };
}

function msOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(value);
  if (!match) return undefined;
  return Number(match[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[match[2] as 'ms'];
}

/** Config for the throwaway Machine that runs `release_command` (flyctl `ToReleaseMachineConfig`). */
export function releaseCommandConfig(
  toml: FlyToml,
  image: string,
  releaseVersion: number,
  largest?: MachineGuest,
): MachineConfig {
  const command = toml.deploy.releaseCommand ?? '';
  let cmd: string[];
  try {
    cmd = shellSplit(command);
  } catch (error) {
    throw bad(toml, `[deploy] release_command: ${(error as Error).message}.`, 'close the quote.');
  }
  let guest: MachineGuest | undefined;
  const vm = toml.deploy.releaseCommandVm;
  if (vm?.size) {
    guest = guestPreset(vm.size);
    if (!guest)
      throw bad(
        toml,
        `[deploy.release_command_vm] size "${vm.size}" is not a Fly preset.`,
        'use e.g. shared-cpu-2x.',
      );
  }
  if (guest && vm?.memory !== undefined) {
    const mb = parseMemoryMb(vm.memory);
    if (mb === undefined)
      throw bad(
        toml,
        `[deploy.release_command_vm] memory ${JSON.stringify(vm.memory)} is not a size.`,
        'write e.g. "512mb".',
      );
    guest.memory_mb = mb;
  }
  const env: Record<string, string> = {
    ...toml.env,
    RELEASE_COMMAND: '1',
    FLY_PROCESS_GROUP: 'fly_app_release_command',
  };
  if (toml.primaryRegion) env.PRIMARY_REGION = toml.primaryRegion;
  return {
    image,
    env,
    init: { cmd },
    restart: { policy: 'no' },
    auto_destroy: true,
    dns: { skip_registration: true },
    guest: guest ?? largest ?? { cpu_kind: 'shared', cpus: 2, memory_mb: 512 },
    metadata: {
      [META.platformVersion]: PLATFORM_VERSION,
      [META.processGroup]: 'fly_app_release_command',
      [META.releaseVersion]: String(releaseVersion),
    },
  };
}
