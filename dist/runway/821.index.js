export const id = 821;
export const ids = [821];
export const modules = {

/***/ 1363:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BD: () => (/* binding */ Summary),
/* harmony export */   Qj: () => (/* binding */ markdownTable),
/* harmony export */   kq: () => (/* binding */ escapeCell),
/* harmony export */   lj: () => (/* binding */ mermaidBarChart)
/* harmony export */ });
/* unused harmony export verdictIcon */
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


/***/ }),

/***/ 8821:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderDeploySummary: () => (/* binding */ renderDeploySummary)
/* harmony export */ });
/* harmony import */ var _core_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8571);
/* harmony import */ var _core_summary_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1363);


const short = (version) => (version ? version.slice(-8) : '–');
const shortImage = (image) => {
    if (!image)
        return '–';
    const at = image.indexOf('@sha256:');
    return at >= 0 ? `${image.slice(0, at)}@${image.slice(at + 8, at + 8 + 12)}` : image;
};
const HEADLINE = {
    deployed: '✅ Deployed',
    'rolled-back': '↩️ Rolled back',
    failed: '❌ Deploy failed',
};
/**
 * The job summary: what shipped where, how the new release was checked (which Machines were verified,
 * which took it while stopped), each Machine's old → new version and health, and the timeline.
 */
function renderDeploySummary(result) {
    const s = new _core_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .Summary */ .BD();
    const env = result.environment ? ` (${result.environment})` : '';
    s.heading(`${HEADLINE[result.status]}: ${result.app}${env}, release v${result.releaseVersion}`, 2);
    writeFacts(s, result);
    writeOutcome(s, result);
    writeVerification(s, result);
    writeMachines(s, result);
    writeTimeline(s, result);
    if (result.warnings.length) {
        s.heading('Warnings', 3);
        s.raw(result.warnings.map((w) => `- ${(0,_core_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeCell */ .kq)(w)}`).join('\n') + '\n');
    }
    return s.toString();
}
function writeFacts(s, result) {
    const facts = [
        ['Image', `\`${result.status === 'deployed' ? result.image : result.requestedImage}\``],
        ['Previous image', result.previousImage ? `\`${result.previousImage}\`` : 'none (first deploy)'],
        [
            'Strategy',
            result.firstDeploy ? `${result.strategy} (first deploy: Machines created)` : result.strategy,
        ],
        ['URL', result.url],
        ['Duration', (0,_core_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(result.durationMs)],
        ['Machines API calls', String(result.apiCalls)],
    ];
    s.table(['', ''], facts);
}
/** Why it failed or rolled back, and what a failed rollback left for a human. */
function writeOutcome(s, result) {
    if (result.reason) {
        const verb = result.status === 'rolled-back'
            ? 'Rolled back because'
            : result.status === 'failed'
                ? 'Failed because'
                : 'Note';
        s.paragraph(`**${verb}:** ${(0,_core_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeCell */ .kq)(result.reason)}`);
    }
    if (result.status === 'rolled-back') {
        s.paragraph(result.firstDeploy
            ? 'The Machines this deploy created were destroyed; the app is as it was before.'
            : `Every Machine is back on \`${result.previousImage ?? 'the previous image'}\`; the app never stopped serving it.`);
    }
    if (result.rollbackFailure) {
        s.heading('❌ Rollback failed: fix by hand', 3);
        s.paragraph((0,_core_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeCell */ .kq)(result.rollbackFailure.message));
        s.raw(['```sh', ...result.rollbackFailure.commands, '```', ''].join('\n'));
    }
}
/**
 * On a deployed release: the Machines where it was health-checked while started, and those that took it
 * while stopped (auto-stop), which have not run it yet and start on it with the next request.
 */
function writeVerification(s, result) {
    if (result.status !== 'deployed')
        return;
    const kept = result.report.filter((m) => m.state !== 'destroyed' && m.action !== 'destroyed');
    const verified = kept.filter((m) => m.check === 'verified');
    const stopped = kept.filter((m) => m.check === 'stopped');
    if (!verified.length && !stopped.length)
        return;
    const list = (ms) => ms.length ? ms.map((m) => `\`${m.id}\` (${m.region}, ${m.group})`).join(', ') : 'none';
    s.heading('How the new release was checked', 3);
    s.table(['', 'Machines'], [
        [`Verified: health-checked while started (${verified.length})`, list(verified)],
        [`Updated while stopped: not run yet (${stopped.length})`, list(stopped)],
    ]);
}
function writeMachines(s, result) {
    if (!result.report.length)
        return;
    s.heading('Machines', 3);
    s.table(['Machine', 'Region', 'Group', 'Version (old → new)', 'Image (old → new)', 'Health', 'Time', 'Action'], result.report.map((m) => [
        m.id,
        m.region,
        m.group,
        `${short(m.oldVersion)} → ${short(m.newVersion)}`,
        `${shortImage(m.oldImage)} → ${shortImage(m.newImage)}`,
        m.health,
        m.ms === undefined ? '–' : (0,_core_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(m.ms),
        m.note ? `${m.action} (${m.note})` : m.action,
    ]), ['left', 'left', 'left', 'left', 'left', 'left', 'right', 'left']);
}
/** Seconds from change to healthy per Machine (a chart when there are several), then the event log. */
function writeTimeline(s, result) {
    const timed = result.report.filter((m) => m.ms !== undefined && m.action !== 'destroyed');
    if (timed.length > 1) {
        s.raw((0,_core_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .mermaidBarChart */ .lj)({
            title: 'Seconds from change to healthy, per Machine',
            xLabel: 'Machine',
            yLabel: 'seconds',
            labels: timed.map((m) => m.id.slice(0, 6)),
            values: timed.map((m) => Math.round((m.ms ?? 0) / 100) / 10),
        }));
    }
    if (!result.timeline.length)
        return;
    s.heading('Timeline', 3);
    s.table(['t+', 'Event'], result.timeline.map((t) => [(0,_core_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(t.atMs), t.text]), ['right', 'left']);
}


/***/ })

};
