import { InputError } from '../core/errors.js';
import { parseDuration } from '../core/duration.js';
import { parseSpan, type ForgetPolicy } from './forget.js';

/**
 * The retention policy, in restic's `forget` terms: keep counts (`last`, `hourly`, `daily`, `weekly`,
 * `monthly`, `yearly`; `all` keeps every period) and spans (`within`, `within-daily`, …, restic's
 * `1y2m3d4h` syntax), written `daily=30,monthly=12,within=7d`.
 */
export type RetentionPolicy = ForgetPolicy;

const COUNTS = ['last', 'hourly', 'daily', 'weekly', 'monthly', 'yearly'] as const;
const SPANS = {
  within: 'within',
  'within-hourly': 'withinHourly',
  'within-daily': 'withinDaily',
  'within-weekly': 'withinWeekly',
  'within-monthly': 'withinMonthly',
  'within-yearly': 'withinYearly',
} as const;
const EXAMPLE =
  'write e.g. daily=30,monthly=12 (counts: last, hourly, daily, weekly, monthly, yearly, a number or all; spans: within, within-daily, … as 1y2m3d4h).';

export function parseRetention(text: string, input = 'retention'): RetentionPolicy {
  const policy: RetentionPolicy = {};
  const parts = text
    .split(/[,\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) throw new InputError(input, 'is empty.', EXAMPLE);
  for (const part of parts) {
    const [name, value] = part.toLowerCase().split('=', 2) as [string, string | undefined];
    if (value === undefined) throw new InputError(input, `"${part}" is not RULE=VALUE.`, EXAMPLE);
    if ((COUNTS as readonly string[]).includes(name)) {
      if (!/^(\d+|all)$/.test(value))
        throw new InputError(input, `"${part}": ${name} takes a count or all.`, EXAMPLE);
      policy[name as (typeof COUNTS)[number]] = value === 'all' ? -1 : Number(value);
    } else if (Object.hasOwn(SPANS, name)) {
      const span = parseSpan(value);
      if (!span) throw new InputError(input, `"${part}": ${name} takes a span like 7d or 1y6m.`, EXAMPLE);
      policy[SPANS[name as keyof typeof SPANS]] = span;
    } else {
      throw new InputError(input, `"${part}" names no restic keep rule.`, EXAMPLE);
    }
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
