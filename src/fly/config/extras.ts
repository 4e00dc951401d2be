import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { FlyToml } from '../fly-toml.js';
import { bad } from './problems.js';
import type { MachineConfig } from '../types.js';
import { appliesTo } from './groups.js';

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
      // Stryker disable next-line StringLiteral: readFileSync's errors always carry a code (ENOENT, EACCES…)
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      throw bad(
        toml.file,
        `${where} local_path "${f.local_path}" cannot be read (${code}).`,
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
