import {
  copyFileSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  writeFileSync,
  writeSync,
  closeSync,
} from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../harness/metadata.js';
import { s3rverObjectFile, startS3rver } from '../sim/s3/local-s3.js';
import type { BackupReport } from '../backup/report.js';
import { adminClient, createBucket, rcloneCopy, sidecarText } from '../sim/s3/seed.js';
import { backupCalendarFrom } from './charts-data.js';
import { timed, type StepOutcome } from './step.js';
import type { RehearsalContext, RehearsalSection, StepResult } from './types.js';

const BUCKET = 'voice-bot-backups';
const PREFIX = 'db/';
const DAYS = 40;
const DAY = 86_400_000;

type Store = Awaited<ReturnType<typeof startS3rver>>;
/** backup-verify's inputs for the seeded store. */
type StoreInputs = Record<string, string>;

/**
 * Backups as the migration plan keeps them: a local S3 server seeded with 40 nightly pg_dump custom
 * dumps (each with a sha256 sidecar) uploaded by rclone, verified in full through the bundle; then a
 * drill in which one stored backup rots on disk and must be caught. Publishes the store for the
 * promotion gate (ctx.endpoints.s3, ctx.shared.backup, ctx.shared.backupGate).
 */
export const backupSection: RehearsalSection = async (ctx: RehearsalContext): Promise<StepResult[]> => {
  const started = Date.now();
  const store = await startStore(ctx);
  const seed = await seedNightlyDumps(ctx, store);
  const { ok, detail } = seed;
  const seeded: StepResult = {
    step: 'Backups: seed 40 nightly dumps with rclone',
    ok,
    detail,
    ms: Date.now() - started,
  };
  const inputs = publishStore(ctx, store, seed.keys);
  return [
    seeded,
    await timed('Backups: verify all 40 (checksums, pg_restore, calendar)', () => verifyAll(ctx, inputs)),
    await timed(
      'Backups drill: a corrupted backup in the store',
      () => rotDrill(ctx, store, seed.keys, inputs),
      { drill: true },
    ),
  ];
};

async function startStore(ctx: RehearsalContext): Promise<Store> {
  const server = await startS3rver();
  ctx.onCleanup(() => server.stop());
  ctx.endpoints.s3 = server.endpoint;
  return server;
}

/** The nightly job's output: voice-bot-YYYY-MM-DD.dump plus `sha256sum` sidecars, copied with rclone. */
async function seedNightlyDumps(
  ctx: RehearsalContext,
  server: Store,
): Promise<StepOutcome & { keys: string[] }> {
  const local = join(ctx.workDir, 'backups');
  mkdirSync(local, { recursive: true });
  const dump = readFileSync(join(repoRoot(), 'test/fixtures/backup/app.dump'));
  const keys: string[] = [];
  for (let n = 0; n < DAYS; n++) {
    const name = `voice-bot-${new Date(Date.now() - n * DAY).toISOString().slice(0, 10)}.dump`;
    writeFileSync(join(local, name), dump);
    writeFileSync(join(local, `${name}.sha256`), sidecarText(dump, name));
    keys.push(`${PREFIX}${name}`);
  }
  const client = await adminClient(server);
  await createBucket(client, BUCKET);
  client.destroy();
  await rcloneCopy(server, local, BUCKET, PREFIX, { directory: true });
  return {
    ok: true,
    keys,
    detail: `${DAYS} pg_dump custom dumps (${(dump.length / 1024).toFixed(0)} KiB each) + sha256 sidecars in s3://${BUCKET}/${PREFIX} on s3rver ${server.endpoint}`,
  };
}

/** The store as later sections use it: the promotion's freshness gate and the rollback's restore. */
function publishStore(ctx: RehearsalContext, server: Store, keys: string[]): StoreInputs {
  const inputs = {
    endpoint: server.endpoint,
    region: server.region,
    bucket: BUCKET,
    prefix: PREFIX,
    'access-key-id': server.accessKeyId,
    'secret-access-key': server.secretAccessKey,
    'force-path-style': 'true',
    retention: 'daily=30,monthly=12',
  };
  ctx.shared.backup = {
    endpoint: server.endpoint,
    region: server.region,
    bucket: BUCKET,
    prefix: PREFIX,
    accessKeyId: server.accessKeyId,
    secretAccessKey: server.secretAccessKey,
    forcePathStyle: true,
    keys,
    latestKey: keys[0],
  };
  ctx.shared.backupGate = { inputs };
  return inputs;
}

function readBackupReport(outputs: Record<string, string>): BackupReport | undefined {
  try {
    return JSON.parse(readFileSync(outputs.report, 'utf8')) as BackupReport;
  } catch {
    return undefined;
  }
}

async function verifyAll(ctx: RehearsalContext, inputs: StoreInputs): Promise<StepOutcome> {
  const all = await ctx.runAction('backup-verify', { inputs: { ...inputs, verify: 'all' } });
  const full = readBackupReport(all.outputs);
  return {
    ok: all.exitCode === 0 && all.outputs.passed === 'true' && all.outputs.verified === String(DAYS),
    detail: `${all.outputs.verified ?? '?'} ok by sha256 sidecar + ETag, ${all.outputs.failed ?? '?'} failed, ${all.outputs['missing-days'] ?? '?'} missing days; newest ${all.outputs['latest-key'] ?? '?'} ${all.outputs['latest-age-hours'] ?? '?'} h old; ${full?.counts.expired ?? '?'} older than the policy still stored (warned)`,
  };
}

/** Bytes change on the server's disk; its ETag and sidecar do not. Returns how to undo it. */
function rot(file: string): () => void {
  const original = `${file}.orig`;
  copyFileSync(file, original);
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.from('bit rot'), 0, 7, Math.floor(statSync(file).size / 3));
  closeSync(fd);
  return () => copyFileSync(original, file);
}

/** Drill: one stored backup rots, and the full verification must name exactly that one. */
async function rotDrill(
  ctx: RehearsalContext,
  server: Store,
  keys: string[],
  inputs: StoreInputs,
): Promise<StepOutcome> {
  const victim = keys[12];
  const undo = rot(s3rverObjectFile(server.directory!, BUCKET, victim));
  const drill = await ctx.runAction('backup-verify', { inputs: { ...inputs, verify: 'all' } });
  undo();
  const drillReport = readBackupReport(drill.outputs);
  (ctx.charts ??= {}).backups = backupCalendarFrom(drillReport);
  const caught = drillReport?.backups.filter((b) => b.verdict === 'failed') ?? [];
  const evidence = (caught[0]?.evidence ?? [])
    .filter((e) => !e.ok)
    .map((e) => (e.source === 'sidecar' ? 'sha256 sidecar' : e.source === 'etag-md5' ? 'ETag' : e.source));
  return {
    ok:
      drill.exitCode === 1 &&
      drill.outputs.passed === 'false' &&
      caught.length === 1 &&
      caught[0].key === victim,
    detail: caught.length
      ? `caught ${caught.map((b) => b.key).join(', ')}: its ${evidence.join(' and ')} no longer match the bytes; the other ${drill.outputs.verified ?? '?'} verified`
      : `not caught (exit ${drill.exitCode}, failed=${drill.outputs.failed ?? '?'})`,
  };
}
