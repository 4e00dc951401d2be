import { createHash, type Hash } from 'node:crypto';
import type { Algorithm, Evidence } from './evidence.js';

/** MD5 of each part of size `partSize`, combined the way S3 forms a multipart ETag: md5(md5₁‖…‖md5ₙ)-N. */
class MultipartEtag {
  private current = createHash('md5');
  private inPart = 0;
  private readonly partDigests: Buffer[] = [];

  constructor(readonly partSize: number) {}

  update(chunk: Buffer): void {
    let offset = 0;
    while (offset < chunk.length) {
      const take = Math.min(this.partSize - this.inPart, chunk.length - offset);
      this.current.update(chunk.subarray(offset, offset + take));
      this.inPart += take;
      offset += take;
      if (this.inPart === this.partSize) {
        this.partDigests.push(this.current.digest());
        this.current = createHash('md5');
        this.inPart = 0;
      }
    }
  }

  digest(): string {
    if (this.inPart > 0 || this.partDigests.length === 0) this.partDigests.push(this.current.digest());
    return `${createHash('md5').update(Buffer.concat(this.partDigests)).digest('hex')}-${this.partDigests.length}`;
  }
}

/** The hashes computed while bytes stream past: only those some evidence asks for, each once. */
export class StreamDigests {
  private readonly hashes = new Map<Algorithm, Hash>();
  private readonly multipart = new Map<number, MultipartEtag>();
  bytes = 0;

  constructor(evidence: Evidence[]) {
    for (const e of evidence) {
      // Nothing has streamed yet, so a repeated algorithm or part size just replaces a fresh hash.
      if (e.algorithm === 'multipart-md5') {
        for (const p of e.partSizes ?? []) this.multipart.set(p, new MultipartEtag(p));
      } else {
        this.hashes.set(e.algorithm, createHash(e.algorithm));
      }
    }
  }

  get algorithms(): string[] {
    return [...this.hashes.keys(), ...[...this.multipart.keys()].map((p) => `multipart-md5/${p}`)];
  }

  update(chunk: Buffer): void {
    this.bytes += chunk.length;
    for (const hash of this.hashes.values()) hash.update(chunk);
    for (const etag of this.multipart.values()) etag.update(chunk);
  }

  /** Hex digests by algorithm, plus the multipart ETag per candidate part size. */
  finish(): { digests: Partial<Record<Algorithm, string>>; multipart: Map<number, string> } {
    const digests: Partial<Record<Algorithm, string>> = {};
    for (const [algorithm, hash] of this.hashes) digests[algorithm] = hash.digest('hex');
    const multipart = new Map<number, string>();
    for (const [p, etag] of this.multipart) multipart.set(p, etag.digest());
    return { digests, multipart };
  }
}

/** Checks each piece of evidence against the computed digests. */
export interface EvidenceResult extends Evidence {
  actual?: string;
  ok: boolean;
  /** For a multipart ETag, the part size that reproduced it. */
  partSize?: number;
  /** Neither proof nor disproof (a multipart ETag no tried part size reproduces). */
  inconclusive?: boolean;
}

export function judgeEvidence(
  evidence: Evidence[],
  computed: ReturnType<StreamDigests['finish']>,
): EvidenceResult[] {
  return evidence.map((e) => {
    if (e.algorithm === 'multipart-md5') {
      const partSize = e.partSizes?.find((p) => computed.multipart.get(p) === e.expected);
      if (partSize !== undefined) return { ...e, actual: e.expected, ok: true, partSize };
      // A wrong guess of the part size and changed bytes look the same here, so this proves nothing.
      // It shows the ETag the first part size gives.
      return {
        ...e,
        actual: e.partSizes && computed.multipart.get(e.partSizes[0]),
        ok: false,
        inconclusive: true,
      };
    }
    const actual = computed.digests[e.algorithm];
    return { ...e, actual, ok: actual === e.expected };
  });
}
