/**
 * fly-deploy blue-green against the Fly Machines simulator, for apps of 1, 4 and 16 Machines, against the
 * simulator's inherent minimum measured in the same run:
 *   inherent = boot (a bare create, timed with the `/wait` long poll until `started`)
 *            + the check grace period + one check interval (from the fly.toml used: 1s + 500ms).
 * Nothing can make a new Machine healthy sooner. Blue-green must also create N green Machines, and the
 * published limit for creates is per app, 1/s bursting to 3 (the simulator enforces it), so the floor for
 * N Machines adds (N − 3) s of create pacing; both baselines are reported. The deploy itself is `deploy()` in-process, which is
 * what the bundle runs after reading inputs; the bundle (node start, input parsing) is timed once per
 * size as well. Reported: wall time, overhead over the inherent minimum, and Machines API calls.
 * Goal: overhead within 15%, and wall time not growing linearly with the number of Machines.
 * Results: bench/results/deploy.json.
 */
import { mkdirSync, readFileSync, writeFileSync, mkdtempSync, copyFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { FlyApi, versionOf } from '../src/fly/client.js';
import { deploy } from '../src/fly/deploy.js';
import { parseFlyToml } from '../src/fly/fly-toml.js';
import { checkTiming, machineConfigFor } from '../src/fly/machine-config.js';
import { runBundle } from '../src/harness/run-bundle.js';
import { startFlySim } from '../src/sim/fly/index.js';

const SIZES = (process.env.DEPLOY_BENCH_SIZES ?? '1,4,16').split(',').map(Number);
const RUNS = Number(process.env.DEPLOY_BENCH_RUNS ?? 3);
const CONFIG = 'test/fixtures/fly/fly.staging.toml';
const toml = parseFlyToml(readFileSync(CONFIG, 'utf8'), 'fly.staging.toml');
const { graceMs, intervalMs } = checkTiming(
  machineConfigFor(toml, { image: 'x:1', group: 'app', releaseVersion: 1 }),
);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const quiet = () => {};

const sim = await startFlySim({});
let appCounter = 0;

async function newApp(machines: number): Promise<string> {
  const app = `bench-${machines}-${++appCounter}`;
  await sim.createApp(app);
  const api = new FlyApi({ apiUrl: sim.apiUrl, token: sim.token, app });
  const config = machineConfigFor(toml, {
    image: `registry.fly.io/${app}:v1`,
    group: 'app',
    releaseVersion: 1,
  });
  const created = await Promise.all(
    Array.from({ length: machines }, () => api.create({ config, region: 'sin' }, { key: 'x', id: 'x' })),
  );
  await Promise.all(
    created.map((m) => api.wait(m.id, 'started', { version: versionOf(m), timeoutMs: 30_000 })),
  );
  // Let the app's create budget (1/s, burst 3) refill, so seeding does not slow the measured deploy.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  return app;
}

/** Boot time of a bare Machine: create, then `/wait` for started (the server answers the moment it is). */
async function bootMs(): Promise<number> {
  const app = `bench-boot-${++appCounter}`;
  await sim.createApp(app);
  const api = new FlyApi({ apiUrl: sim.apiUrl, token: sim.token, app });
  const config = machineConfigFor(toml, {
    image: `registry.fly.io/${app}:v1`,
    group: 'app',
    releaseVersion: 1,
  });
  const started = performance.now();
  const machine = await api.create({ config, region: 'sin' }, { key: 'x', id: 'x' });
  await api.wait(machine.id, 'started', { version: versionOf(machine), timeoutMs: 30_000 });
  const ms = performance.now() - started;
  await api.destroy(machine.id);
  return ms;
}

/**
 * A second, empirical floor: a bare Machine from create until the simulator reports every check passing,
 * polled every 200 ms (the GET budget is 5/s per Machine), so it may read up to 200 ms late.
 */
async function healthyMs(): Promise<number> {
  const app = `bench-healthy-${++appCounter}`;
  await sim.createApp(app);
  const api = new FlyApi({ apiUrl: sim.apiUrl, token: sim.token, app });
  const config = machineConfigFor(toml, {
    image: `registry.fly.io/${app}:v1`,
    group: 'app',
    releaseVersion: 1,
  });
  const started = performance.now();
  const machine = await api.create({ config, region: 'sin' }, { key: 'x', id: 'x' });
  for (;;) {
    const current = await api.get(machine.id);
    if (current.checks?.length && current.checks.every((c) => c.status === 'passing')) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const ms = performance.now() - started;
  await api.destroy(machine.id);
  return ms;
}

function options(app: string, tag: string) {
  return {
    app,
    toml,
    image: `registry.fly.io/${app}:${tag}`,
    strategy: 'bluegreen' as const,
    maxUnavailable: 0.33,
    waitTimeoutMs: 60_000,
    regions: ['sin'],
    apiToken: sim.token,
    apiUrl: sim.apiUrl,
    rollback: true,
    publicUrl: sim.appUrl(app),
    proxySettleMs: 0,
    log: quiet,
  };
}

const results: Record<string, unknown> = {};
const rows: string[][] = [];
for (const size of SIZES) {
  const samples: {
    wallMs: number;
    inherentMs: number;
    bootMs: number;
    healthyMs: number;
    apiCalls: number;
  }[] = [];
  for (let run = 0; run < RUNS; run++) {
    const app = await newApp(size);
    const boot = await bootMs();
    const healthy = await healthyMs();
    const result = await deploy(options(app, `v${run + 2}`));
    if (result.status !== 'deployed') throw new Error(`bench deploy failed: ${result.reason}`);
    samples.push({
      wallMs: result.durationMs,
      inherentMs: boot + graceMs + intervalMs,
      bootMs: boot,
      healthyMs: healthy,
      apiCalls: result.apiCalls,
    });
    await new Promise((resolve) => setTimeout(resolve, 3000));
  }
  // The same deploy through the built bundle, as the runner starts it.
  const app = await newApp(size);
  const work = mkdtempSync(join(tmpdir(), 'deploy-bench-'));
  copyFileSync(CONFIG, join(work, 'fly.toml'));
  const bundleStarted = performance.now();
  const run = await runBundle('fly-deploy', {
    cwd: work,
    inputs: {
      app,
      image: `registry.fly.io/${app}:v9`,
      strategy: 'bluegreen',
      'api-url': sim.apiUrl,
      'api-token': sim.token,
      'public-url': sim.appUrl(app),
      'proxy-settle': '0s',
    },
  });
  const bundleMs = performance.now() - bundleStarted;
  if (run.outputs.status !== 'deployed') throw new Error(`bench bundle deploy failed:\n${run.log}`);

  const wallMs = median(samples.map((s) => s.wallMs));
  const inherentMs = median(samples.map((s) => s.inherentMs));
  const overhead = wallMs / inherentMs - 1;
  const createFloorMs = Math.max(0, size - 3) * 1000;
  const overheadOverFloor = wallMs / (inherentMs + createFloorMs) - 1;
  results[`${size} Machine(s)`] = {
    machines: size,
    runs: RUNS,
    wallMs: Math.round(wallMs),
    inherentMs: Math.round(inherentMs),
    bootMs: Math.round(median(samples.map((s) => s.bootMs))),
    bareMachineHealthyMs: Math.round(median(samples.map((s) => s.healthyMs))),
    overheadOverBareHealthyPct:
      Math.round((wallMs / (median(samples.map((s) => s.healthyMs)) + createFloorMs) - 1) * 1000) / 10,
    graceMs,
    checkIntervalMs: intervalMs,
    overheadPct: Math.round(overhead * 1000) / 10,
    createRateFloorMs: createFloorMs,
    inherentWithCreateFloorMs: Math.round(inherentMs + createFloorMs),
    overheadOverFloorPct: Math.round(overheadOverFloor * 1000) / 10,
    apiCalls: median(samples.map((s) => s.apiCalls)),
    apiCallsPerMachine: Math.round((median(samples.map((s) => s.apiCalls)) / size) * 10) / 10,
    bundleWallMs: Math.round(bundleMs),
    samples: samples.map((s) => ({
      wallMs: Math.round(s.wallMs),
      inherentMs: Math.round(s.inherentMs),
      bareMachineHealthyMs: Math.round(s.healthyMs),
      apiCalls: s.apiCalls,
    })),
  };
  rows.push([
    String(size),
    String(Math.round(wallMs)),
    String(Math.round(inherentMs)),
    `${(overhead * 100).toFixed(1)}%`,
    String(Math.round(inherentMs + createFloorMs)),
    `${(overheadOverFloor * 100).toFixed(1)}%`,
    String(Math.round(median(samples.map((s) => s.healthyMs)))),
    String(median(samples.map((s) => s.apiCalls))),
    String(Math.round(bundleMs)),
  ]);
}
await sim.close();

const entries = Object.values(results) as {
  machines: number;
  wallMs: number;
  overheadPct: number;
  overheadOverFloorPct: number;
}[];
const smallest = entries[0];
const largest = entries[entries.length - 1];
const growth = largest.wallMs / smallest.wallMs;
const report = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  baseline:
    'inherent minimum = boot (bare create → /wait started, same run) + check grace period + one check interval',
  goal: {
    overheadPct: 15,
    growth: `wall(${largest.machines}) / wall(${smallest.machines}) well below ${largest.machines / smallest.machines}`,
  },
  results,
  growth: {
    [`wall ${largest.machines} / wall ${smallest.machines}`]: Math.round(growth * 100) / 100,
    machinesRatio: largest.machines / smallest.machines,
  },
  verdict: {
    overheadWithinGoal: entries.every((e) => e.overheadPct <= 15),
    overheadOverCreateFloorWithinGoal: entries.every((e) => e.overheadOverFloorPct <= 15),
    sublinear: growth < largest.machines / smallest.machines / 4,
    note: 'Blue-green creates one green Machine per blue one; creates are limited per app (1/s, burst 3), so beyond 3 Machines wall time grows by ~1 s per Machine whatever the client does.',
  },
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/deploy.json', `${JSON.stringify(report, null, 2)}\n`);
console.log(
  'machines | wall ms | inherent ms | overhead | inherent + create floor ms | overhead over floor | API calls | bundle ms',
);
for (const row of rows) console.log(row.join(' | '));
console.log(
  `growth wall(${largest.machines})/wall(${smallest.machines}) = ${growth.toFixed(2)}; verdict ${JSON.stringify(report.verdict)}`,
);
