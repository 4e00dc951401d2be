import type { FlyToml } from '../fly-toml.js';
import { bad } from './problems.js';
import type { MachineCheck } from '../types.js';
import { flyDuration } from './durations.js';

type Table = Record<string, unknown>;

/** Check headers: a table of name = value, or flyctl's older [{ name, value }] list → [{ name, values }]. */
function headersOf(value: unknown): MachineCheck['headers'] {
  if (value === undefined) return undefined;
  const pairs: [string, string][] = Array.isArray(value)
    ? value.map((h) => [String((h as Table).name), String((h as Table).value ?? '')])
    : Object.entries(value as Table).map(([name, v]) => [name, String(v)]);
  return pairs.map(([name, v]) => ({ name, values: [v] }));
}

/** interval, timeout and grace_period as fly-go prints them; a bare number is milliseconds (flyctl). */
function timingsOf(toml: FlyToml, where: string, table: Table): Partial<MachineCheck> {
  const out: Partial<MachineCheck> = {};
  for (const key of ['interval', 'timeout', 'grace_period'] as const) {
    if (table[key] === undefined || table[key] === '') continue; // flyctl drops empty durations
    const duration = flyDuration(table[key], 1);
    if (duration === undefined)
      throw bad(
        toml.file,
        `${where} ${key} ${JSON.stringify(table[key])} is not a duration.`,
        'write e.g. "10s" (a bare number is milliseconds).',
      );
    out[key] = duration;
  }
  return out;
}

/** The http fields, copied only when written: flyctl sets no defaults for method, path or protocol. */
function httpFieldsOf(table: Table, upperMethod: boolean): Partial<MachineCheck> {
  const out: Partial<MachineCheck> = {};
  if (typeof table.method === 'string') out.method = upperMethod ? table.method.toUpperCase() : table.method;
  if (typeof table.path === 'string') out.path = table.path;
  if (typeof table.protocol === 'string') out.protocol = table.protocol;
  if (typeof table.tls_skip_verify === 'boolean') out.tls_skip_verify = table.tls_skip_verify;
  if (typeof table.tls_server_name === 'string') out.tls_server_name = table.tls_server_name;
  const headers = headersOf(table.headers);
  if (headers?.length) out.headers = headers;
  return out;
}

/** A [[services.tcp_checks]] / [[services.http_checks]] / [[http_service.checks]] entry (toMachineCheck). */
export function serviceCheck(toml: FlyToml, where: string, table: Table, type: 'tcp' | 'http'): MachineCheck {
  return {
    type,
    ...timingsOf(toml, where, table),
    ...(type === 'http' ? httpFieldsOf(table, false) : {}),
  };
}

/**
 * A [checks.name] entry (ToplevelCheck.toMachineCheck): the method upper-cased, and with no port the
 * group's [http_service] internal_port, else refused as flyctl refuses it.
 */
export function topLevelCheck(
  toml: FlyToml,
  name: string,
  table: Table,
  group: string,
  httpService: Table | undefined,
): MachineCheck {
  const where = `[checks.${name}]`;
  const check: MachineCheck = { type: table.type as string };
  if (table.port !== undefined) check.port = table.port as number;
  else if (httpService) check.port = httpService.internal_port as number;
  else
    throw bad(
      toml.file,
      `${where} has no port set and process group "${group}" has no [http_service] to take it from.`,
      `set port = 8080 in ${where}, or add an [http_service] for "${group}".`,
    );
  return Object.assign(check, timingsOf(toml, where, table), httpFieldsOf(table, true));
}
