import { describe, expect, it } from '@jest/globals';
import {
  EvidenceIndex,
  evidenceFromHead,
  multipartCandidates,
  parseChecksumLines,
} from '../../src/backup/evidence.js';

// The edges of believing a claim: checksum lines that only look like one, names after the binary-mode
// star, manifest names the listing does not hold, and which scaled part size is tried first.

const MiB = 1024 * 1024;

describe('checksum lines at the edges', () => {
  const a = 'a'.repeat(32);
  const b = 'b'.repeat(32);

  it('skips commented-out lines of either form and a BSD line with anything before its algorithm', () => {
    const text = [
      `# MD5 (commented.dump) = ${a}`,
      `#${a}  commented.dump`,
      `zz MD5 (prefixed.dump) = ${a}`,
      `x: MD5 (prefixed.dump) = ${a}`,
      '',
      `MD5 (kept.dump) = ${b}`,
    ].join('\n');
    expect(parseChecksumLines(text, 'md5')).toEqual([{ hex: b, name: 'kept.dump' }]);
  });

  it('takes the binary-mode star after any run of whitespace, and trims the name after it', () => {
    expect(parseChecksumLines(`${a}  *x.dump`, 'md5')).toEqual([{ hex: a, name: 'x.dump' }]);
    expect(parseChecksumLines(`${a}\t\t*x.dump`, 'md5')).toEqual([{ hex: a, name: 'x.dump' }]);
    expect(parseChecksumLines(`${a} *  y.dump`, 'md5')).toEqual([{ hex: a, name: 'y.dump' }]);
  });
});

describe('manifest names the listing does not hold', () => {
  it('files a line under no key when neither its path, a unique base name nor a full key matches', () => {
    const e = 'e'.repeat(32);
    const index = new EvidenceIndex();
    index.addManifest('c/MD5SUMS', `${e}  y.dump\n${e}  missing.dump\n${e}  d/missing.dump`, [
      'a/y.dump',
      'b/y.dump',
    ]);
    for (const key of [
      'y.dump',
      'c/y.dump',
      'a/y.dump',
      'b/y.dump',
      'missing.dump',
      'c/missing.dump',
      'd/missing.dump',
      'c/d/missing.dump',
    ])
      expect(index.for(key)).toEqual([]);
  });
});

describe('scaled part sizes', () => {
  // 69,995 MiB in 10,000 parts: lib-storage's ceil(size/10000) is just under 7 MiB, and both it and the
  // 7 MiB rclone rounds up to fit; no common size does.
  const size = 69_995 * MiB;
  const libStorage = Math.ceil(size / 10_000);

  it('tries lib-storage’s exact size/10000 before the size rounded up to a MiB', () => {
    expect(libStorage).toBeLessThan(7 * MiB);
    expect(multipartCandidates(size, 10_000)).toEqual([libStorage, 7 * MiB]);
    expect(multipartCandidates(size, 10_000, 1)).toEqual([libStorage]);
  });

  it('offers those sizes, in that order, for a 10,000-part ETag', () => {
    const etag = `${'a'.repeat(32)}-10000`;
    expect(
      evidenceFromHead({ key: 'db/x.dump', size, lastModified: new Date(0) }, { size, etag, metadata: {} }),
    ).toEqual([
      {
        source: 'etag-multipart',
        algorithm: 'multipart-md5',
        expected: etag,
        where: 'ETag',
        partSizes: [libStorage, 7 * MiB],
      },
    ]);
  });
});
