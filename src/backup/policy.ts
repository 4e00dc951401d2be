import { InputError } from '../core/errors.js';
import { parseDuration } from '../core/duration.js';

/** restic-style keep counts: `daily=30,monthly=12` (weekly and yearly also understood). */
export interface RetentionPolicy {
  daily: number;
  weekly: number;
  monthly: number;
  yearly: number;
}

export function parseRetention(text: string, input = 'retention'): RetentionPolicy {
  const policy: RetentionPolicy = { daily: 0, weekly: 0, monthly: 0, yearly: 0 };
  const parts = text
    .split(/[,\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) throw new InputError(input, 'is empty.', 'write e.g. daily=30,monthly=12.');
  for (const part of parts) {
    const match = /^(daily|weekly|monthly|yearly)=(\d+)$/i.exec(part);
    if (!match) {
      throw new InputError(
        input,
        `"${part}" is not PERIOD=COUNT.`,
        'write e.g. daily=30,monthly=12 (periods: daily, weekly, monthly, yearly).',
      );
    }
    policy[match[1].toLowerCase() as keyof RetentionPolicy] = Number(match[2]);
  }
  return policy;
}

/** Which backups get their bytes read this run. */
export type VerifyMode =
  | { kind: 'latest' }
  | { kind: 'all' }
  | { kind: 'sample'; count: number }
  | { kind: 'since'; ms: number; text: string };

export function parseVerifyMode(text: string, input = 'verify'): VerifyMode {
  const value = text.trim().toLowerCase();
  if (value === 'latest') return { kind: 'latest' };
  if (value === 'all') return { kind: 'all' };
  const sample = /^sample:(\d+)$/.exec(value);
  if (sample && Number(sample[1]) > 0) return { kind: 'sample', count: Number(sample[1]) };
  const since = /^since:(.+)$/.exec(value);
  if (since) {
    const ms = parseDuration(since[1]);
    if (ms !== undefined && ms > 0) return { kind: 'since', ms, text: since[1] };
  }
  throw new InputError(
    input,
    `"${text}" is not a verify mode.`,
    'use latest, all, sample:N (e.g. sample:5) or since:DURATION (e.g. since:7d).',
  );
}

/** `i/n` (1-based): this job verifies every n-th backup starting at the i-th. */
export interface Shard {
  index: number;
  count: number;
}

export function parseShard(text: string | undefined, input = 'shard'): Shard {
  if (text === undefined || text.trim() === '') return { index: 1, count: 1 };
  const match = /^(\d+)\s*\/\s*(\d+)$/.exec(text.trim());
  if (!match)
    throw new InputError(
      input,
      `"${text}" is not i/n.`,
      'write e.g. 2/4 (the second of four matrix jobs), with i from 1 to n.',
    );
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || index < 1 || index > count) {
    throw new InputError(
      input,
      `"${text}" is out of range.`,
      `i must be between 1 and n, e.g. 1/${Math.max(1, count)}.`,
    );
  }
  return { index, count };
}

export type DateSource = 'key' | 'last-modified';

/**
 * The backup date written in a key: `2026-11-29`, `2026_11_29`, `20261129`, optionally followed by a
 * time (`T031500Z`, `-03-15-00`). The last match wins, because prefixes can carry dates of their own
 * (`2026/11/db-2026-11-29.dump`).
 */
export function dateFromKey(key: string): { date: Date; match: string; hasTime: boolean } | undefined {
  const name = key;
  const pattern =
    /(?<![0-9])(20\d{2})[-_./]?(0[1-9]|1[0-2])[-_./]?(0[1-9]|[12]\d|3[01])(?:[T_ -]?([01]\d|2[0-3])[-:]?([0-5]\d)(?:[-:]?([0-5]\d))?Z?)?(?![0-9])/g;
  let last: RegExpExecArray | undefined;
  for (const match of name.matchAll(pattern)) last = match as RegExpExecArray;
  if (!last) return undefined;
  const [, y, mo, d, h, mi, s] = last;
  const date = new Date(
    Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0)),
  );
  if (date.getUTCDate() !== Number(d)) return undefined; // 2026-02-30
  return { date, match: last[0], hasTime: h !== undefined };
}

/**
 * Backups of different things under one prefix (a database dump and an uploads tarball) are judged
 * separately: the series is the key with its date taken out.
 */
export function seriesOf(key: string, dateMatch: string | undefined): string {
  if (!dateMatch) return key.replace(/[^/]*$/, '*');
  const at = key.lastIndexOf(dateMatch);
  return `${key.slice(0, at)}{date}${key.slice(at + dateMatch.length)}`;
}

export const dayOf = (date: Date): string => date.toISOString().slice(0, 10);
export const monthOf = (date: Date): string => date.toISOString().slice(0, 7);
