import { afterAll, beforeAll } from '@jest/globals';
import type { S3Client } from '@aws-sdk/client-s3';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { putObject, rcloneCopy, sidecarText } from '../../src/sim/s3/seed.js';
import type { LocalS3 } from '../support/s3-servers.js';
import { seedVoicebot, startPostgres, type LocalPostgres } from '../support/postgres.js';
import { BUCKET, useBucket } from './bucket.js';

const exec = promisify(execFile);
export const MANIFEST_FILE = 'actions/backup-verify/table-manifest.sql';
const today = new Date().toISOString().slice(0, 10);

/** What a restore test runs against: local S3 with the backup bucket, and PostgreSQL with the voicebot database. */
export interface RestoreRig {
  s3: LocalS3;
  pg: LocalPostgres;
  client: S3Client;
  /** Where the nightly job writes its dumps before uploading them. */
  dir: string;
  /** The URL of the seeded voicebot database. */
  source: string;
}

/**
 * Starts the rig before the file's first test (voicebot seeded with `calls` calls; handed to `use`) and
 * removes it after the last.
 */
export function useRestoreRig(calls: number, use: (rig: RestoreRig) => void): void {
  let rig: Partial<RestoreRig> = {};
  useBucket(({ server, client }) => (rig = { s3: server, client }));
  beforeAll(async () => {
    rig.pg = await startPostgres();
    rig.dir = mkdtempSync(join(tmpdir(), 'runway-restore-'));
    rig.source = await seedVoicebot(rig.pg, 'voicebot', calls);
    use(rig as RestoreRig);
  }, 120_000);
  afterAll(async () => {
    await rig.pg?.stop();
    if (rig.dir) rmSync(rig.dir, { recursive: true, force: true });
  });
}

/**
 * The user's nightly job: pg_dump -Fc of `dumpFrom`, the one-line table manifest of `manifestFrom`, a
 * sha256 sidecar, and rclone into `<prefix><day>/`. `damage` changes the dump file before it is uploaded.
 * Returns the dump's key.
 */
export async function nightly(
  rig: RestoreRig,
  prefix: string,
  dumpFrom: string,
  manifestFrom: string,
  damage?: (file: string) => void,
  day = today,
): Promise<string> {
  const name = `voicebot-${day}.dump`;
  const file = join(rig.dir, `${prefix.replace(/\W/g, '')}-${name}`);
  await exec('pg_dump', ['-Fc', '-d', dumpFrom, '-f', file]);
  // The line the README adds to the nightly job, with the file shipped next to the action.
  const manifest = (await exec('psql', [manifestFrom, '-XAtq', '-f', MANIFEST_FILE])).stdout;
  writeFileSync(`${file}.tables`, manifest);
  damage?.(file);
  const key = `${prefix}${day}/${name}`;
  await rcloneCopy(rig.s3, file, BUCKET, key);
  await rcloneCopy(rig.s3, `${file}.tables`, BUCKET, `${key}.tables`);
  await putObject(rig.client, BUCKET, `${key}.sha256`, sidecarText(readFileSync(file), name));
  return key;
}
