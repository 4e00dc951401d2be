// `npm run bench:probe` — not a test. Measures the latency probe against known truths and against
// autocannon in the same run, prints a table and writes bench/results/probe.json.
//  1. Accuracy: p50/p95/p99 reported vs the server's own timings for a known delay distribution, the
//     server in its own process. Goal: |error| ≤ 1 ms + 2%. Alternating rounds with autocannon against the
//     same server and schedule give a baseline from the same run: what a Node client on this machine, at
//     this moment, can see at best (autocannon reports p50/p97.5/p99, whole milliseconds, no p95). The
//     client's event-loop delay and the load average are reported with each round: on a starved machine
//     every client's timestamps are late by its scheduling delay, and the rows say so.
//  2. Overhead: highest sustained request rate (closed loop, same connections, same server in its own
//     process) vs autocannon, alternating rounds. Goal: ≥ 1.0× autocannon (median of the rounds' ratios).
//     The client CPU per request is reported too: on a shared machine it is steadier than requests/s.
//  3. Coordinated omission: one 1 s stall during a constant-rate run; p50/p90/p99 from Runway (open
//     model) and autocannon (-R, with and without its CO correction) vs what a user arriving on
//     schedule sees.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { nearestRank } from '../src/probe/order-statistics.js';
import { probe } from '../src/probe/probe.js';
import type { ProbeOptions } from '../src/probe/types.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const node = process.execPath;

function base(url: string, extra: Partial<ProbeOptions>): ProbeOptions {
  return {
    urls: [new URL(url)],
    requests: 100,
    rate: 0,
    concurrency: 10,
    warmup: 0,
    timeoutMs: 10_000,
    method: 'GET',
    headers: {},
    expectStatus: [{ from: 200, to: 399 }],
    ...extra,
  };
}

async function childServer(
  mode: string,
): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  const child = spawn(node, ['--import', 'tsx', join(root, 'bench/probe-server.ts'), mode], {
    stdio: ['ignore', 'pipe', 'inherit'],
    cwd: root,
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += String(d)));
  const url = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.stdout!.once('data', (d) => resolve(String(d).split('\n')[0].trim()));
  });
  return { url, child, output: () => output };
}

/** Stops an accuracy server and reads its own timings (the truth) from its last line. */
async function servedTimes(server: Awaited<ReturnType<typeof childServer>>): Promise<number[]> {
  await stop(server.child);
  const line = server
    .output()
    .split('\n')
    .find((l) => l.startsWith('SERVED '));
  if (!line) throw new Error('the accuracy server printed no SERVED line');
  return JSON.parse(line.slice('SERVED '.length)) as number[];
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM')),
  );
const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The goal is judged at 50/s, five times the action's default rate of 10/s; 200/s is reported as a stress
 * row. Why the old figures were far off: the delay server ran in the probe's own process, so the time a
 * request waited for that shared event loop before the server's handler started its clock counted for
 * the client only (p95 off by 140 ms at load 20+). With the server in its own process, what is left is
 * each process's scheduling delay on a machine shared with other jobs: the error is always positive,
 * follows the client's event-loop delay (reported per round), and autocannon, in the same rounds, is
 * further off. On this 2-core machine at load 20 that noise is about the size of the 1 ms + 2 % allowance,
 * so single rounds pass and fail either way; the verdict is the median round.
 */
const ACCURACY_SETTINGS = [
  { requests: 600, rate: 50, connections: 50, rounds: 3, judged: true },
  { requests: 1000, rate: 200, connections: 50, rounds: 3, judged: false },
];
type AccuracySettings = (typeof ACCURACY_SETTINGS)[number];

interface AccuracyRow {
  rate: number;
  round: number;
  tool: string;
  percentile: 'p50' | 'p95' | 'p99';
  truthMs: number;
  reportedMs: number;
  errorMs: number;
  allowedMs: number;
  ok: boolean;
  /** This process's event-loop delay during the round (p99, ms): how late any callback ran. */
  loopDelayP99Ms: number;
  load1: number;
}

/** One round of one tool against a fresh server with the same seeded delays. */
async function accuracyRound(
  settings: AccuracySettings,
  tool: 'Runway' | 'autocannon',
  round: number,
): Promise<AccuracyRow[]> {
  const server = await childServer('accuracy:42');
  const loop = monitorEventLoopDelay({ resolution: 1 });
  const load1 = r1(loadavg()[0]);
  loop.enable();
  let reported: Partial<Record<'p50' | 'p95' | 'p99', number>>;
  try {
    if (tool === 'Runway') {
      const { requests, rate, connections } = settings;
      reported = (await probe(base(server.url, { requests, rate, concurrency: connections }))).targets[0]
        .latency;
    } else {
      // Raw per-request times (no coordinated-omission correction), like the server's own.
      const ac = await autocannon({
        url: server.url,
        connections: settings.connections,
        amount: settings.requests,
        overallRate: settings.rate,
        ignoreCoordinatedOmission: true,
      });
      reported = { p50: ac.latency.p50, p99: ac.latency.p99 };
    }
  } finally {
    loop.disable();
  }
  const truth = (await servedTimes(server)).sort((x, y) => x - y);
  const loopDelayP99Ms = r2(loop.percentile(99) / 1e6);
  return (['p50', 'p95', 'p99'] as const).flatMap((name) => {
    const value = reported[name];
    if (value === undefined) return [];
    const expected = nearestRank(truth, { p50: 0.5, p95: 0.95, p99: 0.99 }[name]);
    const error = value - expected;
    const allowed = 1 + 0.02 * expected;
    return [
      {
        rate: settings.rate,
        round,
        tool,
        percentile: name,
        truthMs: r2(expected),
        reportedMs: r2(value),
        errorMs: r2(error),
        allowedMs: r2(allowed),
        ok: Math.abs(error) <= allowed,
        loopDelayP99Ms,
        load1,
      },
    ];
  });
}

async function accuracyAt(settings: AccuracySettings) {
  const rows: AccuracyRow[] = [];
  for (let round = 1; round <= settings.rounds; round++) {
    rows.push(...(await accuracyRound(settings, 'Runway', round)));
    rows.push(...(await accuracyRound(settings, 'autocannon', round)));
  }
  // Per tool and percentile, the median round's absolute error: one starved round does not decide.
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  const summary = (['Runway', 'autocannon'] as const).flatMap((tool) =>
    (['p50', 'p95', 'p99'] as const).flatMap((percentile) => {
      const mine = rows.filter((r) => r.tool === tool && r.percentile === percentile);
      if (mine.length === 0) return [];
      const errorMs = median(mine.map((r) => Math.abs(r.errorMs)));
      const allowedMs = median(mine.map((r) => r.allowedMs));
      return [
        {
          rate: settings.rate,
          tool,
          percentile,
          medianAbsErrorMs: errorMs,
          allowedMs,
          ok: errorMs <= allowedMs,
        },
      ];
    }),
  );
  return { settings, rows, summary };
}

async function accuracy() {
  const runs = [];
  for (const settings of ACCURACY_SETTINGS) runs.push(await accuracyAt(settings));
  const judged = runs.filter((r) => r.settings.judged).flatMap((r) => r.summary);
  return {
    runs,
    rows: runs.flatMap((r) => r.rows),
    summary: runs.flatMap((r) => r.summary),
    ok: judged.filter((a) => a.tool === 'Runway').every((a) => a.ok),
  };
}

async function overhead() {
  const { url, child } = await childServer('zero');
  const connections = 10;
  const seconds = 2;
  const rounds = 7;
  const runs: { runway: number[]; autocannon: number[]; ratio: number[] } = {
    runway: [],
    autocannon: [],
    ratio: [],
  };
  // Client CPU per request as well: under a shared machine's drifting load it is steadier than req/s.
  const cpu: { runway: number[]; autocannon: number[] } = { runway: [], autocannon: [] };
  const cpuSince = (start: NodeJS.CpuUsage) => {
    const d = process.cpuUsage(start);
    return d.user + d.system;
  };
  const runway = async (requests: number) => {
    const start = process.cpuUsage();
    const t = (await probe(base(url, { requests, rate: 0, concurrency: connections, warmup: 200 })))
      .targets[0];
    cpu.runway.push(r1(cpuSince(start) / (requests + 200)));
    return t.achievedRate;
  };
  const cannon = async () => {
    const start = process.cpuUsage();
    const ac = await autocannon({ url, connections, duration: seconds });
    cpu.autocannon.push(r1(cpuSince(start) / ac.requests.total));
    return Math.round((ac.requests.total / ac.duration) * 10) / 10;
  };
  try {
    // One discarded round each, so both run JIT-compiled code; then alternate, because the load on a
    // shared machine drifts and a ratio within a round is fairer than best-of-each across rounds.
    const warm = await runway(20_000);
    await cannon();
    cpu.runway.length = 0;
    cpu.autocannon.length = 0;
    let requests = Math.max(5_000, Math.round(warm * seconds));
    for (let round = 0; round < rounds; round++) {
      const r = await runway(requests);
      const a = await cannon();
      runs.runway.push(r);
      runs.autocannon.push(a);
      runs.ratio.push(r2(r / a));
      requests = Math.max(5_000, Math.round(r * seconds));
    }
  } finally {
    await stop(child);
  }
  const sortedRatios = [...runs.ratio].sort((a, b) => a - b);
  const medianRatio = sortedRatios[Math.floor(sortedRatios.length / 2)];
  const best = { runway: Math.max(...runs.runway), autocannon: Math.max(...runs.autocannon) };
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return {
    cpuMicrosPerRequest: {
      runway: median(cpu.runway),
      autocannon: median(cpu.autocannon),
      note: "Runway's includes building its report",
    },
    connections,
    roundSeconds: seconds,
    rounds: runs,
    bestRunwayRps: best.runway,
    bestAutocannonRps: best.autocannon,
    bestOfEachRatio: r2(best.runway / best.autocannon),
    medianRatio,
    goal: 1.0,
    ok: medianRatio >= 1.0,
  };
}

async function coordinatedOmission() {
  const rate = 100;
  const seconds = 5;
  const stallAt = 200; // request index: 2 s into the run
  const stallMs = 1000;
  const baseMs = 5;
  const mode = `stall:${stallAt}:${stallMs}:${baseMs}`;
  // What users arriving every 10 ms see: those due during the stall wait for its end.
  const schedule = Array.from({ length: rate * seconds }, (_, i) => {
    const due = (i * 1000) / rate;
    const start = (stallAt * 1000) / rate;
    return due >= start && due < start + stallMs ? start + stallMs - due + baseMs : baseMs;
  }).sort((a, b) => a - b);
  const expected = {
    p50: nearestRank(schedule, 0.5),
    p90: nearestRank(schedule, 0.9),
    p99: nearestRank(schedule, 0.99),
  };
  const rows: { tool: string; p50: number; p90: number; p99: number; samples: number }[] = [
    { tool: 'schedule truth', ...expected, samples: schedule.length },
  ];

  let server = await childServer(mode);
  try {
    const report = await probe(base(server.url, { requests: rate * seconds, rate, concurrency: 10 }));
    const l = report.targets[0].latency;
    rows.push({
      tool: 'Runway (open model)',
      p50: r1(l.p50),
      p90: r1(l.p90),
      p99: r1(l.p99),
      samples: report.targets[0].requests,
    });
  } finally {
    await stop(server.child);
  }
  for (const ignore of [false, true]) {
    server = await childServer(mode);
    try {
      const ac = await autocannon({
        url: server.url,
        connections: 10,
        duration: seconds,
        overallRate: rate,
        ignoreCoordinatedOmission: ignore,
      });
      rows.push({
        tool: ignore ? 'autocannon -R 100 -C (no CO correction)' : 'autocannon -R 100 (its CO correction)',
        p50: ac.latency.p50,
        p90: ac.latency.p90,
        p99: ac.latency.p99,
        samples: ac.latency.totalCount,
      });
    } finally {
      await stop(server.child);
    }
  }
  return { rate, seconds, stallMs, rows };
}

const started = Date.now();
console.log('Latency probe benchmark (accuracy, overhead vs autocannon, coordinated omission)...');
// `npm run bench:probe -- accuracy` runs the accuracy section alone (results in probe-accuracy.json).
const accuracyOnly = process.argv.includes('accuracy');
const acc = await accuracy();

console.log(
  `\n1. Accuracy: ${acc.runs.map((r) => `${r.settings.requests} requests at ${r.settings.rate}/s${r.settings.judged ? ' (judged)' : ' (reported)'}`).join(', ')}, over 50 connections, delay 80% U(10,30) ms + 20% U(50,150) ms, server in its own process; truth = its own times; alternating rounds with autocannon`,
);
console.table(
  acc.rows.map((a) => ({
    'rate /s': a.rate,
    round: a.round,
    tool: a.tool,
    percentile: a.percentile,
    'truth ms': a.truthMs,
    'reported ms': a.reportedMs,
    'error ms': a.errorMs,
    'allowed ±ms': a.allowedMs,
    ok: a.ok,
    'loop delay p99 ms': a.loopDelayP99Ms,
    load: a.load1,
  })),
);
console.log('Median round, |error| vs allowed (goal |error| ≤ 1 ms + 2%, judged at the first rate):');
console.table(acc.summary);
console.log(`Accuracy goal at the judged rate: ${acc.ok ? 'met' : 'NOT met'}`);
if (accuracyOnly) {
  const out = join(root, 'bench/results/probe-accuracy.json');
  writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), accuracy: acc }, null, 2)}\n`);
  console.log(`\nWrote ${out}.`);
  process.exit(0);
}
const over = await overhead();
const co = await coordinatedOmission();
console.log(
  `\n2. Overhead: closed loop, ${over.connections} connections, zero-delay server in its own process, ${over.rounds.ratio.length} alternating rounds of ${over.roundSeconds} s`,
);
console.table(
  over.rounds.ratio.map((ratio, i) => ({
    round: i + 1,
    'Runway req/s': over.rounds.runway[i],
    'autocannon req/s': over.rounds.autocannon[i],
    ratio,
  })),
);
console.log(
  `Runway / autocannon: median of rounds ${over.medianRatio}×, best of each ${over.bestOfEachRatio}× (goal ≥ ${over.goal}×): ${over.ok ? 'met' : 'NOT met'}`,
);
console.log(
  `Client CPU per request (median): Runway ${over.cpuMicrosPerRequest.runway} µs (report building included), autocannon ${over.cpuMicrosPerRequest.autocannon} µs`,
);
console.log(
  `\n3. Coordinated omission: ${co.rate}/s for ${co.seconds} s, one ${co.stallMs} ms stall (server base delay 5 ms)`,
);
console.table(co.rows);

const result = {
  benchmark: 'latency-probe',
  date: new Date().toISOString(),
  node: process.version,
  durationS: Math.round((Date.now() - started) / 1000),
  accuracy: { goal: '|error| ≤ 1 ms + 2% (median round, at the judged rate)', ...acc },
  overhead: over,
  coordinatedOmission: co,
};
const out = join(root, 'bench/results/probe.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
console.log(`\nWrote ${out} in ${result.durationS} s.`);
