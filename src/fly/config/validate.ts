import type { FlyToml } from '../fly-toml.js';
import { durationMs, flyDuration } from './durations.js';
import { checkMount } from './mounts.js';
import { bad } from './problems.js';
import { InputError } from '../../core/errors.js';

type Table = Record<string, unknown>;

const processesOf = (table: Table): string[] =>
  Array.isArray(table.processes) ? table.processes.map(String) : [];

/** flyctl's validateServicesSection: with [processes], each service names its groups, and only real ones. */
function checkServiceGroups(toml: FlyToml, declaredGroups: number): void {
  const services: [string, Table][] = [
    ...(toml.httpService ? [['[http_service]', toml.httpService] as [string, Table]] : []),
    ...toml.services.map((s, i): [string, Table] => [`[[services]] #${i + 1}`, s]),
  ];
  for (const [where, service] of services) {
    const listed = processesOf(service);
    if (listed.length === 0 && declaredGroups > 0)
      throw bad(
        toml.file,
        `${where} has no processes set but [processes] defines ${declaredGroups} group(s) (flyctl refuses this too).`,
        `set processes = ["${Object.keys(toml.processes)[0]}"] (the groups that serve it) in ${where}.`,
      );
    checkGroupsExist(toml, where, listed);
  }
}

function checkGroupsExist(toml: FlyToml, where: string, listed: string[]): void {
  for (const name of listed)
    if (!(name in toml.processes))
      throw bad(
        toml.file,
        `${where} lists process group "${name}", which [processes] does not define.`,
        `add ${name} = "command" to [processes], or remove "${name}" from processes.`,
      );
}

/** flyctl's validateChecksSection: Fly runs top-level checks at most every 2 s and waits at most 60 s. */
function checkTopLevelTimings(toml: FlyToml): void {
  for (const [name, check] of Object.entries(toml.checks)) {
    // Unset (or not a duration, which the check's own conversion refuses) leaves the limit unchecked.
    const ms = (key: string) => durationMs(flyDuration(check[key], 1));
    const interval = ms('interval') ?? Infinity;
    const timeout = ms('timeout') ?? 0;
    if (interval < 2000)
      throw bad(
        toml.file,
        `[checks.${name}] interval is too short: ${String(check.interval)}, the minimum is 2s.`,
        'set interval = "2s" or more.',
      );
    if (timeout > 60_000)
      throw bad(
        toml.file,
        `[checks.${name}] timeout is too long: ${String(check.timeout)}, the maximum is 60s.`,
        'set timeout = "60s" or less.',
      );
  }
}

/**
 * The checks `fly deploy` runs on the whole file before it deploys (appconfig Validate), so a file flyctl
 * would refuse is refused here too, before any call: service and restart process groups, top-level
 * check timings, every [[mounts]] entry, and canary with volumes.
 */
export function validateLikeFlyctl(toml: FlyToml, declaredGroups: number): void {
  checkServiceGroups(toml, declaredGroups);
  toml.restarts.forEach((r, i) => checkGroupsExist(toml, `[[restart]] #${i + 1}`, processesOf(r)));
  checkTopLevelTimings(toml);
  toml.mounts.forEach((m, i) => checkMount(toml, m, `[[mounts]] #${i + 1}`));
  refuseCanaryWithMounts(toml, toml.deploy.strategy, 'config');
}

/** flyctl's own words (appconfig validateDeploySection), kept so a user can search them. */
export const CANARY_WITH_MOUNTS =
  'error canary deployment strategy is not supported when using mounted volumes';

/**
 * flyctl refuses canary for an app with [[mounts]] whichever way canary was chosen: `--strategy` is
 * written into [deploy] strategy before the file is validated (determineAppConfigForMachines, then
 * ValidateGroups). A canary needs a second Machine beside one whose volume Fly attaches to one Machine
 * only. `input` is where the user chose it: `config` ([deploy] strategy) or the `strategy` input.
 */
export function refuseCanaryWithMounts(
  toml: FlyToml,
  strategy: string | undefined,
  input: 'config' | 'strategy',
): void {
  if (strategy !== 'canary' || !toml.mounts.length) return;
  const mounts = toml.mounts.map((m) => String(m.source)).join(', ');
  const why = `(${CANARY_WITH_MOUNTS}: Fly attaches a volume to one Machine only; flyctl refuses it too).`;
  const fix = 'use strategy rolling (each Machine keeps its volume) or immediate.';
  if (input === 'config')
    throw bad(toml.file, `[deploy] strategy "canary" cannot be used with [[mounts]] (${mounts}) ${why}`, fix);
  throw new InputError(
    'strategy',
    `"canary" cannot be used with [[mounts]] (${mounts}) in ${toml.file} ${why}`,
    fix,
  );
}
