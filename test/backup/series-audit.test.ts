/**
 * One backup series' verdict, as the runbook reads it: is the newest backup fresh, is its size in line with
 * the ones before it, which days and months have none (and why), and what lifecycle left behind. Each limit
 * at its edge, and the numbers the report carries, not only pass or fail.
 */
import { describe, expect, it } from '@jest/globals';
import type { Candidate } from '../../src/backup/candidates.js';
import type { RetentionPolicy } from '../../src/backup/policy.js';
import { auditSeries, explainMissingDays, type SeriesRules } from '../../src/backup/series-audit.js';
import type { ObjectVersion } from '../../src/backup/store.js';

const SERIES = 'db/{date}/voicebot-{date}.sql.gz';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = new Date('2026-11-30T12:00:00Z');
const keyOf = (day: string) => `db/${day}/voicebot-${day}.sql.gz`;

/** A backup made at 03:00 UTC `daysAgo` days before NOW's day, of `size` bytes. */
function backup(daysAgo: number, size = 1000): Candidate {
  const date = new Date(Date.parse('2026-11-30T03:00:00Z') - daysAgo * DAY);
  const key = keyOf(date.toISOString().slice(0, 10));
  return { object: { key, size, lastModified: date }, date, dateSource: 'key', series: SERIES, madeAt: date };
}

const rules = (over: Partial<SeriesRules> = {}): SeriesRules => ({
  policy: { daily: 7 },
  maxAgeMs: 26 * HOUR,
  band: { low: 0.5, high: 2 },
  dateFrom: 'key',
  now: NOW,
  ...over,
});

const unreadVersions = async () => {
  throw new Error('versions are read only when a day is missing');
};

/** Seven daily backups, newest first, each `size` bytes unless given. */
const week = (sizes: number[] = []) => Array.from({ length: 7 }, (_, i) => backup(i, sizes[i] ?? 1000));

describe('freshness', () => {
  it('is fresh at exactly max-age, and stale a millisecond after', async () => {
    const members = week();
    const atLimit = await auditSeries(SERIES, members, rules({ maxAgeMs: 9 * HOUR }), unreadVersions);
    expect(atLimit.report).toMatchObject({ fresh: true, ageHours: 9 });
    expect(atLimit).toMatchObject({ headline: [], failures: [], warnings: [] });
    const late = await auditSeries(SERIES, members, rules({ maxAgeMs: 9 * HOUR - 1 }), unreadVersions);
    expect(late.report.fresh).toBe(false);
    expect(late.headline).toEqual([
      `${SERIES}: the newest backup ${keyOf('2026-11-30')} is 9.0 h old, older than max-age 8h60m`,
    ]);
  });

  it('reports the age in hours to one decimal', async () => {
    const now = new Date(NOW.getTime() + 0.26 * HOUR);
    const verdict = await auditSeries(SERIES, week(), rules({ now }), unreadVersions);
    expect(verdict.report.ageHours).toBe(9.3);
    expect(verdict.report).toMatchObject({
      series: SERIES,
      count: 7,
      newestKey: keyOf('2026-11-30'),
      newestDate: '2026-11-30T03:00:00.000Z',
    });
  });
});

describe('size against the median of up to seven before it', () => {
  it.each([
    // newest, the sizes before it, ratio, ok
    [500, [1000, 1000, 1000], 0.5, true],
    [499, [1000, 1000, 1000], 0.499, false],
    [2000, [1000, 1000, 1000], 2, true],
    [2001, [1000, 1000, 1000], 2.001, false],
    // An even count takes the mean of the middle two: 1000 and 3000 → 2000.
    [2000, [1000, 3000, 9000, 1], 1, true],
    // Odd count: the middle one, whatever the order.
    [3000, [9000, 1000, 3000], 1, true],
  ])('%i bytes after %j: ratio %d, ok %p', async (newest, before, ratio, ok) => {
    const members = [backup(0, newest), ...before.map((size, i) => backup(i + 1, size))];
    const { report, headline } = await auditSeries(SERIES, members, rules({ policy: {} }), unreadVersions);
    expect(report.size).toMatchObject({ newest, ratio, ok });
    expect(headline.length).toBe(ok ? 0 : 1);
  });

  it('reads only the seven backups before the newest', async () => {
    // The eighth earlier backup (1 byte) would move the median if it were read.
    const members = [
      backup(0, 1000),
      ...[1000, 1000, 1000, 1000, 1, 1, 1].map((s, i) => backup(i + 1, s)),
      backup(8, 1),
    ];
    const { report } = await auditSeries(SERIES, members, rules({ policy: {} }), unreadVersions);
    expect(report.size).toMatchObject({ median: 1000, ratio: 1, ok: true });
  });

  it('says what it compared, and why a failure failed', async () => {
    const members = [backup(0, 3 * 1024 * 1024), ...[1, 2, 3].map((i) => backup(i, 1024 * 1024))];
    const { report, headline } = await auditSeries(SERIES, members, rules({ policy: {} }), unreadVersions);
    expect(report.size.detail).toBe(
      '3.0 MiB is 3.00× the median 1.0 MiB of the 3 before it (allowed 0.5–2×)',
    );
    expect(headline).toEqual([`${SERIES}: the newest backup ${keyOf('2026-11-30')} ${report.size.detail}`]);
  });

  it('passes with fewer than three earlier backups, saying so', async () => {
    const { report, headline } = await auditSeries(
      SERIES,
      [backup(0, 10), backup(1, 1e9), backup(2, 1e9)],
      rules({ policy: {} }),
      unreadVersions,
    );
    expect(report.size).toEqual({
      newest: 10,
      median: undefined,
      ratio: undefined,
      ok: true,
      detail: '10 B (fewer than 3 earlier backups to compare)',
    });
    expect(headline).toEqual([]);
  });

  it('rounds the ratio to three decimals', async () => {
    const { report } = await auditSeries(
      SERIES,
      [backup(0, 1000), ...[3000, 3000, 3000].map((s, i) => backup(i + 1, s))],
      rules({ policy: {} }),
      unreadVersions,
    );
    expect(report.size.ratio).toBe(0.333);
  });
});

describe('gaps and leftovers', () => {
  it('names each missing day with why, read from the versions only then', async () => {
    const members = week().filter((_, i) => i !== 2 && i !== 4);
    let reads = 0;
    const versions = async () => {
      reads++;
      return {
        versions: [
          {
            key: keyOf('2026-11-28'),
            lastModified: new Date('2026-11-29T08:00:00Z'),
            isLatest: true,
            deleteMarker: true,
          },
          {
            key: keyOf('2026-11-28'),
            lastModified: new Date('2026-11-28T03:00:00Z'),
            isLatest: false,
            deleteMarker: false,
          },
        ],
      };
    };
    const { failures, report } = await auditSeries(SERIES, members, rules(), versions);
    expect(reads).toBe(1);
    expect(failures).toEqual([
      `${SERIES}: 2 day(s) without a backup in the daily window: 2026-11-26 (never uploaded), 2026-11-28 (deleted: a delete marker hides it since 2026-11-29 08:00 UTC; 1 earlier version still stored, restorable)`,
    ]);
    expect(report.retention).toMatchObject({
      window: { from: '2026-11-24', to: '2026-11-30' },
      missingDays: ['2026-11-26', '2026-11-28'],
      keptCount: 5,
    });
  });

  it('lists the days without notes when the versions cannot be read', async () => {
    const members = week().filter((_, i) => i !== 2);
    const { failures, report } = await auditSeries(SERIES, members, rules(), async () => ({
      unavailable: 'ListObjectVersions is not allowed',
    }));
    expect(failures).toEqual([`${SERIES}: 1 day(s) without a backup in the daily window: 2026-11-28`]);
    expect(report.retention.missingDayNotes).toBeUndefined();
  });

  it('reports missing months, and backups lifecycle should have removed (the oldest three named)', async () => {
    const policy: RetentionPolicy = { daily: 7, monthly: 3 };
    // restic keeps Oct 21 (October's newest) and Oct 15 (the oldest, for the third month it cannot fill).
    const old = [40, 41, 42, 43, 44, 45, 46].map((d) => backup(d));
    const { failures, warnings, report } = await auditSeries(
      SERIES,
      [...week(), ...old],
      rules({ policy }),
      unreadVersions,
    );
    expect(failures).toEqual([]);
    expect(report.retention.missingMonths).toEqual([]);
    expect(warnings).toEqual([
      `${SERIES}: 5 backup(s) older than the policy (daily=7,monthly=3) are still stored, e.g. ${keyOf('2026-10-16')}, ${keyOf('2026-10-17')}, ${keyOf('2026-10-18')}: lifecycle is not deleting them`,
    ]);
    const gap = await auditSeries(SERIES, [...week(), backup(110)], rules({ policy }), unreadVersions);
    expect(gap.failures).toEqual([
      `${SERIES}: month(s) without a backup in the monthly window: 2026-09, 2026-10`,
    ]);
  });
});

describe('why a day is missing', () => {
  const version = (key: string, at: string, deleteMarker = false): ObjectVersion => ({
    key,
    lastModified: new Date(at),
    isLatest: deleteMarker,
    deleteMarker,
  });

  it('tells deleted (newest marker first), noncurrent and never uploaded apart, in this series only', () => {
    const day = '2026-11-20';
    const notes = explainMissingDays(
      ['2026-11-20', '2026-11-21', '2026-11-22'],
      [
        version(keyOf(day), '2026-11-22T01:00:00Z', true),
        version(keyOf(day), '2026-11-23T02:30:00Z', true),
        version(keyOf(day), '2026-11-20T03:00:00Z'),
        version(keyOf(day), '2026-11-20T04:00:00Z'),
        version(keyOf('2026-11-21'), '2026-11-21T03:00:00Z'),
        version(`other/${'2026-11-22'}/x-2026-11-22.tar`, '2026-11-22T03:00:00Z'),
      ],
      SERIES,
      'key',
    );
    expect(notes).toEqual({
      '2026-11-20':
        'deleted: a delete marker hides it since 2026-11-23 02:30 UTC; 2 earlier versions still stored, restorable',
      '2026-11-21': '1 noncurrent version stored',
      '2026-11-22': 'never uploaded',
    });
  });

  it('a marker alone says deleted; two noncurrent versions are plural', () => {
    const notes = explainMissingDays(
      ['2026-11-20', '2026-11-21'],
      [
        version(keyOf('2026-11-20'), '2026-11-20T05:00:00Z', true),
        version(keyOf('2026-11-21'), '2026-11-21T03:00:00Z'),
        version(keyOf('2026-11-21'), '2026-11-21T04:00:00Z'),
      ],
      SERIES,
      'key',
    );
    expect(notes).toEqual({
      '2026-11-20': 'deleted: a delete marker hides it since 2026-11-20 05:00 UTC',
      '2026-11-21': '2 noncurrent versions stored',
    });
  });

  it('dates a version by its upload time when the policy reads last-modified, not its key', () => {
    const key = 'db/latest.sql.gz';
    const versions = [
      version(key, '2026-11-20T05:00:00Z'),
      version(keyOf('2026-11-20'), '2026-11-25T05:00:00Z'),
    ];
    expect(explainMissingDays(['2026-11-20'], versions, 'db/*', 'last-modified')).toEqual({
      '2026-11-20': '1 noncurrent version stored',
    });
    // By key, the dated key belongs to another series and the undated one has no day in its name.
    expect(explainMissingDays(['2026-11-25'], versions, SERIES, 'key')).toEqual({
      '2026-11-25': 'never uploaded',
    });
    expect(explainMissingDays(['2026-11-25'], versions, SERIES, 'last-modified')).toEqual({
      '2026-11-25': '1 noncurrent version stored',
    });
  });
});
