export const id = 294;
export const ids = [294];
export const modules = {

/***/ 9294:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   probeOutputs: () => (/* binding */ probeOutputs),
/* harmony export */   writeProbeReport: () => (/* binding */ writeProbeReport)
/* harmony export */ });
/* unused harmony export targetOutputs */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_secrets_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8198);
/* harmony import */ var _judge_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4353);




/** Each target's figures and verdict, keyed by its name: the `targets` output (JSON). */
function targetOutputs(report, verdicts) {
    return Object.fromEntries(report.targets.map((t) => {
        const name = t.name ?? t.url;
        const own = verdicts.filter((v) => v.target === name);
        return [
            name,
            {
                url: t.url,
                passed: (0,_judge_js__WEBPACK_IMPORTED_MODULE_3__.gatePassed)(own),
                'p50-ms': t.latency.p50,
                'p95-ms': t.latency.p95,
                'p99-ms': t.latency.p99,
                'mean-ms': t.latency.mean,
                'max-ms': t.latency.max,
                'error-rate': Number(t.errorRate.toFixed(6)),
                requests: t.requests,
                breached: own.filter((v) => v.outcome === 'breach').map((v) => v.threshold),
                inconclusive: own.filter((v) => v.outcome === 'inconclusive').map((v) => v.threshold),
            },
        ];
    }));
}
/** The action's outputs: the first target's figures, every target's in `targets` (the report has all). */
function probeOutputs(report, verdicts, reportPath) {
    const first = report.targets[0];
    return {
        'p50-ms': first.latency.p50,
        'p90-ms': first.latency.p90,
        'p95-ms': first.latency.p95,
        'p99-ms': first.latency.p99,
        'max-ms': first.latency.max,
        'mean-ms': first.latency.mean,
        'error-rate': Number(first.errorRate.toFixed(6)),
        requests: first.requests,
        passed: String((0,_judge_js__WEBPACK_IMPORTED_MODULE_3__.gatePassed)(verdicts)),
        targets: JSON.stringify(targetOutputs(report, verdicts)),
        report: reportPath,
    };
}
/** Writes the JSON report (every figure, phases, histogram, verdicts), scrubbed of registered secrets. */
function writeProbeReport(path, report, verdicts) {
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path), { recursive: true });
    const json = JSON.stringify({ ...report, passed: (0,_judge_js__WEBPACK_IMPORTED_MODULE_3__.gatePassed)(verdicts), verdicts }, (_key, value) => (typeof value === 'number' && !Number.isFinite(value) ? String(value) : value), 2);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(path, (0,_core_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .scrub */ ._I)(json));
}


/***/ })

};
