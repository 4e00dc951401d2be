import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { formatDuration } from '../core/duration.js';
import { repoRoot } from '../harness/metadata.js';
import { startPostgres } from '../sim/postgres/server.js';
import { seedVoicebot } from '../sim/postgres/voicebot.js';
import { adminClient, putObject, rcloneCopy, sidecarText } from '../sim/s3/seed.js';
import { timed } from './step.js';
import type { RehearsalContext, RehearsalSection, StepResult } from './types.js';

const run = promisify(execFile);
const HOUR = 3_600_000;

interface DnsShared {
  inputs: Record<string, string>;
  env: Record<string, string>;
}

interface BackupShared {
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * The migration plan's rollback, after the cutover, as rollback.yml runs it: DNS back to the records
 * the cutover replaced (saved on a runway:dns deployment record in the GitHub stand-in and read back
 * from it), the previous image back blue-green, the latest verified backup restored into a real
 * PostgreSQL and proved table by table, stakeholders told in an issue; each step timed and the whole
 * against the plan's "< 1 hour".
 */
export const rollbackSection: RehearsalSection = async (ctx: RehearsalContext): Promise<StepResult[]> => {
  const started = Date.now();
  const steps: StepResult[] = [];
  steps.push(await timed('Rollback: DNS back to the records saved at the cutover', () => revertDns(ctx)));
  steps.push(await timed('Rollback: the previous image back, blue-green', () => previousImage(ctx)));
  steps.push(await timed('Rollback: restore the latest verified backup into PostgreSQL', () => restore(ctx)));
  const total = Date.now() - started;
  steps.push(await timed('Rollback: tell stakeholders (issue)', () => notify(ctx, steps, total)));
  const whole = Date.now() - started;
  steps.push({
    step: 'Rollback: the whole plan against "< 1 hour"',
    ok: steps.every((s) => s.ok) && whole < HOUR,
    detail: `${formatDuration(whole)} for DNS, image, restore and notice (${steps.filter((s) => s.ok).length} of ${steps.length} steps ok)`,
    ms: whole,
  });
  return steps;
};

/** What promote.yml's cutover job and rollback.yml's dns job do, through the GitHub stand-in. */
async function revertDns(ctx: RehearsalContext) {
  const dns = ctx.shared.dnsBase as DnsShared | undefined;
  const previous = ctx.shared.dnsPrevious as string | undefined;
  if (!dns || !previous) return { ok: false, detail: 'the DNS section did not publish its cutover' };
  const gh = (path: string, body?: unknown) =>
    fetch(`${ctx.endpoints.githubApi}/repos/${ctx.runnerEnv.GITHUB_REPOSITORY}/${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { authorization: `Bearer ${ctx.endpoints.githubToken}`, 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    }).then((r) => r.json() as Promise<Record<string, unknown>>);
  const record = await gh('deployments', {
    ref: 'main',
    environment: 'production',
    task: 'runway:dns',
    auto_merge: false,
    required_contexts: [],
    payload: { type: 'runway-dns', ...dns.inputs, previous: JSON.parse(previous) as unknown },
  });
  await gh(`deployments/${String(record.id)}/statuses`, { state: 'success', auto_inactive: false });
  const found = (await gh('deployments?environment=production&task=runway:dns')) as unknown as {
    payload: { previous: unknown };
  }[];
  const back = await ctx.runAction('dns-cutover', {
    inputs: { ...dns.inputs, mode: 'rollback', previous: JSON.stringify(found[0]?.payload.previous) },
    env: dns.env,
  });
  return {
    ok: back.exitCode === 0 && back.outputs.status === 'restored',
    detail: `records read back from deployment #${String(record.id)} (task runway:dns); status ${back.outputs.status ?? `exit ${back.exitCode}`}`,
  };
}

async function previousImage(ctx: RehearsalContext) {
  const image = 'registry.fly.io/voice-bot:deployment-01JPREVIOUS';
  const back = await ctx.runAction('fly-deploy', {
    cwd: join(ctx.workDir, 'production'),
    inputs: {
      image,
      strategy: 'bluegreen',
      environment: 'production',
      'api-url': ctx.endpoints.flyApi,
      'api-token': ctx.endpoints.flyToken,
      'public-url': ctx.endpoints['app:voice-bot'],
      'proxy-settle': '0s',
      'wait-timeout': '30s',
    },
  });
  return {
    ok: back.exitCode === 0 && back.outputs.status === 'deployed',
    detail: `status ${back.outputs.status ?? `exit ${back.exitCode}`}, ${back.outputs.image ?? image}, no Machine stopped before its replacement was healthy`,
  };
}

/** The nightly job's dump of a voice-bot database, then backup-verify restore-to an empty database. */
async function restore(ctx: RehearsalContext) {
  const backup = ctx.shared.backup as BackupShared | undefined;
  if (!backup) return { ok: false, detail: 'the backup section did not publish its store' };
  const pg = await startPostgres();
  ctx.onCleanup(() => pg.stop());
  const source = await seedVoicebot(pg, 'voicebot', 20);
  const day = new Date().toISOString().slice(0, 10);
  const file = join(ctx.workDir, `voicebot-${day}.dump`);
  await run('pg_dump', ['-Fc', '-d', source, '-f', file]);
  const manifest = join(repoRoot(), 'actions/backup-verify/table-manifest.sql');
  const key = `pg/${day}/voicebot-${day}.dump`;
  const server = { ...backup };
  await rcloneCopy(server, file, backup.bucket, key);
  const client = await adminClient(server);
  await putObject(
    client,
    backup.bucket,
    `${key}.tables`,
    (await run('psql', [source, '-XAtq', '-f', manifest])).stdout,
  );
  await putObject(
    client,
    backup.bucket,
    `${key}.sha256`,
    sidecarText(readFileSync(file), `voicebot-${day}.dump`),
  );
  client.destroy();
  const target = await pg.createDatabase('restored');
  const result = await ctx.runAction('backup-verify', {
    inputs: {
      endpoint: backup.endpoint,
      region: backup.region,
      bucket: backup.bucket,
      prefix: 'pg/',
      'access-key-id': backup.accessKeyId,
      'secret-access-key': backup.secretAccessKey,
      'force-path-style': 'true',
      retention: 'last=1',
      'restore-to': target,
    },
  });
  return {
    ok: result.exitCode === 0 && result.outputs['tables-differing'] === '0',
    detail: `${result.outputs['restored-key'] ?? key} restored: ${result.outputs.tables ?? '?'} tables, ${result.outputs.rows ?? '?'} rows, ${result.outputs['tables-differing'] ?? '?'} differing from the manifest`,
  };
}

async function notify(ctx: RehearsalContext, steps: StepResult[], totalMs: number) {
  const table = steps
    .map((s) => `| ${s.step} | ${s.ok ? 'ok' : 'FAILED'} | ${formatDuration(s.ms)} |`)
    .join('\n');
  const body = `| Step | Result | Time |\n| --- | --- | ---: |\n${table}\n| **Total** (plan: < 1 hour) | ${totalMs < HOUR ? 'within the hour' : 'over the hour'} | ${formatDuration(totalMs)} |`;
  const res = await fetch(`${ctx.endpoints.githubApi}/repos/${ctx.runnerEnv.GITHUB_REPOSITORY}/issues`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ctx.endpoints.githubToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Rollback of production: rehearsal', body }),
  });
  const issue = (await res.json()) as { number?: number };
  return { ok: res.status === 201, detail: `issue #${issue.number ?? '?'} opened with the timings table` };
}
