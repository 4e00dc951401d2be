import { goDurationMs } from '../../core/duration.js';

/** Go's time.Duration.String() for a whole number of nanoseconds: "1m30s", "1.5s", "500ms", "0s". */
function goDurationFromNs(ns: number): string {
  if (ns === 0) return '0s';
  const abs = Math.abs(ns);
  // ns is not 0 here, so it is negative exactly when it differs from its absolute value.
  const sign = abs === ns ? '' : '-';
  const trim = (n: number, scale: number) => {
    const whole = Math.trunc(n / scale);
    const frac = String(n % scale)
      .padStart(String(scale).length - 1, '0')
      .replace(/0+$/, '');
    return frac ? `${whole}.${frac}` : String(whole);
  };
  if (abs < 1e3) return `${sign}${abs}ns`;
  if (abs < 1e6) return `${sign}${trim(abs, 1e3)}µs`;
  if (abs < 1e9) return `${sign}${trim(abs, 1e6)}ms`;
  const hours = Math.trunc(abs / 3.6e12);
  const minutes = Math.trunc((abs % 3.6e12) / 6e10);
  const seconds = trim(abs % 6e10, 1e9);
  if (hours) return `${sign}${hours}h${minutes}m${seconds}s`;
  if (minutes) return `${sign}${minutes}m${seconds}s`;
  return `${sign}${seconds}s`;
}

/**
 * A fly.toml duration as fly-go sends it: strings parse as Go durations and are re-printed by
 * Duration.String() ("1m" goes out as "1m0s"); a bare number is in `bareUnitMs` units (milliseconds for
 * checks, seconds for kill_timeout, as flyctl's patches read them). Undefined when it is not a duration.
 */
export function flyDuration(value: unknown, bareUnitMs: number): string | undefined {
  let ms: number | undefined;
  // Number.isFinite is false for anything that is not a number (it does not convert).
  if (Number.isFinite(value)) ms = (value as number) * bareUnitMs;
  else if (typeof value === 'string') ms = goDurationMs(value);
  return ms === undefined ? undefined : goDurationFromNs(Math.round(ms * 1e6));
}

/** Milliseconds of a Go duration string ("1m0s", "500ms"), or undefined. */
export function durationMs(value: string | undefined): number | undefined {
  return value === undefined ? undefined : goDurationMs(value);
}
