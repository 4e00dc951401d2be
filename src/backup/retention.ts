import { applyPolicy, formatSpan, type Span } from './forget.js';
import { dayOf, monthOf } from './layout.js';
import type { RetentionPolicy } from './policy.js';
import type { LifecycleAnswer } from './store.js';

export interface DatedBackup {
  key: string;
  date: Date;
  size: number;
}

export interface RetentionAudit {
  /** UTC days in the daily window with no backup (after the first backup ever, up to the last expected day). */
  missingDays: string[];
  missingMonths: string[];
  /** Backups restic would remove that lifecycle should already have removed (see `expiredOf`). */
  expired: string[];
  /** Keys the policy keeps, with restic's reasons ('daily snapshot', 'oldest monthly snapshot', …). */
  kept: Map<string, string[]>;
  window: { from: string; to: string };
  /** Day → number of backups, for the calendar. */
  days: Map<string, number>;
}

const DAY = 86_400_000;

/**
 * Audits one series against the policy: which backups restic's `forget` keeps, the gaps in the daily
 * and monthly windows, and what lifecycle left behind. Calendar boundaries are UTC days and months.
 */
export function auditRetention(
  backups: DatedBackup[],
  policy: RetentionPolicy,
  now: Date,
  lagDays = 2,
): RetentionAudit {
  const { keep, remove } = applyPolicy(backups, policy, now);
  const kept = new Map(keep.map((k) => [k.item.key, k.matches]));
  const days = new Map<string, number>();
  for (const b of backups) days.set(dayOf(b.date), (days.get(dayOf(b.date)) ?? 0) + 1);
  const today = dayOf(now);
  // Today's backup may not have run yet; lateness is the freshness check's job.
  const lastDay = days.has(today) ? Date.parse(today) : Date.parse(today) - DAY;
  // No backup at all: no day can be missing yet (the freshness check reports the empty store).
  const oldest = backups.length ? Math.min(...backups.map((b) => b.date.getTime())) : lastDay + DAY;
  const daily = missingDaysOf(days, policy.daily ?? 0, lastDay, oldest);
  return {
    missingDays: daily.missing,
    missingMonths: missingMonthsOf(backups, policy.monthly ?? 0, lastDay, oldest),
    expired: expiredOf(keep, remove, now, lagDays),
    kept,
    window: { from: daily.from, to: dayOf(new Date(lastDay)) },
    days,
  };
}

/**
 * The last `count` days up to `lastDay` (never before the first backup) that have no backup. The window
 * is built as a list of known length (the days from the first backup to `lastDay` at most), so no count
 * can make it run on.
 */
function missingDaysOf(days: Map<string, number>, count: number, lastDay: number, oldest: number) {
  const firstDay = Date.parse(dayOf(new Date(oldest)));
  const length = Math.max(0, Math.min(count, (lastDay - firstDay) / DAY + 1));
  const window = Array.from({ length }, (_, i) => dayOf(new Date(lastDay - i * DAY)));
  return {
    missing: window.filter((day) => !days.has(day)).sort(),
    from: window.at(-1) ?? dayOf(new Date(lastDay)),
  };
}

/** A month as a count of months since year 0, so that month arithmetic is integer arithmetic. */
const monthIndex = (date: Date) => date.getUTCFullYear() * 12 + date.getUTCMonth();
const monthOfIndex = (index: number) => monthOf(new Date(Date.UTC(Math.floor(index / 12), index % 12, 1)));

/** Like the daily window: on the 1st, before that day's backup has run, the month is not missing yet. */
function missingMonthsOf(backups: DatedBackup[], count: number, lastDay: number, oldest: number) {
  if (!backups.length) return [];
  const months = new Set(backups.map((b) => monthOf(b.date)));
  const last = monthIndex(new Date(lastDay));
  const length = Math.max(0, Math.min(count, last - monthIndex(new Date(oldest)) + 1));
  const window = Array.from({ length }, (_, i) => monthOfIndex(last - i));
  return window.filter((month) => !months.has(month)).sort();
}

/** Reasons that keep every backup of a recent stretch (not one per week, month or year). */
const DENSE =
  /^(oldest )?(last snapshot|hourly snapshot|daily snapshot|within |hourly within |daily within )/;

/**
 * What lifecycle should already have removed. restic's removal list, less two kinds of backup:
 * those inside the dense window (newer than the oldest backup kept by last/hourly/daily/within,
 * e.g. a second backup on a day), because lifecycle rules expire by age and cannot thin a day; and
 * those within `lagDays` of that window's edge, because B2 hides 24-48 h late and deletes a day later.
 * Without a dense rule the edge is now.
 */
function expiredOf(
  keep: { item: DatedBackup; matches: string[] }[],
  remove: DatedBackup[],
  now: Date,
  lagDays: number,
): string[] {
  const dense = keep.filter((k) => k.matches.some((m) => DENSE.test(m)));
  const edge = dense.at(-1)?.item.date.getTime() ?? now.getTime();
  return remove
    .filter((b) => b.date.getTime() < edge - lagDays * DAY)
    .map((b) => b.key)
    .reverse();
}

/** Roughly how many days the policy keeps its oldest backup, for comparing with lifecycle rules. */
function longestKeptDays(policy: RetentionPolicy): number {
  const count = (n: number | undefined, days: number) => (n === -1 ? Infinity : (n ?? 0) * days);
  const span = (s: Span | undefined) => (s ? s.years * 366 + s.months * 31 + s.days + s.hours / 24 : 0);
  return Math.max(
    count(policy.yearly, 366),
    count(policy.monthly, 31),
    count(policy.weekly, 7),
    count(policy.daily, 1),
    span(policy.within),
    span(policy.withinDaily),
    span(policy.withinWeekly),
    span(policy.withinMonthly),
    span(policy.withinYearly),
  );
}

/** Whether the bucket's lifecycle rules for this prefix agree with the policy. */
export function auditLifecycle(
  answer: LifecycleAnswer,
  prefix: string,
  policy: RetentionPolicy,
  expiredCount: number,
): { ok: boolean; detail: string; rules: string[] } {
  if ('unavailable' in answer)
    return {
      ok: true,
      detail: `lifecycle rules not readable here (${answer.unavailable}); not compared`,
      rules: [],
    };
  const applicable = answer.rules.filter(
    (r) => r.enabled && (prefix.startsWith(r.prefix) || r.prefix.startsWith(prefix)),
  );
  const rules = applicable.map(
    (r) =>
      `${r.id ?? '(no id)'} on '${r.prefix}': ${r.expirationDays ? `expire after ${r.expirationDays}d` : 'no expiry'}${r.noncurrentDays ? `, delete hidden after ${r.noncurrentDays}d` : ''}`,
  );
  const longest = longestKeptDays(policy);
  const tooShort = applicable.filter(
    // A rule without an expiry never removes anything.
    (r) => (r.expirationDays ?? Infinity) < longest && r.prefix.length <= prefix.length,
  );
  if (tooShort.length > 0) {
    const r = tooShort[0];
    return {
      ok: false,
      detail: `lifecycle rule ${r.id ?? `on '${r.prefix}'`} expires backups after ${r.expirationDays} days, but the policy keeps some for about ${longest} days (${describePolicy(policy)}): keep monthly snapshots under a prefix of their own with a longer rule`,
      rules,
    };
  }
  if (applicable.length === 0) {
    return {
      ok: expiredCount === 0,
      detail:
        expiredCount > 0
          ? `no lifecycle rule covers '${prefix}', and ${expiredCount} backup(s) beyond the policy remain: add a rule or prune in the upload job`
          : `no lifecycle rule covers '${prefix}' (pruning must happen in the upload job)`,
      rules,
    };
  }
  return { ok: true, detail: `lifecycle rules match the policy`, rules };
}

export function describePolicy(policy: RetentionPolicy): string {
  const counts = (['last', 'hourly', 'daily', 'weekly', 'monthly', 'yearly'] as const)
    .filter((k) => (policy[k] ?? 0) !== 0)
    .map((k) => `${k}=${policy[k] === -1 ? 'all' : policy[k]}`);
  const spans = (
    [
      ['within', policy.within],
      ['within-hourly', policy.withinHourly],
      ['within-daily', policy.withinDaily],
      ['within-weekly', policy.withinWeekly],
      ['within-monthly', policy.withinMonthly],
      ['within-yearly', policy.withinYearly],
    ] as const
  )
    .filter(([, s]) => s)
    .map(([k, s]) => `${k}=${formatSpan(s!)}`);
  return [...counts, ...spans].join(',');
}
