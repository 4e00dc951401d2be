import { sleep } from '../core/retry.js';
import { formatDuration } from '../core/duration.js';
import { queryDns, type DnsServer } from './query.js';
import { normalizeValue, sameValues, type CutoverType, type RecordSet } from './records.js';

export interface Watcher {
  server: DnsServer;
  /** Authoritative servers are asked without recursion and must answer with AA; resolvers may cache. */
  role: 'authoritative' | 'resolver';
  /**
   * The nameserver hostname this address belongs to. A server is proven by any one of its addresses:
   * an address that never answers at all (an IPv6 address from a runner without IPv6) is left out,
   * while one that answers something else still blocks.
   */
  group?: string;
}

export interface ServerReport {
  server: string;
  role: Watcher['role'];
  /** What it said last, e.g. `CNAME voice-bot.fly.dev (60s)`. */
  answer: string;
  matched: boolean;
  /** Time from the provider accepting the change to the first matching answer. */
  matchedAfterMs?: number;
  queries: number;
  error?: string;
  /** Never answered from this host, and another address of the same nameserver did match. */
  unreachable?: boolean;
}

export interface VerifyReport {
  ok: boolean;
  elapsedMs: number;
  servers: ServerReport[];
  /** Types whose answers cannot be compared (proxied records answer with edge addresses). */
  skipped: string[];
}

export interface VerifyOptions {
  name: string;
  expected: RecordSet[];
  /** Types to compare: those of the expected records and of the records being replaced. */
  types: CutoverType[];
  watchers: Watcher[];
  timeoutMs: number;
  /** Epoch ms the clock starts from (the provider's acceptance). */
  since: number;
  intervalMs?: number;
  log?: (line: string) => void;
}

/** Answers that say `name` holds exactly `expected` (ignoring TTL above what was set, see below). */
export function answerMatches(
  records: { name: string; type: string; ttl: number; data: string }[],
  name: string,
  type: CutoverType,
  expected: RecordSet | undefined,
): boolean {
  const own = records.filter((r) => r.name === name && r.type === type);
  const values = own.map((r) => normalizeValue(type, r.data));
  if (!expected) return own.length === 0;
  if (!sameValues([...new Set(values)], expected.values)) return false;
  // A TTL above the one set means an old copy (a resolver cache, or a server that has not reloaded);
  // Cloudflare's automatic TTL (1) is served as 300.
  const limit = expected.ttl === 1 ? 300 : expected.ttl;
  return own.every((r) => r.ttl <= limit);
}

function describeAnswer(
  records: { name: string; type: string; ttl: number; data: string }[],
  name: string,
  rcode: string,
): string {
  const own = records.filter((r) => r.name === name);
  if (!own.length) return rcode === 'NOERROR' ? 'no records' : rcode;
  const unique = [...new Map(own.map((r) => [`${r.type} ${r.data}`, r])).values()];
  return unique.map((r) => `${r.type} ${r.data} (${r.ttl}s)`).join(', ');
}

/** What one verification has seen so far: a report per watcher and whether that watcher ever answered. */
interface Watch {
  options: VerifyOptions;
  /** The types compared; none when the records are proxied (their answers are edge addresses). */
  types: CutoverType[];
  /** Epoch ms after which no new round starts. */
  deadline: number;
  reports: ServerReport[];
  answered: boolean[];
}

/**
 * Asks every watcher, every `intervalMs`, until each has answered the expected records for every type
 * or the timeout passes. A server that matched is not asked again; the report keeps who answered what
 * and how long after the change.
 */
export async function verifyPropagation(options: VerifyOptions): Promise<VerifyReport> {
  const interval = options.intervalMs ?? 250;
  const proxied = options.expected.some((set) => set.proxied);
  const watch: Watch = {
    options,
    types: proxied ? [] : options.types,
    deadline: options.since + options.timeoutMs,
    reports: options.watchers.map((w) => ({
      server: w.server.label,
      role: w.role,
      answer: 'not asked yet',
      matched: false,
      queries: 0,
    })),
    answered: options.watchers.map(() => false),
  };
  for (let round = 1; ; round++) {
    await Promise.all(options.watchers.map((_, i) => ask(watch, i)));
    if (allSettled(watch)) break;
    if (Date.now() + interval > watch.deadline) break;
    if (round % 20 === 0) logWaiting(watch);
    await sleep(interval);
  }
  watch.reports.forEach((r, i) => {
    if (!r.matched && settled(watch, i)) r.unreachable = true;
  });
  return {
    ok: allSettled(watch),
    elapsedMs: Date.now() - options.since,
    servers: watch.reports,
    skipped: proxied
      ? ['proxied records answer with Cloudflare edge addresses; the change was verified through the API']
      : [],
  };
}

/**
 * A watcher is done when it matched, or when it never answered at all and another address of the same
 * nameserver (its group) matched.
 */
function settled(watch: Watch, i: number): boolean {
  const { reports, answered, options } = watch;
  if (reports[i].matched) return true;
  const group = options.watchers[i].group;
  return (
    group !== undefined &&
    !answered[i] &&
    reports.some((r, j) => j !== i && r.matched && options.watchers[j].group === group)
  );
}

function allSettled(watch: Watch): boolean {
  return watch.reports.every((_, i) => settled(watch, i));
}

function logWaiting(watch: Watch): void {
  const waiting = watch.reports.filter((_, i) => !settled(watch, i)).map((r) => `${r.server} (${r.answer})`);
  watch.options.log?.(`still waiting on ${waiting.join(', ')}`);
}

/** One round for one watcher: ask for every type, record what it said, and whether that is the expected answer. */
async function ask(watch: Watch, i: number): Promise<void> {
  const { options, types } = watch;
  const [watcher, report] = [options.watchers[i], watch.reports[i]];
  if (report.matched) return;
  try {
    const answers = await Promise.all(
      types.map((type) =>
        queryDns(watcher.server, options.name, type, {
          recursion: watcher.role === 'resolver',
          timeoutMs: Math.min(1500, Math.max(200, watch.deadline - Date.now())),
        }),
      ),
    );
    report.queries += answers.length;
    report.error = undefined;
    watch.answered[i] = true;
    report.answer = describeAnswer(
      answers.flatMap((a) => a.records),
      options.name,
      answers.find((a) => a.rcode !== 'NOERROR')?.rcode ?? 'NOERROR',
    );
    const authoritativeOk = watcher.role === 'resolver' || answers.every((a) => a.authoritative);
    if (!authoritativeOk) report.answer += ' (not authoritative)';
    const ok =
      authoritativeOk &&
      types.every((type, t) =>
        answerMatches(
          answers[t].records,
          options.name,
          type,
          options.expected.find((s) => s.type === type),
        ),
      );
    if (ok) {
      report.matched = true;
      report.matchedAfterMs = Date.now() - options.since;
      options.log?.(
        `${watcher.server.label} answers ${report.answer} after ${formatDuration(report.matchedAfterMs)}`,
      );
    }
  } catch (error) {
    report.queries++;
    report.error = (error as Error).message;
    report.answer = `error: ${report.error}`;
  }
}
