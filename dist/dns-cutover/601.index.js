export const id = 601;
export const ids = [601];
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


/***/ }),

/***/ 3601:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ZK: () => (/* binding */ isCutoverType),
  oX: () => (/* binding */ providerHttp),
  nv: () => (/* binding */ wireValue)
});

// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(6752);
// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __webpack_require__(8571);
// EXTERNAL MODULE: ./src/core/contract.ts
var core_contract = __webpack_require__(2013);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/retry.ts
var retry = __webpack_require__(7253);
// EXTERNAL MODULE: ./src/core/secrets.ts
var secrets = __webpack_require__(8198);
;// CONCATENATED MODULE: ./src/core/http.ts






const DEFAULT_TIMEOUTS = {
    connectMs: 10_000,
    firstByteMs: 30_000,
    bodyIdleMs: 15_000,
    totalMs: 60_000,
};
/** Larger answers are refused rather than buffered: no JSON document we read comes near this. */
const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;
const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
/** Errors raised before the request left: retrying cannot apply anything twice. */
const NOT_SENT = new Set([
    'ECONNREFUSED',
    'UND_ERR_CONNECT_TIMEOUT',
    'EAI_AGAIN',
    'ENETUNREACH',
    'EHOSTUNREACH',
]);
/** Thrown inside an attempt for an answer that must not be retried (it goes straight to the caller). */
class FinalAnswer extends Error {
    failure;
    constructor(failure) {
        super(failure.message);
        this.failure = failure;
    }
}
class TimedOut extends Error {
    phase;
    ms;
    constructor(phase, ms) {
        super(`${phase} after ${(0,duration/* formatDuration */.a3)(ms)}`);
        this.phase = phase;
        this.ms = ms;
    }
}
/**
 * The one HTTP client (and the one retry layer) for every JSON API Runway calls: bounded waits, a
 * body-size cap, no redirects followed, every 2xx answer checked to be JSON (and to carry the fields
 * the caller needs) before it is returned, retries classified once here and stopped at the deadline.
 */
class HttpClient {
    options;
    service;
    timeouts;
    dispatcher;
    /** Whether this server has ever answered: one that never did is not waited for twice. */
    answered = false;
    /**
     * Requests not yet finished (insertion order is sending order) and the ones that timed out unanswered:
     * a deadline message names the first of them, not whichever call happened to fail last.
     */
    outstanding = new Set();
    hung = [];
    constructor(options) {
        this.options = options;
        this.service = options.service ?? new URL(options.baseUrl).host;
        this.timeouts = {
            ...DEFAULT_TIMEOUTS,
            ...(options.timeoutMs ? { firstByteMs: options.timeoutMs, bodyIdleMs: options.timeoutMs } : {}),
            ...options.timeouts,
        };
        // Redirects are not followed (undici's default): an API that redirects is answered with an error.
        this.dispatcher =
            options.dispatcher ??
                new undici/* Agent */.g6({ connect: { timeout: this.timeouts.connectMs }, keepAliveTimeout: 4000 });
    }
    url(path, query = {}) {
        const base = this.options.baseUrl.endsWith('/') ? this.options.baseUrl : `${this.options.baseUrl}/`;
        const url = new URL(path.replace(/^\//, ''), base);
        for (const [key, value] of Object.entries(query)) {
            if (value !== undefined)
                url.searchParams.set(key, String(value));
        }
        return url;
    }
    async request(method, path, options = {}) {
        const verb = method.toUpperCase();
        const url = this.url(path, options.query);
        const idempotent = options.retry ?? IDEMPOTENT.has(verb);
        const { headers, payload } = this.prepare(options);
        const deadline = this.options.deadline;
        const self = { where: `${verb} ${(0,secrets/* redactUrl */.BO)(url)}`, since: Date.now() };
        this.outstanding.add(self);
        let attempts = 0;
        const failure = (status, text, body, message) => ({
            service: this.service,
            method: verb,
            path,
            url: (0,secrets/* redactUrl */.BO)(url),
            status,
            text: (0,secrets/* scrub */._I)(text),
            body,
            message: (0,secrets/* scrub */._I)(message),
        });
        try {
            return await (0,retry/* retry */.L5)(async (attempt) => {
                if (deadline?.expired()) {
                    const late = `${this.service} ${self.where} was not sent: ${deadline.label} had passed`;
                    throw new FinalAnswer(failure(0, '', undefined, this.withFirstUnanswered(self, late)));
                }
                await options.pace?.();
                attempts = attempt + 1;
                const outcome = await this.attempt(verb, url, path, headers, payload, options, attempt, self);
                if ('response' in outcome)
                    return outcome.response;
                const { verdict, status, text, body, message, retryAfterMs } = outcome;
                const next = verdict === 'ambiguous'
                    ? await this.afterAmbiguous(idempotent, options, verb, path, message)
                    : verdict;
                if (typeof next === 'object')
                    return next;
                if (next === 'retry')
                    throw new retry/* RetryableError */.dw(message, retryAfterMs);
                throw new FinalAnswer(failure(status, text, body, message));
            }, this.retryOptions(verb, path));
        }
        catch (error) {
            if (error instanceof FinalAnswer)
                throw this.toError(error.failure);
            if (!(error instanceof retry/* RetryableError */.dw || error instanceof retry/* DeadlineReachedError */.v7))
                throw error;
            const why = error instanceof retry/* DeadlineReachedError */.v7 ? `stopped at ${deadline?.label ?? 'the deadline'}` : 'gave up';
            const own = `${error.message} (${why} after ${attempts} attempt${attempts === 1 ? '' : 's'})`;
            const message = error instanceof retry/* DeadlineReachedError */.v7 ? this.withFirstUnanswered(self, own) : own;
            throw this.toError(failure(0, error.message, undefined, message));
        }
        finally {
            this.outstanding.delete(self);
        }
    }
    /**
     * A message about a call the deadline stopped, led by the first request that went unanswered when that
     * was another one: the server stopped answering there, and the later calls only ran into the deadline.
     */
    withFirstUnanswered(self, message) {
        const first = [...this.hung, ...this.outstanding]
            .filter((r) => r.where !== self.where && r.since <= self.since)
            .sort((a, b) => a.since - b.since)[0];
        if (!first)
            return message;
        const what = first.message ??
            `${this.service} ${first.where} had no answer after ${(0,duration/* formatDuration */.a3)(Date.now() - first.since)}`;
        return `${what} (the first request that went unanswered); then ${message}`;
    }
    /** Headers (ours, the client's, the call's) and the JSON payload. */
    prepare(options) {
        const headers = {
            accept: 'application/json',
            ...this.options.headers,
            ...options.headers,
        };
        if (options.body === undefined)
            return { headers };
        headers['content-type'] ??= 'application/json';
        return {
            headers,
            payload: typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
        };
    }
    /** The caller's backoff, stopped at the deadline, with every retry told to whoever listens. */
    retryOptions(method, path) {
        return {
            ...this.options.retry,
            deadlineAt: this.options.deadline?.at,
            onRetry: (info) => {
                const message = info.error.message;
                this.options.onRetry?.({ method, path, attempt: info.attempt, delayMs: info.delayMs, message });
                this.options.retry?.onRetry?.(info);
            },
        };
    }
    toError(failure) {
        return this.options.toError?.(failure) ?? new errors/* ApiError */.hD(failure.message, failure.status, failure.text);
    }
    /** 408/5xx or a lost answer: resend only what is safe to resend, or what the caller found did not happen. */
    async afterAmbiguous(idempotent, options, method, path, message) {
        if (idempotent)
            return 'retry';
        if (!options.reconcile)
            return 'final';
        const found = await options.reconcile();
        if (found) {
            this.options.onRetry?.({
                method,
                path,
                attempt: 0,
                delayMs: 0,
                message: `${message}, but it had taken effect (found by listing)`,
            });
            return found;
        }
        return 'retry';
    }
    /** One attempt: the response if it is usable, else what went wrong and how it is classified. */
    async attempt(method, url, path, headers, payload, options, attempt, self) {
        const t = {
            ...this.timeouts,
            ...(options.timeoutMs ? { firstByteMs: options.timeoutMs } : {}),
            ...options.timeouts,
        };
        const clamp = (ms) => this.options.deadline?.clamp(ms) ?? ms;
        const where = `${this.service} ${method} ${(0,secrets/* redactUrl */.BO)(url)}`;
        const started = Date.now();
        const controller = new AbortController();
        const totalMs = clamp(Math.max(t.totalMs, t.firstByteMs));
        // The waits as applied (clamped to the deadline), so a timeout message says how long it really waited.
        const bounds = { ...t, firstByteMs: clamp(t.firstByteMs), bodyIdleMs: clamp(t.bodyIdleMs) };
        const timer = setTimeout(() => controller.abort(new TimedOut('the whole request took too long', totalMs)), totalMs);
        const record = (status) => this.options.onCall?.({ method, path, status, ms: Date.now() - started, attempt });
        let status = 0;
        let contentType;
        let text;
        let responseHeaders;
        try {
            const response = await (0,undici.request)(url, {
                method: method,
                headers,
                body: payload,
                dispatcher: this.dispatcher,
                headersTimeout: bounds.firstByteMs,
                bodyTimeout: bounds.bodyIdleMs,
                signal: controller.signal,
            });
            status = response.statusCode;
            responseHeaders = response.headers;
            contentType = String(response.headers['content-type'] ?? '') || undefined;
            text = await readLimited(response.body, this.options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, this.service, url, status, contentType);
        }
        catch (error) {
            record(status);
            if (error instanceof core_contract/* ContractError */.Vl)
                throw error;
            // No complete answer came: status 0 (the message says how far it got).
            const judged = this.classifyNetworkError(error, controller, bounds, where, status);
            if (judged.timedOut && self && !this.hung.some((h) => h.where === self.where))
                this.hung.push({ ...self, message: judged.message });
            return {
                verdict: judged.verdict,
                message: judged.message,
                status: 0,
                text: '',
                body: undefined,
            };
        }
        finally {
            clearTimeout(timer);
        }
        record(status);
        this.answered = true;
        return this.judge(method, url, status, contentType, text, responseHeaders, options);
    }
    /** Status, content type and fields: the answer is returned only if the caller can act on it. */
    judge(method, url, status, contentType, text, headers, options) {
        const success = status >= 200 && status < 300;
        const usable = success || options.accept?.includes(status);
        const contract = (expected) => new core_contract/* ContractError */.Vl(this.service, url.href, expected, (0,core_contract/* describeAnswer */.O1)(status, contentType, text), status);
        let body = undefined;
        if (text.trim()) {
            if ((0,core_contract/* isJsonContentType */.qE)(contentType)) {
                try {
                    body = JSON.parse(text);
                }
                catch {
                    if (success)
                        throw contract('a complete JSON document (it does not parse: truncated or not JSON)');
                    body = text;
                }
            }
            else {
                if (success)
                    throw contract('a JSON answer (content-type application/json)');
                body = text;
            }
        }
        if (usable) {
            const problem = options.check?.(body, status);
            if (problem)
                throw contract(problem);
            return { response: { status, headers, body } };
        }
        const described = this.options.describeError?.(status, text, method, url.pathname) ??
            `${this.service} ${method} ${(0,secrets/* redactUrl */.BO)(url)} returned ${status}${status >= 300 && status < 400 ? ` (a redirect${headers.location ? ` to ${(0,secrets/* redactUrl */.BO)(String(headers.location))}` : ''}; redirects are not followed)` : ''}: ${(0,core_contract/* describeAnswer */.O1)(status, contentType, text)}`;
        const message = (0,secrets/* scrub */._I)(described);
        const retryAfterMs = (0,retry/* parseRetryAfter */.mu)(headers['retry-after']);
        if (status === 429)
            return { verdict: 'retry', status, text, body, message, retryAfterMs };
        if ((0,retry/* isRetryableStatus */.PS)(status))
            return { verdict: 'ambiguous', status, text, body, message, retryAfterMs };
        if (options.retryWhen?.(status, body))
            return { verdict: 'retry', status, text, body, message };
        return { verdict: 'final', status, text, body, message };
    }
    /**
     * A request that got no answer. Not sent (refused, no connection): retry. Sent but unanswered: as
     * ambiguous as a 5xx, except that a server which has never answered this client is not waited for again.
     */
    classifyNetworkError(error, controller, t, where, status) {
        const code = error.code ?? '';
        const reason = controller.signal.aborted ? controller.signal.reason : undefined;
        let why;
        if (reason instanceof TimedOut)
            why = `stopped answering: ${reason.message}`;
        else if (code === 'UND_ERR_HEADERS_TIMEOUT')
            why = `did not answer (no response headers within ${(0,duration/* formatDuration */.a3)(t.firstByteMs)})`;
        else if (code === 'UND_ERR_BODY_TIMEOUT')
            why = `stopped sending its answer mid-body (silent for ${(0,duration/* formatDuration */.a3)(t.bodyIdleMs)})`;
        else if (code === 'UND_ERR_CONNECT_TIMEOUT')
            why = `could not be reached (no connection within ${(0,duration/* formatDuration */.a3)(t.connectMs)})`;
        else
            why = `failed: ${error instanceof Error ? error.message : String(error)}${code ? ` (${code})` : ''}`;
        const message = (0,secrets/* scrub */._I)(`${where} ${why}${status ? ` after HTTP ${status}` : ''}`);
        const timedOut = reason instanceof TimedOut || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT';
        if (NOT_SENT.has(code))
            return { verdict: 'retry', message, timedOut: false };
        if (timedOut && !this.answered)
            return { verdict: 'final', message, timedOut };
        return { verdict: 'ambiguous', message, timedOut };
    }
}
/** The body as text, refusing to buffer more than `max` bytes. */
async function readLimited(body, max, service, url, status, contentType) {
    const chunks = [];
    let size = 0;
    for await (const chunk of body) {
        size += chunk.length;
        if (size > max) {
            body.destroy();
            const head = Buffer.concat(chunks).toString('utf8', 0, 200);
            throw new core_contract/* ContractError */.Vl(service, url.href, `an answer under ${Math.round(max / 1024)} KiB`, `more than that (${(0,core_contract/* describeAnswer */.O1)(status, contentType, head)})`, status);
        }
        chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
}

// EXTERNAL MODULE: ./src/dns/records.ts
var records = __webpack_require__(1721);
;// CONCATENATED MODULE: ./src/dns/providers/common.ts


/** Whether a record type is one the cutover moves (A, AAAA, CNAME); every other type at the name is left alone. */
function isCutoverType(type) {
    return records/* CUTOVER_TYPES */.ju.includes(type);
}
/** A value as zone-file APIs want it: a CNAME's target is absolute, with its trailing dot. */
function wireValue(set, value) {
    return set.type === 'CNAME' ? (0,records/* withDot */.sx)(value) : value;
}
/**
 * The HTTP client of a provider that speaks HTTP: the run's dispatcher, call observer and deadline, and the
 * same bounded waits for every provider (a DNS API that stops answering costs at most 30 s an attempt).
 */
function providerHttp(config, own) {
    return new HttpClient({
        ...own,
        dispatcher: config.dispatcher,
        onCall: config.onCall,
        timeouts: { firstByteMs: 15_000, bodyIdleMs: 15_000, totalMs: 30_000 },
        deadline: config.deadline,
    });
}


/***/ })

};
