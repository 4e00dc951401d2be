/**
 * Cold start: how long each built bundle takes, from `node dist/<name>/index.js` to exiting on its
 * first input error (no inputs given, as when a workflow forgets a required one), against a bare
 * `node -e ''` measured in the same run, interleaved so both see the same machine. The goal is
 * ≤ 3× bare node: a bad input must fail before heavy modules (AWS SDK, undici, HDR histogram) load.
 * Results: bench/results/cold-start.json. `COLD_START_RUNS` sets the runs per command (default 15);
 * `COLD_START_DIST=<dir>` measures bundles built elsewhere (`node scripts/build.mjs --out <dir>`).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '..');
const RUNS = Number(process.env.COLD_START_RUNS ?? 15);
const GOAL = 3;
const DIST = process.env.COLD_START_DIST;

/** The bundle action.yml names, or the same file under COLD_START_DIST. */
const bundlePath = (actionDir: string, main: string) => {
  const path = join(actionDir, main);
  return DIST ? join(DIST, path.slice(join(ROOT, 'dist').length)) : path;
};

interface Command {
  name: string;
  args: string[];
}

function bundles(): Command[] {
  const actions = ['fly-deploy', 'latency-probe', 'backup-verify', 'dns-cutover'].map((name) => {
    const meta = parse(readFileSync(join(ROOT, 'actions', name, 'action.yml'), 'utf8')) as {
      runs: { main: string };
    };
    return { name, args: [bundlePath(join(ROOT, 'actions', name), meta.runs.main)] };
  });
  const root = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { runs: { main: string } };
  return [...actions, { name: 'runway (root action)', args: [bundlePath(ROOT, root.runs.main)] }];
}

/** The environment a runner step has, minus every input: the first required input fails. */
function stepEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_ACTIONS: 'true' };
  return env;
}

function timeOnce(command: Command): { ms: number; status: number | null; stdout: string } {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, command.args, { env: stepEnv(), encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { ms, status: run.status, stdout: run.stdout };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

function main() {
  const bare: Command = { name: "node -e ''", args: ['-e', ''] };
  const commands = bundles();
  const samples = new Map<string, number[]>([
    [bare.name, []],
    ...commands.map((c) => [c.name, []] as [string, number[]]),
  ]);
  const firstError = new Map<string, string>();
  for (const c of commands) timeOnce(c); // warm the file cache; not counted
  for (let i = 0; i < RUNS; i++) {
    for (const command of [bare, ...commands]) {
      const run = timeOnce(command);
      samples.get(command.name)!.push(run.ms);
      if (command !== bare) {
        if (run.status === 0) throw new Error(`${command.name} exited 0 without inputs: not an input error`);
        firstError.set(
          command.name,
          /::error[^:]*::(.*)/.exec(run.stdout)?.[1]?.slice(0, 100) ?? '(no ::error line)',
        );
      }
    }
  }
  const bareMs = median(samples.get(bare.name)!);
  const rows = commands.map((c) => {
    const ms = median(samples.get(c.name)!);
    return {
      bundle: c.name,
      medianMs: Number(ms.toFixed(1)),
      ratio: Number((ms / bareMs).toFixed(2)),
      firstError: firstError.get(c.name),
    };
  });
  console.log(
    `bare node -e '': median ${bareMs.toFixed(1)} ms over ${RUNS} runs (load ${loadavg()[0].toFixed(2)} on ${cpus().length} CPUs)`,
  );
  for (const r of rows)
    console.log(
      `${r.bundle.padEnd(22)} ${String(r.medianMs).padStart(7)} ms  ${r.ratio.toFixed(2)}× ${r.ratio <= GOAL ? 'ok' : `over the ${GOAL}× goal`}  — ${r.firstError}`,
    );
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(
    join(ROOT, 'bench/results/cold-start.json'),
    `${JSON.stringify({ measuredAt: new Date().toISOString(), dist: DIST ?? 'dist', node: process.version, runs: RUNS, loadavg: loadavg()[0], bareMedianMs: Number(bareMs.toFixed(1)), goalRatio: GOAL, bundles: rows }, null, 2)}\n`,
  );
  process.exitCode = rows.every((r) => r.ratio <= GOAL) ? 0 : 1;
}

main();
