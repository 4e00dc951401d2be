export const id = 64;
export const ids = [64];
export const modules = {

/***/ 1983:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ HttpClient)
/* harmony export */ });
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6752);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7253);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8198);




const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
/** A small JSON client over undici shared by the Fly, Cloudflare and PowerDNS clients. */
class HttpClient {
    options;
    constructor(options) {
        this.options = options;
    }
    async request(method, path, options = {}) {
        const url = new URL(path.replace(/^\//, ''), this.options.baseUrl.endsWith('/') ? this.options.baseUrl : `${this.options.baseUrl}/`);
        for (const [key, value] of Object.entries(options.query ?? {})) {
            if (value !== undefined)
                url.searchParams.set(key, String(value));
        }
        const shouldRetry = options.retry ?? IDEMPOTENT.has(method.toUpperCase());
        const headers = {
            accept: 'application/json',
            ...this.options.headers,
            ...options.headers,
        };
        let payload;
        if (options.body !== undefined) {
            payload = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
            headers['content-type'] ??= 'application/json';
        }
        return (0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .retry */ .L5)(async (attempt) => {
            const started = Date.now();
            let response;
            try {
                response = await (0,undici__WEBPACK_IMPORTED_MODULE_0__.request)(url, {
                    method: method.toUpperCase(),
                    headers,
                    body: payload,
                    dispatcher: this.options.dispatcher,
                    headersTimeout: options.timeoutMs ?? this.options.timeoutMs ?? 60_000,
                    bodyTimeout: options.timeoutMs ?? this.options.timeoutMs ?? 60_000,
                });
            }
            catch (error) {
                this.options.onCall?.({ method, path, status: 0, ms: Date.now() - started, attempt });
                const message = `${method} ${url.pathname} failed: ${(0,_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .scrub */ ._I)(error instanceof Error ? error.message : String(error))}`;
                if (shouldRetry)
                    throw new _retry_js__WEBPACK_IMPORTED_MODULE_2__/* .RetryableError */ .dw(message, undefined, { cause: error });
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiError */ .hD(message, 0);
            }
            const text = await response.body.text();
            this.options.onCall?.({ method, path, status: response.statusCode, ms: Date.now() - started, attempt });
            const status = response.statusCode;
            if ((status >= 200 && status < 300) || options.accept?.includes(status)) {
                let body = text;
                if (text && String(response.headers['content-type'] ?? '').includes('json')) {
                    try {
                        body = JSON.parse(text);
                    }
                    catch {
                        body = text;
                    }
                }
                return { status, headers: response.headers, body: body };
            }
            const described = this.options.describeError?.(status, text, method, url.pathname) ??
                `${method} ${url.pathname} returned ${status}: ${text.slice(0, 300)}`;
            if (shouldRetry && (0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .isRetryableStatus */ .PS)(status)) {
                throw new _retry_js__WEBPACK_IMPORTED_MODULE_2__/* .RetryableError */ .dw((0,_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .scrub */ ._I)(described), (0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .parseRetryAfter */ .mu)(response.headers['retry-after']));
            }
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiError */ .hD((0,_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .scrub */ ._I)(described), status, (0,_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .scrub */ ._I)(text));
        }, this.options.retry).catch((error) => {
            if (error instanceof _retry_js__WEBPACK_IMPORTED_MODULE_2__/* .RetryableError */ .dw) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiError */ .hD(`${error.message} (gave up after retries)`, 0);
            }
            throw error;
        });
    }
}


/***/ }),

/***/ 7253:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L5: () => (/* binding */ retry),
/* harmony export */   PS: () => (/* binding */ isRetryableStatus),
/* harmony export */   dw: () => (/* binding */ RetryableError),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter),
/* harmony export */   yy: () => (/* binding */ sleep)
/* harmony export */ });
/* unused harmony export backoffDelay */
/** Statuses worth another try: the request timed out, we were rate limited, or the server failed. */
function isRetryableStatus(status) {
    return status === 408 || status === 429 || (status >= 500 && status <= 599);
}
/** `Retry-After` is either delta-seconds or an HTTP date; returns milliseconds to wait, or undefined. */
function parseRetryAfter(value, now = Date.now()) {
    const text = Array.isArray(value) ? value[0] : value;
    if (!text)
        return undefined;
    if (/^\d+(\.\d+)?$/.test(text.trim()))
        return Math.round(Number(text.trim()) * 1000);
    const date = Date.parse(text);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - now);
}
/** Thrown by an attempt to ask for another try; `retryAfterMs` overrides the backoff when the server said. */
class RetryableError extends Error {
    retryAfterMs;
    constructor(message, retryAfterMs, options) {
        super(message, options);
        this.name = 'RetryableError';
        this.retryAfterMs = retryAfterMs;
    }
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** Exponential backoff with full jitter (AWS architecture blog): delay = random(0, min(max, base·2^n)). */
function backoffDelay(attempt, baseMs, maxMs, random = Math.random) {
    const ceiling = Math.min(maxMs, baseMs * 2 ** attempt);
    return Math.round(random() * ceiling);
}
/**
 * Runs `attempt` until it returns, throws something that is not a RetryableError, or runs out of
 * retries. Only RetryableError is retried, so a 401 or a validation error fails on the first try.
 */
async function retry(attempt, options = {}) {
    const retries = options.retries ?? 5;
    const baseMs = options.baseMs ?? 250;
    const maxMs = options.maxMs ?? 10_000;
    const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
    const wait = options.sleep ?? sleep;
    for (let n = 0;; n++) {
        try {
            return await attempt(n);
        }
        catch (error) {
            if (!(error instanceof RetryableError) || n >= retries)
                throw error;
            const delayMs = error.retryAfterMs !== undefined
                ? Math.min(error.retryAfterMs, maxRetryAfterMs)
                : backoffDelay(n, baseMs, maxMs, options.random);
            options.onRetry?.({ attempt: n + 1, delayMs, error });
            await wait(delayMs);
        }
    }
}


/***/ }),

/***/ 7064:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   "default": () => (__WEBPACK_DEFAULT_EXPORT__),
/* harmony export */   powerdnsProvider: () => (/* binding */ powerdnsProvider)
/* harmony export */ });
/* harmony import */ var _core_http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1983);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _records_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1721);



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
    const base = config.apiUrl.replace(/\/+$/, '');
    const server = /\/api\/v1\/servers\/[^/]+$/.test(base) ? base : `${base}/api/v1/servers/localhost`;
    const zoneId = (0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .withDot */ .sx)(config.zone);
    const http = new _core_http_js__WEBPACK_IMPORTED_MODULE_0__/* .HttpClient */ .Q({
        baseUrl: server,
        headers: { 'x-api-key': config.apiToken ?? '' },
        dispatcher: config.dispatcher,
        onCall: config.onCall,
        retry: { retries: 3, baseMs: 200 },
        timeoutMs: 15_000,
        describeError: (status, body, method, path) => {
            if (status === 401 || status === 403)
                return `PowerDNS rejected the api-token (${status} ${body.trim().slice(0, 60)}).`;
            if (status === 404 && path.includes('/zones/'))
                return `zone ${(0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .stripDot */ .eq)(config.zone)} was not found on the PowerDNS server.`;
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
    const zonePath = `zones/${encodeURIComponent(zoneId)}`;
    const userTerms = (error) => {
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
    };
    const getZone = async () => {
        const response = await http
            .request('GET', zonePath)
            .catch(userTerms);
        return response.body;
    };
    return {
        name: 'powerdns',
        async zone() {
            const zone = await getZone();
            const ns = zone.rrsets.find((r) => r.type === 'NS' && (0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .stripDot */ .eq)(r.name) === (0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .stripDot */ .eq)(zoneId));
            return {
                name: (0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .stripDot */ .eq)(zone.name),
                id: zone.name,
                nameservers: (ns?.records ?? []).map((r) => (0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .stripDot */ .eq)(r.content)),
            };
        },
        async read(name) {
            const zone = await getZone();
            return zone.rrsets
                .filter((r) => (0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .stripDot */ .eq)(r.name) === (0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .stripDot */ .eq)(name) && _records_js__WEBPACK_IMPORTED_MODULE_2__/* .CUTOVER_TYPES */ .ju.includes(r.type))
                .map((r) => ({
                name: (0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .stripDot */ .eq)(name),
                type: r.type,
                ttl: r.ttl,
                values: r.records
                    .filter((rec) => !rec.disabled)
                    .map((rec) => (0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeValue */ .tA)(r.type, rec.content)),
            }))
                .filter((set) => set.values.length > 0);
        },
        async apply(plan) {
            const content = (set, v) => (set.type === 'CNAME' ? (0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .withDot */ .sx)(v) : v);
            const rrsets = [
                ...plan.deletes.map((set) => ({ name: (0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .withDot */ .sx)(set.name), type: set.type, changetype: 'DELETE' })),
                ...plan.upserts.map(({ to }) => ({
                    name: (0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .withDot */ .sx)(to.name),
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
/* harmony default export */ const __WEBPACK_DEFAULT_EXPORT__ = (powerdnsProvider);


/***/ })

};
