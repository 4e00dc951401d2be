import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inputEnvName, readActionMetadata, type ActionMetadata } from './metadata.js';

export interface BundleRun {
  exitCode: number;
  outputs: Record<string, string>;
  summary: string;
  state: Record<string, string>;
  stdout: string;
  stderr: string;
  /** stdout and stderr as the runner's log shows them. */
  log: string;
  durationMs: number;
  /** `::error ...::message` workflow commands the step printed. */
  annotations: { level: string; message: string }[];
  /**
   * The step's scratch directory (RUNNER_TEMP lives inside). Kept unless `removeWorkDir` was asked for,
   * so tests can read reports; whoever keeps it removes it (the rehearsal's lives in its own work dir).
   */
  workDir: string;
}

export interface BundleOptions {
  root?: string;
  inputs?: Record<string, string | number | boolean | undefined>;
  env?: Record<string, string | undefined>;
  cwd?: string;
  timeoutMs?: number;
  /** Streams each log line as it arrives (the CLI and the rehearsal show progress live). */
  onLine?: (line: string) => void;
  /** Bundle to run instead of the one action.yml names (the dist-staleness test runs fresh builds). */
  bundlePath?: string;
  /** Where the step's scratch directory is made (default: the system temp dir). */
  tempRoot?: string;
  /**
   * Remove the scratch directory (and RUNNER_TEMP with it) once the outputs, summary and state are
   * read, as the runner does at the end of a job. The CLI does unless --keep.
   */
  removeWorkDir?: boolean;
  /** Kills the step's process (SIGKILL), as a cancelled or lost runner would: cancellation drills. */
  signal?: AbortSignal;
}

/** Parses the `name<<delimiter` blocks (and plain `name=value` lines) that @actions/core writes. */
export function parseCommandFile(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const body: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) body.push(lines[i]);
      result[name] = body.join('\n');
      continue;
    }
    const eq = line.indexOf('=');
    if (eq > 0) result[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return result;
}

/** Defaults as the runner evaluates them; only the expressions our action.yml files use are known. */
function evaluateDefault(value: string, env: Record<string, string | undefined>): string {
  return value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
    if (expr === 'github.token') return env.GITHUB_TOKEN ?? '';
    if (expr === 'github.repository') return env.GITHUB_REPOSITORY ?? '';
    if (expr === 'github.server_url') return env.GITHUB_SERVER_URL ?? 'https://github.com';
    if (expr === 'github.api_url') return env.GITHUB_API_URL ?? 'https://api.github.com';
    if (expr === 'github.sha') return env.GITHUB_SHA ?? '';
    if (expr === 'github.run_id') return env.GITHUB_RUN_ID ?? '';
    const envRef = /^env\.(\w+)$/.exec(expr);
    if (envRef) return env[envRef[1]] ?? '';
    return '';
  });
}

export function buildInputEnv(
  metadata: ActionMetadata,
  inputs: Record<string, string | number | boolean | undefined>,
  env: Record<string, string | undefined>,
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, spec] of Object.entries(metadata.inputs)) {
    if (spec.default !== undefined) result[inputEnvName(name)] = evaluateDefault(String(spec.default), env);
  }
  for (const [name, value] of Object.entries(inputs)) {
    if (value === undefined) continue;
    if (!(name in metadata.inputs)) {
      // The runner warns and still passes it; so do we, so a test of a typo'd input sees what users see.
      result[inputEnvName(name)] = String(value);
      continue;
    }
    result[inputEnvName(name)] = String(value);
  }
  return result;
}

/** The integration tests run bundles built from the current src/ (test/setup/build-bundles.mjs). */
function testBundle(name: string): string | undefined {
  const dir = process.env.RUNWAY_BUNDLE_DIR;
  return dir ? join(dir, name, 'index.js') : undefined;
}

/**
 * Runs a built action bundle the way the runner does: `node dist/<name>/index.js` with `INPUT_*`
 * variables (defaults from action.yml applied), and GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_STATE
 * files and RUNNER_TEMP in a fresh directory. Asynchronous, so servers in the calling process keep serving.
 */
export async function runBundle(name: string, options: BundleOptions = {}): Promise<BundleRun> {
  const root = resolve(options.root ?? process.env.RUNWAY_ROOT ?? process.cwd());
  const metadata = readActionMetadata(root, name);
  const bundle =
    options.bundlePath ??
    testBundle(name) ??
    (metadata.runs.main
      ? resolve(root, name === 'runway' ? '.' : join('actions', name), metadata.runs.main)
      : undefined);
  if (!bundle) throw new Error(`${name}/action.yml has no runs.main to run`);
  const work = mkdtempSync(join(options.tempRoot ?? tmpdir(), `runway-${name}-`));
  const files = {
    GITHUB_OUTPUT: join(work, 'output'),
    GITHUB_STEP_SUMMARY: join(work, 'summary.md'),
    GITHUB_STATE: join(work, 'state'),
    GITHUB_ENV: join(work, 'env'),
    GITHUB_PATH: join(work, 'path'),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const runnerTemp = join(work, 'runner-temp');
  mkdirSync(runnerTemp);
  const baseEnv: Record<string, string | undefined> = { ...process.env };
  // Inputs from the parent's own environment must not leak into the step.
  for (const key of Object.keys(baseEnv)) if (key.startsWith('INPUT_')) delete baseEnv[key];
  const env: Record<string, string | undefined> = {
    ...baseEnv,
    GITHUB_ACTIONS: 'true',
    RUNNER_TEMP: runnerTemp,
    GITHUB_WORKSPACE: options.cwd ?? process.cwd(),
    ...files,
    ...options.env,
  };
  Object.assign(env, buildInputEnv(metadata, options.inputs ?? {}, env));
  try {
    return await runInWorkDir(bundle, work, files, env, options);
  } finally {
    if (options.removeWorkDir) rmSync(work, { recursive: true, force: true });
  }
}

async function runInWorkDir(
  bundle: string,
  work: string,
  files: Record<'GITHUB_OUTPUT' | 'GITHUB_STEP_SUMMARY' | 'GITHUB_STATE', string>,
  env: Record<string, string | undefined>,
  options: BundleOptions,
): Promise<BundleRun> {
  const started = Date.now();
  const child = spawn(process.execPath, [bundle], {
    cwd: options.cwd ?? process.cwd(),
    env: env as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let log = '';
  let pending = '';
  const onData = (chunk: Buffer, isErr: boolean) => {
    const text = chunk.toString('utf8');
    if (isErr) stderr += text;
    else stdout += text;
    log += text;
    if (options.onLine) {
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) options.onLine(line);
    }
  };
  child.stdout.on('data', (c: Buffer) => onData(c, false));
  child.stderr.on('data', (c: Buffer) => onData(c, true));
  const timeoutMs = options.timeoutMs ?? 10 * 60_000;
  const exitCode = await new Promise<number>((resolvePromise, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    options.signal?.addEventListener('abort', () => child.kill('SIGKILL'), { once: true });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise(code ?? (signal ? 128 : 1));
    });
  });
  if (options.onLine && pending) options.onLine(pending);
  const annotations = [...log.matchAll(/^::(error|warning|notice)[^:]*::(.*)$/gm)].map((m) => ({
    level: m[1],
    message: m[2],
  }));
  const result: BundleRun = {
    exitCode,
    outputs: parseCommandFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    state: parseCommandFile(readFileSync(files.GITHUB_STATE, 'utf8')),
    stdout,
    stderr,
    log,
    durationMs: Date.now() - started,
    annotations,
    workDir: work,
  };
  return result;
}
