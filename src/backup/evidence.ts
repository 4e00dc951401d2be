import type { ObjectHead, StoredObject } from './store.js';

export type Algorithm = 'sha256' | 'sha1' | 'md5' | 'sha512';

/** Where a claim about an object's bytes came from. */
export type EvidenceSource =
  | 'sidecar'
  | 'manifest'
  | 'rclone-md5chksum'
  | 'metadata'
  | 'etag-md5'
  | 'etag-multipart'
  | 'b2-large-file-sha1';

/** One claim about what the bytes hash to, to be checked against the bytes as they stream past. */
export interface Evidence {
  source: EvidenceSource;
  algorithm: Algorithm | 'multipart-md5';
  /** Lower-case hex; for a multipart ETag the whole `hex-N`. */
  expected: string;
  /** The sidecar or manifest key, or the metadata/header name. */
  where: string;
  /** Part sizes worth trying for a multipart ETag (only those that fit its part count). */
  partSizes?: number[];
}

const MiB = 1024 * 1024;

export const EVIDENCE_FILE =
  /(\.(sha256|sha1|md5|sha512)|(^|\/)(SHA256SUMS|SHA1SUMS|MD5SUMS|SHA512SUMS)(\.txt)?)$/i;

export function isEvidenceFile(key: string): boolean {
  return EVIDENCE_FILE.test(key);
}

function algorithmOfName(name: string): Algorithm | undefined {
  const lower = name.toLowerCase();
  if (/sha256/.test(lower)) return 'sha256';
  if (/sha512/.test(lower)) return 'sha512';
  if (/sha1/.test(lower)) return 'sha1';
  if (/md5/.test(lower)) return 'md5';
  return undefined;
}

const HEX_LENGTH: Record<Algorithm, number> = { md5: 32, sha1: 40, sha256: 64, sha512: 128 };

/**
 * `<hex>` or `<hex>  name` or `<hex> *name` or BSD `SHA256 (name) = <hex>`. Blank lines, `#` comments and
 * anything else match neither anchored form, so they are skipped.
 */
export function parseChecksumLines(text: string, algorithm: Algorithm): { hex: string; name?: string }[] {
  const result: { hex: string; name?: string }[] = [];
  const len = HEX_LENGTH[algorithm];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const bsd = /^[A-Z0-9-]+ \((.+)\) = ([0-9a-fA-F]+)$/.exec(line);
    if (bsd && bsd[2].length === len) {
      result.push({ hex: bsd[2].toLowerCase(), name: bsd[1] });
      continue;
    }
    const gnu = /^\\?([0-9a-fA-F]+)(?:\s+\*?(.+))?$/.exec(line);
    if (gnu && gnu[1].length === len) result.push({ hex: gnu[1].toLowerCase(), name: gnu[2]?.trim() });
  }
  return result;
}

/** Part sizes uploaders use: rclone and lib-storage 5 MiB, AWS CLI 8 MiB, s3cmd 15 MiB, B2's 100 MB... */
const COMMON_PART_SIZES = [5, 8, 10, 15, 16, 25, 32, 50, 64, 96, 100, 128, 200, 256, 512, 1024]
  .map((m) => m * MiB)
  .concat([100e6, 200e6]);

/**
 * Part sizes that could have produced an N-part upload of `size` bytes: (N-1)·p < size ≤ N·p. Besides
 * the fixed list, the sizes uploaders scale to when 10,000 parts would not do: lib-storage's
 * ceil(size/10000) first, then ceil(size/N) rounded up to a MiB, then ceil(size/N) itself. rclone
 * rounds size/10000 up to a MiB, and whenever that fits N parts it equals ceil(size/N) rounded up to a
 * MiB, so it needs no entry of its own.
 */
export function multipartCandidates(size: number, parts: number, limit = 3): number[] {
  if (parts < 1) return [];
  if (parts === 1) return [Math.max(1, size)];
  // Only a positive p fits: for p ≤ 0 and N ≥ 2, (N-1)·p ≥ N·p.
  const fits = (p: number) => (parts - 1) * p < size && size <= parts * p;
  const scaled = [Math.ceil(size / 10_000), Math.ceil(size / parts / MiB) * MiB, Math.ceil(size / parts)];
  const seen = new Set<number>();
  const out: number[] = [];
  for (const p of [...COMMON_PART_SIZES, ...scaled]) {
    if (!fits(p) || seen.has(p)) continue;
    seen.add(p);
    out.push(p);
    if (out.length >= limit) break;
  }
  return out;
}

/** Sidecars and manifests found under the prefix, indexed by the backup key they speak for. */
export class EvidenceIndex {
  private readonly byKey = new Map<string, Evidence[]>();

  add(key: string, evidence: Evidence): void {
    const list = this.byKey.get(key) ?? [];
    if (
      !list.some(
        (e) =>
          e.algorithm === evidence.algorithm &&
          e.expected === evidence.expected &&
          e.where === evidence.where,
      )
    ) {
      list.push(evidence);
    }
    this.byKey.set(key, list);
  }

  for(key: string): Evidence[] {
    return this.byKey.get(key) ?? [];
  }

  /** A sidecar `<key>.sha256` speaks for `<key>`. */
  addSidecar(sidecarKey: string, text: string): void {
    const algorithm = algorithmOfName(sidecarKey.slice(sidecarKey.lastIndexOf('.')));
    // Stryker disable next-line ConditionalExpression: without an algorithm no digest length matches, so nothing is added either way
    if (!algorithm) return;
    const target = sidecarKey.slice(0, sidecarKey.lastIndexOf('.'));
    const first = parseChecksumLines(text, algorithm)[0];
    if (first) this.add(target, { source: 'sidecar', algorithm, expected: first.hex, where: sidecarKey });
  }

  /** A manifest (`SHA256SUMS`) names files relative to its own folder. */
  addManifest(manifestKey: string, text: string, backupKeys: string[]): void {
    const algorithm = algorithmOfName(manifestKey.slice(manifestKey.lastIndexOf('/') + 1));
    // Stryker disable next-line ConditionalExpression: without an algorithm no digest length matches, so nothing is added either way
    if (!algorithm) return;
    const folder = manifestKey.slice(0, manifestKey.lastIndexOf('/') + 1);
    const known = new Set(backupKeys);
    const byBase = new Map<string, string[]>();
    for (const key of backupKeys) {
      const base = key.slice(key.lastIndexOf('/') + 1);
      byBase.set(base, [...(byBase.get(base) ?? []), key]);
    }
    for (const { hex, name } of parseChecksumLines(text, algorithm)) {
      if (!name) continue;
      const clean = name.replace(/^\.\//, '');
      let target = folder + clean;
      if (!known.has(target)) {
        const matches = byBase.get(clean.slice(clean.lastIndexOf('/') + 1));
        if (matches?.length === 1) target = matches[0];
        else if (known.has(clean)) target = clean;
        else continue;
      }
      this.add(target, { source: 'manifest', algorithm, expected: hex, where: manifestKey });
    }
  }
}

/** Evidence carried by the object itself: rclone's MD5 metadata, B2's large-file SHA-1, the ETag. */
export function evidenceFromHead(object: StoredObject, head: ObjectHead): Evidence[] {
  const found: Evidence[] = [];
  const meta = head.metadata;
  const md5b64 = meta['md5chksum'];
  if (md5b64) {
    const hex = Buffer.from(md5b64, 'base64').toString('hex');
    if (hex.length === 32)
      found.push({
        source: 'rclone-md5chksum',
        algorithm: 'md5',
        expected: hex,
        where: 'x-amz-meta-md5chksum',
      });
  }
  const sha1 = meta['large_file_sha1'] ?? meta['large-file-sha1'];
  if (sha1 && /^[0-9a-f]{40}$/i.test(sha1)) {
    found.push({
      source: 'b2-large-file-sha1',
      algorithm: 'sha1',
      expected: sha1.toLowerCase(),
      where: 'large_file_sha1',
    });
  }
  for (const algorithm of ['sha256', 'sha1', 'md5'] as const) {
    const value = meta[algorithm];
    if (value && new RegExp(`^[0-9a-f]{${HEX_LENGTH[algorithm]}}$`, 'i').test(value)) {
      found.push({
        source: 'metadata',
        algorithm,
        expected: value.toLowerCase(),
        where: `x-amz-meta-${algorithm}`,
      });
    }
  }
  // With SSE-KMS or SSE-C the ETag is not an MD5 of the bytes, so it proves nothing either way.
  const encrypted =
    head.sseCustomerAlgorithm || (head.serverSideEncryption && head.serverSideEncryption !== 'AES256');
  const etag = (head.etag ?? object.etag)?.toLowerCase();
  if (!encrypted && etag) {
    if (/^[0-9a-f]{32}$/.test(etag)) {
      found.push({ source: 'etag-md5', algorithm: 'md5', expected: etag, where: 'ETag' });
    } else {
      const multipart = /^([0-9a-f]{32})-(\d+)$/.exec(etag);
      if (multipart) {
        const partSizes = multipartCandidates(head.size, Number(multipart[2]));
        if (partSizes.length > 0)
          found.push({
            source: 'etag-multipart',
            algorithm: 'multipart-md5',
            expected: etag,
            where: 'ETag',
            partSizes,
          });
      }
    }
  }
  return found;
}

export function describeEvidence(e: Pick<Evidence, 'source' | 'algorithm' | 'where'>): string {
  switch (e.source) {
    case 'sidecar':
      return `${e.algorithm} sidecar`;
    case 'manifest':
      return `${e.where.slice(e.where.lastIndexOf('/') + 1)}`;
    case 'rclone-md5chksum':
      return 'rclone md5chksum';
    case 'metadata':
      return `${e.where}`;
    case 'etag-md5':
      return 'ETag (MD5)';
    case 'etag-multipart':
      return 'multipart ETag';
    case 'b2-large-file-sha1':
      return 'B2 large_file_sha1';
  }
}
