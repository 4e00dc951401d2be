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

/**
 * Asks every watcher, every `intervalMs`, until each has answered the expected records for every type
 * or the timeout passes. A server that matched is not asked again; the report keeps who answered what
 * and how long after the change.
 */
export async function verifyPropagation(options: VerifyOptions): Promise<VerifyReport> {
  const interval = options.intervalMs ?? 250;
  const proxied = options.expected.some((set) => set.proxied);
  const types = proxied ? [] : options.types;
  const reports: ServerReport[] = options.watchers.map((w) => ({
    server: w.server.label,
    role: w.role,
    answer: 'not asked yet',
    matched: false,
    queries: 0,
  }));
  const deadline = options.since + options.timeoutMs;
  let round = 0;
  const answered = reports.map(() => false);
  const settled = (i: number) => {
    if (reports[i].matched) return true;
    const group = options.watchers[i].group;
    return (
      group !== undefined &&
      !answered[i] &&
      reports.some((r, j) => j !== i && r.matched && options.watchers[j].group === group)
    );
  };
  for (;;) {
    await Promise.all(
      options.watchers.map(async (watcher, i) => {
        const report = reports[i];
        if (report.matched) return;
        try {
          const answers = await Promise.all(
            types.map((type) =>
              queryDns(watcher.server, options.name, type, {
                recursion: watcher.role === 'resolver',
                timeoutMs: Math.min(1500, Math.max(200, deadline - Date.now())),
              }),
            ),
          );
          report.queries += answers.length;
          report.error = undefined;
          answered[i] = true;
          const all = answers.flatMap((a) => a.records);
          report.answer = describeAnswer(
            all,
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
      }),
    );
    round++;
    if (reports.every((_, i) => settled(i))) break;
    if (Date.now() + interval > deadline) break;
    if (round % 20 === 0) {
      const waiting = reports.filter((_, i) => !settled(i)).map((r) => `${r.server} (${r.answer})`);
      options.log?.(`still waiting on ${waiting.join(', ')}`);
    }
    await sleep(interval);
  }
  reports.forEach((r, i) => {
    if (!r.matched && settled(i)) r.unreachable = true;
  });
  return {
    ok: reports.every((_, i) => settled(i)),
    elapsedMs: Date.now() - options.since,
    servers: reports,
    skipped: proxied
      ? ['proxied records answer with Cloudflare edge addresses; the change was verified through the API']
      : [],
  };
}
