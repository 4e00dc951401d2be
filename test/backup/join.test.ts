import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { S3Client } from '@aws-sdk/client-s3';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { joinShardReports, readShardReports } from '../../src/backup/join.js';
import { verifyBackups } from '../../src/backup/verify.js';
import { putObject } from '../../src/sim/s3/seed.js';
import type { LocalS3 } from '../support/s3-servers.js';
import { BUCKET, useBucket } from './bucket.js';
import { dayAgo, seedDailies } from './scenario.js';

let server: LocalS3;
let client: S3Client;
let dir: string;
const connection = () => ({ ...server, bucket: BUCKET, forcePathStyle: true });

useBucket((bucket) => ({ server, client } = bucket));
beforeAll(async () => {
  await seedDailies(client, BUCKET, 'db/', { days: 9 });
  // One rotten backup (its sidecar speaks for other bytes) for one shard to find.
  await putObject(client, BUCKET, `db/voice-bot-${dayAgo(4)}.dump.sha256`, `${'0'.repeat(64)}  x\n`);
  dir = mkdtempSync(join(tmpdir(), 'runway-join-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const shard = (index: number, count: number) =>
  verifyBackups({
    connection: connection(),
    prefix: 'db/',
    verify: { kind: 'all' },
    shard: { index, count },
    retention: { daily: 9 },
  });

describe('joining a shard matrix into one verdict', () => {
  it('gives the verdict one job verifying everything would give', async () => {
    const [whole, ...parts] = await Promise.all([shard(1, 1), shard(1, 3), shard(2, 3), shard(3, 3)]);
    parts.forEach((report, i) => {
      mkdirSync(join(dir, `backup-report-${i + 1}`), { recursive: true });
      writeFileSync(join(dir, `backup-report-${i + 1}`, 'backup-verify-report.json'), JSON.stringify(report));
    });
    const joined = joinShardReports(readShardReports(dir));
    expect(joined.shard).toBe('joined 3 of 3');
    expect(joined.passed).toBe(false);
    expect(joined.counts).toEqual(whole.counts);
    expect(joined.backups.map((b) => [b.key, b.verdict])).toEqual(
      whole.backups.map((b) => [b.key, b.verdict]),
    );
    expect(joined.failures).toEqual(whole.failures);
  }, 60_000);

  it('fails when a shard report is missing, naming the shard', () => {
    rmSync(join(dir, 'backup-report-2'), { recursive: true });
    const joined = joinShardReports(readShardReports(dir));
    expect(joined.failures[0]).toMatch(/^shard 2\/3: no report/);
    expect(joined.shard).toBe('joined 2 of 3');
  });

  it('refuses a file that is not a shard report, naming it', () => {
    writeFileSync(join(dir, 'other.json'), '{"hello": 1}');
    expect(() => readShardReports(dir)).toThrow(/other\.json is not a shard's backup-verify report/);
  });
});
