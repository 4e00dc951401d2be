import type { FlyToml } from '../fly-toml.js';
import { bad } from './problems.js';
import type { MachinePort, MachineService } from '../types.js';
import { serviceCheck } from './checks.js';

type Table = Record<string, unknown>;

/** auto_stop_machines as fly-go sends it: false for off, true for stop, "suspend". */
function autostopOf(toml: FlyToml, where: string, value: unknown): boolean | string | undefined {
  if (value === undefined) return undefined;
  if (value === true || value === 'stop' || value === 'true') return true;
  if (value === false || value === 'off' || value === 'false') return false;
  if (value === 'suspend') return 'suspend';
  throw bad(
    toml.file,
    `${where} auto_stop_machines ${JSON.stringify(value)} is not off, stop or suspend.`,
    'use "off", "stop" or "suspend".',
  );
}

/** The scaling fields, each only when the file sets it: flyctl leaves the rest to Fly's defaults. */
function scalingOf(toml: FlyToml, where: string, table: Table): Partial<MachineService> {
  const out: Partial<MachineService> = {};
  if (table.concurrency !== undefined) out.concurrency = concurrencyOf(table.concurrency as Table);
  const autostop = autostopOf(toml, where, table.auto_stop_machines);
  if (autostop !== undefined) out.autostop = autostop;
  if (table.auto_start_machines !== undefined) out.autostart = Boolean(table.auto_start_machines);
  if (table.min_machines_running !== undefined) out.min_machines_running = Number(table.min_machines_running);
  return out;
}

/** fly-go's MachineServiceConcurrency: no type written, none sent (Fly picks it), zero limits omitted. */
function concurrencyOf(table: Table): MachineService['concurrency'] {
  const out: NonNullable<MachineService['concurrency']> = {};
  if (typeof table.type === 'string' && table.type) out.type = table.type;
  if (Number(table.hard_limit)) out.hard_limit = Number(table.hard_limit);
  if (Number(table.soft_limit)) out.soft_limit = Number(table.soft_limit);
  return out;
}

function listOf(value: unknown): Table[] {
  return (Array.isArray(value) ? value : value ? [value] : []) as Table[];
}

/** `[http_service]` expands to port 80 (http, force_https) and 443 (http + tls), as HTTPService.ToService does. */
export function httpServiceFor(toml: FlyToml, table: Table): MachineService {
  if (!Number.isInteger(table.internal_port))
    throw bad(
      toml.file,
      '[http_service] needs internal_port.',
      'write internal_port = 8080 (the port the app listens on).',
    );
  const options = (key: string) => (table[key] ? { [key]: table[key] as Table } : {});
  const service: MachineService = {
    protocol: 'tcp',
    internal_port: table.internal_port as number,
    ports: [
      {
        port: 80,
        handlers: ['http'],
        ...(table.force_https ? { force_https: true } : {}),
        ...options('http_options'),
      },
      { port: 443, handlers: ['http', 'tls'], ...options('http_options'), ...options('tls_options') },
    ],
    ...scalingOf(toml, '[http_service]', table),
  };
  const checks = listOf(table.checks).map((c, i) =>
    serviceCheck(toml, `[[http_service.checks]] #${i + 1}`, c, 'http'),
  );
  if (checks.length) service.checks = checks;
  return service;
}

function portOf(p: Table): MachinePort {
  const port: MachinePort = {};
  if (p.port !== undefined) port.port = Number(p.port);
  if (p.start_port !== undefined) port.start_port = Number(p.start_port);
  if (p.end_port !== undefined) port.end_port = Number(p.end_port);
  if (Array.isArray(p.handlers)) port.handlers = p.handlers.map(String);
  if (p.force_https) port.force_https = true;
  if (p.tls_options) port.tls_options = p.tls_options as Table;
  if (p.http_options) port.http_options = p.http_options as Table;
  if (p.proxy_proto_options) port.proxy_proto_options = p.proxy_proto_options as Table;
  return port;
}

/** One `[[services]]` section (Service.toMachineService): tcp checks first, then http checks. */
export function serviceFor(toml: FlyToml, table: Table, index: number): MachineService {
  const where = `[[services]] #${index + 1}`;
  // No protocol written, none sent (fly-go omits the empty string).
  const service = {
    ...(typeof table.protocol === 'string' && table.protocol ? { protocol: table.protocol } : {}),
    internal_port: table.internal_port as number,
    ...scalingOf(toml, where, table),
  } as MachineService;
  const ports = listOf(table.ports).map(portOf);
  if (ports.length) service.ports = ports;
  const checks = [
    ...listOf(table.tcp_checks).map((c, i) => serviceCheck(toml, `${where} tcp_checks #${i + 1}`, c, 'tcp')),
    ...listOf(table.http_checks).map((c, i) =>
      serviceCheck(toml, `${where} http_checks #${i + 1}`, c, 'http'),
    ),
  ];
  if (checks.length) service.checks = checks;
  return service;
}
