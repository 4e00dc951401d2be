import { dayOf, monthOf, type RetentionPolicy } from './policy.js';
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
  /** Backups the policy no longer keeps and lifecycle should have removed (with slack for its lag). */
  expired: string[];
  /** Keys kept by the policy, and why (restic's keep-daily / keep-monthly semantics). */
  kept: Map<string, string[]>;
  window: { from: string; to: string };
  /** Day → number of backups, for the calendar. */
  days: Map<string, number>;
}

const DAY = 86_400_000;

/** The newest backup in each of the `count` most recent periods that have one (restic `forget --keep-*`). */
function keepPerPeriod(
  sortedNewestFirst: DatedBackup[],
  count: number,
  period: (d: Date) => string,
): Map<string, string> {
  const kept = new Map<string, string>();
  const seen = new Set<string>();
  for (const backup of sortedNewestFirst) {
    if (seen.size >= count) break;
    const bucket = period(backup.date);
    if (seen.has(bucket)) continue;
    seen.add(bucket);
    kept.set(backup.key, bucket);
  }
  return kept;
}

const isoWeek = (d: Date): string => {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const dayNum = (t.getUTCDay() + 6) % 7;
  t.setUTCDate(t.getUTCDate() - dayNum + 3);
  const firstThursday = new Date(Date.UTC(t.getUTCFullYear(), 0, 4));
  const week =
    1 +
    Math.round(
      ((t.getTime() - firstThursday.getTime()) / DAY - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7,
    );
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
};

/**
 * Audits one series against the policy. Calendar boundaries are UTC days and months, as restic's are.
 * The daily window ends today when today's backup exists, else yesterday (today's may not have run
 * yet; lateness is the freshness check's job), and never reaches back before the first backup.
 */
export function auditRetention(
  backups: DatedBackup[],
  policy: RetentionPolicy,
  now: Date,
  lagDays = 2,
): RetentionAudit {
  const sorted = [...backups].sort((a, b) => b.date.getTime() - a.date.getTime());
  const days = new Map<string, number>();
  for (const b of sorted) days.set(dayOf(b.date), (days.get(dayOf(b.date)) ?? 0) + 1);
  const kept = new Map<string, string[]>();
  const mark = (map: Map<string, string>, label: string) => {
    for (const [key, bucket] of map) kept.set(key, [...(kept.get(key) ?? []), `${label} ${bucket}`]);
  };
  mark(keepPerPeriod(sorted, policy.daily, dayOf), 'daily');
  mark(keepPerPeriod(sorted, policy.weekly, isoWeek), 'weekly');
  mark(keepPerPeriod(sorted, policy.monthly, monthOf), 'monthly');
  mark(
    keepPerPeriod(sorted, policy.yearly, (d) => String(d.getUTCFullYear())),
    'yearly',
  );

  const today = dayOf(now);
  const lastDay = days.has(today) ? new Date(Date.parse(today)) : new Date(Date.parse(today) - DAY);
  const oldest = sorted.at(-1);
  const missingDays: string[] = [];
  let windowFrom = dayOf(lastDay);
  if (oldest && policy.daily > 0) {
    const firstDay = Date.parse(dayOf(oldest.date));
    for (let i = 0; i < policy.daily; i++) {
      const t = lastDay.getTime() - i * DAY;
      if (t < firstDay) break;
      windowFrom = dayOf(new Date(t));
      if (!days.has(dayOf(new Date(t)))) missingDays.push(dayOf(new Date(t)));
    }
  }
  missingDays.sort();

  const months = new Set(sorted.map((b) => monthOf(b.date)));
  const missingMonths: string[] = [];
  if (oldest && policy.monthly > 0) {
    const firstMonth = monthOf(oldest.date);
    // Like the daily window: on the 1st, before that day's backup has run, the month is not missing yet.
    const cursor = new Date(Date.UTC(lastDay.getUTCFullYear(), lastDay.getUTCMonth(), 1));
    for (let i = 0; i < policy.monthly; i++) {
      const month = monthOf(cursor);
      if (month < firstMonth) break;
      if (!months.has(month)) missingMonths.push(month);
      cursor.setUTCMonth(cursor.getUTCMonth() - 1);
    }
  }
  missingMonths.sort();

  // What lifecycle should already have removed: not kept, and older than the oldest kept daily by more
  // than lifecycle's own lag (B2 hides 24-48 h late and deletes a day after that).
  const keptDaily = sorted.filter((b) => kept.get(b.key)?.some((why) => why.startsWith('daily')));
  const dailyEdge = keptDaily.at(-1)?.date.getTime() ?? now.getTime();
  const expired = sorted
    .filter((b) => !kept.has(b.key) && b.date.getTime() < dailyEdge - lagDays * DAY)
    .map((b) => b.key)
    .reverse();
  return {
    missingDays,
    missingMonths,
    expired,
    kept,
    window: { from: windowFrom, to: dayOf(lastDay) },
    days,
  };
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
  const longest =
    policy.yearly > 0
      ? policy.yearly * 366
      : policy.monthly > 0
        ? policy.monthly * 31
        : policy.weekly > 0
          ? policy.weekly * 7
          : policy.daily;
  const tooShort = applicable.filter(
    (r) => r.expirationDays !== undefined && r.prefix.length <= prefix.length && r.expirationDays < longest,
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
  return (['daily', 'weekly', 'monthly', 'yearly'] as const)
    .filter((k) => policy[k] > 0)
    .map((k) => `${k}=${policy[k]}`)
    .join(',');
}
