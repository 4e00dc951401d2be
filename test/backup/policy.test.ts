import { describe, expect, it } from '@jest/globals';
import { dateFromKey, seriesOf } from '../../src/backup/layout.js';
import { parseRetention, parseShard, parseVerifyMode } from '../../src/backup/policy.js';

describe('backup inputs', () => {
  it('parses retention as restic keep rules and names the input on a mistake', () => {
    expect(parseRetention('daily=30,monthly=12')).toEqual({ daily: 30, monthly: 12 });
    expect(parseRetention('daily=7 weekly=4 yearly=2')).toEqual({ daily: 7, weekly: 4, yearly: 2 });
    expect(parseRetention('last=3,hourly=24,monthly=all,within=7d,within-daily=1y2m')).toEqual({
      last: 3,
      hourly: 24,
      monthly: -1,
      within: { years: 0, months: 0, days: 7, hours: 0 },
      withinDaily: { years: 1, months: 2, days: 0, hours: 0 },
    });
    expect(() => parseRetention('daily:30')).toThrow(/"daily:30" is not RULE=VALUE/);
    expect(() => parseRetention('minutely=3')).toThrow(/"minutely=3" names no restic keep rule/);
    expect(() => parseRetention('constructor=3')).toThrow(/names no restic keep rule/);
    expect(() => parseRetention('daily=x')).toThrow(/daily takes a count or all/);
    expect(() => parseRetention('within=7days')).toThrow(/"within=7days": within takes a span like 7d/);
  });

  it('parses verify modes with durations from core', () => {
    expect(parseVerifyMode('latest')).toEqual({ kind: 'latest' });
    expect(parseVerifyMode('ALL')).toEqual({ kind: 'all' });
    expect(parseVerifyMode('sample:5')).toEqual({ kind: 'sample', count: 5 });
    expect(parseVerifyMode('since:7d')).toEqual({ kind: 'since', ms: 7 * 86_400_000, text: '7d' });
    expect(parseVerifyMode('since:1h30m')).toMatchObject({ ms: 5_400_000 });
    for (const bad of ['sample:0', 'since:7', 'newest', 'sample:x'])
      expect(() => parseVerifyMode(bad)).toThrow(/is not a verify mode/);
  });

  it('parses shards i/n', () => {
    expect(parseShard(undefined)).toEqual({ index: 1, count: 1 });
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(() => parseShard('0/4')).toThrow(/out of range/);
    expect(() => parseShard('5/4')).toThrow(/out of range/);
    expect(() => parseShard('two')).toThrow(/is not i\/n/);
  });

  it('reads the date in a key in the forms backup jobs write, the last one winning', () => {
    const iso = (key: string) => dateFromKey(key)?.date.toISOString();
    expect(iso('db/voice-bot-2026-11-29.dump')).toBe('2026-11-29T00:00:00.000Z');
    expect(iso('db/20261129.sql.gz')).toBe('2026-11-29T00:00:00.000Z');
    expect(iso('db/pg_2026_11_29_0315.dump')).toBe('2026-11-29T03:15:00.000Z');
    expect(iso('db/2026-11-29T03-15-07Z.tar.gz')).toBe('2026-11-29T03:15:07.000Z');
    expect(iso('2026/11/db-2026-11-28.dump')).toBe('2026-11-28T00:00:00.000Z');
    expect(dateFromKey('db/latest.dump')).toBeUndefined();
    expect(dateFromKey('db/2026-02-30.dump')).toBeUndefined();
    expect(dateFromKey('db/id-120261129999.dump')).toBeUndefined();
  });

  it('groups keys into series with the date taken out', () => {
    expect(seriesOf('db/voice-bot-2026-11-29.dump')).toBe('db/voice-bot-{date}.dump');
    expect(seriesOf('db/latest.dump')).toBe('db/*');
  });

  it.each([
    // The date twice: rclone copy into a day folder of a dated file.
    [
      'db/2026-11-29/voicebot-2026-11-29.sql.gz',
      'db/2026-11-30/voicebot-2026-11-30.sql.gz',
      'db/{date}/voicebot-{date}.sql.gz',
    ],
    ['postgres/2026/11/29/dump.sql.gz', 'postgres/2026/12/01/dump.sql.gz', 'postgres/{date}/dump.sql.gz'],
    [
      'db/2026/11/voicebot-2026-11-29.sql.gz',
      'db/2026/12/voicebot-2026-12-01.sql.gz',
      'db/{month}/voicebot-{date}.sql.gz',
    ],
    ['db/2026/voicebot-20261129.dump', 'db/2027/voicebot-20270101.dump', 'db/{year}/voicebot-{date}.dump'],
    [
      'db/2026/11/29/pg-2026-11-29T031500Z.dump',
      'db/2026/11/30/pg-2026-11-30T031500Z.dump',
      'db/{date}/pg-{date}.dump',
    ],
    ['db/2026-11/dump.sql.gz', 'db/2026-12/dump.sql.gz', 'db/{month}/dump.sql.gz'],
  ])('makes one series of %s and %s', (a, b, series) => {
    expect(seriesOf(a)).toBe(series);
    expect(seriesOf(b)).toBe(series);
  });

  it('keeps apart what differs besides the date', () => {
    expect(seriesOf('db/2026-11-29/voicebot-2026-11-29.sql.gz')).not.toBe(
      seriesOf('db/2026-11-29/uploads-2026-11-29.tar.gz'),
    );
  });

  it('takes the most precise date when folders and name both carry one', () => {
    expect(dateFromKey('db/2026/11/voicebot-2026-11-29.sql.gz')?.date.toISOString()).toBe(
      '2026-11-29T00:00:00.000Z',
    );
    expect(dateFromKey('postgres/2026/11/29/dump.sql.gz')?.date.toISOString()).toBe(
      '2026-11-29T00:00:00.000Z',
    );
    expect(dateFromKey('db/2026/11/29/pg-2026-11-29T031500Z.dump')).toMatchObject({ hasTime: true });
  });
});
