import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../../core/errors.js';
import type { InputReader } from '../../core/inputs.js';
import { registerSecret } from '../../core/secrets.js';
import { parseFlyToml } from '../fly-toml.js';
import { DOCTOR_FIXES, type DoctorFix, type DoctorOptions } from './index.js';

/**
 * fly-deploy's `mode: doctor` inputs: the app (input, else fly.toml's `app` when the file is there), the
 * token and API URL, `doctor-fix`, `expected-machines` and `wait-timeout`. No image is needed.
 */
export function readDoctorInputs(
  inputs: InputReader,
  env: NodeJS.ProcessEnv,
  cwd = process.cwd(),
): Omit<DoctorOptions, 'log'> {
  const apiToken = inputs.optional('api-token') ?? env.FLY_API_TOKEN?.trim() ?? '';
  registerSecret(apiToken);
  const configPath = inputs.string('config', 'fly.toml');
  const file = resolve(cwd, configPath);
  const app =
    inputs.optional('app') ??
    (existsSync(file) ? parseFlyToml(readFileSync(file, 'utf8'), configPath).app : undefined);
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
  const expected = inputs.optional('expected-machines');
  return {
    app,
    apiToken,
    apiUrl: (inputs.url('api-url')?.href ?? 'https://api.machines.dev').replace(/\/$/, ''),
    fix,
    expectedCount:
      expected === undefined ? undefined : inputs.number('expected-machines', 0, { min: 0, max: 1000 }),
    waitTimeoutMs: inputs.duration('wait-timeout', '5m', { min: 1000, max: 3_600_000 }),
  };
}
