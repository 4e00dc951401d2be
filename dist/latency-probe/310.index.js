export const id = 310;
export const ids = [310];
export const modules = {

/***/ 7310:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  renderMeasuredFrom: () => (/* binding */ renderMeasuredFrom),
  renderProbeSummary: () => (/* binding */ renderProbeSummary)
});

;// CONCATENATED MODULE: ./src/core/summary.ts
/**
 * Markdown job-summary building blocks. GitHub renders GFM tables and Mermaid in step summaries; we
 * build text ourselves (rather than core.summary's HTML) so the same report prints in a terminal.
 * core.summary does no escaping, so every cell passes through escapeCell.
 */
function escapeCell(value) {
    return String(value ?? '')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/\|/g, '\\|')
        .replace(/\r?\n/g, '<br>');
}
function markdownTable(header, rows, align) {
    const sep = header.map((_, i) => {
        const a = align?.[i] ?? 'left';
        return a === 'right' ? '---:' : a === 'center' ? ':---:' : '---';
    });
    const lines = [header.map(escapeCell), sep, ...rows.map((row) => row.map(escapeCell))];
    return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n') + '\n';
}
/** A Mermaid `xychart-beta` bar chart, which GitHub renders inside a ```mermaid block in a summary. */
function mermaidBarChart(series) {
    const quote = (s) => `"${s.replace(/"/g, "'")}"`;
    const max = Math.max(1, ...series.values);
    return [
        '```mermaid',
        'xychart-beta',
        `  title ${quote(series.title)}`,
        `  x-axis ${quote(series.xLabel)} [${series.labels.map(quote).join(', ')}]`,
        `  y-axis ${quote(series.yLabel)} 0 --> ${Math.ceil(max * 1.1)}`,
        `  bar [${series.values.join(', ')}]`,
        '```',
        '',
    ].join('\n');
}
const verdictIcon = (ok) => (ok === undefined ? '⚠️' : ok ? '✅' : '❌');
/** Accumulates Markdown and writes it once to GITHUB_STEP_SUMMARY (append, as the runner expects). */
class Summary {
    parts = [];
    heading(text, level = 2) {
        this.parts.push(`${'#'.repeat(level)} ${text}\n`);
        return this;
    }
    paragraph(text) {
        this.parts.push(`${text}\n`);
        return this;
    }
    table(header, rows, align) {
        this.parts.push(markdownTable(header, rows, align));
        return this;
    }
    raw(markdown) {
        this.parts.push(markdown);
        return this;
    }
    details(label, markdown) {
        this.parts.push(`<details><summary>${escapeCell(label)}</summary>\n\n${markdown}\n</details>\n`);
        return this;
    }
    toString() {
        return this.parts.join('\n');
    }
}

// EXTERNAL MODULE: ./src/probe/judge.ts
var judge = __webpack_require__(4353);
;// CONCATENATED MODULE: ./src/probe/summary.ts


const ms = (value) => (Number.isFinite(value) ? `${+value.toFixed(value < 10 ? 2 : 1)}` : '∞');
const OUTCOME = {
    pass: '✅ pass',
    breach: '❌ breach',
    inconclusive: '⚠️ inconclusive',
};
function phaseRow(label, stats) {
    if (stats.count === 0)
        return [label, 0, '–', '–', '–', '–', '–', '–'];
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
function targetSection(target, heading) {
    const parts = [`### ${heading}\n`];
    const errorText = target.errors === 0
        ? `No errors in ${target.requests} requests.`
        : `**${target.errors} of ${target.requests} requests failed (${(0,judge.formatFigure)(target.errorRate, 'fraction')})**: ` +
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
    parts.push(`${errorText} Achieved ${target.achievedRate} requests/s; ${target.connections} connection(s) opened.\n`);
    parts.push(markdownTable(['Phase (ms)', 'count', 'p50', 'p90', 'p95', 'p99', 'max', 'mean'], [
        phaseRow('DNS lookup', target.phases.dns),
        phaseRow('TCP connect', target.phases.connect),
        phaseRow('TLS handshake', target.phases.tls),
        phaseRow('Waiting to be sent (queue, timer)', target.phases.queue),
        phaseRow('Time to first byte', target.phases.ttfb),
        phaseRow('Service time (sent → done)', target.phases.service),
        phaseRow('**Response time** (scheduled → done)', target.phases.total),
    ], ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right']));
    if (target.histogram.length) {
        parts.push(mermaidBarChart({
            title: `Response time, ${new URL(target.url).host}`,
            xLabel: 'ms',
            yLabel: 'requests',
            labels: target.histogram.map((b) => Number.isFinite(b.toMs) ? `${+b.fromMs.toFixed(2)}` : `≥${+b.fromMs.toFixed(2)}`),
            values: target.histogram.map((b) => b.count),
        }));
    }
    return parts.join('\n');
}
function comparisonSection(target, baseline) {
    const rows = [
        ['p50', 0.5],
        ['p90', 0.9],
        ['p95', 0.95],
        ['p99', 0.99],
    ].map(([name, p]) => {
        const r = (0,judge/* percentileRatio */.n7)(target, baseline, p);
        const open = r.lower <= 0 && !Number.isFinite(r.upper);
        const verdict = r.upper < 1 ? 'faster' : r.lower > 1 ? 'slower' : 'no clear difference';
        return [
            name,
            ms(target.latency[name]),
            ms(baseline.latency[name]),
            (0,judge.formatFigure)(r.ratio, 'ratio'),
            open
                ? 'too few requests for an interval'
                : `${(0,judge.formatFigure)(r.lower, 'ratio')} – ${(0,judge.formatFigure)(r.upper, 'ratio')}`,
            open ? '' : verdict,
        ];
    });
    rows.push([
        'mean',
        ms(target.latency.mean),
        ms(baseline.latency.mean),
        (0,judge.formatFigure)(target.latency.mean / baseline.latency.mean, 'ratio'),
        '',
        '',
    ]);
    rows.push([
        'error rate',
        (0,judge.formatFigure)(target.errorRate, 'fraction'),
        (0,judge.formatFigure)(baseline.errorRate, 'fraction'),
        '',
        '',
        '',
    ]);
    return (`### ${new URL(target.url).host} compared with the baseline ${new URL(baseline.url).host}\n\n` +
        markdownTable(['Figure', 'target (ms)', 'baseline (ms)', 'ratio', '95% interval of ratio', 'target is'], rows, ['left', 'right', 'right', 'right', 'right', 'left']));
}
/** One row per target: its figures, how many of its thresholds passed, its own verdict. */
function targetsTable(report, verdicts) {
    const rows = report.targets.map((t) => {
        const name = t.name ?? t.url;
        const own = verdicts.filter((v) => v.target === name);
        const passes = own.filter((v) => v.outcome === 'pass').length;
        const verdict = own.length === 0
            ? '–'
            : (0,judge.gatePassed)(own)
                ? OUTCOME.pass
                : own.some((v) => v.outcome === 'breach')
                    ? OUTCOME.breach
                    : OUTCOME.inconclusive;
        return [
            name,
            t.url,
            ms(t.latency.p95),
            ms(t.latency.mean),
            (0,judge.formatFigure)(t.errorRate, 'fraction'),
            `${passes} of ${own.length}`,
            verdict,
        ];
    });
    return markdownTable(['Target', 'URL', 'p95 (ms)', 'mean (ms)', 'error rate', 'thresholds passed', 'Verdict'], rows, ['left', 'left', 'right', 'right', 'right', 'right', 'left']);
}
/** The job summary: the verdict first, then the thresholds, each target's phases and chart, the baseline comparison. */
function renderProbeSummary(report, verdicts) {
    const passed = (0,judge.gatePassed)(verdicts);
    const anyBreach = verdicts.some((v) => v.outcome === 'breach');
    const title = verdicts.length === 0
        ? 'ℹ️ Latency probe (no thresholds)'
        : passed
            ? '✅ Latency gate passed'
            : anyBreach
                ? '❌ Latency gate failed: threshold breached'
                : '⚠️ Latency gate inconclusive';
    const s = report.settings;
    const parts = [`## ${title}\n`];
    parts.push(`${s.requests} measured requests per URL, ` +
        (s.model === 'open'
            ? `${s.rate}/s on an open schedule (response time counts from the scheduled send)`
            : 'closed loop') +
        `, at most ${s.concurrency} in flight, ${s.warmup} warm-up request(s) not counted; ${escapeCell(s.method)}, success = HTTP ${s.expectStatus}, timeout ${s.timeoutMs} ms.\n`);
    if (verdicts.length) {
        parts.push('### Thresholds\n');
        const multi = report.targets.length > 1;
        if (multi)
            parts.push(targetsTable(report, verdicts));
        parts.push(markdownTable([...(multi ? ['Target'] : []), 'Threshold', 'Observed', '95% interval', 'Verdict', 'Why'], verdicts.map((v) => [
            ...(multi ? [v.target] : []),
            v.threshold,
            (0,judge.formatFigure)(v.observed, v.unit),
            v.interval
                ? `${(0,judge.formatFigure)(v.interval.lower, v.unit)} – ${(0,judge.formatFigure)(v.interval.upper, v.unit)}`
                : 'observed',
            OUTCOME[v.outcome],
            v.reason,
        ])));
    }
    for (const target of report.targets)
        parts.push(targetSection(target, `Target ${target.name && target.name !== target.url ? `${target.name}: ` : ''}${target.url}`));
    if (report.baseline) {
        for (const target of report.targets)
            parts.push(comparisonSection(target, report.baseline));
        parts.push(targetSection(report.baseline, `Baseline ${report.baseline.url}`));
    }
    return parts.join('\n');
}
/** Where the figures were measured: the runner, or the probe Machine in a Fly region and what it cost. */
function renderMeasuredFrom(remote) {
    if (!remote)
        return '\n\nMeasured from: the runner.\n';
    return (`\n\n| Measured from | Machine | Size | Machine-seconds |\n|---|---|---|---|\n` +
        `| Fly region \`${remote.region}\` | ${remote.machineId} (destroyed) | shared-cpu-1x, 256 MB | ${remote.machineSeconds} |\n`);
}


/***/ })

};
