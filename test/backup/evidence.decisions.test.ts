import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import {
  describeEvidence,
  EvidenceIndex,
  evidenceFromHead,
  isEvidenceFile,
  multipartCandidates,
  parseChecksumLines,
  type Evidence,
} from '../../src/backup/evidence.js';

// Which claims about a backup's bytes the verifier believes, and which it ignores: every source at the
// edge of being accepted (length, encoding, encryption, part counts).

const MiB = 1024 * 1024;
const hex = (algorithm: string, text: string) => createHash(algorithm).update(text).digest('hex');
const object = (etag?: string) => ({ key: 'db/x.dump', size: 10, lastModified: new Date(0), etag });
const sources = (e: Evidence[]) => e.map((x) => [x.source, x.algorithm, x.expected, x.where]);

describe('evidence files', () => {
  it.each([
    ['db/x.dump.sha256', true],
    ['db/x.dump.SHA1', true],
    ['db/x.dump.md5', true],
    ['db/x.dump.sha512', true],
    ['SHA256SUMS', true],
    ['db/SHA1SUMS', true],
    ['db/MD5SUMS.txt', true],
    ['db/sha512sums', true],
    ['db/notSHA256SUMS', false],
    ['db/x.sha256.bak', false],
    ['db/x.dump', false],
    ['db/SHA256SUMS.gz', false],
  ])('%s is evidence: %p', (key, expected) => {
    expect(isEvidenceFile(key)).toBe(expected);
  });
});

describe('checksum lines', () => {
  it.each([
    ['md5', 32],
    ['sha1', 40],
    ['sha256', 64],
    ['sha512', 128],
  ] as const)('accepts only %s digests of %p hex digits', (algorithm, length) => {
    const right = 'A'.repeat(length);
    expect(parseChecksumLines(`${right}  f`, algorithm)).toEqual([{ hex: 'a'.repeat(length), name: 'f' }]);
    expect(parseChecksumLines(`${'a'.repeat(length - 1)}  f`, algorithm)).toEqual([]);
    expect(parseChecksumLines(`${'a'.repeat(length + 1)}  f`, algorithm)).toEqual([]);
    expect(parseChecksumLines(`X (f) = ${'a'.repeat(length + 2)}`, algorithm)).toEqual([]);
  });

  it('rejects a line with anything before or after the digest', () => {
    const a = 'a'.repeat(32);
    expect(parseChecksumLines(`MD5 (f) = ${a} trailing`, 'md5')).toEqual([]);
    expect(parseChecksumLines(`zz${a}  f`, 'md5')).toEqual([]);
    expect(parseChecksumLines(`${a}!!`, 'md5')).toEqual([]);
    expect(parseChecksumLines(`   ${a}  f   `, 'md5')).toEqual([{ hex: a, name: 'f' }]);
  });

  it('reads CRLF, a bare digest, GNU escaped lines, names with spaces, and skips junk', () => {
    const a = 'a'.repeat(32);
    const b = 'b'.repeat(32);
    expect(
      parseChecksumLines(
        `${a}\r\n\\${b}  dir/with space.dump  \r\n   \r\n# ${a}  no\r\nnot a line\r\nMD5 (c d.dump) = ${a}`,
        'md5',
      ),
    ).toEqual([
      { hex: a, name: undefined },
      { hex: b, name: 'dir/with space.dump' },
      { hex: a, name: 'c d.dump' },
    ]);
  });
});

describe('sidecars and manifests', () => {
  const a = 'a'.repeat(40);
  const b = 'b'.repeat(40);

  it('maps a sidecar to the key without its extension, with the algorithm its name says', () => {
    const index = new EvidenceIndex();
    index.addSidecar('db/x.dump.sha1', `${a}  x.dump\n${b}  x.dump\n`);
    index.addSidecar('db/y.dump.sha512', `${'c'.repeat(128)}\n`);
    index.addSidecar('db/z.dump.txt', `${'a'.repeat(32)}\n`);
    // Only the extension names the algorithm, not a folder on the way.
    index.addSidecar('sha256/v.dump.md5', `${'e'.repeat(32)}\n`);
    index.addSidecar('db/w.dump.md5', 'not a digest\n');
    expect(sources(index.for('db/x.dump'))).toEqual([['sidecar', 'sha1', a, 'db/x.dump.sha1']]);
    expect(sources(index.for('db/y.dump'))).toEqual([
      ['sidecar', 'sha512', 'c'.repeat(128), 'db/y.dump.sha512'],
    ]);
    expect(index.for('db/z.dump')).toEqual([]);
    expect(sources(index.for('sha256/v.dump'))).toEqual([
      ['sidecar', 'md5', 'e'.repeat(32), 'sha256/v.dump.md5'],
    ]);
    expect(index.for('db/w.dump')).toEqual([]);
    expect(index.for('db/nothing')).toEqual([]);
  });

  it('keeps one copy of the same claim from the same place, but each distinct claim', () => {
    const index = new EvidenceIndex();
    const claim: Evidence = { source: 'sidecar', algorithm: 'sha1', expected: a, where: 'db/x.dump.sha1' };
    index.add('k', claim);
    index.add('k', { ...claim });
    index.add('k', { ...claim, where: 'db/SHA1SUMS', source: 'manifest' });
    index.add('k', { ...claim, expected: b });
    index.add('k', { ...claim, algorithm: 'md5' });
    index.add('k', { ...claim, expected: b });
    expect(index.for('k').map((e) => [e.algorithm, e.expected, e.where])).toEqual([
      ['sha1', a, 'db/x.dump.sha1'],
      ['sha1', a, 'db/SHA1SUMS'],
      ['sha1', b, 'db/x.dump.sha1'],
      ['md5', a, 'db/x.dump.sha1'],
    ]);
  });

  it('resolves manifest names in its folder, then by a unique base name, then as a full key', () => {
    const keys = ['db/daily/x.dump', 'db/daily/y.dump', 'db/weekly/y.dump', 'db/other/z.dump', 'top.dump'];
    const index = new EvidenceIndex();
    index.addManifest(
      'db/daily/SHA1SUMS',
      [`${a}  ./x.dump`, `${b}  z.dump`, `${a}  y.dump`, `${b}  top.dump`, `${a}  missing.dump`, a].join(
        '\n',
      ),
      keys,
    );
    expect(sources(index.for('db/daily/x.dump'))).toEqual([['manifest', 'sha1', a, 'db/daily/SHA1SUMS']]);
    expect(sources(index.for('db/other/z.dump'))).toEqual([['manifest', 'sha1', b, 'db/daily/SHA1SUMS']]);
    expect(sources(index.for('db/daily/y.dump'))).toEqual([['manifest', 'sha1', a, 'db/daily/SHA1SUMS']]);
    expect(index.for('db/weekly/y.dump')).toEqual([]);
    expect(sources(index.for('top.dump'))).toEqual([['manifest', 'sha1', b, 'db/daily/SHA1SUMS']]);
    expect(index.for('db/daily/missing.dump')).toEqual([]);
  });

  it('strips only a leading ./ and finds a name with folders by its base name', () => {
    const index = new EvidenceIndex();
    index.addManifest('db/SHA1SUMS', `${a}  v1./x.dump\n${b}  other/z2.dump`, [
      'db/v1./x.dump',
      'db/elsewhere/z2.dump',
    ]);
    expect(sources(index.for('db/v1./x.dump'))).toEqual([['manifest', 'sha1', a, 'db/SHA1SUMS']]);
    expect(sources(index.for('db/elsewhere/z2.dump'))).toEqual([['manifest', 'sha1', b, 'db/SHA1SUMS']]);
  });

  it('takes an ambiguous base name as a key written from the bucket root, and nothing else', () => {
    const keys = ['a/y.dump', 'b/y.dump'];
    const index = new EvidenceIndex();
    index.addManifest('c/MD5SUMS', `${'e'.repeat(32)}  b/y.dump\n${'f'.repeat(32)}  y.dump`, keys);
    expect(sources(index.for('b/y.dump'))).toEqual([['manifest', 'md5', 'e'.repeat(32), 'c/MD5SUMS']]);
    expect(index.for('a/y.dump')).toEqual([]);
  });

  it('reads a manifest at the bucket root and ignores one with no algorithm in its name', () => {
    const index = new EvidenceIndex();
    index.addManifest('SHA256SUMS', `${'d'.repeat(64)}  x.dump`, ['x.dump']);
    index.addManifest('db/CHECKSUMS', `${'d'.repeat(64)}  x.dump`, ['db/x.dump']);
    index.addManifest('sha1-sums/MD5SUMS', `${'f'.repeat(32)}  y.dump`, ['sha1-sums/y.dump']);
    expect(sources(index.for('sha1-sums/y.dump'))).toEqual([
      ['manifest', 'md5', 'f'.repeat(32), 'sha1-sums/MD5SUMS'],
    ]);
    expect(sources(index.for('x.dump'))).toEqual([['manifest', 'sha256', 'd'.repeat(64), 'SHA256SUMS']]);
    expect(index.for('db/x.dump')).toEqual([]);
  });
});

describe('evidence carried by the object', () => {
  it('accepts metadata digests of the right length only, lower-cased, naming the header', () => {
    const found = evidenceFromHead(object(), {
      size: 10,
      metadata: {
        sha256: hex('sha256', 'x').toUpperCase(),
        sha1: 'f'.repeat(39),
        md5: hex('md5', 'x'),
        'large-file-sha1': hex('sha1', 'x').toUpperCase(),
      },
    });
    expect(sources(found)).toEqual([
      ['b2-large-file-sha1', 'sha1', hex('sha1', 'x'), 'large_file_sha1'],
      ['metadata', 'sha256', hex('sha256', 'x'), 'x-amz-meta-sha256'],
      ['metadata', 'md5', hex('md5', 'x'), 'x-amz-meta-md5'],
    ]);
  });

  it('names where each header claim came from', () => {
    const md5 = createHash('md5').update('x').digest();
    expect(
      sources(evidenceFromHead(object(), { size: 10, metadata: { md5chksum: md5.toString('base64') } })),
    ).toEqual([['rclone-md5chksum', 'md5', md5.toString('hex'), 'x-amz-meta-md5chksum']]);
  });

  it('reads a multipart ETag only when it is exactly hex-N, N of any length', () => {
    const h = 'a'.repeat(32);
    const head = (etag: string) => ({ size: 60 * MiB, etag, metadata: {} });
    expect(evidenceFromHead(object(), head(`${h}-12`))).toEqual([
      {
        source: 'etag-multipart',
        algorithm: 'multipart-md5',
        expected: `${h}-12`,
        where: 'ETag',
        partSizes: [5 * MiB],
      },
    ]);
    expect(evidenceFromHead(object(), head(`z${h}-12`))).toEqual([]);
    expect(evidenceFromHead(object(), head(`${h}-12z`))).toEqual([]);
  });

  it('ignores a B2 SHA-1 that is not 40 hex digits and an rclone md5chksum that is not 16 bytes', () => {
    const found = evidenceFromHead(object(), {
      size: 10,
      metadata: {
        large_file_sha1: `${hex('sha1', 'x')}0`,
        md5chksum: Buffer.alloc(15).toString('base64'),
        sha1: `x${hex('sha1', 'x').slice(1)}`,
      },
    });
    expect(found).toEqual([]);
  });

  it('uses the HEAD ETag before the listing’s, lower-cased, and the listing’s when HEAD has none', () => {
    const h = hex('md5', 'x');
    expect(
      sources(evidenceFromHead(object('0'.repeat(32)), { size: 10, etag: h.toUpperCase(), metadata: {} })),
    ).toEqual([['etag-md5', 'md5', h, 'ETag']]);
    expect(sources(evidenceFromHead(object(h), { size: 10, metadata: {} }))).toEqual([
      ['etag-md5', 'md5', h, 'ETag'],
    ]);
    expect(evidenceFromHead(object(), { size: 10, metadata: {} })).toEqual([]);
    expect(evidenceFromHead(object(`${h}0`), { size: 10, metadata: {} })).toEqual([]);
  });

  it('trusts the ETag under SSE-S3 (AES256) but not under SSE-KMS or SSE-C', () => {
    const h = hex('md5', 'x');
    const head = (extra: object) => ({ size: 10, etag: h, metadata: {}, ...extra });
    expect(evidenceFromHead(object(), head({ serverSideEncryption: 'AES256' }))).toHaveLength(1);
    expect(evidenceFromHead(object(), head({ serverSideEncryption: 'aws:kms' }))).toEqual([]);
    expect(evidenceFromHead(object(), head({ sseCustomerAlgorithm: 'AES256' }))).toEqual([]);
    expect(
      evidenceFromHead(object(), head({ serverSideEncryption: 'AES256', sseCustomerAlgorithm: 'AES256' })),
    ).toEqual([]);
  });

  it('offers a multipart ETag with the part sizes that fit, and drops one no part size fits', () => {
    const etag = `${'a'.repeat(32)}-3`;
    const [e] = evidenceFromHead(object(), { size: 15 * MiB, etag, metadata: {} });
    expect(e).toEqual({
      source: 'etag-multipart',
      algorithm: 'multipart-md5',
      expected: etag,
      where: 'ETag',
      partSizes: [5 * MiB],
    });
    expect(evidenceFromHead(object(), { size: 2, etag, metadata: {} })).toEqual([]);
    expect(evidenceFromHead(object(), { size: 10, etag: `${'a'.repeat(32)}-0`, metadata: {} })).toEqual([]);
  });
});

describe('multipart part sizes', () => {
  it.each([
    // size, parts, candidates
    [15 * MiB, 3, [5 * MiB]], // exactly 3 × 5 MiB fits (size ≤ N·p)
    [10 * MiB, 3, [4 * MiB, Math.ceil((10 * MiB) / 3)]], // 2 × 5 MiB is not < size: 5 MiB does not fit
    [100 * MiB, 2, [50 * MiB, 64 * MiB, 96 * MiB]],
    [100, 1, [100]],
    [0, 1, [1]],
    [100, 0, []],
    [100, -1, []],
    [0, 0, []],
  ])('%p bytes in %p parts → %p', (size, parts, expected) => {
    expect(multipartCandidates(size, parts)).toEqual(expected);
  });

  it('returns up to `limit` distinct sizes, the common ones first', () => {
    expect(multipartCandidates(100 * MiB, 2, 5)).toEqual([50 * MiB, 64 * MiB, 96 * MiB, 100e6]);
    expect(multipartCandidates(100 * MiB, 2, 1)).toEqual([50 * MiB]);
  });
});

describe('describeEvidence', () => {
  it.each([
    [{ source: 'sidecar', algorithm: 'sha256', where: 'db/x.sha256' }, 'sha256 sidecar'],
    [{ source: 'manifest', algorithm: 'sha256', where: 'db/daily/SHA256SUMS' }, 'SHA256SUMS'],
    [{ source: 'rclone-md5chksum', algorithm: 'md5', where: 'x' }, 'rclone md5chksum'],
    [{ source: 'metadata', algorithm: 'sha1', where: 'x-amz-meta-sha1' }, 'x-amz-meta-sha1'],
    [{ source: 'etag-md5', algorithm: 'md5', where: 'ETag' }, 'ETag (MD5)'],
    [{ source: 'etag-multipart', algorithm: 'multipart-md5', where: 'ETag' }, 'multipart ETag'],
    [{ source: 'b2-large-file-sha1', algorithm: 'sha1', where: 'large_file_sha1' }, 'B2 large_file_sha1'],
  ] as const)('%p → %s', (e, text) => {
    expect(describeEvidence(e)).toBe(text);
  });
});
