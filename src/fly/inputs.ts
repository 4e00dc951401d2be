import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../core/errors.js';
import type { InputReader } from '../core/inputs.js';
import { registerSecret } from '../core/secrets.js';
import { parseFlyToml, STRATEGIES, type FlyToml, type Strategy } from './fly-toml.js';
import { machineConfigFor, releaseCommandConfig, countChecks } from './machine-config.js';
import { parseCount, type CountEntry } from './placement.js';
import { parseRestoreInput, recordedReleaseCommand } from './release-record.js';
import type { MachineConfig } from './types.js';
import { validateRegions } from './regions.js';
import { preflight } from './preflight.js';
import { hasMachineChecks } from './config/special-machines.js';

/** Everything a deploy needs, validated before any API call. `image` is absent only when `build` is on. */
export interface DeployInputs {
  app: string;
  configPath: string;
  toml: FlyToml;
  image?: string;
  build: boolean;
  strategy: Strategy;
  maxUnavailable: number;
  waitTimeoutMs: number;
  /** The whole deploy's limit (`timeout`): retries and waits stop at it; see {@link deployTimeoutMs}. */
  timeoutMs: number;
  regions: string[];
  /** `regions` was given: an existing group gains a Machine in each listed region it is not in yet. */
  addRegions: boolean;
  counts?: CountEntry[];
  fallbackRegions: string[];
  secrets: Record<string, string>;
  apiToken: string;
  apiUrl: string;
  rollback: boolean;
  environment?: string;
  publicUrl: string;
  proxySettleMs: number;
  /** `restore-config`: the recorded release's config per process group, put back with its image. */
  restoreConfig?: Record<string, MachineConfig>;
  /** A restore never re-runs release_command: the old image must not migrate the database again. */
  skipReleaseCommand?: boolean;
}

const IMAGE_RE = /^[a-z0-9][a-z0-9._\-/:]*[a-z0-9](:[\w][\w.-]{0,127})?(@sha256:[a-f0-9]{64})?$/i;

/**
 * Reads and checks every input (and fly.toml) up front: a missing app, an unknown strategy, a retired
 * region or a malformed fly.toml is one clear line naming the input, and no request has been sent.
 */
export function readDeployInputs(
  inputs: InputReader,
  env: NodeJS.ProcessEnv,
  cwd = process.cwd(),
): DeployInputs {
  const apiToken = inputs.optional('api-token') ?? env.FLY_API_TOKEN?.trim() ?? '';
  registerSecret(apiToken);
  const { configPath, toml } = readConfig(inputs, cwd);
  const app = readApp(inputs, toml, configPath);
  const restore = readRestore(inputs, toml);
  const { build, image } = restore ? { build: false, image: restore.image } : readImage(inputs, toml);
  const strategy = inputs.enumOf<Strategy>('strategy', STRATEGIES, toml.deploy.strategy ?? 'rolling');
  preflight(toml, strategy);
  const maxUnavailable = inputs.number('max-unavailable', toml.deploy.maxUnavailable ?? 0.33, { min: 0.01 });
  const waitTimeoutMs = inputs.raw('wait-timeout')
    ? inputs.duration('wait-timeout', '5m', { min: 1000, max: 3_600_000 })
    : (toml.deploy.waitTimeoutMs ?? 300_000);
  const timeoutMs = inputs.raw('timeout')
    ? inputs.duration('timeout', '30m', { min: 10_000, max: 6 * 3_600_000 })
    : deployTimeoutMs(strategy, waitTimeoutMs, toml);
  const placement = readPlacement(inputs, toml, configPath);
  const secrets = readSecrets(inputs);
  if (!apiToken)
    throw new InputError(
      'api-token',
      'is empty and FLY_API_TOKEN is not set.',
      'pass api-token: ${{ secrets.FLY_API_TOKEN }} (a `fly tokens create deploy` token).',
    );
  const apiUrl = (inputs.url('api-url')?.href ?? 'https://api.machines.dev').replace(/\/$/, '');
  const publicUrl = (inputs.url('public-url')?.href ?? `https://${app}.fly.dev`).replace(/\/$/, '');
  const proxySettleMs = inputs.duration('proxy-settle', '10s', { max: 120_000 });
  checkMachineConfigs(toml, image, strategy, configPath);
  return {
    app,
    configPath,
    toml,
    image,
    build,
    strategy,
    maxUnavailable,
    waitTimeoutMs,
    timeoutMs,
    ...placement,
    secrets,
    apiToken,
    apiUrl,
    rollback: inputs.bool('rollback', true),
    environment: inputs.optional('environment'),
    publicUrl,
    proxySettleMs,
    ...(restore ? { restoreConfig: restore.configs, skipReleaseCommand: true } : {}),
  };
}

/**
 * How many wait-timeouts each strategy can spend waiting in a healthy deploy: one for the release_command
 * Machine, then rolling one per batch (counted as two), blue-green one for the green set and one for the
 * scale-up, canary one for the canary and two for the rest, immediate none beyond the first.
 */
export const STRATEGY_PHASES: Record<Strategy, number> = {
  immediate: 1,
  rolling: 3,
  bluegreen: 3,
  canary: 4,
};
/** Room for the API calls around the waits (list, leases, secrets, the final listing). */
export const DEPLOY_MARGIN_MS = 2 * 60_000;

/**
 * The default `timeout`: phases(strategy) × wait-timeout + 2m, one phase more when machine_checks run
 * (their tested Machine must start and pass its checks first); documented in action.yml.
 */
export function deployTimeoutMs(strategy: Strategy, waitTimeoutMs: number, toml?: FlyToml): number {
  const phases = STRATEGY_PHASES[strategy] + (toml && hasMachineChecks(toml) ? 1 : 0);
  return phases * waitTimeoutMs + DEPLOY_MARGIN_MS;
}

/**
 * `restore-config`: roll back the release, not only the image. The recorded image is deployed with the
 * recorded config; an `image` input, if given, must be that same image. When the release being rolled
 * back (the one this fly.toml describes) ran a release_command, the database may already have the new
 * schema, which no image rollback undoes: the user must say the old release can run on it.
 */
function readRestore(
  inputs: InputReader,
  toml: FlyToml,
): { image: string; configs: Record<string, MachineConfig> } | undefined {
  const text = inputs.optional('restore-config');
  if (!text) return undefined;
  const { image, release } = parseRestoreInput(text);
  const given = inputs.optional('image');
  if (given && given !== image)
    throw new InputError(
      'image',
      `"${given}" is not the image restore-config recorded (${image}).`,
      'leave image empty when restore-config is set: the recorded image is deployed.',
    );
  if (inputs.bool('build', false))
    throw new InputError(
      'build',
      'cannot be true with restore-config.',
      'a restore deploys the recorded image.',
    );
  const ran = releaseCommandRolledBack(inputs, toml);
  if (ran.command && !inputs.bool('schema-backward-compatible', false))
    throw new InputError(
      'schema-backward-compatible',
      `is not true, and the release being rolled back ran release_command \`${ran.command}\` (${ran.source}; its migrations stay applied after a rollback).`,
      'set schema-backward-compatible: true once you know the restored release runs on the current schema, or restore the database first (see the rollback plan).',
    );
  return { image, configs: release.configs };
}

/**
 * What the release being rolled back ran: its deployment record's release_command (`rolled-back-release`)
 * when the record kept one, else fly.toml's, the only other witness (in rollback.yml that file is the
 * restored commit's, which is why the record comes first).
 */
function releaseCommandRolledBack(inputs: InputReader, toml: FlyToml): { command?: string; source: string } {
  const text = inputs.optional('rolled-back-release');
  const recorded = text ? recordedReleaseCommand(text) : undefined;
  if (recorded?.known) return { command: recorded.command, source: 'as its deployment record says' };
  const why = recorded ? 'its deployment record kept no release' : 'no rolled-back-release was given';
  return { command: toml.deploy.releaseCommand, source: `as ${toml.file} says; ${why}` };
}

function readConfig(inputs: InputReader, cwd: string): { configPath: string; toml: FlyToml } {
  const configPath = inputs.string('config', 'fly.toml');
  let text: string;
  try {
    text = readFileSync(resolve(cwd, configPath), 'utf8');
  } catch {
    throw new InputError(
      'config',
      `${configPath} was not found in ${cwd}.`,
      'check out the repository first and point `config` at your fly.toml (e.g. fly.staging.toml).',
    );
  }
  return { configPath, toml: parseFlyToml(text, configPath) };
}

function readApp(inputs: InputReader, toml: FlyToml, configPath: string): string {
  const app = inputs.optional('app') ?? toml.app;
  if (!app)
    throw new InputError(
      'app',
      `is empty and ${configPath} has no \`app\`.`,
      'set `app: my-app` or add app = "my-app" to fly.toml.',
    );
  if (!/^[a-z0-9][a-z0-9-]*$/.test(app))
    throw new InputError(
      'app',
      `"${app}" is not a valid Fly app name.`,
      'use lower-case letters, digits and dashes.',
    );
  return app;
}

/** `image`, or `build: true` (then the image is built later); never both, never neither. */
function readImage(inputs: InputReader, toml: FlyToml): { build: boolean; image?: string } {
  const build = inputs.bool('build', false);
  const image = inputs.optional('image') ?? (build ? undefined : toml.buildImage);
  if (!image && !build)
    throw new InputError(
      'image',
      'is required unless `build: true` (and fly.toml has no [build] image).',
      'set image: registry.fly.io/my-app:tag, or build: true.',
    );
  if (image && build)
    throw new InputError(
      'build',
      'is true but `image` is set too; a deploy ships one image.',
      'remove one of them.',
    );
  if (image && !IMAGE_RE.test(image))
    throw new InputError(
      'image',
      `"${image}" is not an image reference.`,
      'write e.g. registry.fly.io/my-app:v42 or ghcr.io/org/app@sha256:….',
    );
  return { build, image };
}

/** Where Machines go and how many: `regions`, `count`, `fallback-regions`, all checked against live regions. */
function readPlacement(
  inputs: InputReader,
  toml: FlyToml,
  configPath: string,
): Pick<DeployInputs, 'regions' | 'addRegions' | 'counts' | 'fallbackRegions'> {
  const regionList = inputs.list('regions', { commas: true });
  const regionSource = regionList.length ? 'regions' : 'config';
  const rawRegions = regionList.length ? regionList : toml.primaryRegion ? [toml.primaryRegion] : [];
  if (!rawRegions.length)
    throw new InputError(
      'regions',
      `is empty and ${configPath} has no primary_region.`,
      'set regions: sin, or primary_region = "sin" in fly.toml.',
    );
  const regions = validateRegions(regionSource, rawRegions);
  if (toml.primaryRegion && regionSource === 'regions') validateRegions('config', [toml.primaryRegion]);
  const counts = readCount(inputs, toml, configPath, toml.primaryRegion ?? regions[0]);
  const fallbackRegions = validateRegions(
    'fallback-regions',
    inputs.list('fallback-regions', { commas: true }),
  );
  return { regions, addRegions: regionSource === 'regions', counts, fallbackRegions };
}

/** `count` as `fly scale count` reads it (a bare number is the primary region's), its groups checked against fly.toml. */
export function readCount(
  inputs: InputReader,
  toml: FlyToml,
  configPath: string,
  primary: string | undefined,
): CountEntry[] | undefined {
  const countText = inputs.optional('count');
  if (!countText) return undefined;
  if (!primary)
    throw new InputError(
      'count',
      `needs a primary region, and ${configPath} has no primary_region.`,
      'add primary_region = "sin" to fly.toml, or set regions.',
    );
  const counts = parseCount(countText, primary);
  for (const entry of counts) {
    if (entry.group && !(entry.group in toml.processes))
      throw new InputError(
        'count',
        `names process group "${entry.group}", which ${configPath} does not define.`,
        `use one of: ${Object.keys(toml.processes).join(', ')}.`,
      );
  }
  return counts;
}

function readSecrets(inputs: InputReader): Record<string, string> {
  const secrets: Record<string, string> = {};
  for (const [name, value] of inputs.keyValues('secrets')) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      throw new InputError('secrets', `"${name}" is not a valid secret name.`, 'use letters, digits and _.');
    registerSecret(value);
    secrets[name] = value;
  }
  return secrets;
}

/** Building every group's config now surfaces fly.toml mistakes before any API call. */
function checkMachineConfigs(
  toml: FlyToml,
  image: string | undefined,
  strategy: Strategy,
  configPath: string,
): void {
  const checksPerGroup = Object.keys(toml.processes).map((group) =>
    countChecks(machineConfigFor(toml, { image: image ?? 'placeholder:latest', group, releaseVersion: 1 })),
  );
  // Like flyctl, a group without checks (a worker) counts as healthy once started; the app needs some.
  if (strategy === 'bluegreen' && checksPerGroup.every((n) => n === 0)) {
    throw new InputError(
      'strategy',
      `bluegreen needs at least one health check, and ${configPath} has none.`,
      'add [[http_service.checks]] (or use rolling).',
    );
  }
  if (toml.deploy.releaseCommand) releaseCommandConfig(toml, image ?? 'placeholder:latest', 1);
}
