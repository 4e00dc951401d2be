/**
 * backup-verify on a 1 GiB backup in a local S3 server (s3rver), against two baselines measured in the
 * same run on the same bytes:
 *   - sha256sum of the file on disk (page cache warm): how fast this machine hashes the bytes at all;
 *   - the raw download rate: the same AWS SDK client GETting the object and discarding it.
 * The verifier must reach at least 0.8x the slower of the two, with a peak RSS of at most 128 MB (the
 * app's machines have 256 MB). Peak RSS is the bundle process's VmHWM, polled from /proc while it runs.
 *
 * The backup is uploaded the way the user's job does it: rclone, multipart (5 MiB parts) with its
 * whole-file MD5 in X-Amz-Meta-Md5chksum. A second case adds a sha256 sidecar, so both MD5 and SHA-256
 * are computed in the one pass. Results: bench/results/backup.json.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { startS3rver } from '../src/backup/local-s3.js';
import type { BackupReport } from '../src/backup/report.js';
import { adminClient, createBucket, putObject, rcloneCopy } from '../src/backup/seed.js';
import { runBundle } from '../src/harness/run-bundle.js';

const SIZE = Number(process.env.BACKUP_BENCH_BYTES ?? 1024 ** 3);
const RUNS = Number(process.env.BACKUP_BENCH_RUNS ?? 3);
const BUCKET = 'bench-backups';
const MB = 1e6;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function makeFile(path: string, size: number): void {
  const fd = openSync(path, 'w');
  const block = Buffer.alloc(8 * 1024 * 1024);
  for (let written = 0; written < size;) {
    const n = Math.min(block.length, size - written);
    randomFillSync(block, 0, n);
    writeSync(fd, block, 0, n);
    written += n;
  }
  closeSync(fd);
}

/** Peak RSS (VmHWM) of the bundle process, polled while it runs. */
function watchPeakRss(marker: string): { stop(): number } {
  let peakKb = 0;
  const timer = setInterval(() => {
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      try {
        if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker)) continue;
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        if (!new RegExp(`^PPid:\\s+${process.pid}$`, 'm').test(status)) continue;
        const hwm = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
        peakKb = Math.max(peakKb, hwm);
      } catch {
        // the process ended between listing and reading
      }
    }
  }, 25);
  return {
    stop: () => {
      clearInterval(timer);
      return peakKb / 1024;
    },
  };
}

const dir = mkdtempSync(join(tmpdir(), 'bench-backup-'));
const server = await startS3rver();
try {
  const day = new Date().toISOString().slice(0, 10);
  const name = `voice-bot-${day}.bin`;
  const file = join(dir, name);
  console.log(`Writing ${(SIZE / 2 ** 20).toFixed(0)} MiB of random bytes…`);
  makeFile(file, SIZE);
  const client = await adminClient(server);
  await createBucket(client, BUCKET);
  console.log('Uploading with rclone (multipart, 5 MiB parts, md5chksum)…');
  let t = Date.now();
  await rcloneCopy(server, file, BUCKET, `rclone/${name}`, { chunkSize: '5M' });
  await rcloneCopy(server, file, BUCKET, `sidecar/${name}`, { chunkSize: '5M' });
  const sha = execFileSync('sha256sum', [file], { encoding: 'utf8' }).split(' ')[0];
  await putObject(client, BUCKET, `sidecar/${name}.sha256`, `${sha}  ${name}\n`);
  console.log(`  uploaded twice in ${((Date.now() - t) / 1000).toFixed(1)} s`);

  const sha256sumMBs: number[] = [];
  const downloadMBs: number[] = [];
  const verify: Record<string, { mbs: number[]; wallMs: number[]; rssMb: number[]; provedBy: string[] }> = {
    rclone: { mbs: [], wallMs: [], rssMb: [], provedBy: [] },
    sidecar: { mbs: [], wallMs: [], rssMb: [], provedBy: [] },
  };
  for (let i = 0; i < RUNS; i++) {
    t = performance.now();
    const r = spawnSync('sha256sum', [file], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`sha256sum failed: ${r.stderr}`);
    sha256sumMBs.push(SIZE / MB / ((performance.now() - t) / 1000));

    t = performance.now();
    const answer = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: `rclone/${name}` }));
    let bytes = 0;
    for await (const chunk of answer.Body as Readable) bytes += (chunk as Buffer).length;
    if (bytes !== SIZE) throw new Error(`download returned ${bytes} bytes`);
    downloadMBs.push(SIZE / MB / ((performance.now() - t) / 1000));

    for (const [prefix, acc] of Object.entries(verify)) {
      const rss = watchPeakRss('dist/backup-verify/index.js');
      t = performance.now();
      const run = await runBundle('backup-verify', {
        inputs: {
          endpoint: server.endpoint,
          region: server.region,
          bucket: BUCKET,
          prefix: `${prefix}/`,
          'access-key-id': server.accessKeyId,
          'secret-access-key': server.secretAccessKey,
          'force-path-style': 'true',
          retention: 'daily=1',
        },
        timeoutMs: 300_000,
      });
      acc.wallMs.push(performance.now() - t);
      acc.rssMb.push(rss.stop());
      if (run.exitCode !== 0) throw new Error(`verify failed:\n${run.log.slice(-2000)}`);
      const report = JSON.parse(readFileSync(run.outputs.report, 'utf8')) as BackupReport;
      acc.mbs.push(report.throughput!.mbPerSecond);
      acc.provedBy = report.backups[0].provedBy;
      if (i === 0 && prefix === 'rclone') {
        const progress = run.log.split('\n').filter((l) => / left$/.test(l));
        console.log(`  progress lines: ${progress.length}, e.g. "${progress[0]?.trim()}"`);
      }
    }
    console.log(
      `run ${i + 1}: sha256sum ${sha256sumMBs[i].toFixed(0)} MB/s, download ${downloadMBs[i].toFixed(0)} MB/s, verify ${verify.rclone.mbs[i].toFixed(0)} MB/s (peak ${verify.rclone.rssMb[i].toFixed(0)} MB), +sha256 sidecar ${verify.sidecar.mbs[i].toFixed(0)} MB/s (peak ${verify.sidecar.rssMb[i].toFixed(0)} MB)`,
    );
  }
  client.destroy();

  const baseline = Math.min(median(sha256sumMBs), median(downloadMBs));
  const cases = Object.fromEntries(
    Object.entries(verify).map(([k, v]) => {
      const mbs = median(v.mbs);
      const peak = Math.max(...v.rssMb);
      return [
        k,
        {
          evidence: v.provedBy,
          verifyMBs: Math.round(mbs),
          wallSeconds: Math.round(median(v.wallMs)) / 1000,
          ratioToSlowerBaseline: Math.round((mbs / baseline) * 100) / 100,
          peakRssMb: Math.round(peak),
          meetsThroughputGoal: mbs >= 0.8 * baseline,
          meetsMemoryGoal: peak <= 128,
        },
      ];
    }),
  );
  const result = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
    bytes: SIZE,
    runs: RUNS,
    baselines: {
      sha256sumMBs: Math.round(median(sha256sumMBs)),
      rawDownloadMBs: Math.round(median(downloadMBs)),
      slowerMBs: Math.round(baseline),
    },
    cases,
    goals: { throughput: '>= 0.8x the slower baseline', peakRss: '<= 128 MB' },
    samples: {
      sha256sumMBs: sha256sumMBs.map(Math.round),
      downloadMBs: downloadMBs.map(Math.round),
      verify: Object.fromEntries(Object.entries(verify).map(([k, v]) => [k, v.mbs])),
    },
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/backup.json', `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify({ baselines: result.baselines, cases }, null, 2));
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
