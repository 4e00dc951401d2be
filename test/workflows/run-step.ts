import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCommandFile } from '../../src/harness/run-bundle.js';
import { readWorkflow } from './workflow-files.js';

export interface StepRun {
  exitCode: number;
  outputs: Record<string, string>;
  summary: string;
  log: string;
}

type Json = Record<string, unknown>;

/** The `run:` script and `env:` of one step, found by job id and step id (or name). */
export function findStep(
  workflow: string,
  job: string,
  step: string,
): { run: string; env: Record<string, string> } {
  const doc = readWorkflow(workflow);
  const steps = ((doc.jobs as Json)[job] as Json).steps as Json[];
  const found = steps.find((s) => s.id === step || s.name === step);
  if (!found || typeof found.run !== 'string') throw new Error(`${workflow}: no run step ${job}/${step}`);
  return {
    run: found.run,
    env: Object.fromEntries(Object.entries((found.env as Json) ?? {}).map(([k, v]) => [k, String(v)])),
  };
}

/**
 * Runs one workflow step's script the way the runner does on Linux (`bash --noprofile --norc -eo
 * pipefail`), with its `env:` block evaluated from `values`: each `${{ expr }}` must be listed there
 * verbatim, so a test can never silently run with an expression it did not mean to supply.
 */
export async function runStep(
  workflow: string,
  job: string,
  step: string,
  values: Record<string, string>,
  env: Record<string, string>,
  options: { cwd?: string } = {},
): Promise<StepRun> {
  const { run, env: stepEnv } = findStep(workflow, job, step);
  const evaluated: Record<string, string> = {};
  for (const [name, raw] of Object.entries(stepEnv)) {
    evaluated[name] = raw.replace(/\$\{\{\s*([\s\S]*?)\s*\}\}/g, (_, expr: string) => {
      if (!(expr in values))
        throw new Error(`${workflow} ${job}/${step}: no value given for \${{ ${expr} }}`);
      return values[expr];
    });
  }
  const dir = mkdtempSync(join(tmpdir(), 'runway-step-'));
  const script = join(dir, 'step.sh');
  writeFileSync(script, run);
  const files = { GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STEP_SUMMARY: join(dir, 'summary') };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: dir,
      ...files,
      GITHUB_RUN_ID: '777',
      GITHUB_SERVER_URL: 'https://github.com',
      ...env,
      ...evaluated,
    },
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr.on('data', (c: Buffer) => (log += c.toString()));
  const exitCode = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  return {
    exitCode,
    outputs: parseCommandFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    log,
  };
}
