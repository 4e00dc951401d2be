import { describe, expect, it } from '@jest/globals';
import {
  dateFromKey,
  parseRetention,
  parseShard,
  parseVerifyMode,
  seriesOf,
} from '../../src/backup/policy.js';

describe('backup inputs', () => {
  it('parses retention as restic keep counts and names the input on a mistake', () => {
    expect(parseRetention('daily=30,monthly=12')).toEqual({ daily: 30, weekly: 0, monthly: 12, yearly: 0 });
    expect(parseRetention('daily=7 weekly=4 yearly=2')).toEqual({
      daily: 7,
      weekly: 4,
      monthly: 0,
      yearly: 2,
    });
    expect(() => parseRetention('daily:30')).toThrow(/"daily:30" is not PERIOD=COUNT/);
    expect(() => parseRetention('hourly=3')).toThrow(/PERIOD=COUNT/);
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
    const key = 'db/voice-bot-2026-11-29.dump';
    expect(seriesOf(key, dateFromKey(key)?.match)).toBe('db/voice-bot-{date}.dump');
    expect(seriesOf('db/latest.dump', undefined)).toBe('db/*');
  });
});
