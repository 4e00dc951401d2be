import { beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { openSync, readFileSync, statSync, writeSync, closeSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { S3Client } from '@aws-sdk/client-s3';
import { runBundle } from '../../src/harness/run-bundle.js';
import { makeTarGz, putObject, sidecarText } from '../../src/sim/s3/seed.js';
import { BUCKET, useBucket } from '../backup/bucket.js';
import type { BackupReport } from '../../src/backup/report.js';
import { s3rverObjectFile, startRecordingProxy, type LocalS3 } from '../support/s3-servers.js';
import { connectionInputs, dayAgo, DUMP, seedDailies } from '../backup/scenario.js';

let server: LocalS3;
let client: S3Client;
let missingMonth: string;

const run = (inputs: Record<string, string>, env: Record<string, string> = {}) =>
  runBundle('backup-verify', { inputs, env, timeoutMs: 60_000 });
const reportOf = (outputs: Record<string, string>): BackupReport =>
  JSON.parse(readFileSync(outputs.report, 'utf8')) as BackupReport;

useBucket((bucket) => ({ server, client } = bucket));
beforeAll(async () => {
  // Each scenario lives under its own prefix, seeded the way the nightly job writes: dump + sha256 sidecar.
  await Promise.all([
    seedDailies(client, BUCKET, 'healthy/', { days: 40 }),
    seedDailies(client, BUCKET, 'rot/', { days: 5 }),
    seedDailies(client, BUCKET, 'trunc/', {
      days: 5,
      body: (n) => (n === 0 ? DUMP.subarray(0, Math.floor(DUMP.length * 0.7)) : DUMP),
    }),
    seedDailies(client, BUCKET, 'gap/', { days: 10, skip: [3] }),
    seedDailies(client, BUCKET, 'stale/', { days: 8, skip: [0, 1] }),
    seedDailies(client, BUCKET, 'tiny/', {
      days: 8,
      name: (day) => `uploads-${day}.gz`,
      body: (n) => gzipSync(randomBytes(n === 0 ? 1000 : 200_000)),
    }),
    seedDailies(client, BUCKET, 'sidecar/', { days: 3 }),
  ]);
  // Plain (uncompressed) tar archives, as `tar -cf` writes them; in 'tartrunc/' the newest was uploaded
  // short (its sidecar speaks for the short bytes, so only reading the archive can tell).
  const tars = await Promise.all([0, 1].map(async (n) => gunzipSync(await makeTarGz(dayAgo(n), 4, 50_000))));
  await seedDailies(client, BUCKET, 'tar/', {
    days: 2,
    name: (d) => `uploads-${d}.tar`,
    body: (n) => tars[n],
  });
  await seedDailies(client, BUCKET, 'tartrunc/', {
    days: 2,
    name: (d) => `uploads-${d}.tar`,
    body: (n) => (n === 0 ? tars[0].subarray(0, 120_000) : tars[n]),
  });
  // Monthly snapshots on the 15th of each earlier month, but the one two months back never arrived.
  const now = new Date();
  const monthAgo = (k: number) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - k, 15)).toISOString().slice(0, 10);
  await seedDailies(client, BUCKET, 'months/', { days: 3 });
  for (const k of [1, 3]) {
    const name = `voice-bot-${monthAgo(k)}.dump`;
    await putObject(client, BUCKET, `months/${name}`, DUMP);
    await putObject(client, BUCKET, `months/${name}.sha256`, sidecarText(DUMP, name));
  }
  missingMonth = monthAgo(2).slice(0, 7);
  // Bit rot: bytes change on the store's disk after upload; the stored ETag and the sidecar still speak for the original.
  const file = s3rverObjectFile(server.directory!, BUCKET, `rot/voice-bot-${dayAgo(0)}.dump`);
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.from('ROTTEN'), 0, 6, Math.floor(statSync(file).size / 2));
  closeSync(fd);
  // A sidecar written for another file.
  await putObject(
    client,
    BUCKET,
    `sidecar/voice-bot-${dayAgo(0)}.dump.sha256`,
    sidecarText(Buffer.from('something else'), 'x.dump'),
  );
});

describe('backup-verify bundle against s3rver', () => {
  it('passes 40 healthy days, proving each by its sidecar and ETag, with a calendar and a JSON report', async () => {
    const result = await run({ ...connectionInputs(server, BUCKET, 'healthy/'), verify: 'all' });
    expect(result.exitCode).toBe(0);
    expect(result.outputs.passed).toBe('true');
    expect(result.outputs.verified).toBe('40');
    expect(result.outputs.failed).toBe('0');
    expect(result.outputs.unverifiable).toBe('0');
    expect(result.outputs['missing-days']).toBe('0');
    expect(result.outputs['latest-key']).toBe(`healthy/voice-bot-${dayAgo(0)}.dump`);
    expect(Number(result.outputs['latest-age-hours'])).toBeLessThanOrEqual(24);
    const report = reportOf(result.outputs);
    expect(report.backups).toHaveLength(40);
    for (const b of report.backups) {
      expect(b.verdict).toBe('ok');
      expect(b.provedBy).toEqual(['sha256 sidecar', 'ETag (MD5)']);
      expect(b.content).toMatchObject({ kind: 'pg-custom', ok: true, depth: 'full' });
    }
    // 40 dailies against daily=30,monthly=12: the oldest ones are beyond the policy and still stored.
    expect(report.counts.expired).toBeGreaterThan(0);
    expect(result.log).toMatch(/older than the policy .* lifecycle is not deleting them/);
    expect(result.summary).toContain('| date | key | size | evidence | content | verdict |');
    expect(result.summary).toContain('| week of | Mon | Tue | Wed | Thu | Fri | Sat | Sun |');
    expect(result.summary).not.toContain('❌');
    // The secret is masked everywhere we write.
    // (The `::add-mask::` commands are how the runner learns what to mask; it never prints them.)
    const log = result.log.replace(/^::add-mask::.*$/gm, '');
    for (const text of [log, result.summary, JSON.stringify(result.outputs)])
      expect(text).not.toContain(server.secretAccessKey);
  });

  it('catches bit rot on the store: the bytes no longer match the sidecar or the stored ETag', async () => {
    const result = await run({ ...connectionInputs(server, BUCKET, 'rot/') });
    expect(result.exitCode).toBe(1);
    expect(result.outputs.passed).toBe('false');
    expect(result.outputs.failed).toBe('1');
    const newest = reportOf(result.outputs).backups[0];
    expect(newest.verdict).toBe('failed');
    expect(newest.evidence.map((e) => [e.source, e.ok])).toEqual([
      ['sidecar', false],
      ['etag-md5', false],
    ]);
    expect(
      result.annotations.some(
        (a) => a.level === 'error' && a.message.includes(`rot/voice-bot-${dayAgo(0)}.dump`),
      ),
    ).toBe(true);
    expect(result.summary.indexOf('### Failures')).toBeLessThan(result.summary.indexOf('### Backups'));
  });

  it('fails a truncated dump whose checksums match (the job uploaded it short): pg_restore reads it through', async () => {
    const result = await run({ ...connectionInputs(server, BUCKET, 'trunc/') });
    expect(result.exitCode).toBe(1);
    const newest = reportOf(result.outputs).backups[0];
    expect(newest.verdict).toBe('failed');
    expect(newest.evidence.every((e) => e.ok)).toBe(true);
    expect(newest.content).toMatchObject({ kind: 'pg-custom', ok: false, depth: 'full' });
    expect(newest.problems.join(' ')).toMatch(/pg_restore -f \/dev\/null failed/);
  });

  it('reports a missing day in the daily window', async () => {
    const result = await run({ ...connectionInputs(server, BUCKET, 'gap/') });
    expect(result.exitCode).toBe(1);
    expect(result.outputs['missing-days']).toBe('1');
    expect(result.outputs.verified).toBe('1');
    const report = reportOf(result.outputs);
    expect(report.series[0].retention.missingDays).toEqual([dayAgo(3)]);
    expect(result.summary).toContain(`**${dayAgo(3).slice(8)} ❌**`);
    expect(result.log).toContain(`day(s) without a backup in the daily window: ${dayAgo(3)}`);
  });

  it('reports a missing month in the monthly window through the outputs, the log and the summary', async () => {
    const result = await run({
      ...connectionInputs(server, BUCKET, 'months/'),
      retention: 'daily=3,monthly=4',
    });
    expect(result.exitCode).toBe(1);
    expect(result.outputs['missing-days']).toBe('0');
    expect(result.outputs['missing-months']).toBe('1');
    expect(reportOf(result.outputs).series[0].retention.missingMonths).toEqual([missingMonth]);
    expect(result.log).toContain(`month(s) without a backup in the monthly window: ${missingMonth}`);
    expect(result.summary).toContain(`months missing: ${missingMonth};`);
    // The same store with a two-month window (which ends before the gap) passes.
    const shorter = await run({
      ...connectionInputs(server, BUCKET, 'months/'),
      retention: 'daily=3,monthly=2',
    });
    expect(shorter.exitCode).toBe(0);
    expect(shorter.outputs['missing-months']).toBe('0');
  });

  it('lists a plain (uncompressed) tar archive entry by entry and passes it', async () => {
    const result = await run({ ...connectionInputs(server, BUCKET, 'tar/'), retention: 'daily=2' });
    expect(result.exitCode).toBe(0);
    const newest = reportOf(result.outputs).backups[0];
    expect(newest).toMatchObject({ verdict: 'ok', provedBy: ['sha256 sidecar', 'ETag (MD5)'] });
    expect(newest.content).toMatchObject({
      kind: 'tar',
      ok: true,
      depth: 'full',
      detail: 'tar lists 4 entries',
    });
  });

  it('fails a truncated plain tar whose checksums match: the archive breaks off mid-entry', async () => {
    const result = await run({ ...connectionInputs(server, BUCKET, 'tartrunc/'), retention: 'daily=2' });
    expect(result.exitCode).toBe(1);
    const newest = reportOf(result.outputs).backups[0];
    expect(newest.verdict).toBe('failed');
    expect(newest.evidence.every((e) => e.ok)).toBe(true);
    expect(newest.content).toMatchObject({ kind: 'tar', ok: false, depth: 'full' });
    expect(newest.problems.join(' ')).toMatch(
      /tar archive is broken after 3 entries: Unexpected end of data/,
    );
    expect(result.summary).toContain('❌');
  });

  it('fails when the newest backup is older than max-age', async () => {
    const result = await run({ ...connectionInputs(server, BUCKET, 'stale/'), 'max-age': '26h' });
    expect(result.exitCode).toBe(1);
    expect(Number(result.outputs['latest-age-hours'])).toBeGreaterThan(26);
    expect(result.outputs['latest-key']).toBe(`stale/voice-bot-${dayAgo(2)}.dump`);
    expect(result.log).toMatch(/is \d+\.\d h old, older than max-age 26h/);
    // The same backups pass with a max-age that allows them.
    const relaxed = await run({
      ...connectionInputs(server, BUCKET, 'stale/'),
      'max-age': '4d',
      retention: 'daily=5',
    });
    expect(relaxed.log).not.toMatch(/older than max-age/);
  });

  it('fails a 1 KB backup after a run of 200 KB ones, though it is a valid gzip with a matching sidecar', async () => {
    const result = await run({ ...connectionInputs(server, BUCKET, 'tiny/') });
    expect(result.exitCode).toBe(1);
    const report = reportOf(result.outputs);
    expect(report.backups[0]).toMatchObject({ verdict: 'ok' });
    expect(report.series[0].size.ok).toBe(false);
    expect(report.failures[0]).toMatch(/uploads-\{date\}\.gz: the newest backup .* is 0\.0\d× the median/);
    // The size chart shows the drop: seven bars near 195 KiB, then about 1.
    const chart = /```mermaid\nxychart-beta[\s\S]*?bar \[([^\]]+)\]/
      .exec(result.summary)?.[1]
      .split(', ')
      .map(Number);
    expect(chart).toHaveLength(8);
    expect(chart!.slice(0, 7).every((v) => v > 190)).toBe(true);
    expect(chart![7]).toBeLessThan(2);
  });

  it('names a wrong sidecar as wrong while the ETag vouches for the bytes', async () => {
    const result = await run({ ...connectionInputs(server, BUCKET, 'sidecar/') });
    expect(result.exitCode).toBe(1);
    const newest = reportOf(result.outputs).backups[0];
    expect(newest.verdict).toBe('failed');
    expect(newest.problems[0]).toMatch(
      /sha256 sidecar says sha256 [0-9a-f]{64}, the bytes hash to [0-9a-f]{64} \(ETag \(MD5\) agrees with the bytes, so this checksum file is wrong or stale\)/,
    );
  });

  it('runs restore-command on the downloaded newest backup and fails on a non-zero exit', async () => {
    const ok = await run({
      ...connectionInputs(server, BUCKET, 'gap/'),
      'restore-command': 'pg_restore --list "$BACKUP_FILE" | grep -c "TABLE DATA"',
      retention: 'daily=2',
    });
    expect(ok.exitCode).toBe(0);
    expect(ok.log).toMatch(/\| 1\n/);
    const bad = await run({
      ...connectionInputs(server, BUCKET, 'gap/'),
      'restore-command': 'test "$(wc -c < "$BACKUP_FILE")" -gt 100000000',
      retention: 'daily=2',
    });
    expect(bad.exitCode).toBe(1);
    expect(reportOf(bad.outputs).backups[0].problems).toContain('restore-command exited with 1');
  });

  it('never sends a mutating request or a checksum header: every request on the wire is a SigV4 GET or HEAD', async () => {
    const proxy = await startRecordingProxy(server.endpoint);
    try {
      const result = await run({
        ...connectionInputs(server, BUCKET, 'healthy/'),
        endpoint: proxy.endpoint,
        verify: 'all',
        'restore-command': 'true',
      });
      expect(result.outputs.verified).toBe('40');
      expect(proxy.seen.length).toBeGreaterThan(80);
      expect([...new Set(proxy.seen.map((r) => r.method))].sort()).toEqual(['GET', 'HEAD']);
      // B2 has answered x-amz-checksum-* / x-amz-sdk-checksum-algorithm with 400 Unsupported header.
      const checksumHeaders = proxy.seen.flatMap((r) =>
        Object.keys(r.headers).filter((h) => /^x-amz-(sdk-)?checksum/.test(h)),
      );
      expect(checksumHeaders).toEqual([]);
      expect(
        proxy.seen.every((r) =>
          String(r.headers.authorization).startsWith('AWS4-HMAC-SHA256 Credential=S3RVER/'),
        ),
      ).toBe(true);
    } finally {
      await proxy.stop();
    }
  });

  it.each([
    [
      'a wrong key id',
      { 'access-key-id': 'K004WRONGKEY' },
      /input 'access-key-id': .* does not know this access key id/,
    ],
    [
      'a bucket that does not exist',
      { bucket: 'no-such-backups' },
      /input 'bucket': bucket 'no-such-backups' does not exist/,
    ],
    [
      'an empty prefix',
      { prefix: 'dayly/' },
      /input 'prefix': no objects under prefix 'dayly\/'.*this level holds: .*healthy\//,
    ],
  ] as [string, Record<string, string>, RegExp][])(
    "says what is wrong in the user's terms for %s, after one request, not retried",
    async (_name, override, message) => {
      const proxy = await startRecordingProxy(server.endpoint);
      try {
        const result = await run({
          ...connectionInputs(server, BUCKET, 'healthy/'),
          endpoint: proxy.endpoint,
          ...override,
        });
        expect(result.exitCode).toBe(1);
        expect(result.log).toMatch(message);
        expect(result.outputs.passed).toBeUndefined();
        // Credentials and names do not get better by retrying.
        expect(proxy.seen.length).toBeLessThanOrEqual(override.prefix ? 3 : 1);
      } finally {
        await proxy.stop();
      }
    },
  );

  it('names the region the store expects when requests are signed for the wrong one', async () => {
    const proxy = await startRecordingProxy(server.endpoint);
    try {
      // What S3-compatible stores answer a request signed for another region.
      proxy.failNext({
        count: 1,
        status: 400,
        code: 'AuthorizationHeaderMalformed',
        message:
          "The authorization header is malformed; the region 'us-west-004' is wrong; expecting 'eu-central-003'",
      });
      const result = await run({ ...connectionInputs(server, BUCKET, 'healthy/'), endpoint: proxy.endpoint });
      expect(result.exitCode).toBe(1);
      expect(result.log).toMatch(
        /::error::input 'region': bucket 'voice-bot-backups' is not in region 'us-west-004' \(the server expects 'eu-central-003'\)\. Fix: set region: eu-central-003/,
      );
      expect(proxy.seen).toHaveLength(1);
    } finally {
      await proxy.stop();
    }
  });

  it("refuses issue-on-failure in a shard, where a passing shard would close a failing one's issue", async () => {
    const result = await run(
      {
        ...connectionInputs(server, BUCKET, 'healthy/'),
        verify: 'all',
        shard: '2/3',
        'issue-on-failure': 'true',
        'github-token': 'ghs_not_used_here',
      },
      { GITHUB_REPOSITORY: 'coconut-beach/voice-bot' },
    );
    expect(result.exitCode).toBe(1);
    expect(result.log).toMatch(
      /::error::input 'issue-on-failure': cannot be used with shard 2\/3\. Fix: verify the shards without it/,
    );
    expect(result.outputs.report).toBeUndefined();
  });

  it('says nothing answers at an endpoint with no server', async () => {
    const proxy = await startRecordingProxy(server.endpoint);
    const dead = proxy.endpoint;
    await proxy.stop();
    const result = await run({ ...connectionInputs(server, BUCKET, 'healthy/'), endpoint: dead });
    expect(result.exitCode).toBe(1);
    // One attempt: a port where nothing listens does not start answering on a retry.
    expect(result.log).toMatch(
      /::error::input 'endpoint': nothing answers at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED, 1 attempt\)\. Fix: check the endpoint URL and port/,
    );
    expect(result.outputs.passed).toBeUndefined();
  });

  it('says the endpoint host does not resolve (ENOTFOUND), after one attempt, not retried', async () => {
    // A 64-character label is not a valid DNS name, so the resolver fails it locally: no query leaves the machine.
    const host = `s3.${'x'.repeat(64)}.example.com`;
    const result = await run({
      ...connectionInputs(server, BUCKET, 'healthy/'),
      endpoint: `https://${host}`,
    });
    expect(result.exitCode).toBe(1);
    expect(result.log).toContain(
      `::error::input 'endpoint': cannot resolve the endpoint host of https://${host} (ENOTFOUND, 1 attempt). Fix: check the endpoint;`,
    );
    expect(result.outputs.passed).toBeUndefined();
  });

  it.each([
    ['verify', 'newest', /input 'verify': "newest" is not a verify mode/],
    ['retention', 'daily:30', /input 'retention': "daily:30" is not RULE=VALUE/],
    ['max-age', '26', /input 'max-age': "26" is not a duration/],
    [
      'endpoint',
      'https://s3.us-west-004.backblazeb2.com/voice-bot-backups',
      /input 'endpoint': .* has a path/,
    ],
    ['shard', '3/2', /input 'shard': "3\/2" is out of range/],
    ['region', '', /input 'region': is required but empty/],
    [
      'endpoint',
      'https://voice-bot-backups.s3.us-west-004.backblazeb2.com',
      /input 'endpoint': .* includes the bucket name\. Fix: use https:\/\/s3\.us-west-004\.backblazeb2\.com/,
    ],
    ['endpoint', 'http://s3.us-west-004.backblazeb2.com', /input 'endpoint': .* is not https/],
  ])('rejects %s=%s before any request', async (input, value, message) => {
    const proxy = await startRecordingProxy(server.endpoint);
    try {
      // Every row points at the recording proxy, so an early request would show in proxy.seen.
      const result = await run(
        {
          ...connectionInputs(server, BUCKET, 'healthy/'),
          endpoint: proxy.endpoint,
          verify: 'all',
          [input]: value,
        },
        { AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined } as unknown as Record<string, string>,
      );
      expect(result.exitCode).toBe(1);
      expect(result.log).toMatch(message);
      expect(proxy.seen).toHaveLength(0);
      // Only the one-line error: the run stopped before any request or report.
      expect(result.outputs.report).toBeUndefined();
    } finally {
      await proxy.stop();
    }
  });
});

describe('backup-verify bundle input checks that need a real provider host', () => {
  it('rejects a region that does not match a B2 endpoint, with the fix, before writing any report', async () => {
    // A B2 host cannot be pointed at the recording proxy, so this one proves the message and that the run
    // stopped at the input check (no report); the empty-region row above proves "before any request".
    const result = await run({
      ...connectionInputs(server, BUCKET, 'healthy/'),
      endpoint: 'https://s3.us-west-004.backblazeb2.com',
      region: 'us-east-005',
    });
    expect(result.exitCode).toBe(1);
    expect(result.log).toMatch(
      /::error::input 'region': "us-east-005" does not match the endpoint's region us-west-004\. Fix: set region: us-west-004/,
    );
    expect(result.outputs.report).toBeUndefined();
  });
});

describe('backup-verify bundle under faults between it and the store', () => {
  it('reads an object again when the connection breaks mid-download, and passes', async () => {
    const proxy = await startRecordingProxy(server.endpoint);
    try {
      const key = `gap/voice-bot-${dayAgo(0)}.dump`;
      proxy.failNext({ method: 'GET', path: `${key}?x-id=GetObject`, count: 1, cutAfterBytes: 50_000 });
      const result = await run({
        ...connectionInputs(server, BUCKET, 'gap/'),
        endpoint: proxy.endpoint,
        retention: 'daily=2',
      });
      expect(result.exitCode).toBe(0);
      expect(reportOf(result.outputs).backups[0]).toMatchObject({ key, verdict: 'ok', attempts: 2 });
      expect(result.log).toMatch(/download (broke off|ended) .*; reading it once more/);
      expect(
        proxy.seen.filter((r) => r.method === 'GET' && r.url.includes(`${key}?x-id=GetObject`)),
      ).toHaveLength(2);
    } finally {
      await proxy.stop();
    }
  });

  it('rides out a 503 SlowDown on a GET (the SDK retries it) and passes', async () => {
    const proxy = await startRecordingProxy(server.endpoint);
    try {
      proxy.failNext({
        method: 'GET',
        path: `gap/voice-bot-${dayAgo(0)}.dump`,
        count: 1,
        status: 503,
        code: 'SlowDown',
      });
      const result = await run({
        ...connectionInputs(server, BUCKET, 'gap/'),
        endpoint: proxy.endpoint,
        retention: 'daily=2',
      });
      expect(result.exitCode).toBe(0);
      expect(result.outputs.verified).toBe('1');
    } finally {
      await proxy.stop();
    }
  });

  it('fails with a clear message, without hanging, when the store keeps answering 500', async () => {
    const proxy = await startRecordingProxy(server.endpoint);
    try {
      proxy.failNext({ count: 100, status: 500, code: 'InternalError' });
      const result = await run({ ...connectionInputs(server, BUCKET, 'gap/'), endpoint: proxy.endpoint });
      expect(result.exitCode).toBe(1);
      expect(result.log).toMatch(
        /::error::http:\/\/127\.0\.0\.1:\d+ answered InternalError \(HTTP 500\) to list bucket 'voice-bot-backups', also on retry: the store is failing/,
      );
      // The SDK's three attempts, then stop.
      expect(proxy.seen).toHaveLength(3);
      expect(result.outputs.passed).toBeUndefined();
    } finally {
      await proxy.stop();
    }
  });
});
