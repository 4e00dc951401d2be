import { beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { runBundle } from '../../src/harness/run-bundle.js';
import type { BackupReport } from '../../src/backup/report.js';
import type { LocalS3 } from '../support/s3-servers.js';
import type { LocalPostgres } from '../support/postgres.js';
import { connectionInputs } from '../backup/scenario.js';
import { BUCKET } from '../backup/bucket.js';
import { nightly, useRestoreRig, type RestoreRig } from '../backup/restore-rig.js';

let rig: RestoreRig;
let pg: LocalPostgres;
let s3: LocalS3;
let source: string;
let key: string;

const run = (inputs: Record<string, string>) => runBundle('backup-verify', { inputs, timeoutMs: 120_000 });

useRestoreRig(10, (started) => {
  rig = started;
  ({ pg, s3, source } = started);
});
beforeAll(async () => {
  // A password on the source, so the test can watch it stay out of every log line and file.
  await pg.sql('postgres', "CREATE ROLE bot LOGIN PASSWORD 'Sup3r-s3cret-pw' SUPERUSER");
  key = await nightly(rig, 'db/', source, source);
}, 120_000);

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
