import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { formatDuration } from '../core/duration.js';
import { formatBytes, Progress } from '../core/progress.js';
import { ContentCheck } from './content.js';
import { ChunkReclaimer } from './memory.js';
import { judgeEvidence, StreamDigests } from './digest.js';
import {
  describeEvidence,
  type Evidence,
  EvidenceIndex,
  evidenceFromHead,
  isEvidenceFile,
} from './evidence.js';
import {
  dateFromKey,
  dayOf,
  seriesOf,
  type DateSource,
  type RetentionPolicy,
  type Shard,
  type VerifyMode,
} from './policy.js';
import type { BackupEntry, BackupReport, SeriesReport } from './report.js';
import { auditLifecycle, auditRetention, describePolicy } from './retention.js';
import { createS3Store, type S3Connection } from './s3.js';
import { StoreError, type ObjectStore, type ObjectVersion, type StoredObject } from './store.js';

export interface VerifyOptions {
  /** A ready store (tests, the promote gate), or the connection to build an S3 one from. */
  store?: ObjectStore;
  connection?: S3Connection;
  prefix: string;
  dateFrom?: DateSource;
  maxAgeMs?: number;
  verify?: VerifyMode;
  retention?: RetentionPolicy;
  shard?: Shard;
  /** Runs with BACKUP_FILE set to the downloaded newest backup (of each series); non-zero fails. */
  restoreCommand?: string;
  /** Scratch space for the downloaded newest backup. */
  workDir?: string;
  /** Where to write the JSON report. */
  reportPath?: string;
  now?: Date;
  log?: (line: string) => void;
  /**
   * Objects verified at once (default 6): small objects are bound by round trips to the store (HEAD,
   * GET, first byte), so several in flight hide the latency.
   */
  concurrency?: number;
  /** Large objects are bound by CPU (hashing) instead; at most `largeConcurrency` (2) of them at once. */
  largeConcurrency?: number;
  /** From this size on an object counts as large (default 64 MiB). */
  largeObjectBytes?: number;
  /** Path of pg_restore, or false to check only dump headers. Default: found on PATH. */
  pgRestore?: string | false;
  /** The newest backup's size must be within [low, high] × the median of the previous ones. */
  sizeBand?: { low: number; high: number };
  progressIntervalMs?: number;
  random?: () => number;
}

interface Candidate {
  object: StoredObject;
  /** The backup's day and time as the policy sees it (calendar, retention, since:). */
  date: Date;
  dateSource: DateSource;
  series: string;
  /** When it was made, for freshness: more precise than a date-only key (see below). */
  madeAt: Date;
}

const DAY_MS = 86_400_000;

/**
 * A key that carries only a day (`db-2026-11-29.dump`) says nothing about the hour: measuring age
 * from midnight would call a 03:00 backup 27 h old just before the next one runs. When the upload
 * finished within two days of that date, its LastModified is the better clock; otherwise (a copy or
 * re-upload much later) midnight is the honest, conservative choice.
 */
function madeAt(keyDate: Date, hasTime: boolean, lastModified: Date): Date {
  if (hasTime) return keyDate;
  const delta = lastModified.getTime() - keyDate.getTime();
  return delta >= 0 && delta < 2 * DAY_MS ? lastModified : keyDate;
}

const HOUR = 3_600_000;

/** A counting semaphore: `acquire` resolves with the release function once a slot is free. */
class Semaphore {
  private waiting: (() => void)[] = [];
  constructor(private free: number) {}

  async acquire(): Promise<() => void> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    return () => {
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    };
  }
}

/** Runs `fn` over `items` with at most `limit` at once, keeping order in the results. */
async function pool<T, R>(
  items: T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  });
  await Promise.all(workers);
  return results;
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function selectForVerify(
  candidates: Candidate[],
  mode: VerifyMode,
  shard: Shard,
  now: Date,
  random: () => number,
): Set<string> {
  const newestFirst = [...candidates].sort(
    (a, b) => b.date.getTime() - a.date.getTime() || b.object.key.localeCompare(a.object.key),
  );
  const newestPerSeries = new Map<string, Candidate>();
  for (const c of newestFirst) if (!newestPerSeries.has(c.series)) newestPerSeries.set(c.series, c);
  let chosen: Candidate[];
  switch (mode.kind) {
    case 'latest':
      chosen = [...newestPerSeries.values()];
      break;
    case 'all':
      chosen = newestFirst;
      break;
    case 'since':
      chosen = newestFirst.filter(
        (c) => c.date.getTime() >= now.getTime() - mode.ms || newestPerSeries.get(c.series) === c,
      );
      break;
    case 'sample': {
      const rest = newestFirst.filter((c) => newestPerSeries.get(c.series) !== c);
      for (let i = rest.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [rest[i], rest[j]] = [rest[j], rest[i]];
      }
      chosen = [
        ...newestPerSeries.values(),
        ...rest.slice(0, Math.max(0, mode.count - newestPerSeries.size)),
      ];
      break;
    }
  }
  if (shard.count === 1) return new Set(chosen.map((c) => c.object.key));
  // Every matrix job sorts the same way, so the shards partition the set without talking to each other.
  const byKey = chosen.map((c) => c.object.key).sort();
  return new Set(byKey.filter((_, i) => i % shard.count === shard.index - 1));
}

/**
 * Verifies the backups under a prefix: integrity of the selected objects against every piece of
 * evidence there is, their content, freshness and size of the newest, and the retention calendar.
 * Reads only. Throws a StoreError (a UserError) for a bucket it cannot read; otherwise returns a report
 * whose `passed` says whether the backups can be trusted.
 */
export async function verifyBackups(options: VerifyOptions): Promise<BackupReport> {
  const log = options.log ?? (() => {});
  const now = options.now ?? new Date();
  const prefix = options.prefix;
  const policy = options.retention ?? { daily: 30, weekly: 0, monthly: 12, yearly: 0 };
  const mode = options.verify ?? { kind: 'latest' };
  const shard = options.shard ?? { index: 1, count: 1 };
  const maxAgeMs = options.maxAgeMs ?? 26 * HOUR;
  const band = options.sizeBand ?? { low: 0.5, high: 2 };
  const dateFrom = options.dateFrom ?? 'key';
  const store = options.store ?? (await createS3Store(options.connection!));
  const bucket = options.connection?.bucket ?? store.description;

  await store.check();
  const listed = await store.list(prefix);
  const backupsListed = listed.filter((o) => !o.key.endsWith('/') && !isEvidenceFile(o.key));
  if (backupsListed.length === 0) {
    // Suggest the folders one level up: 'dayly/' was probably meant to be one of its siblings.
    const trimmed = prefix.replace(/\/$/, '');
    const parent = trimmed.slice(0, trimmed.lastIndexOf('/') + 1);
    const folders = await store.listFolders(parent).catch(() => []);
    throw new StoreError(
      listed.length === 0
        ? `no objects under prefix '${prefix}' in ${store.description}.`
        : `only checksum files (${listed.length}) under prefix '${prefix}' in ${store.description}, no backups.`,
      'EmptyPrefix',
      {
        input: 'prefix',
        fix: folders.length
          ? `use the folder the backups are in; this level holds: ${folders.slice(0, 8).join(', ')}.`
          : 'check the prefix (it is case-sensitive and matched from the start of the key) and that the backup job has run.',
      },
    );
  }
  log(
    `Found ${backupsListed.length} backups (and ${listed.length - backupsListed.length} checksum files) under '${prefix}' in ${store.description}.`,
  );

  const candidates: Candidate[] = backupsListed.map((object) => {
    const fromKey = dateFrom === 'key' ? dateFromKey(object.key) : undefined;
    return {
      object,
      date: fromKey?.date ?? object.lastModified,
      dateSource: fromKey ? 'key' : 'last-modified',
      series: seriesOf(object.key, fromKey?.match),
      madeAt: fromKey ? madeAt(fromKey.date, fromKey.hasTime, object.lastModified) : object.lastModified,
    };
  });
  const selected = selectForVerify(candidates, mode, shard, now, options.random ?? Math.random);

  // Sidecars for the objects we verify, and every manifest (a manifest can speak for any of them).
  const index = new EvidenceIndex();
  const backupKeys = backupsListed.map((o) => o.key);
  const evidenceFiles = listed.filter((o) => isEvidenceFile(o.key));
  // A manifest speaks for files in its folder and below; read only those that cover a selected backup.
  const selectedKeys = [...selected];
  const wanted = evidenceFiles.filter((o) =>
    /SUMS(\.txt)?$/i.test(o.key)
      ? selectedKeys.some((k) => k.startsWith(o.key.slice(0, o.key.lastIndexOf('/') + 1)))
      : selected.has(o.key.slice(0, o.key.lastIndexOf('.'))),
  );
  const evidenceWarnings: string[] = [];
  await pool(wanted, 8, async (file) => {
    let text: string;
    try {
      text = await store.getText(file.key);
    } catch (error) {
      // A checksum file that is too big to be one, or vanished, costs its evidence, not the run.
      if (!(error instanceof StoreError) || !['TooLarge', 'NoSuchKey'].includes(error.code)) throw error;
      evidenceWarnings.push(`checksum file ${file.key} was not read: ${error.message}`);
      return;
    }
    if (/SUMS(\.txt)?$/i.test(file.key)) index.addManifest(file.key, text, backupKeys);
    else index.addSidecar(file.key, text);
  });

  const newestPerSeries = new Map<string, Candidate>();
  for (const c of [...candidates].sort((a, b) => b.date.getTime() - a.date.getTime()))
    if (!newestPerSeries.has(c.series)) newestPerSeries.set(c.series, c);
  const restoreTargets = new Set(
    options.restoreCommand
      ? [...newestPerSeries.values()].map((c) => c.object.key).filter((k) => selected.has(k))
      : [],
  );
  const workDir = options.workDir ?? join(process.env.RUNNER_TEMP ?? '/tmp', 'backup-verify');

  const started = Date.now();
  let totalBytes = 0;
  const toVerify = candidates
    .filter((c) => selected.has(c.object.key))
    .sort((a, b) => b.date.getTime() - a.date.getTime());
  log(
    `Verifying ${toVerify.length} of ${candidates.length} backups (verify: ${describeMode(mode)}${shard.count > 1 ? `, shard ${shard.index}/${shard.count}` : ''}).`,
  );
  const large = new Semaphore(options.largeConcurrency ?? 2);
  const largeBytes = options.largeObjectBytes ?? 64 * 1024 * 1024;
  const verified = await pool(toVerify, options.concurrency ?? 6, async (c) => {
    const release = c.object.size >= largeBytes ? await large.acquire() : undefined;
    try {
      return await verifyOne(c);
    } finally {
      release?.();
    }
  });
  async function verifyOne(c: Candidate): Promise<BackupEntry> {
    const once = () =>
      verifyObject(store, c, index.for(c.object.key), {
        log,
        pgRestore: options.pgRestore,
        saveTo: restoreTargets.has(c.object.key)
          ? join(workDir, c.object.key.replace(/[^A-Za-z0-9._-]+/g, '_'))
          : undefined,
        progressIntervalMs: options.progressIntervalMs ?? 5000,
      });
    let entry: BackupEntry;
    try {
      entry = await once();
    } catch (error) {
      // Listed a moment ago, gone now: lifecycle or the uploader's pruning ran meanwhile. Not a
      // verdict on the backup, so the run goes on with the others.
      if (!(error instanceof StoreError) || error.code !== 'NoSuchKey') throw error;
      log(`  ${c.object.key} was deleted while this run was verifying (lifecycle or pruning); skipped`);
      return { ...notVerified(c), problems: ['deleted while this run was verifying it'] };
    }
    totalBytes += entry.bytesRead ?? 0;
    // A connection that broke mid-download says nothing about the backup; reading again can succeed.
    // Checksum and content failures are final: the same bytes would fail the same way.
    if (entry.interrupted) {
      log(`  ${c.object.key}: ${entry.interrupted}; reading it once more`);
      entry = await once();
      entry.attempts = 2;
      totalBytes += entry.bytesRead ?? 0;
    }
    const proof =
      entry.verdict === 'ok'
        ? ` by ${entry.provedBy.join(' + ')}`
        : entry.problems.length
          ? `: ${entry.problems[0]}`
          : '';
    log(
      `${verdictWord(entry.verdict)} ${c.object.key} (${formatBytes(c.object.size)}${entry.ms !== undefined ? ` in ${formatDuration(entry.ms)}` : ''})${proof}`,
    );
    return entry;
  }
  const elapsed = Date.now() - started;

  if (options.restoreCommand) {
    for (const entry of verified) {
      if (!restoreTargets.has(entry.key)) continue;
      const file = join(workDir, entry.key.replace(/[^A-Za-z0-9._-]+/g, '_'));
      if (entry.verdict === 'failed') {
        rmSync(file, { force: true });
        continue;
      }
      log(`Running restore-command on ${entry.key}…`);
      entry.restore = await runRestore(options.restoreCommand, file, entry.key, log);
      rmSync(file, { force: true });
      if (!entry.restore.ok) {
        entry.verdict = 'failed';
        entry.problems.push(`restore-command exited with ${entry.restore.exitCode}`);
      }
    }
  }

  const entries = new Map(verified.map((e) => [e.key, e]));
  const backups: BackupEntry[] = [...candidates]
    .sort((a, b) => b.date.getTime() - a.date.getTime() || a.object.key.localeCompare(b.object.key))
    .map((c) => entries.get(c.object.key) ?? notVerified(c));

  const failures: string[] = [];
  const warnings: string[] = [...evidenceWarnings];
  for (const e of verified) {
    if (e.verdict === 'failed') failures.push(`${e.key}: ${e.problems.join('; ')}`);
    if (e.verdict === 'unverifiable') failures.push(`${e.key}: unverifiable, ${e.problems.join('; ')}`);
  }

  const seriesReports: SeriesReport[] = [];
  let expiredTotal = 0;
  let versions: Awaited<ReturnType<ObjectStore['versions']>> | undefined;
  for (const [series, newest] of newestPerSeries) {
    const members = candidates
      .filter((c) => c.series === series)
      .sort((a, b) => b.date.getTime() - a.date.getTime());
    const ageMs = now.getTime() - newest.madeAt.getTime();
    const fresh = ageMs <= maxAgeMs;
    if (!fresh) {
      failures.unshift(
        `${series}: the newest backup ${newest.object.key} is ${(ageMs / HOUR).toFixed(1)} h old, older than max-age ${formatDuration(maxAgeMs)}`,
      );
    }
    const previous = members.slice(1, 8).map((m) => m.object.size);
    const med = previous.length >= 3 ? median(previous) : undefined;
    const ratio = med ? newest.object.size / med : undefined;
    const sizeOk = ratio === undefined || (ratio >= band.low && ratio <= band.high);
    const sizeDetail =
      ratio === undefined
        ? `${formatBytes(newest.object.size)} (fewer than 3 earlier backups to compare)`
        : `${formatBytes(newest.object.size)} is ${ratio.toFixed(2)}× the median ${formatBytes(med!)} of the ${previous.length} before it (allowed ${band.low}–${band.high}×)`;
    if (!sizeOk) failures.unshift(`${series}: the newest backup ${newest.object.key} ${sizeDetail}`);
    const audit = auditRetention(
      members.map((m) => ({ key: m.object.key, date: m.date, size: m.object.size })),
      policy,
      now,
    );
    let notes: Record<string, string> | undefined;
    if (audit.missingDays.length) {
      versions ??= await store.versions(prefix);
      notes =
        'versions' in versions
          ? explainMissingDays(audit.missingDays, versions.versions, series, dateFrom)
          : undefined;
      const listed = audit.missingDays.map((d) => (notes?.[d] ? `${d} (${notes[d]})` : d)).join(', ');
      failures.push(
        `${series}: ${audit.missingDays.length} day(s) without a backup in the daily window: ${listed}`,
      );
    }
    if (audit.missingMonths.length)
      failures.push(
        `${series}: month(s) without a backup in the monthly window: ${audit.missingMonths.join(', ')}`,
      );
    if (audit.expired.length) {
      warnings.push(
        `${series}: ${audit.expired.length} backup(s) older than the policy (${describePolicy(policy)}) are still stored, e.g. ${audit.expired.slice(0, 3).join(', ')}: lifecycle is not deleting them`,
      );
    }
    expiredTotal += audit.expired.length;
    seriesReports.push({
      series,
      count: members.length,
      newestKey: newest.object.key,
      newestDate: newest.date.toISOString(),
      ageHours: round1(ageMs / HOUR),
      fresh,
      size: {
        newest: newest.object.size,
        median: med,
        ratio: ratio === undefined ? undefined : Math.round(ratio * 1000) / 1000,
        ok: sizeOk,
        detail: sizeDetail,
      },
      retention: {
        window: audit.window,
        missingDays: audit.missingDays,
        missingDayNotes: notes,
        missingMonths: audit.missingMonths,
        expired: audit.expired,
        keptCount: audit.kept.size,
        days: Object.fromEntries(audit.days),
      },
    });
  }

  const lifecycle = auditLifecycle(await store.lifecycle(), prefix, policy, expiredTotal);
  if (!lifecycle.ok) warnings.push(lifecycle.detail);

  const newestOverall = [...newestPerSeries.values()].sort((a, b) => b.date.getTime() - a.date.getTime())[0];
  const count = (v: string) => verified.filter((e) => e.verdict === v).length;
  const report: BackupReport = {
    passed: failures.length === 0,
    checkedAt: now.toISOString(),
    store: store.description,
    bucket,
    prefix,
    policy,
    maxAgeHours: round1(maxAgeMs / HOUR),
    verifyMode: describeMode(mode),
    shard: `${shard.index}/${shard.count}`,
    latestKey: newestOverall?.object.key,
    latestAgeHours: newestOverall
      ? round1((now.getTime() - newestOverall.madeAt.getTime()) / HOUR)
      : undefined,
    counts: {
      backups: candidates.length,
      selected: toVerify.length,
      verified: count('ok'),
      failed: count('failed'),
      unverifiable: count('unverifiable'),
      missingDays: seriesReports.reduce((n, s) => n + s.retention.missingDays.length, 0),
      missingMonths: seriesReports.reduce((n, s) => n + s.retention.missingMonths.length, 0),
      expired: expiredTotal,
    },
    backups,
    series: seriesReports,
    lifecycle,
    failures,
    warnings,
    throughput:
      totalBytes > 0
        ? {
            bytes: totalBytes,
            ms: elapsed,
            mbPerSecond: round1(totalBytes / 1e6 / Math.max(0.001, elapsed / 1000)),
          }
        : undefined,
  };
  if (options.reportPath) {
    mkdirSync(dirname(options.reportPath), { recursive: true });
    writeFileSync(options.reportPath, JSON.stringify(report, null, 2));
  }
  return report;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function notVerified(c: Candidate): BackupEntry {
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

/**
 * Why a day has no backup, from the bucket's versions (B2 buckets are always versioned): deleted or
 * hidden (a delete marker, older versions possibly still stored) or never uploaded at all.
 */
export function explainMissingDays(
  days: string[],
  versions: ObjectVersion[],
  series: string,
  dateFrom: DateSource,
): Record<string, string> {
  const notes: Record<string, string> = {};
  for (const day of days) {
    const mine = versions.filter((v) => {
      const fromKey = dateFromKey(v.key);
      if (seriesOf(v.key, fromKey?.match) !== series) return false;
      const date = dateFrom === 'key' && fromKey ? fromKey.date : v.lastModified;
      return dayOf(date) === day;
    });
    const markers = mine
      .filter((v) => v.deleteMarker)
      .sort((a, b) => b.lastModified.getTime() - a.lastModified.getTime());
    const stored = mine.filter((v) => !v.deleteMarker).length;
    if (markers.length) {
      notes[day] =
        `deleted: a delete marker hides it since ${markers[0].lastModified.toISOString().slice(0, 16).replace('T', ' ')} UTC` +
        (stored ? `; ${stored} earlier version${stored > 1 ? 's' : ''} still stored, restorable` : '');
    } else if (stored) {
      notes[day] = `${stored} noncurrent version${stored > 1 ? 's' : ''} stored`;
    } else {
      notes[day] = 'never uploaded';
    }
  }
  return notes;
}

export function describeMode(mode: VerifyMode): string {
  return mode.kind === 'sample'
    ? `sample:${mode.count}`
    : mode.kind === 'since'
      ? `since:${mode.text}`
      : mode.kind;
}

const verdictWord = (v: string) =>
  v === 'ok' ? '✅ ok' : v === 'failed' ? '❌ FAILED' : v === 'unverifiable' ? '⚠️ unverifiable' : v;

/** Streams one object once through every hash there is evidence for, its format check and (optionally) a file. */
export async function verifyObject(
  store: ObjectStore,
  c: Candidate,
  indexEvidence: Evidence[],
  options: {
    log: (line: string) => void;
    pgRestore?: string | false;
    saveTo?: string;
    progressIntervalMs: number;
  },
): Promise<BackupEntry> {
  const started = Date.now();
  const entry: BackupEntry = {
    key: c.object.key,
    series: c.series,
    date: c.date.toISOString(),
    dateSource: c.dateSource,
    lastModified: c.object.lastModified.toISOString(),
    size: c.object.size,
    verdict: 'failed',
    evidence: [],
    provedBy: [],
    problems: [],
  };
  const head = await store.head(c.object.key);
  const evidence = [...indexEvidence, ...evidenceFromHead(c.object, head)];
  const digests = new StreamDigests(evidence);
  const content = new ContentCheck({ pgRestore: options.pgRestore });
  let file: ReturnType<typeof createWriteStream> | undefined;
  if (options.saveTo) {
    mkdirSync(dirname(options.saveTo), { recursive: true });
    file = createWriteStream(options.saveTo);
  }
  const progress =
    head.size >= 32 * 1024 * 1024
      ? new Progress(`  ${c.object.key}`, head.size, options.log, { intervalMs: options.progressIntervalMs })
      : undefined;
  let streamError: Error | undefined;
  const reclaimer = new ChunkReclaimer();
  try {
    const { body } = await store.get(c.object.key);
    for await (const chunk of body as AsyncIterable<Buffer>) {
      digests.update(chunk);
      reclaimer.add(chunk.length);
      await content.write(chunk);
      if (file && !file.write(chunk)) await once(file, 'drain');
      progress?.add(chunk.length);
    }
  } catch (error) {
    if (error instanceof StoreError) throw error;
    streamError = error instanceof Error ? error : new Error(String(error));
  }
  if (file) {
    file.end();
    await once(file, 'close');
  }
  const contentResult = await content.end();
  entry.content = contentResult;
  entry.bytesRead = digests.bytes;
  entry.ms = Date.now() - started;
  if (progress) progress.finish();

  if (streamError) {
    entry.interrupted = `download broke off after ${formatBytes(digests.bytes)}: ${streamError.message}`;
    entry.problems.push(entry.interrupted);
  } else if (digests.bytes !== head.size) {
    entry.problems.push(`read ${digests.bytes} bytes but the object is ${head.size} bytes`);
    if (digests.bytes < head.size)
      entry.interrupted = `download ended after ${digests.bytes} of ${head.size} bytes`;
  }
  const results = judgeEvidence(evidence, digests.finish());
  entry.evidence = results;
  const conclusive = results.filter((r) => !r.inconclusive);
  const matched = conclusive.filter((r) => r.ok);
  const mismatched = conclusive.filter((r) => !r.ok);
  for (const r of mismatched) {
    const agree = `${matched.map(describeEvidence).join(', ')} ${matched.length > 1 ? 'agree' : 'agrees'} with the bytes`;
    const uploadedAsIs = matched.some((m) => m.source === 'etag-md5' || m.source === 'etag-multipart');
    const also = !matched.length
      ? ''
      : r.source === 'sidecar' || r.source === 'manifest'
        ? ` (${agree}, so this checksum file is wrong or stale)`
        : r.source === 'rclone-md5chksum' && uploadedAsIs
          ? ` (${agree} as uploaded, so the source file changed while rclone read it)`
          : ` (${agree}, so this claim is wrong or stale)`;
    entry.problems.push(
      `${describeEvidence(r)} says ${r.algorithm} ${r.expected}, the bytes hash to ${r.actual}${also}`,
    );
  }
  if (!contentResult.ok) entry.problems.push(contentResult.detail);
  const broken =
    Boolean(streamError) || digests.bytes !== head.size || mismatched.length > 0 || !contentResult.ok;
  if (broken) {
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
      `fix: upload a ${c.object.key.slice(c.object.key.lastIndexOf('/') + 1)}.sha256 sidecar or a SHA256SUMS manifest with each backup`,
    );
  } else {
    entry.verdict = 'ok';
    entry.provedBy = matched.map(
      (r) => describeEvidence(r) + (r.partSize ? ` (${formatBytes(r.partSize)} parts)` : ''),
    );
  }
  return entry;
}

async function runRestore(
  command: string,
  file: string,
  key: string,
  log: (line: string) => void,
): Promise<NonNullable<BackupEntry['restore']>> {
  const child = spawn('bash', ['-eo', 'pipefail', '-c', command], {
    env: { ...process.env, BACKUP_FILE: file, BACKUP_KEY: key },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const onData = (c: Buffer) => {
    const text = c.toString();
    if (output.length < 20_000) output += text;
    for (const line of text.split('\n')) if (line.trim()) log(`  | ${line}`);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exitCode = await new Promise<number>((resolve) => {
    child.on('error', () => resolve(127));
    child.on('close', (code) => resolve(code ?? 1));
  });
  return { command, exitCode, ok: exitCode === 0, output: output.slice(-4000) };
}

export { dayOf };
