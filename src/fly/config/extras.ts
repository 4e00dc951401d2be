import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { FlyToml } from '../fly-toml.js';
import { bad, isTable } from './problems.js';
import type { MachineConfig } from '../types.js';
import { parseSizeGb } from '../vm-sizes.js';
import { appliesTo } from './groups.js';
import { unsupported } from './unsupported.js';

type Table = Record<string, unknown>;

/** A [[statics]] entry as fly-go sends it (all four fields, tigris_bucket and index_document may be ""). */
export function staticsFor(toml: FlyToml): MachineConfig['statics'] {
  if (!toml.statics.length) return undefined;
  return toml.statics.map((s, i) => {
    for (const key of ['guest_path', 'url_prefix'])
      if (typeof s[key] !== 'string' || !s[key])
        throw bad(
          toml.file,
          `[[statics]] #${i + 1} needs ${key}.`,
          'write guest_path = "/app/public" and url_prefix = "/static/".',
        );
    return {
      guest_path: s.guest_path,
      url_prefix: s.url_prefix,
      tigris_bucket: typeof s.tigris_bucket === 'string' ? s.tigris_bucket : '',
      index_document: typeof s.index_document === 'string' ? s.index_document : '',
    };
  });
}

/** The group's first [metrics] entry (port, path, https), as flyctl keeps only the first. */
export function metricsFor(toml: FlyToml, group: string): Table | undefined {
  const entry = toml.metrics.find((m) => appliesTo(toml, m, group));
  if (!entry) return undefined;
  const out: Table = {};
  if (entry.port !== undefined) out.port = Number(entry.port);
  if (typeof entry.path === 'string' && entry.path) out.path = entry.path;
  if (entry.https === true) out.https = true;
  return out;
}

function fileFrom(toml: FlyToml, f: Table, i: number): Table {
  const where = `[[files]] #${i + 1}`;
  if (typeof f.guest_path !== 'string' || !f.guest_path)
    throw bad(toml.file, `${where} needs guest_path.`, 'write guest_path = "/etc/app/config.json".');
  const base64 = (data: Buffer | string) => Buffer.from(data).toString('base64');
  if (typeof f.local_path === 'string' && f.local_path) {
    // flyctl reads it from its working directory, which is fly.toml's directory when run beside it.
    const path = resolve(dirname(toml.file), f.local_path);
    try {
      return { guest_path: f.guest_path, raw_value: base64(readFileSync(path)) };
    } catch (error) {
      throw bad(
        toml.file,
        `${where} local_path "${f.local_path}" cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
        `commit the file at ${path}, or use raw_value / secret_name.`,
      );
    }
  }
  if (typeof f.secret_name === 'string' && f.secret_name)
    return { guest_path: f.guest_path, secret_name: f.secret_name };
  if (typeof f.raw_value === 'string' && f.raw_value)
    return { guest_path: f.guest_path, raw_value: base64(f.raw_value) };
  return { guest_path: f.guest_path };
}

/**
 * [[files]] as flyctl deploys them: every entry (flyctl merges the whole file list before it flattens
 * per group, so `processes` on [[files]] does not narrow it), a later entry for the same guest_path
 * replacing an earlier one, and one with no content removing it (fly.MergeFiles).
 */
export function filesFor(toml: FlyToml): Table[] | undefined {
  const files: Table[] = [];
  toml.files.forEach((entry, i) => {
    const file = fileFrom(toml, entry, i);
    const at = files.findIndex((f) => f.guest_path === file.guest_path);
    if (at === -1) files.push(file);
    else if (file.raw_value === undefined && file.secret_name === undefined) files.splice(at, 1);
    else files[at] = file;
  });
  return files.length ? files : undefined;
}

function sizeProblem(gb: number | undefined, min: number, max: number): string {
  if (gb === undefined) return 'not a size';
  return max === Infinity ? `smaller than ${min}GB` : `not from ${min}GB to ${max}GB`;
}

function sizeGb(
  toml: FlyToml,
  where: string,
  value: unknown,
  [min, max]: [number, number],
): number | undefined {
  if (value === undefined || value === '') return undefined;
  const gb = parseSizeGb(typeof value === 'number' ? String(value) : value);
  if (gb === undefined || gb < min || gb > max)
    throw bad(
      toml.file,
      `${where} ${JSON.stringify(value)} is ${sizeProblem(gb, min, max)}.`,
      'write e.g. "10gb".',
    );
  return gb;
}

/** Checks a [[mounts]] entry as flyctl's validateMounts does, so Fly never sees a size it would refuse. */
export function checkMount(toml: FlyToml, m: Table, where: string): Table {
  for (const key of ['source', 'destination'])
    if (typeof m[key] !== 'string' || !m[key])
      throw bad(toml.file, `${where} needs ${key}.`, 'write source = "data" and destination = "/data".');
  sizeGb(toml, `${where} initial_size`, m.initial_size, [1, Infinity]);
  const retention = m.snapshot_retention;
  if (
    retention !== undefined &&
    (!Number.isInteger(retention) || (retention as number) < 1 || (retention as number) > 60)
  )
    throw bad(
      toml.file,
      `${where} snapshot_retention must be 1 to 60 days, not ${JSON.stringify(retention)}.`,
      'set e.g. snapshot_retention = 5.',
    );
  const threshold = Number(m.auto_extend_size_threshold ?? 0);
  const increment =
    sizeGb(toml, `${where} auto_extend_size_increment`, m.auto_extend_size_increment, [1, 100]) ?? 0;
  const limit = sizeGb(toml, `${where} auto_extend_size_limit`, m.auto_extend_size_limit, [1, 500]) ?? 0;
  if (threshold || increment || limit) {
    if (!Number.isInteger(threshold) || threshold < 50 || threshold > 99 || !increment)
      throw bad(
        toml.file,
        `${where} auto-extend needs auto_extend_size_threshold from 50 to 99 and auto_extend_size_increment from 1GB to 100GB.`,
        'set all of auto_extend_size_threshold, auto_extend_size_increment (and optionally auto_extend_size_limit), or none.',
      );
  }
  const mount: Table = { path: m.destination, name: m.source };
  if (threshold) mount.extend_threshold_percent = threshold;
  if (increment) mount.add_size_gb = increment;
  if (limit) mount.size_gb_limit = limit;
  return mount;
}

/** The [[mounts]] entry for a group (at most one, as flyctl insists), as a Machine mount without a volume id. */
export function mountsFor(toml: FlyToml, group: string): Table[] | undefined {
  const entries = toml.mounts.map((m, i) => [m, i] as const).filter(([m]) => appliesTo(toml, m, group));
  if (entries.length > 1)
    throw bad(
      toml.file,
      `process group "${group}" has more than one [[mounts]] section.`,
      'give each group at most one volume (set processes on each [[mounts]]).',
    );
  return entries.length ? entries.map(([m, i]) => checkMount(toml, m, `[[mounts]] #${i + 1}`)) : undefined;
}

/** The [[mounts]] settings for a group, with initial_size in GB, for whoever creates its volume. */
export function volumeFor(
  toml: FlyToml,
  group: string,
): { name: string; path: string; initialSizeGb?: number } | undefined {
  const mount = mountsFor(toml, group)?.[0];
  if (!mount) return undefined;
  const entry = toml.mounts.find((m) => m.source === mount.name && appliesTo(toml, m, group));
  const initialSizeGb = entry
    ? parseSizeGb(entry.initial_size === undefined ? undefined : String(entry.initial_size))
    : undefined;
  return { name: String(mount.name), path: String(mount.path), ...(initialSizeGb ? { initialSizeGb } : {}) };
}

function readMachineConfigSource(toml: FlyToml, source: string, where: string): unknown {
  if (source.startsWith('{')) return JSON.parse(source);
  if (!source.endsWith('.json'))
    throw bad(
      toml.file,
      `${where} "${source}" is neither inline JSON nor a .json file.`,
      'write machine_config = \'{"dns": {...}}\' or a path ending in .json.',
    );
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
