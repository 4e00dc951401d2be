import { describe, expect, it } from '@jest/globals';
import { dateFromKey, dayOf, monthOf, seriesOf } from '../../src/backup/layout.js';

// Every part of the two key patterns at its edges: each separator, the first and last valid month, day,
// hour, minute and second and the first invalid one past them, the digit guards on either side, and the
// period folders' anchors. `null` means no date is read from the key.

const read = (key: string) => {
  const found = dateFromKey(key);
  return found ? `${found.date.toISOString()}${found.hasTime ? ' with time' : ''}` : null;
};

describe('the date in a key', () => {
  it.each([
    // separators between year, month and day: each of - _ . / or none
    ['db/2026-11-29.sql', '2026-11-29T00:00:00.000Z'],
    ['db/2026_11_29.sql', '2026-11-29T00:00:00.000Z'],
    ['db/2026.11.29.sql', '2026-11-29T00:00:00.000Z'],
    ['db/2026/11/29/x.sql', '2026-11-29T00:00:00.000Z'],
    ['db/20261129.sql', '2026-11-29T00:00:00.000Z'],
    ['db/2026:11:29.sql', null],
    // the year is 20xx
    ['db/2000-01-01.sql', '2000-01-01T00:00:00.000Z'],
    ['db/2099-12-31.sql', '2099-12-31T00:00:00.000Z'],
    ['db/1999-12-31.sql', null],
    ['db/2126-11-29.sql', null],
    // months 01–12
    ['db/2026-00-10.sql', null],
    ['db/2026-01-10.sql', '2026-01-10T00:00:00.000Z'],
    ['db/2026-09-10.sql', '2026-09-10T00:00:00.000Z'],
    ['db/2026-10-10.sql', '2026-10-10T00:00:00.000Z'],
    ['db/2026-12-10.sql', '2026-12-10T00:00:00.000Z'],
    ['db/2026-13-10.sql', null],
    ['db/2026-1-10.sql', null],
    // days 01–31, and only days the month has
    ['db/2026-12-00.sql', null],
    ['db/2026-12-01.sql', '2026-12-01T00:00:00.000Z'],
    ['db/2026-12-09.sql', '2026-12-09T00:00:00.000Z'],
    ['db/2026-12-10.sql', '2026-12-10T00:00:00.000Z'],
    ['db/2026-12-19.sql', '2026-12-19T00:00:00.000Z'],
    ['db/2026-12-20.sql', '2026-12-20T00:00:00.000Z'],
    ['db/2026-12-29.sql', '2026-12-29T00:00:00.000Z'],
    ['db/2026-12-30.sql', '2026-12-30T00:00:00.000Z'],
    ['db/2026-12-31.sql', '2026-12-31T00:00:00.000Z'],
    ['db/2026-12-32.sql', null],
    ['db/2026-11-31.sql', null],
    ['db/2028-02-29.sql', '2028-02-29T00:00:00.000Z'],
    ['db/2026-02-29.sql', null],
    // no digit may touch the date on either side
    ['db/12026-11-29.sql', null],
    ['db/2026-11-290.sql', null],
    ['db/x2026-11-29y.sql', '2026-11-29T00:00:00.000Z'],
    // times: each separator before the hour (T _ space - or none), between the fields (- : or none), Z
    ['db/2026-11-29T031500Z.sql', '2026-11-29T03:15:00.000Z with time'],
    ['db/2026-11-29T0315.sql', '2026-11-29T03:15:00.000Z with time'],
    ['db/2026-11-29_03:15:07.sql', '2026-11-29T03:15:07.000Z with time'],
    ['db/2026-11-29 03-15-07.sql', '2026-11-29T03:15:07.000Z with time'],
    ['db/2026-11-29-03-15.sql', '2026-11-29T03:15:00.000Z with time'],
    ['db/20261129031507.sql', '2026-11-29T03:15:07.000Z with time'],
    ['db/2026-11-29T03:15Z', '2026-11-29T03:15:00.000Z with time'],
    // hours 00–23, minutes and seconds 00–59; past them the time is not read, the date still is
    ['db/2026-11-29T0000.sql', '2026-11-29T00:00:00.000Z with time'],
    ['db/2026-11-29T0959.sql', '2026-11-29T09:59:00.000Z with time'],
    ['db/2026-11-29T1959.sql', '2026-11-29T19:59:00.000Z with time'],
    ['db/2026-11-29T2000.sql', '2026-11-29T20:00:00.000Z with time'],
    ['db/2026-11-29T2359.sql', '2026-11-29T23:59:00.000Z with time'],
    ['db/2026-11-29T235959.sql', '2026-11-29T23:59:59.000Z with time'],
    ['db/2026-11-29T2400.sql', '2026-11-29T00:00:00.000Z'],
    ['db/2026-11-29T0360.sql', '2026-11-29T00:00:00.000Z'],
    ['db/2026-11-29T031560.sql', '2026-11-29T00:00:00.000Z'],
    ['db/2026-11-29T03.sql', '2026-11-29T00:00:00.000Z'],
    // the last date in the key wins
    ['db/2026-11-28/x-2026-11-29.sql', '2026-11-29T00:00:00.000Z'],
    ['db/2026-11-29/x-2026-11-28.sql', '2026-11-28T00:00:00.000Z'],
    ['db/2026-11-28T0315/x-2026-11-29.sql', '2026-11-29T00:00:00.000Z'],
    ['db/2026-11-29/x-2026-02-30.sql', '2026-11-29T00:00:00.000Z'],
  ])('%s → %s', (key, expected) => {
    expect(read(key)).toBe(expected);
  });
});

describe('the series of a key', () => {
  it.each([
    ['db/2026-11-29.sql', 'db/{date}.sql'],
    ['db/2026-11-29T031500Z.sql', 'db/{date}.sql'],
    ['db/a-2026-11-28-b-2026-11-29.sql', 'db/a-{date}-b-{date}.sql'],
    ['db/2026-02-30.sql', 'db/*'],
    // period folders: a year, or a year and month with any of - _ /, only as a whole folder
    ['db/2026/x-2026-11-29.sql', 'db/{year}/x-{date}.sql'],
    ['db/2026-11/x-2026-11-29.sql', 'db/{month}/x-{date}.sql'],
    ['db/2026_11/x-2026-11-29.sql', 'db/{month}/x-{date}.sql'],
    ['db/2026/11/x-2026-11-29.sql', 'db/{month}/x-{date}.sql'],
    ['db/2026.11/x-2026-11-29.sql', 'db/2026.11/x-{date}.sql'],
    ['db/2026-01/x.sql', 'db/{month}/x.sql'],
    ['db/2026-12/x.sql', 'db/{month}/x.sql'],
    ['db/2026-13/x-2026-11-29.sql', 'db/2026-13/x-{date}.sql'],
    ['db/2026-00/x.sql', 'db/2026-00/*'],
    ['db/1999/x.sql', 'db/1999/*'],
    ['2026/x.sql', '{year}/x.sql'],
    ['2026-11/x.sql', '{month}/x.sql'],
    ['db/x2026/y-2026-11-29.sql', 'db/x2026/y-{date}.sql'],
    ['db/2026x/y.sql', 'db/2026x/*'],
    ['db/20260/y.sql', 'db/20260/*'],
    ['db/2026/2027/y.sql', 'db/{year}/{year}/y.sql'],
    // a key without any date stands for its folder
    ['db/2026', 'db/*'],
    ['db/latest.sql', 'db/*'],
    ['a/b/c.sql', 'a/b/*'],
    ['latest.sql', '*'],
  ])('%s → %s', (key, series) => {
    expect(seriesOf(key)).toBe(series);
  });
});

describe('calendar keys', () => {
  it('names the UTC day and month of an instant', () => {
    const late = new Date('2026-11-30T23:59:59.999Z');
    expect(dayOf(late)).toBe('2026-11-30');
    expect(monthOf(late)).toBe('2026-11');
    expect(dayOf(new Date('2026-12-01T00:00:00.000Z'))).toBe('2026-12-01');
  });
});
