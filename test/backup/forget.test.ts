import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { applyPolicy, parseSpan, type ForgetPolicy, type Span } from '../../src/backup/forget.js';

/** restic's own TestApplyPolicy expectations (snapshots, policies, golden keep lists), as data. */
interface Golden {
  commit: string;
  snapshots: { time: string; tags: string[]; paths: string[] }[];
  cases: {
    golden: string;
    policy: Record<string, number | string | string[][]>;
    keep: { time: string; tags: string[]; paths: string[] }[];
    reasons: { matches: string[]; counters: Record<string, number> }[];
  }[];
}
const golden = JSON.parse(
  readFileSync(new URL('../fixtures/restic-forget/apply-policy.json', import.meta.url), 'utf8'),
) as Golden;

const FIELDS: Record<string, keyof ForgetPolicy> = {
  Last: 'last',
  Hourly: 'hourly',
  Daily: 'daily',
  Weekly: 'weekly',
  Monthly: 'monthly',
  Yearly: 'yearly',
  Within: 'within',
  WithinHourly: 'withinHourly',
  WithinDaily: 'withinDaily',
  WithinWeekly: 'withinWeekly',
  WithinMonthly: 'withinMonthly',
  WithinYearly: 'withinYearly',
};

function policyOf(go: Golden['cases'][number]['policy']): ForgetPolicy {
  const policy: Record<string, number | Span> = {};
  for (const [field, value] of Object.entries(go))
    policy[FIELDS[field]] = typeof value === 'number' ? value : parseSpan(value as string)!;
  return policy as ForgetPolicy;
}

// Tag policies select snapshots by tag, which bucket objects do not have; everything else is ported.
const cases = golden.cases.filter((c) => !('Tags' in c.policy));
const label = (s: { time: string; tags: string[]; paths: string[] }) =>
  `${s.time} [${s.tags.join(',')}] [${s.paths.join(',')}]`;
// restic's snapshot JSON writes RFC 3339 with the fraction trimmed; Date keeps milliseconds.
const rfc3339 = (d: Date) =>
  d
    .toISOString()
    .replace('.000Z', 'Z')
    .replace(/(\.\d*?)0+Z$/, '$1Z');

describe(`restic forget policy (golden files of restic ${golden.commit.slice(0, 12)})`, () => {
  const snapshots = golden.snapshots.map((s) => ({ ...s, date: new Date(s.time) }));

  it('ports every non-tag case', () => {
    expect(cases).toHaveLength(37);
  });

  it.each(cases.map((c) => [c.golden, c] as const))('%s', (_, c) => {
    const { keep, remove } = applyPolicy(snapshots, policyOf(c.policy));
    expect(keep.length + remove.length).toBe(snapshots.length);
    expect(keep.map((k) => label({ ...k.item, time: rfc3339(k.item.date) }))).toEqual(c.keep.map(label));
    expect(keep.map((k) => k.matches)).toEqual(c.reasons.map((r) => r.matches));
    const nonZero = (counters: Record<string, number>) =>
      Object.fromEntries(Object.entries(counters).filter(([, n]) => n !== 0));
    expect(keep.map((k) => nonZero(k.counters))).toEqual(c.reasons.map((r) => r.counters));
  });

  it('reads spans in any order, as restic does', () => {
    expect(parseSpan('1y1d1m')).toEqual({ years: 1, months: 1, days: 1, hours: 0 });
    expect(parseSpan('7d')).toEqual({ years: 0, months: 0, days: 7, hours: 0 });
    expect(parseSpan('7 days')).toBeUndefined();
    expect(parseSpan('')).toBeUndefined();
  });
});
