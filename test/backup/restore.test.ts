import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { S3Client } from '@aws-sdk/client-s3';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { verifyBackups } from '../../src/backup/verify.js';
import { compareDatabases, TABLE_MANIFEST_SQL } from '../../src/backup/tables.js';
import { adminClient, createBucket, putObject, rcloneCopy, sidecarText } from '../../src/sim/s3/seed.js';
import { startS3rver, type LocalS3 } from '../support/s3-servers.js';
import { seedVoicebot, startPostgres, type LocalPostgres } from '../support/postgres.js';

const run = promisify(execFile);
const MANIFEST_FILE = 'actions/backup-verify/table-manifest.sql';
const BUCKET = 'voice-bot-backups';
const today = new Date().toISOString().slice(0, 10);
let pg: LocalPostgres;
let s3: LocalS3;
let client: S3Client;
let dir: string;
let source: string;

beforeAll(async () => {
  s3 = await startS3rver();
  pg = await startPostgres();
  client = await adminClient(s3);
  await createBucket(client, BUCKET);
  dir = mkdtempSync(join(tmpdir(), 'runway-restore-'));
  source = await seedVoicebot(pg, 'voicebot', 20);
}, 120_000);

afterAll(async () => {
  client?.destroy();
  await Promise.all([pg?.stop(), s3?.stop()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * The user's nightly job: pg_dump -Fc, the one-line table manifest from `manifestFrom`, a sha256
 * sidecar, and rclone into a date folder. `damage` changes the dump file before it is uploaded.
 */
async function nightly(
  prefix: string,
  dumpFrom: string,
  manifestFrom: string,
  damage?: (file: string) => void,
  day = today,
) {
  const name = `voicebot-${day}.dump`;
  const file = join(dir, `${prefix.replace(/\W/g, '')}-${name}`);
  await run('pg_dump', ['-Fc', '-d', dumpFrom, '-f', file]);
  // The line the README adds to the nightly job, with the file shipped next to the action.
  const manifest = (await run('psql', [manifestFrom, '-XAtq', '-f', MANIFEST_FILE])).stdout;
  writeFileSync(`${file}.tables`, manifest);
  damage?.(file);
  const key = `${prefix}${day}/${name}`;
  await rcloneCopy(s3, file, BUCKET, key);
  await rcloneCopy(s3, `${file}.tables`, BUCKET, `${key}.tables`);
  await putObject(client, BUCKET, `${key}.sha256`, sidecarText(readFileSync(file), name));
  return key;
}

const connection = () => ({
  endpoint: s3.endpoint,
  region: s3.region,
  bucket: BUCKET,
  accessKeyId: s3.accessKeyId,
  secretAccessKey: s3.secretAccessKey,
  forcePathStyle: true,
});

async function copyOf(name: string, change: string): Promise<string> {
  await pg.sql('postgres', `CREATE DATABASE ${name} TEMPLATE voicebot`);
  await pg.sql(name, change);
  return pg.urlOf(name);
}

describe('restore a verified pg_dump into PostgreSQL and prove the tables', () => {
  it('ships the manifest query the verifier runs', () => {
    expect(readFileSync(MANIFEST_FILE, 'utf8').replace(/^--.*\n/, '')).toBe(TABLE_MANIFEST_SQL);
  });

  it('restores the newest dump and finds every table equal to the manifest and to the live source', async () => {
    const key = await nightly('good/', source, source);
    const target = await pg.createDatabase('restored_good');
    const report = await verifyBackups({
      connection: connection(),
      prefix: 'good/',
      retention: { daily: 1 },
      restoreTo: target,
    });
    expect(report.restore).toMatchObject({
      key,
      ok: true,
      tool: 'pg_restore',
      comparedWith: `${key}.tables`,
    });
    expect(report.restore?.comparison?.summary).toBe('5 tables, 3,220 rows, all equal');
    expect(report.passed).toBe(true);
    // The same restore compared with the live database instead of the manifest.
    const live = await verifyBackups({
      connection: connection(),
      prefix: 'good/',
      retention: { daily: 1 },
      restoreTo: target,
      compareWith: source,
    });
    expect(live.restore?.comparison).toMatchObject({ equal: true, tables: 5, rows: 3220 });
    expect(live.restore?.comparedWith).toBe(source);
  }, 120_000);

  it('names the table whose row was corrupted', async () => {
    const bad = await copyOf(
      'voicebot_corrupt',
      "UPDATE transcripts SET body = body || '!' WHERE call_id = 7",
    );
    await nightly('corrupt/', bad, source);
    const report = await verifyBackups({
      connection: connection(),
      prefix: 'corrupt/',
      retention: { daily: 1 },
      restoreTo: await pg.createDatabase('restored_corrupt'),
    });
    expect(report.passed).toBe(false);
    expect(report.restore?.comparison?.differences.map((d) => d.table)).toEqual(['public.transcripts']);
    expect(report.failures.at(-1)).toMatch(/public\.transcripts \(same 1000 rows but different content/);
  }, 120_000);

  it('names a table missing from the dump', async () => {
    const bad = await copyOf('voicebot_dropped', 'DROP TABLE transcripts');
    await nightly('dropped/', bad, source);
    const report = await verifyBackups({
      connection: connection(),
      prefix: 'dropped/',
      retention: { daily: 1 },
      restoreTo: await pg.createDatabase('restored_dropped'),
    });
    expect(report.passed).toBe(false);
    expect(report.restore?.comparison?.differences).toEqual([
      {
        table: 'public.transcripts',
        why: expect.stringMatching(/^missing from the restored database \(1000 rows/),
      },
    ]);
  }, 120_000);

  it('does not restore a truncated dump, and leaves the target untouched', async () => {
    const key = await nightly('truncated/', source, source, (file) =>
      truncateSync(file, Math.floor(statSync(file).size / 2)),
    );
    const target = await pg.createDatabase('restored_truncated');
    const report = await verifyBackups({
      connection: connection(),
      prefix: 'truncated/',
      retention: { daily: 1 },
      restoreTo: target,
    });
    expect(report.passed).toBe(false);
    expect(report.backups.find((b) => b.key === key)?.verdict).toBe('failed');
    expect(report.restore).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^not restored: the backup did not verify/),
    });
    expect(
      await pg.sql('restored_truncated', "select count(*) from pg_tables where schemaname = 'public'"),
    ).toBe('0\n');
  }, 120_000);

  it('restores a chosen dump instead of the newest', async () => {
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const older = await nightly('chosen/', source, source, undefined, yesterday);
    await nightly('chosen/', source, source);
    const report = await verifyBackups({
      connection: connection(),
      prefix: 'chosen/',
      retention: { daily: 2 },
      restoreTo: await pg.createDatabase('restored_chosen'),
      restoreKey: older,
    });
    expect(report.restore).toMatchObject({ key: older, ok: true });
    // The chosen one is read and verified too, though verify: latest reads only the newest.
    expect(report.backups.find((b) => b.key === older)?.verdict).toBe('ok');
    await expect(
      verifyBackups({
        connection: connection(),
        prefix: 'chosen/',
        restoreTo: pg.urlOf('x'),
        restoreKey: 'chosen/nope.dump',
      }),
    ).rejects.toThrow(/restore-key 'chosen\/nope\.dump' is not a backup under the prefix/);
  }, 120_000);

  it('gates a cutover on two live databases being equal', async () => {
    const copy = await copyOf('voicebot_fly', 'SELECT 1');
    expect(await compareDatabases(source, copy)).toMatchObject({
      equal: true,
      summary: '5 tables, 3,220 rows, all equal',
    });
    await pg.sql('voicebot_fly', 'DELETE FROM transcripts WHERE call_id = 9; DELETE FROM calls WHERE id = 9');
    const after = await compareDatabases(source, copy);
    expect(after.equal).toBe(false);
    expect(after.differences.map((d) => [d.table, d.why])).toEqual([
      ['public.calls', expect.stringMatching(/^999 rows in .*voicebot_fly, 1000 in /)],
      ['public.transcripts', expect.stringMatching(/^999 rows in /)],
    ]);
  }, 60_000);
});
