import type { FlyToml } from '../fly-toml.js';

type Table = Record<string, unknown>;

/**
 * flyctl's DefaultProcessName: "app" when defined (or no [processes]), else the first name in sort order.
 * parseFlyToml gives a file without [processes] the group app, so there is always a name.
 */
export function defaultGroup(toml: FlyToml): string {
  const names = Object.keys(toml.processes).sort();
  return names.includes('app') ? 'app' : names[0];
}

function processesOf(table: Table): string[] {
  const processes = table.processes;
  return Array.isArray(processes) ? processes.map(String) : [];
}

/**
 * Whether a section applies to a group when flyctl flattens the config for it: listed by name, or with no
 * `processes` (or `""`) only for the default group. Services, checks, mounts, files, metrics and
 * restarts all follow this rule.
 */
export function appliesTo(toml: FlyToml, table: Table, group: string): boolean {
  const listed = processesOf(table);
  const isDefault = group === defaultGroup(toml);
  if (listed.length === 0) return isDefault;
  return listed.some((name) => name === group || (name === '' && isDefault));
}

/**
 * flyctl's ComputeForGroup: of the [[vm]] sections without `processes` or matching the group, the
 * last one naming the group wins, else the first candidate (lo.MaxBy's tie rule).
 */
export function computeForGroup(toml: FlyToml, group: string): Table | undefined {
  const candidates = toml.vms.filter((vm) => processesOf(vm).length === 0 || appliesTo(toml, vm, group));
  let best = candidates[0];
  for (const vm of candidates) if (processesOf(vm).includes(group)) best = vm;
  return best;
}
