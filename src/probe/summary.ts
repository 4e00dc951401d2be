import { escapeCell, markdownTable, mermaidBarChart } from '../core/summary.js';
import { formatFigure, gatePassed, percentileRatio, type Verdict } from './judge.js';
import type { PhaseStats, ProbeReport, TargetReport } from './types.js';

const ms = (value: number) => (Number.isFinite(value) ? `${+value.toFixed(value < 10 ? 2 : 1)}` : '∞');

const OUTCOME: Record<Verdict['outcome'], string> = {
  pass: '✅ pass',
  breach: '❌ breach',
  inconclusive: '⚠️ inconclusive',
};

function phaseRow(label: string, stats: PhaseStats): unknown[] {
  if (stats.count === 0) return [label, 0, '–', '–', '–', '–', '–', '–'];
  return [
    label,
    stats.count,
    ms(stats.p50),
    ms(stats.p90),
    ms(stats.p95),
    ms(stats.p99),
    ms(stats.max),
    ms(stats.mean),
  ];
}

function targetSection(target: TargetReport, heading: string): string {
  const parts: string[] = [`### ${heading}\n`];
  const errorText =
    target.errors === 0
      ? `No errors in ${target.requests} requests.`
      : `**${target.errors} of ${target.requests} requests failed (${formatFigure(target.errorRate, 'fraction')})**: ` +
        [
          target.errorsByKind.timeout ? `${target.errorsByKind.timeout} timed out` : '',
          target.errorsByKind.status ? `${target.errorsByKind.status} unexpected status` : '',
          target.errorsByKind.connection ? `${target.errorsByKind.connection} connection error(s)` : '',
        ]
          .filter(Boolean)
          .join(', ') +
        (target.errorExamples.length
          ? ` (e.g. ${escapeCell(target.errorExamples.slice(0, 3).join('; '))})`
          : '') +
        '.';
  parts.push(
    `${errorText} Achieved ${target.achievedRate} requests/s; ${target.connections} connection(s) opened.\n`,
  );
  parts.push(
    markdownTable(
      ['Phase (ms)', 'count', 'p50', 'p90', 'p95', 'p99', 'max', 'mean'],
      [
        phaseRow('DNS lookup', target.phases.dns),
        phaseRow('TCP connect', target.phases.connect),
        phaseRow('TLS handshake', target.phases.tls),
        phaseRow('Waiting to be sent (queue, timer)', target.phases.queue),
        phaseRow('Time to first byte', target.phases.ttfb),
        phaseRow('Service time (sent → done)', target.phases.service),
        phaseRow('**Response time** (scheduled → done)', target.phases.total),
      ],
      ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    ),
  );
  if (target.histogram.length) {
    parts.push(
      mermaidBarChart({
        title: `Response time, ${new URL(target.url).host}`,
        xLabel: 'ms',
        yLabel: 'requests',
        labels: target.histogram.map((b) =>
          Number.isFinite(b.toMs) ? `${+b.fromMs.toFixed(2)}` : `≥${+b.fromMs.toFixed(2)}`,
        ),
        values: target.histogram.map((b) => b.count),
      }),
    );
  }
  return parts.join('\n');
}

function comparisonSection(target: TargetReport, baseline: TargetReport): string {
  const rows = (
    [
      ['p50', 0.5],
      ['p90', 0.9],
      ['p95', 0.95],
      ['p99', 0.99],
    ] as const
  ).map(([name, p]) => {
    const r = percentileRatio(target, baseline, p);
    const open = r.lower <= 0 && !Number.isFinite(r.upper);
    const verdict = r.upper < 1 ? 'faster' : r.lower > 1 ? 'slower' : 'no clear difference';
    return [
      name,
      ms(target.latency[name]),
      ms(baseline.latency[name]),
      formatFigure(r.ratio, 'ratio'),
      open
        ? 'too few requests for an interval'
        : `${formatFigure(r.lower, 'ratio')} – ${formatFigure(r.upper, 'ratio')}`,
      open ? '' : verdict,
    ];
  });
  rows.push([
    'mean',
    ms(target.latency.mean),
    ms(baseline.latency.mean),
    formatFigure(target.latency.mean / baseline.latency.mean, 'ratio'),
    '',
    '',
  ]);
  rows.push([
    'error rate',
    formatFigure(target.errorRate, 'fraction'),
    formatFigure(baseline.errorRate, 'fraction'),
    '',
    '',
    '',
  ]);
  return (
    `### ${new URL(target.url).host} compared with the baseline ${new URL(baseline.url).host}\n\n` +
    markdownTable(
      ['Figure', 'target (ms)', 'baseline (ms)', 'ratio', '95% interval of ratio', 'target is'],
      rows,
      ['left', 'right', 'right', 'right', 'right', 'left'],
    )
  );
}

/** One row per target: its figures, how many of its thresholds passed, its own verdict. */
function targetsTable(report: ProbeReport, verdicts: readonly Verdict[]): string {
  const rows = report.targets.map((t) => {
    const name = t.name ?? t.url;
    const own = verdicts.filter((v) => v.target === name);
    const passes = own.filter((v) => v.outcome === 'pass').length;
    const verdict =
      own.length === 0
        ? '–'
        : gatePassed(own)
          ? OUTCOME.pass
          : own.some((v) => v.outcome === 'breach')
            ? OUTCOME.breach
            : OUTCOME.inconclusive;
    return [
      name,
      t.url,
      ms(t.latency.p95),
      ms(t.latency.mean),
      formatFigure(t.errorRate, 'fraction'),
      `${passes} of ${own.length}`,
      verdict,
    ];
  });
  return markdownTable(
    ['Target', 'URL', 'p95 (ms)', 'mean (ms)', 'error rate', 'thresholds passed', 'Verdict'],
    rows,
    ['left', 'left', 'right', 'right', 'right', 'right', 'left'],
  );
}

/** The job summary: the verdict first, then the thresholds, each target's phases and chart, the baseline comparison. */
export function renderProbeSummary(report: ProbeReport, verdicts: readonly Verdict[]): string {
  const passed = gatePassed(verdicts);
  const anyBreach = verdicts.some((v) => v.outcome === 'breach');
  const title =
    verdicts.length === 0
      ? 'ℹ️ Latency probe (no thresholds)'
      : passed
        ? '✅ Latency gate passed'
        : anyBreach
          ? '❌ Latency gate failed: threshold breached'
          : '⚠️ Latency gate inconclusive';
  const s = report.settings;
  const parts: string[] = [`## ${title}\n`];
  parts.push(
    `${s.requests} measured requests per URL, ` +
      (s.model === 'open'
        ? `${s.rate}/s on an open schedule (response time counts from the scheduled send)`
        : 'closed loop') +
      `, at most ${s.concurrency} in flight, ${s.warmup} warm-up request(s) not counted; ${escapeCell(s.method)}, success = HTTP ${s.expectStatus}, timeout ${s.timeoutMs} ms.\n`,
  );
  if (verdicts.length) {
    parts.push('### Thresholds\n');
    const multi = report.targets.length > 1;
    if (multi) parts.push(targetsTable(report, verdicts));
    parts.push(
      markdownTable(
        [...(multi ? ['Target'] : []), 'Threshold', 'Observed', '95% interval', 'Verdict', 'Why'],
        verdicts.map((v) => [
          ...(multi ? [v.target] : []),
          v.threshold,
          formatFigure(v.observed, v.unit),
          v.interval
            ? `${formatFigure(v.interval.lower, v.unit)} – ${formatFigure(v.interval.upper, v.unit)}`
            : 'observed',
          OUTCOME[v.outcome],
          v.reason,
        ]),
      ),
    );
  }
  for (const target of report.targets)
    parts.push(
      targetSection(
        target,
        `Target ${target.name && target.name !== target.url ? `${target.name}: ` : ''}${target.url}`,
      ),
    );
  if (report.baseline) {
    for (const target of report.targets) parts.push(comparisonSection(target, report.baseline));
    parts.push(targetSection(report.baseline, `Baseline ${report.baseline.url}`));
  }
  return parts.join('\n');
}

/** Where the figures were measured: the runner, or the probe Machine in a Fly region and what it cost. */
export function renderMeasuredFrom(
  remote: { region: string; machineId: string; machineSeconds: number } | undefined,
): string {
  if (!remote) return '\n\nMeasured from: the runner.\n';
  return (
    `\n\n| Measured from | Machine | Size | Machine-seconds |\n|---|---|---|---|\n` +
    `| Fly region \`${remote.region}\` | ${remote.machineId} (destroyed) | shared-cpu-1x, 256 MB | ${remote.machineSeconds} |\n`
  );
}
