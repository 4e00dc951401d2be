import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LogRenderer } from '../harness/log-renderer.js';
import { errorMessage } from '../core/errors.js';
import { formatDuration } from '../core/duration.js';
import { repoRoot } from '../harness/metadata.js';
import { runBundle } from '../harness/run-bundle.js';
import { renderHtmlReport, renderMarkdownReport, renderTerminalTable } from './report.js';
import { SECTIONS } from './sections.js';
import type { RehearsalContext, StepResult } from './types.js';

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
 * rehearsal goes on, so one broken part does not hide how the rest behaves.
 */
export async function rehearse(options: RehearseOptions = {}): Promise<number> {
  const log = options.log ?? ((line: string) => console.log(line));
  const root = repoRoot();
  const startedAt = new Date();
  const workDir = mkdtempSync(join(tmpdir(), 'runway-rehearsal-'));
  const cleanups: (() => Promise<void> | void)[] = [];
  const ctx: RehearsalContext = {
    workDir,
    log,
    endpoints: {},
    shared: {},
    runnerEnv: {},
    onCleanup: (fn) => cleanups.push(fn),
    runAction: (name, bundleOptions) => {
      const renderer = new LogRenderer();
      return runBundle(name, {
        root,
        ...bundleOptions,
        env: { ...ctx.runnerEnv, ...bundleOptions.env },
        onLine: (line) => {
          const shown = renderer.render(line);
          if (shown !== undefined && shown.trim()) log(`    │ ${name}: ${shown}`);
        },
      });
    },
  };
  const steps: StepResult[] = [];
  for (const section of SECTIONS.filter((s) => !options.only || options.only.includes(s.name))) {
    log(`\n▶ ${section.title}`);
    const started = Date.now();
    try {
      const results = await section.run(ctx);
      for (const result of results) {
        log(`  ${result.ok ? '✓' : '✗'} ${result.step} (${formatDuration(result.ms)}): ${result.detail}`);
        steps.push(result);
      }
    } catch (error) {
      const detail = `section stopped: ${errorMessage(error)}`;
      log(`  ✗ ${detail}`);
      steps.push({ step: section.title, ok: false, detail, ms: Date.now() - started });
    }
  }
  const totalMs = Date.now() - startedAt.getTime();
  const reportDir = options.reportDir ?? join(root, 'rehearsal');
  mkdirSync(reportDir, { recursive: true });
  writeFileSync(join(reportDir, 'report.md'), renderMarkdownReport(steps, totalMs, startedAt));
  writeFileSync(join(reportDir, 'report.html'), renderHtmlReport(steps, totalMs, startedAt));
  log(`\n${renderTerminalTable(steps)}\n`);
  const failed = steps.filter((s) => !s.ok).length;
  log(`${steps.length - failed} of ${steps.length} steps behaved as expected in ${formatDuration(totalMs)}.`);
  log(`Reports: ${join(reportDir, 'report.md')} and ${join(reportDir, 'report.html')}`);

  if (options.keep) {
    log('\n--keep: everything stays up. Endpoints:');
    for (const [name, url] of Object.entries(ctx.endpoints)) log(`  ${name}: ${url}`);
    log('Press Ctrl-C to stop.');
    await new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
  }
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (error) {
      log(`cleanup: ${errorMessage(error)}`);
    }
  }
  return failed === 0 ? 0 : 1;
}
