import { lookup } from 'node:dns/promises';
import { UserError } from '../core/errors.js';
import { formatDuration } from '../core/duration.js';
import { sleep } from '../core/retry.js';
import type { HttpCall } from '../core/http.js';
import type { CutoverOptions } from './options.js';
import { isNoop, planChange, planRows, type ChangePlan, type PlanRow } from './plan.js';
import { checkHealth, checkTls, targetAddress, type HealthReport, type TlsReport } from './preflight.js';
import type { ApplyReceipt, DnsProvider } from './provider.js';
import { createProvider } from './providers/index.js';
import { parseServer } from './query.js';
import {
  CUTOVER_TYPES,
  describeTarget,
  desiredRecords,
  formatRecordSet,
  type CutoverType,
  type RecordSet,
} from './records.js';
import { makeSnapshot, type Snapshot } from './snapshot.js';
import { verifyPropagation, type VerifyReport, type Watcher } from './verify.js';

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

/**
 * The whole cutover at one name: plan, pre-flight, one atomic change, verification on every
 * authoritative server and resolver, a health check through the new target, and a rollback to the
 * snapshot when anything after the change fails. Returns a result for every outcome it handled;
 * throws only for the caller's mistakes found at the provider (bad token, unknown zone).
 */
export async function cutover(options: CutoverOptions): Promise<CutoverResult> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const timeline: CutoverResult['timeline'] = [];
  const mark = (event: string) => {
    timeline.push({ atMs: Date.now() - started, event });
    log(event);
  };
  let apiCalls = 0;
  const provider = await createProvider(options.provider, {
    zone: options.zone,
    apiUrl: options.apiUrl,
    apiToken: options.apiToken,
    onCall: (_call: HttpCall) => void apiCalls++,
    log,
    syncTimeoutMs: options.verifyTimeoutMs,
  });

  options.onState?.({ changed: false });
  let zone: Awaited<ReturnType<DnsProvider['zone']>>;
  let before: RecordSet[];
  try {
    zone = await provider.zone();
    before = await provider.read(options.name);
  } catch (error) {
    if (error instanceof UserError) throw error;
    // A provider fault before the change: the step fails in one line and nothing was touched.
    throw new UserError(`${describeError(error)}; nothing was changed.`, {
      fix: `run the step again; if it keeps failing, check ${options.provider}'s status page.`,
      cause: error,
    });
  }
  mark(`read ${before.length} rrset(s) at ${options.name} from ${options.provider}`);
  const previous = makeSnapshot(options.provider, options.zone, options.name, before);
  options.onState?.({ changed: false, previous });

  const notes: string[] = [];
  let desired: RecordSet[];
  let waitSeconds: number | undefined;
  if (options.mode === 'rollback') {
    desired = options.previous!.records;
  } else if (options.mode === 'lower-ttl') {
    if (!before.length) {
      throw new UserError(`${options.name} has no A, AAAA or CNAME records to lower the TTL of.`, {
        input: 'name',
        fix: 'check the name; a new name needs no TTL lowering.',
      });
    }
    desired = before.map((set) => {
      const alias = (set.providerData as { alias?: boolean } | undefined)?.alias;
      if (set.proxied || alias) {
        notes.push(
          `${set.type} is ${set.proxied ? 'proxied (TTL is automatic)' : 'a Route 53 alias (TTL follows the alias target)'}; left as it is.`,
        );
        return set;
      }
      return set.ttl > options.ttl ? { ...set, ttl: options.ttl, providerData: undefined } : set;
    });
    waitSeconds = Math.max(0, ...before.map((set) => (set.ttl === 1 ? 300 : set.ttl)));
  } else {
    desired = desiredRecords(options.name, options.target!, options.ttl);
  }
  const plan = planChange(options.name, before, desired, { keepProxied: options.mode !== 'rollback' });
  const result: CutoverResult = {
    mode: options.mode,
    provider: options.provider,
    zone: zone.name,
    name: options.name,
    target: options.target ? describeTarget(options.target) : undefined,
    ok: true,
    status: 'planned',
    changed: false,
    sent: false,
    plan,
    rows: planRows(plan),
    previous,
    preflight: {},
    postHealth: [],
    notes,
    timeline,
    apiCalls: 0,
    durationMs: 0,
    waitSeconds,
  };
  const finish = (patch: Partial<CutoverResult>): CutoverResult => {
    Object.assign(result, patch, { apiCalls, durationMs: Date.now() - started });
    return result;
  };
  if (plan.after.some((s) => s.proxied))
    notes.push(
      'The record is proxied by Cloudflare: the name keeps answering with Cloudflare edge addresses and the origin changes behind it.',
    );

  if (plan.recordChanges > options.maxChanges && !options.force) {
    return finish({
      ok: false,
      status: 'refused',
      failure: `The plan changes ${plan.recordChanges} records, more than max-changes (${options.maxChanges}); nothing was changed. Raise max-changes or set force: true after reading the plan.`,
    });
  }
  if (options.mode === 'plan') {
    mark(
      isNoop(plan)
        ? 'plan: the records already match; an apply would send nothing'
        : `plan: ${plan.recordChanges} record change(s)`,
    );
    return finish({ status: isNoop(plan) ? 'unchanged' : 'planned' });
  }

  const watchers = await resolveWatchers(options, zone.nameservers);
  const typesOf = (sets: RecordSet[]) => CUTOVER_TYPES.filter((t) => sets.some((s) => s.type === t));
  const verifyTypes = (from: RecordSet[], to: RecordSet[]): CutoverType[] =>
    [...new Set([...typesOf(from), ...typesOf(to)])].filter((t) => CUTOVER_TYPES.includes(t));

  if (isNoop(plan)) {
    mark('the records already match; nothing sent');
    const verify = await verifyAll(
      provider,
      options,
      plan.after,
      verifyTypes(before, plan.after),
      watchers,
      Date.now(),
      mark,
    );
    return finish({
      status: 'unchanged',
      verify,
      ok: verify.ok,
      failure: verify.ok
        ? undefined
        : `The records already match at ${options.provider}, but ${unmatched(verify)} still answer(s) something else after ${formatDuration(options.verifyTimeoutMs)}.`,
    });
  }

  if (options.mode === 'apply') {
    const pre = await preflight(options, mark);
    result.preflight = pre.reports;
    if (pre.failure)
      return finish({
        ok: false,
        status: 'preflight-failed',
        failure: `${pre.failure} Nothing was changed.`,
      });
  }

  let receipt: ApplyReceipt | undefined;
  let failure: string | undefined;
  const changed = () => {
    result.sent = true;
    result.changed = true;
    options.onState?.({ changed: true, previous });
  };
  try {
    mark(
      `sending the change to ${options.provider} (${plan.deletes.length} delete, ${plan.upserts.length} replace, one request)`,
    );
    receipt = await provider.apply(plan);
  } catch (error) {
    // Every provider applies the batch all-or-nothing, but the answer can be lost after it was taken:
    // confirm rather than assume, and treat anything but "read back unchanged" as changed.
    const now = await provider.read(options.name).catch(() => undefined);
    const untouched =
      now !== undefined && isNoop(planChange(options.name, now, before, { keepProxied: false }));
    if (untouched) {
      if (error instanceof UserError) throw error;
      return finish({
        ok: false,
        status: 'failed',
        failure: `${options.provider} did not accept the change: ${describeError(error)}. The records were read back unchanged.`,
      });
    }
    changed();
    failure = `${options.provider} did not confirm the change (${describeError(error)}), and the records ${now ? 'read back changed' : 'could not be read back'}.`;
  }
  let verify: VerifyReport | undefined;
  if (receipt) {
    changed();
    result.receipt = receipt;
    mark(
      `${options.provider} accepted the change${receipt.inSyncAt ? `, INSYNC after ${formatDuration(receipt.inSyncAt - receipt.acceptedAt)}` : ''}`,
    );
    // From here on the records are switched: whatever goes wrong must end in the restore below.
    try {
      verify = await verifyAll(
        provider,
        options,
        plan.after,
        verifyTypes(before, plan.after),
        watchers,
        receipt.acceptedAt,
        mark,
      );
      result.verify = verify;
      if (receipt.syncError) {
        failure = `After the change, ${receipt.syncError}.`;
      } else if (!verify.ok) {
        failure = `After the change, ${unmatched(verify)} did not answer the new records within ${formatDuration(options.verifyTimeoutMs)}.`;
      } else if (options.mode === 'apply' && options.healthUrl) {
        const after = await postSwitchHealth(options, mark);
        result.postHealth = after;
        if (!after.some((h) => h.ok))
          failure = `After the switch, ${options.healthUrl.href} failed ${after.length} time(s) through the new target (${after.at(-1)?.error}).`;
      }
    } catch (error) {
      failure = `After the change, verifying it failed: ${describeError(error)}.`;
    }
  }
  if (!failure && verify) {
    const status =
      options.mode === 'rollback' ? 'restored' : options.mode === 'lower-ttl' ? 'ttl-lowered' : 'applied';
    mark(`${status}: verified on ${verify.servers.length} server(s) in ${formatDuration(verify.elapsedMs)}`);
    return finish({ status });
  }
  failure ??= 'After the change, it could not be verified.';
  mark(failure);
  if (options.mode === 'rollback') return finish({ ok: false, status: 'failed', failure });

  mark('restoring the previous records');
  const story = await restore(provider, options, before, watchers, mark, verifyTypes);
  result.rollback = story;
  const told = story.ok
    ? `${failure} The previous records were put back and verified in ${formatDuration(story.verify?.elapsedMs ?? 0)}.`
    : story.applied
      ? `${failure} The previous records were put back, but ${(story.error ?? '').replace(/^they are back at \S+ but /, '')}.`
      : `${failure} Restoring the previous records also failed: ${story.error}. Restore them by hand at ${options.provider} — ${options.name} must hold ${before.map(formatRecordSet).join('; ') || 'no A, AAAA or CNAME records'} — or run mode: rollback with the 'previous' output.`;
  if (!story.applied) options.onState?.({ changed: true, previous });
  else options.onState?.({ changed: false, previous });
  return finish({
    ok: false,
    status: story.ok ? 'rolled-back' : 'rollback-failed',
    changed: !story.applied,
    failure: told,
  });
}

function describeError(error: unknown): string {
  if (error instanceof UserError) return error.describe();
  return error instanceof Error ? error.message.replace(/\.$/, '') : String(error);
}

function unmatched(verify: VerifyReport): string {
  const bad = verify.servers.filter((s) => !s.matched && !s.unreachable);
  return bad.map((s) => `${s.server} (${s.answer})`).join(', ') || 'the provider read-back';
}

async function resolveWatchers(options: CutoverOptions, zoneNameservers: string[]): Promise<Watcher[]> {
  const watchers: Watcher[] = [];
  if (options.nameservers !== 'none') {
    const list = options.nameservers.length ? options.nameservers : zoneNameservers;
    if (!list.length) {
      throw new UserError(`the provider lists no nameservers for ${options.zone}.`, {
        input: 'nameservers',
        fix: 'list the servers to verify on, or none.',
      });
    }
    for (const entry of list) {
      const direct = parseServer(entry);
      if (direct) {
        watchers.push({ server: direct, role: 'authoritative' });
        continue;
      }
      try {
        const addresses = options.resolveNameserver
          ? await options.resolveNameserver(entry)
          : (await lookup(entry, { all: true })).map((a) => a.address);
        for (const address of addresses) {
          const server = parseServer(address);
          if (!server || server.kind !== 'udp') continue;
          watchers.push({
            server: { ...server, label: `${entry} (${server.label})` },
            role: 'authoritative',
            group: entry,
          });
        }
        if (!addresses.length) throw Object.assign(new Error('no addresses'), { code: 'ENODATA' });
      } catch (error) {
        throw new UserError(
          `nameserver ${entry} does not resolve (${(error as NodeJS.ErrnoException).code}); nothing was changed.`,
          {
            input: 'nameservers',
            fix: 'list the nameservers as addresses, or none to skip DNS verification.',
          },
        );
      }
    }
  }
  for (const r of options.resolvers) watchers.push({ server: parseServer(r)!, role: 'resolver' });
  return watchers;
}

/** Reads the records back from the API first (the provider's own truth), then asks the DNS servers. */
async function verifyAll(
  provider: DnsProvider,
  options: CutoverOptions,
  expected: RecordSet[],
  types: CutoverType[],
  watchers: Watcher[],
  since: number,
  mark: (e: string) => void,
): Promise<VerifyReport> {
  const readBack = await provider.read(options.name);
  const same = isNoop(planChange(options.name, readBack, expected, { keepProxied: false }));
  const apiRow = {
    server: `${options.provider} API`,
    role: 'authoritative' as const,
    answer: readBack.map((s) => `${s.type} ${s.values.join(', ')} (${s.ttl}s)`).join(', ') || 'no records',
    matched: same,
    matchedAfterMs: same ? Date.now() - since : undefined,
    queries: 1,
  };
  if (!same) return { ok: false, elapsedMs: Date.now() - since, servers: [apiRow], skipped: [] };
  if (!watchers.length) mark('no nameservers or resolvers to ask; verified through the API only');
  const report = await verifyPropagation({
    name: options.name,
    expected,
    types,
    watchers,
    timeoutMs: options.verifyTimeoutMs,
    intervalMs: options.verifyIntervalMs,
    since,
    log: options.log,
  });
  return { ...report, servers: [apiRow, ...report.servers] };
}

async function preflight(
  options: CutoverOptions,
  mark: (e: string) => void,
): Promise<{ reports: CutoverResult['preflight']; failure?: string }> {
  const reports: CutoverResult['preflight'] = {};
  if (!options.tlsCheck && !options.healthUrl) return { reports };
  let address: string;
  try {
    address = await targetAddress(options.target!, options.connectTo);
  } catch (error) {
    return {
      reports,
      failure: `Pre-flight: ${(error as Error).message}; set connect-to to check it at a known address.`,
    };
  }
  if (options.tlsCheck) {
    const port = options.connectTo?.port ?? 443;
    const tls = await checkTls(address, port, options.name, { ca: options.ca });
    reports.tls = tls;
    mark(
      `pre-flight TLS ${address}:${port} SNI ${options.name}: ${tls.ok ? `ok (${tls.altNames ?? tls.subject}, until ${tls.validTo})` : tls.error}`,
    );
    if (!tls.ok) {
      return {
        reports,
        failure: `Pre-flight: the new target does not present a certificate valid for ${options.name} (${tls.error}). On Fly, run fly certs add ${options.name} and wait until fly certs check shows it issued.`,
      };
    }
  }
  if (options.healthUrl) {
    const health = await checkHealth(options.healthUrl, address, options.connectTo?.port, { ca: options.ca });
    reports.health = health;
    mark(
      `pre-flight health ${options.healthUrl.href} via ${address}:${health.port}: ${health.ok ? `${health.status} in ${health.ms}ms` : health.error}`,
    );
    if (!health.ok)
      return {
        reports,
        failure: `Pre-flight: ${options.healthUrl.href} through the new target failed (${health.error}).`,
      };
  }
  return { reports };
}

/** After the switch the app gets real traffic; a few tries a second apart before calling it down. */
async function postSwitchHealth(options: CutoverOptions, mark: (e: string) => void): Promise<HealthReport[]> {
  const reports: HealthReport[] = [];
  const address = await targetAddress(options.target!, options.connectTo).catch(() => undefined);
  if (!address)
    return [
      {
        ok: false,
        url: options.healthUrl!.href,
        address: '?',
        port: 0,
        error: 'the target does not resolve',
        ms: 0,
      },
    ];
  for (let attempt = 1; attempt <= 3; attempt++) {
    const health = await checkHealth(options.healthUrl!, address, options.connectTo?.port, {
      ca: options.ca,
    });
    reports.push(health);
    mark(
      `health after the switch (${attempt}/3): ${health.ok ? `${health.status} in ${health.ms}ms` : health.error}`,
    );
    if (health.ok) break;
    if (attempt < 3) await sleep(1000);
  }
  return reports;
}

async function restore(
  provider: DnsProvider,
  options: CutoverOptions,
  before: RecordSet[],
  watchers: Watcher[],
  mark: (e: string) => void,
  verifyTypes: (from: RecordSet[], to: RecordSet[]) => CutoverType[],
): Promise<RestoreStory> {
  let plan: ChangePlan | undefined;
  try {
    const now = await provider.read(options.name);
    plan = planChange(options.name, now, before, { keepProxied: false });
    let receipt: ApplyReceipt | undefined;
    if (!isNoop(plan)) {
      receipt = await provider.apply(plan);
      mark(`${options.provider} accepted the restore`);
    }
    if (receipt?.syncError)
      return {
        plan,
        receipt,
        ok: false,
        applied: true,
        error: `they are back at ${options.provider} but not confirmed on its servers: ${receipt.syncError}`,
      };
    const verify = await verifyAll(
      provider,
      options,
      before,
      verifyTypes(now, before),
      watchers,
      receipt?.acceptedAt ?? Date.now(),
      mark,
    );
    mark(
      verify.ok
        ? `previous records verified back in ${formatDuration(verify.elapsedMs)}`
        : 'previous records not verified everywhere',
    );
    const error = verify.ok
      ? undefined
      : `they are back at ${options.provider} but not verified: ${unmatched(verify)} still answer(s) something else`;
    return { plan, receipt, verify, ok: verify.ok, applied: true, error };
  } catch (error) {
    return {
      plan: plan ?? planChange(options.name, [], before),
      ok: false,
      applied: false,
      error: describeError(error),
    };
  }
}
