export const id = 52;
export const ids = [52];
export const modules = {

/***/ 5052:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AS: () => (/* binding */ planChange),
/* harmony export */   Lq: () => (/* binding */ planRows),
/* harmony export */   X5: () => (/* binding */ isNoop),
/* harmony export */   planJson: () => (/* binding */ planJson)
/* harmony export */ });
/* unused harmony export sameRecordSet */
/* harmony import */ var _records_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1721);

/**
 * Diffs the records at a name against what they should be. `desired` lists every rrset the name should
 * hold among A/AAAA/CNAME; a Cloudflare record that was proxied stays proxied (and then has TTL auto),
 * because turning the orange cloud off during a cutover would expose the origin.
 */
function planChange(name, before, desired, options = {}) {
    const proxied = options.keepProxied !== false && before.some((set) => set.proxied);
    const after = desired.map((set) => proxied && set.proxied === undefined ? { ...set, proxied: true, ttl: 1 } : set);
    const deletes = [];
    const upserts = [];
    let recordChanges = 0;
    for (const type of _records_js__WEBPACK_IMPORTED_MODULE_0__/* .CUTOVER_TYPES */ .ju) {
        const from = before.find((set) => set.type === type);
        const to = after.find((set) => set.type === type);
        if (!to) {
            if (from) {
                deletes.push(from);
                recordChanges += from.values.length;
            }
        }
        else if (!from) {
            upserts.push({ to });
            recordChanges += to.values.length;
        }
        else if (!sameRecordSet(from, to)) {
            upserts.push({ from, to });
            const removed = from.values.filter((v) => !to.values.includes(v)).length;
            const added = to.values.filter((v) => !from.values.includes(v)).length;
            recordChanges += removed + added || to.values.length;
        }
    }
    return { name, before, after, deletes, upserts, recordChanges };
}
function sameRecordSet(a, b) {
    return (a.type === b.type &&
        a.ttl === b.ttl &&
        Boolean(a.proxied) === Boolean(b.proxied) &&
        (0,_records_js__WEBPACK_IMPORTED_MODULE_0__/* .sameValues */ .Z)(a.values, b.values));
}
const isNoop = (plan) => plan.deletes.length === 0 && plan.upserts.length === 0;
function planRows(plan) {
    const rows = [];
    for (const type of _records_js__WEBPACK_IMPORTED_MODULE_0__/* .CUTOVER_TYPES */ .ju) {
        const from = plan.before.find((set) => set.type === type);
        const to = plan.after.find((set) => set.type === type);
        if (!from && !to)
            continue;
        const action = !from ? 'create' : !to ? 'delete' : sameRecordSet(from, to) ? 'keep' : 'replace';
        rows.push({
            type,
            before: from ? (0,_records_js__WEBPACK_IMPORTED_MODULE_0__/* .formatRecordSet */ .ZE)(from) : '—',
            after: to ? (0,_records_js__WEBPACK_IMPORTED_MODULE_0__/* .formatRecordSet */ .ZE)(to) : '—',
            action,
        });
    }
    return rows;
}
/** Provider-neutral JSON of the change, for the `plan` output (provider internals left out). */
function planJson(plan) {
    const strip = (set) => ({
        type: set.type,
        ttl: set.ttl,
        values: set.values,
        ...(set.proxied ? { proxied: true } : {}),
    });
    return JSON.stringify({
        name: plan.name,
        recordChanges: plan.recordChanges,
        delete: plan.deletes.map(strip),
        upsert: plan.upserts.map((u) => ({ from: u.from ? strip(u.from) : null, to: strip(u.to) })),
    });
}


/***/ })

};
