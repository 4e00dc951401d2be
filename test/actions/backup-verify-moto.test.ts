import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { runBundle } from '../../src/harness/run-bundle.js';
import {
  adminClient,
  createBucket,
  createListOnlyKey,
  deleteObject,
  enableVersioning,
  multipartUpload,
  putLifecycle,
  md5Hex,
  putObject,
  rcloneCopy,
} from '../../src/sim/s3/seed.js';
import type { BackupReport } from '../../src/backup/report.js';
import { hasMoto, startMoto, type LocalS3 } from '../support/s3-servers.js';
import { connectionInputs, dayAgo, DUMP, seedDailies } from '../backup/scenario.js';

const BUCKET = 'voice-bot-backups';
const MiB = 1024 * 1024;
const describeMoto = hasMoto() ? describe : describe.skip;
const run = (inputs: Record<string, string>) => runBundle('backup-verify', { inputs, timeoutMs: 60_000 });
const reportOf = (outputs: Record<string, string>): BackupReport =>
  JSON.parse(readFileSync(outputs.report, 'utf8')) as BackupReport;

describeMoto('backup-verify bundle against moto_server (real multipart ETags, lifecycle, IAM)', () => {
  let server: LocalS3;
  let client: S3Client;
  let dir: string;
  const big = randomBytes(12 * MiB + 12_345);

  beforeAll(async () => {
    server = await startMoto();
    client = await adminClient(server);
    await createBucket(client, BUCKET);
    await enableVersioning(client, BUCKET);
    dir = mkdtempSync(join(tmpdir(), 'bv-moto-'));
    writeFileSync(join(dir, 'uploads.tar'), big);
    // The user's job: rclone, multipart above the cutoff, with its whole-file MD5 in metadata.
    await rcloneCopy(server, join(dir, 'uploads.tar'), BUCKET, `rclone/uploads-${dayAgo(0)}.bin`, {
      uploadCutoff: '5M',
      chunkSize: '5M',
    });
    // lib-storage's 5 MiB parts and no metadata: only the multipart ETag speaks for the bytes.
    await multipartUpload(client, BUCKET, `sdk/uploads-${dayAgo(0)}.bin`, big, 5 * MiB);
    // An odd part size no uploader uses and no checksum anywhere: nothing can prove these bytes.
    await multipartUpload(client, BUCKET, `odd/uploads-${dayAgo(0)}.bin`, big, 5.5 * MiB);
    // rclone recorded the source's MD5, but the bytes it sent differ (the file changed during upload).
    const changed = Buffer.from(big);
    changed.write('CHANGED', 7 * MiB);
    const sourceMd5 = createHash('md5').update(big).digest('base64');
    await multipartUpload(client, BUCKET, `changed/uploads-${dayAgo(0)}.bin`, changed, 5 * MiB, {
      md5chksum: sourceMd5,
    });
    // The AWS CLI's default: 8 MiB parts (multipart_chunksize), no checksum metadata.
    await multipartUpload(client, BUCKET, `awscli/uploads-${dayAgo(0)}.bin`, big, 8 * MiB);
    // SSE-KMS: the ETag is no MD5 of the bytes, so with nothing else stored, nothing speaks for them.
    const dump = `voice-bot-${dayAgo(0)}.dump`;
    await putObject(client, BUCKET, `kms/${dump}`, DUMP, undefined, 'aws:kms');
    // The same, with an `md5sum > x.md5` sidecar: the sidecar alone proves (or disproves) the bytes.
    await putObject(client, BUCKET, `md5/${dump}`, DUMP, undefined, 'aws:kms');
    await putObject(client, BUCKET, `md5/${dump}.md5`, `${md5Hex(DUMP)}  ${dump}\n`);
    await putObject(client, BUCKET, `md5bad/${dump}`, DUMP, undefined, 'aws:kms');
    await putObject(client, BUCKET, `md5bad/${dump}.md5`, `${md5Hex(DUMP.subarray(1))}  ${dump}\n`);
    await seedDailies(client, BUCKET, 'db/', { days: 3 });
    // Day 2 was uploaded and later deleted (hidden); day 4 never arrived.
    await seedDailies(client, BUCKET, 'hidden/', { days: 6, skip: [4] });
    await deleteObject(client, BUCKET, `hidden/voice-bot-${dayAgo(2)}.dump`);
    await putLifecycle(client, BUCKET, 'db/', 30, 1);
  });

  afterAll(async () => {
    client?.destroy();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('proves an rclone multipart upload by its md5chksum and by the S3 multipart ETag with 5 MiB parts', async () => {
    const result = await run({ ...connectionInputs(server, BUCKET, 'rclone/'), retention: 'daily=1' });
    expect(result.exitCode).toBe(0);
    const entry = reportOf(result.outputs).backups[0];
    expect(entry.verdict).toBe('ok');
    expect(entry.provedBy).toEqual(['rclone md5chksum', 'multipart ETag (5.0 MiB parts)']);
    expect(entry.evidence.find((e) => e.source === 'etag-multipart')?.expected).toMatch(/^[0-9a-f]{32}-3$/);
  });

  it('proves an upload without metadata by its multipart ETag alone', async () => {
    const result = await run({ ...connectionInputs(server, BUCKET, 'sdk/'), retention: 'daily=1' });
    expect(result.exitCode).toBe(0);
    expect(reportOf(result.outputs).backups[0].provedBy).toEqual(['multipart ETag (5.0 MiB parts)']);
  });

  it('proves an AWS CLI upload (8 MiB parts, no metadata) by its two-part multipart ETag', async () => {
    const result = await run({ ...connectionInputs(server, BUCKET, 'awscli/'), retention: 'daily=1' });
    expect(result.exitCode).toBe(0);
    const entry = reportOf(result.outputs).backups[0];
    expect(entry.provedBy).toEqual(['multipart ETag (8.0 MiB parts)']);
    expect(entry.evidence[0].expected).toMatch(/^[0-9a-f]{32}-2$/);
  });

  it('calls an SSE-KMS object with no sidecar, manifest or metadata unverifiable (its ETag proves nothing)', async () => {
    const result = await run({ ...connectionInputs(server, BUCKET, 'kms/'), retention: 'daily=1' });
    expect(result.exitCode).toBe(1);
    expect(result.outputs.verified).toBe('0');
    expect(result.outputs.unverifiable).toBe('1');
    const entry = reportOf(result.outputs).backups[0];
    expect(entry.verdict).toBe('unverifiable');
    expect(entry.evidence).toEqual([]);
    expect(entry.problems[0]).toBe(
      'no checksum to compare with (no sidecar, manifest, MD5 metadata or MD5 ETag)',
    );
    // The dump itself reads through: the bytes are fine, there is just nothing to prove them against.
    expect(entry.content).toMatchObject({ kind: 'pg-custom', ok: true });
    expect(result.summary).toContain('⚠️ unverifiable');
  });

  it('proves an SSE-KMS object by its .md5 sidecar, and fails it when the sidecar is wrong', async () => {
    const good = await run({ ...connectionInputs(server, BUCKET, 'md5/'), retention: 'daily=1' });
    expect(good.exitCode).toBe(0);
    expect(reportOf(good.outputs).backups[0]).toMatchObject({ verdict: 'ok', provedBy: ['md5 sidecar'] });
    const bad = await run({ ...connectionInputs(server, BUCKET, 'md5bad/'), retention: 'daily=1' });
    expect(bad.exitCode).toBe(1);
    const entry = reportOf(bad.outputs).backups[0];
    expect(entry.verdict).toBe('failed');
    expect(entry.problems[0]).toContain(
      `md5 sidecar says md5 ${md5Hex(DUMP.subarray(1))}, the bytes hash to ${md5Hex(DUMP)}`,
    );
  });

  it('calls an object with no usable evidence unverifiable, never ok, and fails', async () => {
    const result = await run({ ...connectionInputs(server, BUCKET, 'odd/'), retention: 'daily=1' });
    expect(result.exitCode).toBe(1);
    expect(result.outputs.unverifiable).toBe('1');
    expect(result.outputs.verified).toBe('0');
    const entry = reportOf(result.outputs).backups[0];
    expect(entry.verdict).toBe('unverifiable');
    expect(entry.problems[0]).toMatch(/only a multipart ETag .*-3\) that none of the part sizes tried/);
    expect(result.summary).toContain('⚠️ unverifiable');
  });

  it('fails bytes that differ from the MD5 rclone recorded, and says the source changed during upload', async () => {
    const result = await run({ ...connectionInputs(server, BUCKET, 'changed/'), retention: 'daily=1' });
    expect(result.exitCode).toBe(1);
    const entry = reportOf(result.outputs).backups[0];
    expect(entry.verdict).toBe('failed');
    expect(entry.problems[0]).toMatch(
      /rclone md5chksum says md5 [0-9a-f]{32}, the bytes hash to [0-9a-f]{32} \(multipart ETag agrees with the bytes as uploaded, so the source file changed while rclone read it\)/,
    );
  });

  it('tells a day whose backup was deleted (delete marker, version still stored) from a day never uploaded', async () => {
    const result = await run({ ...connectionInputs(server, BUCKET, 'hidden/') });
    expect(result.exitCode).toBe(1);
    expect(result.outputs['missing-days']).toBe('2');
    expect(result.log).toMatch(
      new RegExp(
        `2 day\\(s\\) without a backup in the daily window: ${dayAgo(4)} \\(never uploaded\\), ${dayAgo(2)} \\(deleted: a delete marker hides it since .* UTC; 1 earlier version still stored, restorable\\)`,
      ),
    );
  });

  it('reads the lifecycle rules and warns when they would delete monthly snapshots the policy keeps', async () => {
    const result = await run({ ...connectionInputs(server, BUCKET, 'db/') });
    expect(result.exitCode).toBe(0);
    const report = reportOf(result.outputs);
    expect(report.lifecycle.ok).toBe(false);
    expect(report.lifecycle.rules).toEqual(["expire-db/ on 'db/': expire after 30d, delete hidden after 1d"]);
    expect(result.log).toMatch(
      /::warning::lifecycle rule expire-db\/ expires backups after 30 days, but the policy keeps some for about 372 days/,
    );
    const daily = await run({ ...connectionInputs(server, BUCKET, 'db/'), retention: 'daily=30' });
    expect(reportOf(daily.outputs).lifecycle).toMatchObject({
      ok: true,
      detail: 'lifecycle rules match the policy',
    });
  });
});

describeMoto('backup-verify bundle against moto_server with IAM authorization', () => {
  let server: LocalS3;
  let key: { accessKeyId: string; secretAccessKey: string };

  beforeAll(async () => {
    // Five unauthenticated setup calls (bucket, object, user, key, policy); every later call is authorized.
    server = await startMoto({ env: { INITIAL_NO_AUTH_ACTION_COUNT: '5' } });
    const client = await adminClient(server);
    await createBucket(client, BUCKET);
    await putObject(client, BUCKET, `db/voice-bot-${dayAgo(0)}.dump`, DUMP);
    client.destroy();
    key = await createListOnlyKey(server.endpoint);
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('says access is denied, naming the object and the fix, when the key may list but not read', async () => {
    // Whole bucket: moto miscalculates signatures of listings with a Prefix once IAM auth is on.
    const result = await run({
      ...connectionInputs(server, BUCKET, ''),
      'access-key-id': key.accessKeyId,
      'secret-access-key': key.secretAccessKey,
    });
    expect(result.exitCode).toBe(1);
    // HEAD carries no error body, so the status is all there is: 403 on reading an object.
    expect(result.log).toMatch(
      /::error::input 'access-key-id': access denied \(403\) while trying to read 'db\/voice-bot-.*\.dump' at http:\/\/127\.0\.0\.1:\d+\. Fix: check the key id and secret, that the key may read this bucket/,
    );
    expect(result.log.replace(/^::add-mask::.*$/gm, '')).not.toContain(key.secretAccessKey);
  });

  it('says the secret does not match the key id', async () => {
    const result = await run({
      ...connectionInputs(server, BUCKET, ''),
      'access-key-id': key.accessKeyId,
      'secret-access-key': 'wrong' + key.secretAccessKey.slice(5),
    });
    expect(result.exitCode).toBe(1);
    expect(result.log).toMatch(
      /input 'secret-access-key': the secret access key does not match the access key id/,
    );
  });
});
