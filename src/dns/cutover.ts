import { Deadline } from '../core/deadline.js';
import { formatDuration } from '../core/duration.js';
import { UserError } from '../core/errors.js';
import { cutoverBudgetMs, type CutoverOptions } from './options.js';
import { isNoop, planChange, planRows, type ChangePlan, type PlanRow } from './plan.js';
import type { HealthReport, TlsReport } from './preflight.js';
import type { ApplyReceipt, DnsProvider, ZoneInfo } from './provider.js';
import { createProvider } from './providers/index.js';
import { describeTarget, desiredRecords, formatRecordSet, type RecordSet } from './records.js';
import { makeSnapshot, type Snapshot } from './snapshot.js';
import { postSwitchHealth, preflight } from './target-checks.js';
import type { VerifyReport, Watcher } from './verify.js';
import { resolveWatchers, unmatched, verifyAll, verifyTypes } from './watchers.js';

export type CutoverStatus =
  | 'planned'
  | 'unchanged'
  | 'applied'
  | 'ttl-lowered'
  | 'restored'
  | 'refused'
  | 'preflight-failed'
  | 'rolled-back'
  | 'rollback-failed'
  | 'failed';

export interface RestoreStory {
  plan: ChangePlan;
  receipt?: ApplyReceipt;
  verify?: VerifyReport;
  /** What went wrong with the restore, as a sentence for the summary. */
  error?: string;
  ok: boolean;
  /** The previous records are back at the provider (even if not yet seen everywhere). */
  applied: boolean;
}

export interface CutoverResult {
  mode: CutoverOptions['mode'];
  provider: string;
  zone: string;
  name: string;
  target?: string;
  ok: boolean;
  status: CutoverStatus;
  /** Whether records at the provider are different at the end than at the start. */
  changed: boolean;
  /** Whether a change was sent at all (a rolled-back cutover sent two). */
  sent: boolean;
  plan: ChangePlan;
  rows: PlanRow[];
  previous: Snapshot;
  preflight: { tls?: TlsReport; health?: HealthReport };
  receipt?: ApplyReceipt;
  verify?: VerifyReport;
  postHealth: HealthReport[];
  rollback?: RestoreStory;
  /** What went wrong, in one or two sentences (both stories when a rollback happened). */
  failure?: string;
  /** lower-ttl: seconds to wait before the switch (the TTL resolvers may still hold). */
  waitSeconds?: number;
  notes: string[];
  timeline: { atMs: number; event: string }[];
  apiCalls: number;
  durationMs: number;
}

/** A restore after a late failure gets this long on top of the run's timeout, so it is never skipped. */
export const ROLLBACK_BUDGET_MS = 60_000;

/** One run: the options, the provider, the clock it runs against and what it has seen so far. */
interface Run {
  options: CutoverOptions;
  provider: DnsProvider;
  deadline: Deadline;
  started: number;
  calls: { count: number };
  timeline: CutoverResult['timeline'];
  mark: (event: string) => void;
}

/** What was there before: the zone, the records at the name, and the snapshot a rollback restores. */
interface Start {
  zone: ZoneInfo;
  before: RecordSet[];
  previous: Snapshot;
}

/**
 * The whole cutover at one name, as its runbook reads: read what is there; work out the change; stop
 * if it is refused, only planned, or not needed; check the new target; send the change as one atomic
 * request; verify it on the provider, every nameserver and resolver, and through the new target; and
 * restore the snapshot when anything after the change fails. Returns a result for every outcome it
 * handled; throws only for the caller's mistakes found at the provider (bad token, unknown zone) and
 * for faults before anything was changed.
 */
export async function cutover(options: CutoverOptions): Promise<CutoverResult> {
  const run = await openRun(options);
  const start = await readWhatIsThere(run);
  const result = planTheChange(run, start);
  const early = refuseOrStopAtPlan(run, result);
  if (early) return early;
  const watchers = await resolveWatchers(options, start.zone.nameservers);
  if (isNoop(result.plan)) return confirmUnchanged(run, start, result, watchers);
  if (options.mode === 'apply') {
    const pre = await preflight({ ...options, target: options.target }, run.mark);
    result.preflight = pre.reports;
    if (pre.failure)
      return finish(run, result, {
        ok: false,
        status: 'preflight-failed',
        failure: `${pre.failure} Nothing was changed.`,
      });
  }
  const sent = await sendTheChange(run, start, result);
  if ('settled' in sent) return sent.settled;
  const failure = sent.failure ?? (await verifyTheChange(run, start, result, watchers, sent.receipt));
  if (!failure) return finishVerified(run, result);
  run.mark(failure);
  if (options.mode === 'rollback') return finish(run, result, { ok: false, status: 'failed', failure });
  return undoTheChange(run, start, result, watchers, failure);
}

async function openRun(options: CutoverOptions): Promise<Run> {
  const started = Date.now();
  const budget = cutoverBudgetMs(options);
  const deadline = new Deadline(budget, `dns-cutover's timeout (${formatDuration(budget)})`, started);
  const calls = { count: 0 };
  const timeline: CutoverResult['timeline'] = [];
  const log = options.log ?? (() => undefined);
  const mark = (event: string) => {
    timeline.push({ atMs: Date.now() - started, event });
    log(event);
  };
  const provider = await createProvider(options.provider, {
    zone: options.zone,
    apiUrl: options.apiUrl,
    apiToken: options.apiToken,
    onCall: () => void calls.count++,
    log,
    syncTimeoutMs: options.verifyTimeoutMs,
    deadline,
  });
  return { options, provider, deadline, started, calls, timeline, mark };
}

/** The zone and the records at the name; a provider fault here fails the step with nothing touched. */
async function readWhatIsThere(run: Run): Promise<Start> {
  const { options, provider } = run;
  options.onState?.({ changed: false });
  let zone: ZoneInfo;
  let before: RecordSet[];
  try {
    zone = await provider.zone();
    before = await provider.read(options.name);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`${describeError(error)}; nothing was changed.`, {
      fix: `run the step again; if it keeps failing, check ${options.provider}'s status page (or api-url).`,
      cause: error,
    });
  }
  run.mark(`read ${before.length} rrset(s) at ${options.name} from ${options.provider}`);
  const previous = makeSnapshot(options.provider, options.zone, options.name, before);
  options.onState?.({ changed: false, previous });
  return { zone, before, previous };
}

/** The records the mode asks for, the plan from what is there to them, and the result that tells it. */
function planTheChange(run: Run, start: Start): CutoverResult {
  const { options } = run;
  const notes: string[] = [];
  const { desired, waitSeconds } = desiredFor(options, start.before, notes);
  const plan = planChange(options.name, start.before, desired, { keepProxied: options.mode !== 'rollback' });
  if (plan.after.some((s) => s.proxied))
    notes.push(
      'The record is proxied by Cloudflare: the name keeps answering with Cloudflare edge addresses and the origin changes behind it.',
    );
  return {
    mode: options.mode,
    provider: options.provider,
    zone: start.zone.name,
    name: options.name,
    target: options.mode === 'plan' || options.mode === 'apply' ? describeTarget(options.target) : undefined,
    ok: true,
    status: 'planned',
    changed: false,
    sent: false,
    plan,
    rows: planRows(plan),
    previous: start.previous,
    preflight: {},
    postHealth: [],
    notes,
    timeline: run.timeline,
    apiCalls: 0,
    durationMs: 0,
    waitSeconds,
  };
}

/** plan/apply: the target's records; rollback: the snapshot's; lower-ttl: the same records, shorter TTL. */
function desiredFor(
  options: CutoverOptions,
  before: RecordSet[],
  notes: string[],
): { desired: RecordSet[]; waitSeconds?: number } {
  if (options.mode === 'rollback') return { desired: options.previous.records };
  if (options.mode === 'plan' || options.mode === 'apply')
    return { desired: desiredRecords(options.name, options.target, options.ttl) };
  if (!before.length) {
    throw new UserError(`${options.name} has no A, AAAA or CNAME records to lower the TTL of.`, {
      input: 'name',
      fix: 'check the name; a new name needs no TTL lowering.',
    });
  }
  const desired = before.map((set) => {
    const alias = (set.providerData as { alias?: boolean } | undefined)?.alias;
    if (set.proxied || alias) {
      notes.push(
        `${set.type} is ${set.proxied ? 'proxied (TTL is automatic)' : 'a Route 53 alias (TTL follows the alias target)'}; left as it is.`,
      );
      return set;
    }
    return set.ttl > options.ttl ? { ...set, ttl: options.ttl, providerData: undefined } : set;
  });
  return { desired, waitSeconds: Math.max(0, ...before.map((set) => (set.ttl === 1 ? 300 : set.ttl))) };
}

/** Too many changes without force, or plan mode: the run ends here with nothing sent. */
function refuseOrStopAtPlan(run: Run, result: CutoverResult): CutoverResult | undefined {
  const { options } = run;
  const { plan } = result;
  if (plan.recordChanges > options.maxChanges && !options.force) {
    return finish(run, result, {
      ok: false,
      status: 'refused',
      failure: `The plan changes ${plan.recordChanges} records, more than max-changes (${options.maxChanges}); nothing was changed. Raise max-changes or set force: true after reading the plan.`,
    });
  }
  if (options.mode !== 'plan') return undefined;
  run.mark(
    isNoop(plan)
      ? 'plan: the records already match; an apply would send nothing'
      : `plan: ${plan.recordChanges} record change(s)`,
  );
  return finish(run, result, { status: isNoop(plan) ? 'unchanged' : 'planned' });
}

/** Nothing to send: still verify that every server answers what the provider holds. */
async function confirmUnchanged(
  run: Run,
  start: Start,
  result: CutoverResult,
  watchers: Watcher[],
): Promise<CutoverResult> {
  const { options, provider } = run;
  run.mark('the records already match; nothing sent');
  const budget = verifyBudget(run);
  const types = verifyTypes(start.before, result.plan.after);
  const verify = await verifyAll(
    provider,
    options,
    result.plan.after,
    types,
    watchers,
    Date.now(),
    budget,
    run.mark,
  );
  return finish(run, result, {
    status: 'unchanged',
    verify,
    ok: verify.ok,
    failure: verify.ok
      ? undefined
      : `The records already match at ${options.provider}, but ${unmatched(verify)} still answer(s) something else after ${formatDuration(budget)}.`,
  });
}

/**
 * The one atomic request. Every provider applies it all-or-nothing, but its answer can be lost after it
 * was taken: the records are read back rather than assumed, and anything but "unchanged" counts as changed.
 */
async function sendTheChange(
  run: Run,
  start: Start,
  result: CutoverResult,
): Promise<
  { receipt: ApplyReceipt; failure?: undefined } | { failure: string } | { settled: CutoverResult }
> {
  const { options, provider } = run;
  const { plan } = result;
  run.mark(
    `sending the change to ${options.provider} (${plan.deletes.length} delete, ${plan.upserts.length} replace, one request)`,
  );
  try {
    const receipt = await provider.apply(plan);
    markChanged(run, start, result);
    result.receipt = receipt;
    const sync = receipt.inSyncAt
      ? `, INSYNC after ${formatDuration(receipt.inSyncAt - receipt.acceptedAt)}`
      : '';
    run.mark(`${options.provider} accepted the change${sync}`);
    return { receipt };
  } catch (error) {
    // Finding out whether the change landed is part of undoing it: it gets the rollback's budget.
    run.deadline.extend(ROLLBACK_BUDGET_MS, `the rollback's own ${formatDuration(ROLLBACK_BUDGET_MS)}`);
    const now = await provider.read(options.name).catch(() => undefined);
    const untouched =
      now !== undefined && isNoop(planChange(options.name, now, start.before, { keepProxied: false }));
    if (untouched) {
      if (error instanceof UserError) throw error;
      const failure = `${options.provider} did not accept the change: ${describeError(error)}. The records were read back unchanged.`;
      return { settled: finish(run, result, { ok: false, status: 'failed', failure }) };
    }
    markChanged(run, start, result);
    return {
      failure: `${options.provider} did not confirm the change (${describeError(error)}), and the records ${now ? 'read back changed' : 'could not be read back'}.`,
    };
  }
}

function markChanged(run: Run, start: Start, result: CutoverResult): void {
  result.sent = true;
  result.changed = true;
  run.options.onState?.({ changed: true, previous: start.previous });
}

/** From here on the records are switched: the first problem found is returned, and it will be undone. */
async function verifyTheChange(
  run: Run,
  start: Start,
  result: CutoverResult,
  watchers: Watcher[],
  receipt: ApplyReceipt,
): Promise<string | undefined> {
  const { options, provider } = run;
  const after = result.plan.after;
  try {
    const budget = verifyBudget(run);
    const types = verifyTypes(start.before, after);
    const verify = await verifyAll(
      provider,
      options,
      after,
      types,
      watchers,
      receipt.acceptedAt,
      budget,
      run.mark,
    );
    result.verify = verify;
    if (receipt.syncError) return `After the change, ${receipt.syncError}.`;
    if (!verify.ok)
      return `After the change, ${unmatched(verify)} did not answer the new records within ${formatDuration(budget)}.`;
    if (options.mode !== 'apply' || !options.healthUrl) return undefined;
    const health = await postSwitchHealth({ ...options, healthUrl: options.healthUrl }, run.mark);
    result.postHealth = health;
    if (!health.some((h) => h.ok))
      return `After the switch, ${options.healthUrl.href} failed ${health.length} time(s) through the new target (${health.at(-1)?.error}).`;
    return undefined;
  } catch (error) {
    return `After the change, verifying it failed: ${describeError(error)}.`;
  }
}

function finishVerified(run: Run, result: CutoverResult): CutoverResult {
  const mode = run.options.mode;
  const status = mode === 'rollback' ? 'restored' : mode === 'lower-ttl' ? 'ttl-lowered' : 'applied';
  const verify = result.verify!;
  run.mark(
    `${status}: verified on ${verify.servers.length} server(s) in ${formatDuration(verify.elapsedMs)}`,
  );
  return finish(run, result, { status });
}

/** Puts the snapshot back (with its own budget past the run's timeout) and tells both stories. */
async function undoTheChange(
  run: Run,
  start: Start,
  result: CutoverResult,
  watchers: Watcher[],
  failure: string,
): Promise<CutoverResult> {
  const { options } = run;
  run.deadline.extend(ROLLBACK_BUDGET_MS, `the rollback's own ${formatDuration(ROLLBACK_BUDGET_MS)}`);
  run.mark('restoring the previous records');
  const story = await restore(run, start.before, watchers);
  result.rollback = story.story;
  options.onState?.({ changed: !story.story.applied, previous: start.previous });
  const told = story.story.ok
    ? `${failure} The previous records were put back and verified in ${formatDuration(story.story.verify?.elapsedMs ?? 0)}.`
    : story.story.applied
      ? `${failure} The previous records were put back, but ${story.problem}.`
      : `${failure} Restoring the previous records also failed: ${story.problem}. Restore them by hand at ${options.provider} — ${options.name} must hold ${start.before.map(formatRecordSet).join('; ') || 'no A, AAAA or CNAME records'} — or run mode: rollback with the 'previous' output.`;
  return finish(run, result, {
    ok: false,
    status: story.story.ok ? 'rolled-back' : 'rollback-failed',
    changed: !story.story.applied,
    failure: told,
  });
}

/** Reads what is there now, sends the change back to `before` if needed, and verifies it. */
async function restore(
  run: Run,
  before: RecordSet[],
  watchers: Watcher[],
): Promise<{ story: RestoreStory; problem?: string }> {
  const { options, provider } = run;
  let plan: ChangePlan | undefined;
  try {
    const now = await provider.read(options.name);
    plan = planChange(options.name, now, before, { keepProxied: false });
    const receipt = isNoop(plan) ? undefined : await provider.apply(plan);
    if (receipt) run.mark(`${options.provider} accepted the restore`);
    const backBut = (problem: string) => ({
      problem,
      error: `they are back at ${options.provider} but ${problem}`,
    });
    if (receipt?.syncError) {
      const told = backBut(`not confirmed on its servers: ${receipt.syncError}`);
      return { story: { plan, receipt, ok: false, applied: true, error: told.error }, problem: told.problem };
    }
    const since = receipt?.acceptedAt ?? Date.now();
    const verify = await verifyAll(
      provider,
      options,
      before,
      verifyTypes(now, before),
      watchers,
      since,
      verifyBudget(run),
      run.mark,
    );
    run.mark(
      verify.ok
        ? `previous records verified back in ${formatDuration(verify.elapsedMs)}`
        : 'previous records not verified everywhere',
    );
    const told = verify.ok
      ? undefined
      : backBut(`not verified: ${unmatched(verify)} still answer(s) something else`);
    return {
      story: { plan, receipt, verify, ok: verify.ok, applied: true, error: told?.error },
      problem: told?.problem,
    };
  } catch (error) {
    const problem = describeError(error);
    return {
      story: {
        plan: plan ?? planChange(options.name, [], before),
        ok: false,
        applied: false,
        error: problem,
      },
      problem,
    };
  }
}

/** The propagation wait: verify-timeout, but never past the run's deadline. */
function verifyBudget(run: Run): number {
  return Math.max(1, Math.min(run.options.verifyTimeoutMs, run.deadline.remainingMs()));
}

function finish(run: Run, result: CutoverResult, patch: Partial<CutoverResult>): CutoverResult {
  return Object.assign(result, patch, { apiCalls: run.calls.count, durationMs: Date.now() - run.started });
}

function describeError(error: unknown): string {
  if (error instanceof UserError) return error.describe();
  return error instanceof Error ? error.message.replace(/\.$/, '') : String(error);
}
