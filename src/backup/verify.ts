import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import pLimit from 'p-limit';
import { formatDuration } from '../core/duration.js';
import { formatBytes } from '../core/progress.js';
import { type Candidate, describeMode, groupBySeries, selectForVerify, toCandidates } from './candidates.js';
import { EvidenceIndex, isEvidenceFile } from './evidence.js';
import type { DateSource, RetentionPolicy, Shard, VerifyMode } from './policy.js';
import type { BackupEntry, BackupReport } from './report.js';
import { chooseRestoreKey, restoreAndCompare, TABLE_MANIFEST_SUFFIX } from './restore-check.js';
import { runRestoreCommand } from './restore-command.js';
import { auditLifecycle } from './retention.js';
import { createS3Store, type S3Connection } from './s3.js';
import { auditSeries, type SeriesVerdict } from './series-audit.js';
import { StoreError, type ObjectStore, type StoredObject } from './store.js';
import { notVerified, verifyObject } from './verify-object.js';

export interface VerifyOptions {
  /** A ready store (tests, the promote gate), or the connection to build an S3 one from. */
  store?: ObjectStore;
  connection?: S3Connection;
  prefix: string;
  dateFrom?: DateSource;
  maxAgeMs?: number;
  /** The whole run's limit: past it the run stops with a failure naming what was not verified. */
  timeoutMs?: number;
  verify?: VerifyMode;
  retention?: RetentionPolicy;
  shard?: Shard;
  /** Restore the newest verified dump (or `restoreKey`) into this PostgreSQL database and compare its tables. */
  restoreTo?: string;
  restoreKey?: string;
  /** Compare the restored tables with this live database instead of the manifest written at backup time. */
  compareWith?: string;
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

const HOUR = 3_600_000;
const DEFAULT_POLICY: RetentionPolicy = { daily: 30, monthly: 12 };

/**
 * Verifies the backups under a prefix: integrity of the selected objects against every piece of
 * evidence there is, their content, freshness and size of the newest, and the retention calendar;
 * with `restoreTo`, a real restore of the newest verified dump, table by table. Only reads the bucket
 * (the database named in `restoreTo` is the one thing written). Throws a StoreError (a UserError) for a
 * bucket it cannot read; otherwise returns a report whose `passed` says whether the backups can be trusted.
 */
export async function verifyBackups(options: VerifyOptions): Promise<BackupReport> {
  if (!options.timeoutMs) return verifyRun(options, new Progress());
  return withinTimeout(options, options.timeoutMs);
}

/** Where a run is, so a timeout can say what it was doing and which backups were not verified. */
class Progress {
  phase = 'listing the bucket';
  readonly pending = new Set<string>();
}

/**
 * The run raced against `timeout`: past it, a failure naming the phase and every backup not verified.
 * Nothing is written to the bucket either way (backup-verify only reads), and no report file is left.
 */
async function withinTimeout(options: VerifyOptions, timeoutMs: number): Promise<BackupReport> {
  const progress = new Progress();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const left = [...progress.pending];
      const where = options.connection?.endpoint ?? 'the store';
      reject(
        new StoreError(
          `backup-verify's timeout (${formatDuration(timeoutMs)}) passed while ${progress.phase} at ${where}; ` +
            (left.length
              ? `not verified: ${left.slice(0, 10).join(', ')}${left.length > 10 ? ` and ${left.length - 10} more` : ''}`
              : 'no backup was verified') +
            '. Nothing was written to the bucket.',
          'Timeout',
          { input: 'timeout', fix: 'raise timeout, or check that the store answers.' },
        ),
      );
    }, timeoutMs);
    timer.unref();
  });
  try {
    return await Promise.race([verifyRun(options, progress), expired]);
  } finally {
    clearTimeout(timer);
  }
}

async function verifyRun(options: VerifyOptions, progress: Progress): Promise<BackupReport> {
  const log = options.log ?? (() => {});
  const now = options.now ?? new Date();
  const mode = options.verify ?? { kind: 'latest' };
  const shard = options.shard ?? { index: 1, count: 1 };
  const store = options.store ?? (await createS3Store(options.connection!));

  const listing = await listBackups(store, options.prefix, log);
  const candidates = toCandidates(listing.backups, options.dateFrom ?? 'key');
  const series = groupBySeries(candidates);
  const random = options.random ?? Math.random;
  const selected = selectForVerify(candidates, series, mode, shard, now, random);
  const restoreKey = options.restoreTo ? chooseRestoreKey(candidates, series, options.restoreKey) : undefined;
  if (restoreKey) selected.add(restoreKey);
  const toVerify = candidates.filter((c) => selected.has(c.object.key));
  for (const c of toVerify) progress.pending.add(c.object.key);
  progress.phase = 'reading checksums';
  const evidence = await readEvidence(store, listing, selected);
  progress.phase = 'verifying backups';
  log(
    `Verifying ${toVerify.length} of ${candidates.length} backups (verify: ${describeMode(mode)}${shard.count > 1 ? `, shard ${shard.index}/${shard.count}` : ''}).`,
  );
  const restoreTargets = options.restoreCommand ? newestOfEach(series, selected) : new Set<string>();
  if (restoreKey) restoreTargets.add(restoreKey);
  const workDir = options.workDir ?? join(process.env.RUNNER_TEMP ?? '/tmp', 'backup-verify');
  const saveTo = (key: string) =>
    restoreTargets.has(key) ? join(workDir, key.replace(/[^A-Za-z0-9._-]+/g, '_')) : undefined;
  const run = await verifySelected(store, toVerify, evidence.index, saveTo, options, log, progress.pending);
  progress.phase = 'restoring and auditing';
  const restored = restoreKey
    ? await restoreAndCompare(
        store,
        run.entries.find((e) => e.key === restoreKey)!,
        saveTo(restoreKey)!,
        { restoreTo: options.restoreTo!, compareWith: options.compareWith },
        log,
      )
    : undefined;
  if (options.restoreCommand) await runRestoreCommands(run.entries, options.restoreCommand, saveTo, log);
  for (const file of restoreTargets) rmSync(saveTo(file)!, { force: true });

  const audits: SeriesVerdict[] = [];
  let versions: ReturnType<ObjectStore['versions']> | undefined;
  const rules = seriesRules(options, now);
  for (const [name, members] of series)
    audits.push(await auditSeries(name, members, rules, () => (versions ??= store.versions(options.prefix))));
  const report = await assembleReport({ store, options, now, mode, shard, candidates, series, audits, run });
  report.warnings.unshift(...evidence.warnings);
  if (restored) {
    report.restore = restored;
    if (!restored.ok)
      report.failures.push(`restore of ${restored.key} into ${restored.database}: ${restored.problem}`);
    report.passed = report.failures.length === 0;
  }
  if (options.reportPath) {
    mkdirSync(dirname(options.reportPath), { recursive: true });
    writeFileSync(options.reportPath, JSON.stringify(report, null, 2));
  }
  return report;
}

function seriesRules(options: VerifyOptions, now: Date) {
  return {
    policy: options.retention ?? DEFAULT_POLICY,
    maxAgeMs: options.maxAgeMs ?? 26 * HOUR,
    band: options.sizeBand ?? { low: 0.5, high: 2 },
    dateFrom: options.dateFrom ?? 'key',
    now,
  };
}

interface Listing {
  prefix: string;
  backups: StoredObject[];
  evidenceFiles: StoredObject[];
}

/** Lists the prefix once; an empty one fails with the folders one level up as the likely fix. */
async function listBackups(
  store: ObjectStore,
  prefix: string,
  log: (line: string) => void,
): Promise<Listing> {
  await store.check();
  const listed = await store.list(prefix);
  const backups = listed.filter(
    (o) => !o.key.endsWith('/') && !isEvidenceFile(o.key) && !o.key.endsWith(TABLE_MANIFEST_SUFFIX),
  );
  const evidenceFiles = listed.filter((o) => isEvidenceFile(o.key));
  if (backups.length === 0) {
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
    `Found ${backups.length} backups (and ${evidenceFiles.length} checksum files) under '${prefix}' in ${store.description}.`,
  );
  return { prefix, backups, evidenceFiles };
}

const isManifest = (key: string) => /SUMS(\.txt)?$/i.test(key);
const folderOf = (key: string) => key.slice(0, key.lastIndexOf('/') + 1);

/**
 * Reads the sidecars of the selected backups and every manifest that covers one of them (a manifest
 * speaks for files in its folder and below). A checksum file too big to be one, or gone, costs its
 * evidence, not the run.
 */
async function readEvidence(store: ObjectStore, listing: Listing, selected: Set<string>) {
  const index = new EvidenceIndex();
  const warnings: string[] = [];
  const backupKeys = listing.backups.map((o) => o.key);
  const selectedKeys = [...selected];
  const wanted = listing.evidenceFiles.filter((o) =>
    isManifest(o.key)
      ? selectedKeys.some((k) => k.startsWith(folderOf(o.key)))
      : selected.has(o.key.slice(0, o.key.lastIndexOf('.'))),
  );
  const limit = pLimit(8);
  await Promise.all(
    wanted.map((file) =>
      limit(async () => {
        let text: string;
        try {
          text = await store.getText(file.key);
        } catch (error) {
          if (!(error instanceof StoreError) || !['TooLarge', 'NoSuchKey'].includes(error.code)) throw error;
          warnings.push(`checksum file ${file.key} was not read: ${error.message}`);
          return;
        }
        if (isManifest(file.key)) index.addManifest(file.key, text, backupKeys);
        else index.addSidecar(file.key, text);
      }),
    ),
  );
  return { index, warnings };
}

const newestOfEach = (series: Map<string, Candidate[]>, selected: Set<string>) =>
  new Set([...series.values()].map((m) => m[0].object.key).filter((k) => selected.has(k)));

interface VerifyRun {
  entries: BackupEntry[];
  bytes: number;
  ms: number;
}

/**
 * Reads the selected backups, several at once: small objects are bound by round trips (HEAD, GET,
 * first byte), so several in flight hide the latency; large ones by hashing, so at most
 * `largeConcurrency` of them run together.
 */
async function verifySelected(
  store: ObjectStore,
  toVerify: Candidate[],
  index: EvidenceIndex,
  saveTo: (key: string) => string | undefined,
  options: VerifyOptions,
  log: (line: string) => void,
  pending = new Set<string>(),
): Promise<VerifyRun> {
  const started = Date.now();
  const limit = pLimit(options.concurrency ?? 6);
  const large = pLimit(options.largeConcurrency ?? 2);
  const largeBytes = options.largeObjectBytes ?? 64 * 1024 * 1024;
  const read = { log, pgRestore: options.pgRestore, progressIntervalMs: options.progressIntervalMs ?? 5000 };
  let bytes = 0;
  const entries = await Promise.all(
    toVerify.map((c) =>
      limit(async () => {
        const once = () =>
          verifyObject(store, c, index.for(c.object.key), { ...read, saveTo: saveTo(c.object.key) });
        const entry = await (c.object.size >= largeBytes
          ? large(() => verifyWithOneRetry(c, once, log))
          : verifyWithOneRetry(c, once, log));
        bytes += entry.bytesRead ?? 0;
        pending.delete(c.object.key);
        return entry;
      }),
    ),
  );
  return { entries, bytes, ms: Date.now() - started };
}

/**
 * One backup, read again once when the connection broke mid-download (that says nothing about the
 * backup). Checksum and content failures are final: the same bytes would fail the same way.
 */
async function verifyWithOneRetry(
  c: Candidate,
  once: () => Promise<BackupEntry>,
  log: (line: string) => void,
): Promise<BackupEntry> {
  let entry: BackupEntry;
  try {
    entry = await once();
  } catch (error) {
    // Listed a moment ago, gone now: lifecycle or the uploader's pruning ran meanwhile.
    if (!(error instanceof StoreError) || error.code !== 'NoSuchKey') throw error;
    log(`  ${c.object.key} was deleted while this run was verifying (lifecycle or pruning); skipped`);
    return { ...notVerified(c), problems: ['deleted while this run was verifying it'] };
  }
  if (entry.interrupted) {
    log(`  ${c.object.key}: ${entry.interrupted}; reading it once more`);
    const first = entry.bytesRead ?? 0;
    entry = await once();
    entry.attempts = 2;
    entry.bytesRead = (entry.bytesRead ?? 0) + first;
  }
  log(describeOutcome(entry));
  return entry;
}

function describeOutcome(entry: BackupEntry): string {
  const proof =
    entry.verdict === 'ok'
      ? ` by ${entry.provedBy.join(' + ')}`
      : entry.problems.length
        ? `: ${entry.problems[0]}`
        : '';
  const word =
    entry.verdict === 'ok' ? '✅ ok' : entry.verdict === 'failed' ? '❌ FAILED' : '⚠️ unverifiable';
  return `${word} ${entry.key} (${formatBytes(entry.size)}${entry.ms !== undefined ? ` in ${formatDuration(entry.ms)}` : ''})${proof}`;
}

/** The user's restore-command on each series' newest backup that passed; the copy is removed after. */
async function runRestoreCommands(
  entries: BackupEntry[],
  command: string,
  saveTo: (key: string) => string | undefined,
  log: (line: string) => void,
) {
  for (const entry of entries) {
    const file = saveTo(entry.key);
    if (!file) continue;
    if (entry.verdict !== 'failed') {
      log(`Running restore-command on ${entry.key}…`);
      entry.restore = await runRestoreCommand(command, file, entry.key, log);
      if (!entry.restore.ok) {
        entry.verdict = 'failed';
        entry.problems.push(`restore-command exited with ${entry.restore.exitCode}`);
      }
    }
    rmSync(file, { force: true });
  }
}

/** The report: every backup (read or not), every series' audit, the lifecycle check and the verdict. */
async function assembleReport(ctx: {
  store: ObjectStore;
  options: VerifyOptions;
  now: Date;
  mode: VerifyMode;
  shard: Shard;
  candidates: Candidate[];
  series: Map<string, Candidate[]>;
  audits: SeriesVerdict[];
  run: VerifyRun;
}): Promise<BackupReport> {
  const { store, options, now, candidates, audits } = ctx;
  const { entries, bytes, ms } = ctx.run;
  const policy = options.retention ?? DEFAULT_POLICY;
  const byKey = new Map(entries.map((e) => [e.key, e]));
  const failures = [
    ...audits.flatMap((a) => a.headline),
    ...entries.filter((e) => e.verdict === 'failed').map((e) => `${e.key}: ${e.problems.join('; ')}`),
    ...entries
      .filter((e) => e.verdict === 'unverifiable')
      .map((e) => `${e.key}: unverifiable, ${e.problems.join('; ')}`),
    ...audits.flatMap((a) => a.failures),
  ];
  const warnings = audits.flatMap((a) => a.warnings);
  const expired = audits.reduce((n, a) => n + a.report.retention.expired.length, 0);
  const lifecycle = auditLifecycle(await store.lifecycle(), options.prefix, policy, expired);
  if (!lifecycle.ok) warnings.push(lifecycle.detail);
  const newest = [...ctx.series.values()]
    .map((m) => m[0])
    .sort((a, b) => b.date.getTime() - a.date.getTime())[0];
  const count = (v: string) => entries.filter((e) => e.verdict === v).length;
  const sum = (f: (a: SeriesVerdict) => number) => audits.reduce((n, a) => n + f(a), 0);
  return {
    passed: failures.length === 0,
    checkedAt: now.toISOString(),
    store: store.description,
    bucket: options.connection?.bucket ?? store.description,
    prefix: options.prefix,
    policy,
    maxAgeHours: round1((options.maxAgeMs ?? 26 * HOUR) / HOUR),
    verifyMode: describeMode(ctx.mode),
    shard: `${ctx.shard.index}/${ctx.shard.count}`,
    latestKey: newest?.object.key,
    latestAgeHours: newest ? round1((now.getTime() - newest.madeAt.getTime()) / HOUR) : undefined,
    counts: {
      backups: candidates.length,
      selected: entries.length,
      verified: count('ok'),
      failed: count('failed'),
      unverifiable: count('unverifiable'),
      missingDays: sum((a) => a.report.retention.missingDays.length),
      missingMonths: sum((a) => a.report.retention.missingMonths.length),
      expired,
    },
    backups: candidates.map((c) => byKey.get(c.object.key) ?? notVerified(c)),
    series: audits.map((a) => a.report),
    lifecycle,
    failures,
    warnings,
    throughput:
      bytes > 0 ? { bytes, ms, mbPerSecond: round1(bytes / 1e6 / Math.max(0.001, ms / 1000)) } : undefined,
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export { describeMode };
