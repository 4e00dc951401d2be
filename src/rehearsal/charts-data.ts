/**
 * Turns what the rehearsal's steps produced (reports, log lines, the Fly simulator's Machine events)
 * into the figures the HTML report draws. Each section calls one of these right after its step; none
 * of them can fail the rehearsal: missing data means a chart that says so.
 */
import type { BackupReport } from '../backup/report.js';
import type { ProbeReport } from '../probe/types.js';
import type { BackupCalendar, DeployTimeline, DnsTimeline, LatencyChart, RehearsalRun } from './types.js';

/** The gate's probe of the new app and the old AWS endpoint, interleaved in one run. */
export function latencyChartFrom(report: ProbeReport | undefined): LatencyChart | undefined {
  if (!report?.targets?.[0]?.sortedMs) return undefined;
  const series = [{ label: 'Fly (staging)', target: report.targets[0] }];
  if (report.baseline?.sortedMs) series.push({ label: 'old AWS', target: report.baseline });
  return {
    series: series.map(({ label, target }) => ({
      label,
      url: target.url,
      sortedMs: target.sortedMs,
      p95: target.latency.p95,
    })),
  };
}

/** Every day from the oldest backup to the newest: verified, failed, or with no backup at all. */
export function backupCalendarFrom(report: BackupReport | undefined): BackupCalendar | undefined {
  if (!report?.backups?.length) return undefined;
  const byDay = new Map<string, { status: 'verified' | 'failed'; key: string }>();
  for (const b of report.backups) {
    const day = b.date.slice(0, 10);
    const status = b.verdict === 'ok' ? 'verified' : 'failed';
    // A day with one bad backup is a bad day, even when another backup of it verified.
    if (byDay.get(day)?.status !== 'failed') byDay.set(day, { status, key: b.key });
  }
  const sorted = [...byDay.keys()].sort();
  const days: BackupCalendar['days'] = [];
  for (let t = Date.parse(sorted[0]); t <= Date.parse(sorted[sorted.length - 1]); t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    const found = byDay.get(date);
    days.push(found ? { date, ...found } : { date, status: 'missing' });
  }
  return { prefix: report.prefix, days };
}

/** `<server> answers CNAME voice-bot.fly.dev (60s) after 292ms` lines of a dns-cutover apply. */
export function dnsTimelineFrom(run: RehearsalRun, name: string, target: string): DnsTimeline {
  const servers = new Map<string, DnsTimeline['servers'][number]>();
  for (const { text } of run.lines ?? []) {
    const m = /^(\S+) answers (.+) after ([\d.]+)(ms|s)$/.exec(text);
    if (!m || !m[2].includes(target)) continue;
    const ms = Number(m[3]) * (m[4] === 's' ? 1000 : 1);
    if (!servers.has(m[1])) servers.set(m[1], { server: m[1], answer: m[2], matchedAfterMs: ms });
  }
  return {
    name,
    target,
    servers: [...servers.values()],
    totalMs:
      Number(run.outputs['propagation-ms'] ?? 0) ||
      Math.max(0, ...[...servers.values()].map((s) => s.matchedAfterMs ?? 0)),
  };
}

interface SimEvent {
  type: string;
  status: string;
  timestamp: number;
}

/**
 * Each Machine of `app` that changed during `run`, as spans of the state the simulator's event log
 * gives it, plus the deploy's own timeline marks (the arrival time of each `[1.2s] …` line) and the
 * moment traffic left the old Machines.
 */
export async function deployTimelineFrom(
  run: RehearsalRun,
  api: { url: string; token: string; app: string; strategy: string },
): Promise<DeployTimeline> {
  const startedAt = run.startedAt ?? Date.now() - run.durationMs;
  const endedAt = startedAt + run.durationMs;
  const marks = (run.lines ?? [])
    .map(({ at, text }) => ({ at, text: /^\[[\d.]+m?s\] (.*)$/.exec(text)?.[1] }))
    .filter((m): m is { at: number; text: string } => m.text !== undefined);
  const moved = marks.find((m) => /cordoning blue|all Machines on the new release/.test(m.text));
  const machines: DeployTimeline['machines'] = [];
  for (const machine of await simMachines(api)) {
    const events = (await simEvents(api, machine.id)).sort((a, b) => a.timestamp - b.timestamp);
    const spans: DeployTimeline['machines'][number]['spans'] = [];
    events.forEach((e, i) => {
      const from = Math.max(e.timestamp, startedAt);
      const to = Math.min(events[i + 1]?.timestamp ?? endedAt, endedAt);
      if (to > from) spans.push({ from, to, state: e.status });
    });
    if (spans.length) machines.push({ id: machine.id, region: machine.region, spans });
  }
  return {
    app: api.app,
    strategy: api.strategy,
    startedAt,
    endedAt,
    trafficMovedAt: moved?.at,
    marks,
    machines,
  };
}

async function simMachines(api: { url: string; token: string; app: string }) {
  const res = await fetch(`${api.url}/v1/apps/${api.app}/machines?include_deleted=true`, {
    headers: { authorization: `Bearer ${api.token}` },
    signal: AbortSignal.timeout(5000),
  });
  if (!res.ok) throw new Error(`the Fly simulator answered ${res.status} listing ${api.app}'s Machines`);
  return (await res.json()) as { id: string; region: string }[];
}

async function simEvents(api: { url: string; token: string; app: string }, id: string): Promise<SimEvent[]> {
  const res = await fetch(`${api.url}/v1/apps/${api.app}/machines/${id}/events?limit=50`, {
    headers: { authorization: `Bearer ${api.token}` },
    signal: AbortSignal.timeout(5000),
  });
  return res.ok ? ((await res.json()) as SimEvent[]) : [];
}
