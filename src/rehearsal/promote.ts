import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lastSuccessfulDeployment } from '../github/deployments.js';
import { repoRoot } from '../harness/metadata.js';
import { deployTimelineFrom } from './charts-data.js';
import { againstBaseline, outcomeOf, readGateReport, verdictList } from './gate-report.js';
import { startOldAwsBehindLoadBalancer } from './old-aws.js';
import { timed, type StepOutcome } from './step.js';
import type { RehearsalContext, RehearsalRun, RehearsalSection, StepResult } from './types.js';

/** The laggy image's added time per request (src/sim/fly/machine-process.mjs). */
const LAGGY_MS = 250;
/**
 * The SLOs promote.yml gates on, relative to the old AWS endpoint measured in the same run (a busy
 * machine slows both alike); 1% of errors is a budget, not a comparison.
 */
const P95_GATE = 'p95 < baseline * 1.10';
const ERROR_BUDGET = 'error-rate < 1%';
const THRESHOLDS = [ERROR_BUDGET, P95_GATE].join('\n');
/**
 * A rate this busy 2-core machine sustains with the whole pipeline running, so the probe measures the
 * releases rather than its own queue. 600 requests: with 300 a few tail spikes of a loaded machine on
 * either side left the p95 ratio's interval straddling 1.10 (1 run in 4 under a CPU hog); and with
 * fewer than 300 even 0 errors cannot show an error rate below 1% at 95% confidence (at 600, 1 error can).
 */
const GATE_LOAD = { requests: 600, rate: 30 };

/** What every step shares: the Fly simulator, production's public URL, the checkout and the AWS baseline. */
interface Stage {
  ctx: RehearsalContext;
  flyApi: string;
  production: string;
  workspace: string;
  baseline: string;
}

/**
 * promote.yml, rehearsed: find the digest staging last ran successfully (from its GitHub deployment
 * record), gate on backup freshness, then ship exactly that digest to production blue-green with the
 * one-step action — SLO gate against the old AWS endpoint as baseline, rollback on breach, record.
 */
export const promoteSection: RehearsalSection = async (ctx) => {
  const flyApi = ctx.endpoints.flyApi;
  const production = ctx.endpoints['app:voice-bot'];
  if (!flyApi || !production) throw new Error('the Fly simulator section did not publish its endpoints');
  let digest: string | undefined;
  const steps = [
    await timed('Promote: find the last successful staging digest', async () => {
      const found = await findStagingDigest(ctx);
      digest = found.digest;
      return found;
    }),
  ];
  if (!digest) return steps;
  const freshness = await backupFreshnessGate(ctx);
  if (freshness) steps.push(freshness);
  if (freshness && !freshness.ok) return steps;
  const stage: Stage = {
    ctx,
    flyApi,
    production,
    workspace: productionCheckout(ctx),
    baseline: await startOldAwsBehindLoadBalancer(ctx),
  };
  const promoted = digest;
  steps.push(
    await timed('Promote: the staging digest to production, blue-green, SLO-gated', () =>
      promote(stage, promoted),
    ),
    await timed('Production serves the promoted build', () => servesPromoted(stage, promoted)),
    await timed(
      'Drill: a healthy but slow production release breaches the SLO and is rolled back',
      () => laggyReleaseDrill(stage, promoted),
      { drill: true },
    ),
  );
  return steps;
};

/** The image staging's last successful GitHub deployment recorded; it must be what staging runs. */
async function findStagingDigest(ctx: RehearsalContext): Promise<StepOutcome & { digest?: string }> {
  const env = ctx.runnerEnv;
  const record = env.GITHUB_TOKEN
    ? await lastSuccessfulDeployment({
        token: env.GITHUB_TOKEN,
        repository: env.GITHUB_REPOSITORY,
        apiUrl: env.GITHUB_API_URL,
        environment: 'staging',
      })
    : undefined;
  const digest = record?.payload.image;
  return {
    digest,
    ok: digest !== undefined && digest === ctx.shared.stagingImage,
    detail: record
      ? `${digest} from GitHub deployment #${record.id} (staging, ${record.sha.slice(0, 7)}); it matches what staging runs.`
      : 'no successful staging deployment was recorded.',
  };
}

/** backup-verify `latest` on the store the backup section seeded; skipped when it did not run. */
async function backupFreshnessGate(ctx: RehearsalContext): Promise<StepResult | undefined> {
  const backup = ctx.shared.backupGate as
    { inputs: Record<string, string>; env?: Record<string, string> } | undefined;
  if (!backup) return undefined;
  return timed('Promote: backup freshness gate (backup-verify latest)', async () => {
    const gate = await ctx.runAction('backup-verify', {
      inputs: { ...backup.inputs, verify: 'latest' },
      env: backup.env,
    });
    return {
      ok: gate.exitCode === 0 && gate.outputs.passed === 'true',
      detail: `newest backup ${gate.outputs['latest-key'] ?? '?'} is ${gate.outputs['latest-age-hours'] ?? '?'} h old; passed=${gate.outputs.passed}.`,
    };
  });
}

/**
 * The production fly.toml from the adoption guide, with health-check timings shortened so the
 * simulated Machines settle in seconds rather than the real 10 s grace period.
 */
function productionCheckout(ctx: RehearsalContext): string {
  const workspace = join(ctx.workDir, 'production');
  mkdirSync(workspace, { recursive: true });
  const toml = readFileSync(join(repoRoot(), 'examples/fly.toml'), 'utf8')
    .replace(/grace_period = "[^"]+"/, 'grace_period = "1s"')
    .replace(/interval = "[^"]+"/, 'interval = "500ms"')
    .replace(/timeout = "2s"/, 'timeout = "400ms"');
  writeFileSync(join(workspace, 'fly.toml'), toml);
  return workspace;
}

/**
 * promote.yml's production step: the one-step action, blue-green, gated on the SLOs against the old
 * AWS endpoint, probed interleaved with production through the same kind of proxy hop.
 */
function releaseToProduction(stage: Stage, image: string, load: { requests: number; rate: number }) {
  return stage.ctx.runAction('runway', {
    cwd: stage.workspace,
    inputs: {
      image,
      strategy: 'bluegreen',
      environment: 'production',
      'api-url': stage.flyApi,
      'api-token': stage.ctx.endpoints.flyToken,
      'public-url': stage.production,
      'proxy-settle': '1s',
      'wait-timeout': '30s',
      requests: String(load.requests),
      rate: String(load.rate),
      concurrency: '50',
      // The stand-ins answer in ms, but on a busy shared machine one answer can wait seconds for the
      // scheduler on both paths alike: that is not an error of the release, so it must not spend the
      // error budget (a reset or a 5xx still does).
      'probe-timeout': '30s',
      'baseline-url': stage.baseline,
      thresholds: THRESHOLDS,
    },
  });
}

/** Whether production's public URL answers from Machines running `digest`, and what it said. */
async function productionServes(stage: Stage, digest: string): Promise<{ yes: boolean; shown: string }> {
  const body = await fetch(stage.production, { signal: AbortSignal.timeout(5000) }).then(
    (r) => r.text(),
    (e: unknown) => `unreachable: ${String(e)}`,
  );
  const yes = body.includes(digest.split('@')[1].slice(7, 19)) || body.includes(digest);
  return { yes, shown: servedImage(body) };
}

/** The image a simulated Machine says it runs (whole: a digest cut mid-way reads like another one). */
function servedImage(body: string): string {
  try {
    const { image, machine_id: id } = JSON.parse(body) as { image?: string; machine_id?: string };
    if (image) return `Machine ${id ?? '?'} serves ${image}`;
  } catch {
    // not the simulator's JSON: show the start of what came back
  }
  return body.slice(0, 120).replace(/\s+/g, ' ');
}

async function promote(stage: Stage, digest: string): Promise<StepOutcome> {
  const { ctx } = stage;
  const run = await releaseToProduction(stage, digest, GATE_LOAD);
  const report = readGateReport(run.outputs);
  const sameDigest = run.outputs.image?.split('@')[1] === digest.split('@')[1];
  ctx.shared.productionImage = run.outputs.image;
  await drawDeployTimeline(stage, run);
  return {
    ok: run.exitCode === 0 && run.outputs.status === 'deployed' && sameDigest,
    detail:
      `status ${run.outputs.status}, ${againstBaseline(report, 'AWS', P95_GATE)}, gate passed=${run.outputs.passed}, ` +
      `${sameDigest ? 'same digest as staging' : `a different image (${run.outputs.image})`}, GitHub deployment #${run.outputs['deployment-id'] ?? '–'}.`,
  };
}

async function drawDeployTimeline(stage: Stage, run: RehearsalRun): Promise<void> {
  (stage.ctx.charts ??= {}).deploy = await deployTimelineFrom(run, {
    url: stage.flyApi,
    token: stage.ctx.endpoints.flyToken,
    app: 'voice-bot',
    strategy: 'blue-green',
  }).catch(() => undefined);
}

async function servesPromoted(stage: Stage, digest: string): Promise<StepOutcome> {
  const served = await productionServes(stage, digest);
  return { ok: served.yes, detail: `GET ${stage.production} → ${served.shown}` };
}

/**
 * Drill: a release whose Machines are healthy but whose every answer takes 250 ms more (the simulator's
 * `laggy` image) must be caught by the p95 SLO and rolled back to what production ran before. It must
 * fail for that reason: the error budget passed (at 600 requests, 0 or 1 error shows < 1%), the p95 verdict
 * did not (a breach, or on a very busy machine an inconclusive one: either fails the gate by design),
 * and the lag is what the probe measured — production's median clearly above AWS's, as 250 ms over
 * Fly's few ms is — not a queue of its own (at 30 requests/s its answers never wait for each other).
 */
async function laggyReleaseDrill(stage: Stage, digest: string): Promise<StepOutcome> {
  const laggy = await releaseToProduction(stage, 'registry.fly.io/voice-bot:laggy-release', GATE_LOAD);
  const report = readGateReport(laggy.outputs);
  const back = await productionServes(stage, digest);
  const t = report?.targets[0];
  const aws50 = report?.baseline?.latency.p50;
  const over = t && aws50 !== undefined ? t.latency.p50 - aws50 : undefined;
  const measuredLag =
    t !== undefined && t.errors === 0 && over !== undefined && over >= 100 && over <= LAGGY_MS + 150;
  const p95 = outcomeOf(report, P95_GATE);
  return {
    ok:
      laggy.exitCode !== 0 &&
      laggy.outputs.status === 'rolled-back' &&
      outcomeOf(report, ERROR_BUDGET) === 'pass' &&
      (p95 === 'breach' || p95 === 'inconclusive') &&
      measuredLag &&
      back.yes,
    detail:
      `status ${laggy.outputs.status}, p50 ${t?.latency.p50 ?? '?'} ms (${over?.toFixed(0) ?? '?'} ms over AWS's ${aws50 ?? '?'} ms), ` +
      `${againstBaseline(report, 'AWS', P95_GATE)}, ${t?.errors ?? '?'}/${t?.requests ?? '?'} errors; ${verdictList(report)}; ` +
      `production ${back.yes ? 'serves the promoted staging digest again' : `serves ${back.shown}`}.`,
  };
}
