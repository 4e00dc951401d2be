import { describe, expect, it } from '@jest/globals';
import { auditLifecycle, auditRetention } from '../../src/backup/retention.js';

const DAY = 86_400_000;
const at = (iso: string) => new Date(`${iso}T03:00:00Z`);
const daily = (from: string, days: number, skip: string[] = []) =>
  Array.from({ length: days }, (_, i) => new Date(Date.parse(`${from}T03:00:00Z`) - i * DAY))
    .map((d) => d.toISOString().slice(0, 10))
    .filter((d) => !skip.includes(d))
    .map((d) => ({ key: `db/voice-bot-${d}.dump`, date: at(d), size: 100 }));
const policy = { daily: 30, monthly: 12 };

describe('retention audit (restic keep-daily / keep-monthly, UTC)', () => {
  it('finds no gaps in a complete series and keeps the newest of each day and month', () => {
    const audit = auditRetention(daily('2026-11-29', 30), policy, new Date('2026-11-29T12:00:00Z'));
    expect(audit.missingDays).toEqual([]);
    expect(audit.window).toEqual({ from: '2026-10-31', to: '2026-11-29' });
    expect(audit.kept.get('db/voice-bot-2026-10-31.dump')).toEqual(['daily snapshot', 'monthly snapshot']);
  });

  it('lists missing days inside the window, but not before the first backup ever', () => {
    const audit = auditRetention(
      daily('2026-11-29', 10, ['2026-11-25', '2026-11-21']),
      policy,
      new Date('2026-11-29T12:00:00Z'),
    );
    expect(audit.missingDays).toEqual(['2026-11-21', '2026-11-25']);
    expect(audit.window.from).toBe('2026-11-20');
  });

  it("does not count today as missing before today's backup has run", () => {
    const audit = auditRetention(daily('2026-11-28', 5), policy, new Date('2026-11-29T01:00:00Z'));
    expect(audit.missingDays).toEqual([]);
    expect(audit.window.to).toBe('2026-11-28');
  });

  it('does not count a new month as missing before its first backup has run', () => {
    const audit = auditRetention(daily('2026-11-30', 40), policy, new Date('2026-12-01T00:30:00Z'));
    expect(audit.missingMonths).toEqual([]);
    expect(audit.missingDays).toEqual([]);
  });

  it('lists missing months in the monthly window', () => {
    const backups = [...daily('2026-11-29', 3), ...daily('2026-09-30', 2), ...daily('2026-07-31', 1)];
    const audit = auditRetention(backups, policy, new Date('2026-11-29T12:00:00Z'));
    expect(audit.missingMonths).toEqual(['2026-08', '2026-10']);
  });

  it('flags backups beyond the policy that lifecycle left behind, allowing two days of lag', () => {
    const audit = auditRetention(daily('2026-11-29', 40), policy, new Date('2026-11-29T12:00:00Z'));
    // Kept: 30 dailies (Oct 31 → Nov 29), Oct 31 is also October's monthly, and Oct 21, the oldest,
    // while the monthly count is not used up (restic >= 0.16). Oct 29–30 are within the lag.
    expect(audit.kept.get('db/voice-bot-2026-10-21.dump')).toEqual(['oldest monthly snapshot']);
    expect(audit.expired).toEqual(
      ['2026-10-22', '2026-10-23', '2026-10-24', '2026-10-25', '2026-10-26', '2026-10-27', '2026-10-28'].map(
        (d) => `db/voice-bot-${d}.dump`,
      ),
    );
  });

  it('follows restic in keeping the last 30 days that have a backup, so gaps reach further back', () => {
    const backups = daily('2026-11-29', 40, ['2026-11-20', '2026-11-21']);
    const audit = auditRetention(backups, policy, new Date('2026-11-29T12:00:00Z'));
    expect(audit.kept.get('db/voice-bot-2026-10-29.dump')).toEqual(['daily snapshot']);
  });

  it('does not call a second backup of a day inside the daily window expired, though restic removes it', () => {
    const twice = daily('2026-11-29', 5).flatMap((b) => [
      b,
      { ...b, key: b.key.replace('.dump', '-early.dump'), date: new Date(b.date.getTime() - 3_600_000) },
    ]);
    const audit = auditRetention(twice, { daily: 5 }, new Date('2026-11-29T12:00:00Z'));
    // restic keeps the newest of each day and removes the five early ones.
    expect([...audit.kept.keys()].every((k) => !k.includes('early'))).toBe(true);
    expect(audit.kept.size).toBe(5);
    expect(audit.expired).toEqual([]);
  });

  it('measures within spans from the newest backup, as restic does', () => {
    const audit = auditRetention(
      daily('2026-11-29', 20),
      { within: { years: 0, months: 0, days: 7, hours: 0 } },
      new Date('2026-12-20T12:00:00Z'),
    );
    expect(audit.kept.size).toBe(7);
    expect(audit.expired).toHaveLength(20 - 7 - 2);
  });

  it('compares lifecycle rules with the policy', () => {
    const short = auditLifecycle(
      { rules: [{ id: 'expire', prefix: 'db/', enabled: true, expirationDays: 30 }] },
      'db/',
      policy,
      0,
    );
    expect(short).toMatchObject({ ok: false });
    expect(short.detail).toMatch(
      /expires backups after 30 days, but the policy keeps some for about 372 days/,
    );
    expect(
      auditLifecycle(
        { rules: [{ id: 'expire', prefix: 'db/', enabled: true, expirationDays: 400 }] },
        'db/',
        policy,
        0,
      ).ok,
    ).toBe(true);
    expect(auditLifecycle({ rules: [] }, 'db/', policy, 3)).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/no lifecycle rule covers 'db\/', and 3 backup/),
    });
    expect(auditLifecycle({ unavailable: 'NotImplemented (HTTP 501)' }, 'db/', policy, 3)).toMatchObject({
      ok: true,
      detail: expect.stringMatching(/not readable here/),
    });
  });
});
