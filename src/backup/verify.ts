import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pLimit from 'p-limit';
import { formatDuration } from '../core/duration.js';
import { formatBytes } from '../core/progress.js';
import { redactUrl } from '../core/secrets.js';
import { type Candidate, describeMode, groupBySeries, selectForVerify, toCandidates } from './candidates.js';
import { EvidenceIndex, isEvidenceFile } from './evidence.js';
import type { DateSource, RetentionPolicy, Shard, VerifyMode } from './policy.js';
import type { BackupEntry, BackupReport, RestoreReport } from './report.js';
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
  /**
   * The whole run's limit: past it the run stops with a failure naming what was not verified and the
   * server it was waiting for; requests in flight and child processes (restore, restore-command) are ended.
   */
  timeoutMs?: number;
  /** Ends the run: every S3 request in flight is aborted and every child process killed. */
  signal?: AbortSignal;
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

/** Where a run is, so a timeout can say what it was doing, whom it was waiting for and what was not verified. */
class Progress {
  phase = 'listing the bucket';
  /** Whom the phase waits for: "the store at <endpoint> to answer", the restore database, the user's command. */
  waitingFor = 'the store to answer';
  readonly pending = new Set<string>();
}

/**
 * The run raced against `timeout`: past it, a failure naming the phase, the server it was waiting for and
 * every backup not verified, and the run's signal aborts what is still in flight (S3 requests, downloads,
 * pg_restore, restore-command), so the action ends at its deadline rather than at each request's own
 * bound. Nothing is written to the bucket either way (backup-verify only reads), and no report file is left.
 */
async function withinTimeout(options: VerifyOptions, timeoutMs: number): Promise<BackupReport> {
  const progress = new Progress();
  progress.waitingFor = storeToAnswer(options);
  const controller = new AbortController();
  const stop = () => controller.abort(timeoutError(progress, timeoutMs));
  const timer = setTimeout(stop, timeoutMs);
  timer.unref();
  const expired = new Promise<never>((_, reject) =>
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason as Error), {
      once: true,
    }),
  );
  const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
  const run = verifyRun({ ...options, signal }, progress);
  // The run ends soon after the abort; its own error says less than the timeout's.
  run.catch(() => {});
  try {
    return await Promise.race([run, expired]);
  } finally {
    clearTimeout(timer);
  }
}

const storeToAnswer = (options: VerifyOptions) =>
  options.connection?.endpoint
    ? `the store at ${redactUrl(options.connection.endpoint)} to answer`
    : 'the store to answer';

function timeoutError(progress: Progress, timeoutMs: number): StoreError {
  const left = [...progress.pending];
  return new StoreError(
    `backup-verify's timeout (${formatDuration(timeoutMs)}) passed while ${progress.phase}, waiting for ${progress.waitingFor}; ` +
      (left.length
        ? `not verified: ${left.slice(0, 10).join(', ')}${left.length > 10 ? ` and ${left.length - 10} more` : ''}`
        : 'no backup was verified') +
      '. The requests in flight were stopped; nothing was written to the bucket.',
    'Timeout',
    { input: 'timeout', fix: 'raise timeout, or check that what it was waiting for answers.' },
  );
}

async function verifyRun(options: VerifyOptions, progress: Progress): Promise<BackupReport> {
  const log = options.log ?? (() => {});
  const now = options.now ?? new Date();
  const store = options.store ?? (await createS3Store({ ...options.connection!, signal: options.signal }));
  const plan = await planRun(store, options, now, log, progress);
  const workDir = options.workDir ?? join(process.env.RUNNER_TEMP ?? tmpdir(), 'backup-verify');
  const saveTo = (key: string) =>
    plan.restoreTargets.has(key) ? join(workDir, key.replace(/[^A-Za-z0-9._-]+/g, '_')) : undefined;
  let run: VerifyRun;
  let restored: RestoreReport | undefined;
  try {
    run = await verifySelected(
      store,
      plan.toVerify,
      plan.evidence.index,
      saveTo,
      options,
      log,
      progress.pending,
    );
    restored = await restoreNewest(store, plan.restoreKey, run, saveTo, options, log, progress);
    if (options.restoreCommand) {
      progress.phase = 'running restore-command';
      progress.waitingFor = 'restore-command to finish';
      await runRestoreCommands(run.entries, options.restoreCommand, saveTo, log, options.signal);
    }
  } finally {
    // Also when the deadline ended the run: downloaded copies of backups are not left on the runner.
    for (const file of plan.restoreTargets) rmSync(saveTo(file)!, { force: true });
  }
  progress.phase = 'auditing retention';
  progress.waitingFor = storeToAnswer(options);
  const report = await auditAndReport(store, options, now, plan, run);
  if (restored) {
    report.restore = restored;
    if (!restored.ok)
      report.failures.push(`restore of ${restored.key} into ${restored.database}: ${restored.problem}`);
    report.passed = report.failures.length === 0;
  }
  options.signal?.throwIfAborted();
  if (options.reportPath) {
    mkdirSync(dirname(options.reportPath), { recursive: true });
    writeFileSync(options.reportPath, JSON.stringify(report, null, 2));
  }
  return report;
}

interface RunPlan {
  mode: VerifyMode;
  shard: Shard;
  candidates: Candidate[];
  series: Map<string, Candidate[]>;
  toVerify: Candidate[];
  restoreKey?: string;
  /** Backups downloaded to disk: the restore's, and each series' newest for restore-command. */
  restoreTargets: Set<string>;
  evidence: Awaited<ReturnType<typeof readEvidence>>;
}

/** Lists the prefix, chooses what to verify (and restore), and reads the checksums that cover it. */
async function planRun(
  store: ObjectStore,
  options: VerifyOptions,
  now: Date,
  log: (line: string) => void,
  progress: Progress,
): Promise<RunPlan> {
  const mode = options.verify ?? { kind: 'latest' };
  const shard = options.shard ?? { index: 1, count: 1 };
  const listing = await listBackups(store, options.prefix, log);
  const candidates = toCandidates(listing.backups, options.dateFrom ?? 'key');
  const series = groupBySeries(candidates);
  const selected = selectForVerify(candidates, series, mode, shard, now, options.random ?? Math.random);
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
  return { mode, shard, candidates, series, toVerify, restoreKey, restoreTargets, evidence };
}

/** With `restore-to`: the chosen backup restored into the database and compared table by table. */
async function restoreNewest(
  store: ObjectStore,
  restoreKey: string | undefined,
  run: VerifyRun,
  saveTo: (key: string) => string | undefined,
  options: VerifyOptions,
  log: (line: string) => void,
  progress: Progress,
): Promise<RestoreReport | undefined> {
  if (!restoreKey) return undefined;
  progress.phase = `restoring ${restoreKey}`;
  progress.waitingFor = `the database ${redactUrl(options.restoreTo!)} to finish the restore`;
  return restoreAndCompare(
    store,
    run.entries.find((e) => e.key === restoreKey)!,
    saveTo(restoreKey)!,
    { restoreTo: options.restoreTo!, compareWith: options.compareWith, signal: options.signal },
    log,
  );
}

/** Each series' retention audit, then the report with the lifecycle check and the verdict. */
async function auditAndReport(
  store: ObjectStore,
  options: VerifyOptions,
  now: Date,
  plan: RunPlan,
  run: VerifyRun,
): Promise<BackupReport> {
  const audits: SeriesVerdict[] = [];
  let versions: ReturnType<ObjectStore['versions']> | undefined;
  const rules = seriesRules(options, now);
  for (const [name, members] of plan.series)
    audits.push(await auditSeries(name, members, rules, () => (versions ??= store.versions(options.prefix))));
  const { mode, shard, candidates, series } = plan;
  const report = await assembleReport({ store, options, now, mode, shard, candidates, series, audits, run });
  report.warnings.unshift(...plan.evidence.warnings);
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
  const read = {
    log,
    pgRestore: options.pgRestore,
    progressIntervalMs: options.progressIntervalMs ?? 5000,
    signal: options.signal,
  };
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
  signal?: AbortSignal,
) {
  for (const entry of entries) {
    const file = saveTo(entry.key);
    if (!file) continue;
    if (entry.verdict !== 'failed') {
      log(`Running restore-command on ${entry.key}…`);
      entry.restore = await runRestoreCommand(command, file, entry.key, log, signal);
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
