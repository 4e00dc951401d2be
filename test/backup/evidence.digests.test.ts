import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import type { Evidence } from '../../src/backup/evidence.js';
import { judgeEvidence, StreamDigests } from '../../src/backup/digest.js';

// The evidence decision: what the streamed bytes hash to, and whether each claim holds, fails, or
// proves nothing (a multipart ETag whose part size was guessed wrong).

const md5 = (b: Buffer) => createHash('md5').update(b).digest();
const hexOf = (algorithm: string, b: Buffer) => createHash(algorithm).update(b).digest('hex');

/** The S3 multipart ETag, computed independently of the code under test. */
function s3MultipartEtag(body: Buffer, partSize: number): string {
  const parts: Buffer[] = [];
  for (let o = 0; o < body.length; o += partSize) parts.push(md5(body.subarray(o, o + partSize)));
  if (parts.length === 0) parts.push(md5(Buffer.alloc(0)));
  return `${createHash('md5').update(Buffer.concat(parts)).digest('hex')}-${parts.length}`;
}

const claim = (e: Partial<Evidence>): Evidence => ({
  source: 'metadata',
  algorithm: 'sha256',
  expected: '',
  where: 'x-amz-meta-sha256',
  ...e,
});

function digestOf(evidence: Evidence[], body: Buffer, chunk: number) {
  const digests = new StreamDigests(evidence);
  for (let o = 0; o < body.length; o += chunk) digests.update(body.subarray(o, o + chunk));
  return digests;
}

describe('StreamDigests', () => {
  const body = Buffer.from('0123456789abcdefghij'); // 20 bytes

  it('hashes each asked-for algorithm once and counts the bytes', () => {
    const evidence = [
      claim({ algorithm: 'sha256' }),
      claim({ algorithm: 'sha256', where: 'other' }),
      claim({ algorithm: 'md5' }),
      claim({ algorithm: 'multipart-md5', partSizes: [8, 10] }),
      claim({ algorithm: 'multipart-md5', partSizes: [10] }),
    ];
    const digests = digestOf(evidence, body, 3);
    expect(digests.algorithms).toEqual(['sha256', 'md5', 'multipart-md5/8', 'multipart-md5/10']);
    expect(digests.bytes).toBe(20);
    const { digests: hex, multipart } = digests.finish();
    expect(hex).toEqual({ sha256: hexOf('sha256', body), md5: hexOf('md5', body) });
    expect(Object.fromEntries(multipart)).toEqual({
      8: s3MultipartEtag(body, 8),
      10: s3MultipartEtag(body, 10),
    });
  });

  it.each([1, 4, 5, 7, 10, 20, 64])(
    'forms the multipart ETag the way S3 does, whatever the chunking (%p-byte chunks)',
    (chunk) => {
      for (const partSize of [5, 6, 10, 20, 25]) {
        const evidence = [claim({ algorithm: 'multipart-md5', partSizes: [partSize] })];
        const etag = digestOf(evidence, body, chunk).finish().multipart.get(partSize);
        expect(etag).toBe(s3MultipartEtag(body, partSize));
      }
    },
  );

  it('computes nothing for a multipart claim without part sizes', () => {
    const digests = digestOf([claim({ algorithm: 'multipart-md5' })], body, 4);
    expect(digests.algorithms).toEqual([]);
    expect(digests.finish()).toEqual({ digests: {}, multipart: new Map() });
  });

  it('gives an empty object one part', () => {
    const evidence = [claim({ algorithm: 'multipart-md5', partSizes: [5] })];
    expect(digestOf(evidence, Buffer.alloc(0), 1).finish().multipart.get(5)).toBe(
      s3MultipartEtag(Buffer.alloc(0), 5),
    );
  });
});

describe('judgeEvidence', () => {
  const body = Buffer.from('backup bytes, twelve or more');

  it('passes a matching digest, fails a different one, and reports what the bytes hash to', () => {
    const evidence = [
      claim({ algorithm: 'sha1', expected: hexOf('sha1', body) }),
      claim({ algorithm: 'md5', expected: '0'.repeat(32) }),
    ];
    const results = judgeEvidence(evidence, digestOf(evidence, body, 5).finish());
    expect(results).toEqual([
      { ...evidence[0], actual: hexOf('sha1', body), ok: true },
      { ...evidence[1], actual: hexOf('md5', body), ok: false },
    ]);
  });

  it('names the part size that reproduced a multipart ETag, trying each in order', () => {
    const etag = s3MultipartEtag(body, 10);
    const evidence = [claim({ algorithm: 'multipart-md5', expected: etag, partSizes: [8, 10, 12] })];
    const [result] = judgeEvidence(evidence, digestOf(evidence, body, 3).finish());
    expect(result).toEqual({ ...evidence[0], actual: etag, ok: true, partSize: 10 });
  });

  it('calls a multipart ETag no part size reproduces inconclusive, showing the first size’s ETag', () => {
    const evidence = [
      claim({ algorithm: 'multipart-md5', expected: `${'a'.repeat(32)}-3`, partSizes: [10, 12] }),
    ];
    const [result] = judgeEvidence(evidence, digestOf(evidence, body, 3).finish());
    expect(result).toEqual({
      ...evidence[0],
      actual: s3MultipartEtag(body, 10),
      ok: false,
      inconclusive: true,
    });
    const none = claim({ algorithm: 'multipart-md5', expected: `${'a'.repeat(32)}-3` });
    expect(judgeEvidence([none], digestOf([none], body, 3).finish())).toEqual([
      { ...none, actual: undefined, ok: false, inconclusive: true },
    ]);
  });
});
