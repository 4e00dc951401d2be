import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { FlyToml } from '../fly-toml.js';
import { bad, isTable } from './problems.js';
import { unsupported } from './unsupported.js';

type Table = Record<string, unknown>;

function readMachineConfigSource(toml: FlyToml, source: string, where: string): unknown {
  if (source.startsWith('{')) return JSON.parse(source);
  if (!source.endsWith('.json'))
    throw bad(
      toml.file,
      `${where} "${source}" is neither inline JSON nor a .json file.`,
      'write machine_config = \'{"dns": {...}}\' or a path ending in .json.',
    );
  // Stryker disable next-line StringLiteral: without an encoding readFileSync gives a Buffer, which JSON.parse reads as the same UTF-8 text
  return JSON.parse(readFileSync(resolve(dirname(toml.file), source), 'utf8'));
}

/** machine_config (inline JSON or a .json file), [experimental] first: the Machine fields fly.toml has no key for. */
export function machineConfigOverlay(toml: FlyToml): Table | undefined {
  const source = toml.experimental?.machineConfig || toml.machineConfig;
  if (!source) return undefined;
  const where = toml.experimental?.machineConfig ? '[experimental] machine_config' : 'machine_config';
  let parsed: unknown;
  try {
    parsed = readMachineConfigSource(toml, source, where);
  } catch (error) {
    if ((error as { input?: string }).input) throw error;
    throw bad(toml.file, `${where} cannot be read as JSON: ${(error as Error).message}.`, 'fix the JSON.');
  }
  if (!isTable(parsed))
    throw bad(toml.file, `${where} must be a JSON object.`, 'write a {...} Machine config.');
  for (const key of ['containers', 'volumes'])
    if (parsed[key] !== undefined)
      throw unsupported(toml.file, 'machine_config containers', `${where} ${key}`);
  return parsed;
}

/** encoding/json's Unmarshal onto an existing value: objects merge key by key, everything else replaces. */
export function mergeJson(base: Table, overlay: Table): Table {
  const out: Table = { ...base };
  for (const [key, value] of Object.entries(overlay)) {
    out[key] = isTable(value) && isTable(out[key]) ? mergeJson(out[key] as Table, value) : value;
  }
  return out;
}
