import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runBundle, type BundleRun } from '../../src/harness/run-bundle.js';
import { startGitHubSim } from '../../src/sim/github/index.js';
import { image, startFlySim, visibleLog, workspace, type FlySim } from '../fly/support.js';

type GitHubSim = Awaited<ReturnType<typeof startGitHubSim>>;

let fly: FlySim;
let github: GitHubSim;
beforeAll(async () => {
  fly = await startFlySim({});
  github = await startGitHubSim({});
});
afterAll(async () => {
  await fly?.close();
  await github?.close();
});

let counter = 0;
async function newApp(): Promise<string> {
  const name = `one-step-${++counter}`;
  await fly.createApp(name);
  return name;
}

function release(app: string, inputs: Record<string, string>): Promise<BundleRun> {
  return runBundle('runway', {
    cwd: workspace(),
    inputs: {
      app,
      'api-url': fly.apiUrl,
      'api-token': fly.token,
      'public-url': fly.appUrl(app),
      'proxy-settle': '0s',
      'wait-timeout': '8s',
      environment: 'staging',
      requests: '100',
      rate: '100',
      warmup: '2',
      ...inputs,
    },
    env: {
      GITHUB_TOKEN: github.token,
      GITHUB_REPOSITORY: github.repository,
      GITHUB_API_URL: github.apiUrl,
      GITHUB_SHA: 'a'.repeat(40),
    },
    timeoutMs: 120_000,
  });
}

const latestStatus = (d: { statuses: { state: string }[] }) => d.statuses[d.statuses.length - 1]?.state;

describe('the one-step root action (built bundle)', () => {
  it('rejects a bad threshold before any Fly API call', async () => {
    const app = await newApp();
    const before = fly.calls().length;
    const run = await release(app, { image: image(app, 'v1'), thresholds: 'p95 < fast' });
    expect(run.exitCode).toBe(1);
    expect(run.annotations.find((a) => a.level === 'error')?.message).toMatch(/input 'thresholds'/);
    expect(fly.calls().length).toBe(before);
  });

  it('deploys, passes the SLO gate and records a successful deployment with the digest', async () => {
    const app = await newApp();
    const run = await release(app, { image: image(app, 'v1'), thresholds: 'p95 < 2s\nerror-rate < 5%' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('deployed');
    expect(run.outputs.passed).toBe('true');
    expect(Number(run.outputs['p95-ms'])).toBeGreaterThan(0);
    expect(run.outputs.image).toMatch(new RegExp(`^registry\\.fly\\.io/${app}@sha256:[0-9a-f]{64}$`));
    const recorded = github.deployments().find((d) => String(d.id) === run.outputs['deployment-id']);
    expect(recorded).toBeDefined();
    expect(recorded!.environment).toBe('staging');
    expect((recorded!.payload as { image: string }).image).toBe(run.outputs.image);
    expect(latestStatus(recorded!)).toBe('success');
    expect(run.summary).toContain('Released');
    expect(run.summary).toContain('xychart-beta');
    // The runner consumes ::add-mask:: lines; what a reader sees must not hold either token.
    expect(visibleLog(run.log)).not.toContain(fly.token);
    expect(visibleLog(run.log)).not.toContain(github.token);
    expect(run.summary).not.toContain(fly.token);
    expect(JSON.stringify(run.outputs)).not.toContain(github.token);
  });

  it('rolls a healthy release back when it breaches the SLOs, and records the failure', async () => {
    const app = await newApp();
    const first = await release(app, { image: image(app, 'v1'), thresholds: 'error-rate < 5%' });
    expect(first.outputs.status).toBe('deployed');
    // No real server answers in under a microsecond: the gate is certain to breach.
    const second = await release(app, { image: image(app, 'v2'), thresholds: 'p50 < 0.001ms' });
    expect(second.exitCode).toBe(1);
    expect(second.outputs.status).toBe('rolled-back');
    expect(second.outputs.passed).toBe('false');
    expect(second.outputs['previous-image']).toBe(first.outputs.image);
    const machines = fly.machines(app);
    expect(machines.length).toBeGreaterThan(0);
    const firstDigest = first.outputs.image.split('@')[1];
    expect(machines.every((m) => m.digest === firstDigest)).toBe(true);
    const response = await fetch(fly.appUrl(app));
    expect(await response.text()).not.toContain(':v2');
    const recorded = github.deployments().find((d) => String(d.id) === second.outputs['deployment-id']);
    expect(latestStatus(recorded!)).toBe('failure');
    expect(second.summary).toContain('rolled back');
    expect(second.annotations.find((a) => a.level === 'error')?.message).toMatch(
      /rolled back: SLO gate not passed: p50 < 0\.001ms \(breach\)/,
    );
  });
});
