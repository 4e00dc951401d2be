import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { S3Client } from '@aws-sdk/client-s3';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBundle } from '../../src/harness/run-bundle.js';
import { putObject } from '../../src/sim/s3/seed.js';
import type { LocalS3 } from '../support/s3-servers.js';
import { BUCKET, useBucket } from '../backup/bucket.js';
import { connectionInputs, dayAgo, seedDailies } from '../backup/scenario.js';

let server: LocalS3;
let client: S3Client;
let dir: string;

useBucket((bucket) => ({ server, client } = bucket));
beforeAll(async () => {
  await seedDailies(client, BUCKET, 'db/', { days: 6 });
  await putObject(client, BUCKET, `db/voice-bot-${dayAgo(2)}.dump.sha256`, `${'0'.repeat(64)}  x\n`);
  dir = mkdtempSync(join(tmpdir(), 'runway-join-action-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('backup-verify mode join (the backup-integrity matrix)', () => {
  it('turns the shard jobs’ reports into one verdict and one summary', async () => {
    for (const index of [1, 2]) {
      const shard = await runBundle('backup-verify', {
        inputs: {
          ...connectionInputs(server, BUCKET, 'db/'),
          verify: 'all',
          shard: `${index}/2`,
          retention: 'daily=6',
        },
      });
      // What upload-artifact / download-artifact do between the jobs: one folder per shard.
      mkdirSync(join(dir, `backup-report-${index}`));
      copyFileSync(shard.outputs.report, join(dir, `backup-report-${index}`, 'backup-verify-report.json'));
    }
    const joined = await runBundle('backup-verify', { inputs: { mode: 'join', 'shard-reports': dir } });
    expect(joined.exitCode).toBe(1);
    expect(joined.outputs).toMatchObject({ passed: 'false', verified: '5', failed: '1' });
    expect(joined.summary).toContain('shard joined 2 of 2');
    expect(joined.log).toMatch(
      new RegExp(`::error::backup verification failed: db/voice-bot-${dayAgo(2)}\\.dump: `),
    );
  }, 120_000);

  it('names the input when the folder is missing', async () => {
    const res = await runBundle('backup-verify', {
      inputs: { mode: 'join', 'shard-reports': join(dir, 'nope') },
    });
    expect(res.exitCode).toBe(1);
    expect(res.log).toMatch(/input 'shard-reports': cannot read the shard reports folder/);
  });
});
