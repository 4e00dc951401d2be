import { refuseCanaryWithMounts } from './config/validate.js';
import { appliesTo } from './config/groups.js';
import { bad } from './config/problems.js';
import type { FlyToml, Strategy } from './fly-toml.js';
import { tomlToMachineConfig } from './machine-config.js';
import type { MachineConfig } from './types.js';

/**
 * flyctl's ValidateGroups for one process group: the file as that group sees it (appconfig Flatten)
 * validated again, then the group's Machine config built (validateMachineConversion). A group may mount
 * at most one volume, and canary is refused when it mounts one. Returns the group's config.
 */
export function validateGroup(toml: FlyToml, group: string, strategy?: Strategy): MachineConfig {
  const mounts = toml.mounts.filter((m) => appliesTo(toml, m, group));
  if (mounts.length > 1)
    throw bad(
      toml.file,
      `process group "${group}" has more than one [[mounts]] section (${mounts.map((m) => String(m.source)).join(', ')}); flyctl: "group '${group}' has more than one [[mounts]] section defined".`,
      'give each group at most one volume: set processes on each [[mounts]] entry.',
    );
  if (strategy === 'canary' && mounts.length)
    refuseCanaryWithMounts({ ...toml, mounts }, strategy, 'strategy');
  return tomlToMachineConfig(toml, group);
}

/**
 * What `fly deploy` checks once the strategy is known and before its first call (NewMachineDeployment:
 * --strategy written into [deploy], then ValidateGroups): canary with any [[mounts]] (flyctl validates
 * the whole file when no --process-groups is given), then every group, since Runway deploys them all.
 */
export function preflight(toml: FlyToml, strategy: Strategy): void {
  refuseCanaryWithMounts(toml, strategy, 'strategy');
  for (const group of Object.keys(toml.processes)) validateGroup(toml, group, strategy);
}
