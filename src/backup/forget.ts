/**
 * restic's `forget` policy (internal/data/snapshot_policy.go, ApplyPolicy), ported to decide which
 * backups a policy keeps. Its golden files are our test data (test/fixtures/restic-forget/), so the
 * rules are restic's exactly: newest first; each keep-* count takes the newest backup of each of the
 * most recent periods that have one; a count of -1 keeps every period; `within*` spans are measured
 * back from the newest backup that is not in the future; and while a count is not used up, the
 * oldest backup is kept too (restic >= 0.16), so the history is as long as the counts allow.
 * Tags are the one part left out: backups in a bucket carry none.
 */

/** restic's Duration: calendar years, months, days and hours (`1y2m3d4h`). */
export interface Span {
  years: number;
  months: number;
  days: number;
  hours: number;
}

export interface ForgetPolicy {
  last?: number;
  hourly?: number;
  daily?: number;
  weekly?: number;
  monthly?: number;
  yearly?: number;
  within?: Span;
  withinHourly?: Span;
  withinDaily?: Span;
  withinWeekly?: Span;
  withinMonthly?: Span;
  withinYearly?: Span;
}

export interface Dated {
  date: Date;
}

export interface Kept<T> {
  item: T;
  /** restic's words: 'daily snapshot', 'oldest monthly snapshot', 'within 7d', 'daily within 1m'. */
  matches: string[];
  /** Counts left after this backup (restic's KeepReason counters; -1 means keep all). */
  counters: Record<'last' | 'hourly' | 'daily' | 'weekly' | 'monthly' | 'yearly', number>;
}

/** The period a backup falls in, compared for equality only: an ISO date prefix, a year, or its place. */
type Bucketer = (date: Date, nr: number) => string | number;
const ymdh: Bucketer = (d) => d.toISOString().slice(0, 13);
const ymd: Bucketer = (d) => d.toISOString().slice(0, 10);
const yw: Bucketer = (d) => {
  const { year, week } = isoWeek(d);
  return `${year}-W${week}`;
};
const ym: Bucketer = (d) => d.toISOString().slice(0, 7);
const y: Bucketer = (d) => d.getUTCFullYear();
const always: Bucketer = (_, nr) => nr;

const COUNTED = [
  ['last', always, 'last snapshot'],
  ['hourly', ymdh, 'hourly snapshot'],
  ['daily', ymd, 'daily snapshot'],
  ['weekly', yw, 'weekly snapshot'],
  ['monthly', ym, 'monthly snapshot'],
  ['yearly', y, 'yearly snapshot'],
] as const;

const WITHIN = [
  ['withinHourly', ymdh, 'hourly within'],
  ['withinDaily', ymd, 'daily within'],
  ['withinWeekly', yw, 'weekly within'],
  ['withinMonthly', ym, 'monthly within'],
  ['withinYearly', y, 'yearly within'],
] as const;

/** Splits `items` into kept (with restic's reasons) and removed, newest first, ties in input order. */
export function applyPolicy<T extends Dated>(
  items: T[],
  policy: ForgetPolicy,
  now = new Date(),
): { keep: Kept<T>[]; remove: T[] } {
  const list = [...items].sort((a, b) => b.date.getTime() - a.date.getTime());
  const counted = COUNTED.map(([name, bucket, reason]) => ({
    name,
    bucket,
    reason,
    count: policy[name] ?? 0,
    last: undefined as string | number | undefined,
  }));
  const within = WITHIN.map(([name, bucket, reason]) => ({
    span: policy[name],
    bucket,
    reason,
    last: undefined as string | number | undefined,
  }));
  const latest = latestNotInFuture(list, now);
  const keep: Kept<T>[] = [];
  const remove: T[] = [];
  list.forEach((cur, nr) => {
    const oldest = nr === list.length - 1;
    const matches: string[] = [];
    if (policy.within && cur.date > before(latest, policy.within))
      matches.push(`within ${formatSpan(policy.within)}`);
    for (const b of counted) {
      if (b.count === 0 || b.count < -1) continue;
      const value = b.bucket(cur.date, nr);
      if (value === b.last && !oldest) continue;
      matches.push(value === b.last ? `oldest ${b.reason}` : b.reason);
      b.last = value;
      // Counts here are above 0 or -1 (keep all), which is never used up.
      if (b.count !== -1) b.count--;
    }
    for (const b of within) {
      if (!b.span || isZero(b.span) || !(cur.date > before(latest, b.span))) continue;
      const value = b.bucket(cur.date, nr);
      if (value === b.last && !oldest) continue;
      matches.push(`${value === b.last ? `oldest ${b.reason}` : b.reason} ${formatSpan(b.span)}`);
      b.last = value;
    }
    if (matches.length === 0) {
      remove.push(cur);
      return;
    }
    const counters = Object.fromEntries(counted.map((b) => [b.name, b.count])) as Kept<T>['counters'];
    keep.push({ item: cur, matches, counters });
  });
  return { keep, remove };
}

/** `1y2m3d4h` in any order (restic's ParseDuration); undefined when it is not one. */
export function parseSpan(text: string): Span | undefined {
  const span: Span = { years: 0, months: 0, days: 0, hours: 0 };
  const trimmed = text.trim();
  if (!/^(\d+[ymdh])+$/.test(trimmed)) return undefined;
  const field = { y: 'years', m: 'months', d: 'days', h: 'hours' } as const;
  for (const [, n, unit] of trimmed.matchAll(/(\d+)([ymdh])/g))
    span[field[unit as keyof typeof field]] = Number(n);
  return span;
}

export function formatSpan(s: Span): string {
  return `${s.years ? `${s.years}y` : ''}${s.months ? `${s.months}m` : ''}${s.days ? `${s.days}d` : ''}${s.hours ? `${s.hours}h` : ''}`;
}

const isZero = (s: Span) => !s.years && !s.months && !s.days && !s.hours;

/** Go's `t.AddDate(-y, -m, -d).Add(-h hours)`: calendar arithmetic with Go's (and Date.UTC's) overflow. */
function before(t: Date, s: Span): Date {
  const back = Date.UTC(
    t.getUTCFullYear() - s.years,
    t.getUTCMonth() - s.months,
    t.getUTCDate() - s.days,
    t.getUTCHours(),
    t.getUTCMinutes(),
    t.getUTCSeconds(),
    t.getUTCMilliseconds(),
  );
  return new Date(back - s.hours * 3_600_000);
}

/** The newest backup's time, ignoring any dated in the future (restic's findLatestTimestamp). */
function latestNotInFuture(list: Dated[], now: Date): Date {
  let latest = new Date(-62135596800000); // Go's zero time, 0001-01-01
  for (const b of list) {
    if (b.date >= now) continue;
    // Stryker disable next-line EqualityOperator: `>=` would take an equal date, which is the same latest
    if (b.date > latest) latest = b.date;
  }
  return latest;
}

/** ISO 8601 week and its year (Go's Time.ISOWeek). */
export function isoWeek(d: Date): { year: number; week: number } {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  t.setUTCDate(t.getUTCDate() + 3 - ((t.getUTCDay() + 6) % 7)); // the Thursday of this week
  const jan1 = Date.UTC(t.getUTCFullYear(), 0, 1);
  return { year: t.getUTCFullYear(), week: 1 + Math.floor((t.getTime() - jan1) / (7 * 86_400_000)) };
}
