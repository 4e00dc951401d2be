import { InputError } from '../core/errors.js';
import type { FlyToml } from './fly-toml.js';
import { defaultGroup, tomlToMachineConfig } from './machine-config.js';
import { META, type MachineConfig } from './types.js';

/**
 * What a release applied, as its GitHub deployment record keeps it: one Machine config per process
 * group (no image, no release data, no volume ids: the payload's own `image` is the digest) and the
 * release_command it ran, if any. Small on purpose: per group, never per Machine.
 */
export interface ReleaseConfig {
  configs: Record<string, MachineConfig>;
  releaseCommand?: string;
}

/** Per-release metadata a restore must not carry over from the recorded release. */
const RELEASE_KEYS = [META.releaseVersion, META.releaseId, META.deployId];

/** The config fly.toml gives each process group, ready to record. */
export function releaseConfigOf(toml: FlyToml): ReleaseConfig {
  const groups = Object.keys(toml.processes).length ? Object.keys(toml.processes) : [defaultGroup(toml)];
  const configs: Record<string, MachineConfig> = {};
  for (const group of groups.sort()) {
    // No image (the payload has its digest) and no mounts (volume ids belong to Machines, not releases).
    const { image: _image, mounts: _mounts, ...config } = tomlToMachineConfig(toml, group);
    for (const key of RELEASE_KEYS) delete config.metadata?.[key];
    configs[group] = config as MachineConfig;
  }
  return {
    configs,
    ...(toml.deploy.releaseCommand ? { releaseCommand: toml.deploy.releaseCommand } : {}),
  };
}

/**
 * A rollback's config for one Machine: what the Machine has that a record does not manage (its
 * volume, Fly's own fields) stays, and every field the recorded release set is put back as it was.
 */
export function restoredConfig(
  recorded: MachineConfig,
  existing: MachineConfig | undefined,
  release: { image: string; releaseVersion: number; deployId: string },
): MachineConfig {
  const config = { ...structuredClone(existing ?? {}), ...structuredClone(recorded) } as MachineConfig;
  config.image = release.image;
  config.metadata = {
    ...config.metadata,
    [META.releaseVersion]: String(release.releaseVersion),
    [META.deployId]: release.deployId,
  };
  return config;
}

/** The `restore-config` input: a Runway deployment payload (JSON) that recorded its release's config. */
export function parseRestoreInput(text: string): { image: string; release: ReleaseConfig } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InputError(
      'restore-config',
      'is not JSON.',
      'pass the payload of a Runway GitHub deployment record (its `payload` field, as JSON).',
    );
  }
  const p = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const release = p.release as Partial<ReleaseConfig> | undefined;
  if (
    typeof p.image !== 'string' ||
    !release ||
    typeof release.configs !== 'object' ||
    release.configs === null ||
    Array.isArray(release.configs)
  )
    throw new InputError(
      'restore-config',
      'has no recorded release (`image` and `release.configs`).',
      'pass the payload of a deployment recorded by fly-deploy from this version on, or leave restore-config empty to roll back the image only.',
    );
  return {
    image: p.image,
    release: {
      configs: release.configs,
      ...(typeof release.releaseCommand === 'string' ? { releaseCommand: release.releaseCommand } : {}),
    },
  };
}

/**
 * `rolled-back-release`: the payload of the GitHub deployment record of the release being rolled back
 * (what serves now). Its recorded release_command is what that release ran; a record without a recorded
 * release (written before configs were kept, or by a workflow that does not keep them) tells nothing.
 */
export function recordedReleaseCommand(text: string): { known: false } | { known: true; command?: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InputError(
      'rolled-back-release',
      'is not JSON.',
      'pass the `payload` of the GitHub deployment record of the release being rolled back, as JSON.',
    );
  }
  const release = (
    value && typeof value === 'object' ? (value as Record<string, unknown>).release : undefined
  ) as Partial<ReleaseConfig> | undefined;
  if (!release || typeof release.configs !== 'object' || release.configs === null) return { known: false };
  return typeof release.releaseCommand === 'string'
    ? { known: true, command: release.releaseCommand }
    : { known: true };
}
