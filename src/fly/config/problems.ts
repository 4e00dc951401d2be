import { InputError } from '../../core/errors.js';

type Table = Record<string, unknown>;

/** A fly.toml mistake: an InputError on `config` naming the file, the key as written, and the fix. */
export function bad(file: string, problem: string, fix: string): InputError {
  return new InputError('config', `${file}: ${problem}`, fix);
}

export const isTable = (v: unknown): v is Table =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
