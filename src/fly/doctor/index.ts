import { errorMessage } from '../../core/errors.js';
import { registerSecret } from '../../core/secrets.js';
import { Summary, escapeCell } from '../../core/summary.js';
import { FlyApi } from '../client.js';
import { LeaseKeeper } from '../leases.js';
import { inspectApp, type Declared, type Finding } from './inspect.js';
import { chooseDirection, planRepair, type DoctorDirection } from './repair.js';

export type DoctorFix = 'none' | 'auto' | DoctorDirection;
export const DOCTOR_FIXES: DoctorFix[] = ['none', 'auto', 'finish', 'revert'];

export interface DoctorOptions {
  app: string;
  apiUrl: string;
  apiToken: string;
  /** `none` only prints the plan; `auto` finishes a blue-green whose green already serves, else reverts. */
  fix: DoctorFix;
  /** The app's declared size, when known (`expected-machines`, or `count` read as fly-deploy reads it). */
  declared?: Declared;
  waitTimeoutMs: number;
  log?: (line: string) => void;
}

export interface DoctorReport {
  app: string;
  /** What the unfinished rollout left, before the doctor acted. */
  before: Finding[];
  direction?: DoctorDirection;
  plan: string[];
  refused?: string;
  applied: boolean;
  /** What is left after the doctor acted (equal to `before` when it did not act). */
  after: Finding[];
  /** The step that failed, if one did; the later steps were not run. */
  failure?: string;
}

/**
 * Inspects an app for what a failed or cancelled rollout left behind, prints the repair plan first and,
 * when asked, carries it out step by step (stopping at the first failure), then inspects again.
 */
export async function runDoctor(options: DoctorOptions): Promise<DoctorReport> {
  registerSecret(options.apiToken);
  const log = options.log ?? (() => {});
  const api = new FlyApi({ apiUrl: options.apiUrl, token: options.apiToken, app: options.app, log });
  const inspection = await inspectApp(api, options.declared);
  const report: DoctorReport = {
    app: options.app,
    before: inspection.findings,
    plan: [],
    applied: false,
    after: inspection.findings,
  };
  if (!inspection.findings.length) {
    log(`doctor: ${options.app} is clean (${inspection.fleet.length} app Machine(s), one release)`);
    return report;
  }
  for (const f of inspection.findings) log(`doctor: found ${f.text}: ${f.machines.join(', ')}`);
  const direction =
    options.fix === 'finish' || options.fix === 'revert' ? options.fix : chooseDirection(inspection);
  const plan = planRepair(inspection, direction);
  report.direction = direction;
  report.plan = plan.steps.map((s) => s.text);
  report.refused = plan.refused;
  log(`doctor: plan (${direction}):`);
  for (const [i, text] of report.plan.entries()) log(`  ${i + 1}. ${text}`);
  if (plan.refused) {
    log(`doctor: will not act: ${plan.refused}`);
    return report;
  }
  if (options.fix === 'none') {
    log('doctor: fix is none, so nothing was changed');
    return report;
  }
  const leases = new LeaseKeeper(api, 13, `runway doctor ${options.app}`, log);
  try {
    for (const step of plan.steps) {
      log(`doctor: ${step.text}`);
      await step.run({ api, leases, waitTimeoutMs: options.waitTimeoutMs, log });
    }
    report.applied = true;
  } catch (error) {
    report.failure = errorMessage(error);
    log(`doctor: stopped: ${report.failure}`);
  } finally {
    await leases.releaseAll();
  }
  report.after = (await inspectApp(api, options.declared)).findings;
  return report;
}

export type DoctorStatus = 'clean' | 'repaired' | 'needs-repair' | 'failed';

/**
 * The step's verdict: `failed` when a repair was asked for and something is still left, so a deploy
 * never starts on a mess; `needs-repair` when the doctor only printed the plan.
 */
export function doctorVerdict(
  report: DoctorReport,
  fix: DoctorFix,
): { status: DoctorStatus; message?: string } {
  if (!report.before.length) return { status: 'clean' };
  if (!report.after.length) return { status: 'repaired' };
  if (fix === 'none')
    return {
      status: 'needs-repair',
      message: `${report.app}: an unfinished rollout left ${report.before.map((f) => f.kind).join(', ')}; run again with doctor-fix: auto (or finish / revert) to repair it.`,
    };
  return {
    status: 'failed',
    message: `the doctor could not repair ${report.app}: ${report.refused ?? report.failure ?? report.after.map((f) => f.text).join('; ')}`,
  };
}

/** The job summary (and the CLI's closing table): findings before and after, and the plan. */
export function renderDoctorSummary(report: DoctorReport): string {
  const s = new Summary();
  const clean = report.before.length === 0;
  s.heading(`🩺 Doctor: ${report.app}${clean ? ' is clean' : ''}`, 2);
  if (clean) return s.toString();
  s.table(
    ['Left behind', 'Machines', 'After the doctor'],
    report.before.map((f) => [
      escapeCell(f.text),
      f.machines.join(', '),
      report.after.some((a) => a.kind === f.kind) ? 'still there' : 'fixed',
    ]),
  );
  s.heading(`Plan (${report.direction ?? '-'})`, 3);
  s.raw(`${report.plan.map((p, i) => `${i + 1}. ${escapeCell(p)}`).join('\n')}\n`);
  if (report.refused) s.paragraph(`**Not done:** ${escapeCell(report.refused)}`);
  else if (report.failure) s.paragraph(`**Stopped at a failed step:** ${escapeCell(report.failure)}`);
  else if (!report.applied) s.paragraph('Nothing was changed (`doctor-fix: none`).');
  return s.toString();
}
