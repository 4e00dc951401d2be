import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LogRenderer, renderOwnWorkflowCommands } from '../harness/log-renderer.js';
import { errorMessage } from '../core/errors.js';
import { formatDuration } from '../core/duration.js';
import { repoRoot } from '../harness/metadata.js';
import { runBundle } from '../harness/run-bundle.js';
import { renderHtmlReport, renderMarkdownReport, renderTerminalTable } from './report.js';
import { SECTIONS } from './sections.js';
import type { RehearsalContext, RehearsalRun, StepResult } from './types.js';

export interface RehearseOptions {
  keep?: boolean;
  /** Where the Markdown and HTML reports go (default: rehearsal/ under the repository). */
  reportDir?: string;
  log?: (line: string) => void;
  /** Run only these sections (by name); the CLI's default is all of them in pipeline order. */
  only?: string[];
}

/**
 * `npm start`: the pipeline the workflows run, on one machine, against local stand-ins — each action
 * from its built bundle, as the runner would run it. Sections run in pipeline order and hand endpoints
 * and values on through the context; a section that throws is recorded as a failed step and the
 * rehearsal goes on, so one broken part does not hide how the rest behaves. Everything it creates in
 * the temp dir lives in one work dir, removed at the end (kept with --keep); only the reports stay.
 */
export async function rehearse(options: RehearseOptions = {}): Promise<number> {
  const log = options.log ?? ((line: string) => console.log(line));
  const startedAt = new Date();
  const workDir = mkdtempSync(join(tmpdir(), 'runway-rehearsal-'));
  const cleanups: (() => Promise<void> | void)[] = [];
  // In-process helpers (the GitHub client) call core.setSecret: render, never print, `::add-mask::`.
  const restoreStdout = renderOwnWorkflowCommands();
  try {
    const ctx = createContext(workDir, log, cleanups);
    const steps = await runSections(ctx, options.only);
    const totalMs = Date.now() - startedAt.getTime();
    writeReports(ctx, steps, totalMs, startedAt, options.reportDir ?? join(repoRoot(), 'rehearsal'), log);
    if (options.keep) await keepRunning(ctx, log);
    return steps.every((s) => s.ok) ? 0 : 1;
  } finally {
    await runCleanups(cleanups, log);
    if (options.keep) log(`--keep: the work dir stays at ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
    restoreStdout();
  }
}

function createContext(
  workDir: string,
  log: (line: string) => void,
  cleanups: (() => Promise<void> | void)[],
): RehearsalContext {
  const root = repoRoot();
  const ctx: RehearsalContext = {
    workDir,
    log,
    endpoints: {},
    shared: {},
    charts: {},
    runnerEnv: {},
    onCleanup: (fn) => cleanups.push(fn),
    runAction: async (name, bundleOptions): Promise<RehearsalRun> => {
      const renderer = new LogRenderer();
      const lines: RehearsalRun['lines'] = [];
      const startedAt = Date.now();
      const run = await runBundle(name, {
        root,
        // Every step's scratch dir (and its RUNNER_TEMP reports) lives in the rehearsal's, removed at the end.
        tempRoot: workDir,
        ...bundleOptions,
        env: { ...ctx.runnerEnv, ...bundleOptions.env },
        onLine: (line) => {
          const shown = renderer.render(line);
          if (shown === undefined || !shown.trim()) return;
          lines.push({ at: Date.now(), text: shown });
          log(`    │ ${name}: ${shown}`);
        },
      });
      return { ...run, startedAt, lines };
    },
  };
  return ctx;
}

async function runSections(ctx: RehearsalContext, only?: string[]): Promise<StepResult[]> {
  const steps: StepResult[] = [];
  for (const section of SECTIONS.filter((s) => !only || only.includes(s.name))) {
    ctx.log(`\n▶ ${section.title}`);
    const started = Date.now();
    try {
      const results = await section.run(ctx);
      for (const result of results) {
        ctx.log(`  ${result.ok ? '✓' : '✗'} ${result.step} (${formatDuration(result.ms)}): ${result.detail}`);
        steps.push(result);
      }
    } catch (error) {
      const detail = `section stopped: ${errorMessage(error)}`;
      ctx.log(`  ✗ ${detail}`);
      steps.push({ step: section.title, ok: false, detail, ms: Date.now() - started });
    }
  }
  return steps;
}

function writeReports(
  ctx: RehearsalContext,
  steps: StepResult[],
  totalMs: number,
  startedAt: Date,
  reportDir: string,
  log: (line: string) => void,
): void {
  mkdirSync(reportDir, { recursive: true });
  writeFileSync(join(reportDir, 'report.md'), renderMarkdownReport(steps, totalMs, startedAt));
  writeFileSync(
    join(reportDir, 'report.html'),
    renderHtmlReport(steps, totalMs, startedAt, ctx.charts ?? {}),
  );
  log(`\n${renderTerminalTable(steps)}\n`);
  const failed = steps.filter((s) => !s.ok).length;
  log(`${steps.length - failed} of ${steps.length} steps behaved as expected in ${formatDuration(totalMs)}.`);
  log(`Reports: ${join(reportDir, 'report.md')} and ${join(reportDir, 'report.html')}`);
}

async function keepRunning(ctx: RehearsalContext, log: (line: string) => void): Promise<void> {
  log('\n--keep: everything stays up. Endpoints:');
  for (const [name, url] of Object.entries(ctx.endpoints)) log(`  ${name}: ${url}`);
  log('Press Ctrl-C to stop.');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

async function runCleanups(cleanups: (() => Promise<void> | void)[], log: (line: string) => void) {
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (error) {
      log(`cleanup: ${errorMessage(error)}`);
    }
  }
}
