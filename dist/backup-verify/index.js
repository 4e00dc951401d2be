import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 671:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _backup_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8882);
/* harmony import */ var _core_secrets_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(8198);
/* harmony import */ var _core_step_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(1757);





// Inputs first, before the toolkit and the AWS SDK load: a bad one fails fast.
const checked = (0,_core_step_js__WEBPACK_IMPORTED_MODULE_4__/* .checkInputs */ .sw)('backup-verify', () => (0,_backup_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .readBackupInputs */ .Q)((0,_core_step_js__WEBPACK_IMPORTED_MODULE_4__/* .envInputs */ .DH)(), process.env));
if (checked)
    await backupStep(checked);
async function backupStep(inputs) {
    const { runAction } = await Promise.all(/* import() */[__nccwpck_require__.e(421), __nccwpck_require__.e(605)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5605));
    await runAction('backup-verify', async () => {
        if (inputs.mode === 'compare-databases')
            await compareDatabasesStep(inputs);
        else if (inputs.mode === 'join')
            await joinStep(inputs);
        else
            await verifyStep(inputs);
    });
}
/** A database URL and its password, masked in every log line and file. */
function registerDatabase(url) {
    if (!url)
        return;
    (0,_core_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .registerSecret */ .cl)(url);
    (0,_core_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .registerSecret */ .cl)(decodeURIComponent(new URL(url).password));
}
async function compareDatabasesStep(inputs) {
    registerDatabase(inputs.sourceDatabase);
    registerDatabase(inputs.targetDatabase);
    const core = await __nccwpck_require__.e(/* import() */ 421).then(__nccwpck_require__.bind(__nccwpck_require__, 6421));
    const { setOutputs, writeSummary } = await Promise.all(/* import() */[__nccwpck_require__.e(421), __nccwpck_require__.e(605)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5605));
    const { compareDatabases } = await __nccwpck_require__.e(/* import() */ 265).then(__nccwpck_require__.bind(__nccwpck_require__, 4265));
    const { renderComparison } = await __nccwpck_require__.e(/* import() */ 678).then(__nccwpck_require__.bind(__nccwpck_require__, 4678));
    const comparison = await compareDatabases(inputs.sourceDatabase, inputs.targetDatabase);
    core.info(comparison.summary);
    setOutputs({
        passed: comparison.equal,
        tables: comparison.tables,
        rows: comparison.rows,
        'tables-differing': comparison.differences.length,
    });
    await writeSummary(`## ${comparison.equal ? '✅' : '❌'} Databases ${comparison.equal ? 'equal' : 'DIFFER'}\n\n${renderComparison(comparison)}`);
    if (!comparison.equal)
        core.setFailed(`the databases differ: ${comparison.summary}`);
}
function reportPath() {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(process.env.RUNNER_TEMP ?? process.cwd(), 'backup-verify-report.json');
}
async function joinStep(inputs) {
    (0,_core_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .registerSecret */ .cl)(inputs.githubToken);
    const core = await __nccwpck_require__.e(/* import() */ 421).then(__nccwpck_require__.bind(__nccwpck_require__, 6421));
    const { joinShardReports, readShardReports } = await __nccwpck_require__.e(/* import() */ 132).then(__nccwpck_require__.bind(__nccwpck_require__, 7132));
    const report = joinShardReports(readShardReports(inputs.shardReports));
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(reportPath(), JSON.stringify(report, null, 2));
    core.info(`Joined ${report.shard} shard reports: ${report.counts.verified} verified, ${report.counts.failed} failed.`);
    await publish(report, inputs);
}
async function verifyStep(inputs) {
    (0,_core_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .registerSecret */ .cl)(inputs.connection.secretAccessKey);
    (0,_core_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .registerSecret */ .cl)(inputs.githubToken);
    registerDatabase(inputs.restoreTo);
    registerDatabase(inputs.sourceDatabase);
    const core = await __nccwpck_require__.e(/* import() */ 421).then(__nccwpck_require__.bind(__nccwpck_require__, 6421));
    const { setOutputs } = await Promise.all(/* import() */[__nccwpck_require__.e(421), __nccwpck_require__.e(605)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5605));
    const { verifyBackups } = await Promise.all(/* import() */[__nccwpck_require__.e(351), __nccwpck_require__.e(361)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3361));
    const report = await verifyBackups({
        connection: inputs.connection,
        prefix: inputs.prefix,
        dateFrom: inputs.dateFrom,
        maxAgeMs: inputs.maxAgeMs,
        timeoutMs: inputs.timeoutMs,
        verify: inputs.verify,
        retention: inputs.retention,
        shard: inputs.shard,
        restoreCommand: inputs.restoreCommand,
        restoreTo: inputs.restoreTo,
        restoreKey: inputs.restoreKey,
        compareWith: inputs.sourceDatabase,
        reportPath: reportPath(),
        log: (line) => core.info(line),
    });
    setOutputs({
        'restored-key': report.restore?.ok ? report.restore.key : undefined,
        tables: report.restore?.comparison?.tables,
        rows: report.restore?.comparison?.rows,
        'tables-differing': report.restore?.comparison?.differences.length,
    });
    await publish(report, inputs);
}
/** Outputs, the job summary, the issue (when asked), annotations and the verdict. */
async function publish(report, inputs) {
    const core = await __nccwpck_require__.e(/* import() */ 421).then(__nccwpck_require__.bind(__nccwpck_require__, 6421));
    const { setOutputs, writeSummary } = await Promise.all(/* import() */[__nccwpck_require__.e(421), __nccwpck_require__.e(605)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5605));
    setOutputs({
        passed: report.passed,
        'latest-key': report.latestKey,
        'latest-age-hours': report.latestAgeHours,
        verified: report.counts.verified,
        failed: report.counts.failed,
        unverifiable: report.counts.unverifiable,
        'missing-days': report.counts.missingDays,
        'missing-months': report.counts.missingMonths,
        report: reportPath(),
    });
    const { renderBackupSummary } = await __nccwpck_require__.e(/* import() */ 678).then(__nccwpck_require__.bind(__nccwpck_require__, 4678));
    const summary = renderBackupSummary(report);
    if (inputs.issueOnFailure) {
        const { syncFailureIssue } = await __nccwpck_require__.e(/* import() */ 93).then(__nccwpck_require__.bind(__nccwpck_require__, 7093));
        const outcome = await syncFailureIssue(report, summary, {
            token: inputs.githubToken,
            repository: process.env.GITHUB_REPOSITORY,
            apiUrl: process.env.GITHUB_API_URL,
            runUrl: process.env.GITHUB_SERVER_URL && process.env.GITHUB_REPOSITORY && process.env.GITHUB_RUN_ID
                ? `${process.env.GITHUB_SERVER_URL}/${process.env.GITHUB_REPOSITORY}/actions/runs/${process.env.GITHUB_RUN_ID}`
                : undefined,
        });
        if (outcome.ok)
            core.info(outcome.line);
        else
            core.warning(outcome.line);
        await writeSummary(`${summary}\n${outcome.line}\n`);
    }
    else {
        await writeSummary(summary);
    }
    for (const warning of report.warnings)
        core.warning(warning);
    for (const failure of report.failures.slice(0, 10))
        core.error(failure);
    if (!report.passed) {
        core.setFailed(`backup verification failed: ${report.failures[0]}${report.failures.length > 1 ? ` (and ${report.failures.length - 1} more; see the summary)` : ''}`);
    }
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 3825:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   QA: () => (/* binding */ formatSpan),
/* harmony export */   VC: () => (/* binding */ applyPolicy),
/* harmony export */   wr: () => (/* binding */ parseSpan)
/* harmony export */ });
/* unused harmony export isoWeek */
/**
 * restic's `forget` policy (internal/data/snapshot_policy.go, ApplyPolicy), ported to decide which
 * backups a policy keeps. Its golden files are our test data (test/fixtures/restic-forget/), so the
 * rules are restic's exactly: newest first; each keep-* count takes the newest backup of each of the
 * most recent periods that have one; a count of -1 keeps every period; `within*` spans are measured
 * back from the newest backup that is not in the future; and while a count is not used up, the
 * oldest backup is kept too (restic >= 0.16), so the history is as long as the counts allow.
 * Tags are the one part left out: backups in a bucket carry none.
 */
const ymdh = (d) => d.toISOString().slice(0, 13);
const ymd = (d) => d.toISOString().slice(0, 10);
const yw = (d) => {
    const { year, week } = isoWeek(d);
    return `${year}-W${week}`;
};
const ym = (d) => d.toISOString().slice(0, 7);
const y = (d) => d.getUTCFullYear();
const always = (_, nr) => nr;
const COUNTED = [
    ['last', always, 'last snapshot'],
    ['hourly', ymdh, 'hourly snapshot'],
    ['daily', ymd, 'daily snapshot'],
    ['weekly', yw, 'weekly snapshot'],
    ['monthly', ym, 'monthly snapshot'],
    ['yearly', y, 'yearly snapshot'],
];
const WITHIN = [
    ['withinHourly', ymdh, 'hourly within'],
    ['withinDaily', ymd, 'daily within'],
    ['withinWeekly', yw, 'weekly within'],
    ['withinMonthly', ym, 'monthly within'],
    ['withinYearly', y, 'yearly within'],
];
/** Splits `items` into kept (with restic's reasons) and removed, newest first, ties in input order. */
function applyPolicy(items, policy, now = new Date()) {
    const list = [...items].sort((a, b) => b.date.getTime() - a.date.getTime());
    const counted = COUNTED.map(([name, bucket, reason]) => ({
        name,
        bucket,
        reason,
        count: policy[name] ?? 0,
        last: undefined,
    }));
    const within = WITHIN.map(([name, bucket, reason]) => ({
        span: policy[name],
        bucket,
        reason,
        last: undefined,
    }));
    const latest = latestNotInFuture(list, now);
    const keep = [];
    const remove = [];
    list.forEach((cur, nr) => {
        const oldest = nr === list.length - 1;
        const matches = [];
        if (policy.within && cur.date > before(latest, policy.within))
            matches.push(`within ${formatSpan(policy.within)}`);
        for (const b of counted) {
            if (b.count === 0 || b.count < -1)
                continue;
            const value = b.bucket(cur.date, nr);
            if (value === b.last && !oldest)
                continue;
            matches.push(value === b.last ? `oldest ${b.reason}` : b.reason);
            b.last = value;
            // Counts here are above 0 or -1 (keep all), which is never used up.
            if (b.count !== -1)
                b.count--;
        }
        for (const b of within) {
            if (!b.span || isZero(b.span) || !(cur.date > before(latest, b.span)))
                continue;
            const value = b.bucket(cur.date, nr);
            if (value === b.last && !oldest)
                continue;
            matches.push(`${value === b.last ? `oldest ${b.reason}` : b.reason} ${formatSpan(b.span)}`);
            b.last = value;
        }
        if (matches.length === 0) {
            remove.push(cur);
            return;
        }
        const counters = Object.fromEntries(counted.map((b) => [b.name, b.count]));
        keep.push({ item: cur, matches, counters });
    });
    return { keep, remove };
}
/** `1y2m3d4h` in any order (restic's ParseDuration); undefined when it is not one. */
function parseSpan(text) {
    const span = { years: 0, months: 0, days: 0, hours: 0 };
    const trimmed = text.trim();
    if (!/^(\d+[ymdh])+$/.test(trimmed))
        return undefined;
    const field = { y: 'years', m: 'months', d: 'days', h: 'hours' };
    for (const [, n, unit] of trimmed.matchAll(/(\d+)([ymdh])/g))
        span[field[unit]] = Number(n);
    return span;
}
function formatSpan(s) {
    return `${s.years ? `${s.years}y` : ''}${s.months ? `${s.months}m` : ''}${s.days ? `${s.days}d` : ''}${s.hours ? `${s.hours}h` : ''}`;
}
const isZero = (s) => !s.years && !s.months && !s.days && !s.hours;
/** Go's `t.AddDate(-y, -m, -d).Add(-h hours)`: calendar arithmetic with Go's (and Date.UTC's) overflow. */
function before(t, s) {
    const back = Date.UTC(t.getUTCFullYear() - s.years, t.getUTCMonth() - s.months, t.getUTCDate() - s.days, t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds(), t.getUTCMilliseconds());
    return new Date(back - s.hours * 3_600_000);
}
/** The newest backup's time, ignoring any dated in the future (restic's findLatestTimestamp). */
function latestNotInFuture(list, now) {
    let latest = new Date(-62135596800000); // Go's zero time, 0001-01-01
    for (const b of list) {
        if (b.date >= now)
            continue;
        // Stryker disable next-line EqualityOperator: `>=` would take an equal date, which is the same latest
        if (b.date > latest)
            latest = b.date;
    }
    return latest;
}
/** ISO 8601 week and its year (Go's Time.ISOWeek). */
function isoWeek(d) {
    const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
    t.setUTCDate(t.getUTCDate() + 3 - ((t.getUTCDay() + 6) % 7)); // the Thursday of this week
    const jan1 = Date.UTC(t.getUTCFullYear(), 0, 1);
    return { year: t.getUTCFullYear(), week: 1 + Math.floor((t.getTime() - jan1) / (7 * 86_400_000)) };
}


/***/ }),

/***/ 8882:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Q: () => (/* binding */ readBackupInputs)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __nccwpck_require__(4296);
// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __nccwpck_require__(8571);
// EXTERNAL MODULE: ./src/backup/forget.ts
var forget = __nccwpck_require__(3825);
;// CONCATENATED MODULE: ./src/backup/policy.ts



const COUNTS = ['last', 'hourly', 'daily', 'weekly', 'monthly', 'yearly'];
const SPANS = {
    within: 'within',
    'within-hourly': 'withinHourly',
    'within-daily': 'withinDaily',
    'within-weekly': 'withinWeekly',
    'within-monthly': 'withinMonthly',
    'within-yearly': 'withinYearly',
};
const EXAMPLE = 'write e.g. daily=30,monthly=12 (counts: last, hourly, daily, weekly, monthly, yearly, a number or all; spans: within, within-daily, … as 1y2m3d4h).';
function parseRetention(text, input = 'retention') {
    const policy = {};
    const parts = text
        .split(/[,\s]+/)
        .map((p) => p.trim())
        .filter(Boolean);
    if (parts.length === 0)
        throw new errors/* InputError */.dz(input, 'is empty.', EXAMPLE);
    for (const part of parts) {
        const [name, value] = part.toLowerCase().split('=', 2);
        if (value === undefined)
            throw new errors/* InputError */.dz(input, `"${part}" is not RULE=VALUE.`, EXAMPLE);
        if (COUNTS.includes(name)) {
            if (!/^(\d+|all)$/.test(value))
                throw new errors/* InputError */.dz(input, `"${part}": ${name} takes a count or all.`, EXAMPLE);
            policy[name] = value === 'all' ? -1 : Number(value);
        }
        else if (Object.hasOwn(SPANS, name)) {
            const span = (0,forget/* parseSpan */.wr)(value);
            if (!span)
                throw new errors/* InputError */.dz(input, `"${part}": ${name} takes a span like 7d or 1y6m.`, EXAMPLE);
            policy[SPANS[name]] = span;
        }
        else {
            throw new errors/* InputError */.dz(input, `"${part}" names no restic keep rule.`, EXAMPLE);
        }
    }
    return policy;
}
function parseVerifyMode(text, input = 'verify') {
    const value = text.trim().toLowerCase();
    if (value === 'latest')
        return { kind: 'latest' };
    if (value === 'all')
        return { kind: 'all' };
    const sample = /^sample:(\d+)$/.exec(value);
    if (sample && Number(sample[1]) > 0)
        return { kind: 'sample', count: Number(sample[1]) };
    const since = /^since:(.+)$/.exec(value);
    if (since) {
        const ms = (0,duration/* parseDuration */.E9)(since[1]);
        if (ms !== undefined && ms > 0)
            return { kind: 'since', ms, text: since[1] };
    }
    throw new errors/* InputError */.dz(input, `"${text}" is not a verify mode.`, 'use latest, all, sample:N (e.g. sample:5) or since:DURATION (e.g. since:7d).');
}
function parseShard(text, input = 'shard') {
    if (text === undefined || text.trim() === '')
        return { index: 1, count: 1 };
    const match = /^(\d+)\s*\/\s*(\d+)$/.exec(text.trim());
    if (!match)
        throw new errors/* InputError */.dz(input, `"${text}" is not i/n.`, 'write e.g. 2/4 (the second of four matrix jobs), with i from 1 to n.');
    const index = Number(match[1]);
    const count = Number(match[2]);
    if (count < 1 || index < 1 || index > count) {
        throw new errors/* InputError */.dz(input, `"${text}" is out of range.`, `i must be between 1 and n, e.g. 1/${Math.max(1, count)}.`);
    }
    return { index, count };
}

;// CONCATENATED MODULE: ./src/backup/inputs.ts


const B2_HOST = /^s3\.([a-z]+-[a-z]+-\d{3})\.backblazeb2\.com$/;
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;
/**
 * Every input checked before the AWS SDK loads or any request goes out, so a typo fails in a fraction
 * of a second with the fix in the message.
 */
function readBackupInputs(inputs, env) {
    const mode = inputs.enumOf('mode', ['verify', 'compare-databases', 'join'], 'verify');
    if (mode === 'join')
        return {
            mode,
            shardReports: inputs.required('shard-reports', 'backup-reports'),
            ...readIssueInputs(inputs, env, { index: 1, count: 1 }),
        };
    if (mode === 'compare-databases') {
        return {
            mode,
            sourceDatabase: readDatabaseUrl(inputs, 'source-database', true),
            targetDatabase: readDatabaseUrl(inputs, 'target-database', true),
        };
    }
    const connection = readConnection(inputs, env);
    const checks = readChecks(inputs);
    const issue = readIssueInputs(inputs, env, checks.shard);
    const restoreTo = readDatabaseUrl(inputs, 'restore-to', false);
    const restoreKey = inputs.optional('restore-key');
    if (restoreKey && !restoreTo)
        throw new errors/* InputError */.dz('restore-key', 'is set but restore-to is empty.', 'set restore-to to the database to restore into, or remove restore-key.');
    if (restoreTo && checks.shard.count > 1)
        throw new errors/* InputError */.dz('restore-to', `cannot be used with shard ${checks.shard.index}/${checks.shard.count}.`, 'restore from a job of its own (shard 1/1).');
    return {
        mode,
        connection,
        prefix: inputs.string('prefix', ''),
        ...checks,
        restoreCommand: inputs.optional('restore-command'),
        restoreTo,
        restoreKey,
        sourceDatabase: readDatabaseUrl(inputs, 'source-database', false),
        ...issue,
    };
}
/** A PostgreSQL connection URL (postgres:// or postgresql://), checked before anything connects. */
function readDatabaseUrl(inputs, name, required) {
    const text = required
        ? inputs.required(name, 'postgres://user:password@host:5432/voicebot')
        : inputs.optional(name);
    if (text === undefined)
        return undefined;
    let url;
    try {
        url = new URL(text);
    }
    catch {
        url = undefined;
    }
    if (!url || !['postgres:', 'postgresql:'].includes(url.protocol) || !url.hostname)
        throw new errors/* InputError */.dz(name, 'is not a PostgreSQL URL.', 'write postgres://USER:PASSWORD@HOST:5432/DATABASE (pass it from a secret).');
    return text;
}
function readConnection(inputs, env) {
    const bucket = readBucket(inputs);
    const endpoint = readEndpoint(inputs, bucket);
    const endpointRegion = endpoint ? B2_HOST.exec(new URL(endpoint).hostname)?.[1] : undefined;
    return {
        endpoint,
        region: readRegion(inputs, env, endpointRegion),
        bucket,
        ...readKey(inputs),
        forcePathStyle: inputs.bool('force-path-style', false),
    };
}
function readBucket(inputs) {
    const bucket = inputs.required('bucket', 'voice-bot-backups');
    if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
        throw new errors/* InputError */.dz('bucket', `"${bucket}" is not a bucket name.`, 'use the bucket name alone (lower case, 3-63 characters), not a URL or s3:// path; put folders in prefix.');
    }
    return bucket;
}
/** The endpoint's origin: https (http only on loopback), no path, no bucket in the host. */
function readEndpoint(inputs, bucket) {
    const endpointText = inputs.optional('endpoint');
    if (!endpointText)
        return undefined;
    let url;
    try {
        url = new URL(endpointText);
    }
    catch {
        throw new errors/* InputError */.dz('endpoint', `"${endpointText}" is not a URL.`, 'write the S3 endpoint, e.g. https://s3.us-west-004.backblazeb2.com.');
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.test(url.hostname))) {
        throw new errors/* InputError */.dz('endpoint', `"${endpointText}" is not https.`, 'use https:// (B2 and S3 refuse plain HTTP); http:// is accepted only for a local test server.');
    }
    if (url.pathname !== '/' && url.pathname !== '') {
        throw new errors/* InputError */.dz('endpoint', `"${endpointText}" has a path (${url.pathname}).`, 'give the endpoint without the bucket, e.g. https://s3.us-west-004.backblazeb2.com, and the bucket in bucket.');
    }
    if (url.hostname.startsWith(`${bucket}.`)) {
        throw new errors/* InputError */.dz('endpoint', `"${endpointText}" includes the bucket name.`, `use https://${url.hostname.slice(bucket.length + 1)} and bucket: ${bucket}.`);
    }
    return url.origin;
}
/** The region as given, else the B2 endpoint's, else the runner's AWS region; it must match a B2 endpoint. */
function readRegion(inputs, env, endpointRegion) {
    const regionText = inputs.optional('region');
    const region = regionText ?? endpointRegion ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
    if (!region)
        throw new errors/* InputError */.dz('region', 'is required but empty.', 'set the bucket region, e.g. us-west-004 for https://s3.us-west-004.backblazeb2.com.');
    if (endpointRegion && region !== endpointRegion) {
        throw new errors/* InputError */.dz('region', `"${region}" does not match the endpoint's region ${endpointRegion}.`, `set region: ${endpointRegion}, or the endpoint of ${region} (https://s3.${region}.backblazeb2.com).`);
    }
    return region;
}
/** Both halves of the key, or neither (the runner's own AWS credentials). */
function readKey(inputs) {
    const accessKeyId = inputs.optional('access-key-id');
    const secretAccessKey = inputs.optional('secret-access-key');
    if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
        throw new errors/* InputError */.dz(accessKeyId ? 'secret-access-key' : 'access-key-id', 'is empty while the other half of the key is set.', "set both access-key-id and secret-access-key (from secrets), or neither to use the runner's AWS credentials.");
    }
    return { accessKeyId, secretAccessKey };
}
function readChecks(inputs) {
    const dateFrom = inputs.enumOf('date-from', ['key', 'last-modified'], 'key');
    const maxAgeMs = inputs.duration('max-age', '26h', { min: 60_000 });
    const timeoutMs = inputs.duration('timeout', '30m', { min: 1000, max: 6 * 3_600_000 });
    const verify = parseVerifyMode(inputs.string('verify', 'latest'));
    const retention = parseRetention(inputs.string('retention', 'daily=30,monthly=12'));
    const shard = parseShard(inputs.optional('shard'));
    if (shard.count > 1 && verify.kind !== 'all') {
        throw new errors/* InputError */.dz('shard', `splits work only with verify: all (verify is ${inputs.string('verify', 'latest')}).`, 'use verify: all with shard, or remove shard.');
    }
    return { dateFrom, maxAgeMs, timeoutMs, verify, retention, shard };
}
function readIssueInputs(inputs, env, shard) {
    const issueOnFailure = inputs.bool('issue-on-failure', false);
    const githubToken = inputs.optional('github-token');
    if (issueOnFailure && !githubToken) {
        throw new errors/* InputError */.dz('github-token', 'is empty but issue-on-failure is true.', 'pass github-token: ${{ github.token }} and give the job permissions: issues: write.');
    }
    if (issueOnFailure && shard.count > 1) {
        // Each shard would open, comment on and close the same issue: a passing shard closes a failing one's.
        throw new errors/* InputError */.dz('issue-on-failure', `cannot be used with shard ${shard.index}/${shard.count}.`, 'verify the shards without it and open the issue from a job that needs the whole matrix, or run verify: all in one job.');
    }
    if (issueOnFailure && !env.GITHUB_REPOSITORY) {
        throw new errors/* InputError */.dz('issue-on-failure', 'needs GITHUB_REPOSITORY, which is not set.', 'run it in GitHub Actions, or set GITHUB_REPOSITORY=owner/name.');
    }
    return { issueOnFailure, githubToken };
}


/***/ }),

/***/ 8571:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   a3: () => (/* binding */ formatDuration)
/* harmony export */ });
/* unused harmony export goDurationMs */
const UNITS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
/**
 * Parses `250ms`, `90s`, `5m`, `1h30m`, `7d` into milliseconds. A bare number is rejected on purpose:
 * `wait-timeout: 5` could mean seconds or minutes, and guessing wrong deploys with the wrong gate.
 * Returns undefined when the text is not a duration.
 */
function parseDuration(text) {
    const trimmed = text.trim().toLowerCase();
    if (!/^(\d+(\.\d+)?\s*(ms|s|m|h|d)\s*)+$/.test(trimmed))
        return undefined;
    let total = 0;
    for (const match of trimmed.matchAll(/(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)/g)) {
        total += Number(match[1]) * UNITS[match[2]];
    }
    return total;
}
function formatDuration(ms) {
    if (!Number.isFinite(ms))
        return String(ms);
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)}s`;
    if (ms < 3_600_000)
        return `${Math.floor(ms / 60_000)}m${Math.round((ms % 60_000) / 1000)}s`;
    return `${Math.floor(ms / 3_600_000)}h${Math.round((ms % 3_600_000) / 60_000)}m`;
}
const GO_UNITS = {
    ns: 1e-6,
    us: 1e-3,
    µs: 1e-3,
    ms: 1,
    s: 1000,
    m: 60_000,
    h: 3_600_000,
};
/**
 * Milliseconds from a Go duration string (`"15s"`, `"1m30s"`, `"500ms"`, `"0"`), as fly.toml and the Machines
 * API write them; undefined when the text is not one. The one parser the client and the simulator share.
 */
function goDurationMs(text) {
    const trimmed = text.trim();
    if (trimmed === '0')
        return 0;
    if (!/^((\d+(\.\d+)?)(ns|us|µs|ms|s|m|h))+$/.test(trimmed))
        return undefined;
    let total = 0;
    for (const match of trimmed.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g))
        total += Number(match[1]) * GO_UNITS[match[2]];
    return total;
}


/***/ }),

/***/ 4296:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   hD: () => (/* binding */ ApiError),
/* harmony export */   qK: () => (/* binding */ isProgrammingError),
/* harmony export */   yo: () => (/* binding */ UserError)
/* harmony export */ });
/* unused harmony export isUserError */
/**
 * Two kinds of failure, reported differently: a UserError is the caller's to fix and reads as one line
 * naming the input, what was wrong and the fix; anything else is ours and keeps its stack for the log.
 */
class UserError extends Error {
    input;
    fix;
    constructor(message, options = {}) {
        super(message, { cause: options.cause });
        this.name = 'UserError';
        this.input = options.input;
        this.fix = options.fix;
    }
    /** The one line a user sees: `input 'rate': "-1" is not a number ≥ 0. Fix: use e.g. 50.` */
    describe() {
        const where = this.input ? `input '${this.input}': ` : '';
        const fix = this.fix ? ` Fix: ${this.fix}` : '';
        return `${where}${this.message}${fix}`;
    }
}
/** An input failed validation. Thrown before any API call, so nothing has been changed. */
class InputError extends UserError {
    constructor(input, problem, fix) {
        super(problem, { input, fix });
        this.name = 'InputError';
    }
}
/** A remote API said no in a way that retrying cannot change (bad token, no such bucket...). */
class ApiError extends Error {
    status;
    body;
    constructor(message, status, body = '') {
        super(message);
        this.name = 'ApiError';
        this.status = status;
        this.body = body;
    }
}
function errorMessage(error) {
    if (error instanceof UserError)
        return error.describe();
    if (error instanceof Error)
        return error.message;
    if (typeof error === 'string')
        return error;
    try {
        return JSON.stringify(error);
    }
    catch {
        return String(error);
    }
}
function isUserError(error) {
    return error instanceof UserError;
}
/**
 * Our own bugs surface as the built-in error types (a TypeError reading a field of undefined...): only
 * those are reported as "failed unexpectedly". Errors raised on purpose (a service's fault, a store
 * error) carry a message written for the user.
 */
function isProgrammingError(error) {
    if (isUserError(error))
        return false;
    return (!(error instanceof Error) ||
        error instanceof TypeError ||
        error instanceof RangeError ||
        error instanceof ReferenceError ||
        error instanceof SyntaxError ||
        error instanceof EvalError ||
        error instanceof URIError ||
        !error.message);
}


/***/ }),

/***/ 9114:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   i_: () => (/* binding */ InputReader)
/* harmony export */ });
/* unused harmony exports parsePercent, MAX_INPUT_LENGTH, MAX_URL_LENGTH, MAX_HEADER_LENGTH, shown, checkLength, checkHeaderValue, parseUrl */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4296);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8571);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8198);



/**
 * Typed readers over one InputSource. Every reader names the input in its error and says what a good
 * value looks like, so a mistake is a one-line fix that fails before any API call.
 */
class InputReader {
    source;
    constructor(source) {
        this.source = source;
    }
    raw(name) {
        const value = this.source(name);
        if (value === undefined)
            return undefined;
        checkLength(name, value, MAX_INPUT_LENGTH);
        const trimmed = value.trim();
        return trimmed === '' ? undefined : trimmed;
    }
    required(name, example) {
        const value = this.raw(name);
        if (value === undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, 'is required but empty.', example ? `set it, e.g. ${name}: ${example}` : `set '${name}'.`);
        }
        return value;
    }
    string(name, fallback) {
        return this.raw(name) ?? fallback;
    }
    optional(name) {
        return this.raw(name);
    }
    bool(name, fallback) {
        const value = this.raw(name);
        if (value === undefined)
            return fallback;
        if (/^(true|yes|on|1)$/i.test(value))
            return true;
        if (/^(false|no|off|0)$/i.test(value))
            return false;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `"${value}" is not a boolean.`, 'use true or false.');
    }
    int(name, fallback, range = {}) {
        const value = this.raw(name);
        if (value === undefined)
            return fallback;
        if (!/^-?\d+$/.test(value))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `"${value}" is not a whole number.`, `use e.g. ${fallback}.`);
        return checkRange(name, Number(value), range);
    }
    number(name, fallback, range = {}) {
        const value = this.raw(name);
        if (value === undefined)
            return fallback;
        const parsed = Number(value);
        if (!Number.isFinite(parsed))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `"${value}" is not a number.`, `use e.g. ${fallback}.`);
        return checkRange(name, parsed, range);
    }
    /** Milliseconds from `90s`, `5m`, `1h30m`. */
    duration(name, fallback, range = {}) {
        const text = this.raw(name) ?? fallback;
        const ms = (0,_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDuration */ .E9)(text);
        if (ms === undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `"${text}" is not a duration.`, 'write a number with a unit: 500ms, 90s, 5m, 1h30m, 7d.');
        }
        if (range.min !== undefined && ms < range.min)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${text} is shorter than the minimum ${range.min}ms.`, 'use a longer duration.');
        if (range.max !== undefined && ms > range.max)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${text} is longer than the maximum ${range.max}ms.`, 'use a shorter duration.');
        return ms;
    }
    /** A fraction from `1%`, `0.5%` or `0.01`. */
    percent(name, fallback) {
        const value = this.raw(name);
        if (value === undefined)
            return fallback;
        const parsed = parsePercent(value);
        if (parsed === undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${shown(value)} is not a percentage from 0% to 100%.`, 'write e.g. 1% or 0.01.');
        return parsed;
    }
    /** Items separated by newlines (or commas when `commas` is set); blank lines and `#` comments dropped. */
    list(name, options = {}) {
        const value = this.source(name) ?? '';
        checkLength(name, value, MAX_INPUT_LENGTH);
        const splitter = options.commas ? /[\n,]/ : /\n/;
        return value
            .split(splitter)
            .map((line) => line.trim())
            .filter((line) => line !== '' && !line.startsWith('#'));
    }
    enumOf(name, allowed, fallback) {
        const value = this.raw(name);
        if (value === undefined)
            return fallback;
        const match = allowed.find((option) => option.toLowerCase() === value.toLowerCase());
        if (!match)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `"${value}" is not one of the accepted values.`, `use one of: ${allowed.join(', ')}.`);
        return match;
    }
    url(name, options = {}) {
        const value = options.required ? this.required(name, 'https://example.fly.dev/health') : this.raw(name);
        if (value === undefined)
            return undefined;
        return parseUrl(name, value, options.protocols, options);
    }
    /** `NAME=VALUE` lines into a map; the value may itself contain `=`. */
    keyValues(name) {
        const result = new Map();
        for (const line of this.list(name)) {
            const eq = line.indexOf('=');
            if (eq <= 0)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `line "${line.slice(0, 40)}" is not NAME=VALUE.`, 'write one NAME=VALUE per line.');
            result.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
        }
        return result;
    }
}
/** A fraction from `1%` or `0.01`; undefined for anything else, including more than 100 %. */
function parsePercent(text) {
    const trimmed = text.trim();
    const pct = /^(\d+(?:\.\d+)?)\s*%$/.exec(trimmed);
    if (pct) {
        const n = Number(pct[1]);
        // A rate above 100 % can never be reached, so a gate on it would pass an endpoint failing every request.
        return n <= 100 ? n / 100 : undefined;
    }
    if (/^\d+(\.\d+)?$/.test(trimmed)) {
        const n = Number(trimmed);
        return n <= 1 ? n : undefined;
    }
    return undefined;
}
/** No input is longer than this; anything longer is a paste gone wrong, refused before it is used. */
const MAX_INPUT_LENGTH = 65_536;
/** Longer URLs are refused by most servers and proxies (8 KiB request line) and are never meant. */
const MAX_URL_LENGTH = 8192;
/** Header values past this are refused by common servers (nginx: 8 KiB per header line). */
const MAX_HEADER_LENGTH = 8192;
/** A value as it may appear in a message: quoted, control characters shown, long ones cut with their length. */
function shown(value, max = 80) {
    const visible = JSON.stringify(value.length > max ? value.slice(0, max) : value);
    return value.length > max ? `${visible.slice(0, -1)}…" (${value.length} characters)` : visible;
}
/** Refuses an absurd length before the value is used anywhere. */
function checkLength(name, value, max, what = 'value') {
    if (value.length > max)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `the ${what} is ${value.length} characters long; at most ${max} is accepted.`, 'check what was pasted into it.');
}
/**
 * A header value that can be sent as it is: no CR, LF or other control characters (they would split or
 * corrupt the request, and every request would fail), and a sane length. Never echoes the value: it may
 * be a credential.
 */
function checkHeaderValue(input, header, value) {
    // Control characters are exactly what this looks for.
    // eslint-disable-next-line no-control-regex
    const bad = /[\x00-\x08\x0a-\x1f\x7f]/.exec(value);
    if (bad) {
        const what = bad[0] === '\r'
            ? 'a carriage return (CR)'
            : bad[0] === '\n'
                ? 'a line feed (LF)'
                : 'a control character';
        throw new InputError(input, `the value of header ${header} contains ${what}, which cannot be sent in HTTP.`, 'remove it (a pasted Windows line ending is the usual cause).');
    }
    checkLength(input, value, MAX_HEADER_LENGTH, `value of header ${header}`);
}
function parseUrl(name, value, protocols = ['http:', 'https:'], rules = {}) {
    checkLength(name, value, rules.maxLength ?? MAX_URL_LENGTH, 'URL');
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${shown(value)} is not a valid URL.`, 'write an absolute URL such as https://voice-bot.fly.dev/health.');
    }
    if (!protocols.includes(url.protocol)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${shown((0,_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .scrub */ ._I)(value))} uses ${url.protocol.replace(':', '')}, not ${protocols.map((p) => p.replace(':', '')).join(' or ')}.`, 'use an http:// or https:// URL.');
    }
    if ((url.username || url.password) && !rules.credentials) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${shown((0,_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .scrub */ ._I)(value))} carries credentials (user:password@), which HTTP clients refuse to send from a URL.`, 'remove them from the URL and send them as a header instead, e.g. "Authorization: Basic <base64 of user:password>".');
    }
    return url;
}
function checkRange(name, value, range) {
    if (range.min !== undefined && value < range.min)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${value} is below the minimum ${range.min}.`, `use a value ≥ ${range.min}.`);
    if (range.max !== undefined && value > range.max)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${value} is above the maximum ${range.max}.`, `use a value ≤ ${range.max}.`);
    return value;
}


/***/ }),

/***/ 8198:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BO: () => (/* binding */ redactUrl),
/* harmony export */   _I: () => (/* binding */ scrub),
/* harmony export */   cl: () => (/* binding */ registerSecret),
/* harmony export */   gW: () => (/* binding */ installLogScrubber)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);

const registered = new Set();
/**
 * Masks a secret in the runner log and remembers it so our own errors, outputs and summaries can be
 * scrubbed too: the runner only redacts its log, not the files we write. Derived forms (the
 * `Bearer …` header, base64) are registered as well because masking is by exact substring.
 */
function registerSecret(value) {
    if (!value || value.length < 4)
        return;
    for (const form of [value, Buffer.from(value).toString('base64'), encodeURIComponent(value)]) {
        if (!registered.has(form)) {
            registered.add(form);
            // `core.setSecret`, written out: this module loads before the toolkit does (core/step.ts).
            process.stdout.write(`::add-mask::${form.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}${node_os__WEBPACK_IMPORTED_MODULE_0__.EOL}`);
        }
    }
}
/** `scheme://user:password@` and `scheme://token@`: the password (or a lone user, often a token) is secret. */
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#@:"'<>]*)(?::([^\s/?#@"'<>]*))?@/gi;
/** Query parameters that carry credentials by name (`?token=`, `&api_key=`, `X-Amz-Signature=`...). */
const SECRET_QUERY = /([?&;](?:[\w.-]*[_.-])?(?:token|key|apikey|secret|password|passwd|pwd|sig|signature|auth|credential|session)=)[^&#\s"'<>]+/gi;
/** An echoed credential header (`authorization: Bearer …`, `"x-api-key":"…"`) in a server's answer. */
const SECRET_HEADER = /((?:proxy-)?authorization|x-api-key|x-auth-token|cookie|set-cookie)(["']?\s*[:=]\s*["']?)(?:(Bearer|token|Basic|FlyV1|Digest)\s+)?[^"'\s,}\]]+/gi;
/**
 * Replaces every registered secret, and anything shaped like a credential even if nobody registered it
 * (URL passwords, token query parameters, echoed auth headers), with `***`.
 */
function scrub(text) {
    let result = text;
    // Longest first, so a secret that contains another is replaced whole.
    for (const secret of [...registered].sort((a, b) => b.length - a.length)) {
        result = result.split(secret).join('***');
    }
    return result
        .replace(URL_CREDENTIALS, (_m, scheme, user, password) => password === undefined ? `${scheme}***@` : `${scheme}${user}:***@`)
        .replace(SECRET_QUERY, '$1***')
        .replace(SECRET_HEADER, (_m, name, sep, scheme) => scheme ? `${name}${sep}${scheme} ***` : `${name}${sep}***`);
}
/** A URL as it may appear in a message: credentials and token-like query values replaced by `***`. */
function redactUrl(url) {
    return scrub(typeof url === 'string' ? url : url.href);
}
let installed = false;
/**
 * Every line the step writes passes through `scrub`, so a message that forgot to scrub (a library's
 * error, a server's echo) still cannot carry a secret into the log, which the `runway` CLI and
 * anything else reading it see unmasked. `::add-mask::` commands pass untouched: they carry the
 * secret to the runner on purpose.
 */
function installLogScrubber() {
    if (installed)
        return;
    installed = true;
    for (const stream of [process.stdout, process.stderr]) {
        const write = stream.write.bind(stream);
        stream.write = ((chunk, ...rest) => {
            if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array))
                return write(chunk, ...rest);
            const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
            const clean = text
                .split('\n')
                .map((line) => (line.startsWith('::add-mask::') ? line : scrub(line)))
                .join('\n');
            return write(clean, ...rest);
        });
    }
}


/***/ }),

/***/ 1757:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   DH: () => (/* binding */ envInputs),
/* harmony export */   sw: () => (/* binding */ checkInputs),
/* harmony export */   vy: () => (/* binding */ failStep)
/* harmony export */ });
/* unused harmony export escapeCommandData */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4296);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(9114);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(8198);
/**
 * The light half of an action step: inputs read straight from the runner's `INPUT_*` variables and a
 * failure reported with the runner's own workflow commands — nothing from the toolkit, so a shell can
 * check every input and stop on a bad one before anything heavy (the toolkit, undici, the AWS SDK)
 * loads. `runAction` (core/action.ts) reports failures through `failStep` too: one way to fail a step.
 */





/** `core.getInput(name)`'s source: INPUT_<NAME>, spaces as underscores, upper case. */
function envInputs(env = process.env) {
    return new _inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .InputReader */ .i_((name) => env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '');
}
/** Workflow-command data escaping, as the toolkit does it (% first, then CR and LF). */
const escapeCommandData = (text) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/**
 * Fails the step the way `core.setFailed` does (exit code 1, an `::error::` annotation) and adds a
 * "stopped" section to the job summary. A user's mistake or a service's failure reads as its own message;
 * a programming error (the built-in error types) says it is ours and keeps the stack for the debug log.
 * Secrets are scrubbed from both.
 */
function failStep(name, error) {
    const message = (0,_secrets_js__WEBPACK_IMPORTED_MODULE_4__/* .scrub */ ._I)((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error));
    // The caller's mistake, or a server that failed, reads as its own message: it says which and what to do.
    const shown = (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isProgrammingError */ .qK)(error) ? `${name} failed unexpectedly: ${message}` : message;
    if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isProgrammingError */ .qK)(error) && error instanceof Error && error.stack)
        process.stdout.write(`::debug::${escapeCommandData((0,_secrets_js__WEBPACK_IMPORTED_MODULE_4__/* .scrub */ ._I)(error.stack))}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`);
    process.exitCode = 1;
    process.stdout.write(`::error::${escapeCommandData(shown)}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`);
    const summary = process.env.GITHUB_STEP_SUMMARY;
    if (!summary)
        return;
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(summary, `### ❌ ${name} stopped\n\n${message.replace(/</g, '&lt;')}\n${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`);
    }
    catch {
        // The summary is a courtesy; the step has already failed with the real message.
    }
}
/**
 * Reads and checks the inputs; on a bad one fails the step and returns undefined, so the shell stops
 * before it imports anything heavy.
 */
function checkInputs(name, read) {
    try {
        return read();
    }
    catch (error) {
        failStep(name, error);
        return undefined;
    }
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 99:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:sqlite");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 6466:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");

/***/ }),

/***/ 7997:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 8877:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:v8");

/***/ }),

/***/ 714:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:vm");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		id: moduleId,
/******/ 		loaded: false,
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Flag the module as loaded
/******/ 	module.loaded = true;
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/node module decorator */
/******/ (() => {
/******/ 	__nccwpck_require__.nmd = (module) => {
/******/ 		module.paths = [];
/******/ 		if (!module.children) module.children = [];
/******/ 		return module;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(671);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
