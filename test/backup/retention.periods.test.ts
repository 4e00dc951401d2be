import { describe, expect, it } from '@jest/globals';
import {
  auditLifecycle,
  auditRetention,
  describePolicy,
  type DatedBackup,
} from '../../src/backup/retention.js';
import type { RetentionPolicy } from '../../src/backup/policy.js';

// Weekly and yearly periods, the daily window's exact length, the lifecycle lag boundary and which
// lifecycle rules count. Reasons are restic's words. Most series fill every keep count; where one does
// not, restic's keep-oldest rule (>= 0.16) also keeps the oldest backup, and the test says so.

const DAY = 86_400_000;
const backup = (iso: string): DatedBackup => ({
  key: `db/${iso}.dump`,
  date: new Date(iso.length === 10 ? `${iso}T03:00:00Z` : iso),
  size: 100,
});
/** One backup a day at 03:00 UTC, `days` of them ending on `last`, without the `skip` days. */
const dailySeries = (last: string, days: number, skip: string[] = []) =>
  Array.from({ length: days }, (_, i) => new Date(Date.parse(`${last}T03:00:00Z`) - i * DAY))
    .map((d) => d.toISOString().slice(0, 10))
    .filter((d) => !skip.includes(d))
    .map(backup);
const policy = (p: Partial<RetentionPolicy>): RetentionPolicy => ({
  daily: 0,
  weekly: 0,
  monthly: 0,
  yearly: 0,
  ...p,
});
const NOW = new Date('2026-11-29T12:00:00Z');

describe('weekly periods (ISO weeks, UTC)', () => {
  it('keeps the newest backup of each of the most recent weeks, and expires the rest past the lag', () => {
    const audit = auditRetention(dailySeries('2026-11-29', 30), policy({ daily: 2, weekly: 3 }), NOW);
    const keptWhy = Object.fromEntries(audit.kept);
    expect(keptWhy).toEqual({
      'db/2026-11-29.dump': ['daily snapshot', 'weekly snapshot'],
      'db/2026-11-28.dump': ['daily snapshot'],
      'db/2026-11-22.dump': ['weekly snapshot'],
      'db/2026-11-15.dump': ['weekly snapshot'],
    });
    // Oldest kept daily is Nov 28 03:00; two days of lag reach back to Nov 26 03:00 (not included).
    expect(audit.expired).toHaveLength(24);
    expect(audit.expired[0]).toBe('db/2026-10-31.dump');
    expect(audit.expired.at(-1)).toBe('db/2026-11-25.dump');
    expect(audit.expired).not.toContain('db/2026-11-26.dump');
    expect(audit.expired).not.toContain('db/2026-11-22.dump');
  });

  // A pair of backups with weekly=2: in one ISO week only the newer is a weekly snapshot, and the older
  // is kept only by restic's keep-oldest rule; in adjacent weeks each is the weekly snapshot of its week.
  const pair = (older: string, newer: string) =>
    Object.fromEntries(
      auditRetention(
        [backup(older), backup(newer)],
        policy({ weekly: 2 }),
        new Date(`${newer.slice(0, 10)}T12:00:00Z`),
      ).kept,
    );

  it.each([
    ['2020-12-31', '2021-01-03', '2020-W53'],
    ['2020-12-28', '2020-12-31', '2020-W53'],
    ['2024-12-30', '2025-01-05', '2025-W01'],
    ['2025-12-29', '2026-01-01', '2026-W01'],
    ['2026-12-28', '2027-01-01', '2026-W53'],
    ['2027-01-01', '2027-01-03', '2026-W53'],
    ['2027-01-04', '2027-01-10', '2027-W01'],
    ['2026-11-23', '2026-11-29', '2026-W48'],
    ['2026-11-23T00:00:00Z', '2026-11-29T23:59:59Z', '2026-W48 (its UTC edges)'],
  ])('puts %s and %s in one ISO week, %s', (older, newer) => {
    expect(pair(older, newer)).toEqual({
      [`db/${newer}.dump`]: ['weekly snapshot'],
      [`db/${older}.dump`]: ['oldest weekly snapshot'],
    });
  });

  it.each([
    ['2021-01-03', '2021-01-04', '2020-W53', '2021-W01'],
    ['2020-12-27', '2020-12-28', '2020-W52', '2020-W53'],
    ['2024-12-29', '2024-12-30', '2024-W52', '2025-W01'],
    ['2025-12-28', '2025-12-29', '2025-W52', '2026-W01'],
    ['2026-12-27', '2026-12-28', '2026-W52', '2026-W53'],
    ['2027-01-03', '2027-01-04', '2026-W53', '2027-W01'],
    ['2026-11-22', '2026-11-23', '2026-W47', '2026-W48'],
    ['2026-11-22T23:59:59Z', '2026-11-23T00:00:00Z', '2026-W47', '2026-W48 (a second apart, UTC)'],
  ])('puts %s and %s in adjacent ISO weeks, %s and %s', (older, newer) => {
    expect(pair(older, newer)).toEqual({
      [`db/${newer}.dump`]: ['weekly snapshot'],
      [`db/${older}.dump`]: ['weekly snapshot'],
    });
  });

  it('keeps one per ISO week across a year boundary, and the oldest while a count is unused', () => {
    const days = ['2026-12-30', '2027-01-01', '2027-01-03', '2027-01-04', '2027-01-05'];
    const now = new Date('2027-01-05T12:00:00Z');
    const audit = auditRetention(days.map(backup), policy({ weekly: 2 }), now);
    expect(Object.fromEntries(audit.kept)).toEqual({
      'db/2027-01-05.dump': ['weekly snapshot'],
      'db/2027-01-03.dump': ['weekly snapshot'],
    });
    // No daily is kept, so the lag is measured from now: Jan 4 and Jan 3 12:00 are inside it.
    expect(audit.expired).toEqual(['db/2026-12-30.dump', 'db/2027-01-01.dump']);
    // With a weekly count left over, restic keeps the oldest backup of 2026-W53 as well.
    const spare = auditRetention(days.map(backup), policy({ weekly: 3 }), now);
    expect(Object.fromEntries(spare.kept)).toEqual({
      'db/2027-01-05.dump': ['weekly snapshot'],
      'db/2027-01-03.dump': ['weekly snapshot'],
      'db/2026-12-30.dump': ['oldest weekly snapshot'],
    });
    expect(spare.expired).toEqual(['db/2027-01-01.dump']);
  });
});

describe('yearly periods (UTC years)', () => {
  const series = [
    backup('2024-06-01'),
    backup('2025-03-01'),
    backup('2025-12-31T23:59:59Z'),
    backup('2026-01-01T00:00:01Z'),
    backup('2026-11-29'),
  ];

  it('keeps the newest backup of each of the most recent years, split at UTC midnight', () => {
    const audit = auditRetention(series, policy({ yearly: 2 }), NOW);
    expect(Object.fromEntries(audit.kept)).toEqual({
      'db/2026-11-29.dump': ['yearly snapshot'],
      'db/2025-12-31T23:59:59Z.dump': ['yearly snapshot'],
    });
    // No daily is kept, so lifecycle is measured from now: everything else is overdue.
    expect(audit.expired).toEqual([
      'db/2024-06-01.dump',
      'db/2025-03-01.dump',
      'db/2026-01-01T00:00:01Z.dump',
    ]);
    expect(audit.missingDays).toEqual([]);
    expect(audit.missingMonths).toEqual([]);
  });

  it('keeps the oldest backup too while a yearly count is unused', () => {
    const audit = auditRetention(series, policy({ yearly: 3 }), NOW);
    expect(Object.fromEntries(audit.kept)).toEqual({
      'db/2026-11-29.dump': ['yearly snapshot'],
      'db/2025-12-31T23:59:59Z.dump': ['yearly snapshot'],
      'db/2024-06-01.dump': ['yearly snapshot'],
    });
    expect(audit.expired).toEqual(['db/2025-03-01.dump', 'db/2026-01-01T00:00:01Z.dump']);
    const two = auditRetention(series.slice(2), policy({ yearly: 3 }), NOW);
    expect(Object.fromEntries(two.kept)).toEqual({
      'db/2026-11-29.dump': ['yearly snapshot'],
      'db/2025-12-31T23:59:59Z.dump': ['yearly snapshot'],
    });
    const sameYear = auditRetention(series.slice(3), policy({ yearly: 3 }), NOW);
    expect(Object.fromEntries(sameYear.kept)).toEqual({
      'db/2026-11-29.dump': ['yearly snapshot'],
      'db/2026-01-01T00:00:01Z.dump': ['oldest yearly snapshot'],
    });
  });

  it('lets every period keep the same backup, in daily, weekly, monthly, yearly order', () => {
    const audit = auditRetention(series, policy({ daily: 1, weekly: 1, monthly: 1, yearly: 1 }), NOW);
    expect(audit.kept.get('db/2026-11-29.dump')).toEqual([
      'daily snapshot',
      'weekly snapshot',
      'monthly snapshot',
      'yearly snapshot',
    ]);
    expect(audit.kept.size).toBe(1);
  });

  it('keeps nothing for a period whose count is zero', () => {
    const audit = auditRetention(series, policy({ monthly: 1 }), NOW);
    expect(Object.fromEntries(audit.kept)).toEqual({ 'db/2026-11-29.dump': ['monthly snapshot'] });
    // Zero counts keep nothing even while the oldest backup would otherwise be kept.
    const zero = auditRetention(series, policy({}), NOW);
    expect(zero.kept.size).toBe(0);
    expect(zero.expired).toEqual([
      'db/2024-06-01.dump',
      'db/2025-03-01.dump',
      'db/2025-12-31T23:59:59Z.dump',
      'db/2026-01-01T00:00:01Z.dump',
    ]);
  });
});

describe('the daily window', () => {
  it('with no backup at all names no missing day or month and keeps nothing (the freshness check speaks)', () => {
    const audit = auditRetention([], policy({ daily: 7, monthly: 12 }), NOW);
    expect(audit.missingDays).toEqual([]);
    expect(audit.missingMonths).toEqual([]);
    expect(audit.kept.size).toBe(0);
    expect(audit.window.to).toBe('2026-11-28');
  });

  it('is exactly `daily` days long, ending today when today’s backup exists', () => {
    const backups = dailySeries('2026-11-29', 10, ['2026-11-25', '2026-11-24']);
    const audit = auditRetention(backups, policy({ daily: 5 }), NOW);
    expect(audit.window).toEqual({ from: '2026-11-25', to: '2026-11-29' });
    // Nov 25 is the window's fifth day; Nov 24 is the sixth, outside it.
    expect(audit.missingDays).toEqual(['2026-11-25']);
  });

  it('ends yesterday before today’s backup, and lists several missing days oldest first', () => {
    const backups = dailySeries('2026-11-28', 10, ['2026-11-28', '2026-11-26', '2026-11-24']);
    const audit = auditRetention(backups, policy({ daily: 5 }), NOW);
    expect(audit.window).toEqual({ from: '2026-11-24', to: '2026-11-28' });
    expect(audit.missingDays).toEqual(['2026-11-24', '2026-11-26', '2026-11-28']);
  });

  it('does not reach back before the first backup', () => {
    const audit = auditRetention(dailySeries('2026-11-29', 3, ['2026-11-28']), policy({ daily: 7 }), NOW);
    expect(audit.window).toEqual({ from: '2026-11-27', to: '2026-11-29' });
    expect(audit.missingDays).toEqual(['2026-11-28']);
  });

  it('with no daily count has no missing day and a one-day window', () => {
    const noDaily = auditRetention(dailySeries('2026-11-20', 3), policy({ monthly: 1 }), NOW);
    expect(noDaily.missingDays).toEqual([]);
    expect(noDaily.window).toEqual({ from: '2026-11-28', to: '2026-11-28' });
    const all = auditRetention(dailySeries('2026-11-20', 3), policy({ daily: -1 }), NOW);
    expect(all.missingDays).toEqual([]);
    expect(all.window).toEqual({ from: '2026-11-28', to: '2026-11-28' });
    expect(all.kept.size).toBe(3);
  });

  it('counts backups per UTC day', () => {
    const audit = auditRetention(
      [backup('2026-11-29T00:00:00Z'), backup('2026-11-29T23:59:59Z'), backup('2026-11-28T23:59:59Z')],
      policy({ daily: 2 }),
      NOW,
    );
    expect(Object.fromEntries(audit.days)).toEqual({ '2026-11-29': 2, '2026-11-28': 1 });
    expect(Object.fromEntries(audit.kept)).toEqual({
      'db/2026-11-29T23:59:59Z.dump': ['daily snapshot'],
      'db/2026-11-28T23:59:59Z.dump': ['daily snapshot'],
    });
    // The first backup of Nov 29 is inside the dense window: lifecycle cannot thin a day.
    expect(audit.expired).toEqual([]);
  });
});

describe('the monthly window', () => {
  const monthly = (months: string[]) => months.map((m) => backup(`${m}-15`));

  it('is exactly `monthly` months long, ending this month', () => {
    const backups = monthly(['2026-05', '2026-06', '2026-07', '2026-09', '2026-11']);
    expect(auditRetention(backups, policy({ monthly: 3 }), NOW).missingMonths).toEqual(['2026-10']);
    expect(auditRetention(backups, policy({ monthly: 4 }), NOW).missingMonths).toEqual([
      '2026-08',
      '2026-10',
    ]);
  });

  it('does not reach back before the first backup', () => {
    const backups = monthly(['2026-09', '2026-11']);
    expect(auditRetention(backups, policy({ monthly: 12 }), NOW).missingMonths).toEqual(['2026-10']);
  });

  it('crosses a year boundary', () => {
    const backups = monthly(['2025-11', '2026-01', '2026-02']);
    const audit = auditRetention(backups, policy({ monthly: 4 }), new Date('2026-02-20T12:00:00Z'));
    expect(audit.missingMonths).toEqual(['2025-12']);
  });
});

describe('expiry and the lifecycle lag', () => {
  it('expires a backup strictly older than the oldest kept daily minus the lag', () => {
    const backups = [
      backup('2026-11-29'),
      backup('2026-11-27T03:00:00Z'), // exactly two days before the kept daily
      backup('2026-11-27T02:59:59.999Z'),
    ];
    // Two backups on Nov 27: only the newest of that day could be kept, and daily=1 keeps just Nov 29.
    const audit = auditRetention(backups, policy({ daily: 1 }), NOW);
    expect(audit.expired).toEqual(['db/2026-11-27T02:59:59.999Z.dump']);
    expect(auditRetention(backups, policy({ daily: 1 }), NOW, 0).expired).toEqual([
      'db/2026-11-27T02:59:59.999Z.dump',
      'db/2026-11-27T03:00:00Z.dump',
    ]);
    expect(auditRetention(backups, policy({ daily: 1 }), NOW, 3).expired).toEqual([]);
  });
});

describe('lifecycle rules against the policy', () => {
  const rule = (r: {
    id?: string;
    prefix?: string;
    enabled?: boolean;
    expirationDays?: number;
    noncurrentDays?: number;
  }) => ({
    prefix: 'db/',
    enabled: true,
    ...r,
  });

  it('ignores a disabled rule, however short', () => {
    const result = auditLifecycle(
      { rules: [rule({ id: 'off', enabled: false, expirationDays: 1 })] },
      'db/',
      policy({ daily: 30 }),
      0,
    );
    expect(result).toEqual({
      ok: true,
      detail: "no lifecycle rule covers 'db/' (pruning must happen in the upload job)",
      rules: [],
    });
  });

  it.each([
    [policy({ daily: 30 }), 30],
    [policy({ daily: 30, weekly: 4 }), 30],
    [policy({ daily: 7, weekly: 4 }), 28],
    [policy({ daily: 7, monthly: 12 }), 372],
    [policy({ daily: 7, weekly: 4, monthly: 12, yearly: 2 }), 732],
    [policy({ daily: 7, within: { years: 1, months: 2, days: 3, hours: 12 } }), 431.5],
    [policy({ daily: 7, withinDaily: { years: 0, months: 0, days: 10, hours: 0 } }), 10],
    [policy({ daily: 7, withinWeekly: { years: 0, months: 2, days: 0, hours: 0 } }), 62],
    [policy({ monthly: 6, withinMonthly: { years: 1, months: 0, days: 0, hours: 0 } }), 366],
    [policy({ yearly: 2, withinYearly: { years: 3, months: 0, days: 0, hours: 0 } }), 1098],
  ])('compares an expiry with the longest period the policy keeps (%p → %p days)', (p, longest) => {
    const at = (days: number) =>
      auditLifecycle({ rules: [rule({ id: 'x', expirationDays: days })] }, 'db/', p, 0);
    expect(at(longest).ok).toBe(true);
    const short = at(longest - 1);
    expect(short.ok).toBe(false);
    expect(short.detail).toBe(
      `lifecycle rule x expires backups after ${longest - 1} days, but the policy keeps some for about ${longest} days (${describePolicy(p)}): keep monthly snapshots under a prefix of their own with a longer rule`,
    );
  });

  it('finds no expiry long enough for a count of all', () => {
    const p = policy({ daily: 7, monthly: -1 });
    const result = auditLifecycle({ rules: [rule({ id: 'x', expirationDays: 36500 })] }, 'db/', p, 0);
    expect(result.ok).toBe(false);
    expect(result.detail).toContain('keeps some for about Infinity days (daily=7,monthly=all)');
  });

  it('applies rules on the prefix, above it and below it; only those at or above it can be too short', () => {
    const p = policy({ daily: 30 });
    const check = (prefix: string) =>
      auditLifecycle({ rules: [rule({ prefix, expirationDays: 5 })] }, 'db/voice/', p, 0);
    expect(check('db/').ok).toBe(false);
    expect(check('db/voice/').ok).toBe(false);
    expect(check('db/voice/old/')).toEqual({
      ok: true,
      detail: 'lifecycle rules match the policy',
      rules: ["(no id) on 'db/voice/old/': expire after 5d"],
    });
    expect(check('web/').rules).toEqual([]);
    expect(check('db/').detail).toMatch(/^lifecycle rule on 'db\/' expires backups after 5 days/);
  });

  it('lists each applicable rule in words', () => {
    const result = auditLifecycle(
      {
        rules: [
          rule({ id: 'hide', noncurrentDays: 1 }),
          rule({ id: 'both', expirationDays: 400, noncurrentDays: 2 }),
          rule({ id: 'other', prefix: 'web/', expirationDays: 1 }),
        ],
      },
      'db/',
      policy({ monthly: 12 }),
      5,
    );
    expect(result).toEqual({
      ok: true,
      detail: 'lifecycle rules match the policy',
      rules: [
        "hide on 'db/': no expiry, delete hidden after 1d",
        "both on 'db/': expire after 400d, delete hidden after 2d",
      ],
    });
  });

  it('without any rule, is fine only when nothing beyond the policy remains', () => {
    const p = policy({ daily: 30 });
    expect(auditLifecycle({ rules: [] }, 'db/', p, 0).ok).toBe(true);
    expect(auditLifecycle({ rules: [] }, 'db/', p, 1)).toEqual({
      ok: false,
      detail:
        "no lifecycle rule covers 'db/', and 1 backup(s) beyond the policy remain: add a rule or prune in the upload job",
      rules: [],
    });
  });

  it('does not compare what it cannot read, and says why', () => {
    expect(
      auditLifecycle({ unavailable: 'AccessDenied (HTTP 403)' }, 'db/', policy({ daily: 1 }), 9),
    ).toEqual({
      ok: true,
      detail: 'lifecycle rules not readable here (AccessDenied (HTTP 403)); not compared',
      rules: [],
    });
  });

  it('describes a policy by its non-zero counts, in period order', () => {
    expect(describePolicy(policy({ yearly: 3, daily: 7 }))).toBe('daily=7,yearly=3');
    expect(describePolicy(policy({ weekly: 4, monthly: 6 }))).toBe('weekly=4,monthly=6');
    expect(describePolicy(policy({}))).toBe('');
  });
});

describe('what lifecycle should already have removed, with within-spans', () => {
  const days = (n: number) => ({ years: 0, months: 0, days: n, hours: 0 });

  it('takes only last/hourly/daily/within reasons as the dense window: weekly-within keeps one a week, so its edge is now', () => {
    // 20 daily backups up to NOW; within-weekly 1m keeps the newest of each week, lifecycle could remove the rest.
    const audit = auditRetention(
      dailySeries('2026-11-29', 20),
      policy({ withinWeekly: { years: 0, months: 1, days: 0, hours: 0 } }),
      NOW,
    );
    const kept = [...audit.kept.keys()];
    expect(
      kept.every((key) => audit.kept.get(key)!.every((m) => /^(oldest )?weekly within 1m$/.test(m))),
    ).toBe(true);
    // Everything not kept and older than NOW − 2 days: the edge is NOW, not the oldest weekly backup.
    const removed = dailySeries('2026-11-29', 20)
      .filter((b) => !audit.kept.has(b.key) && b.date.getTime() < NOW.getTime() - 2 * DAY)
      .map((b) => b.key);
    expect(removed.length).toBeGreaterThan(10);
    expect([...audit.expired].sort()).toEqual(removed.sort());
  });

  it('takes a daily-within window as dense: nothing inside it is expired', () => {
    const audit = auditRetention(dailySeries('2026-11-29', 20), policy({ withinDaily: days(7) }), NOW);
    expect(audit.kept.size).toBe(7);
    // The oldest backup kept is 6 days back; the lag takes 2 more days off the edge.
    const edge = Date.parse('2026-11-23T03:00:00Z') - 2 * DAY;
    expect([...audit.expired].sort()).toEqual(
      dailySeries('2026-11-29', 20)
        .filter((b) => b.date.getTime() < edge)
        .map((b) => b.key)
        .sort(),
    );
  });
});

describe('describePolicy', () => {
  it('names counts, "all" for -1, and every within-span in restic’s flag names', () => {
    expect(
      describePolicy(
        policy({
          daily: 7,
          monthly: -1,
          within: { years: 0, months: 0, days: 3, hours: 0 },
          withinHourly: { years: 0, months: 0, days: 0, hours: 12 },
          withinDaily: { years: 0, months: 0, days: 7, hours: 0 },
          withinWeekly: { years: 0, months: 1, days: 0, hours: 0 },
          withinMonthly: { years: 1, months: 0, days: 0, hours: 0 },
          withinYearly: { years: 5, months: 0, days: 0, hours: 0 },
        }),
      ),
    ).toBe(
      'daily=7,monthly=all,within=3d,within-hourly=12h,within-daily=7d,within-weekly=1m,within-monthly=1y,within-yearly=5y',
    );
    expect(describePolicy(policy({ weekly: 4 }))).toBe('weekly=4');
  });
});
