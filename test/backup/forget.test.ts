import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { applyPolicy, isoWeek, parseSpan, type ForgetPolicy, type Span } from '../../src/backup/forget.js';

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
    expect(parseSpan(' 7d ')).toEqual({ years: 0, months: 0, days: 7, hours: 0 });
    expect(parseSpan('x7d')).toBeUndefined();
    expect(parseSpan('7dx')).toBeUndefined();
  });
});

describe('restic forget at the edges its golden files do not reach', () => {
  const span = (s: Partial<Span>): Span => ({ years: 0, months: 0, days: 0, hours: 0, ...s });
  const at = (...times: string[]) => times.map((t) => ({ date: new Date(t) }));
  const kept = (items: { date: Date }[], policy: ForgetPolicy, now: string) =>
    applyPolicy(items, policy, new Date(now)).keep.map((k) => [k.item.date.toISOString(), k.matches]);

  it.each([
    // Go's Time.ISOWeek: weeks start on Monday; week 1 holds the year's first Thursday
    ['2026-01-01', 2026, 1],
    ['2025-12-29', 2026, 1],
    ['2025-12-28', 2025, 52],
    ['2024-12-30', 2025, 1],
    ['2026-12-31', 2026, 53],
    ['2027-01-03', 2026, 53],
    ['2027-01-04', 2027, 1],
    ['2021-01-03', 2020, 53],
    ['2026-06-15', 2026, 25],
  ])('%s is in ISO week %p-W%p', (day, year, week) => {
    expect(isoWeek(new Date(`${day}T23:59:59Z`))).toEqual({ year, week });
    expect(isoWeek(new Date(`${day}T00:00:00Z`))).toEqual({ year, week });
  });

  it('ignores a count below -1, as restic applies only counts above 0 and -1', () => {
    expect(kept(at('2026-11-29T03:00Z', '2026-11-28T03:00Z'), { daily: -2 }, '2026-11-30T00:00Z')).toEqual(
      [],
    );
  });

  it('keeps within a span only what is strictly newer than its start', () => {
    const items = at('2026-11-29T12:00Z', '2026-11-28T12:00Z', '2026-11-28T12:00:01Z');
    expect(kept(items, { withinDaily: span({ days: 1 }) }, '2026-12-01T00:00Z')).toEqual([
      ['2026-11-29T12:00:00.000Z', ['daily within 1d']],
      ['2026-11-28T12:00:01.000Z', ['daily within 1d']],
    ]);
  });

  it('reads an hours-only span', () => {
    const items = at('2026-11-29T12:00Z', '2026-11-29T10:00Z', '2026-11-29T06:00Z');
    expect(kept(items, { withinHourly: span({ hours: 5 }) }, '2026-12-01T00:00Z')).toEqual([
      ['2026-11-29T12:00:00.000Z', ['hourly within 5h']],
      ['2026-11-29T10:00:00.000Z', ['hourly within 5h']],
    ]);
  });

  it('ignores a zero span, even for a backup dated in the future', () => {
    const items = at('2026-12-02T00:00Z', '2026-11-29T12:00Z');
    expect(kept(items, { withinDaily: span({}) }, '2026-12-01T00:00Z')).toEqual([]);
  });

  it('measures spans from the newest backup strictly before now', () => {
    const items = at('2026-12-01T00:00Z', '2026-11-29T12:00Z');
    expect(kept(items, { within: span({ days: 1 }) }, '2026-12-01T00:00Z')).toEqual([
      ['2026-12-01T00:00:00.000Z', ['within 1d']],
      ['2026-11-29T12:00:00.000Z', ['within 1d']],
    ]);
  });

  it('tells apart hours a month apart on the same day of the month', () => {
    const items = at('2026-12-29T00:00Z', '2026-11-29T01:00Z', '2026-11-28T01:00Z');
    expect(kept(items, { hourly: 2 }, '2027-01-01T00:00Z').map(([t]) => t)).toEqual([
      '2026-12-29T00:00:00.000Z',
      '2026-11-29T01:00:00.000Z',
    ]);
  });

  it('keeps nothing of an empty list', () => {
    expect(applyPolicy([], { last: 3 })).toEqual({ keep: [], remove: [] });
  });
});
