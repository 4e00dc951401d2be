import { goDurationMs } from '../core/duration.js';

/** A fly.toml check duration: a Go duration string, or a bare number of milliseconds. */
export function checkDuration(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return `${value}ms`;
  if (typeof value === 'string' && goDurationMs(value) !== undefined) return value;
  return undefined;
}
