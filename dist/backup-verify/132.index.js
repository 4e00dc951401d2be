export const id = 132;
export const ids = [132];
export const modules = {

/***/ 7132:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   joinShardReports: () => (/* binding */ joinShardReports),
/* harmony export */   readShardReports: () => (/* binding */ readShardReports)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);



/**
 * Joins the reports of a `shard: i/n` matrix into one, as if one job had verified everything: each
 * backup's entry from the shard that read it, every failure and warning once, the series audit
 * (every shard audits every series from the same listing) from the first shard. A shard whose report
 * is missing fails the join: its backups were not verified.
 */
function joinShardReports(reports) {
    if (reports.length === 0)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo('no shard reports were found.', {
            input: 'shard-reports',
            fix: 'download every shard job’s backup-verify-report.json into the folder (actions/download-artifact) before the join.',
        });
    const count = Number(reports[0].shard.split('/')[1]);
    const present = new Set(reports.map((r) => r.shard));
    const missing = Array.from({ length: count }, (_, i) => `${i + 1}/${count}`).filter((s) => !present.has(s));
    const backups = mergeEntries(reports);
    const failures = unique([
        ...missing.map((s) => `shard ${s}: no report (the job failed before writing it, or its artifact is missing); its backups were not verified`),
        ...reports.flatMap((r) => r.failures),
    ]);
    const verdicts = (v) => backups.filter((b) => b.verdict === v).length;
    const first = reports[0];
    const bytes = reports.reduce((n, r) => n + (r.throughput?.bytes ?? 0), 0);
    const ms = Math.max(0, ...reports.map((r) => r.throughput?.ms ?? 0));
    return {
        ...first,
        passed: failures.length === 0,
        shard: `joined ${reports.length} of ${count}`,
        counts: {
            ...first.counts,
            selected: reports.reduce((n, r) => n + r.counts.selected, 0),
            verified: verdicts('ok'),
            failed: verdicts('failed'),
            unverifiable: verdicts('unverifiable'),
        },
        backups,
        failures,
        warnings: unique(reports.flatMap((r) => r.warnings)),
        throughput: bytes > 0
            ? { bytes, ms, mbPerSecond: Math.round((bytes / 1e6 / Math.max(0.001, ms / 1000)) * 10) / 10 }
            : undefined,
    };
}
/** Each backup once: the entry of the shard that read it, else the not-verified one. */
function mergeEntries(reports) {
    const byKey = new Map();
    for (const report of reports)
        for (const entry of report.backups) {
            const seen = byKey.get(entry.key);
            if (!seen || (seen.verdict === 'not-verified' && entry.verdict !== 'not-verified'))
                byKey.set(entry.key, entry);
        }
    return reports[0].backups.map((b) => byKey.get(b.key));
}
const unique = (items) => [...new Set(items)];
/** Every `*.json` report under `dir` (download-artifact puts each artifact in a folder of its own). */
function readShardReports(dir) {
    const files = [];
    const walk = (d) => {
        for (const name of (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(d)) {
            const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(d, name);
            if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path).isDirectory())
                walk(path);
            else if (name.endsWith('.json'))
                files.push(path);
        }
    };
    try {
        walk(dir);
    }
    catch (error) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`cannot read the shard reports folder ${dir}: ${error.message}`, {
            input: 'shard-reports',
            fix: 'give the folder the shard artifacts were downloaded into.',
        });
    }
    return files.map((file) => {
        let report;
        try {
            report = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8'));
        }
        catch {
            report = {};
        }
        if (!Array.isArray(report.backups) || !/^\d+\/\d+$/.test(String(report.shard)))
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${file} is not a shard's backup-verify report.`, {
                input: 'shard-reports',
                fix: 'download only the backup-verify-report.json artifacts of the shard jobs into the folder.',
            });
        return report;
    });
}


/***/ })

};
