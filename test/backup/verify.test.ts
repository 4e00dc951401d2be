import { beforeAll, describe, expect, it } from '@jest/globals';
import type { S3Client } from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import { putObject, sha256Hex } from '../../src/sim/s3/seed.js';
import { BUCKET, useBucket } from './bucket.js';
import { createS3Store, READ_COMMANDS, type S3Connection } from '../../src/backup/s3.js';
import type { ObjectStore } from '../../src/backup/store.js';
import { verifyBackups } from '../../src/backup/verify.js';
import { renderBackupSummary } from '../../src/backup/summary.js';
import { startRecordingProxy, type LocalS3 } from '../support/s3-servers.js';
import { DUMP, seedDailies } from './scenario.js';

const DAY = 86_400_000;
let server: LocalS3;
let client: S3Client;
let connection: S3Connection;

useBucket((bucket) => ({ server, client } = bucket));
beforeAll(async () => {
  await seedDailies(client, BUCKET, 'db/', { days: 20 });
  await putObject(client, BUCKET, 'undated/db.dump', DUMP);
  // The layouts `rclone copy` into date folders gives: the date in the folder and in the name.
  await seedDailies(client, BUCKET, 'twice/', { days: 4, name: (d) => `${d}/voicebot-${d}.sql.gz` });
  await seedDailies(client, BUCKET, 'ymd/', {
    days: 4,
    name: (d) => `${d.replaceAll('-', '/')}/dump.sql.gz`,
  });
  // Someone uploaded a 5 MB file named like a sidecar.
  await putObject(client, BUCKET, 'odd/voice-bot-2026-11-29.dump', DUMP);
  await putObject(
    client,
    BUCKET,
    'odd/voice-bot-2026-11-29.dump.sha256',
    Buffer.alloc(5 * 1024 * 1024, 0x61),
  );
  // One manifest per day's folder, as `sha256sum * > SHA256SUMS` writes it; one line is wrong.
  for (const [day, hashOf] of [
    ['2026-11-27', sha256Hex],
    ['2026-11-28', () => 'f'.repeat(64)],
  ] as const) {
    await putObject(client, BUCKET, `manifest/${day}/app.dump`, DUMP);
    await putObject(client, BUCKET, `manifest/${day}/SHA256SUMS`, `${hashOf(DUMP)}  app.dump\n`);
  }
  await putObject(
    client,
    BUCKET,
    `big/files-${new Date().toISOString().slice(0, 10)}.bin`,
    randomBytes(34 * 1024 * 1024),
  );
  connection = {
    endpoint: server.endpoint,
    region: server.region,
    bucket: BUCKET,
    accessKeyId: server.accessKeyId,
    secretAccessKey: server.secretAccessKey,
    forcePathStyle: true,
  };
});

describe('verifyBackups in-process against s3rver', () => {
  it.each([
    ['twice/', 'twice/{date}/voicebot-{date}.sql.gz'],
    ['ymd/', 'ymd/{date}/dump.sql.gz'],
  ])('makes one healthy series of the dated folders under %s', async (prefix, name) => {
    const report = await verifyBackups({ connection, prefix, retention: { daily: 4 } });
    expect(report.series.map((s) => [s.series, s.count, s.fresh])).toEqual([[name, 4, true]]);
    expect(report.failures).toEqual([]);
    expect(report.passed).toBe(true);
  });

  it('follows continuation tokens through every page of a listing, sending only read commands', async () => {
    const commands: string[] = [];
    const report = await verifyBackups({
      connection: { ...connection, listPageSize: 7, onCommand: (c) => commands.push(c) },
      prefix: 'db/',
      verify: { kind: 'latest' },
    });
    expect(report.counts.backups).toBe(20);
    // 20 dumps + 20 sidecars in pages of 7 = 6 pages, plus the reachability check.
    expect(commands.filter((c) => c === 'ListObjectsV2Command')).toHaveLength(7);
    // onCommand fires before the read-only guard, so a write the verifier tried would be listed here.
    expect(commands.every((c) => READ_COMMANDS.has(c))).toBe(true);
    expect(report.passed).toBe(true);
  });

  it('splits verify: all across shards that together cover every backup exactly once', async () => {
    const reports = await Promise.all(
      [1, 2, 3].map((index) =>
        verifyBackups({ connection, prefix: 'db/', verify: { kind: 'all' }, shard: { index, count: 3 } }),
      ),
    );
    const verified = reports.map((r) => r.backups.filter((b) => b.verdict === 'ok').map((b) => b.key));
    expect(verified.map((v) => v.length).sort()).toEqual([6, 7, 7]);
    const all = verified.flat();
    expect(new Set(all).size).toBe(20);
  });

  it('verifies what since:7d and sample:N select, always including the newest', async () => {
    const now = new Date();
    const since = await verifyBackups({
      connection,
      prefix: 'db/',
      verify: { kind: 'since', ms: 7 * DAY, text: '7d' },
      now,
    });
    const read = since.backups.filter((b) => b.verdict !== 'not-verified');
    expect(read.length).toBeGreaterThanOrEqual(7);
    for (const b of since.backups)
      expect(b.verdict !== 'not-verified').toBe(Date.parse(b.date) >= now.getTime() - 7 * DAY);
    const sample = await verifyBackups({
      connection,
      prefix: 'db/',
      verify: { kind: 'sample', count: 5 },
      random: () => 0.3,
    });
    const sampled = sample.backups.filter((b) => b.verdict === 'ok');
    expect(sampled).toHaveLength(5);
    expect(sampled[0].key).toBe(sample.latestKey);
  });

  it('dates a key without a date by its LastModified, and date-from last-modified ignores the key', async () => {
    const undated = await verifyBackups({ connection, prefix: 'undated/' });
    expect(undated.backups[0]).toMatchObject({
      key: 'undated/db.dump',
      dateSource: 'last-modified',
      verdict: 'ok',
    });
    expect(undated.latestAgeHours).toBeLessThan(1);
    const byUpload = await verifyBackups({ connection, prefix: 'db/', dateFrom: 'last-modified' });
    expect(byUpload.backups.every((b) => b.dateSource === 'last-modified')).toBe(true);
    // Seeded just now, all on one day: the calendar sees a single day.
    expect(Object.keys(byUpload.series[0].retention.days)).toHaveLength(1);
  });

  it('logs progress for a long download: bytes, rate and time left', async () => {
    const lines: string[] = [];
    const report = await verifyBackups({
      connection,
      prefix: 'big/',
      log: (l) => lines.push(l),
      progressIntervalMs: 1,
    });
    expect(report.backups[0].verdict).toBe('ok');
    const progress = lines.filter((l) =>
      /files-.*\.bin: [\d.]+ MiB of 34\.0 MiB \(\d+%\), [\d.]+ [KMG]iB\/s, .* left$/.test(l),
    );
    expect(progress.length).toBeGreaterThan(0);
    expect(lines.some((l) => /files-.*\.bin: done, 34\.0 MiB in /.test(l))).toBe(true);
  });

  it('checks each backup against the SHA256SUMS manifest of its folder, and names the manifest that is wrong', async () => {
    const commands: string[] = [];
    const report = await verifyBackups({
      connection: { ...connection, onCommand: (c) => commands.push(c) },
      prefix: 'manifest/',
      verify: { kind: 'all' },
      maxAgeMs: 365 * DAY,
      retention: { daily: 2, weekly: 0, monthly: 0, yearly: 0 },
      now: new Date('2026-11-28T12:00:00Z'),
    });
    const byKey = Object.fromEntries(report.backups.map((b) => [b.key, b]));
    expect(byKey['manifest/2026-11-27/app.dump']).toMatchObject({
      verdict: 'ok',
      provedBy: ['SHA256SUMS', 'ETag (MD5)'],
    });
    expect(byKey['manifest/2026-11-28/app.dump'].verdict).toBe('failed');
    expect(byKey['manifest/2026-11-28/app.dump'].problems[0]).toMatch(
      /^SHA256SUMS says sha256 f{64}, the bytes hash to [0-9a-f]{64} \(ETag \(MD5\) agrees with the bytes, so this checksum file is wrong or stale\)/,
    );
    // Verifying only the newest reads only the manifest of its folder: one manifest GET, one object GET.
    const latestCommands: string[] = [];
    const latestOnly = await verifyBackups({
      connection: { ...connection, onCommand: (c) => latestCommands.push(c) },
      prefix: 'manifest/',
      now: new Date('2026-11-28T12:00:00Z'),
      maxAgeMs: 365 * DAY,
    });
    expect(latestOnly.backups.filter((b) => b.verdict !== 'not-verified').map((b) => b.key)).toEqual([
      'manifest/2026-11-28/app.dump',
    ]);
    expect(latestCommands.filter((c) => c === 'GetObjectCommand')).toHaveLength(2);
    expect(commands.filter((c) => c === 'GetObjectCommand')).toHaveLength(4);
  });

  it('skips a backup deleted between listing and reading (lifecycle ran meanwhile) and verifies the rest', async () => {
    const proxy = await startRecordingProxy(server.endpoint);
    try {
      const gone = `db/voice-bot-${new Date(Date.now() - 5 * DAY).toISOString().slice(0, 10)}.dump`;
      proxy.failNext({ method: 'HEAD', path: gone, count: 1, status: 404, code: 'NotFound' });
      const lines: string[] = [];
      const report = await verifyBackups({
        connection: { ...connection, endpoint: proxy.endpoint },
        prefix: 'db/',
        verify: { kind: 'all' },
        log: (l) => lines.push(l),
      });
      expect(report.counts.verified).toBe(19);
      expect(report.backups.find((b) => b.key === gone)).toMatchObject({
        verdict: 'not-verified',
        problems: ['deleted while this run was verifying it'],
      });
      expect(lines.some((l) => l.includes(`${gone} was deleted while this run was verifying`))).toBe(true);
    } finally {
      await proxy.stop();
    }
  });

  it('keeps several small objects in flight but at most two large ones', async () => {
    /** Counts GETs in flight; each waits (up to 1 s) for a third to arrive, so overlap is observable, not luck. */
    const counting = async () => {
      const inner = await createS3Store(connection);
      let inFlight = 0;
      let peak = 0;
      const store: ObjectStore = {
        ...inner,
        async get(key) {
          inFlight++;
          peak = Math.max(peak, inFlight);
          if (inFlight < 3) await new Promise((r) => setTimeout(r, 1000).unref());
          const answer = await inner.get(key);
          answer.body.once('close', () => inFlight--);
          return answer;
        },
      };
      return { store, peak: () => peak };
    };
    const small = await counting();
    const a = await verifyBackups({ store: small.store, prefix: 'db/', verify: { kind: 'all' } });
    expect(a.counts.verified).toBe(20);
    expect(small.peak()).toBeGreaterThanOrEqual(3);
    const big = await counting();
    const b = await verifyBackups({
      store: big.store,
      prefix: 'db/',
      verify: { kind: 'since', ms: 3 * DAY, text: '3d' },
      largeObjectBytes: 100_000,
    });
    expect(b.counts.verified).toBeGreaterThanOrEqual(3);
    expect(big.peak()).toBe(2);
  });

  it('warns about a checksum file too big to be one and verifies with the rest of the evidence', async () => {
    const report = await verifyBackups({
      connection,
      prefix: 'odd/',
      maxAgeMs: 365 * DAY,
      now: new Date('2026-11-29T12:00:00Z'),
    });
    expect(report.backups[0]).toMatchObject({ verdict: 'ok', provedBy: ['ETag (MD5)'] });
    expect(report.warnings[0]).toMatch(
      /checksum file odd\/voice-bot-2026-11-29\.dump\.sha256 was not read: .* is larger than 4194304 bytes/,
    );
  });

  it('measures the age of a date-only key from its upload time, not from midnight', async () => {
    const uploaded = Date.now();
    // Made "yesterday evening" by its name; uploaded just now, i.e. 20–44 h after that midnight.
    const day = new Date(uploaded - 20 * 3_600_000).toISOString().slice(0, 10);
    await putObject(client, BUCKET, `evening/voice-bot-${day}.dump`, DUMP);
    const report = await verifyBackups({
      connection,
      prefix: 'evening/',
      maxAgeMs: DAY,
      now: new Date(uploaded + 5 * 3_600_000),
    });
    expect(report.latestAgeHours).toBeGreaterThanOrEqual(4.9);
    expect(report.latestAgeHours).toBeLessThan(5.5);
    expect(report.series[0].fresh).toBe(true);
    expect(report.backups[0].date).toBe(`${day}T00:00:00.000Z`);
  });

  it('renders failures first, then the backups table, then the calendar', async () => {
    const report = await verifyBackups({
      connection,
      prefix: 'db/',
      maxAgeMs: 60_000,
      now: new Date(Date.now() + 2 * 3_600_000),
    });
    expect(report.passed).toBe(false);
    const md = renderBackupSummary(report);
    const order = ['### Failures', '### Backups', '### Retention'].map((h) => md.indexOf(h));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(md).toMatch(/older than max-age 1m0s/);
  });
});
