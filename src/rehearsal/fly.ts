import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../harness/metadata.js';
import { startFlySim } from '../sim/fly/index.js';
import type { RehearsalSection, StepResult } from './types.js';

const STAGING = 'voice-bot-staging';
const PRODUCTION = 'voice-bot';
/** A stand-in production app for the placement drill, so the promotion later finds voice-bot untouched. */
const PLACEMENT = 'voice-bot-placement';

/** What the app's public URL answers with, or why it could not. */
async function served(url: string): Promise<{ status: number; body: string }> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    return { status: res.status, body: (await res.text()).slice(0, 300) };
  } catch (error) {
    return { status: 0, body: `unreachable: ${String(error)}` };
  }
}

type Ctx = Parameters<RehearsalSection>[0];
type Sim = Awaited<ReturnType<typeof startFlySim>>;
/** What every step shares: the simulator, the checkout and the staging inputs. */
interface Stage {
  ctx: Ctx;
  sim: Sim;
  workspace: string;
  base: Record<string, string>;
}

/**
 * fly-deploy on the Fly Machines simulator: a first deploy of a healthy image to staging with the plan's
 * 0–2 Machines, the migration plan's "Chennai (cyn)" region refused before any API call, production's
 * 1–3 Machines and backup regions from fly.toml plus inputs, and a drill in which a release that never
 * passes its health checks is rolled back by itself while staging keeps serving the good build.
 * Publishes the simulator and both apps for later sections, and the staging digest for promotion.
 */
export const flyDeploySection: RehearsalSection = async (ctx) => {
  const stage = await setUp(ctx);
  const steps: StepResult[] = [];
  const first = await firstStagingDeploy(stage);
  steps.push(first.step);
  if (!first.digest) return steps;
  steps.push(await retiredRegionDrill(stage));
  steps.push(await placementDrill(stage));
  steps.push(await rollbackDrill(stage, first.digest));
  return steps;
};

/**
 * The simulator (published for later sections) and a checkout holding the adoption guide's two fly.toml
 * files, health-check timings shortened so simulated Machines settle in about a second, not 10 s.
 */
async function setUp(ctx: Ctx): Promise<Stage> {
  const sim = await startFlySim({ apps: [STAGING, PRODUCTION, PLACEMENT] });
  ctx.onCleanup(() => sim.close());
  ctx.endpoints.flyApi = sim.apiUrl;
  ctx.endpoints.flyToken = sim.token;
  ctx.endpoints[`app:${STAGING}`] = sim.appUrl(STAGING);
  ctx.endpoints[`app:${PRODUCTION}`] = sim.appUrl(PRODUCTION);
  const workspace = join(ctx.workDir, 'fly-staging');
  mkdirSync(workspace, { recursive: true });
  const quick = (file: string) =>
    readFileSync(join(repoRoot(), 'examples', file), 'utf8')
      .replace(/grace_period = "[^"]+"/, 'grace_period = "1s"')
      .replace(/interval = "[^"]+"/, 'interval = "500ms"')
      .replace(/timeout = "2s"/, 'timeout = "400ms"');
  writeFileSync(join(workspace, 'fly.staging.toml'), quick('fly.staging.toml'));
  writeFileSync(join(workspace, 'fly.toml'), quick('fly.toml'));
  const base = {
    config: 'fly.staging.toml',
    environment: 'staging',
    'api-url': sim.apiUrl,
    'api-token': sim.token,
    'public-url': sim.appUrl(STAGING),
    'proxy-settle': '0s',
  };
  return { ctx, sim, workspace, base };
}

/** Staging's first deploy: 0–2 Machines from fly.staging.toml (min_machines_running 0) and `count: sin=2`. */
async function firstStagingDeploy({
  ctx,
  workspace,
  base,
}: Stage): Promise<{ step: StepResult; digest?: string }> {
  const started = Date.now();
  const good = await ctx.runAction('fly-deploy', {
    cwd: workspace,
    inputs: {
      ...base,
      image: `registry.fly.io/${STAGING}:deployment-01JREHEARSAL`,
      'wait-timeout': '30s',
      secrets: 'DATABASE_URL=postgres://voicebot:rehearsal-secret@db.internal:5432/voicebot',
      count: 'sin=2',
    },
  });
  const machines = JSON.parse(good.outputs.machines || '[]') as {
    id: string;
    region: string;
    state: string;
  }[];
  const deployed = good.exitCode === 0 && good.outputs.status === 'deployed';
  const step = {
    step: 'Fly: first deploy of a healthy image to staging (fly-deploy), 0–2 Machines from fly.toml + count',
    ok: deployed && machines.length === 2 && machines.every((m) => m.region === 'sin'),
    detail: `status ${good.outputs.status}, ${machines.length} Machine(s) in ${[...new Set(machines.map((m) => m.region))].join(', ') || '–'} (count sin=2, min_machines_running 0), release v${good.outputs['release-version']}, ${good.outputs.image}.`,
    ms: Date.now() - started,
  };
  if (!deployed) return { step };
  ctx.shared.stagingImage = good.outputs.image;
  return { step, digest: good.outputs.image.split('@')[1] ?? '' };
}

/** The plan's "Chennai (cyn)" backup region is refused before any API call, naming the live neighbours. */
async function retiredRegionDrill({ ctx, sim, workspace, base }: Stage): Promise<StepResult> {
  const started = Date.now();
  const callsBefore = sim.calls().length;
  const region = await ctx.runAction('fly-deploy', {
    cwd: workspace,
    inputs: { ...base, image: `registry.fly.io/${STAGING}:deployment-01JREHEARSAL`, regions: 'sin,cyn,syd' },
  });
  const regionError = region.annotations.find((a) => a.level === 'error')?.message ?? '';
  return {
    step: 'Drill: the migration plan\'s "Chennai (cyn)" backup region',
    ok:
      region.exitCode !== 0 &&
      /cyn/.test(regionError) &&
      /bom/.test(regionError) &&
      sim.calls().length === callsBefore,
    detail: `refused before any API call: ${regionError.replace(/ Fix: .*$/, '').slice(0, 200)}`,
    ms: Date.now() - started,
    drill: true,
  };
}

/** A release that never passes its checks is rolled back; staging keeps serving the good digest. */
async function rollbackDrill({ ctx, sim, workspace, base }: Stage, digest: string): Promise<StepResult> {
  const started = Date.now();
  const bad = await ctx.runAction('fly-deploy', {
    cwd: workspace,
    inputs: { ...base, image: `registry.fly.io/${STAGING}:never-healthy`, 'wait-timeout': '4s' },
  });
  const after = await served(sim.appUrl(STAGING));
  const stillGood = after.status === 200 && digest !== '' && after.body.includes(digest);
  const badMessage = bad.annotations.find((a) => a.level === 'error')?.message ?? '';
  const why = badMessage
    .replace(/^the new release was rolled back: /, '')
    .replace(/ Fix: .*$/, '')
    .slice(0, 160);
  return {
    step: 'Drill: a release that never gets healthy is rolled back automatically',
    ok: bad.exitCode !== 0 && bad.outputs.status === 'rolled-back' && stillGood,
    detail: `status ${bad.outputs.status}: ${why}; staging still answers ${after.status} from ${stillGood ? 'the good digest' : after.body.slice(0, 80)}.`,
    ms: Date.now() - started,
    drill: true,
  };
}

/**
 * The production plan from fly.toml plus inputs alone: examples/fly.toml (min_machines_running = 1) on a
 * stand-in app; a first deploy with `count: sin=2` makes two Machines in sin, then sin runs out of
 * capacity and `count: sin=3` with the plan's backup regions as `fallback-regions: bom,syd` puts the
 * third in bom. The summary's timeline says where everything landed.
 */
async function placementDrill({ ctx, sim, workspace }: Stage): Promise<StepResult> {
  const started = Date.now();
  // The same deploy twice, only the release and the placement inputs differ.
  const deployPlacement = (release: string, placement: Record<string, string>) =>
    ctx.runAction('fly-deploy', {
      cwd: workspace,
      inputs: {
        config: 'fly.toml',
        app: PLACEMENT,
        image: `registry.fly.io/${PLACEMENT}:deployment-${release}`,
        strategy: 'rolling',
        'wait-timeout': '30s',
        'api-url': sim.apiUrl,
        'api-token': sim.token,
        'public-url': sim.appUrl(PLACEMENT),
        'proxy-settle': '0s',
        ...placement,
      },
    });
  const run = await deployPlacement('01JREHEARSAL', { count: 'sin=2' });
  const creates = sim.machines(PLACEMENT).length;
  // From here Fly has no room left in sin: every create there answers insufficient_capacity.
  sim.faults.inject({
    method: 'POST',
    path: new RegExp(`/apps/${PLACEMENT}/machines$`),
    region: 'sin',
    capacity: true,
  });
  const scaled = await deployPlacement('02JREHEARSAL', { count: 'sin=3', 'fallback-regions': 'bom,syd' });
  sim.faults.clear();
  const machines = sim.machines(PLACEMENT);
  const where = machines
    .map((m) => m.region)
    .sort()
    .join(', ');
  const landed = /Machines now: [^\n|]*/.exec(scaled.summary)?.[0] ?? '';
  return {
    step: 'Fly: production 1–3 Machines from fly.toml + count sin=3; sin out of capacity, so fallback-regions bom,syd',
    ok:
      run.outputs.status === 'deployed' &&
      scaled.outputs.status === 'deployed' &&
      creates === 2 &&
      where === 'bom, sin, sin' &&
      /placed in bom: no capacity in sin/.test(scaled.summary) &&
      /Machines now: app: (sin×2, bom×1|bom×1, sin×2)/.test(scaled.summary),
    detail: `first deploy: ${creates} Machine(s) in sin (count sin=2); then count sin=3 with no capacity left in sin: Machines in ${where}; summary: "${landed.trim()}"; min_machines_running 1 from fly.toml.`,
    ms: Date.now() - started,
  };
}
