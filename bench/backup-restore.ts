/**
 * The restore step of backup-verify (restore-to) on a voice-bot database dump, against pg_restore alone
 * on the same dump file in the same run (the baseline: what restoring costs at all on this machine).
 *   - restore step: the verifier's own pg_restore call (one transaction, --clean --if-exists), MB of dump/s;
 *   - end to end: download + checksum + content check + restore + per-table comparison with the manifest;
 *   - baseline: `pg_restore --no-owner --no-acl --single-transaction -d` on the local file into an empty database.
 * Results: bench/results/backup-restore.json. Scale with BACKUP_BENCH_HOTELS (default 2000: 322,000 rows, a 7 MB dump).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TABLE_MANIFEST_SQL } from '../src/backup/tables.js';
import { verifyBackups } from '../src/backup/verify.js';
import { startS3rver } from '../src/sim/s3/local-s3.js';
import { adminClient, createBucket, putObject, rcloneCopy, sidecarText } from '../src/sim/s3/seed.js';
import { startPostgres } from '../src/sim/postgres/server.js';
import { seedVoicebot } from '../src/sim/postgres/voicebot.js';

const RUNS = Number(process.env.BACKUP_BENCH_RUNS ?? 3);
const HOTELS = Number(process.env.BACKUP_BENCH_HOTELS ?? 2000);
const MB = 1e6;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function benchRestore(): Promise<void> {
  const pg = await startPostgres();
  const s3 = await startS3rver();
  const dir = mkdtempSync(join(tmpdir(), 'runway-bench-restore-'));
  try {
    console.log(`Seeding a voice-bot database with ${HOTELS} hotels…`);
    const source = await seedVoicebot(pg, 'voicebot', HOTELS);
    const day = new Date().toISOString().slice(0, 10);
    const name = `voicebot-${day}.dump`;
    const file = join(dir, name);
    execFileSync('pg_dump', ['-Fc', '-d', source, '-f', file]);
    writeFileSync(`${file}.tables`, execFileSync('psql', ['-XAtq', '-d', source, '-c', TABLE_MANIFEST_SQL]));
    const bytes = statSync(file).size;
    const client = await adminClient(s3);
    await createBucket(client, 'bench');
    await rcloneCopy(s3, file, 'bench', `db/${day}/${name}`);
    await rcloneCopy(s3, `${file}.tables`, 'bench', `db/${day}/${name}.tables`);
    await putObject(client, 'bench', `db/${day}/${name}.sha256`, sidecarText(readFileSync(file), name));
    client.destroy();
    const connection = { ...s3, bucket: 'bench', forcePathStyle: true };
    const samples = {
      pgRestoreMBs: [] as number[],
      restoreStepMBs: [] as number[],
      endToEndMBs: [] as number[],
    };
    let summary = '';
    for (let i = 0; i < RUNS; i++) {
      const plain = await pg.createDatabase(`plain_${i}`);
      let t = performance.now();
      execFileSync('pg_restore', ['--no-owner', '--no-acl', '--single-transaction', '-d', plain, file]);
      samples.pgRestoreMBs.push(bytes / MB / ((performance.now() - t) / 1000));
      const target = await pg.createDatabase(`verified_${i}`);
      t = performance.now();
      const report = await verifyBackups({
        connection,
        prefix: 'db/',
        retention: { daily: 1 },
        restoreTo: target,
      });
      const wall = performance.now() - t;
      if (!report.restore?.ok) throw new Error(`restore failed: ${report.restore?.problem}`);
      samples.restoreStepMBs.push(bytes / MB / (report.restore.ms! / 1000));
      samples.endToEndMBs.push(bytes / MB / (wall / 1000));
      summary = report.restore.comparison!.summary;
    }
    const base = median(samples.pgRestoreMBs);
    const result = {
      date: new Date().toISOString(),
      dump: { bytes, hotels: HOTELS, tables: summary },
      runs: RUNS,
      baseline: { pgRestoreAloneMBs: round1(base) },
      restoreStep: {
        MBs: round1(median(samples.restoreStepMBs)),
        ratio: round2(median(samples.restoreStepMBs) / base),
      },
      endToEnd: {
        MBs: round1(median(samples.endToEndMBs)),
        ratio: round2(median(samples.endToEndMBs) / base),
      },
      samples: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, v.map(round1)])),
    };
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/backup-restore.json', `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await pg.stop();
    await s3.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;
