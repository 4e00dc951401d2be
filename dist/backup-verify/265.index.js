export const id = 265;
export const ids = [265];
export const modules = {

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


/***/ })

};
