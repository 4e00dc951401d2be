export const id = 631;
export const ids = [631];
export const modules = {

/***/ 6631:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ENVELOPE_FIELDS: () => (/* binding */ ENVELOPE_FIELDS),
/* harmony export */   RECORD_FIELDS: () => (/* binding */ RECORD_FIELDS),
/* harmony export */   ZONE_FIELDS: () => (/* binding */ ZONE_FIELDS),
/* harmony export */   cloudflareProvider: () => (/* binding */ cloudflareProvider),
/* harmony export */   "default": () => (__WEBPACK_DEFAULT_EXPORT__)
/* harmony export */ });
/* harmony import */ var _core_contract_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2013);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _records_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1721);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3601);




const AUTH_CODES = new Set([9106, 9109, 10000, 10001]);
/**
 * Cloudflare API v4. Every answer is the `{success, errors, result}` envelope, and `success` is
 * checked as well as the status. A change is one `dns_records/batch` call, which Cloudflare runs as a
 * single transaction in the order deletes, patches, puts, posts (its edge propagation is per record).
 */
function cloudflareProvider(config) {
    const token = config.apiToken;
    if (!token)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('Cloudflare needs an API token with DNS Write.', {
            input: 'api-token',
            fix: 'pass secrets.CLOUDFLARE_API_TOKEN.',
        });
    return new CloudflareProvider(config, token);
}
class CloudflareProvider {
    config;
    name = 'cloudflare';
    http;
    zoneCache;
    constructor(config, token) {
        this.config = config;
        this.http = (0,_common_js__WEBPACK_IMPORTED_MODULE_3__/* .providerHttp */ .oX)(config, {
            service: 'Cloudflare',
            baseUrl: config.apiUrl ?? 'https://api.cloudflare.com/client/v4',
            headers: { authorization: `Bearer ${token}` },
            retry: { retries: 4, baseMs: 250 },
            describeError,
        });
    }
    async zone() {
        if (this.zoneCache)
            return this.zoneCache;
        const name = (0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .stripDot */ .eq)(this.config.zone);
        const found = await this.call('GET', 'zones', {
            query: { name, per_page: 50 },
            result: (result) => (0,_core_contract_js__WEBPACK_IMPORTED_MODULE_0__/* .checkEach */ .Qi)(result, ZONE_FIELDS, 'zones'),
        });
        const match = found.result.find((z) => (0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .stripDot */ .eq)(z.name) === name);
        if (!match) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`zone ${name} was not found in the Cloudflare account this token can see.`, {
                input: 'zone',
                fix: 'check the spelling, or give the token access to this zone.',
            });
        }
        this.zoneCache = {
            name,
            id: (0,_core_contract_js__WEBPACK_IMPORTED_MODULE_0__/* .pathId */ .lH)('Cloudflare zone id', match.id),
            nameservers: (match.name_servers ?? []).map(_records_js__WEBPACK_IMPORTED_MODULE_2__/* .stripDot */ .eq),
        };
        return this.zoneCache;
    }
    /** Cloudflare keeps one record per value; the cutover's record set is all of one type at the name. */
    async read(name) {
        const records = (await this.list((0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .stripDot */ .eq)(name))).filter((r) => (0,_common_js__WEBPACK_IMPORTED_MODULE_3__/* .isCutoverType */ .ZK)(r.type));
        const sets = [];
        for (const type of _records_js__WEBPACK_IMPORTED_MODULE_2__/* .CUTOVER_TYPES */ .ju) {
            const ofType = records.filter((r) => r.type === type);
            if (!ofType.length)
                continue;
            sets.push({
                name: (0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .stripDot */ .eq)(name),
                type,
                ttl: ofType[0].ttl,
                values: ofType.map((r) => (0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeValue */ .tA)(type, r.content)),
                proxied: ofType.some((r) => r.proxied) || undefined,
                providerData: { ids: ofType.map((r) => r.id), comment: ofType[0].comment ?? undefined },
            });
        }
        return sets;
    }
    async apply(plan) {
        const { id } = await this.zone();
        // Ids are re-read rather than trusted from the plan: a `previous` snapshot from another run names
        // records that no longer exist.
        const existing = await this.list((0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .stripDot */ .eq)(plan.name));
        const body = batchBody(plan, existing);
        await this.call('POST', `zones/${id}/dns_records/batch`, { body, retry: false });
        return { acceptedAt: Date.now(), requests: 2 };
    }
    /** Every record at `name`, all pages. */
    async list(name) {
        const { id } = await this.zone();
        const records = [];
        for (let page = 1;; page++) {
            const envelope = await this.call('GET', `zones/${id}/dns_records`, {
                query: { 'name.exact': name, per_page: 100, page },
                result: (result) => (0,_core_contract_js__WEBPACK_IMPORTED_MODULE_0__/* .checkEach */ .Qi)(result, RECORD_FIELDS, 'dns_records'),
            });
            records.push(...envelope.result);
            if (!envelope.result_info || page >= envelope.result_info.total_pages)
                break;
        }
        return records;
    }
    /** One API call whose envelope says `success: true`; a rejected token is the user's to fix. */
    async call(method, path, options = {}) {
        try {
            const response = await this.http.request(method, path, {
                ...options,
                check: (body) => checkEnvelope(body, options.result),
            });
            return successful(response.body, response.status, method, path);
        }
        catch (error) {
            const status = error.status;
            if (status === 401 || status === 403 || /rejected the api-token/.test(error.message)) {
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(error.message, {
                    input: 'api-token',
                    fix: 'create a token with Zone:DNS:Edit for this zone.',
                });
            }
            throw error;
        }
    }
}
/** Cloudflare can say no with HTTP 200 and success: false; that is a failure like any other. */
function successful(envelope, status, method, path) {
    if (envelope && typeof envelope === 'object' && envelope.success === true)
        return envelope;
    const errors = envelope && typeof envelope === 'object' ? (envelope.errors ?? []) : [];
    const text = errors.map((e) => `${e.message} (${e.code})`).join('; ') || 'no success flag';
    if (errors.some((e) => AUTH_CODES.has(e.code)))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiError */ .hD(`Cloudflare rejected the api-token: ${text}.`, 403);
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiError */ .hD(`Cloudflare answered ${method} ${path} with success: false (HTTP ${status}): ${text}`, status);
}
/** An unsuccessful answer in the user's terms, naming the token when Cloudflare's error codes blame it. */
function describeError(status, body, method, path) {
    const errors = parseErrors(body);
    const text = errors.map((e) => `${e.message} (${e.code})`).join('; ') || body.slice(0, 200);
    if (status === 401 || status === 403 || (status < 500 && errors.some((e) => AUTH_CODES.has(e.code))))
        return `Cloudflare rejected the api-token: ${text}.`;
    return `Cloudflare ${method} ${path} returned ${status}: ${text}`;
}
/**
 * The batch body: every existing record of a touched type is deleted and the new values posted, one
 * record per value (a proxied record's TTL is 1, "automatic"); a record's comment is carried over.
 */
function batchBody(plan, existing) {
    const touched = new Set([
        ...plan.deletes.map((s) => s.type),
        ...plan.upserts.map((u) => u.to.type),
    ]);
    const deletes = existing.filter((r) => touched.has(r.type)).map((r) => ({ id: r.id }));
    const posts = plan.upserts.flatMap(({ to }) => to.values.map((content) => ({
        type: to.type,
        name: to.name,
        content,
        ttl: to.proxied ? 1 : to.ttl,
        proxied: Boolean(to.proxied),
        ...(to.providerData?.comment
            ? { comment: to.providerData.comment }
            : {}),
    })));
    return { deletes, posts };
}
/**
 * The fields a decision reads, as Cloudflare's API schemas describe them (checked against the published
 * schemas in test/sim/cloudflare-contract.test.ts).
 */
const ZONE_FIELDS = { id: 'string', name: 'string', name_servers: 'array?' };
const RECORD_FIELDS = {
    id: 'string',
    name: 'string',
    type: 'string',
    content: 'string',
    ttl: 'number',
    proxied: 'boolean?',
    comment: 'string?',
};
const ENVELOPE_FIELDS = { success: 'boolean', errors: 'array' };
/** Every answer is the `{success, errors, result}` envelope; on success, `result` has what is read. */
function checkEnvelope(body, result) {
    const problem = (0,_core_contract_js__WEBPACK_IMPORTED_MODULE_0__/* .checkFields */ .oA)(body, ENVELOPE_FIELDS, 'the envelope');
    if (problem)
        return problem;
    const envelope = body;
    return envelope.success && result ? result(envelope.result) : undefined;
}
function parseErrors(body) {
    try {
        const parsed = JSON.parse(body);
        return Array.isArray(parsed.errors) ? parsed.errors : [];
    }
    catch {
        return [];
    }
}
/* harmony default export */ const __WEBPACK_DEFAULT_EXPORT__ = (cloudflareProvider);


/***/ })

};
