import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lastSuccessfulDeployment } from '../github/deployments.js';
import { repoRoot } from '../harness/metadata.js';
import { deployTimelineFrom } from './charts-data.js';
import type { RehearsalSection, StepResult } from './types.js';

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

/**
 * promote.yml, rehearsed: find the digest staging last ran successfully (from its GitHub deployment
 * record), gate on backup freshness, then ship exactly that digest to production blue-green with the
 * one-step action — SLO gate against the old AWS endpoint as baseline, rollback on breach, record.
 */
export const promoteSection: RehearsalSection = async (ctx) => {
  const steps: StepResult[] = [];
  const env = ctx.runnerEnv;
  const flyApi = ctx.endpoints.flyApi;
  const production = ctx.endpoints['app:voice-bot'];
  if (!flyApi || !production) throw new Error('the Fly simulator section did not publish its endpoints');

  let started = Date.now();
  let digest: string | undefined;
  let source = '';
  if (env.GITHUB_TOKEN) {
    const record = await lastSuccessfulDeployment({
      token: env.GITHUB_TOKEN,
      repository: env.GITHUB_REPOSITORY,
      apiUrl: env.GITHUB_API_URL,
      environment: 'staging',
    });
    if (record) {
      digest = record.payload.image;
      source = `GitHub deployment #${record.id} (staging, ${record.sha.slice(0, 7)})`;
    }
  }
  steps.push({
    step: 'Promote: find the last successful staging digest',
    ok: digest !== undefined && digest === ctx.shared.stagingImage,
    detail: digest
      ? `${digest} from ${source}; it matches what staging runs.`
      : 'no successful staging deployment was recorded.',
    ms: Date.now() - started,
  });
  if (!digest) return steps;

  const backup = ctx.shared.backupGate as
    { inputs: Record<string, string>; env?: Record<string, string> } | undefined;
  if (backup) {
    started = Date.now();
    const gate = await ctx.runAction('backup-verify', {
      inputs: { ...backup.inputs, verify: 'latest' },
      env: backup.env,
    });
    steps.push({
      step: 'Promote: backup freshness gate (backup-verify latest)',
      ok: gate.exitCode === 0 && gate.outputs.passed === 'true',
      detail: `newest backup ${gate.outputs['latest-key'] ?? '?'} is ${gate.outputs['latest-age-hours'] ?? '?'} h old; passed=${gate.outputs.passed}.`,
      ms: Date.now() - started,
    });
    if (gate.exitCode !== 0) return steps;
  }

  // The production fly.toml from the adoption guide, with health-check timings shortened so the
  // simulated Machines settle in seconds rather than the real 10 s grace period.
  const workspace = join(ctx.workDir, 'production');
  mkdirSync(workspace, { recursive: true });
  const toml = readFileSync(join(repoRoot(), 'examples/fly.toml'), 'utf8')
    .replace(/grace_period = "[^"]+"/, 'grace_period = "1s"')
    .replace(/interval = "[^"]+"/, 'interval = "500ms"')
    .replace(/timeout = "2s"/, 'timeout = "400ms"');
  writeFileSync(join(workspace, 'fly.toml'), toml);

  started = Date.now();
  const baseline = ctx.endpoints['probe:aws-baseline'];
  // promote.yml's production step: the one-step action, blue-green, gated on the SLOs.
  const productionRelease = (image: string, extra: Record<string, string>) =>
    ctx.runAction('runway', {
      cwd: workspace,
      inputs: {
        image,
        strategy: 'bluegreen',
        environment: 'production',
        'api-url': flyApi,
        'api-token': ctx.endpoints.flyToken,
        'public-url': production,
        'proxy-settle': '1s',
        'wait-timeout': '30s',
        requests: '300',
        rate: '150',
        ...extra,
      },
    });
  const run = await productionRelease(digest, {
    ...(baseline ? { 'baseline-url': baseline } : {}),
    // Relative to the old AWS endpoint measured in the same run (a busy machine slows both alike);
    // the absolute p95 < 200ms only where there is no baseline to compare with.
    thresholds: ['error-rate < 1%', baseline ? 'p95 < baseline * 1.10' : 'p95 < 200ms'].join('\n'),
  });
  const sameDigest = run.outputs.image?.split('@')[1] === digest.split('@')[1];
  steps.push({
    step: 'Promote: the staging digest to production, blue-green, SLO-gated',
    ok: run.exitCode === 0 && run.outputs.status === 'deployed' && sameDigest,
    detail:
      `status ${run.outputs.status}, p95 ${run.outputs['p95-ms']} ms, gate passed=${run.outputs.passed}, ` +
      `${sameDigest ? 'same digest as staging' : `a different image (${run.outputs.image})`}, GitHub deployment #${run.outputs['deployment-id'] ?? '–'}.`,
    ms: Date.now() - started,
  });
  ctx.shared.productionImage = run.outputs.image;
  (ctx.charts ??= {}).deploy = await deployTimelineFrom(run, {
    url: flyApi,
    token: ctx.endpoints.flyToken,
    app: 'voice-bot',
    strategy: 'blue-green',
  }).catch(() => undefined);

  started = Date.now();
  const body = await fetch(production).then(
    (r) => r.text(),
    (e: unknown) => `unreachable: ${String(e)}`,
  );
  steps.push({
    step: 'Production serves the promoted build',
    ok: body.includes(digest.split('@')[1].slice(7, 19)) || body.includes(digest),
    detail: `GET ${production} → ${servedImage(body)}`,
    ms: Date.now() - started,
  });

  // Drill: a release whose Machines are healthy but whose responses are slow (the simulator's `laggy`
  // image) must be caught by the SLO gate and rolled back to what production ran before.
  started = Date.now();
  const laggy = await productionRelease('registry.fly.io/voice-bot:laggy-release', {
    concurrency: '50',
    ...(baseline ? { 'baseline-url': baseline } : {}),
    thresholds: ['error-rate < 1%', baseline ? 'p95 < baseline * 1.10' : 'p95 < 200ms'].join('\n'),
  });
  const after = await fetch(production).then(
    (r) => r.text(),
    (e: unknown) => `unreachable: ${String(e)}`,
  );
  const backOnPromoted = after.includes(digest.split('@')[1].slice(7, 19)) || after.includes(digest);
  steps.push({
    step: 'Drill: a healthy but slow production release breaches the SLO and is rolled back',
    ok: laggy.exitCode !== 0 && laggy.outputs.status === 'rolled-back' && backOnPromoted,
    detail:
      `status ${laggy.outputs.status}, p95 ${laggy.outputs['p95-ms']} ms, gate passed=${laggy.outputs.passed}; ` +
      `production ${backOnPromoted ? 'serves the promoted staging digest again' : `serves ${after.slice(0, 80)}`}.`,
    ms: Date.now() - started,
    drill: true,
  });
  return steps;
};
