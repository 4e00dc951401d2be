import { lookup } from 'node:dns/promises';
import { UserError } from '../core/errors.js';
import type { CutoverOptions } from './options.js';
import { isNoop, planChange } from './plan.js';
import type { DnsProvider } from './provider.js';
import { parseServer } from './query.js';
import { CUTOVER_TYPES, type CutoverType, type RecordSet } from './records.js';
import { verifyPropagation, type VerifyReport, type Watcher } from './verify.js';

/** The DNS servers a change is verified on: the listed (or the zone's own) nameservers, then the resolvers. */
export async function resolveWatchers(
  options: CutoverOptions,
  zoneNameservers: string[],
): Promise<Watcher[]> {
  const watchers: Watcher[] = [];
  if (options.nameservers !== 'none') {
    const list = options.nameservers.length ? options.nameservers : zoneNameservers;
    if (!list.length) {
      throw new UserError(`the provider lists no nameservers for ${options.zone}.`, {
        input: 'nameservers',
        fix: 'list the servers to verify on, or none.',
      });
    }
    for (const entry of list) watchers.push(...(await nameserverWatchers(options, entry)));
  }
  for (const r of options.resolvers) watchers.push({ server: parseServer(r)!, role: 'resolver' });
  return watchers;
}

/** One nameserver entry: an address as it is, a hostname as each of its UDP addresses. */
async function nameserverWatchers(options: CutoverOptions, entry: string): Promise<Watcher[]> {
  const direct = parseServer(entry);
  if (direct) return [{ server: direct, role: 'authoritative' }];
  try {
    const addresses = options.resolveNameserver
      ? await options.resolveNameserver(entry)
      : (await lookup(entry, { all: true })).map((a) => a.address);
    if (!addresses.length) throw Object.assign(new Error('no addresses'), { code: 'ENODATA' });
    const watchers: Watcher[] = [];
    for (const address of addresses) {
      const server = parseServer(address);
      if (!server || server.kind !== 'udp') continue;
      watchers.push({
        server: { ...server, label: `${entry} (${server.label})` },
        role: 'authoritative',
        group: entry,
      });
    }
    return watchers;
  } catch (error) {
    throw new UserError(
      `nameserver ${entry} does not resolve (${(error as NodeJS.ErrnoException).code}); nothing was changed.`,
      { input: 'nameservers', fix: 'list the nameservers as addresses, or none to skip DNS verification.' },
    );
  }
}

/** The record types whose answers show a change from `from` to `to`. */
export function verifyTypes(from: RecordSet[], to: RecordSet[]): CutoverType[] {
  const typesOf = (sets: RecordSet[]) => CUTOVER_TYPES.filter((t) => sets.some((s) => s.type === t));
  return [...new Set([...typesOf(from), ...typesOf(to)])];
}

/**
 * Reads the records back from the API first (the provider's own truth), then asks the DNS servers until
 * they all answer `expected` or `timeoutMs` passes.
 */
export async function verifyAll(
  provider: DnsProvider,
  options: CutoverOptions,
  expected: RecordSet[],
  types: CutoverType[],
  watchers: Watcher[],
  since: number,
  timeoutMs: number,
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
    timeoutMs,
    intervalMs: options.verifyIntervalMs,
    since,
    log: options.log,
  });
  return { ...report, servers: [apiRow, ...report.servers] };
}

/** The servers that answered something else, for a message. */
export function unmatched(verify: VerifyReport): string {
  const bad = verify.servers.filter((s) => !s.matched && !s.unreachable);
  return bad.map((s) => `${s.server} (${s.answer})`).join(', ') || 'the provider read-back';
}
