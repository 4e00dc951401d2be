export const id = 417;
export const ids = [417];
export const modules = {

/***/ 2013:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O1: () => (/* binding */ describeAnswer),
/* harmony export */   Qi: () => (/* binding */ checkEach),
/* harmony export */   Vl: () => (/* binding */ ContractError),
/* harmony export */   lH: () => (/* binding */ pathId),
/* harmony export */   oA: () => (/* binding */ checkFields),
/* harmony export */   qE: () => (/* binding */ isJsonContentType)
/* harmony export */ });
/* unused harmony export firstBytes */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8198);


/**
 * An answer that is not what the service promises (HTML where JSON was due, a field missing, a body cut
 * off). Never retried and never acted on: the message names the service, the URL without secrets,
 * what was expected and the first bytes of what came.
 */
class ContractError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD {
    service;
    url;
    expected;
    got;
    constructor(service, url, expected, got, status) {
        super(`${service} at ${(0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrl */ .BO)(url)} did not answer as expected: wanted ${expected}, got ${(0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .scrub */ ._I)(got)}.`, status, (0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .scrub */ ._I)(got));
        this.service = service;
        this.url = url;
        this.expected = expected;
        this.got = got;
        this.name = 'ContractError';
    }
}
/** The first bytes of a body, on one line, for a message: enough to recognise a captive portal or a proxy page. */
function firstBytes(text, max = 120) {
    const flat = text.replace(/\s+/g, ' ').trim();
    if (!flat)
        return 'an empty body';
    return JSON.stringify(flat.length > max ? `${flat.slice(0, max)}…` : flat);
}
/** How a response looked, for ContractError's "got": status, content type and first bytes. */
function describeAnswer(status, contentType, text) {
    return `HTTP ${status} ${contentType || '(no content type)'} ${firstBytes(text)}`;
}
function isJsonContentType(contentType) {
    const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
    return type === 'application/json' || /^application\/[\w.+-]+\+json$/.test(type);
}
/** Ids are at most this long at every service we call (Fly Machine ids are 14, Cloudflare ids 32). */
const MAX_ID_LENGTH = 256;
const URL_SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._~:-]*$/;
/**
 * The one gate for a value going into a URL path: present, a string, URL-safe and of sane length. A
 * request never carries `undefined`, and an id can never be empty (which would address the collection).
 */
function pathId(kind, value) {
    if (typeof value !== 'string' || value === '' || value.length > MAX_ID_LENGTH || !URL_SAFE_ID.test(value)) {
        const shown = typeof value === 'string' ? firstBytes(value, 40) : String(value);
        throw new ContractError('Runway', `(${kind})`, `a non-empty, URL-safe ${kind} to put in the request path`, shown, 0);
    }
    return value;
}
function typeOf(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'array';
    return typeof value;
}
/**
 * Checks that `value` is an object with the given fields of the given types (`?` = may be absent or
 * null); returns the first problem as text, or undefined. Non-empty strings only for required strings.
 */
function checkFields(value, fields, where = 'the body') {
    if (typeOf(value) !== 'object')
        return `${where} to be a JSON object (it is ${typeOf(value)})`;
    const record = value;
    for (const [field, shape] of Object.entries(fields)) {
        const optional = shape.endsWith('?');
        const want = shape.replace('?', '');
        const present = record[field];
        if (present === undefined || present === null) {
            if (optional)
                continue;
            return `${where} to have "${field}" (${want})`;
        }
        if (typeOf(present) !== want)
            return `${where}."${field}" to be ${want} (it is ${typeOf(present)})`;
        if (want === 'string' && !optional && present === '')
            return `${where}."${field}" to be non-empty`;
    }
    return undefined;
}
/** Every element of an array checked with checkFields; the first problem, or undefined. */
function checkEach(value, fields, what) {
    if (!Array.isArray(value))
        return `a JSON array of ${what} (it is ${typeOf(value)})`;
    for (const [i, item] of value.entries()) {
        const problem = checkFields(item, fields, `${what}[${i}]`);
        if (problem)
            return problem;
    }
    return undefined;
}


/***/ }),

/***/ 7253:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L5: () => (/* binding */ retry),
/* harmony export */   PS: () => (/* binding */ isRetryableStatus),
/* harmony export */   dw: () => (/* binding */ RetryableError),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter),
/* harmony export */   v7: () => (/* binding */ DeadlineReachedError),
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
/** Retries stopped because the next wait would pass the deadline; `attempts` were made. */
class DeadlineReachedError extends Error {
    attempts;
    constructor(message, attempts, options) {
        super(message, options);
        this.attempts = attempts;
        this.name = 'DeadlineReachedError';
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
            if (options.deadlineAt !== undefined && Date.now() + delayMs >= options.deadlineAt) {
                throw new DeadlineReachedError(error.message, n + 1, { cause: error });
            }
            options.onRetry?.({ attempt: n + 1, delayMs, error });
            await wait(delayMs);
        }
    }
}


/***/ })

};
