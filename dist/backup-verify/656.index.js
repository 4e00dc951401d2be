export const id = 656;
export const ids = [656];
export const modules = {

/***/ 2013:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O1: () => (/* binding */ describeAnswer),
/* harmony export */   Vl: () => (/* binding */ ContractError),
/* harmony export */   qE: () => (/* binding */ isJsonContentType)
/* harmony export */ });
/* unused harmony exports firstBytes, pathId, checkFields, checkEach */
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

/***/ 3656:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  githubClient: () => (/* binding */ githubClient),
  idempotent: () => (/* binding */ idempotent),
  statusOf: () => (/* binding */ statusOf)
});

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 22 modules
var github = __webpack_require__(2413);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(6752);
// EXTERNAL MODULE: ./src/core/contract.ts
var contract = __webpack_require__(2013);
// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __webpack_require__(8571);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/core/retry.ts
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

// EXTERNAL MODULE: ./src/core/secrets.ts
var secrets = __webpack_require__(8198);
;// CONCATENATED MODULE: ./src/github/client.ts







const DEFAULT_TIMEOUT_MS = 20_000;
/** Validates the target before any call and registers the token so it never reaches a log or summary. */
function githubClient(target) {
    if (!target.token) {
        throw new errors/* InputError */.dz('github-token', 'is empty.', 'pass ${{ github.token }} or a token with the needed scopes.');
    }
    (0,secrets/* registerSecret */.cl)(target.token);
    const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(target.repository ?? '');
    if (!match) {
        throw new errors/* InputError */.dz('repository', `"${target.repository}" is not owner/name.`, 'use e.g. coconut-beach/voice-bot.');
    }
    const baseUrl = (target.apiUrl || process.env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
    // getOctokit adds the Actions user agent and proxy support; log: silence octokit's console warnings.
    const timeoutMs = target.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const octokit = (0,github/* getOctokit */.Q)(target.token, {
        baseUrl,
        log: { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } },
        // Our own bounded fetch: the runner's proxy settings still apply (EnvHttpProxyAgent), and a server that
        // never answers, or trickles, ends at the timeout instead of holding the step.
        request: { fetch: boundedFetch(timeoutMs) },
    });
    octokit.hook.wrap('request', (request, options) => checkedRequest(request, options, timeoutMs));
    return { octokit, owner: match[1], repo: match[2], retry: target.retry };
}
/** undici's fetch with connect, first-byte and body-idle timeouts and one deadline for the whole request. */
function boundedFetch(timeoutMs) {
    const dispatcher = new undici/* EnvHttpProxyAgent */.J2({
        connect: { timeout: Math.min(10_000, timeoutMs) },
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
    });
    return ((url, init = {}) => (0,undici/* fetch */.hd)(url, {
        ...init,
        dispatcher,
        signal: init.signal ?? AbortSignal.timeout(timeoutMs),
    }));
}
/**
 * Every GitHub call bounded (one timeout for the whole request) and its answer checked before anyone
 * reads it: a JSON body where one is due, otherwise a ContractError naming GitHub, the URL and the first
 * bytes. Errors leave here scrubbed, so a 500 that echoes the Authorization header cannot leak it.
 */
async function checkedRequest(request, options, timeoutMs = DEFAULT_TIMEOUT_MS) {
    const requestOptions = (options.request ?? {});
    const signal = AbortSignal.timeout(timeoutMs);
    let response;
    try {
        response = await request({ ...options, request: { ...requestOptions, signal } });
    }
    catch (error) {
        if (signal.aborted) {
            throw new errors/* ApiError */.hD((0,secrets/* scrub */._I)(`GitHub API ${String(options.method)} ${String(options.url)} did not answer within ${(0,duration/* formatDuration */.a3)(timeoutMs)}`), 0);
        }
        if (error instanceof Error)
            error.message = (0,secrets/* scrub */._I)(error.message);
        throw error;
    }
    const type = String(response.headers['content-type'] ?? '');
    const empty = response.status === 204 || response.data === undefined || response.data === '';
    if (!empty && !(0,contract/* isJsonContentType */.qE)(type)) {
        const text = typeof response.data === 'string' ? response.data : JSON.stringify(response.data);
        throw new contract/* ContractError */.Vl('GitHub API', response.url, 'a JSON answer', (0,contract/* describeAnswer */.O1)(response.status, type, text), response.status);
    }
    return response;
}
function statusOf(error) {
    const status = error?.status;
    return typeof status === 'number' ? status : undefined;
}
/**
 * Retries a call that is safe to repeat (reads, closing an issue) on 429/5xx with backoff, honouring
 * Retry-After. Creates are not retried: a 502 after GitHub stored the issue would open a duplicate.
 */
function idempotent(client, call) {
    return retry(async () => {
        try {
            return await call();
        }
        catch (error) {
            const status = statusOf(error);
            if (status !== undefined && isRetryableStatus(status)) {
                const header = error.response?.headers?.['retry-after'];
                throw new RetryableError(`GitHub answered ${status}`, parseRetryAfter(header), { cause: error });
            }
            throw error;
        }
    }, { retries: 4, baseMs: 500, maxMs: 8000, ...client.retry }).catch((error) => {
        if (error instanceof RetryableError)
            throw error.cause ?? error;
        throw error;
    });
}


/***/ })

};
