export const id = 197;
export const ids = [197];
export const modules = {

/***/ 197:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  renderCutoverSummary: () => (/* binding */ renderCutoverSummary)
});

// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __webpack_require__(8571);
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

;// CONCATENATED MODULE: ./src/dns/summary.ts


const HEADLINES = {
    planned: 'plan only, nothing changed',
    unchanged: 'records already match, nothing sent',
    applied: 'switched and verified',
    'ttl-lowered': 'TTL lowered and verified',
    restored: 'previous records restored and verified',
    refused: 'refused, nothing changed',
    'preflight-failed': 'pre-flight failed, nothing changed',
    'rolled-back': 'failed after the switch, previous records restored',
    'rollback-failed': 'failed after the switch, and the restore failed too',
    failed: 'failed',
};
function verifyTable(summary, report, what = 'the new records') {
    summary.table(['Server', 'Role', 'Answer', 'Matched after', 'Queries'], report.servers.map((s) => [
        s.server,
        s.role,
        s.answer,
        s.matched
            ? `${verdictIcon(true)} ${(0,duration/* formatDuration */.a3)(s.matchedAfterMs ?? 0)}`
            : s.unreachable
                ? '➖ unreachable from this runner (another address of the server answered)'
                : `${verdictIcon(false)} not within the timeout`,
        s.queries,
    ]), ['left', 'left', 'left', 'right', 'right']);
    for (const note of report.skipped)
        summary.paragraph(`> ${note}`);
    const matched = report.servers.filter((s) => s.matched && s.matchedAfterMs !== undefined);
    if (matched.length >= 2) {
        summary.raw(mermaidBarChart({
            title: `Answering ${what}, ms after the provider accepted the change`,
            xLabel: 'server',
            yLabel: 'ms',
            labels: matched.map((s) => s.server),
            values: matched.map((s) => s.matchedAfterMs ?? 0),
        }));
    }
}
/** The job summary: the plan as a diff table, the checks, who answered what and when, and both stories of a rollback. */
function renderCutoverSummary(result) {
    const summary = new Summary();
    headline(summary, result);
    planSection(summary, result);
    waitAdvice(summary, result);
    preflightSection(summary, result);
    if (result.verify) {
        summary.heading('Propagation of the change', 4);
        verifyTable(summary, result.verify);
    }
    postHealthSection(summary, result);
    rollbackSection(summary, result);
    for (const note of result.notes)
        summary.paragraph(`> ${note}`);
    summary.details('Timeline', result.timeline.map((t) => `- +${(0,duration/* formatDuration */.a3)(t.atMs)} ${t.event.replace(/</g, '&lt;')}`).join('\n'));
    if (result.changed && result.mode !== 'rollback') {
        summary.paragraph('To undo, run this action with `mode: rollback` and `previous: ${{ steps.<id>.outputs.previous }}`.');
    }
    return summary.toString();
}
/** The verdict in one line, then where, how many changes and calls, and what went wrong if anything did. */
function headline(summary, result) {
    summary.heading(`${verdictIcon(result.ok)} dns-cutover ${result.mode}: ${result.name} — ${HEADLINES[result.status]}`, 3);
    summary.paragraph(`Provider **${result.provider}**, zone \`${result.zone}\`${result.target ? `, target \`${result.target}\`` : ''}. ${result.plan.recordChanges} record change(s) planned; ${result.apiCalls} API call(s); ${(0,duration/* formatDuration */.a3)(result.durationMs)} in all.`);
    if (result.failure)
        summary.paragraph(`**What happened:** ${result.failure}`);
}
function planSection(summary, result) {
    summary.heading('Plan', 4);
    if (result.rows.length) {
        summary.table(['Type', 'Before', 'After', 'Action'], result.rows.map((r) => [r.type, r.before, r.after, r.action]));
    }
    else {
        summary.paragraph('No A, AAAA or CNAME records at this name before or after.');
    }
    if (result.status === 'unchanged')
        summary.paragraph('The records already match the target: no change was sent (PowerDNS would bump the SOA serial on every write).');
}
/** lower-ttl: how long to wait before the switch (an empty paragraph in the other modes that set a wait). */
function waitAdvice(summary, result) {
    if (result.waitSeconds === undefined)
        return;
    summary.paragraph(result.status === 'ttl-lowered' || result.status === 'unchanged'
        ? `Wait at least **${result.waitSeconds}s** (${(0,duration/* formatDuration */.a3)(result.waitSeconds * 1000)}, the old TTL) before the switch, so no resolver still holds the long-lived answer.`
        : '');
}
/** The TLS handshake and health check made through the new target before anything changed. */
function preflightSection(summary, result) {
    const { tls, health } = result.preflight;
    if (!tls && !health)
        return;
    summary.heading('Pre-flight through the new target', 4);
    const rows = [];
    if (tls)
        rows.push([
            'TLS handshake',
            `${tls.address}:${tls.port}, SNI ${tls.servername}`,
            verdictIcon(tls.ok),
            tls.ok ? `${tls.altNames ?? tls.subject}, issuer ${tls.issuer}, valid to ${tls.validTo}` : tls.error,
        ]);
    if (health)
        rows.push([
            'Health',
            `${health.url} via ${health.address}:${health.port}`,
            verdictIcon(health.ok),
            health.ok ? `${health.status} in ${health.ms}ms` : health.error,
        ]);
    summary.table(['Check', 'Where', 'Result', 'Detail'], rows);
}
function postHealthSection(summary, result) {
    if (!result.postHealth.length)
        return;
    summary.heading('Health after the switch', 4);
    summary.table(['Try', 'Result', 'Detail'], result.postHealth.map((h, i) => [i + 1, verdictIcon(h.ok), h.ok ? `${h.status} in ${h.ms}ms` : h.error]));
}
/** The second story of a failed cutover: whether the previous records came back, and who answered them. */
function rollbackSection(summary, result) {
    if (!result.rollback)
        return;
    summary.heading('Rollback', 4);
    summary.paragraph(result.rollback.ok
        ? 'The previous records were put back and verified:'
        : `The restore did not complete: ${result.rollback.error}`);
    if (result.rollback.verify)
        verifyTable(summary, result.rollback.verify, 'the previous records');
}


/***/ })

};
