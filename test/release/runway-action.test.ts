import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runBundle, type BundleRun } from '../../src/harness/run-bundle.js';
import { roundTripMs } from '../../src/sim/fly/distance.js';
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

function release(
  app: string,
  inputs: Record<string, string>,
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<BundleRun> {
  return runBundle('runway', {
    cwd: options.cwd ?? workspace(),
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
      ...options.env,
    },
    timeoutMs: 120_000,
  });
}

const STAGING = readFileSync(new URL('../fixtures/fly/fly.staging.toml', import.meta.url), 'utf8');

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

  it('keeps a breaching release that ran a release_command unless schema-backward-compatible says the old one fits', async () => {
    const migrating = STAGING.replace(
      'strategy = "rolling"',
      'strategy = "rolling"\n  release_command = "migrate"',
    );
    const cwd = () => workspace({ 'fly.toml': migrating });
    const app = await newApp();
    const first = await release(
      app,
      { image: image(app, 'v1'), thresholds: 'error-rate < 5%' },
      { cwd: cwd() },
    );
    expect(first.outputs.status).toBe('deployed');

    const kept = await release(app, { image: image(app, 'v2'), thresholds: 'p50 < 0.001ms' }, { cwd: cwd() });
    expect(kept.exitCode).toBe(1);
    expect(kept.outputs.status).toBe('failed');
    const v2 = kept.outputs.image.split('@')[1];
    expect(fly.machines(app).every((m) => m.digest === v2)).toBe(true);
    expect(kept.annotations.map((a) => a.message).join('\n')).toMatch(
      /the new release stays: it ran release_command `migrate`.*schema-backward-compatible: true/s,
    );

    const confirmed = await release(
      app,
      { image: image(app, 'v3'), thresholds: 'p50 < 0.001ms', 'schema-backward-compatible': 'true' },
      { cwd: cwd() },
    );
    expect(confirmed.outputs.status).toBe('rolled-back');
    expect(fly.machines(app).every((m) => m.digest === v2)).toBe(true);
  });

  it('rolls back to the config the previous release recorded, not only its image (restore-config)', async () => {
    const app = await newApp();
    const first = await release(app, { image: image(app, 'v1'), thresholds: 'error-rate < 5%' });
    expect(first.outputs.status).toBe('deployed');
    const changed = STAGING.replace('NODE_ENV = "staging"', 'NODE_ENV = "changed"');
    const second = await release(
      app,
      { image: image(app, 'v2'), thresholds: 'p50 < 0.001ms' },
      { cwd: workspace({ 'fly.toml': changed }) },
    );
    expect(second.outputs.status).toBe('rolled-back');
    const machines = fly.machines(app);
    expect(machines.length).toBeGreaterThan(0);
    expect(machines.every((m) => m.digest === first.outputs.image.split('@')[1])).toBe(true);
    // The image-only rollback this replaces would have run v1 with the new fly.toml's NODE_ENV.
    expect(machines.map((m) => (m.config as { env?: Record<string, string> }).env?.NODE_ENV)).toEqual(
      machines.map(() => 'staging'),
    );
    expect(second.summary).toContain('with the Machine config it recorded');
  });

  it('without a recorded release the rollback brings the image back under the current fly.toml, and says so', async () => {
    const app = await newApp();
    const first = await release(app, { image: image(app, 'v1'), thresholds: 'error-rate < 5%' });
    expect(first.outputs.status).toBe('deployed');
    const changed = STAGING.replace('NODE_ENV = "staging"', 'NODE_ENV = "changed"');
    const second = await release(
      app,
      { image: image(app, 'v2'), thresholds: 'p50 < 0.001ms', 'record-deployment': 'false' },
      { cwd: workspace({ 'fly.toml': changed }) },
    );
    expect(second.outputs.status).toBe('rolled-back');
    const machines = fly.machines(app);
    expect(machines.every((m) => m.digest === first.outputs.image.split('@')[1])).toBe(true);
    expect(machines.map((m) => (m.config as { env?: Record<string, string> }).env?.NODE_ENV)).toEqual(
      machines.map(() => 'changed'),
    );
    expect(second.summary).toContain('Only the previous image came back');
  });
});

describe('the one-step root action measuring from a Fly region (probe-region)', () => {
  let target: http.Server;
  let bangkokUrl: string;
  beforeAll(async () => {
    target = http.createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    bangkokUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}/health`;
    fly.place(bangkokUrl, 'bkk');
  });
  afterAll(async () => new Promise((resolve) => target?.close(resolve)));

  const probeMachines = (app: string) => fly.machines(app).filter((m) => m.metadata.runway_probe);
  // 100 requests (the helper's default): enough for a p95 verdict that is not inconclusive.
  const fromSin = { 'probe-region': 'sin', rate: '0', concurrency: '4' };

  it('measures from a Machine in sin: outputs and summary say so, the distance shows, the Machine is gone', async () => {
    const app = await newApp();
    const before = fly.calls().length;
    const run = await release(app, {
      image: image(app, 'v1'),
      'probe-url': bangkokUrl,
      thresholds: 'p95 < 2s',
      ...fromSin,
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs['measured-from']).toBe('sin');
    expect(Number(run.outputs['machine-seconds'])).toBeGreaterThan(0);
    // The target is on loopback: only a measurement made in sin carries the sin↔Bangkok round trip.
    expect(Number(run.outputs['p95-ms'])).toBeGreaterThanOrEqual(roundTripMs('sin', 'bkk')!);
    expect(run.summary).toContain('Fly region `sin`');
    expect(run.summary).toContain('Machine-seconds');
    const calls = fly.calls().slice(before);
    expect(calls.filter((c) => c.method === 'POST' && /\/exec$/.test(c.path))).toHaveLength(1);
    expect(probeMachines(app)).toEqual([]);
    expect(run.state['probe-machine']).toBe('');
    expect(visibleLog(run.log)).not.toContain(fly.token);
  });

  it('a probe Machine that cannot measure fails the gate, says why, and leaves no Machine', async () => {
    const app = await newApp();
    fly.faults.inject({ method: 'POST', path: /\/exec$/, status: 200, body: { stdout: 'x' }, times: 1 });
    const run = await release(app, { image: image(app, 'v1'), 'probe-url': bangkokUrl, ...fromSin });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe('failed');
    expect(run.outputs.passed).toBe('false');
    expect(run.annotations.find((a) => a.level === 'error')?.message).toMatch(
      /the probe from sin could not measure: .*no exec result/,
    );
    expect(run.summary).not.toContain('Measured from: the runner');
    expect(probeMachines(app)).toEqual([]);
  });

  it('measures from the runner without probe-region, and says so', async () => {
    const app = await newApp();
    const run = await release(app, {
      image: image(app, 'v1'),
      'probe-url': bangkokUrl,
      thresholds: 'p95 < 2s',
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs['measured-from']).toBe('runner');
    expect(run.summary).toContain('Measured from: the runner.');
  });

  it('refuses a probe-region that is not a region code before any Fly API call, naming the input', async () => {
    const app = await newApp();
    const before = fly.calls().length;
    const run = await release(app, { image: image(app, 'v1'), ...fromSin, 'probe-region': 'us west 4!' });
    expect(run.exitCode).toBe(1);
    expect(run.annotations.find((a) => a.level === 'error')?.message).toMatch(
      /input 'probe-region'.*not a Fly region code/,
    );
    expect(fly.calls().length).toBe(before);
  });

  it('the post step destroys a probe Machine the main step left behind', async () => {
    const app = await newApp();
    const res = await fetch(`${fly.apiUrl}/v1/apps/${app}/machines`, {
      method: 'POST',
      headers: { authorization: `Bearer ${fly.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ region: 'sin', config: { image: 'node:24-slim' } }),
    });
    const { id } = (await res.json()) as { id: string };
    const run = await release(
      app,
      { image: image(app, 'v1'), ...fromSin },
      { env: { STATE_isPost: 'true', 'STATE_probe-machine': id } },
    );
    expect(run.exitCode).toBe(0);
    expect(run.log).toContain(`destroyed probe Machine ${id}`);
    expect(fly.machines(app)).toEqual([]);
  });
});
