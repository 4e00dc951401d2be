/**
 * What a probe from a Fly region needs from the inputs, and the names the main, remote and post modes
 * share. Kept apart from remote.ts (which loads the Fly client) so the shell can check inputs before any
 * heavy module loads.
 */
import { InputError } from '../core/errors.js';
import type { InputReader } from '../core/inputs.js';
import { registerSecret } from '../core/secrets.js';

/** A public Node image (Docker Hub's official `node`), so nothing of the user's app is needed. */
export const PROBE_IMAGE = 'node:24-slim';
/** Where the probe bundle's entry is written in the Machine; its chunks and package.json (type: module) go beside it. */
export const GUEST_BUNDLE = '/runway/index.js';
/** The argument that turns the latency-probe bundle into the measuring side (see runRemoteMode). */
export const REMOTE_FLAG = '--runway-remote-probe';
/** The inputs the measuring side needs; judging stays on the runner. */
export const FORWARDED_INPUTS = [
  'url',
  'targets',
  'baseline-url',
  'requests',
  'rate',
  'concurrency',
  'warmup',
  'timeout',
  'method',
  'headers',
  'body',
  'expect-status',
];
/** The state key the post step reads: the Machine still to destroy. */
export const STATE_MACHINE = 'probe-machine';

export interface RemoteSettings {
  region: string;
  app: string;
  token: string;
  apiUrl: string;
  timeoutMs: number;
}

/** `region` and the Fly inputs it needs, checked before any call. Undefined when region is empty. */
export function readRemoteSettings(inputs: InputReader): RemoteSettings | undefined {
  const region = inputs.optional('region')?.trim().toLowerCase();
  if (!region) return undefined;
  if (!/^[a-z]{3}$/.test(region))
    throw new InputError(
      'region',
      `"${region}" is not a Fly region code.`,
      'use a three-letter code, e.g. sin.',
    );
  const app = inputs.optional('fly-app')?.trim();
  if (!app || !/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(app))
    throw new InputError(
      'fly-app',
      app ? `"${app}" is not a Fly app name.` : 'is required when region is set.',
      'name the Fly app the probe Machine is created in, e.g. fly-app: voice-bot-staging.',
    );
  const token = inputs.optional('fly-api-token');
  if (!token)
    throw new InputError(
      'fly-api-token',
      'is required when region is set.',
      'pass a deploy token for fly-app, e.g. fly-api-token: ${{ secrets.FLY_API_TOKEN }}.',
    );
  registerSecret(token);
  const apiUrl = (inputs.url('fly-api-url') ?? new URL('https://api.machines.dev')).href;
  const timeoutMs = inputs.duration('region-timeout', '5m', { min: 10_000, max: 3_600_000 });
  return { region, app, token, apiUrl, timeoutMs };
}
