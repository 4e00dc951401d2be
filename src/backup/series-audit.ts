import { formatDuration } from '../core/duration.js';
import { formatBytes } from '../core/progress.js';
import type { Candidate } from './candidates.js';
import { dateFromKey, dayOf, seriesOf } from './layout.js';
import type { DateSource, RetentionPolicy } from './policy.js';
import type { SeriesReport } from './report.js';
import { auditRetention, describePolicy } from './retention.js';
import type { ObjectStore, ObjectVersion } from './store.js';

const HOUR = 3_600_000;

export interface SeriesRules {
  policy: RetentionPolicy;
  maxAgeMs: number;
  band: { low: number; high: number };
  dateFrom: DateSource;
  now: Date;
}

export interface SeriesVerdict {
  report: SeriesReport;
  /** Freshness and size: the report lists these before any other failure. */
  headline: string[];
  failures: string[];
  warnings: string[];
}

/**
 * One series' checks, as a runbook would do them: is the newest backup fresh, is its size in line
 * with the ones before it, does the calendar have gaps, did lifecycle leave backups behind.
 * `versions` is read only when a day is missing, to say why.
 */
export async function auditSeries(
  series: string,
  members: Candidate[],
  rules: SeriesRules,
  versions: () => Promise<Awaited<ReturnType<ObjectStore['versions']>>>,
): Promise<SeriesVerdict> {
  const newest = members[0];
  const headline: string[] = [];
  const failures: string[] = [];
  const warnings: string[] = [];
  const ageMs = rules.now.getTime() - newest.madeAt.getTime();
  const fresh = ageMs <= rules.maxAgeMs;
  if (!fresh)
    headline.push(
      `${series}: the newest backup ${newest.object.key} is ${(ageMs / HOUR).toFixed(1)} h old, older than max-age ${formatDuration(rules.maxAgeMs)}`,
    );
  const size = judgeSize(members, rules.band);
  if (!size.ok) headline.push(`${series}: the newest backup ${newest.object.key} ${size.detail}`);
  const audit = auditRetention(
    members.map((m) => ({ key: m.object.key, date: m.date, size: m.object.size })),
    rules.policy,
    rules.now,
  );
  let notes: Record<string, string> | undefined;
  if (audit.missingDays.length) {
    const answer = await versions();
    if ('versions' in answer)
      notes = explainMissingDays(audit.missingDays, answer.versions, series, rules.dateFrom);
    const listed = audit.missingDays.map((d) => (notes?.[d] ? `${d} (${notes[d]})` : d)).join(', ');
    failures.push(
      `${series}: ${audit.missingDays.length} day(s) without a backup in the daily window: ${listed}`,
    );
  }
  if (audit.missingMonths.length)
    failures.push(
      `${series}: month(s) without a backup in the monthly window: ${audit.missingMonths.join(', ')}`,
    );
  if (audit.expired.length)
    warnings.push(
      `${series}: ${audit.expired.length} backup(s) older than the policy (${describePolicy(rules.policy)}) are still stored, e.g. ${audit.expired.slice(0, 3).join(', ')}: lifecycle is not deleting them`,
    );
  const report: SeriesReport = {
    series,
    count: members.length,
    newestKey: newest.object.key,
    newestDate: newest.date.toISOString(),
    ageHours: Math.round((ageMs / HOUR) * 10) / 10,
    fresh,
    size,
    retention: {
      window: audit.window,
      missingDays: audit.missingDays,
      missingDayNotes: notes,
      missingMonths: audit.missingMonths,
      expired: audit.expired,
      keptCount: audit.kept.size,
      days: Object.fromEntries(audit.days),
    },
  };
  return { report, headline, failures, warnings };
}

/** The newest backup's size against the median of up to seven before it (at least three). */
function judgeSize(members: Candidate[], band: { low: number; high: number }): SeriesReport['size'] {
  const newest = members[0].object.size;
  const previous = members.slice(1, 8).map((m) => m.object.size);
  const med = previous.length >= 3 ? median(previous) : undefined;
  const ratio = med ? newest / med : undefined;
  const ok = ratio === undefined || (ratio >= band.low && ratio <= band.high);
  const detail =
    ratio === undefined
      ? `${formatBytes(newest)} (fewer than 3 earlier backups to compare)`
      : `${formatBytes(newest)} is ${ratio.toFixed(2)}× the median ${formatBytes(med!)} of the ${previous.length} before it (allowed ${band.low}–${band.high}×)`;
  return {
    newest,
    median: med,
    ratio: ratio === undefined ? undefined : Math.round(ratio * 1000) / 1000,
    ok,
    detail,
  };
}

/** The median of a non-empty list (judgeSize asks only with three or more). */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Why a day has no backup, from the bucket's versions (B2 buckets are always versioned): deleted or
 * hidden (a delete marker, older versions possibly still stored) or never uploaded at all.
 */
export function explainMissingDays(
  days: string[],
  versions: ObjectVersion[],
  series: string,
  dateFrom: DateSource,
): Record<string, string> {
  const notes: Record<string, string> = {};
  for (const day of days) {
    const mine = versions.filter((v) => {
      if (seriesOf(v.key) !== series) return false;
      const fromKey = dateFrom === 'key' ? dateFromKey(v.key) : undefined;
      return dayOf(fromKey?.date ?? v.lastModified) === day;
    });
    const markers = mine
      .filter((v) => v.deleteMarker)
      .sort((a, b) => b.lastModified.getTime() - a.lastModified.getTime());
    const stored = mine.filter((v) => !v.deleteMarker).length;
    if (markers.length) {
      notes[day] =
        `deleted: a delete marker hides it since ${markers[0].lastModified.toISOString().slice(0, 16).replace('T', ' ')} UTC` +
        (stored ? `; ${stored} earlier version${stored > 1 ? 's' : ''} still stored, restorable` : '');
    } else if (stored) {
      notes[day] = `${stored} noncurrent version${stored > 1 ? 's' : ''} stored`;
    } else {
      notes[day] = 'never uploaded';
    }
  }
  return notes;
}
