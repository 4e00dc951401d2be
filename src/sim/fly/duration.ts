import { goDurationMs as parseGoDuration } from '../../core/duration.js';

/**
 * Durations in Machine configs are Go duration strings (`"15s"`, `"1m30s"`, `"500ms"`). fly-go also reads
 * bare integers, which Go treats as nanoseconds, so the sim does the same rather than guessing seconds.
 */
export function goDurationMs(value: unknown, fallbackMs: number): number {
  if (value === undefined || value === null || value === '') return fallbackMs;
  if (typeof value === 'number' && Number.isFinite(value)) return value / 1e6;
  if (typeof value !== 'string') return fallbackMs;
  return parseGoDuration(value) ?? fallbackMs;
}

export function isGoDuration(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0;
  return typeof value === 'string' && parseGoDuration(value) !== undefined;
}
