import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../../core/errors.js';
import type { InputReader } from '../../core/inputs.js';
import { registerSecret } from '../../core/secrets.js';
import { parseFlyToml, type FlyToml } from '../fly-toml.js';
import { readCount } from '../inputs.js';
import { defaultGroup } from '../machine-config.js';
import { releaseConfigOf, type ReleaseConfig } from '../release-record.js';
import { countsFor } from '../placement.js';
import { DOCTOR_FIXES, type DoctorFix, type DoctorOptions } from './index.js';
import type { Declared } from './inspect.js';

/**
 * fly-deploy's `mode: doctor` inputs: the app (input, else fly.toml's `app` when the file is there), the
 * token and API URL, `doctor-fix`, the declared size (`expected-machines`, or `count` as a deploy reads
 * it) and `wait-timeout`. No image is needed.
 */
export function readDoctorInputs(
  inputs: InputReader,
  env: NodeJS.ProcessEnv,
  cwd = process.cwd(),
): Omit<DoctorOptions, 'log'> & { release?: ReleaseConfig } {
  const apiToken = inputs.optional('api-token') ?? env.FLY_API_TOKEN?.trim() ?? '';
  registerSecret(apiToken);
  const configPath = inputs.string('config', 'fly.toml');
  const file = resolve(cwd, configPath);
  const toml = existsSync(file) ? parseFlyToml(readFileSync(file, 'utf8'), configPath) : undefined;
  const app = inputs.optional('app') ?? toml?.app;
  if (!app)
    throw new InputError(
      'app',
      `is empty and there is no \`app\` in ${configPath}.`,
      'set app: my-app for the doctor.',
    );
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(app))
    throw new InputError(
      'app',
      `"${app}" is not a valid Fly app name.`,
      'use lower-case letters, digits and dashes.',
    );
  if (!apiToken)
    throw new InputError(
      'api-token',
      'is empty and FLY_API_TOKEN is not set.',
      'pass api-token: ${{ secrets.FLY_API_TOKEN }} (a `fly tokens create deploy` token).',
    );
  const fix = inputs.enumOf<DoctorFix>('doctor-fix', DOCTOR_FIXES, 'none');
  const declared = readDeclared(inputs, toml, configPath);
  return {
    app,
    apiToken,
    apiUrl: (inputs.url('api-url')?.href ?? 'https://api.machines.dev').replace(/\/$/, ''),
    fix,
    ...(declared ? { declared } : {}),
    // What a deploy of this fly.toml would apply, for a workflow that records the release before it.
    ...(toml ? { release: releaseConfigOf(toml) } : {}),
    waitTimeoutMs: inputs.duration('wait-timeout', '5m', { min: 1000, max: 3_600_000 }),
  };
}

/**
 * The size the app should have: `expected-machines` (a total), or `count` read exactly as fly-deploy reads
 * it (a bare number is fly.toml's primary region; a group prefix must be a group fly.toml defines), so a
 * doctor run before `count: sin=2,bom=1` judges each group and region the deploy will hold to that count.
 */
function readDeclared(
  inputs: InputReader,
  toml: FlyToml | undefined,
  configPath: string,
): Declared | undefined {
  const expected = inputs.optional('expected-machines');
  const count = inputs.optional('count');
  if (expected !== undefined && count !== undefined)
    throw new InputError(
      'expected-machines',
      'and `count` are both set; the doctor judges the size by one of them.',
      "keep count (the deploy's own) and remove expected-machines.",
    );
  if (expected !== undefined) return { total: inputs.number('expected-machines', 0, { min: 0, max: 1000 }) };
  if (count === undefined) return undefined;
  if (!toml)
    throw new InputError(
      'count',
      `is set, and ${configPath} was not found to read its process groups and primary region from.`,
      'check out the repository before the doctor step, or point `config` at your fly.toml.',
    );
  const primary = toml.primaryRegion ?? inputs.list('regions', { commas: true })[0];
  const entries = readCount(inputs, toml, configPath, primary) ?? [];
  const groups = Object.keys(toml.processes).length ? Object.keys(toml.processes) : [defaultGroup(toml)];
  const perSlot = new Map<string, number>();
  for (const group of groups)
    for (const [region, n] of countsFor(entries, group) ?? []) perSlot.set(`${group}/${region}`, n);
  return { perSlot };
}
