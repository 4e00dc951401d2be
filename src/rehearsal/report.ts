import { formatDuration } from '../core/duration.js';
import { markdownTable } from '../core/summary.js';
import { escapeHtml, renderCharts } from './charts.js';
import type { ChartData, StepResult } from './types.js';

export function resultLabel(step: StepResult): string {
  if (!step.ok) return step.drill ? '❌ drill did not behave' : '❌ failed';
  return step.drill ? '✅ failed as expected' : '✅ ok';
}

export function renderTerminalTable(steps: StepResult[]): string {
  const rows = steps.map((s, i) => [String(i + 1), s.step, resultLabel(s), formatDuration(s.ms), s.detail]);
  const header = ['#', 'step', 'result', 'time', 'what happened'];
  const widths = header.map((h, col) =>
    Math.min(col === 4 ? 90 : 72, Math.max(h.length, ...rows.map((r) => [...r[col]].length))),
  );
  const fmt = (cells: string[]) => cells.map((c, col) => (col === 4 ? c : c.padEnd(widths[col]))).join('  ');
  return [fmt(header), fmt(widths.map((w) => '─'.repeat(w))), ...rows.map(fmt)].join('\n');
}

export function renderMarkdownReport(steps: StepResult[], totalMs: number, startedAt: Date): string {
  const passed = steps.filter((s) => s.ok).length;
  return [
    '# Runway rehearsal',
    '',
    `Started ${startedAt.toISOString()}, took ${formatDuration(totalMs)}. ${passed} of ${steps.length} steps behaved as expected.`,
    '',
    markdownTable(
      ['#', 'Step', 'Result', 'Time', 'What happened'],
      steps.map((s, i) => [i + 1, s.step, resultLabel(s), formatDuration(s.ms), s.detail]),
      ['right', 'left', 'left', 'right', 'left'],
    ),
  ].join('\n');
}

/** Self-contained: inline CSS and SVG, no script, nothing fetched. */
export function renderHtmlReport(
  steps: StepResult[],
  totalMs: number,
  startedAt: Date,
  charts: ChartData = {},
): string {
  const passed = steps.filter((s) => s.ok).length;
  const maxMs = Math.max(1, ...steps.map((s) => s.ms));
  const rows = steps
    .map(
      (s, i) =>
        `<tr class="${s.ok ? 'ok' : 'bad'}${s.drill ? ' drill' : ''}"><td>${i + 1}</td><td>${escapeHtml(s.step)}</td><td>${escapeHtml(resultLabel(s))}</td>` +
        `<td class="t"><span class="bar" style="width:${Math.max(2, Math.round((s.ms / maxMs) * 120))}px"></span>${escapeHtml(formatDuration(s.ms))}</td><td>${escapeHtml(s.detail)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Runway rehearsal</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1f2328}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #d0d7de;padding:.4rem .6rem;text-align:left;vertical-align:top}
tr.bad{background:#ffebe9}tr.drill td:nth-child(3){color:#9a6700}.t{white-space:nowrap}
.bar{display:inline-block;height:.6rem;background:#0969da;margin-right:.4rem;border-radius:2px}
figure{margin:1.5rem 0}svg{max-width:100%;height:auto}
</style></head><body>
<h1>Runway rehearsal</h1>
<p>Started ${escapeHtml(startedAt.toISOString())}, took ${escapeHtml(formatDuration(totalMs))}. <strong>${passed} of ${steps.length}</strong> steps behaved as expected.</p>
<h2>What the rehearsal measured</h2>
${renderCharts(charts)}
<h2>Steps</h2>
<table><thead><tr><th>#</th><th>Step</th><th>Result</th><th>Time</th><th>What happened</th></tr></thead><tbody>
${rows}
</tbody></table></body></html>
`;
}
