import { formatBytes } from '../core/progress.js';
import { escapeCell, markdownTable, mermaidBarChart } from '../core/summary.js';
import type { BackupReport, RestoreReport, SeriesReport } from './report.js';
import type { TableComparison } from './tables.js';
import { describePolicy } from './retention.js';

const ICON: Record<string, string> = {
  ok: '✅ ok',
  failed: '❌ failed',
  unverifiable: '⚠️ unverifiable',
  'not-verified': '· not read',
};

/** The retention calendar for one series: a week per row, Monday first; gaps in the window marked ❌. */
export function renderCalendar(series: SeriesReport): string {
  const { from, to } = series.retention.window;
  const missing = new Set(series.retention.missingDays);
  const days = series.retention.days;
  const end = Date.parse(to);
  const start = Date.parse(from);
  if (!Number.isFinite(start) || !Number.isFinite(end) || end < start) return '';
  const DAY = 86_400_000;
  const first = start - ((new Date(start).getUTCDay() + 6) % 7) * DAY;
  const rows: string[][] = [];
  for (let week = first; week <= end; week += 7 * DAY) {
    const row = [new Date(week).toISOString().slice(0, 10)];
    for (let d = 0; d < 7; d++) {
      const t = week + d * DAY;
      const day = new Date(t).toISOString().slice(0, 10);
      const label = day.slice(8);
      if (t < start || t > end) row.push(days[day] ? `${label} ·` : '');
      else if (missing.has(day)) row.push(`**${label} ❌**`);
      else row.push(`${label} ✅${days[day] > 1 ? `×${days[day]}` : ''}`);
    }
    rows.push(row);
  }
  const header = ['week of', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  return (
    [
      `| ${header.join(' | ')} |`,
      `| ${header.map(() => '---').join(' | ')} |`,
      ...rows.map((r) => `| ${r.join(' | ')} |`),
    ].join('\n') + '\n'
  );
}

/** Sizes of a series' last 30 backups, oldest first, so a sudden drop (a 1 KB dump) stands out. */
function sizeChart(report: BackupReport, series: string): string {
  const recent = report.backups
    .filter((b) => b.series === series)
    .slice(0, 30)
    .reverse();
  if (recent.length < 2) return '';
  const max = Math.max(...recent.map((b) => b.size));
  const [unit, divisor] =
    max >= 2 ** 30 ? ['GiB', 2 ** 30] : max >= 2 ** 20 ? ['MiB', 2 ** 20] : ['KiB', 1024];
  return mermaidBarChart({
    title: `Backup size (${unit})`,
    xLabel: 'day',
    yLabel: unit,
    labels: recent.map((b) => b.date.slice(5, 10)),
    values: recent.map((b) => Math.round((b.size / divisor) * 10) / 10),
  });
}

/** The job summary: failures first, then the backups table, then the retention calendar. */
export function renderBackupSummary(report: BackupReport): string {
  const parts: string[] = [];
  const c = report.counts;
  parts.push(
    `## ${report.passed ? '✅' : '❌'} Backup verification: ${report.passed ? 'passed' : 'FAILED'}\n`,
  );
  parts.push(
    `${escapeCell(report.store)}, prefix \`${escapeCell(report.prefix || '(whole bucket)')}\` — ${c.backups} backups, ${c.selected} read (verify: ${report.verifyMode}${report.shard !== '1/1' ? `, shard ${report.shard}` : ''}): ` +
      `${c.verified} ok, ${c.failed} failed, ${c.unverifiable} unverifiable; newest \`${escapeCell(report.latestKey ?? '-')}\`, ${report.latestAgeHours ?? '-'} h old (max ${report.maxAgeHours} h); ` +
      `policy ${describePolicy(report.policy)}, ${c.missingDays} missing day(s).\n`,
  );
  if (report.failures.length) {
    parts.push('### Failures\n');
    parts.push(report.failures.map((f) => `- ❌ ${escapeCell(f)}`).join('\n') + '\n');
  }
  if (report.warnings.length) {
    parts.push('### Warnings\n');
    parts.push(report.warnings.map((w) => `- ⚠️ ${escapeCell(w)}`).join('\n') + '\n');
  }
  const order = { failed: 0, unverifiable: 1, ok: 2, 'not-verified': 3 } as const;
  const rows = [...report.backups]
    .sort((a, b) => order[a.verdict] - order[b.verdict] || b.date.localeCompare(a.date))
    .slice(0, 100)
    .map((b) => [
      b.date.slice(0, 10),
      b.key,
      formatBytes(b.size),
      b.verdict === 'ok'
        ? b.provedBy.join(', ')
        : b.evidence.length
          ? b.evidence.map((e) => `${e.source}${e.inconclusive ? '?' : e.ok ? '' : ' ✗'}`).join(', ')
          : b.verdict === 'not-verified'
            ? ''
            : 'none',
      b.content
        ? `${b.content.kind}${b.content.depth === 'header' ? ' (header)' : ''}${b.content.ok ? '' : ' ✗'}`
        : '',
      ICON[b.verdict] + (b.problems.length && b.verdict !== 'ok' ? `: ${b.problems[0]}` : ''),
    ]);
  parts.push('### Backups\n');
  parts.push(
    markdownTable(['date', 'key', 'size', 'evidence', 'content', 'verdict'], rows, [
      'left',
      'left',
      'right',
      'left',
      'left',
      'left',
    ]),
  );
  if (report.backups.length > 100)
    parts.push(`…and ${report.backups.length - 100} more in the JSON report.\n`);
  for (const s of report.series) {
    parts.push(`### Retention: \`${escapeCell(s.series)}\`\n`);
    parts.push(
      `${s.count} backups; daily window ${s.retention.window.from} → ${s.retention.window.to}: ${s.retention.missingDays.length ? `**${s.retention.missingDays.length} missing** (${s.retention.missingDays.join(', ')})` : 'no gaps'}; ` +
        `months missing: ${s.retention.missingMonths.length ? s.retention.missingMonths.join(', ') : 'none'}; beyond policy: ${s.retention.expired.length}; ` +
        `newest ${s.ageHours} h old ${s.fresh ? '✅' : '❌'}; size ${escapeCell(s.size.detail)} ${s.size.ok ? '✅' : '❌'}.\n`,
    );
    parts.push(renderCalendar(s));
    parts.push(sizeChart(report, s.series));
  }
  parts.push(
    `Lifecycle: ${report.lifecycle.ok ? '✅' : '⚠️'} ${escapeCell(report.lifecycle.detail)}${report.lifecycle.rules.length ? ` (${escapeCell(report.lifecycle.rules.join('; '))})` : ''}\n`,
  );
  if (report.throughput)
    parts.push(`Read ${formatBytes(report.throughput.bytes)} at ${report.throughput.mbPerSecond} MB/s.\n`);
  if (report.restore) parts.push(renderRestore(report.restore));
  return parts.join('\n');
}

/** The restore: what went where, how fast, and each table against the manifest or the source. */
export function renderRestore(restore: RestoreReport): string {
  const head = `### ${restore.ok ? '✅' : '❌'} Restore: \`${escapeCell(restore.key)}\` → ${escapeCell(restore.database)}\n`;
  const speed =
    restore.ms !== undefined
      ? `${restore.tool} took ${(restore.ms / 1000).toFixed(1)} s (${restore.mbPerSecond} MB/s of dump).\n`
      : '';
  if (!restore.comparison) return `${head}\n${speed}${escapeCell(restore.problem ?? '')}\n`;
  return `${head}\n${speed}Compared with ${escapeCell(restore.comparedWith ?? '')}: **${escapeCell(restore.comparison.summary.split(':')[0])}**.\n\n${renderComparison(restore.comparison)}`;
}

/** One row per differing table, or the count when all are equal. */
export function renderComparison(comparison: TableComparison): string {
  if (comparison.equal) return `${comparison.tables} tables, ${comparison.rows} rows: all equal ✅\n`;
  return markdownTable(
    ['table', 'difference'],
    comparison.differences.map((d) => [d.table, `❌ ${d.why}`]),
    ['left', 'left'],
  );
}
