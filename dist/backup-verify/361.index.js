export const id = 361;
export const ids = [361,265];
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

/***/ 4265:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BO: () => (/* binding */ redactUrl),
/* harmony export */   Dz: () => (/* binding */ compareTables),
/* harmony export */   G3: () => (/* binding */ fingerprintDatabase),
/* harmony export */   compareDatabases: () => (/* binding */ compareDatabases),
/* harmony export */   rT: () => (/* binding */ parseTableManifest)
/* harmony export */ });
/* unused harmony export TABLE_MANIFEST_SQL */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);



const run = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.promisify)(node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile);
/**
 * A table's fingerprint: its row count and an order-independent checksum of its rows (the sum of
 * the first 64 bits of each row's md5, so a changed, missing or extra row changes it, and row order,
 * which a restore does not keep, does not). The session settings make every value's text the same
 * on any server and client: UTC, ISO dates, shortest exact floats, hex bytea.
 */
const TABLE_MANIFEST_SQL = `SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres'; SET extra_float_digits = 1; SET bytea_output = 'hex';
SELECT n.nspname || '.' || c.relname, x.rows, x.checksum
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace,
LATERAL (SELECT (xpath('/row/n/text()', q))[1]::text AS rows, (xpath('/row/s/text()', q))[1]::text AS checksum
  FROM query_to_xml(format('SELECT count(*) AS n, coalesce(sum((''x'' || substr(md5(t::text), 1, 16))::bit(64)::bigint::numeric), 0) AS s FROM %I.%I t', n.nspname, c.relname), false, true, '') q) x
WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
ORDER BY 1;
`;
/**
 * Reads a manifest as `psql -XAtq -f table-manifest.sql` writes it: `schema.table|rows|checksum`
 * per line. Anything else is refused with the line number, so a wrong file is not read as "no tables".
 */
function parseTableManifest(text, source) {
    const manifest = new Map();
    text.split('\n').forEach((line, i) => {
        if (!line.trim())
            return;
        const match = /^(.+)\|(\d+)\|(-?\d+)$/.exec(line.trim());
        if (!match)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${source} line ${i + 1} is not "schema.table|rows|checksum": ${JSON.stringify(line.slice(0, 80))}.`, { fix: 'write the manifest with psql -XAtq -f table-manifest.sql (see the backup-verify README).' });
        manifest.set(match[1], { rows: Number(match[2]), checksum: match[3] });
    });
    if (manifest.size === 0)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${source} lists no tables.`, {
            fix: 'write it from the database that was dumped, right after pg_dump (see the backup-verify README).',
        });
    return manifest;
}
/** The fingerprint of every table in a live database, via psql (bounded by `timeoutMs`). */
async function fingerprintDatabase(url, name, timeoutMs = 600_000, signal) {
    try {
        const { stdout } = await run('psql', ['-XAtq', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', TABLE_MANIFEST_SQL], {
            timeout: timeoutMs,
            maxBuffer: 64 * 1024 * 1024,
            signal,
        });
        return stdout.trim() ? parseTableManifest(stdout, name) : new Map();
    }
    catch (error) {
        if (error instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo)
            throw error;
        if (signal?.aborted)
            throw signal.reason;
        const detail = error.stderr?.trim() || error.message;
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`could not read the tables of ${name}: ${detail.split('\n')[0]}`, {
            fix: 'check that the database URL is right and reachable from the runner, and that psql is installed.',
        });
    }
}
/** Every table of `expected` against `actual`: missing, extra, row count, content. */
function compareTables(expected, actual, names) {
    const differences = [];
    for (const [table, want] of expected) {
        const got = actual.get(table);
        if (!got)
            differences.push({
                table,
                why: `missing from ${names.actual} (${want.rows} rows in ${names.expected})`,
            });
        else if (got.rows !== want.rows)
            differences.push({
                table,
                why: `${got.rows} rows in ${names.actual}, ${want.rows} in ${names.expected}`,
            });
        else if (got.checksum !== want.checksum)
            differences.push({
                table,
                why: `same ${got.rows} rows but different content (checksum ${got.checksum} ≠ ${want.checksum})`,
            });
    }
    for (const [table, got] of actual)
        if (!expected.has(table))
            differences.push({ table, why: `only in ${names.actual} (${got.rows} rows)` });
    const rows = [...expected.values()].reduce((n, t) => n + t.rows, 0);
    const counted = `${expected.size} tables, ${rows.toLocaleString('en-US')} rows`;
    return {
        equal: differences.length === 0,
        tables: expected.size,
        rows,
        differences,
        summary: differences.length
            ? `${counted}: ${differences.length} differ: ${differences.map((d) => `${d.table} (${d.why})`).join('; ')}`
            : `${counted}, all equal`,
    };
}
/** A connection URL fit for a log line: the password replaced (it is also masked as a secret). */
function redactUrl(url) {
    try {
        const parsed = new URL(url);
        if (parsed.password)
            parsed.password = '***';
        return parsed.toString();
    }
    catch {
        return 'the database';
    }
}
/** The zero-data-loss gate: every table of `source` against `target`, both live. */
async function compareDatabases(source, target) {
    const names = { expected: redactUrl(source), actual: redactUrl(target) };
    const [expected, actual] = await Promise.all([
        fingerprintDatabase(source, names.expected),
        fingerprintDatabase(target, names.actual),
    ]);
    return compareTables(expected, actual, names);
}


/***/ }),

/***/ 3361:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  verifyBackups: () => (/* binding */ verifyBackups)
});

// UNUSED EXPORTS: describeMode

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(370);
// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __webpack_require__(8571);
// EXTERNAL MODULE: ./src/core/progress.ts
var core_progress = __webpack_require__(4664);
// EXTERNAL MODULE: ./src/core/secrets.ts
var secrets = __webpack_require__(8198);
// EXTERNAL MODULE: ./src/backup/layout.ts
var layout = __webpack_require__(6034);
;// CONCATENATED MODULE: ./src/backup/candidates.ts

const DAY_MS = 86_400_000;
/** Dates and series for each listed backup, newest first (ties by key, so every shard agrees). */
function toCandidates(objects, dateFrom) {
    return objects
        .map((object) => {
        const fromKey = dateFrom === 'key' ? (0,layout/* dateFromKey */.eE)(object.key) : undefined;
        return {
            object,
            date: fromKey?.date ?? object.lastModified,
            dateSource: fromKey ? 'key' : 'last-modified',
            series: (0,layout/* seriesOf */.Lf)(object.key),
            madeAt: fromKey ? madeAt(fromKey.date, fromKey.hasTime, object.lastModified) : object.lastModified,
        };
    })
        .sort((a, b) => b.date.getTime() - a.date.getTime() || a.object.key.localeCompare(b.object.key));
}
/**
 * A key that carries only a day (`db-2026-11-29.dump`) says nothing about the hour: measuring age
 * from midnight would call a 03:00 backup 27 h old just before the next one runs. When the upload
 * finished within two days of that date, its LastModified is the better clock; otherwise (a copy or
 * re-upload much later) midnight is the honest, conservative choice.
 */
function madeAt(keyDate, hasTime, lastModified) {
    if (hasTime)
        return keyDate;
    const delta = lastModified.getTime() - keyDate.getTime();
    return delta >= 0 && delta < 2 * DAY_MS ? lastModified : keyDate;
}
/** Each series' members, newest first; the first of each is its newest backup. */
function groupBySeries(newestFirst) {
    const groups = new Map();
    for (const c of newestFirst)
        groups.set(c.series, [...(groups.get(c.series) ?? []), c]);
    return groups;
}
/** The keys this run (this shard) reads, by verify mode; each series' newest is always among them. */
function selectForVerify(newestFirst, series, mode, shard, now, random) {
    const newest = new Set([...series.values()].map((members) => members[0]));
    let chosen;
    switch (mode.kind) {
        case 'latest':
            chosen = [...newest];
            break;
        case 'all':
            chosen = newestFirst;
            break;
        case 'since':
            chosen = newestFirst.filter((c) => c.date.getTime() >= now.getTime() - mode.ms || newest.has(c));
            break;
        case 'sample': {
            const rest = shuffle(newestFirst.filter((c) => !newest.has(c)), random);
            chosen = [...newest, ...rest.slice(0, Math.max(0, mode.count - newest.size))];
            break;
        }
    }
    if (shard.count === 1)
        return new Set(chosen.map((c) => c.object.key));
    // Every matrix job sorts the same way, so the shards partition the set without talking to each other.
    const byKey = chosen.map((c) => c.object.key).sort();
    return new Set(byKey.filter((_, i) => i % shard.count === shard.index - 1));
}
function shuffle(items, random) {
    for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
}
function describeMode(mode) {
    return mode.kind === 'sample'
        ? `sample:${mode.count}`
        : mode.kind === 'since'
            ? `since:${mode.text}`
            : mode.kind;
}

;// CONCATENATED MODULE: ./src/backup/evidence.ts
const MiB = 1024 * 1024;
const EVIDENCE_FILE = /(\.(sha256|sha1|md5|sha512)|(^|\/)(SHA256SUMS|SHA1SUMS|MD5SUMS|SHA512SUMS)(\.txt)?)$/i;
function isEvidenceFile(key) {
    return EVIDENCE_FILE.test(key);
}
function algorithmOfName(name) {
    const lower = name.toLowerCase();
    if (/sha256/.test(lower))
        return 'sha256';
    if (/sha512/.test(lower))
        return 'sha512';
    if (/sha1/.test(lower))
        return 'sha1';
    if (/md5/.test(lower))
        return 'md5';
    return undefined;
}
const HEX_LENGTH = { md5: 32, sha1: 40, sha256: 64, sha512: 128 };
/**
 * `<hex>` or `<hex>  name` or `<hex> *name` or BSD `SHA256 (name) = <hex>`. Blank lines, `#` comments and
 * anything else match neither anchored form, so they are skipped.
 */
function parseChecksumLines(text, algorithm) {
    const result = [];
    const len = HEX_LENGTH[algorithm];
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.trim();
        const bsd = /^[A-Z0-9-]+ \((.+)\) = ([0-9a-fA-F]+)$/.exec(line);
        if (bsd && bsd[2].length === len) {
            result.push({ hex: bsd[2].toLowerCase(), name: bsd[1] });
            continue;
        }
        const gnu = /^\\?([0-9a-fA-F]+)(?:\s+\*?(.+))?$/.exec(line);
        if (gnu && gnu[1].length === len)
            result.push({ hex: gnu[1].toLowerCase(), name: gnu[2]?.trim() });
    }
    return result;
}
/** Part sizes uploaders use: rclone and lib-storage 5 MiB, AWS CLI 8 MiB, s3cmd 15 MiB, B2's 100 MB... */
const COMMON_PART_SIZES = [5, 8, 10, 15, 16, 25, 32, 50, 64, 96, 100, 128, 200, 256, 512, 1024]
    .map((m) => m * MiB)
    .concat([100e6, 200e6]);
/**
 * Part sizes that could have produced an N-part upload of `size` bytes: (N-1)·p < size ≤ N·p. Besides
 * the fixed list, the sizes uploaders scale to when 10,000 parts would not do: lib-storage's
 * ceil(size/10000) first, then ceil(size/N) rounded up to a MiB, then ceil(size/N) itself. rclone
 * rounds size/10000 up to a MiB, and whenever that fits N parts it equals ceil(size/N) rounded up to a
 * MiB, so it needs no entry of its own.
 */
function multipartCandidates(size, parts, limit = 3) {
    if (parts < 1)
        return [];
    if (parts === 1)
        return [Math.max(1, size)];
    // Only a positive p fits: for p ≤ 0 and N ≥ 2, (N-1)·p ≥ N·p.
    const fits = (p) => (parts - 1) * p < size && size <= parts * p;
    const scaled = [Math.ceil(size / 10_000), Math.ceil(size / parts / MiB) * MiB, Math.ceil(size / parts)];
    const seen = new Set();
    const out = [];
    for (const p of [...COMMON_PART_SIZES, ...scaled]) {
        if (!fits(p) || seen.has(p))
            continue;
        seen.add(p);
        out.push(p);
        if (out.length >= limit)
            break;
    }
    return out;
}
/** Sidecars and manifests found under the prefix, indexed by the backup key they speak for. */
class EvidenceIndex {
    byKey = new Map();
    add(key, evidence) {
        const list = this.byKey.get(key) ?? [];
        if (!list.some((e) => e.algorithm === evidence.algorithm &&
            e.expected === evidence.expected &&
            e.where === evidence.where)) {
            list.push(evidence);
        }
        this.byKey.set(key, list);
    }
    for(key) {
        return this.byKey.get(key) ?? [];
    }
    /** A sidecar `<key>.sha256` speaks for `<key>`. */
    addSidecar(sidecarKey, text) {
        const algorithm = algorithmOfName(sidecarKey.slice(sidecarKey.lastIndexOf('.')));
        // Stryker disable next-line ConditionalExpression: without an algorithm no digest length matches, so nothing is added either way
        if (!algorithm)
            return;
        const target = sidecarKey.slice(0, sidecarKey.lastIndexOf('.'));
        const first = parseChecksumLines(text, algorithm)[0];
        if (first)
            this.add(target, { source: 'sidecar', algorithm, expected: first.hex, where: sidecarKey });
    }
    /** A manifest (`SHA256SUMS`) names files relative to its own folder. */
    addManifest(manifestKey, text, backupKeys) {
        const algorithm = algorithmOfName(manifestKey.slice(manifestKey.lastIndexOf('/') + 1));
        // Stryker disable next-line ConditionalExpression: without an algorithm no digest length matches, so nothing is added either way
        if (!algorithm)
            return;
        const folder = manifestKey.slice(0, manifestKey.lastIndexOf('/') + 1);
        const known = new Set(backupKeys);
        const byBase = new Map();
        for (const key of backupKeys) {
            const base = key.slice(key.lastIndexOf('/') + 1);
            byBase.set(base, [...(byBase.get(base) ?? []), key]);
        }
        for (const { hex, name } of parseChecksumLines(text, algorithm)) {
            if (!name)
                continue;
            const clean = name.replace(/^\.\//, '');
            let target = folder + clean;
            if (!known.has(target)) {
                const matches = byBase.get(clean.slice(clean.lastIndexOf('/') + 1));
                if (matches?.length === 1)
                    target = matches[0];
                else if (known.has(clean))
                    target = clean;
                else
                    continue;
            }
            this.add(target, { source: 'manifest', algorithm, expected: hex, where: manifestKey });
        }
    }
}
/** Evidence carried by the object itself: rclone's MD5 metadata, B2's large-file SHA-1, the ETag. */
function evidenceFromHead(object, head) {
    const found = [];
    const meta = head.metadata;
    const md5b64 = meta['md5chksum'];
    if (md5b64) {
        const hex = Buffer.from(md5b64, 'base64').toString('hex');
        if (hex.length === 32)
            found.push({
                source: 'rclone-md5chksum',
                algorithm: 'md5',
                expected: hex,
                where: 'x-amz-meta-md5chksum',
            });
    }
    const sha1 = meta['large_file_sha1'] ?? meta['large-file-sha1'];
    if (sha1 && /^[0-9a-f]{40}$/i.test(sha1)) {
        found.push({
            source: 'b2-large-file-sha1',
            algorithm: 'sha1',
            expected: sha1.toLowerCase(),
            where: 'large_file_sha1',
        });
    }
    for (const algorithm of ['sha256', 'sha1', 'md5']) {
        const value = meta[algorithm];
        if (value && new RegExp(`^[0-9a-f]{${HEX_LENGTH[algorithm]}}$`, 'i').test(value)) {
            found.push({
                source: 'metadata',
                algorithm,
                expected: value.toLowerCase(),
                where: `x-amz-meta-${algorithm}`,
            });
        }
    }
    // With SSE-KMS or SSE-C the ETag is not an MD5 of the bytes, so it proves nothing either way.
    const encrypted = head.sseCustomerAlgorithm || (head.serverSideEncryption && head.serverSideEncryption !== 'AES256');
    const etag = (head.etag ?? object.etag)?.toLowerCase();
    if (!encrypted && etag) {
        if (/^[0-9a-f]{32}$/.test(etag)) {
            found.push({ source: 'etag-md5', algorithm: 'md5', expected: etag, where: 'ETag' });
        }
        else {
            const multipart = /^([0-9a-f]{32})-(\d+)$/.exec(etag);
            if (multipart) {
                const partSizes = multipartCandidates(head.size, Number(multipart[2]));
                if (partSizes.length > 0)
                    found.push({
                        source: 'etag-multipart',
                        algorithm: 'multipart-md5',
                        expected: etag,
                        where: 'ETag',
                        partSizes,
                    });
            }
        }
    }
    return found;
}
function describeEvidence(e) {
    switch (e.source) {
        case 'sidecar':
            return `${e.algorithm} sidecar`;
        case 'manifest':
            return `${e.where.slice(e.where.lastIndexOf('/') + 1)}`;
        case 'rclone-md5chksum':
            return 'rclone md5chksum';
        case 'metadata':
            return `${e.where}`;
        case 'etag-md5':
            return 'ETag (MD5)';
        case 'etag-multipart':
            return 'multipart ETag';
        case 'b2-large-file-sha1':
            return 'B2 large_file_sha1';
    }
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/backup/restore.ts





/**
 * Restores a dump into the database at `url` in one transaction: a failed restore leaves the
 * database as it was. A custom-format dump (`pg_dump -Fc`) goes through `pg_restore --clean
 * --if-exists`, a plain SQL dump (gzipped or not) through psql. Owners and grants are not restored:
 * the target's roles are not the source's.
 */
async function restoreDump(file, url, timeoutMs = 3_600_000, signal) {
    const started = Date.now();
    const bytes = (0,external_node_fs_.statSync)(file).size;
    const kind = dumpKind(file);
    const result = kind === 'pg-custom'
        ? await runTool('pg_restore', [
            '--clean',
            '--if-exists',
            '--no-owner',
            '--no-acl',
            '--single-transaction',
            '--exit-on-error',
            '-d',
            url,
            file,
        ], timeoutMs, undefined, false, signal)
        : await runTool('psql', ['-XAq', '-v', 'ON_ERROR_STOP=1', '--single-transaction', '-d', url], timeoutMs, file, kind === 'gzip', signal);
    return { ...result, ms: Date.now() - started, bytes, tool: kind === 'pg-custom' ? 'pg_restore' : 'psql' };
}
function dumpKind(file) {
    const head = Buffer.alloc(5);
    const fd = (0,external_node_fs_.openSync)(file, 'r');
    try {
        (0,external_node_fs_.readSync)(fd, head, 0, 5, 0);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
    if (head.toString('latin1') === 'PGDMP')
        return 'pg-custom';
    if (head[0] === 0x1f && head[1] === 0x8b)
        return 'gzip';
    return 'sql';
}
/** Runs a PostgreSQL client tool with a deadline; stdin from `input` (gunzipped when asked). */
async function runTool(tool, args, timeoutMs, input, gunzip = false, signal) {
    // The run's deadline kills the tool (spawn's signal); its single transaction leaves the database as it was.
    const child = (0,external_node_child_process_.spawn)(tool, args, { stdio: [input ? 'pipe' : 'ignore', 'pipe', 'pipe'], signal });
    let output = '';
    const keep = (c) => (output = (output + c.toString()).slice(-8000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => {
        output += `\n${tool} did not finish within ${Math.round(timeoutMs / 1000)} s; stopped`;
        child.kill('SIGTERM');
    }, timeoutMs);
    const feeding = input
        ? gunzip
            ? (0,promises_.pipeline)((0,external_node_fs_.createReadStream)(input), (0,external_node_zlib_.createGunzip)(), child.stdin)
            : (0,promises_.pipeline)((0,external_node_fs_.createReadStream)(input), child.stdin)
        : Promise.resolve();
    const [code] = await Promise.all([
        new Promise((resolve, reject) => {
            child.on('error', (error) => signal?.aborted
                ? reject(signal.reason)
                : reject(new errors/* UserError */.yo(`${tool} could not be started: ${error.message}`, {
                    fix: `install the PostgreSQL client (${tool}) on the runner.`,
                })));
            child.on('close', (c) => resolve(c ?? 1));
        }),
        feeding.catch((error) => {
            output += `\nreading the dump failed: ${error.message}`;
        }),
    ]);
    clearTimeout(timer);
    return {
        ok: code === 0 && !/reading the dump failed/.test(output),
        output: output.trim().split('\n').slice(-20).join('\n'),
    };
}

;// CONCATENATED MODULE: ./src/backup/store.ts

/** A store error already phrased in the user's terms; it will not get better by retrying. */
class StoreError extends errors/* UserError */.yo {
    code;
    constructor(message, code, options = {}) {
        super(message, options);
        this.code = code;
        this.name = 'StoreError';
    }
}

// EXTERNAL MODULE: ./src/backup/tables.ts
var tables = __webpack_require__(4265);
;// CONCATENATED MODULE: ./src/backup/restore-check.ts




/** `<dump>.tables`: the per-table manifest written at backup time, not a backup itself. */
const TABLE_MANIFEST_SUFFIX = '.tables';
/** The chosen key (it must be listed), or the newest backup of all. */
function chooseRestoreKey(candidates, series, key) {
    if (key === undefined)
        return [...series.values()].map((m) => m[0]).sort((a, b) => b.date.getTime() - a.date.getTime())[0].object
            .key;
    if (!candidates.some((c) => c.object.key === key))
        throw new StoreError(`restore-key '${key}' is not a backup under the prefix.`, 'NoSuchKey', {
            input: 'restore-key',
            fix: `use the full key of a listed backup, e.g. ${candidates[0].object.key}, or leave it empty for the newest.`,
        });
    return key;
}
/**
 * Restores a verified dump into the target database and compares every table with the manifest
 * written at backup time (`<key>.tables`) or with the live source database. A backup that failed
 * verification is not restored.
 */
async function restoreAndCompare(store, entry, file, options, log) {
    const database = (0,tables/* redactUrl */.BO)(options.restoreTo);
    const base = { key: entry.key, database, ok: false };
    if (entry.verdict !== 'ok')
        return {
            ...base,
            problem: `not restored: the backup did not verify (${entry.problems[0] ?? entry.verdict})`,
        };
    const expected = await expectedTables(store, entry.key, options.compareWith, options.signal);
    if ('problem' in expected)
        return { ...base, problem: expected.problem };
    log(`Restoring ${entry.key} into ${database}…`);
    const result = await restoreDump(file, options.restoreTo, undefined, options.signal);
    const timing = {
        tool: result.tool,
        ms: result.ms,
        mbPerSecond: round1(result.bytes / 1e6 / Math.max(0.001, result.ms / 1000)),
    };
    if (!result.ok)
        return {
            ...base,
            ...timing,
            problem: `${result.tool} failed: ${result.output.split('\n').slice(-3).join(' ')}`,
        };
    const actual = await (0,tables/* fingerprintDatabase */.G3)(options.restoreTo, database, undefined, options.signal);
    const comparison = (0,tables/* compareTables */.Dz)(expected.tables, actual, {
        expected: expected.name,
        actual: 'the restored database',
    });
    log(`Restored in ${(0,duration/* formatDuration */.a3)(result.ms)}: ${comparison.summary}`);
    return {
        ...base,
        ...timing,
        ok: comparison.equal,
        comparedWith: expected.name,
        comparison,
        problem: comparison.equal ? undefined : comparison.summary,
    };
}
async function expectedTables(store, key, compareWith, signal) {
    if (compareWith) {
        const name = (0,tables/* redactUrl */.BO)(compareWith);
        return { tables: await (0,tables/* fingerprintDatabase */.G3)(compareWith, name, undefined, signal), name };
    }
    const manifestKey = key + TABLE_MANIFEST_SUFFIX;
    try {
        return { tables: (0,tables/* parseTableManifest */.rT)(await store.getText(manifestKey), manifestKey), name: manifestKey };
    }
    catch (error) {
        if (error instanceof StoreError && error.code === 'NoSuchKey')
            return {
                problem: `no table manifest ${manifestKey} to compare with: write one with each dump (see the README) or set compare-with to the source database`,
            };
        throw error;
    }
}
const round1 = (n) => Math.round(n * 10) / 10;

;// CONCATENATED MODULE: ./src/backup/restore-command.ts

/** Runs the user's restore-command with BACKUP_FILE and BACKUP_KEY set; its output goes to the log. */
async function runRestoreCommand(command, file, key, log, 
/** The run's deadline: the command is killed when it passes. */
signal) {
    const child = (0,external_node_child_process_.spawn)('bash', ['-eo', 'pipefail', '-c', command], {
        env: { ...process.env, BACKUP_FILE: file, BACKUP_KEY: key },
        stdio: ['ignore', 'pipe', 'pipe'],
        signal,
    });
    let output = '';
    const onData = (c) => {
        const text = c.toString();
        if (output.length < 20_000)
            output += text;
        for (const line of text.split('\n'))
            if (line.trim())
                log(`  | ${line}`);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const exitCode = await new Promise((resolve) => {
        child.on('error', () => resolve(127));
        child.on('close', (code) => resolve(code ?? 1));
    });
    return { command, exitCode, ok: exitCode === 0, output: output.slice(-4000) };
}

// EXTERNAL MODULE: ./src/backup/retention.ts
var retention = __webpack_require__(5668);
// EXTERNAL MODULE: ./src/core/contract.ts
var contract = __webpack_require__(2013);
;// CONCATENATED MODULE: ./src/backup/s3-errors.ts



/**
 * Raw answers the SDK's deserializer consumed: its error carries the response object (`$response`) but
 * not the body, so the middleware files what it read here, under that same object.
 */
const seenAnswers = new WeakMap();
/** Network errors that say the endpoint is wrong; retrying them only delays the message. */
const ENDPOINT_FAULTS = new Set(['ENOTFOUND', 'ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH']);
const NETWORK_CODE = /^(E[A-Z_]+|ERR_TLS_\w+|CERT_\w+|DEPTH_ZERO_SELF_SIGNED_CERT|UNABLE_TO_\w+|SELF_SIGNED_CERT_IN_CHAIN)$/;
/** The Node network error code somewhere in the error's cause chain (the SDK wraps it). */
function networkCode(error) {
    let current = error;
    for (let depth = 0; current && depth < 5; depth++) {
        const code = current.code;
        if (typeof code === 'string' && NETWORK_CODE.test(code))
            return code;
        current = current.cause;
    }
    return undefined;
}
/**
 * Turns what S3 (and B2's S3 API) answer into what the user should change. The SDK's retry strategy
 * already leaves 4xx alone; these errors are final.
 */
function describeS3Error(error, place, operation, key) {
    if (error instanceof StoreError)
        return error;
    const e = (error ?? {});
    const ctx = {
        error,
        e,
        code: e.name ?? e.Code ?? e.code ?? 'Error',
        status: e.$metadata?.httpStatusCode,
        message: (e.message ?? '').slice(0, 300),
        where: (0,secrets/* redactUrl */.BO)(place.endpoint ?? `AWS S3 (${place.region})`),
        what: key ? `'${key}'` : `bucket '${place.bucket}'`,
        operation,
        place,
        key,
    };
    return (networkFault(ctx) ??
        knownCode(ctx) ??
        unusableAnswer(ctx) ??
        byStatus(ctx) ??
        new Error(`${operation} ${ctx.what} at ${ctx.where} failed: ${ctx.code}${ctx.status ? ` (HTTP ${ctx.status})` : ''}${ctx.message && ctx.message !== ctx.code ? `: ${ctx.message}` : ''}${cameLine(e)}`, { cause: error }));
}
/** "; the answer was HTTP 502 text/html "<html>…"" when the middleware saw the body, else nothing. */
function cameLine(e) {
    const seen = answerOf(e);
    return seen ? `; the answer was ${(0,contract/* describeAnswer */.O1)(seen.status, seen.contentType, seen.head)}` : '';
}
/** What the wire carried for this error: filed by the middleware, or the body the deserializer kept. */
function answerOf(e) {
    const response = e.$response;
    if (!response || typeof response !== 'object')
        return undefined;
    const seen = seenAnswers.get(response);
    // The deserializer puts the text it failed to parse back on the response (smithy's deserializerMiddleware).
    const kept = typeof response.body === 'string' ? response.body.slice(0, 400) : '';
    if (seen)
        return seen.head || !kept ? seen : { ...seen, head: kept };
    if (!kept)
        return undefined;
    return {
        url: '',
        status: response.statusCode ?? 0,
        contentType: response.headers?.['content-type'],
        head: kept,
    };
}
/** No answer at all: a host that does not resolve, a port where nothing listens, a refused certificate. */
function networkFault({ error, e, where }) {
    const net = networkCode(error);
    if (!net)
        return undefined;
    const attempts = e.$metadata?.attempts;
    const tried = attempts ? `, ${attempts} attempt${attempts === 1 ? '' : 's'}` : '';
    if (net === 'ENOTFOUND' || net === 'EAI_AGAIN')
        return new StoreError(`cannot resolve the endpoint host of ${where} (${net}${tried}).`, 'EndpointNotFound', {
            input: 'endpoint',
            fix: 'check the endpoint; for Backblaze B2 it is https://s3.<region>.backblazeb2.com, e.g. https://s3.us-west-004.backblazeb2.com.',
            cause: error,
        });
    if (net === 'ECONNREFUSED' || net === 'EHOSTUNREACH' || net === 'ENETUNREACH')
        return new StoreError(`nothing answers at ${where} (${net}${tried}).`, 'EndpointUnreachable', {
            input: 'endpoint',
            fix: 'check the endpoint URL and port.',
            cause: error,
        });
    if (net === 'ECONNRESET' || net === 'EPIPE')
        // Node words this "socket hang up", and the SDK names it TimeoutError: neither says who hung up.
        return new StoreError(`${where} closed the connection before it answered (${net}${tried}).`, 'ConnectionReset', {
            input: 'endpoint',
            fix: 'check that the endpoint is an S3 API (for B2, https://s3.<region>.backblazeb2.com) and that no proxy or firewall cuts the connection; then run again.',
            cause: error,
        });
    if (/CERT|TLS|SELF_SIGNED|UNABLE_TO/.test(net))
        return new StoreError(`the TLS certificate of ${where} was not accepted (${net}).`, 'EndpointTls', {
            input: 'endpoint',
            fix: 'check the endpoint host name; B2 endpoints are https://s3.<region>.backblazeb2.com.',
            cause: error,
        });
    return undefined;
}
const BUCKET_FIX = 'check the bucket name, and that endpoint and region are the ones the bucket lives in.';
/** S3's own error codes: each says which input is wrong. */
function knownCode(ctx) {
    const { code, error, where, place, what, operation } = ctx;
    switch (code) {
        case 'InvalidAccessKeyId':
            return new StoreError(`${where} does not know this access key id.`, code, {
                input: 'access-key-id',
                fix: "use an application key id from this account (a B2 key works only at its own account region's endpoint, and the master key cannot use the S3 API).",
                cause: error,
            });
        case 'SignatureDoesNotMatch':
            return new StoreError(`the secret access key does not match the access key id at ${where}.`, code, {
                input: 'secret-access-key',
                fix: 'copy the application key (secret) that belongs to this key id; it is shown only once when the key is created.',
                cause: error,
            });
        case 'AuthorizationHeaderMalformed':
        case 'PermanentRedirect':
        case 'IllegalLocationConstraintException':
            return wrongRegion(ctx);
        case 'NoSuchBucket':
            return new StoreError(`bucket '${place.bucket}' does not exist at ${where}.`, code, {
                input: 'bucket',
                fix: BUCKET_FIX,
                cause: error,
            });
        case 'AccessDenied':
        case 'AllAccessDisabled':
            return new StoreError(`access denied: the key may not ${operation} ${what}.`, 'AccessDenied', {
                input: 'access-key-id',
                fix: 'give the key read access to this bucket (B2 capabilities listBuckets, listFiles, readFiles; S3 s3:ListBucket and s3:GetObject) and check the key is not restricted to another bucket or prefix.',
                cause: error,
            });
        case 'NoSuchKey':
            return new StoreError(`${what} disappeared while it was being verified.`, code, { cause: error });
    }
    return undefined;
}
/** The bucket lives elsewhere: the server's own hint (message or header) becomes the fix. */
function wrongRegion({ message, e, place, error }) {
    const expected = /expecting '([^']+)'/.exec(message)?.[1] ?? e.$response?.headers?.['x-amz-bucket-region'];
    return new StoreError(`bucket '${place.bucket}' is not in region '${place.region}'${expected ? ` (the server expects '${expected}')` : ''}.`, 'WrongRegion', {
        input: 'region',
        fix: expected
            ? `set region: ${expected} (and the endpoint of that region).`
            : "set region (and endpoint) to the bucket's region, e.g. us-west-004 with https://s3.us-west-004.backblazeb2.com.",
        cause: error,
    });
}
/**
 * A 2xx the SDK could not read (XML cut off, garbage under an XML content type): the store did not
 * answer as S3 does, so nothing can be concluded about the backups; the message quotes what came.
 */
function unusableAnswer({ e, status, where, operation, what, error }) {
    const seen = answerOf(e);
    const answered = status ?? seen?.status;
    if (!seen || answered === undefined || answered < 200 || answered >= 300)
        return undefined;
    return new StoreError(`S3 at ${seen.url || where} did not answer as expected (to ${operation} ${what}): wanted a well-formed XML answer, got ${(0,contract/* describeAnswer */.O1)(answered, seen.contentType, seen.head)}.`, 'NotXml', { input: 'endpoint', fix: 'check that endpoint is the S3 API address of the bucket.', cause: error });
}
/** No S3 error code to go by: the status says enough (redirect, missing, forbidden, failing). */
function byStatus(ctx) {
    const { status, e, place, where, what, key, operation, error, code, message } = ctx;
    if (status === 301) {
        const region = e.$response?.headers?.['x-amz-bucket-region'];
        return new StoreError(`bucket '${place.bucket}' lives in another region than '${place.region}'.`, 'WrongRegion', {
            input: 'region',
            fix: `set region${region ? `: ${region}` : ''} and the matching endpoint.`,
            cause: error,
        });
    }
    if (status === 404 && key)
        return new StoreError(`${what} disappeared while it was being verified.`, 'NoSuchKey', { cause: error });
    if (status === 404)
        return new StoreError(`bucket '${place.bucket}' does not exist at ${where}.`, 'NoSuchBucket', {
            input: 'bucket',
            fix: BUCKET_FIX,
            cause: error,
        });
    if (status === 403)
        return new StoreError(`access denied (403) while trying to ${operation} ${what} at ${where}.`, 'AccessDenied', {
            input: 'access-key-id',
            fix: 'check the key id and secret, that the key may read this bucket, and that region matches the endpoint.',
            cause: error,
        });
    if (status !== undefined && status >= 500)
        return new StoreError(`${where} answered ${code} (HTTP ${status}) to ${operation} ${what}, also on retry: the store is failing, which says nothing yet about the backups${cameLine(e)}.`, 'StoreUnavailable', {
            fix: "run again later, and check the provider's status page (status.backblaze.com for B2).",
            cause: error,
        });
    if (status === 400 && /Unsupported header/i.test(message))
        return new StoreError(`${where} rejected a checksum header: ${message}`, 'UnsupportedHeader', {
            cause: error,
        });
    return undefined;
}

;// CONCATENATED MODULE: ./src/backup/s3-wire.ts




/** The only commands the verifier may send. Anything else is a bug and is refused before the wire. */
const READ_COMMANDS = new Set([
    'HeadBucketCommand',
    'ListObjectsV2Command',
    'HeadObjectCommand',
    'GetObjectCommand',
    'GetBucketLifecycleConfigurationCommand',
    'ListObjectVersionsCommand',
]);
/** Commands whose answer is an S3 XML document (the others carry the object's own bytes or no body). */
const XML_COMMANDS = new Set([
    'ListObjectsV2Command',
    'GetBucketLifecycleConfigurationCommand',
    'ListObjectVersionsCommand',
]);
/** A listing or a head is a small answer: the whole request gets this long, trickled bytes or not. */
const SMALL_ANSWER_TIMEOUT_MS = 20_000;
/** An error answer is kept (for its message) up to this size; S3's are a few hundred bytes. */
const ERROR_BODY_BYTES = 256 * 1024;
/**
 * An S3 client that suits B2: SigV4 against an explicit endpoint and region, path style on request,
 * and checksum calculation/validation WHEN_REQUIRED (SDK >= 3.729 otherwise adds x-amz-checksum-mode
 * to every GET, which B2 has answered with 400 Unsupported header). Only read commands leave it, every
 * answer is checked before the SDK reads it, and every wait is bounded.
 */
async function readOnlyClient(s3, options) {
    const client = new s3.S3Client({
        endpoint: options.endpoint,
        region: options.region,
        forcePathStyle: options.forcePathStyle,
        credentials: options.accessKeyId && options.secretAccessKey
            ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey }
            : undefined,
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        maxAttempts: 3,
        // requestTimeout is the longest silence on the socket: a server that stops answering ends the step.
        requestHandler: { connectionTimeout: 10_000, requestTimeout: 30_000 },
    });
    await giveUpOnWrongEndpoints(client);
    client.middlewareStack.add((next, context) => async (args) => {
        const name = context.commandName ?? 'unknown';
        // Observed before the guard, so a test sees every command the verifier tries, refused or not.
        options.onCommand?.(name);
        if (!READ_COMMANDS.has(name))
            throw new Error(`refusing to send ${name}: backup-verify is read-only`);
        return next(args);
    }, { step: 'initialize', name: 'runwayReadOnlyGuard' });
    // At the deserialize step, added after the SDK's deserializer: it sees the raw response first.
    client.middlewareStack.add(answerContract(), { step: 'deserialize', name: 'runwayAnswerContract' });
    boundSends(client, options, [s3.ListObjectsV2Command, s3.HeadBucketCommand, s3.HeadObjectCommand]);
    return client;
}
/**
 * A host that does not resolve or a port where nothing listens is a wrong endpoint, not a blip: the
 * SDK's standard strategy would try it three times (with backoff) before saying so. A server that has
 * never answered is not waited for again either (the same rule as core/http.ts).
 */
async function giveUpOnWrongEndpoints(client) {
    let answered = false;
    const standard = await client.config.retryStrategy();
    if (!('acquireInitialRetryToken' in standard))
        return;
    client.config.retryStrategy = async () => ({
        acquireInitialRetryToken: (scope) => standard.acquireInitialRetryToken(scope),
        refreshRetryTokenForRetry: (token, info) => {
            const net = networkCode(info.error);
            if (net && ENDPOINT_FAULTS.has(net))
                throw info.error;
            if (!answered && info.error?.name === 'TimeoutError')
                throw info.error;
            return standard.refreshRetryTokenForRetry(token, info);
        },
        recordSuccess: (token) => {
            answered = true;
            standard.recordSuccess(token);
        },
    });
}
/**
 * The raw answer, before the SDK parses it. An XML listing answered with anything but XML (a captive
 * portal's HTML, a proxy's error page) would parse as an empty listing and read as "no objects": it is a
 * clear error instead, naming the URL, what came and its first bytes. Error answers are read here too
 * (the SDK's error keeps the response but not its body), so any later message can quote them.
 */
function answerContract() {
    return (next, context) => async (args) => {
        const result = await next(args);
        const response = result.response;
        const name = context.commandName ?? '';
        const contentType = response.headers?.['content-type'];
        const notXml = XML_COMMANDS.has(name) && !/xml/i.test(contentType ?? '');
        const failed = response.statusCode >= 300;
        if (!notXml && !failed) {
            // Kept without a body: a listing the SDK cannot parse is quoted from the text it keeps.
            if (XML_COMMANDS.has(name))
                seenAnswers.set(response, seen(args.request, response, ''));
            return result;
        }
        const body = await readUpTo(response.body, notXml ? 4096 : ERROR_BODY_BYTES);
        const answer = seen(args.request, response, body.toString('utf8', 0, 400));
        if (notXml)
            throw notXmlError(answer, name);
        response.body = body;
        seenAnswers.set(response, answer);
        return result;
    };
}
function seen(request, response, head) {
    return {
        url: requestUrl(request),
        status: response.statusCode,
        contentType: response.headers?.['content-type'],
        head,
    };
}
function notXmlError(answer, command) {
    return new StoreError(`S3 at ${answer.url} did not answer ${command.replace(/Command$/, '')} as expected: wanted an XML answer, got ${(0,contract/* describeAnswer */.O1)(answer.status, answer.contentType, answer.head)}.`, 'NotXml', { input: 'endpoint', fix: 'check that endpoint is the S3 API address of the bucket (not a web page).' });
}
/** The request's URL, secrets redacted (a presigned query would carry the signature). */
function requestUrl(request) {
    const port = request.port ? `:${request.port}` : '';
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(request.query ?? {}))
        for (const value of Array.isArray(v) ? v : [v ?? ''])
            query.append(k, value);
    const search = query.size ? `?${query.toString()}` : '';
    return (0,secrets/* redactUrl */.BO)(`${request.protocol ?? 'https:'}//${request.hostname ?? ''}${port}${request.path ?? '/'}${search}`);
}
/** A body that trickles or stalls is quoted with what came within this long. */
const BODY_READ_MS = 2000;
/** At most `max` bytes of a body, or what arrived within BODY_READ_MS (the rest is not waited for). */
async function readUpTo(body, max) {
    if (!body)
        return Buffer.alloc(0);
    if (body instanceof Uint8Array)
        return Buffer.from(body).subarray(0, max);
    const stream = body;
    const chunks = [];
    let size = 0;
    const timer = setTimeout(() => stream.destroy(), BODY_READ_MS);
    try {
        for await (const chunk of stream) {
            chunks.push(Buffer.from(chunk));
            size += chunk.length;
            if (size >= max)
                break;
        }
    }
    catch {
        // Cut off (by the timer, the run's deadline or the server): what came is enough to quote.
    }
    finally {
        clearTimeout(timer);
        stream.destroy();
    }
    return Buffer.concat(chunks).subarray(0, max);
}
/**
 * Every send carries the run's signal (its deadline aborts what is in flight), and small answers a
 * whole-request bound too: the SDK's requestTimeout is only the longest silence, so a server trickling a
 * byte a second would hold the step forever.
 */
function boundSends(client, options, small) {
    const send = client.send.bind(client);
    const bounded = async (command, sendOptions) => {
        const timeout = small.some((type) => command instanceof type)
            ? AbortSignal.timeout(SMALL_ANSWER_TIMEOUT_MS)
            : undefined;
        const signals = [sendOptions?.abortSignal, options.signal, timeout].filter((s) => s !== undefined);
        try {
            return await send(command, {
                ...sendOptions,
                abortSignal: signals.length ? AbortSignal.any(signals) : undefined,
            });
        }
        catch (error) {
            // The run's deadline speaks for itself; a small answer's own bound names the server.
            if (options.signal?.aborted)
                throw options.signal.reason ?? error;
            if (!timeout?.aborted)
                throw error;
            throw new StoreError(`S3 at ${(0,secrets/* redactUrl */.BO)(options.endpoint ?? 'AWS')} stopped answering: no complete answer within ${SMALL_ANSWER_TIMEOUT_MS / 1000}s; nothing was changed (backup-verify only reads).`, 'Timeout', { input: 'endpoint', fix: 'check that the endpoint is up and answering, then run the step again.' });
        }
    };
    client.send = bounded;
}

;// CONCATENATED MODULE: ./src/backup/s3.ts




/** The verifier's view of an S3 (or B2) bucket: only reads, each answer checked, each wait bounded. */
async function createS3Store(connection) {
    const s3 = await __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
    const client = await readOnlyClient(s3, connection);
    const b = {
        s3,
        client,
        connection,
        Bucket: connection.bucket,
        async send(operation, key, run) {
            try {
                return await run();
            }
            catch (error) {
                throw describeS3Error(error, connection, operation, key);
            }
        },
    };
    return {
        description: `s3://${connection.bucket} at ${connection.endpoint ?? 'AWS'}`,
        check: async () => {
            await b.send('list', undefined, () => client.send(new s3.ListObjectsV2Command({ Bucket: b.Bucket, MaxKeys: 1 })));
        },
        list: (prefix) => listAll(b, prefix),
        listFolders: (prefix) => listFolders(b, prefix),
        head: (key) => headObject(b, key),
        get: (key) => getObject(b, key),
        getText: (key, maxBytes) => getText(b, key, maxBytes),
        lifecycle: () => readLifecycle(b),
        versions: (prefix) => readVersions(b, prefix),
    };
}
/** Every object under the prefix, page by page. */
async function listAll(b, prefix) {
    const objects = [];
    let token;
    do {
        const page = await b.send('list', undefined, () => b.client.send(new b.s3.ListObjectsV2Command({
            Bucket: b.Bucket,
            Prefix: prefix || undefined,
            ContinuationToken: token,
            MaxKeys: b.connection.listPageSize,
        })));
        for (const item of page.Contents ?? []) {
            if (!item.Key)
                continue;
            objects.push({
                key: item.Key,
                size: item.Size ?? 0,
                lastModified: item.LastModified ?? new Date(0),
                etag: item.ETag?.replace(/"/g, ''),
            });
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return objects;
}
async function listFolders(b, prefix) {
    const page = await b.send('list', undefined, () => b.client.send(new b.s3.ListObjectsV2Command({
        Bucket: b.Bucket,
        Prefix: prefix || undefined,
        Delimiter: '/',
        MaxKeys: 50,
    })));
    return (page.CommonPrefixes ?? []).map((p) => p.Prefix ?? '').filter(Boolean);
}
async function headObject(b, key) {
    const answer = await b.send('read', key, () => b.client.send(new b.s3.HeadObjectCommand({ Bucket: b.Bucket, Key: key })));
    return {
        size: answer.ContentLength ?? 0,
        etag: answer.ETag?.replace(/"/g, ''),
        metadata: Object.fromEntries(Object.entries(answer.Metadata ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
        serverSideEncryption: answer.ServerSideEncryption,
        sseCustomerAlgorithm: answer.SSECustomerAlgorithm,
    };
}
/** The object's bytes as a stream; the run's deadline ends the download too, not only the request. */
async function getObject(b, key) {
    const answer = await b.send('read', key, () => b.client.send(new b.s3.GetObjectCommand({ Bucket: b.Bucket, Key: key })));
    const body = answer.Body;
    const signal = b.connection.signal;
    if (signal) {
        const stop = () => body.destroy(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
        signal.addEventListener('abort', stop, { once: true });
        body.once('close', () => signal.removeEventListener('abort', stop));
    }
    return { body, size: answer.ContentLength };
}
/** A small object (a checksum file) as text; anything larger than `maxBytes` is not one. */
async function getText(b, key, maxBytes = 4 * 1024 * 1024) {
    const { body } = await getObject(b, key);
    const chunks = [];
    let total = 0;
    for await (const chunk of body) {
        total += chunk.length;
        if (total > maxBytes) {
            body.destroy();
            throw new StoreError(`'${key}' is larger than ${maxBytes} bytes; it is not a checksum file.`, 'TooLarge');
        }
        chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
}
/** "NoSuchThing (HTTP 403)": why an optional answer could not be read. */
const why = (error) => {
    const e = error;
    return `${e.name ?? e.Code ?? 'Error'}${e.$metadata?.httpStatusCode ? ` (HTTP ${e.$metadata.httpStatusCode})` : ''}`;
};
/** The bucket's lifecycle rules, or why they could not be read (many keys may not read them). */
async function readLifecycle(b) {
    try {
        const answer = await b.client.send(new b.s3.GetBucketLifecycleConfigurationCommand({ Bucket: b.Bucket }));
        return {
            rules: (answer.Rules ?? []).map((rule) => ({
                id: rule.ID,
                prefix: rule.Filter?.Prefix ?? rule.Filter?.And?.Prefix ?? rule.Prefix ?? '',
                enabled: rule.Status === 'Enabled',
                expirationDays: rule.Expiration?.Days,
                noncurrentDays: rule.NoncurrentVersionExpiration?.NoncurrentDays,
            })),
        };
    }
    catch (error) {
        if (error.name === 'NoSuchLifecycleConfiguration')
            return { rules: [] };
        if (b.connection.signal?.aborted)
            throw error;
        return { unavailable: why(error) };
    }
}
/** Versions and delete markers under the prefix (at most 100 pages), or why they could not be read. */
async function readVersions(b, prefix) {
    const versions = [];
    let keyMarker;
    let versionMarker;
    try {
        for (let page = 0; page < 100; page++) {
            const answer = await b.client.send(new b.s3.ListObjectVersionsCommand({
                Bucket: b.Bucket,
                Prefix: prefix || undefined,
                KeyMarker: keyMarker,
                VersionIdMarker: versionMarker,
            }));
            for (const v of answer.Versions ?? [])
                if (v.Key)
                    versions.push(versionOf(v, false));
            for (const m of answer.DeleteMarkers ?? [])
                if (m.Key)
                    versions.push(versionOf(m, true));
            if (!answer.IsTruncated)
                break;
            keyMarker = answer.NextKeyMarker;
            versionMarker = answer.NextVersionIdMarker;
        }
        return { versions };
    }
    catch (error) {
        if (b.connection.signal?.aborted)
            throw error;
        return { unavailable: why(error) };
    }
}
const versionOf = (v, deleteMarker) => ({
    key: v.Key,
    lastModified: v.LastModified ?? new Date(0),
    isLatest: Boolean(v.IsLatest),
    deleteMarker,
});

;// CONCATENATED MODULE: ./src/backup/series-audit.ts




const HOUR = 3_600_000;
/**
 * One series' checks, as a runbook would do them: is the newest backup fresh, is its size in line
 * with the ones before it, does the calendar have gaps, did lifecycle leave backups behind.
 * `versions` is read only when a day is missing, to say why.
 */
async function auditSeries(series, members, rules, versions) {
    const newest = members[0];
    const headline = [];
    const failures = [];
    const warnings = [];
    const ageMs = rules.now.getTime() - newest.madeAt.getTime();
    const fresh = ageMs <= rules.maxAgeMs;
    if (!fresh)
        headline.push(`${series}: the newest backup ${newest.object.key} is ${(ageMs / HOUR).toFixed(1)} h old, older than max-age ${(0,duration/* formatDuration */.a3)(rules.maxAgeMs)}`);
    const size = judgeSize(members, rules.band);
    if (!size.ok)
        headline.push(`${series}: the newest backup ${newest.object.key} ${size.detail}`);
    const audit = (0,retention/* auditRetention */.W9)(members.map((m) => ({ key: m.object.key, date: m.date, size: m.object.size })), rules.policy, rules.now);
    let notes;
    if (audit.missingDays.length) {
        const answer = await versions();
        if ('versions' in answer)
            notes = explainMissingDays(audit.missingDays, answer.versions, series, rules.dateFrom);
        const listed = audit.missingDays.map((d) => (notes?.[d] ? `${d} (${notes[d]})` : d)).join(', ');
        failures.push(`${series}: ${audit.missingDays.length} day(s) without a backup in the daily window: ${listed}`);
    }
    if (audit.missingMonths.length)
        failures.push(`${series}: month(s) without a backup in the monthly window: ${audit.missingMonths.join(', ')}`);
    if (audit.expired.length)
        warnings.push(`${series}: ${audit.expired.length} backup(s) older than the policy (${(0,retention/* describePolicy */.wy)(rules.policy)}) are still stored, e.g. ${audit.expired.slice(0, 3).join(', ')}: lifecycle is not deleting them`);
    const report = {
        series,
        count: members.length,
        newestKey: newest.object.key,
        newestDate: newest.date.toISOString(),
        ageHours: Math.round((ageMs / HOUR) * 10) / 10,
        fresh,
        size,
        retention: {
            window: audit.window,
            missingDays: audit.missingDays,
            missingDayNotes: notes,
            missingMonths: audit.missingMonths,
            expired: audit.expired,
            keptCount: audit.kept.size,
            days: Object.fromEntries(audit.days),
        },
    };
    return { report, headline, failures, warnings };
}
/** The newest backup's size against the median of up to seven before it (at least three). */
function judgeSize(members, band) {
    const newest = members[0].object.size;
    const previous = members.slice(1, 8).map((m) => m.object.size);
    const med = previous.length >= 3 ? median(previous) : undefined;
    const ratio = med ? newest / med : undefined;
    const ok = ratio === undefined || (ratio >= band.low && ratio <= band.high);
    const detail = ratio === undefined
        ? `${(0,core_progress/* formatBytes */.z)(newest)} (fewer than 3 earlier backups to compare)`
        : `${(0,core_progress/* formatBytes */.z)(newest)} is ${ratio.toFixed(2)}× the median ${(0,core_progress/* formatBytes */.z)(med)} of the ${previous.length} before it (allowed ${band.low}–${band.high}×)`;
    return {
        newest,
        median: med,
        ratio: ratio === undefined ? undefined : Math.round(ratio * 1000) / 1000,
        ok,
        detail,
    };
}
/** The median of a non-empty list (judgeSize asks only with three or more). */
function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
/**
 * Why a day has no backup, from the bucket's versions (B2 buckets are always versioned): deleted or
 * hidden (a delete marker, older versions possibly still stored) or never uploaded at all.
 */
function explainMissingDays(days, versions, series, dateFrom) {
    const notes = {};
    for (const day of days) {
        const mine = versions.filter((v) => {
            if ((0,layout/* seriesOf */.Lf)(v.key) !== series)
                return false;
            const fromKey = dateFrom === 'key' ? (0,layout/* dateFromKey */.eE)(v.key) : undefined;
            return (0,layout/* dayOf */.kb)(fromKey?.date ?? v.lastModified) === day;
        });
        const markers = mine
            .filter((v) => v.deleteMarker)
            .sort((a, b) => b.lastModified.getTime() - a.lastModified.getTime());
        const stored = mine.filter((v) => !v.deleteMarker).length;
        if (markers.length) {
            notes[day] =
                `deleted: a delete marker hides it since ${markers[0].lastModified.toISOString().slice(0, 16).replace('T', ' ')} UTC` +
                    (stored ? `; ${stored} earlier version${stored > 1 ? 's' : ''} still stored, restorable` : '');
        }
        else if (stored) {
            notes[day] = `${stored} noncurrent version${stored > 1 ? 's' : ''} stored`;
        }
        else {
            notes[day] = 'never uploaded';
        }
    }
    return notes;
}

// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ./node_modules/tar-stream/index.js
var tar_stream = __webpack_require__(6118);
;// CONCATENATED MODULE: ./src/backup/content.ts








function findOnPath(binary) {
    for (const dir of (process.env.PATH ?? '').split(':')) {
        if (dir && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, binary)))
            return (0,external_node_path_.join)(dir, binary);
    }
    return undefined;
}
const isTarHeader = (head) => head.length >= 262 && head.subarray(257, 262).toString('latin1') === 'ustar';
/** Consumes a tar stream, listing entries; fails on a truncated archive. */
class TarLister {
    entries = 0;
    extract = (0,tar_stream.extract)();
    failure;
    done;
    constructor() {
        this.extract.on('entry', (_header, stream, next) => {
            this.entries++;
            // A truncated archive destroys the open entry's stream with the same error the extractor reports;
            // without a listener here that second 'error' would crash the process instead of failing the entry.
            stream.on('error', () => { });
            stream.on('end', next);
            stream.resume();
        });
        this.done = new Promise((resolve) => {
            this.extract.on('error', (error) => {
                this.failure = error;
                resolve();
            });
            this.extract.on('finish', () => resolve());
        });
    }
    async write(chunk) {
        if (this.failure)
            return;
        if (!this.extract.write(chunk)) {
            await Promise.race([(0,external_node_events_.once)(this.extract, 'drain'), this.done]);
        }
    }
    async end() {
        if (!this.failure)
            this.extract.end();
        await this.done;
        return this.failure;
    }
}
/**
 * Reads a backup's content through its own format checks as its bytes stream past (one download):
 * gzip to the end (its CRC is checked only at the end), tar listed entry by entry, a PostgreSQL custom
 * dump through `pg_restore -f /dev/null` (`--list` alone passes truncated dumps). The kind comes from
 * the magic bytes, not the file name.
 */
class ContentCheck {
    options;
    head = [];
    headBytes = 0;
    started = false;
    kind = 'unknown';
    writeTo;
    finishWith;
    constructor(options = {}) {
        this.options = options;
    }
    async write(chunk) {
        if (!this.started) {
            this.head.push(chunk);
            this.headBytes += chunk.length;
            if (this.headBytes < 512)
                return;
            await this.start();
            return;
        }
        await this.writeTo?.(chunk);
    }
    async end() {
        if (!this.started)
            await this.start();
        if (!this.finishWith)
            return { kind: this.kind, ok: true, depth: 'none', detail: 'no format check for this content' };
        return this.finishWith();
    }
    async start() {
        this.started = true;
        const first = Buffer.concat(this.head);
        this.head = [];
        if (first[0] === 0x1f && first[1] === 0x8b)
            this.startGzip();
        else if (first.subarray(0, 5).toString('latin1') === 'PGDMP')
            this.startPg(first);
        else if (isTarHeader(first))
            this.startTar();
        if (this.writeTo)
            await this.writeTo(first);
    }
    startTar() {
        this.kind = 'tar';
        const tar = new TarLister();
        this.writeTo = (chunk) => tar.write(chunk);
        this.finishWith = async () => {
            const error = await tar.end();
            return error
                ? {
                    kind: 'tar',
                    ok: false,
                    depth: 'full',
                    detail: `tar archive is broken after ${tar.entries} entries: ${error.message}`,
                }
                : { kind: 'tar', ok: true, depth: 'full', detail: `tar lists ${tar.entries} entries` };
        };
    }
    startGzip() {
        this.kind = 'gzip';
        const gunzip = (0,external_node_zlib_.createGunzip)();
        let inflated = 0;
        let tar;
        let decided = false;
        let pending = [];
        const sink = new external_node_stream_.Writable({
            write: (chunk, _encoding, callback) => {
                inflated += chunk.length;
                if (!decided) {
                    pending.push(chunk);
                    const joined = Buffer.concat(pending);
                    if (joined.length < 512)
                        return callback();
                    decided = true;
                    pending = [];
                    if (isTarHeader(joined)) {
                        this.kind = 'tar.gz';
                        tar = new TarLister();
                    }
                    if (tar)
                        return void tar.write(joined).then(() => callback(), callback);
                    return callback();
                }
                if (tar)
                    return void tar.write(chunk).then(() => callback(), callback);
                callback();
            },
        });
        const finished = (0,promises_.pipeline)(gunzip, sink).then(() => undefined, (error) => error);
        this.writeTo = async (chunk) => {
            if (!gunzip.write(chunk))
                await Promise.race([(0,external_node_events_.once)(gunzip, 'drain'), finished]);
        };
        this.finishWith = async () => {
            gunzip.end();
            const error = await finished;
            if (error) {
                return {
                    kind: this.kind,
                    ok: false,
                    depth: 'full',
                    detail: `gzip stream is broken after ${inflated} bytes inflated: ${error.message}`,
                };
            }
            if (tar) {
                const tarError = await tar.end();
                if (tarError)
                    return {
                        kind: 'tar.gz',
                        ok: false,
                        depth: 'full',
                        detail: `tar inside gzip is broken after ${tar.entries} entries: ${tarError.message}`,
                    };
                return {
                    kind: 'tar.gz',
                    ok: true,
                    depth: 'full',
                    detail: `gzip inflates fully (${inflated} bytes, CRC ok); tar lists ${tar.entries} entries`,
                };
            }
            return {
                kind: 'gzip',
                ok: true,
                depth: 'full',
                detail: `gzip inflates fully (${inflated} bytes, CRC ok)`,
            };
        };
    }
    startPg(first) {
        this.kind = 'pg-custom';
        const header = checkPgHeader(first);
        const binary = this.options.pgRestore === false ? undefined : (this.options.pgRestore ?? findOnPath('pg_restore'));
        if (!header.ok || !binary) {
            this.finishWith = async () => header.ok
                ? {
                    kind: 'pg-custom',
                    ok: true,
                    depth: 'header',
                    detail: `${header.detail}; pg_restore not installed, so only the header was checked`,
                }
                : { kind: 'pg-custom', ok: false, depth: 'header', detail: header.detail };
            return;
        }
        const child = (0,external_node_child_process_.spawn)(binary, ['-f', '/dev/null'], {
            stdio: ['pipe', 'ignore', 'pipe'],
            signal: this.options.signal,
        });
        let stderr = '';
        child.stderr.on('data', (c) => {
            if (stderr.length < 4000)
                stderr += c.toString();
        });
        const exited = new Promise((resolve) => {
            child.on('error', () => resolve(-1));
            child.on('close', (code) => resolve(code ?? -1));
        });
        let stdinGone = false;
        child.stdin.on('error', () => (stdinGone = true));
        this.writeTo = async (chunk) => {
            if (stdinGone)
                return;
            if (!child.stdin.write(chunk))
                await Promise.race([(0,external_node_events_.once)(child.stdin, 'drain'), exited]);
        };
        this.finishWith = async () => {
            if (!stdinGone)
                child.stdin.end();
            const code = await exited;
            const firstError = stderr.split('\n').find((l) => /error/i.test(l)) ?? stderr.trim().split('\n')[0] ?? '';
            if (code === 0)
                return {
                    kind: 'pg-custom',
                    ok: true,
                    depth: 'full',
                    detail: `${header.detail}; pg_restore -f /dev/null read it through`,
                };
            if (/unsupported version/i.test(stderr)) {
                return {
                    kind: 'pg-custom',
                    ok: true,
                    depth: 'header',
                    detail: `${header.detail}; this pg_restore is older than the dump (${firstError.trim()}), so only the header was checked`,
                };
            }
            return {
                kind: 'pg-custom',
                ok: false,
                depth: 'full',
                detail: `pg_restore -f /dev/null failed (exit ${code}): ${firstError.trim()}`,
            };
        };
    }
}
/** The custom-format header: `PGDMP`, version major/minor/rev, int size, offset size, format (1 = custom). */
function checkPgHeader(head) {
    if (head.length < 11 || head.subarray(0, 5).toString('latin1') !== 'PGDMP')
        return { ok: false, detail: 'not a PostgreSQL custom dump (no PGDMP magic)' };
    const [major, minor, rev, intSize, offSize, format] = head.subarray(5, 11);
    if (major !== 1 || minor < 10 || intSize < 2 || intSize > 8 || offSize < 4 || offSize > 8 || format !== 1) {
        return {
            ok: false,
            detail: `PostgreSQL dump header is damaged (archive version ${major}.${minor}.${rev}, int ${intSize}, off ${offSize}, format ${format})`,
        };
    }
    return { ok: true, detail: `PostgreSQL custom dump, archive version ${major}.${minor}.${rev}` };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/backup/digest.ts

/** MD5 of each part of size `partSize`, combined the way S3 forms a multipart ETag: md5(md5₁‖…‖md5ₙ)-N. */
class MultipartEtag {
    partSize;
    current = (0,external_node_crypto_.createHash)('md5');
    inPart = 0;
    partDigests = [];
    constructor(partSize) {
        this.partSize = partSize;
    }
    update(chunk) {
        let offset = 0;
        while (offset < chunk.length) {
            const take = Math.min(this.partSize - this.inPart, chunk.length - offset);
            this.current.update(chunk.subarray(offset, offset + take));
            this.inPart += take;
            offset += take;
            if (this.inPart === this.partSize) {
                this.partDigests.push(this.current.digest());
                this.current = (0,external_node_crypto_.createHash)('md5');
                this.inPart = 0;
            }
        }
    }
    digest() {
        if (this.inPart > 0 || this.partDigests.length === 0)
            this.partDigests.push(this.current.digest());
        return `${(0,external_node_crypto_.createHash)('md5').update(Buffer.concat(this.partDigests)).digest('hex')}-${this.partDigests.length}`;
    }
}
/** The hashes computed while bytes stream past: only those some evidence asks for, each once. */
class StreamDigests {
    hashes = new Map();
    multipart = new Map();
    bytes = 0;
    constructor(evidence) {
        for (const e of evidence) {
            // Nothing has streamed yet, so a repeated algorithm or part size just replaces a fresh hash.
            if (e.algorithm === 'multipart-md5') {
                for (const p of e.partSizes ?? [])
                    this.multipart.set(p, new MultipartEtag(p));
            }
            else {
                this.hashes.set(e.algorithm, (0,external_node_crypto_.createHash)(e.algorithm));
            }
        }
    }
    get algorithms() {
        return [...this.hashes.keys(), ...[...this.multipart.keys()].map((p) => `multipart-md5/${p}`)];
    }
    update(chunk) {
        this.bytes += chunk.length;
        for (const hash of this.hashes.values())
            hash.update(chunk);
        for (const etag of this.multipart.values())
            etag.update(chunk);
    }
    /** Hex digests by algorithm, plus the multipart ETag per candidate part size. */
    finish() {
        const digests = {};
        for (const [algorithm, hash] of this.hashes)
            digests[algorithm] = hash.digest('hex');
        const multipart = new Map();
        for (const [p, etag] of this.multipart)
            multipart.set(p, etag.digest());
        return { digests, multipart };
    }
}
function judgeEvidence(evidence, computed) {
    return evidence.map((e) => {
        if (e.algorithm === 'multipart-md5') {
            const partSize = e.partSizes?.find((p) => computed.multipart.get(p) === e.expected);
            if (partSize !== undefined)
                return { ...e, actual: e.expected, ok: true, partSize };
            // A wrong guess of the part size and changed bytes look the same here, so this proves nothing.
            // It shows the ETag the first part size gives.
            return {
                ...e,
                actual: e.partSizes && computed.multipart.get(e.partSizes[0]),
                ok: false,
                inconclusive: true,
            };
        }
        const actual = computed.digests[e.algorithm];
        return { ...e, actual, ok: actual === e.expected };
    });
}

// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(8877);
// EXTERNAL MODULE: external "node:vm"
var external_node_vm_ = __webpack_require__(714);
;// CONCATENATED MODULE: ./src/backup/memory.ts


let gc = null;
function getGc() {
    if (gc !== null)
        return gc;
    try {
        (0,external_node_v8_.setFlagsFromString)('--expose-gc');
        gc = (0,external_node_vm_.runInNewContext)('gc');
    }
    catch {
        gc = undefined;
    }
    return gc;
}
/**
 * Keeps a download's memory flat. Every socket read is a fresh Buffer whose bytes live outside the JS
 * heap; V8 collects them only when its young generation fills or external memory has grown by tens of
 * MB, so a 300 MB/s stream piles up ~80 MB of dead chunks (measured: peak RSS 160 MB vs 125 MB). A
 * minor collection every few MB streamed frees them while they are still young, which is cheap.
 */
class ChunkReclaimer {
    everyBytes;
    since = 0;
    constructor(everyBytes = 4 * 1024 * 1024) {
        this.everyBytes = everyBytes;
    }
    add(bytes) {
        this.since += bytes;
        if (this.since < this.everyBytes)
            return;
        this.since = 0;
        getGc()?.({ type: 'minor' });
    }
}

;// CONCATENATED MODULE: ./src/backup/verify-object.ts









/** An entry for a backup this run did not read. */
function notVerified(c) {
    return {
        key: c.object.key,
        series: c.series,
        date: c.date.toISOString(),
        dateSource: c.dateSource,
        lastModified: c.object.lastModified.toISOString(),
        size: c.object.size,
        verdict: 'not-verified',
        evidence: [],
        provedBy: [],
        problems: [],
    };
}
/** Streams one object once through every hash there is evidence for, its format check and (optionally) a file. */
async function verifyObject(store, c, indexEvidence, options) {
    const started = Date.now();
    const head = await store.head(c.object.key);
    const evidence = [...indexEvidence, ...evidenceFromHead(c.object, head)];
    const read = await readThrough(store, c.object.key, head.size, evidence, options);
    const entry = { ...notVerified(c), verdict: 'failed', content: read.content };
    entry.bytesRead = read.bytes;
    entry.ms = Date.now() - started;
    const incomplete = noteIncompleteRead(entry, read.bytes, head.size, read.streamError);
    const results = judgeEvidence(evidence, read.digests);
    entry.evidence = results;
    judgeEntry(entry, results, read.content, incomplete);
    return entry;
}
/** One pass over the bytes: hashes, the content check, the optional copy and progress lines. */
async function readThrough(store, key, size, evidence, options) {
    const digests = new StreamDigests(evidence);
    const content = new ContentCheck({ pgRestore: options.pgRestore, signal: options.signal });
    let file;
    if (options.saveTo) {
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(options.saveTo), { recursive: true });
        file = (0,external_node_fs_.createWriteStream)(options.saveTo);
    }
    const progress = size >= 32 * 1024 * 1024
        ? new core_progress/* Progress */.k(`  ${key}`, size, options.log, { intervalMs: options.progressIntervalMs })
        : undefined;
    let streamError;
    const reclaimer = new ChunkReclaimer();
    try {
        const { body } = await store.get(key);
        for await (const chunk of body) {
            digests.update(chunk);
            reclaimer.add(chunk.length);
            await content.write(chunk);
            if (file && !file.write(chunk))
                await (0,external_node_events_.once)(file, 'drain');
            progress?.add(chunk.length);
        }
    }
    catch (error) {
        // A store error (gone, denied) is about the object, not the bytes: the caller decides.
        if (error instanceof StoreError)
            throw error;
        streamError = error instanceof Error ? error : new Error(String(error));
    }
    if (file) {
        file.end();
        await (0,external_node_events_.once)(file, 'close');
    }
    const contentResult = await content.end();
    progress?.finish();
    return { bytes: digests.bytes, digests: digests.finish(), content: contentResult, streamError };
}
/** A broken-off or short read: worth one more read, unlike a checksum that disagrees. */
function noteIncompleteRead(entry, bytes, size, streamError) {
    if (streamError) {
        entry.interrupted = `download broke off after ${(0,core_progress/* formatBytes */.z)(bytes)}: ${streamError.message}`;
        entry.problems.push(entry.interrupted);
    }
    else if (bytes !== size) {
        entry.problems.push(`read ${bytes} bytes but the object is ${size} bytes`);
        if (bytes < size)
            entry.interrupted = `download ended after ${bytes} of ${size} bytes`;
    }
    return Boolean(streamError) || bytes !== size;
}
/** The verdict from the evidence and the content check, with each disagreement explained. */
function judgeEntry(entry, results, content, incomplete) {
    const key = entry.key;
    const conclusive = results.filter((r) => !r.inconclusive);
    const matched = conclusive.filter((r) => r.ok);
    const mismatched = conclusive.filter((r) => !r.ok);
    for (const r of mismatched)
        entry.problems.push(explainMismatch(r, matched));
    if (!content.ok)
        entry.problems.push(content.detail);
    if (incomplete || mismatched.length > 0 || !content.ok) {
        entry.verdict = 'failed';
    }
    else if (matched.length === 0) {
        entry.verdict = 'unverifiable';
        const inconclusive = results.filter((r) => r.inconclusive);
        entry.problems.push(inconclusive.length
            ? `only a multipart ETag (${inconclusive[0].expected}) that none of the part sizes tried (${(inconclusive[0].partSizes ?? []).map((p) => (0,core_progress/* formatBytes */.z)(p)).join(', ')}) reproduces`
            : 'no checksum to compare with (no sidecar, manifest, MD5 metadata or MD5 ETag)');
        entry.problems.push(`fix: upload a ${key.slice(key.lastIndexOf('/') + 1)}.sha256 sidecar or a SHA256SUMS manifest with each backup`);
    }
    else {
        entry.verdict = 'ok';
        entry.provedBy = matched.map((r) => describeEvidence(r) + (r.partSize ? ` (${(0,core_progress/* formatBytes */.z)(r.partSize)} parts)` : ''));
    }
}
/** Which side is wrong, when other evidence agrees with the bytes. */
function explainMismatch(r, matched) {
    const agree = `${matched.map(describeEvidence).join(', ')} ${matched.length > 1 ? 'agree' : 'agrees'} with the bytes`;
    const uploadedAsIs = matched.some((m) => m.source === 'etag-md5' || m.source === 'etag-multipart');
    const also = !matched.length
        ? ''
        : r.source === 'sidecar' || r.source === 'manifest'
            ? ` (${agree}, so this checksum file is wrong or stale)`
            : r.source === 'rclone-md5chksum' && uploadedAsIs
                ? ` (${agree} as uploaded, so the source file changed while rclone read it)`
                : ` (${agree}, so this claim is wrong or stale)`;
    return `${describeEvidence(r)} says ${r.algorithm} ${r.expected}, the bytes hash to ${r.actual}${also}`;
}

;// CONCATENATED MODULE: ./src/backup/verify.ts
















const verify_HOUR = 3_600_000;
const DEFAULT_POLICY = { daily: 30, monthly: 12 };
/**
 * Verifies the backups under a prefix: integrity of the selected objects against every piece of
 * evidence there is, their content, freshness and size of the newest, and the retention calendar;
 * with `restoreTo`, a real restore of the newest verified dump, table by table. Only reads the bucket
 * (the database named in `restoreTo` is the one thing written). Throws a StoreError (a UserError) for a
 * bucket it cannot read; otherwise returns a report whose `passed` says whether the backups can be trusted.
 */
async function verifyBackups(options) {
    if (!options.timeoutMs)
        return verifyRun(options, new Progress());
    return withinTimeout(options, options.timeoutMs);
}
/** Where a run is, so a timeout can say what it was doing, whom it was waiting for and what was not verified. */
class Progress {
    phase = 'listing the bucket';
    /** Whom the phase waits for: "the store at <endpoint> to answer", the restore database, the user's command. */
    waitingFor = 'the store to answer';
    pending = new Set();
}
/**
 * The run raced against `timeout`: past it, a failure naming the phase, the server it was waiting for and
 * every backup not verified, and the run's signal aborts what is still in flight (S3 requests, downloads,
 * pg_restore, restore-command), so the action ends at its deadline rather than at each request's own
 * bound. Nothing is written to the bucket either way (backup-verify only reads), and no report file is left.
 */
async function withinTimeout(options, timeoutMs) {
    const progress = new Progress();
    progress.waitingFor = storeToAnswer(options);
    const controller = new AbortController();
    const stop = () => controller.abort(timeoutError(progress, timeoutMs));
    const timer = setTimeout(stop, timeoutMs);
    timer.unref();
    const expired = new Promise((_, reject) => controller.signal.addEventListener('abort', () => reject(controller.signal.reason), {
        once: true,
    }));
    const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
    const run = verifyRun({ ...options, signal }, progress);
    // The run ends soon after the abort; its own error says less than the timeout's.
    run.catch(() => { });
    try {
        return await Promise.race([run, expired]);
    }
    finally {
        clearTimeout(timer);
    }
}
const storeToAnswer = (options) => options.connection?.endpoint
    ? `the store at ${(0,secrets/* redactUrl */.BO)(options.connection.endpoint)} to answer`
    : 'the store to answer';
function timeoutError(progress, timeoutMs) {
    const left = [...progress.pending];
    return new StoreError(`backup-verify's timeout (${(0,duration/* formatDuration */.a3)(timeoutMs)}) passed while ${progress.phase}, waiting for ${progress.waitingFor}; ` +
        (left.length
            ? `not verified: ${left.slice(0, 10).join(', ')}${left.length > 10 ? ` and ${left.length - 10} more` : ''}`
            : 'no backup was verified') +
        '. The requests in flight were stopped; nothing was written to the bucket.', 'Timeout', { input: 'timeout', fix: 'raise timeout, or check that what it was waiting for answers.' });
}
async function verifyRun(options, progress) {
    const log = options.log ?? (() => { });
    const now = options.now ?? new Date();
    const store = options.store ?? (await createS3Store({ ...options.connection, signal: options.signal }));
    const plan = await planRun(store, options, now, log, progress);
    const workDir = options.workDir ?? (0,external_node_path_.join)(process.env.RUNNER_TEMP ?? (0,external_node_os_.tmpdir)(), 'backup-verify');
    const saveTo = (key) => plan.restoreTargets.has(key) ? (0,external_node_path_.join)(workDir, key.replace(/[^A-Za-z0-9._-]+/g, '_')) : undefined;
    let run;
    let restored;
    try {
        run = await verifySelected(store, plan.toVerify, plan.evidence.index, saveTo, options, log, progress.pending);
        restored = await restoreNewest(store, plan.restoreKey, run, saveTo, options, log, progress);
        if (options.restoreCommand) {
            progress.phase = 'running restore-command';
            progress.waitingFor = 'restore-command to finish';
            await runRestoreCommands(run.entries, options.restoreCommand, saveTo, log, options.signal);
        }
    }
    finally {
        // Also when the deadline ended the run: downloaded copies of backups are not left on the runner.
        for (const file of plan.restoreTargets)
            (0,external_node_fs_.rmSync)(saveTo(file), { force: true });
    }
    progress.phase = 'auditing retention';
    progress.waitingFor = storeToAnswer(options);
    const report = await auditAndReport(store, options, now, plan, run);
    if (restored) {
        report.restore = restored;
        if (!restored.ok)
            report.failures.push(`restore of ${restored.key} into ${restored.database}: ${restored.problem}`);
        report.passed = report.failures.length === 0;
    }
    options.signal?.throwIfAborted();
    if (options.reportPath) {
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(options.reportPath), { recursive: true });
        (0,external_node_fs_.writeFileSync)(options.reportPath, JSON.stringify(report, null, 2));
    }
    return report;
}
/** Lists the prefix, chooses what to verify (and restore), and reads the checksums that cover it. */
async function planRun(store, options, now, log, progress) {
    const mode = options.verify ?? { kind: 'latest' };
    const shard = options.shard ?? { index: 1, count: 1 };
    const listing = await listBackups(store, options.prefix, log);
    const candidates = toCandidates(listing.backups, options.dateFrom ?? 'key');
    const series = groupBySeries(candidates);
    const selected = selectForVerify(candidates, series, mode, shard, now, options.random ?? Math.random);
    const restoreKey = options.restoreTo ? chooseRestoreKey(candidates, series, options.restoreKey) : undefined;
    if (restoreKey)
        selected.add(restoreKey);
    const toVerify = candidates.filter((c) => selected.has(c.object.key));
    for (const c of toVerify)
        progress.pending.add(c.object.key);
    progress.phase = 'reading checksums';
    const evidence = await readEvidence(store, listing, selected);
    progress.phase = 'verifying backups';
    log(`Verifying ${toVerify.length} of ${candidates.length} backups (verify: ${describeMode(mode)}${shard.count > 1 ? `, shard ${shard.index}/${shard.count}` : ''}).`);
    const restoreTargets = options.restoreCommand ? newestOfEach(series, selected) : new Set();
    if (restoreKey)
        restoreTargets.add(restoreKey);
    return { mode, shard, candidates, series, toVerify, restoreKey, restoreTargets, evidence };
}
/** With `restore-to`: the chosen backup restored into the database and compared table by table. */
async function restoreNewest(store, restoreKey, run, saveTo, options, log, progress) {
    if (!restoreKey)
        return undefined;
    progress.phase = `restoring ${restoreKey}`;
    progress.waitingFor = `the database ${(0,secrets/* redactUrl */.BO)(options.restoreTo)} to finish the restore`;
    return restoreAndCompare(store, run.entries.find((e) => e.key === restoreKey), saveTo(restoreKey), { restoreTo: options.restoreTo, compareWith: options.compareWith, signal: options.signal }, log);
}
/** Each series' retention audit, then the report with the lifecycle check and the verdict. */
async function auditAndReport(store, options, now, plan, run) {
    const audits = [];
    let versions;
    const rules = seriesRules(options, now);
    for (const [name, members] of plan.series)
        audits.push(await auditSeries(name, members, rules, () => (versions ??= store.versions(options.prefix))));
    const { mode, shard, candidates, series } = plan;
    const report = await assembleReport({ store, options, now, mode, shard, candidates, series, audits, run });
    report.warnings.unshift(...plan.evidence.warnings);
    return report;
}
function seriesRules(options, now) {
    return {
        policy: options.retention ?? DEFAULT_POLICY,
        maxAgeMs: options.maxAgeMs ?? 26 * verify_HOUR,
        band: options.sizeBand ?? { low: 0.5, high: 2 },
        dateFrom: options.dateFrom ?? 'key',
        now,
    };
}
/** Lists the prefix once; an empty one fails with the folders one level up as the likely fix. */
async function listBackups(store, prefix, log) {
    await store.check();
    const listed = await store.list(prefix);
    const backups = listed.filter((o) => !o.key.endsWith('/') && !isEvidenceFile(o.key) && !o.key.endsWith(TABLE_MANIFEST_SUFFIX));
    const evidenceFiles = listed.filter((o) => isEvidenceFile(o.key));
    if (backups.length === 0) {
        // Suggest the folders one level up: 'dayly/' was probably meant to be one of its siblings.
        const trimmed = prefix.replace(/\/$/, '');
        const parent = trimmed.slice(0, trimmed.lastIndexOf('/') + 1);
        const folders = await store.listFolders(parent).catch(() => []);
        throw new StoreError(listed.length === 0
            ? `no objects under prefix '${prefix}' in ${store.description}.`
            : `only checksum files (${listed.length}) under prefix '${prefix}' in ${store.description}, no backups.`, 'EmptyPrefix', {
            input: 'prefix',
            fix: folders.length
                ? `use the folder the backups are in; this level holds: ${folders.slice(0, 8).join(', ')}.`
                : 'check the prefix (it is case-sensitive and matched from the start of the key) and that the backup job has run.',
        });
    }
    log(`Found ${backups.length} backups (and ${evidenceFiles.length} checksum files) under '${prefix}' in ${store.description}.`);
    return { prefix, backups, evidenceFiles };
}
const isManifest = (key) => /SUMS(\.txt)?$/i.test(key);
const folderOf = (key) => key.slice(0, key.lastIndexOf('/') + 1);
/**
 * Reads the sidecars of the selected backups and every manifest that covers one of them (a manifest
 * speaks for files in its folder and below). A checksum file too big to be one, or gone, costs its
 * evidence, not the run.
 */
async function readEvidence(store, listing, selected) {
    const index = new EvidenceIndex();
    const warnings = [];
    const backupKeys = listing.backups.map((o) => o.key);
    const selectedKeys = [...selected];
    const wanted = listing.evidenceFiles.filter((o) => isManifest(o.key)
        ? selectedKeys.some((k) => k.startsWith(folderOf(o.key)))
        : selected.has(o.key.slice(0, o.key.lastIndexOf('.'))));
    const limit = (0,p_limit/* default */.A)(8);
    await Promise.all(wanted.map((file) => limit(async () => {
        let text;
        try {
            text = await store.getText(file.key);
        }
        catch (error) {
            if (!(error instanceof StoreError) || !['TooLarge', 'NoSuchKey'].includes(error.code))
                throw error;
            warnings.push(`checksum file ${file.key} was not read: ${error.message}`);
            return;
        }
        if (isManifest(file.key))
            index.addManifest(file.key, text, backupKeys);
        else
            index.addSidecar(file.key, text);
    })));
    return { index, warnings };
}
const newestOfEach = (series, selected) => new Set([...series.values()].map((m) => m[0].object.key).filter((k) => selected.has(k)));
/**
 * Reads the selected backups, several at once: small objects are bound by round trips (HEAD, GET,
 * first byte), so several in flight hide the latency; large ones by hashing, so at most
 * `largeConcurrency` of them run together.
 */
async function verifySelected(store, toVerify, index, saveTo, options, log, pending = new Set()) {
    const started = Date.now();
    const limit = (0,p_limit/* default */.A)(options.concurrency ?? 6);
    const large = (0,p_limit/* default */.A)(options.largeConcurrency ?? 2);
    const largeBytes = options.largeObjectBytes ?? 64 * 1024 * 1024;
    const read = {
        log,
        pgRestore: options.pgRestore,
        progressIntervalMs: options.progressIntervalMs ?? 5000,
        signal: options.signal,
    };
    let bytes = 0;
    const entries = await Promise.all(toVerify.map((c) => limit(async () => {
        const once = () => verifyObject(store, c, index.for(c.object.key), { ...read, saveTo: saveTo(c.object.key) });
        const entry = await (c.object.size >= largeBytes
            ? large(() => verifyWithOneRetry(c, once, log))
            : verifyWithOneRetry(c, once, log));
        bytes += entry.bytesRead ?? 0;
        pending.delete(c.object.key);
        return entry;
    })));
    return { entries, bytes, ms: Date.now() - started };
}
/**
 * One backup, read again once when the connection broke mid-download (that says nothing about the
 * backup). Checksum and content failures are final: the same bytes would fail the same way.
 */
async function verifyWithOneRetry(c, once, log) {
    let entry;
    try {
        entry = await once();
    }
    catch (error) {
        // Listed a moment ago, gone now: lifecycle or the uploader's pruning ran meanwhile.
        if (!(error instanceof StoreError) || error.code !== 'NoSuchKey')
            throw error;
        log(`  ${c.object.key} was deleted while this run was verifying (lifecycle or pruning); skipped`);
        return { ...notVerified(c), problems: ['deleted while this run was verifying it'] };
    }
    if (entry.interrupted) {
        log(`  ${c.object.key}: ${entry.interrupted}; reading it once more`);
        const first = entry.bytesRead ?? 0;
        entry = await once();
        entry.attempts = 2;
        entry.bytesRead = (entry.bytesRead ?? 0) + first;
    }
    log(describeOutcome(entry));
    return entry;
}
function describeOutcome(entry) {
    const proof = entry.verdict === 'ok'
        ? ` by ${entry.provedBy.join(' + ')}`
        : entry.problems.length
            ? `: ${entry.problems[0]}`
            : '';
    const word = entry.verdict === 'ok' ? '✅ ok' : entry.verdict === 'failed' ? '❌ FAILED' : '⚠️ unverifiable';
    return `${word} ${entry.key} (${(0,core_progress/* formatBytes */.z)(entry.size)}${entry.ms !== undefined ? ` in ${(0,duration/* formatDuration */.a3)(entry.ms)}` : ''})${proof}`;
}
/** The user's restore-command on each series' newest backup that passed; the copy is removed after. */
async function runRestoreCommands(entries, command, saveTo, log, signal) {
    for (const entry of entries) {
        const file = saveTo(entry.key);
        if (!file)
            continue;
        if (entry.verdict !== 'failed') {
            log(`Running restore-command on ${entry.key}…`);
            entry.restore = await runRestoreCommand(command, file, entry.key, log, signal);
            if (!entry.restore.ok) {
                entry.verdict = 'failed';
                entry.problems.push(`restore-command exited with ${entry.restore.exitCode}`);
            }
        }
        (0,external_node_fs_.rmSync)(file, { force: true });
    }
}
/** The report: every backup (read or not), every series' audit, the lifecycle check and the verdict. */
async function assembleReport(ctx) {
    const { store, options, now, candidates, audits } = ctx;
    const { entries, bytes, ms } = ctx.run;
    const policy = options.retention ?? DEFAULT_POLICY;
    const byKey = new Map(entries.map((e) => [e.key, e]));
    const failures = [
        ...audits.flatMap((a) => a.headline),
        ...entries.filter((e) => e.verdict === 'failed').map((e) => `${e.key}: ${e.problems.join('; ')}`),
        ...entries
            .filter((e) => e.verdict === 'unverifiable')
            .map((e) => `${e.key}: unverifiable, ${e.problems.join('; ')}`),
        ...audits.flatMap((a) => a.failures),
    ];
    const warnings = audits.flatMap((a) => a.warnings);
    const expired = audits.reduce((n, a) => n + a.report.retention.expired.length, 0);
    const lifecycle = (0,retention/* auditLifecycle */.WY)(await store.lifecycle(), options.prefix, policy, expired);
    if (!lifecycle.ok)
        warnings.push(lifecycle.detail);
    const newest = [...ctx.series.values()]
        .map((m) => m[0])
        .sort((a, b) => b.date.getTime() - a.date.getTime())[0];
    const count = (v) => entries.filter((e) => e.verdict === v).length;
    const sum = (f) => audits.reduce((n, a) => n + f(a), 0);
    return {
        passed: failures.length === 0,
        checkedAt: now.toISOString(),
        store: store.description,
        bucket: options.connection?.bucket ?? store.description,
        prefix: options.prefix,
        policy,
        maxAgeHours: verify_round1((options.maxAgeMs ?? 26 * verify_HOUR) / verify_HOUR),
        verifyMode: describeMode(ctx.mode),
        shard: `${ctx.shard.index}/${ctx.shard.count}`,
        latestKey: newest?.object.key,
        latestAgeHours: newest ? verify_round1((now.getTime() - newest.madeAt.getTime()) / verify_HOUR) : undefined,
        counts: {
            backups: candidates.length,
            selected: entries.length,
            verified: count('ok'),
            failed: count('failed'),
            unverifiable: count('unverifiable'),
            missingDays: sum((a) => a.report.retention.missingDays.length),
            missingMonths: sum((a) => a.report.retention.missingMonths.length),
            expired,
        },
        backups: candidates.map((c) => byKey.get(c.object.key) ?? notVerified(c)),
        series: audits.map((a) => a.report),
        lifecycle,
        failures,
        warnings,
        throughput: bytes > 0 ? { bytes, ms, mbPerSecond: verify_round1(bytes / 1e6 / Math.max(0.001, ms / 1000)) } : undefined,
    };
}
const verify_round1 = (n) => Math.round(n * 10) / 10;



/***/ }),

/***/ 2013:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O1: () => (/* binding */ describeAnswer),
/* harmony export */   Vl: () => (/* binding */ ContractError),
/* harmony export */   qE: () => (/* binding */ isJsonContentType)
/* harmony export */ });
/* unused harmony exports firstBytes, pathId, checkFields, checkEach */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8198);


/**
 * An answer that is not what the service promises (HTML where JSON was due, a field missing, a body cut
 * off). Never retried and never acted on: the message names the service, the URL without secrets,
 * what was expected and the first bytes of what came.
 */
class ContractError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD {
    service;
    url;
    expected;
    got;
    constructor(service, url, expected, got, status) {
        super(`${service} at ${(0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrl */ .BO)(url)} did not answer as expected: wanted ${expected}, got ${(0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .scrub */ ._I)(got)}.`, status, (0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .scrub */ ._I)(got));
        this.service = service;
        this.url = url;
        this.expected = expected;
        this.got = got;
        this.name = 'ContractError';
    }
}
/** The first bytes of a body, on one line, for a message: enough to recognise a captive portal or a proxy page. */
function firstBytes(text, max = 120) {
    const flat = text.replace(/\s+/g, ' ').trim();
    if (!flat)
        return 'an empty body';
    return JSON.stringify(flat.length > max ? `${flat.slice(0, max)}…` : flat);
}
/** How a response looked, for ContractError's "got": status, content type and first bytes. */
function describeAnswer(status, contentType, text) {
    return `HTTP ${status} ${contentType || '(no content type)'} ${firstBytes(text)}`;
}
function isJsonContentType(contentType) {
    const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
    return type === 'application/json' || /^application\/[\w.+-]+\+json$/.test(type);
}
/** Ids are at most this long at every service we call (Fly Machine ids are 14, Cloudflare ids 32). */
const MAX_ID_LENGTH = 256;
const URL_SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._~:-]*$/;
/**
 * The one gate for a value going into a URL path: present, a string, URL-safe and of sane length. A
 * request never carries `undefined`, and an id can never be empty (which would address the collection).
 */
function pathId(kind, value) {
    if (typeof value !== 'string' || value === '' || value.length > MAX_ID_LENGTH || !URL_SAFE_ID.test(value)) {
        const shown = typeof value === 'string' ? firstBytes(value, 40) : String(value);
        throw new ContractError('Runway', `(${kind})`, `a non-empty, URL-safe ${kind} to put in the request path`, shown, 0);
    }
    return value;
}
function typeOf(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'array';
    return typeof value;
}
/**
 * Checks that `value` is an object with the given fields of the given types (`?` = may be absent or
 * null); returns the first problem as text, or undefined. Non-empty strings only for required strings.
 */
function checkFields(value, fields, where = 'the body') {
    if (typeOf(value) !== 'object')
        return `${where} to be a JSON object (it is ${typeOf(value)})`;
    const record = value;
    for (const [field, shape] of Object.entries(fields)) {
        const optional = shape.endsWith('?');
        const want = shape.replace('?', '');
        const present = record[field];
        if (present === undefined || present === null) {
            if (optional)
                continue;
            return `${where} to have "${field}" (${want})`;
        }
        if (typeOf(present) !== want)
            return `${where}."${field}" to be ${want} (it is ${typeOf(present)})`;
        if (want === 'string' && !optional && present === '')
            return `${where}."${field}" to be non-empty`;
    }
    return undefined;
}
/** Every element of an array checked with checkFields; the first problem, or undefined. */
function checkEach(value, fields, what) {
    if (!Array.isArray(value))
        return `a JSON array of ${what} (it is ${typeOf(value)})`;
    for (const [i, item] of value.entries()) {
        const problem = checkFields(item, fields, `${what}[${i}]`);
        if (problem)
            return problem;
    }
    return undefined;
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
