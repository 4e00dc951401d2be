/**
 * The rehearsal report's charts, each an inline SVG (no script, no network): a latency histogram of
 * the new app against the old AWS endpoint, a per-Machine deploy timeline with the moment traffic
 * moved, a calendar of the backups and the DNS propagation timeline. Every chart has a title, axis
 * labels and a legend in text, and a `data-chart` name the screenshot test finds it by.
 */
import type { BackupCalendar, ChartData, DeployTimeline, DnsTimeline, LatencyChart } from './types.js';

const W = 760;
const COLORS = ['#0969da', '#bc4c00', '#1a7f37', '#8250df'];
const STATE_COLORS: Record<string, string> = {
  created: '#afb8c1',
  starting: '#f2cc60',
  started: '#2da44e',
  replacing: '#f2cc60',
  updating: '#f2cc60',
  stopping: '#fb8f44',
  stopped: '#8c959f',
  destroying: '#cf222e',
  destroyed: '#6e7781',
};

export const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function svg(name: string, title: string, height: number, body: string): string {
  return (
    `<svg data-chart="${name}" role="img" aria-label="${escapeHtml(title)}" width="${W}" height="${height}" ` +
    `viewBox="0 0 ${W} ${height}" xmlns="http://www.w3.org/2000/svg" font-family="system-ui,sans-serif" font-size="12">` +
    `<title>${escapeHtml(title)}</title>${body}</svg>`
  );
}

const text = (x: number, y: number, content: string, extra = '') =>
  `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}"${extra ? ` ${extra}` : ''}>${escapeHtml(content)}</text>`;

const rect = (x: number, y: number, w: number, h: number, fill: string, label?: string) =>
  `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${Math.max(0.5, w).toFixed(1)}" height="${h.toFixed(1)}" fill="${fill}">` +
  `${label ? `<title>${escapeHtml(label)}</title>` : ''}</rect>`;

function missing(name: string, title: string, why: string): string {
  return svg(name, title, 60, text(10, 35, `${title}: ${why}`, 'fill="#57606a"'));
}

/** Overlaid histograms on shared bins (up to the 99th percentile of both), p95 of each marked. */
export function latencyHistogram(chart: LatencyChart | undefined): string {
  const title = 'Latency: Fly vs the old AWS endpoint';
  if (!chart?.series.length) return missing('latency', title, 'the latency gate did not report');
  const all = chart.series.flatMap((s) => s.sortedMs);
  const top = Math.max(1, ...chart.series.map((s) => s.sortedMs[Math.floor(s.sortedMs.length * 0.99)] ?? 0));
  const bins = 30;
  const width = top / bins;
  const counts = chart.series.map((s) => {
    const c = new Array<number>(bins).fill(0);
    for (const v of s.sortedMs) c[Math.min(bins - 1, Math.floor(v / width))]++;
    return c;
  });
  const peak = Math.max(1, ...counts.flat());
  const [left, right, plotTop, plotBottom] = [60, W - 20, 40, 230];
  const x = (ms: number) => left + ((right - left) * ms) / top;
  const y = (n: number) => plotBottom - ((plotBottom - plotTop) * n) / peak;
  const barW = (right - left) / bins / chart.series.length;
  let body = text(left, 20, `${title} (${all.length} requests, interleaved in one run)`, 'font-weight="600"');
  counts.forEach((c, si) =>
    c.forEach((n, bi) => {
      if (n) {
        const label = `${chart.series[si].label}: ${n} request(s) ${fmt(bi * width)}–${fmt((bi + 1) * width)} ms`;
        body += rect(x(bi * width) + si * barW, y(n), barW - 0.5, plotBottom - y(n), COLORS[si], label);
      }
    }),
  );
  chart.series.forEach((s, si) => {
    const px = x(Math.min(top, s.p95));
    body += `<line x1="${px}" x2="${px}" y1="${plotTop}" y2="${plotBottom}" stroke="${COLORS[si]}" stroke-dasharray="4 3"/>`;
    // Labels near the right edge are drawn to the left of their line, so none is cut off.
    const nearRight = px > right - 170;
    body += text(
      nearRight ? px - 3 : px + 3,
      plotTop + 12 + si * 14,
      `p95 ${s.label} ${fmt(s.p95)} ms`,
      `fill="${COLORS[si]}"${nearRight ? ' text-anchor="end"' : ''}`,
    );
  });
  body += axes(left, right, plotTop, plotBottom, 'response time (ms)', 'requests');
  for (let i = 0; i <= 5; i++) body += text(x((top * i) / 5) - 8, plotBottom + 15, fmt((top * i) / 5));
  body += legend(
    chart.series.map((s, i) => [COLORS[i], `${s.label} (${s.sortedMs.length} requests)`]),
    270,
  );
  return svg('latency', title, 295, body);
}

function axes(left: number, right: number, top: number, bottom: number, xLabel: string, yLabel: string) {
  return (
    `<line x1="${left}" x2="${right}" y1="${bottom}" y2="${bottom}" stroke="#57606a"/>` +
    `<line x1="${left}" x2="${left}" y1="${top}" y2="${bottom}" stroke="#57606a"/>` +
    text((left + right) / 2 - 40, bottom + 32, xLabel) +
    text(14, (top + bottom) / 2, yLabel, `transform="rotate(-90 14 ${(top + bottom) / 2})"`)
  );
}

function legend(items: [string, string][], y: number, x0 = 60): string {
  let x = x0;
  return items
    .map(([color, label]) => {
      const item = rect(x, y - 9, 10, 10, color) + text(x + 14, y, label);
      x += 24 + label.length * 6.5;
      return item;
    })
    .join('');
}

/** One lane per Machine, coloured by state; the moment traffic moved as a vertical line. */
export function deployTimeline(timeline: DeployTimeline | undefined): string {
  const title = 'Production deploy: each Machine over time';
  if (!timeline?.machines.length) return missing('deploy', title, 'no Machine events were recorded');
  const lanes = timeline.machines.length;
  const [left, right, top] = [150, W - 20, 44];
  const laneH = 22;
  const bottom = top + lanes * laneH;
  const span = Math.max(1, timeline.endedAt - timeline.startedAt);
  const x = (t: number) => left + ((right - left) * (t - timeline.startedAt)) / span;
  let body = text(10, 20, `${title} (${timeline.app}, ${timeline.strategy})`, 'font-weight="600"');
  timeline.machines.forEach((m, i) => {
    const y = top + i * laneH;
    body += text(10, y + 15, `${m.id} (${m.region})`);
    for (const s of m.spans)
      body += rect(
        x(s.from),
        y + 3,
        x(s.to) - x(s.from),
        laneH - 6,
        STATE_COLORS[s.state] ?? '#d0d7de',
        `${m.id}: ${s.state} ${seconds(s.from - timeline.startedAt)}–${seconds(s.to - timeline.startedAt)}`,
      );
  });
  if (timeline.trafficMovedAt !== undefined) {
    const px = x(timeline.trafficMovedAt);
    body += `<line data-mark="traffic-moved" x1="${px}" x2="${px}" y1="${top - 8}" y2="${bottom + 4}" stroke="#cf222e" stroke-width="2"/>`;
    body += text(
      Math.min(px + 4, right - 190),
      top - 10,
      `traffic moved at ${seconds(timeline.trafficMovedAt - timeline.startedAt)}`,
      'fill="#cf222e"',
    );
  }
  body += `<line x1="${left}" x2="${right}" y1="${bottom + 4}" y2="${bottom + 4}" stroke="#57606a"/>`;
  for (let i = 0; i <= 5; i++)
    body += text(x(timeline.startedAt + (span * i) / 5) - 10, bottom + 18, seconds((span * i) / 5));
  body += text((left + right) / 2 - 60, bottom + 34, 'time since the deploy started');
  const states = [...new Set(timeline.machines.flatMap((m) => m.spans.map((s) => s.state)))];
  body += legend(
    states.map((s) => [STATE_COLORS[s] ?? '#d0d7de', s]),
    bottom + 54,
    10,
  );
  return svg('deploy', title, bottom + 66, body);
}

/** A month-style grid of days: verified, failed, missing. */
export function backupCalendar(calendar: BackupCalendar | undefined): string {
  const title = 'Backups: one square per day';
  if (!calendar?.days.length) return missing('backups', title, 'the backup verification did not report');
  const colors = { verified: '#2da44e', failed: '#cf222e', missing: '#d0d7de' } as const;
  const size = 18;
  const [left, top] = [50, 44];
  const first = new Date(`${calendar.days[0].date}T00:00:00Z`).getUTCDay();
  let body = text(
    10,
    20,
    `${title} (${calendar.prefix}, ${calendar.days[0].date} – ${calendar.days.at(-1)!.date})`,
    'font-weight="600"',
  );
  ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].forEach(
    (d, i) => (body += text(10, top + i * (size + 2) + 13, d)),
  );
  calendar.days.forEach((day, i) => {
    const slot = i + first;
    const label = `${day.date}: ${day.status}${day.key ? ` (${day.key})` : ''}`;
    body += rect(
      left + Math.floor(slot / 7) * (size + 2),
      top + (slot % 7) * (size + 2),
      size,
      size,
      colors[day.status],
      label,
    );
  });
  const count = (s: string) => calendar.days.filter((d) => d.status === s).length;
  body += legend(
    (['verified', 'failed', 'missing'] as const).map((s) => [colors[s], `${s} (${count(s)})`]),
    top + 7 * (size + 2) + 20,
    10,
  );
  return svg('backups', title, top + 7 * (size + 2) + 32, body);
}

/** When each nameserver and resolver first answered with the new target, from the change. */
export function dnsTimeline(timeline: DnsTimeline | undefined): string {
  const title = 'DNS propagation after the cutover';
  if (!timeline?.servers.length) return missing('dns', title, 'the cutover did not report its servers');
  const [left, right, top] = [260, W - 60, 44];
  const laneH = 24;
  const bottom = top + timeline.servers.length * laneH;
  const span = Math.max(1, timeline.totalMs, ...timeline.servers.map((s) => s.matchedAfterMs ?? 0));
  const x = (ms: number) => left + ((right - left) * ms) / span;
  let body = text(10, 20, `${title}: ${timeline.name} → ${timeline.target}`, 'font-weight="600"');
  timeline.servers.forEach((s, i) => {
    const y = top + i * laneH;
    body += text(10, y + 15, s.server.length > 38 ? `…${s.server.slice(-37)}` : s.server);
    if (s.matchedAfterMs === undefined) {
      body += text(left, y + 15, 'never answered the new target', 'fill="#cf222e"');
      return;
    }
    body += rect(
      left,
      y + 4,
      x(s.matchedAfterMs) - left,
      laneH - 8,
      '#0969da',
      `${s.server}: ${s.answer} after ${s.matchedAfterMs} ms`,
    );
    body += text(x(s.matchedAfterMs) + 4, y + 15, `${fmt(s.matchedAfterMs)} ms`);
  });
  body += `<line x1="${left}" x2="${right}" y1="${bottom + 2}" y2="${bottom + 2}" stroke="#57606a"/>`;
  body +=
    text(left, bottom + 18, '0 ms: the provider accepted the change') +
    text(right - 90, bottom + 18, `${fmt(span)} ms`);
  return svg('dns', title, bottom + 30, body);
}

export function renderCharts(charts: ChartData): string {
  return [
    latencyHistogram(charts.latency),
    deployTimeline(charts.deploy),
    backupCalendar(charts.backups),
    dnsTimeline(charts.dns),
  ]
    .map((chart) => `<figure>${chart}</figure>`)
    .join('\n');
}
