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
 * are computed in the one pass.
 *
 * s3rver gives a completed multipart upload a plain MD5 ETag, so those cases never take the
 * multipart-ETag path (an MD5 per part, per candidate part size). Two more measurements cover it:
 *   - moto_server, which forms real multipart ETags: the same 1 GiB uploaded in 8 MiB parts (the AWS
 *     CLI's default) with no checksum metadata, so the multipart ETag is the only evidence; its own
 *     raw-download baseline is measured in the same run (moto is Python, so slower than s3rver);
 *   - the hashing alone, in process on the file in the page cache: one MD5, the multipart ETag for one
 *     candidate part size, and for three (the most the verifier tries), so the per-part cost is seen
 *     without any server in the way.
 * Results: bench/results/backup.json. Then the restore (bench/backup-restore.ts, bench/results/backup-restore.json);
 * BACKUP_BENCH_ONLY=restore runs only that.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomFillSync } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { createReadStream } from 'node:fs';
import { StreamDigests } from '../src/backup/digest.js';
import type { Evidence } from '../src/backup/evidence.js';
import { hasMoto, startMoto, startS3rver, type LocalS3 } from '../src/sim/s3/local-s3.js';
import type { BackupReport } from '../src/backup/report.js';
import { adminClient, createBucket, multipartUpload, putObject, rcloneCopy } from '../src/sim/s3/seed.js';
import { runBundle } from '../src/harness/run-bundle.js';
import { benchRestore } from './backup-restore.js';

if (process.env.BACKUP_BENCH_ONLY === 'restore') {
  await benchRestore();
  process.exit(0);
}

const SIZE = Number(process.env.BACKUP_BENCH_BYTES ?? 1024 ** 3);
const MOTO_SIZE = Number(process.env.BACKUP_BENCH_MOTO_BYTES ?? SIZE);
const MiB = 1024 * 1024;
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

/** The multipart ETag of a file, computed here independently of the verifier's code. */
function multipartEtagOf(path: string, partSize: number): string {
  const fd = openSync(path, 'r');
  const part = Buffer.alloc(partSize);
  const digests: Buffer[] = [];
  try {
    for (;;) {
      const n = readSync(fd, part, 0, partSize, null);
      if (n === 0) break;
      digests.push(createHash('md5').update(part.subarray(0, n)).digest());
    }
  } finally {
    closeSync(fd);
  }
  return `${createHash('md5').update(Buffer.concat(digests)).digest('hex')}-${digests.length}`;
}

/** Hashes the file as the verifier does while it streams (1 MiB reads), for the given evidence. */
async function hashFile(path: string, evidence: Evidence[]): Promise<{ mbs: number; ok: boolean }> {
  const digests = new StreamDigests(evidence);
  const t = performance.now();
  for await (const chunk of createReadStream(path, { highWaterMark: MiB })) digests.update(chunk as Buffer);
  const { digests: hex, multipart } = digests.finish();
  const mbs = digests.bytes / MB / ((performance.now() - t) / 1000);
  const ok = evidence.every((e) =>
    e.algorithm === 'multipart-md5'
      ? [...multipart.values()].includes(e.expected)
      : hex[e.algorithm] === e.expected,
  );
  return { mbs, ok };
}

async function verifyRun(
  server: LocalS3,
  prefix: string,
): Promise<{ mbs: number; wallMs: number; rssMb: number; provedBy: string[]; log: string }> {
  const rss = watchPeakRss('dist/backup-verify/index.js');
  const t = performance.now();
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
    timeoutMs: 600_000,
  });
  const wallMs = performance.now() - t;
  const rssMb = rss.stop();
  if (run.exitCode !== 0) throw new Error(`verify failed:\n${run.log.slice(-2000)}`);
  const report = JSON.parse(readFileSync(run.outputs.report, 'utf8')) as BackupReport;
  return {
    mbs: report.throughput!.mbPerSecond,
    wallMs,
    rssMb,
    provedBy: report.backups[0].provedBy,
    log: run.log,
  };
}

async function rawDownload(client: Awaited<ReturnType<typeof adminClient>>, key: string, size: number) {
  const t = performance.now();
  const answer = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  let bytes = 0;
  for await (const chunk of answer.Body as Readable) bytes += (chunk as Buffer).length;
  if (bytes !== size) throw new Error(`download returned ${bytes} bytes`);
  return size / MB / ((performance.now() - t) / 1000);
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

  // The hashing alone, on the file in the page cache: what the multipart ETag costs over one MD5.
  const md5 = execFileSync('md5sum', [file], { encoding: 'utf8' }).split(' ')[0];
  const etag8 = multipartEtagOf(file, 8 * MiB);
  const hashCases: Record<string, Evidence[]> = {
    md5: [{ source: 'etag-md5', algorithm: 'md5', expected: md5, where: 'ETag' }],
    'multipart-etag-1-part-size': [
      {
        source: 'etag-multipart',
        algorithm: 'multipart-md5',
        expected: etag8,
        where: 'ETag',
        partSizes: [8 * MiB],
      },
    ],
    'multipart-etag-3-part-sizes': [
      {
        source: 'etag-multipart',
        algorithm: 'multipart-md5',
        expected: etag8,
        where: 'ETag',
        partSizes: [16 * MiB, 10 * MiB, 8 * MiB],
      },
    ],
  };
  const hashing: Record<string, number[]> = Object.fromEntries(Object.keys(hashCases).map((k) => [k, []]));
  for (let i = 0; i < RUNS; i++) {
    for (const [k, evidence] of Object.entries(hashCases)) {
      const r = await hashFile(file, evidence);
      if (!r.ok) throw new Error(`hashing case ${k} did not reproduce its evidence`);
      hashing[k].push(r.mbs);
    }
    console.log(
      `hashing run ${i + 1}: ${Object.entries(hashing)
        .map(([k, v]) => `${k} ${v[i].toFixed(0)} MB/s`)
        .join(', ')}`,
    );
  }

  // moto_server: a real multipart ETag is the only evidence.
  let moto: Record<string, unknown> | undefined;
  if (hasMoto()) {
    const m = await startMoto();
    try {
      const mclient = await adminClient(m);
      await createBucket(mclient, BUCKET);
      const motoFile = MOTO_SIZE === SIZE ? file : join(dir, `moto-${name}`);
      if (motoFile !== file) makeFile(motoFile, MOTO_SIZE);
      console.log(
        `Uploading ${(MOTO_SIZE / MiB).toFixed(0)} MiB to moto_server in 8 MiB parts, no checksum metadata…`,
      );
      t = Date.now();
      await multipartUpload(mclient, BUCKET, `multipart/${name}`, readFileSync(motoFile), 8 * MiB);
      const uploadSeconds = (Date.now() - t) / 1000;
      console.log(`  uploaded in ${uploadSeconds.toFixed(1)} s`);
      const mDownload: number[] = [];
      const mVerify: number[] = [];
      const mRss: number[] = [];
      const mWall: number[] = [];
      let provedBy: string[] = [];
      for (let i = 0; i < RUNS; i++) {
        mDownload.push(await rawDownload(mclient, `multipart/${name}`, MOTO_SIZE));
        const v = await verifyRun(m, 'multipart');
        mVerify.push(v.mbs);
        mRss.push(v.rssMb);
        mWall.push(v.wallMs);
        provedBy = v.provedBy;
        console.log(
          `moto run ${i + 1}: download ${mDownload[i].toFixed(0)} MB/s, verify ${v.mbs.toFixed(0)} MB/s (peak ${v.rssMb.toFixed(0)} MB), ${provedBy.join(', ')}`,
        );
      }
      if (!provedBy.some((p) => p.startsWith('multipart ETag')))
        throw new Error('moto case not proved by multipart ETag');
      mclient.destroy();
      const mbs = median(mVerify);
      moto = {
        bytes: MOTO_SIZE,
        upload: 'SDK multipart upload, 8 MiB parts (the AWS CLI default), no checksum metadata',
        uploadSeconds,
        evidence: provedBy,
        rawDownloadMBs: Math.round(median(mDownload)),
        verifyMBs: Math.round(mbs),
        wallSeconds: Math.round(median(mWall)) / 1000,
        ratioToRawDownload: Math.round((mbs / median(mDownload)) * 100) / 100,
        ratioToSha256sum: Math.round((mbs / median(sha256sumMBs)) * 100) / 100,
        peakRssMb: Math.round(Math.max(...mRss)),
        meetsThroughputGoal: mbs >= 0.8 * Math.min(median(mDownload), median(sha256sumMBs)),
        meetsMemoryGoal: Math.max(...mRss) <= 128,
        samples: { downloadMBs: mDownload.map(Math.round), verifyMBs: mVerify },
      };
    } finally {
      await m.stop();
    }
  } else {
    console.log('moto_server not found: the moto multipart case is skipped.');
  }

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
    hashingOnlyMBs: {
      note: 'in process, file in page cache, 1 MiB reads; no server',
      ...Object.fromEntries(Object.entries(hashing).map(([k, v]) => [k, Math.round(median(v))])),
      sha256sum: Math.round(median(sha256sumMBs)),
    },
    motoMultipartEtag: moto ?? 'skipped: moto_server not installed',
    goals: { throughput: '>= 0.8x the slower baseline', peakRss: '<= 128 MB' },
    samples: {
      sha256sumMBs: sha256sumMBs.map(Math.round),
      downloadMBs: downloadMBs.map(Math.round),
      verify: Object.fromEntries(Object.entries(verify).map(([k, v]) => [k, v.mbs])),
    },
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/backup.json', `${JSON.stringify(result, null, 2)}\n`);
  console.log(
    JSON.stringify(
      {
        baselines: result.baselines,
        cases,
        hashingOnlyMBs: result.hashingOnlyMBs,
        moto: result.motoMultipartEtag,
      },
      null,
      2,
    ),
  );
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
await benchRestore();
