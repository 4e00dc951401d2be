export const id = 678;
export const ids = [678];
export const modules = {

/***/ 6034:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GS: () => (/* binding */ monthOf),
/* harmony export */   Lf: () => (/* binding */ seriesOf),
/* harmony export */   eE: () => (/* binding */ dateFromKey),
/* harmony export */   kb: () => (/* binding */ dayOf)
/* harmony export */ });
/**
 * How a backup key says when it was made and which series it belongs to. Backup jobs write the date
 * into folders (`db/2026-11-29/`, `postgres/2026/11/29/`, `db/2026/11/`), into the file name
 * (`voicebot-2026-11-29.sql.gz`) or both; every one of those spots is a date, not a different
 * backup, so all of them are taken out to form the series.
 */
/** A full date (`2026-11-29`, `2026_11_29`, `2026/11/29`, `20261129`), optionally with a time (`T031500Z`, `-03-15-00`). */
const FULL_DATE = /(?<![0-9])(20\d{2})[-_./]?(0[1-9]|1[0-2])[-_./]?(0[1-9]|[12]\d|3[01])(?:[T_ -]?([01]\d|2[0-3])[-:]?([0-5]\d)(?:[-:]?([0-5]\d))?Z?)?(?![0-9])/g;
/** A year folder (`2026/`) or a month (`2026/11/`, `2026-11/`) left after the full dates are out. */
const PERIOD_FOLDERS = /(?<=^|\/)20\d{2}([-_/](0[1-9]|1[0-2]))?(?=\/)/g;
/**
 * The backup date written in a key. The last full date wins: folders can carry a date of their own
 * (`2026/11/db-2026-11-29.dump`) and the file name is the most precise.
 */
function dateFromKey(key) {
    const dates = fullDates(key);
    const last = dates.at(-1);
    return last && { date: last.date, hasTime: last.hasTime };
}
/**
 * The series a key belongs to: the key with every date in it replaced (`{date}` for a day,
 * `{month}` and `{year}` for period folders). `db/2026-11-29/voicebot-2026-11-29.sql.gz` and
 * `db/2026-11-30/voicebot-2026-11-30.sql.gz` are one series, `db/{date}/voicebot-{date}.sql.gz`.
 * A key without any date stands for the folder it is in (`db/*`).
 */
function seriesOf(key) {
    const dates = fullDates(key);
    let series = '';
    let at = 0;
    for (const d of dates) {
        series += key.slice(at, d.index) + '{date}';
        at = d.index + d.text.length;
    }
    series += key.slice(at);
    series = series.replace(PERIOD_FOLDERS, (_, month) => (month ? '{month}' : '{year}'));
    return series === key ? key.replace(/[^/]*$/, '*') : series;
}
/** Every valid full date in the key, left to right (2026-02-30 is not one). */
function fullDates(key) {
    const found = [];
    for (const match of key.matchAll(FULL_DATE)) {
        const [text, y, mo, d, h, mi, s] = match;
        const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0)));
        if (date.getUTCDate() !== Number(d))
            continue;
        found.push({ date, hasTime: h !== undefined, index: match.index, text });
    }
    return found;
}
const dayOf = (date) => date.toISOString().slice(0, 10);
const monthOf = (date) => date.toISOString().slice(0, 7);


/***/ }),

/***/ 5668:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W9: () => (/* binding */ auditRetention),
/* harmony export */   WY: () => (/* binding */ auditLifecycle),
/* harmony export */   wy: () => (/* binding */ describePolicy)
/* harmony export */ });
/* harmony import */ var _forget_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3825);
/* harmony import */ var _layout_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6034);


const DAY = 86_400_000;
/**
 * Audits one series against the policy: which backups restic's `forget` keeps, the gaps in the daily
 * and monthly windows, and what lifecycle left behind. Calendar boundaries are UTC days and months.
 */
function auditRetention(backups, policy, now, lagDays = 2) {
    const { keep, remove } = (0,_forget_js__WEBPACK_IMPORTED_MODULE_0__/* .applyPolicy */ .VC)(backups, policy, now);
    const kept = new Map(keep.map((k) => [k.item.key, k.matches]));
    const days = new Map();
    for (const b of backups)
        days.set((0,_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .dayOf */ .kb)(b.date), (days.get((0,_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .dayOf */ .kb)(b.date)) ?? 0) + 1);
    const today = (0,_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .dayOf */ .kb)(now);
    // Today's backup may not have run yet; lateness is the freshness check's job.
    const lastDay = days.has(today) ? Date.parse(today) : Date.parse(today) - DAY;
    // No backup at all: no day can be missing yet (the freshness check reports the empty store).
    const oldest = backups.length ? Math.min(...backups.map((b) => b.date.getTime())) : lastDay + DAY;
    const daily = missingDaysOf(days, policy.daily ?? 0, lastDay, oldest);
    return {
        missingDays: daily.missing,
        missingMonths: missingMonthsOf(backups, policy.monthly ?? 0, lastDay, oldest),
        expired: expiredOf(keep, remove, now, lagDays),
        kept,
        window: { from: daily.from, to: (0,_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .dayOf */ .kb)(new Date(lastDay)) },
        days,
    };
}
/**
 * The last `count` days up to `lastDay` (never before the first backup) that have no backup. The window
 * is built as a list of known length (the days from the first backup to `lastDay` at most), so no count
 * can make it run on.
 */
function missingDaysOf(days, count, lastDay, oldest) {
    const firstDay = Date.parse((0,_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .dayOf */ .kb)(new Date(oldest)));
    const length = Math.max(0, Math.min(count, (lastDay - firstDay) / DAY + 1));
    const window = Array.from({ length }, (_, i) => (0,_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .dayOf */ .kb)(new Date(lastDay - i * DAY)));
    return {
        missing: window.filter((day) => !days.has(day)).sort(),
        from: window.at(-1) ?? (0,_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .dayOf */ .kb)(new Date(lastDay)),
    };
}
/** A month as a count of months since year 0, so that month arithmetic is integer arithmetic. */
const monthIndex = (date) => date.getUTCFullYear() * 12 + date.getUTCMonth();
const monthOfIndex = (index) => (0,_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .monthOf */ .GS)(new Date(Date.UTC(Math.floor(index / 12), index % 12, 1)));
/** Like the daily window: on the 1st, before that day's backup has run, the month is not missing yet. */
function missingMonthsOf(backups, count, lastDay, oldest) {
    if (!backups.length)
        return [];
    const months = new Set(backups.map((b) => (0,_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .monthOf */ .GS)(b.date)));
    const last = monthIndex(new Date(lastDay));
    const length = Math.max(0, Math.min(count, last - monthIndex(new Date(oldest)) + 1));
    const window = Array.from({ length }, (_, i) => monthOfIndex(last - i));
    return window.filter((month) => !months.has(month)).sort();
}
/** Reasons that keep every backup of a recent stretch (not one per week, month or year). */
const DENSE = /^(oldest )?(last snapshot|hourly snapshot|daily snapshot|within |hourly within |daily within )/;
/**
 * What lifecycle should already have removed. restic's removal list, less two kinds of backup:
 * those inside the dense window (newer than the oldest backup kept by last/hourly/daily/within,
 * e.g. a second backup on a day), because lifecycle rules expire by age and cannot thin a day; and
 * those within `lagDays` of that window's edge, because B2 hides 24-48 h late and deletes a day later.
 * Without a dense rule the edge is now.
 */
function expiredOf(keep, remove, now, lagDays) {
    const dense = keep.filter((k) => k.matches.some((m) => DENSE.test(m)));
    const edge = dense.at(-1)?.item.date.getTime() ?? now.getTime();
    return remove
        .filter((b) => b.date.getTime() < edge - lagDays * DAY)
        .map((b) => b.key)
        .reverse();
}
/** Roughly how many days the policy keeps its oldest backup, for comparing with lifecycle rules. */
function longestKeptDays(policy) {
    const count = (n, days) => (n === -1 ? Infinity : (n ?? 0) * days);
    const span = (s) => (s ? s.years * 366 + s.months * 31 + s.days + s.hours / 24 : 0);
    return Math.max(count(policy.yearly, 366), count(policy.monthly, 31), count(policy.weekly, 7), count(policy.daily, 1), span(policy.within), span(policy.withinDaily), span(policy.withinWeekly), span(policy.withinMonthly), span(policy.withinYearly));
}
/** Whether the bucket's lifecycle rules for this prefix agree with the policy. */
function auditLifecycle(answer, prefix, policy, expiredCount) {
    if ('unavailable' in answer)
        return {
            ok: true,
            detail: `lifecycle rules not readable here (${answer.unavailable}); not compared`,
            rules: [],
        };
    const applicable = answer.rules.filter((r) => r.enabled && (prefix.startsWith(r.prefix) || r.prefix.startsWith(prefix)));
    const rules = applicable.map((r) => `${r.id ?? '(no id)'} on '${r.prefix}': ${r.expirationDays ? `expire after ${r.expirationDays}d` : 'no expiry'}${r.noncurrentDays ? `, delete hidden after ${r.noncurrentDays}d` : ''}`);
    const longest = longestKeptDays(policy);
    const tooShort = applicable.filter(
    // A rule without an expiry never removes anything.
    (r) => (r.expirationDays ?? Infinity) < longest && r.prefix.length <= prefix.length);
    if (tooShort.length > 0) {
        const r = tooShort[0];
        return {
            ok: false,
            detail: `lifecycle rule ${r.id ?? `on '${r.prefix}'`} expires backups after ${r.expirationDays} days, but the policy keeps some for about ${longest} days (${describePolicy(policy)}): keep monthly snapshots under a prefix of their own with a longer rule`,
            rules,
        };
    }
    if (applicable.length === 0) {
        return {
            ok: expiredCount === 0,
            detail: expiredCount > 0
                ? `no lifecycle rule covers '${prefix}', and ${expiredCount} backup(s) beyond the policy remain: add a rule or prune in the upload job`
                : `no lifecycle rule covers '${prefix}' (pruning must happen in the upload job)`,
            rules,
        };
    }
    return { ok: true, detail: `lifecycle rules match the policy`, rules };
}
function describePolicy(policy) {
    const counts = ['last', 'hourly', 'daily', 'weekly', 'monthly', 'yearly']
        .filter((k) => (policy[k] ?? 0) !== 0)
        .map((k) => `${k}=${policy[k] === -1 ? 'all' : policy[k]}`);
    const spans = [
        ['within', policy.within],
        ['within-hourly', policy.withinHourly],
        ['within-daily', policy.withinDaily],
        ['within-weekly', policy.withinWeekly],
        ['within-monthly', policy.withinMonthly],
        ['within-yearly', policy.withinYearly],
    ]
        .filter(([, s]) => s)
        .map(([k, s]) => `${k}=${(0,_forget_js__WEBPACK_IMPORTED_MODULE_0__/* .formatSpan */ .QA)(s)}`);
    return [...counts, ...spans].join(',');
}


/***/ }),

/***/ 4678:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  renderBackupSummary: () => (/* binding */ renderBackupSummary),
  renderComparison: () => (/* binding */ renderComparison)
});

// UNUSED EXPORTS: renderCalendar, renderRestore

// EXTERNAL MODULE: ./src/core/progress.ts
var progress = __webpack_require__(4664);
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

// EXTERNAL MODULE: ./src/backup/retention.ts
var retention = __webpack_require__(5668);
;// CONCATENATED MODULE: ./src/backup/summary.ts



const ICON = {
    ok: '✅ ok',
    failed: '❌ failed',
    unverifiable: '⚠️ unverifiable',
    'not-verified': '· not read',
};
/** The retention calendar for one series: a week per row, Monday first; gaps in the window marked ❌. */
function renderCalendar(series) {
    const { from, to } = series.retention.window;
    const missing = new Set(series.retention.missingDays);
    const days = series.retention.days;
    const end = Date.parse(to);
    const start = Date.parse(from);
    if (!Number.isFinite(start) || !Number.isFinite(end) || end < start)
        return '';
    const DAY = 86_400_000;
    const first = start - ((new Date(start).getUTCDay() + 6) % 7) * DAY;
    const rows = [];
    for (let week = first; week <= end; week += 7 * DAY) {
        const row = [new Date(week).toISOString().slice(0, 10)];
        for (let d = 0; d < 7; d++) {
            const t = week + d * DAY;
            const day = new Date(t).toISOString().slice(0, 10);
            const label = day.slice(8);
            if (t < start || t > end)
                row.push(days[day] ? `${label} ·` : '');
            else if (missing.has(day))
                row.push(`**${label} ❌**`);
            else
                row.push(`${label} ✅${days[day] > 1 ? `×${days[day]}` : ''}`);
        }
        rows.push(row);
    }
    const header = ['week of', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
    return ([
        `| ${header.join(' | ')} |`,
        `| ${header.map(() => '---').join(' | ')} |`,
        ...rows.map((r) => `| ${r.join(' | ')} |`),
    ].join('\n') + '\n');
}
/** Sizes of a series' last 30 backups, oldest first, so a sudden drop (a 1 KB dump) stands out. */
function sizeChart(report, series) {
    const recent = report.backups
        .filter((b) => b.series === series)
        .slice(0, 30)
        .reverse();
    if (recent.length < 2)
        return '';
    const max = Math.max(...recent.map((b) => b.size));
    const [unit, divisor] = max >= 2 ** 30 ? ['GiB', 2 ** 30] : max >= 2 ** 20 ? ['MiB', 2 ** 20] : ['KiB', 1024];
    return mermaidBarChart({
        title: `Backup size (${unit})`,
        xLabel: 'day',
        yLabel: unit,
        labels: recent.map((b) => b.date.slice(5, 10)),
        values: recent.map((b) => Math.round((b.size / divisor) * 10) / 10),
    });
}
/** The job summary: failures first, then the backups table, then the retention calendar. */
function renderBackupSummary(report) {
    const parts = [];
    const c = report.counts;
    parts.push(`## ${report.passed ? '✅' : '❌'} Backup verification: ${report.passed ? 'passed' : 'FAILED'}\n`);
    parts.push(`${escapeCell(report.store)}, prefix \`${escapeCell(report.prefix || '(whole bucket)')}\` — ${c.backups} backups, ${c.selected} read (verify: ${report.verifyMode}${report.shard !== '1/1' ? `, shard ${report.shard}` : ''}): ` +
        `${c.verified} ok, ${c.failed} failed, ${c.unverifiable} unverifiable; newest \`${escapeCell(report.latestKey ?? '-')}\`, ${report.latestAgeHours ?? '-'} h old (max ${report.maxAgeHours} h); ` +
        `policy ${(0,retention/* describePolicy */.wy)(report.policy)}, ${c.missingDays} missing day(s).\n`);
    if (report.failures.length) {
        parts.push('### Failures\n');
        parts.push(report.failures.map((f) => `- ❌ ${escapeCell(f)}`).join('\n') + '\n');
    }
    if (report.warnings.length) {
        parts.push('### Warnings\n');
        parts.push(report.warnings.map((w) => `- ⚠️ ${escapeCell(w)}`).join('\n') + '\n');
    }
    const order = { failed: 0, unverifiable: 1, ok: 2, 'not-verified': 3 };
    const rows = [...report.backups]
        .sort((a, b) => order[a.verdict] - order[b.verdict] || b.date.localeCompare(a.date))
        .slice(0, 100)
        .map((b) => [
        b.date.slice(0, 10),
        b.key,
        (0,progress/* formatBytes */.z)(b.size),
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
    parts.push(markdownTable(['date', 'key', 'size', 'evidence', 'content', 'verdict'], rows, [
        'left',
        'left',
        'right',
        'left',
        'left',
        'left',
    ]));
    if (report.backups.length > 100)
        parts.push(`…and ${report.backups.length - 100} more in the JSON report.\n`);
    for (const s of report.series) {
        parts.push(`### Retention: \`${escapeCell(s.series)}\`\n`);
        parts.push(`${s.count} backups; daily window ${s.retention.window.from} → ${s.retention.window.to}: ${s.retention.missingDays.length ? `**${s.retention.missingDays.length} missing** (${s.retention.missingDays.join(', ')})` : 'no gaps'}; ` +
            `months missing: ${s.retention.missingMonths.length ? s.retention.missingMonths.join(', ') : 'none'}; beyond policy: ${s.retention.expired.length}; ` +
            `newest ${s.ageHours} h old ${s.fresh ? '✅' : '❌'}; size ${escapeCell(s.size.detail)} ${s.size.ok ? '✅' : '❌'}.\n`);
        parts.push(renderCalendar(s));
        parts.push(sizeChart(report, s.series));
    }
    parts.push(`Lifecycle: ${report.lifecycle.ok ? '✅' : '⚠️'} ${escapeCell(report.lifecycle.detail)}${report.lifecycle.rules.length ? ` (${escapeCell(report.lifecycle.rules.join('; '))})` : ''}\n`);
    if (report.throughput)
        parts.push(`Read ${(0,progress/* formatBytes */.z)(report.throughput.bytes)} at ${report.throughput.mbPerSecond} MB/s.\n`);
    if (report.restore)
        parts.push(renderRestore(report.restore));
    return parts.join('\n');
}
/** The restore: what went where, how fast, and each table against the manifest or the source. */
function renderRestore(restore) {
    const head = `### ${restore.ok ? '✅' : '❌'} Restore: \`${escapeCell(restore.key)}\` → ${escapeCell(restore.database)}\n`;
    const speed = restore.ms !== undefined
        ? `${restore.tool} took ${(restore.ms / 1000).toFixed(1)} s (${restore.mbPerSecond} MB/s of dump).\n`
        : '';
    if (!restore.comparison)
        return `${head}\n${speed}${escapeCell(restore.problem ?? '')}\n`;
    return `${head}\n${speed}Compared with ${escapeCell(restore.comparedWith ?? '')}: **${escapeCell(restore.comparison.summary.split(':')[0])}**.\n\n${renderComparison(restore.comparison)}`;
}
/** One row per differing table, or the count when all are equal. */
function renderComparison(comparison) {
    if (comparison.equal)
        return `${comparison.tables} tables, ${comparison.rows} rows: all equal ✅\n`;
    return markdownTable(['table', 'difference'], comparison.differences.map((d) => [d.table, `❌ ${d.why}`]), ['left', 'left']);
}


/***/ }),

/***/ 4664:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ Progress),
/* harmony export */   z: () => (/* binding */ formatBytes)
/* harmony export */ });
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8571);

function formatBytes(bytes) {
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}
/**
 * Progress for long work, logged at most every `intervalMs` so a 1 GiB download prints a line every few
 * seconds rather than thousands: done/total, rate and time left.
 */
class Progress {
    label;
    total;
    log;
    options;
    done = 0;
    lastLog = 0;
    started;
    constructor(label, total, log, options = {}) {
        this.label = label;
        this.total = total;
        this.log = log;
        this.options = options;
        this.started = this.now();
        this.lastLog = this.started;
    }
    now() {
        return this.options.now ? this.options.now() : Date.now();
    }
    fmt(n) {
        return this.options.unit === 'items' ? String(n) : formatBytes(n);
    }
    add(amount) {
        this.done += amount;
        const now = this.now();
        if (now - this.lastLog >= (this.options.intervalMs ?? 5000)) {
            this.lastLog = now;
            this.log(this.line(now));
        }
    }
    line(now = this.now()) {
        const elapsed = Math.max(1, now - this.started);
        const rate = (this.done / elapsed) * 1000;
        const rateText = this.options.unit === 'items' ? `${rate.toFixed(1)}/s` : `${formatBytes(rate)}/s`;
        if (this.total && this.total > 0) {
            const pct = ((this.done / this.total) * 100).toFixed(0);
            const left = rate > 0 ? (0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(((this.total - this.done) / rate) * 1000) : '?';
            return `${this.label}: ${this.fmt(this.done)} of ${this.fmt(this.total)} (${pct}%), ${rateText}, ${left} left`;
        }
        return `${this.label}: ${this.fmt(this.done)}, ${rateText}`;
    }
    finish() {
        const line = `${this.label}: done, ${this.fmt(this.done)} in ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(this.now() - this.started)}`;
        this.log(line);
        return line;
    }
}


/***/ })

};
