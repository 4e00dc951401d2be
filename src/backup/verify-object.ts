import { createWriteStream, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { dirname } from 'node:path';
import { formatBytes, Progress } from '../core/progress.js';
import type { Candidate } from './candidates.js';
import { ContentCheck, type ContentResult } from './content.js';
import { judgeEvidence, StreamDigests, type EvidenceResult } from './digest.js';
import { describeEvidence, type Evidence, evidenceFromHead } from './evidence.js';
import { ChunkReclaimer } from './memory.js';
import type { BackupEntry } from './report.js';
import { StoreError, type ObjectStore } from './store.js';

export interface ReadOptions {
  log: (line: string) => void;
  pgRestore?: string | false;
  /** Also write the bytes here (the newest backup, for a restore). */
  saveTo?: string;
  progressIntervalMs: number;
  /** The run's deadline: kills the content check's pg_restore with the download. */
  signal?: AbortSignal;
}

/** An entry for a backup this run did not read. */
export function notVerified(c: Candidate): BackupEntry {
  return {
    key: c.object.key,
    series: c.series,
    date: c.date.toISOString(),
    dateSource: c.dateSource,
    lastModified: c.object.lastModified.toISOString(),
    size: c.object.size,
    verdict: 'not-verified',
    evidence: [],
    provedBy: [],
    problems: [],
  };
}

/** Streams one object once through every hash there is evidence for, its format check and (optionally) a file. */
export async function verifyObject(
  store: ObjectStore,
  c: Candidate,
  indexEvidence: Evidence[],
  options: ReadOptions,
): Promise<BackupEntry> {
  const started = Date.now();
  const head = await store.head(c.object.key);
  const evidence = [...indexEvidence, ...evidenceFromHead(c.object, head)];
  const read = await readThrough(store, c.object.key, head.size, evidence, options);
  const entry: BackupEntry = { ...notVerified(c), verdict: 'failed', content: read.content };
  entry.bytesRead = read.bytes;
  entry.ms = Date.now() - started;
  const incomplete = noteIncompleteRead(entry, read.bytes, head.size, read.streamError);
  const results = judgeEvidence(evidence, read.digests);
  entry.evidence = results;
  judgeEntry(entry, results, read.content, incomplete);
  return entry;
}

interface ReadResult {
  bytes: number;
  digests: ReturnType<StreamDigests['finish']>;
  content: ContentResult;
  streamError?: Error;
}

/** One pass over the bytes: hashes, the content check, the optional copy and progress lines. */
async function readThrough(
  store: ObjectStore,
  key: string,
  size: number,
  evidence: Evidence[],
  options: ReadOptions,
): Promise<ReadResult> {
  const digests = new StreamDigests(evidence);
  const content = new ContentCheck({ pgRestore: options.pgRestore, signal: options.signal });
  let file: ReturnType<typeof createWriteStream> | undefined;
  if (options.saveTo) {
    mkdirSync(dirname(options.saveTo), { recursive: true });
    file = createWriteStream(options.saveTo);
  }
  const progress =
    size >= 32 * 1024 * 1024
      ? new Progress(`  ${key}`, size, options.log, { intervalMs: options.progressIntervalMs })
      : undefined;
  let streamError: Error | undefined;
  const reclaimer = new ChunkReclaimer();
  try {
    const { body } = await store.get(key);
    for await (const chunk of body as AsyncIterable<Buffer>) {
      digests.update(chunk);
      reclaimer.add(chunk.length);
      await content.write(chunk);
      if (file && !file.write(chunk)) await once(file, 'drain');
      progress?.add(chunk.length);
    }
  } catch (error) {
    // A store error (gone, denied) is about the object, not the bytes: the caller decides.
    if (error instanceof StoreError) throw error;
    streamError = error instanceof Error ? error : new Error(String(error));
  }
  if (file) {
    file.end();
    await once(file, 'close');
  }
  const contentResult = await content.end();
  progress?.finish();
  return { bytes: digests.bytes, digests: digests.finish(), content: contentResult, streamError };
}

/** A broken-off or short read: worth one more read, unlike a checksum that disagrees. */
function noteIncompleteRead(entry: BackupEntry, bytes: number, size: number, streamError?: Error): boolean {
  if (streamError) {
    entry.interrupted = `download broke off after ${formatBytes(bytes)}: ${streamError.message}`;
    entry.problems.push(entry.interrupted);
  } else if (bytes !== size) {
    entry.problems.push(`read ${bytes} bytes but the object is ${size} bytes`);
    if (bytes < size) entry.interrupted = `download ended after ${bytes} of ${size} bytes`;
  }
  return Boolean(streamError) || bytes !== size;
}

/** The verdict from the evidence and the content check, with each disagreement explained. */
function judgeEntry(
  entry: BackupEntry,
  results: EvidenceResult[],
  content: ContentResult,
  incomplete: boolean,
) {
  const key = entry.key;
  const conclusive = results.filter((r) => !r.inconclusive);
  const matched = conclusive.filter((r) => r.ok);
  const mismatched = conclusive.filter((r) => !r.ok);
  for (const r of mismatched) entry.problems.push(explainMismatch(r, matched));
  if (!content.ok) entry.problems.push(content.detail);
  if (incomplete || mismatched.length > 0 || !content.ok) {
    entry.verdict = 'failed';
  } else if (matched.length === 0) {
    entry.verdict = 'unverifiable';
    const inconclusive = results.filter((r) => r.inconclusive);
    entry.problems.push(
      inconclusive.length
        ? `only a multipart ETag (${inconclusive[0].expected}) that none of the part sizes tried (${(inconclusive[0].partSizes ?? []).map((p) => formatBytes(p)).join(', ')}) reproduces`
        : 'no checksum to compare with (no sidecar, manifest, MD5 metadata or MD5 ETag)',
    );
    entry.problems.push(
      `fix: upload a ${key.slice(key.lastIndexOf('/') + 1)}.sha256 sidecar or a SHA256SUMS manifest with each backup`,
    );
  } else {
    entry.verdict = 'ok';
    entry.provedBy = matched.map(
      (r) => describeEvidence(r) + (r.partSize ? ` (${formatBytes(r.partSize)} parts)` : ''),
    );
  }
}

/** Which side is wrong, when other evidence agrees with the bytes. */
function explainMismatch(r: EvidenceResult, matched: EvidenceResult[]): string {
  const agree = `${matched.map(describeEvidence).join(', ')} ${matched.length > 1 ? 'agree' : 'agrees'} with the bytes`;
  const uploadedAsIs = matched.some((m) => m.source === 'etag-md5' || m.source === 'etag-multipart');
  const also = !matched.length
    ? ''
    : r.source === 'sidecar' || r.source === 'manifest'
      ? ` (${agree}, so this checksum file is wrong or stale)`
      : r.source === 'rclone-md5chksum' && uploadedAsIs
        ? ` (${agree} as uploaded, so the source file changed while rclone read it)`
        : ` (${agree}, so this claim is wrong or stale)`;
  return `${describeEvidence(r)} says ${r.algorithm} ${r.expected}, the bytes hash to ${r.actual}${also}`;
}
