export const id = 64;
export const ids = [64];
export const modules = {

/***/ 7064:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PDNS_RRSET_FIELDS: () => (/* binding */ PDNS_RRSET_FIELDS),
/* harmony export */   PDNS_ZONE_FIELDS: () => (/* binding */ PDNS_ZONE_FIELDS),
/* harmony export */   "default": () => (__WEBPACK_DEFAULT_EXPORT__),
/* harmony export */   powerdnsProvider: () => (/* binding */ powerdnsProvider)
/* harmony export */ });
/* harmony import */ var _core_contract_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2013);
/* harmony import */ var _core_http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1983);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
/* harmony import */ var _records_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1721);




/**
 * PowerDNS Authoritative HTTP API (`/api/v1/servers/localhost`, `X-API-Key`). A change is one PATCH
 * of the zone, which PowerDNS applies atomically: DELETE of the old type and REPLACE of the new go in
 * the same body, which is the only way to switch a name between A and CNAME.
 */
function powerdnsProvider(config) {
    if (!config.apiUrl)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo('PowerDNS needs the API address.', {
            input: 'api-url',
            fix: 'set api-url, e.g. http://127.0.0.1:8081.',
        });
    const base = config.apiUrl.replace(/\/+$/, '');
    const server = /\/api\/v1\/servers\/[^/]+$/.test(base) ? base : `${base}/api/v1/servers/localhost`;
    const zoneId = (0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .withDot */ .sx)(config.zone);
    const http = new _core_http_js__WEBPACK_IMPORTED_MODULE_1__/* .HttpClient */ .Qq({
        service: 'PowerDNS',
        baseUrl: server,
        headers: { 'x-api-key': config.apiToken ?? '' },
        dispatcher: config.dispatcher,
        onCall: config.onCall,
        retry: { retries: 3, baseMs: 200 },
        timeouts: { firstByteMs: 15_000, bodyIdleMs: 15_000, totalMs: 30_000 },
        deadline: config.deadline,
        describeError: (status, body, method, path) => {
            if (status === 401 || status === 403)
                return `PowerDNS rejected the api-token (${status} ${body.trim().slice(0, 60)}).`;
            if (status === 404 && path.includes('/zones/'))
                return `zone ${(0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .stripDot */ .eq)(config.zone)} was not found on the PowerDNS server.`;
            let detail = body.trim();
            try {
                detail = JSON.parse(body).error ?? detail;
            }
            catch {
                // PowerDNS answers some errors in plain text.
            }
            return `PowerDNS ${method} ${path} returned ${status}: ${detail.slice(0, 300)}`;
        },
    });
    const zonePath = `zones/${encodeURIComponent((0,_core_contract_js__WEBPACK_IMPORTED_MODULE_0__/* .pathId */ .lH)('zone', zoneId))}`;
    const userTerms = (error) => {
        const status = error.status;
        if (status === 401 || status === 403)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(error.message, {
                input: 'api-token',
                fix: 'use the PowerDNS api-key of this server.',
            });
        if (status === 404)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(error.message, {
                input: 'zone',
                fix: 'create the zone first or check its spelling.',
            });
        throw error;
    };
    const getZone = async () => {
        const response = await http
            .request('GET', zonePath, { check: checkZone })
            .catch(userTerms);
        return response.body;
    };
    return {
        name: 'powerdns',
        async zone() {
            const zone = await getZone();
            const ns = zone.rrsets.find((r) => r.type === 'NS' && (0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .stripDot */ .eq)(r.name) === (0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .stripDot */ .eq)(zoneId));
            return {
                name: (0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .stripDot */ .eq)(zone.name),
                id: zone.name,
                nameservers: (ns?.records ?? []).map((r) => (0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .stripDot */ .eq)(r.content)),
            };
        },
        async read(name) {
            const zone = await getZone();
            return zone.rrsets
                .filter((r) => (0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .stripDot */ .eq)(r.name) === (0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .stripDot */ .eq)(name) && _records_js__WEBPACK_IMPORTED_MODULE_3__/* .CUTOVER_TYPES */ .ju.includes(r.type))
                .map((r) => ({
                name: (0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .stripDot */ .eq)(name),
                type: r.type,
                ttl: r.ttl,
                values: r.records
                    .filter((rec) => !rec.disabled)
                    .map((rec) => (0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .normalizeValue */ .tA)(r.type, rec.content)),
            }))
                .filter((set) => set.values.length > 0);
        },
        async apply(plan) {
            const content = (set, v) => (set.type === 'CNAME' ? (0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .withDot */ .sx)(v) : v);
            const rrsets = [
                ...plan.deletes.map((set) => ({ name: (0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .withDot */ .sx)(set.name), type: set.type, changetype: 'DELETE' })),
                ...plan.upserts.map(({ to }) => ({
                    name: (0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .withDot */ .sx)(to.name),
                    type: to.type,
                    ttl: to.ttl,
                    changetype: 'REPLACE',
                    records: to.values.map((v) => ({ content: content(to, v), disabled: false })),
                })),
            ];
            await http.request('PATCH', zonePath, { body: { rrsets } }).catch(userTerms);
            return { acceptedAt: Date.now(), requests: 1 };
        },
    };
}
/** What the cutover reads from a zone, as the PowerDNS API's Zone and RRSet objects define them. */
const PDNS_ZONE_FIELDS = { name: 'string', rrsets: 'array' };
const PDNS_RRSET_FIELDS = { name: 'string', type: 'string', ttl: 'number', records: 'array' };
function checkZone(body) {
    return ((0,_core_contract_js__WEBPACK_IMPORTED_MODULE_0__/* .checkFields */ .oA)(body, PDNS_ZONE_FIELDS, 'the zone') ??
        (0,_core_contract_js__WEBPACK_IMPORTED_MODULE_0__/* .checkEach */ .Qi)(body.rrsets, PDNS_RRSET_FIELDS, 'rrsets'));
}
/* harmony default export */ const __WEBPACK_DEFAULT_EXPORT__ = (powerdnsProvider);


/***/ })

};
