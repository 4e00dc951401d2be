import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { S3Client } from '@aws-sdk/client-s3';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runBundle } from '../../src/harness/run-bundle.js';
import type { BackupReport } from '../../src/backup/report.js';
import { adminClient, createBucket, putObject, rcloneCopy, sidecarText } from '../../src/sim/s3/seed.js';
import { startS3rver, type LocalS3 } from '../support/s3-servers.js';
import { seedVoicebot, startPostgres, type LocalPostgres } from '../support/postgres.js';
import { connectionInputs } from '../backup/scenario.js';

const exec = promisify(execFile);
const BUCKET = 'voice-bot-backups';
const today = new Date().toISOString().slice(0, 10);
let pg: LocalPostgres;
let s3: LocalS3;
let client: S3Client;
let dir: string;
let source: string;
let key: string;

const run = (inputs: Record<string, string>) => runBundle('backup-verify', { inputs, timeoutMs: 120_000 });

beforeAll(async () => {
  s3 = await startS3rver();
  pg = await startPostgres();
  client = await adminClient(s3);
  await createBucket(client, BUCKET);
  dir = mkdtempSync(join(tmpdir(), 'runway-restore-action-'));
  // A password on the source, so the test can watch it stay out of every log line and file.
  source = await seedVoicebot(pg, 'voicebot', 10);
  await pg.sql('postgres', "CREATE ROLE bot LOGIN PASSWORD 'Sup3r-s3cret-pw' SUPERUSER");
  const file = join(dir, `voicebot-${today}.dump`);
  await exec('pg_dump', ['-Fc', '-d', source, '-f', file]);
  writeFileSync(
    `${file}.tables`,
    (await exec('psql', [source, '-XAtq', '-f', 'actions/backup-verify/table-manifest.sql'])).stdout,
  );
  key = `db/${today}/voicebot-${today}.dump`;
  await rcloneCopy(s3, file, BUCKET, key);
  await rcloneCopy(s3, `${file}.tables`, BUCKET, `${key}.tables`);
  await putObject(client, BUCKET, `${key}.sha256`, sidecarText(readFileSync(file), `voicebot-${today}.dump`));
}, 120_000);

afterAll(async () => {
  client?.destroy();
  await pg?.stop();
  await s3?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The log as a reader sees it: the runner consumes `::add-mask::` lines and never prints them. */
const shown = (log: string) => log.replace(/^::add-mask::.*$/gm, '');
const withPassword = (url: string) => url.replace('runway@', 'bot:Sup3r-s3cret-pw@');

describe('backup-verify bundle: restore and the cutover gate against a real PostgreSQL', () => {
  it('restores the newest dump into the named database and reports every table equal', async () => {
    const target = withPassword(await pg.createDatabase('restored'));
    const result = await run({
      ...connectionInputs(s3, BUCKET, 'db/'),
      retention: 'daily=1',
      'restore-to': target,
    });
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({
      passed: 'true',
      'restored-key': key,
      tables: '5',
      'tables-differing': '0',
    });
    expect(result.summary).toContain('Compared with ' + key + '.tables: **5 tables, 1,610 rows, all equal**');
    const report = JSON.parse(readFileSync(result.outputs.report, 'utf8')) as BackupReport;
    expect(report.restore?.database).toBe(target.replace('Sup3r-s3cret-pw', '***'));
    for (const text of [shown(result.log), result.summary, readFileSync(result.outputs.report, 'utf8')])
      expect(text).not.toContain('Sup3r-s3cret-pw');
  }, 120_000);

  it('gates on two live databases: equal passes, a missing row fails naming the table', async () => {
    await pg.sql('postgres', 'CREATE DATABASE fly TEMPLATE voicebot');
    const fly = withPassword(pg.urlOf('fly'));
    const equal = await run({ mode: 'compare-databases', 'source-database': source, 'target-database': fly });
    expect(equal.exitCode).toBe(0);
    expect(equal.outputs).toMatchObject({ passed: 'true', tables: '5', rows: '1610' });
    await pg.sql('fly', 'DELETE FROM transcripts WHERE call_id = 3');
    const differ = await run({
      mode: 'compare-databases',
      'source-database': source,
      'target-database': fly,
    });
    expect(differ.exitCode).toBe(1);
    expect(differ.outputs).toMatchObject({ passed: 'false', 'tables-differing': '1' });
    expect(differ.log).toMatch(
      /::error::the databases differ: 5 tables, 1,610 rows: 1 differ: public\.transcripts \(499 rows in /,
    );
    expect(shown(differ.log)).not.toContain('Sup3r-s3cret-pw');
  }, 120_000);

  it.each([
    [{ 'restore-to': 'voicebot' }, /input 'restore-to': is not a PostgreSQL URL/],
    [{ 'restore-key': 'db/x.dump' }, /input 'restore-key': is set but restore-to is empty/],
    [{ mode: 'compare-databases' }, /input 'source-database': is required/],
    [{ mode: 'restore' }, /input 'mode': /],
  ])('rejects %j before any call', async (inputs, message) => {
    const result = await run({ ...connectionInputs(s3, BUCKET, 'db/'), ...inputs });
    expect(result.exitCode).toBe(1);
    expect(result.log).toMatch(message);
    expect(result.outputs.report).toBeUndefined();
  });
});
