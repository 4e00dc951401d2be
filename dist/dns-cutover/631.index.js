export const id = 631;
export const ids = [631];
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

/***/ 6631:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cloudflareProvider: () => (/* binding */ cloudflareProvider),
/* harmony export */   "default": () => (__WEBPACK_DEFAULT_EXPORT__)
/* harmony export */ });
/* harmony import */ var _core_http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1983);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _records_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1721);



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
    const http = new _core_http_js__WEBPACK_IMPORTED_MODULE_0__/* .HttpClient */ .Q({
        baseUrl: config.apiUrl ?? 'https://api.cloudflare.com/client/v4',
        headers: { authorization: `Bearer ${token}` },
        dispatcher: config.dispatcher,
        onCall: config.onCall,
        retry: { retries: 4, baseMs: 250 },
        timeoutMs: 20_000,
        describeError: (status, body, method, path) => {
            const errors = parseErrors(body);
            const text = errors.map((e) => `${e.message} (${e.code})`).join('; ') || body.slice(0, 200);
            if (status === 401 || status === 403 || (status < 500 && errors.some((e) => AUTH_CODES.has(e.code))))
                return `Cloudflare rejected the api-token: ${text}.`;
            return `Cloudflare ${method} ${path} returned ${status}: ${text}`;
        },
    });
    let zoneCache;
    async function call(method, path, options = {}) {
        try {
            const response = await http.request(method, path, options);
            const envelope = response.body;
            if (!envelope || typeof envelope !== 'object' || envelope.success !== true) {
                // Cloudflare can say no with HTTP 200 and success: false; that is a failure like any other.
                const errors = envelope && typeof envelope === 'object' ? (envelope.errors ?? []) : [];
                const text = errors.map((e) => `${e.message} (${e.code})`).join('; ') || 'no success flag';
                if (errors.some((e) => AUTH_CODES.has(e.code)))
                    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiError */ .hD(`Cloudflare rejected the api-token: ${text}.`, 403);
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiError */ .hD(`Cloudflare answered ${method} ${path} with success: false (HTTP ${response.status}): ${text}`, response.status);
            }
            return envelope;
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
    async function zone() {
        if (zoneCache)
            return zoneCache;
        const name = (0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .stripDot */ .eq)(config.zone);
        const found = await call('GET', 'zones', {
            query: { name, per_page: 50 },
        });
        const match = found.result.find((z) => (0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .stripDot */ .eq)(z.name) === name);
        if (!match) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`zone ${name} was not found in the Cloudflare account this token can see.`, {
                input: 'zone',
                fix: 'check the spelling, or give the token access to this zone.',
            });
        }
        zoneCache = { name, id: match.id, nameservers: (match.name_servers ?? []).map(_records_js__WEBPACK_IMPORTED_MODULE_2__/* .stripDot */ .eq) };
        return zoneCache;
    }
    async function list(name) {
        const { id } = await zone();
        const records = [];
        for (let page = 1;; page++) {
            const envelope = await call('GET', `zones/${id}/dns_records`, {
                query: { 'name.exact': name, per_page: 100, page },
            });
            records.push(...envelope.result);
            if (!envelope.result_info || page >= envelope.result_info.total_pages)
                break;
        }
        return records;
    }
    return {
        name: 'cloudflare',
        zone,
        async read(name) {
            const records = (await list((0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .stripDot */ .eq)(name))).filter((r) => _records_js__WEBPACK_IMPORTED_MODULE_2__/* .CUTOVER_TYPES */ .ju.includes(r.type));
            const sets = [];
            for (const type of _records_js__WEBPACK_IMPORTED_MODULE_2__/* .CUTOVER_TYPES */ .ju) {
                const ofType = records.filter((r) => r.type === type);
                if (!ofType.length)
                    continue;
                sets.push({
                    name: (0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .stripDot */ .eq)(name),
                    type: type,
                    ttl: ofType[0].ttl,
                    values: ofType.map((r) => (0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeValue */ .tA)(type, r.content)),
                    proxied: ofType.some((r) => r.proxied) || undefined,
                    providerData: { ids: ofType.map((r) => r.id), comment: ofType[0].comment ?? undefined },
                });
            }
            return sets;
        },
        async apply(plan) {
            const { id } = await zone();
            // Ids are re-read rather than trusted from the plan: a `previous` snapshot from another run names
            // records that no longer exist.
            const existing = await list((0,_records_js__WEBPACK_IMPORTED_MODULE_2__/* .stripDot */ .eq)(plan.name));
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
            await call('POST', `zones/${id}/dns_records/batch`, { body: { deletes, posts }, retry: false });
            return { acceptedAt: Date.now(), requests: 2 };
        },
    };
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
