import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export interface ActionInput {
  description?: string;
  required?: boolean;
  default?: string;
}

export interface ActionMetadata {
  name: string;
  description: string;
  inputs: Record<string, ActionInput>;
  outputs: Record<string, { description?: string; value?: string }>;
  runs: { using: string; main?: string; steps?: unknown[] };
}

/** Where the repository root is: this file lives at src/harness/ in source and dist/<name>/ when bundled. */
export function repoRoot(): string {
  return process.env.RUNWAY_ROOT ?? process.cwd();
}

export function actionDir(root: string, name: string): string {
  return name === 'runway' ? root : join(root, 'actions', name);
}

export function readActionMetadata(root: string, name: string): ActionMetadata {
  const text = readFileSync(join(actionDir(root, name), 'action.yml'), 'utf8');
  const parsed = parse(text) as ActionMetadata;
  parsed.inputs ??= {};
  parsed.outputs ??= {};
  return parsed;
}

/** The runner's env var for an input: upper case, spaces to `_`, dashes kept (`INPUT_API-TOKEN`). */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}
