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
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _records_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1721);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3601);




/**
 * PowerDNS Authoritative HTTP API (`/api/v1/servers/localhost`, `X-API-Key`). A change is one PATCH
 * of the zone, which PowerDNS applies atomically: DELETE of the old type and REPLACE of the new go in
 * the same body, which is the only way to switch a name between A and CNAME.
 */
function powerdnsProvider(config) {
    if (!config.apiUrl)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('PowerDNS needs the API address.', {
            input: 'api-url',
            fix: 'set api-url, e.g. http://127.0.0.1:8081.',
        });
    return new PowerDnsProvider(config, config.apiUrl);
}
class PowerDnsProvider {
    name = 'powerdns';
    http;
    /** The zone as PowerDNS names it, absolute: `inn.test.`. */
    zoneId;
    zonePath;
    constructor(config, apiUrl) {
        const base = apiUrl.replace(/\/+$/, '');
        this.http = (0,_common_js__WEBPACK_IMPORTED_MODULE_3__/* .providerHttp */ .oX)(config, {
            service: 'PowerDNS',
            baseUrl: /\/api\/v1\/servers\/[^/]+$/.test(base) ? base : `${base}/api/v1/servers/localhost`,
            headers: { 'x-api-key': config.apiToken ?? '' },
            retry: { retries: 3, baseMs: 200 },
            describeError: (status, body, method, path) => describeError(config.zone, status, body, method, path),
        });
        this.zoneId = (0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .withDot */ .sx)(config.zone);
        this.zonePath = `zones/${encodeURIComponent((0,_core_contract_js__WEBPACK_IMPORTED_MODULE_0__/* .pathId */ .lH)('zone', this.zoneId))}`;
    }
    /** The nameservers are the zone's own NS rrset at its apex. */
    async zone() {
        const zone = await this.getZone();
        const ns = zone.rrsets.find((r) => r.type === 'NS' && (0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .stripDot */ .eq)(r.name) === (0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .stripDot */ .eq)(this.zoneId));
        return {
            name: (0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .stripDot */ .eq)(zone.name),
            id: zone.name,
            nameservers: (ns?.records ?? []).map((r) => (0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .stripDot */ .eq)(r.content)),
        };
    }
    /** The rrsets at `name`; disabled records are not served, so they do not count. */
    async read(name) {
        const zone = await this.getZone();
        return zone.rrsets
            .filter((r) => (0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .stripDot */ .eq)(r.name) === (0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .stripDot */ .eq)(name) && (0,_common_js__WEBPACK_IMPORTED_MODULE_3__/* .isCutoverType */ .ZK)(r.type))
            .map((r) => ({
            name: (0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .stripDot */ .eq)(name),
            type: r.type,
            ttl: r.ttl,
            values: r.records
                .filter((rec) => !rec.disabled)
                .map((rec) => (0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeValue */ .tA)(r.type, rec.content)),
        }))
            .filter((set) => set.values.length > 0);
    }
    async apply(plan) {
        const rrsets = [
            ...plan.deletes.map((set) => ({ name: (0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .withDot */ .sx)(set.name), type: set.type, changetype: 'DELETE' })),
            ...plan.upserts.map(({ to }) => ({
                name: (0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .withDot */ .sx)(to.name),
                type: to.type,
                ttl: to.ttl,
                changetype: 'REPLACE',
                records: to.values.map((v) => ({ content: (0,_common_js__WEBPACK_IMPORTED_MODULE_3__/* .wireValue */ .nv)(to, v), disabled: false })),
            })),
        ];
        await this.http.request('PATCH', this.zonePath, { body: { rrsets } }).catch(inUserTerms);
        return { acceptedAt: Date.now(), requests: 1 };
    }
    async getZone() {
        const response = await this.http
            .request('GET', this.zonePath, { check: checkZone })
            .catch(inUserTerms);
        return response.body;
    }
}
/** An unsuccessful answer in the user's terms; PowerDNS puts its reason in `error`, or answers in plain text. */
function describeError(zone, status, body, method, path) {
    if (status === 401 || status === 403)
        return `PowerDNS rejected the api-token (${status} ${body.trim().slice(0, 60)}).`;
    if (status === 404 && path.includes('/zones/'))
        return `zone ${(0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .stripDot */ .eq)(zone)} was not found on the PowerDNS server.`;
    let detail = body.trim();
    try {
        detail = JSON.parse(body).error ?? detail;
    }
    catch {
        // PowerDNS answers some errors in plain text.
    }
    return `PowerDNS ${method} ${path} returned ${status}: ${detail.slice(0, 300)}`;
}
/** A rejected key or a missing zone is the user's to fix, named by the input that holds it. */
function inUserTerms(error) {
    const status = error.status;
    if (status === 401 || status === 403)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(error.message, {
            input: 'api-token',
            fix: 'use the PowerDNS api-key of this server.',
        });
    if (status === 404)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(error.message, {
            input: 'zone',
            fix: 'create the zone first or check its spelling.',
        });
    throw error;
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
