import { describe, expect, it } from '@jest/globals';
import { createHash, randomBytes } from 'node:crypto';
import {
  EvidenceIndex,
  evidenceFromHead,
  isEvidenceFile,
  multipartCandidates,
  parseChecksumLines,
} from '../../src/backup/evidence.js';
import { judgeEvidence, StreamDigests } from '../../src/backup/digest.js';

const MiB = 1024 * 1024;
const md5 = (b: Buffer) => createHash('md5').update(b).digest();

/** The S3 multipart ETag computed independently of the code under test. */
function s3MultipartEtag(body: Buffer, partSize: number): string {
  const parts: Buffer[] = [];
  for (let o = 0; o < body.length; o += partSize) parts.push(md5(body.subarray(o, o + partSize)));
  return `${createHash('md5').update(Buffer.concat(parts)).digest('hex')}-${parts.length}`;
}

function stream(digests: StreamDigests, body: Buffer, chunk = 64 * 1024 + 7) {
  for (let o = 0; o < body.length; o += chunk) digests.update(body.subarray(o, o + chunk));
}

describe('evidence', () => {
  it('tries only part sizes that fit the part count, including rclone/lib-storage auto-scaling', () => {
    expect(multipartCandidates(12 * MiB + 5, 3)[0]).toBe(5 * MiB);
    expect(multipartCandidates(12 * MiB + 5, 3)).not.toContain(8 * MiB); // 8 MiB parts would make 2
    for (const p of multipartCandidates(12 * MiB + 5, 3))
      expect(2 * p < 12 * MiB + 5 && 12 * MiB + 5 <= 3 * p).toBe(true);
    // 60 GiB would need more than 10,000 parts of 5 MiB: rclone scales the part to size/10000 rounded up to a MiB.
    const size = 60 * 1024 * MiB;
    const scaled = Math.ceil(size / 10_000 / MiB) * MiB;
    expect(multipartCandidates(size, Math.ceil(size / scaled))).toContain(scaled);
    // lib-storage: ceil(size/10000) exactly, giving 10,000 parts.
    expect(multipartCandidates(size, 10_000)).toContain(Math.ceil(size / 10_000));
    expect(multipartCandidates(100, 1)).toEqual([100]);
  });

  it('reproduces the S3 multipart ETag while streaming in chunks that straddle part boundaries', () => {
    const body = randomBytes(11 * MiB + 123);
    const etag = s3MultipartEtag(body, 5 * MiB);
    const evidence = evidenceFromHead(
      { key: 'k', size: body.length, lastModified: new Date() },
      { size: body.length, etag, metadata: {} },
    );
    expect(evidence).toEqual([
      expect.objectContaining({ source: 'etag-multipart', partSizes: expect.arrayContaining([5 * MiB]) }),
    ]);
    const digests = new StreamDigests(evidence);
    stream(digests, body);
    const [result] = judgeEvidence(evidence, digests.finish());
    expect(result).toMatchObject({ ok: true, partSize: 5 * MiB });
  });

  it('marks a multipart ETag no tried part size reproduces as inconclusive, not failed', () => {
    const body = randomBytes(6 * MiB + 512 * 1024);
    const etag = s3MultipartEtag(body, 5.5 * MiB);
    const evidence = evidenceFromHead(
      { key: 'k', size: body.length, lastModified: new Date() },
      { size: body.length, etag, metadata: {} },
    );
    const digests = new StreamDigests(evidence);
    stream(digests, body);
    expect(judgeEvidence(evidence, digests.finish())[0]).toMatchObject({ ok: false, inconclusive: true });
  });

  it('reads rclone md5chksum (base64), B2 large_file_sha1 and a plain ETag; ignores the ETag under SSE-KMS', () => {
    const body = Buffer.from('backup bytes');
    const head = {
      size: body.length,
      etag: md5(body).toString('hex'),
      metadata: {
        md5chksum: md5(body).toString('base64'),
        large_file_sha1: createHash('sha1').update(body).digest('hex'),
      },
    };
    const evidence = evidenceFromHead({ key: 'k', size: body.length, lastModified: new Date() }, head);
    expect(evidence.map((e) => e.source)).toEqual(['rclone-md5chksum', 'b2-large-file-sha1', 'etag-md5']);
    const digests = new StreamDigests(evidence);
    digests.update(body);
    expect(judgeEvidence(evidence, digests.finish()).every((r) => r.ok)).toBe(true);
    expect(digests.algorithms.sort()).toEqual(['md5', 'sha1']);
    const kms = evidenceFromHead(
      { key: 'k', size: 1, lastModified: new Date() },
      { ...head, serverSideEncryption: 'aws:kms' },
    );
    expect(kms.map((e) => e.source)).not.toContain('etag-md5');
  });

  it('parses sha256sum, md5sum and BSD lines, and maps manifests and sidecars to their backups', () => {
    const a = 'a'.repeat(64);
    const b = 'b'.repeat(64);
    expect(parseChecksumLines(`${a}  db-1.dump\n${b} *db-2.dump\n# comment\n`, 'sha256')).toEqual([
      { hex: a, name: 'db-1.dump' },
      { hex: b, name: 'db-2.dump' },
    ]);
    expect(parseChecksumLines(`SHA256 (db-1.dump) = ${a.toUpperCase()}`, 'sha256')).toEqual([
      { hex: a, name: 'db-1.dump' },
    ]);
    expect(parseChecksumLines(`${'c'.repeat(32)}  x`, 'sha256')).toEqual([]);
    const index = new EvidenceIndex();
    index.addManifest('db/SHA256SUMS', `${a}  ./db-1.dump\n${b}  db-2.dump\n`, [
      'db/db-1.dump',
      'db/db-2.dump',
    ]);
    index.addSidecar('db/db-1.dump.md5', `${'d'.repeat(32)}  db-1.dump\n`);
    expect(index.for('db/db-1.dump').map((e) => [e.source, e.algorithm, e.expected])).toEqual([
      ['manifest', 'sha256', a],
      ['sidecar', 'md5', 'd'.repeat(32)],
    ]);
    expect(isEvidenceFile('db/SHA256SUMS')).toBe(true);
    expect(isEvidenceFile('db/x.dump.sha256')).toBe(true);
    expect(isEvidenceFile('db/x.dump')).toBe(false);
  });
});
