export const id = 70;
export const ids = [70,417];
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

/***/ 3285:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ke: () => (/* binding */ FlyApi),
  E4: () => (/* binding */ versionOf)
});

// UNUSED EXPORTS: NONCE_HEADER, apiBase, authorizationHeader, errorBody

// EXTERNAL MODULE: ./src/core/contract.ts
var core_contract = __webpack_require__(2013);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(6752);
// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __webpack_require__(8571);
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
            const response = await (0,undici/* request */.Em)(url, {
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

// EXTERNAL MODULE: ./src/fly/errors.ts
var fly_errors = __webpack_require__(5074);
;// CONCATENATED MODULE: ./src/fly/contract.ts

/**
 * What fly-deploy needs from each Machines API answer before it acts on it, by operation. Every field
 * named here is declared with this type in the vendored OpenAPI description
 * (test/fixtures/fly/machines-openapi.json); test/fly/contract.test.ts holds the two together. A field
 * is required here when a decision reads it: a Machine without an id cannot be leased, updated or
 * destroyed, and one without a state cannot be judged.
 */
const MACHINE_FIELDS = {
    id: 'string',
    state: 'string',
    config: 'object?',
    instance_id: 'string?',
    region: 'string?',
    name: 'string?',
};
const WAIT_FIELDS = { ok: 'boolean?', state: 'string?' };
const EVENT_FIELDS = { type: 'string?', status: 'string?', timestamp: 'number?' };
const SECRETS_FIELDS = { version: 'number?' };
/** Operation (as the spec writes its path) → the schema its 200 answer uses and the fields checked. */
const FLY_CONTRACT = [
    {
        method: 'get',
        path: '/apps/{app_name}/machines',
        schema: 'Machine',
        array: true,
        fields: MACHINE_FIELDS,
    },
    {
        method: 'post',
        path: '/apps/{app_name}/machines',
        schema: 'Machine',
        array: false,
        fields: MACHINE_FIELDS,
    },
    {
        method: 'get',
        path: '/apps/{app_name}/machines/{machine_id}',
        schema: 'Machine',
        array: false,
        fields: MACHINE_FIELDS,
    },
    {
        method: 'post',
        path: '/apps/{app_name}/machines/{machine_id}',
        schema: 'Machine',
        array: false,
        fields: MACHINE_FIELDS,
    },
    {
        method: 'get',
        path: '/apps/{app_name}/machines/{machine_id}/wait',
        schema: 'WaitMachineResponse',
        array: false,
        fields: WAIT_FIELDS,
    },
    {
        method: 'get',
        path: '/apps/{app_name}/machines/{machine_id}/events',
        schema: 'MachineEvent',
        array: true,
        fields: EVENT_FIELDS,
    },
];
const checkMachine = (body) => (0,core_contract/* checkFields */.oA)(body, MACHINE_FIELDS, 'a Machine');
const checkMachines = (body) => (0,core_contract/* checkEach */.Qi)(body, MACHINE_FIELDS, 'Machines');
/** 200 is `{ok, state}`; 400/408 carry Fly's `{error}` text, which the caller reads. */
const checkWait = (body, status) => status === 200 && body !== undefined ? (0,core_contract/* checkFields */.oA)(body, WAIT_FIELDS, 'the wait answer') : undefined;
const checkEvents = (body, status) => status === 200 ? (0,core_contract/* checkEach */.Qi)(body, EVENT_FIELDS, 'Machine events') : undefined;
/** A 404 from `find` has Fly's `{error}` body; only a 200 must be a Machine. */
const checkFoundMachine = (body, status) => status === 200 ? checkMachine(body) : undefined;

;// CONCATENATED MODULE: ./src/fly/rate-limit.ts

/**
 * A token bucket per published Machines API limit (1 request/s per action, bursting to 3; creates count
 * per app). Pacing ourselves keeps a 16-Machine blue-green from turning into a storm of 429s that would
 * exhaust the retry budget; the server's 429 + Retry-After remains the backstop.
 */
class TokenBucket {
    perSecond;
    burst;
    tokens;
    last = Date.now();
    queue = Promise.resolve();
    constructor(perSecond, burst) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = burst;
    }
    take() {
        const turn = this.queue.then(async () => {
            for (;;) {
                const now = Date.now();
                this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
                this.last = now;
                if (this.tokens >= 1) {
                    this.tokens -= 1;
                    return;
                }
                await (0,retry/* sleep */.yy)(Math.ceil(((1 - this.tokens) / this.perSecond) * 1000));
            }
        });
        this.queue = turn.catch(() => undefined);
        return turn;
    }
}

;// CONCATENATED MODULE: ./src/fly/client.ts








const NONCE_HEADER = 'fly-machine-lease-nonce';
/**
 * The Authorization header flyctl would send: macaroons (`fm1r_`, `fm1a_`, `fm2_`) as `FlyV1`, anything
 * else as `Bearer`; a value the user pasted with its scheme is sent unchanged (fly-go `tokens.Parse`).
 */
function authorizationHeader(token) {
    const trimmed = token.trim();
    if (/^(FlyV1|Bearer) /.test(trimmed))
        return trimmed;
    if (/^fm[12][ra]?_/.test(trimmed))
        return `FlyV1 ${trimmed}`;
    return `Bearer ${trimmed}`;
}
/** `https://api.machines.dev` → `https://api.machines.dev/v1/` (paths in the spec carry no `/v1`). */
function apiBase(apiUrl) {
    const url = new URL(apiUrl);
    const path = url.pathname.replace(/\/+$/, '');
    url.pathname = /\/v1$/.test(path) ? `${path}/` : `${path}/v1/`;
    return url.href;
}
/** The Machines API for one app, with flyctl's rules: nonce on every mutation, 408/429/5xx retried. */
class FlyApi {
    http;
    app;
    retryOptions;
    log;
    /** Creates are limited per app: 1/s, bursting to 3 (docs: Machines API rate limits). */
    // Paced a little under 1/s so timer skew against the server's bucket does not cost a 429 round trip.
    createBucket = new TokenBucket(0.95, 3);
    /** Whether any change (a non-GET call) has been accepted by the API through this client. */
    sentChange = false;
    constructor(options) {
        (0,secrets/* registerSecret */.cl)(options.token);
        const auth = authorizationHeader(options.token);
        (0,secrets/* registerSecret */.cl)(auth);
        this.app = options.app;
        this.log = options.log ?? (() => { });
        this.retryOptions = { retries: 6, baseMs: 250, maxMs: 8000, maxRetryAfterMs: 60_000, ...options.retry };
        this.http = new HttpClient({
            service: 'Fly Machines API',
            baseUrl: apiBase(options.apiUrl),
            headers: { authorization: auth, 'user-agent': options.userAgent ?? 'runway-fly-deploy' },
            onCall: options.onCall,
            // The API answers ordinary calls in a second or two; only /wait long-polls (given their own) take longer.
            timeouts: { connectMs: 10_000, firstByteMs: 15_000, bodyIdleMs: 10_000, totalMs: 25_000 },
            deadline: options.deadline,
            retry: this.retryOptions,
            toError: FlyApi.toError,
            onRetry: (info) => this.log(info.attempt === 0
                ? `${info.method} ${info.path}: ${info.message}`
                : `retrying ${info.method} /${info.path} in ${info.delayMs}ms (attempt ${info.attempt}): ${info.message}`),
        });
    }
    /** The app's Machines collection: only list and create address it. */
    collectionPath() {
        return `apps/${encodeURIComponent((0,core_contract/* pathId */.lH)('app name', this.app))}/machines`;
    }
    /** One Machine (or a sub-resource of it); an empty or unsafe id is refused, never sent. */
    machinePath(id, rest = '') {
        return `${this.collectionPath()}/${encodeURIComponent((0,core_contract/* pathId */.lH)('Machine id', id))}${rest}`;
    }
    /**
     * One API call through the shared client (its one retry layer), with Fly's rules: 408/429/5xx retried,
     * 409 "concurrent update" and 412 while a Machine settles retried when asked, a non-idempotent call
     * reconciled before it is resent. Returns the 2xx (or accepted) response or throws FlyApiError.
     */
    async send(method, path, options = {}) {
        const idempotent = options.idempotent ?? true;
        try {
            const response = await this.http.request(method, path, {
                query: options.query,
                body: options.body,
                headers: options.nonce ? { [NONCE_HEADER]: options.nonce } : {},
                retry: idempotent,
                accept: options.accept,
                reconcile: idempotent ? undefined : options.reconcile,
                pace: options.pace,
                check: options.check,
                timeouts: options.timeoutMs
                    ? { firstByteMs: options.timeoutMs, totalMs: options.timeoutMs + 5000 }
                    : undefined,
                retryWhen: (status, body) => {
                    const { flyError } = errorBody(body);
                    if (status === 409)
                        return Boolean(options.retryConflict) && /concurrent update|settle/i.test(flyError);
                    return status === 412 && Boolean(options.retryPrecondition);
                },
            });
            if (method !== 'GET')
                this.sentChange = true;
            return response;
        }
        catch (error) {
            throw this.untouched(this.translate(error));
        }
    }
    /** A final failure as FlyApiError, with Fly's own `error` text when the body carries one. */
    static toError(failure) {
        const fly = failure.body && typeof failure.body === 'object';
        // Only a JSON body is Fly's own answer; anything else (a proxy's page, a redirect) keeps the generic message.
        if (failure.status === 0 || !fly)
            return new fly_errors/* FlyApiError */.mo(failure.message, failure.status, failure.text);
        const { flyError, flyStatus } = errorBody(failure.body);
        return new fly_errors/* FlyApiError */.mo(`Fly API ${failure.method} /${failure.path} returned ${failure.status}: ${flyError || '(no message)'}`, failure.status, flyError, flyStatus);
    }
    /**
     * A failure before any change was accepted says so: the reader of "Fly Machines API did not answer"
     * must know whether the app was touched.
     */
    untouched(error) {
        if (!this.sentChange && error instanceof errors/* ApiError */.hD && !(error instanceof errors/* UserError */.yo))
            error.message = `${error.message.replace(/\.?$/, '.')} Nothing was changed on Fly: no change had been accepted yet.`;
        return error;
    }
    /** Errors the user can act on become UserErrors; the rest stay FlyApiErrors. */
    translate(error) {
        if (!(error instanceof fly_errors/* FlyApiError */.mo))
            return error;
        if (error.status === 401 || error.status === 403) {
            if (error.status === 403 && (0,fly_errors/* isCapacityError */.PL)(error))
                return error;
            return new errors/* UserError */.yo(`the Fly API rejected the token for app ${this.app} (${error.status}: ${error.flyError || 'unauthorized'}).`, {
                input: 'api-token',
                fix: `use a deploy token for this app (\`fly tokens create deploy -a ${this.app}\`) and copy the whole "FlyV1 …" string into the secret.`,
            });
        }
        return error;
    }
    // --- Machines -------------------------------------------------------------------------------------
    async list(query = {}) {
        try {
            const response = await this.send('GET', this.collectionPath(), {
                query,
                check: checkMachines,
            });
            return response.body;
        }
        catch (error) {
            if (error instanceof fly_errors/* FlyApiError */.mo && error.status === 404) {
                throw new errors/* UserError */.yo(`Fly app "${this.app}" was not found (${error.flyError || '404'}).`, {
                    input: 'app',
                    fix: `check the app name (or \`app\` in fly.toml), or create it first with \`fly apps create ${this.app}\`.`,
                });
            }
            throw error;
        }
    }
    async get(id) {
        return (await this.send('GET', this.machinePath(id), { check: checkMachine })).body;
    }
    /** GET that answers undefined for a Machine that no longer exists. */
    async find(id) {
        const response = await this.send('GET', this.machinePath(id), {
            accept: [404],
            check: checkFoundMachine,
        });
        return response.status === 404 ? undefined : response.body;
    }
    /**
     * Create is not idempotent: a 408 or 5xx may still have made the Machine ("silent success"), so before
     * every retry the app is listed and a Machine carrying this create's launch id is taken as the result.
     */
    async create(body, launch) {
        try {
            const response = await this.send('POST', this.collectionPath(), {
                body,
                check: checkMachine,
                pace: () => this.createBucket.take(),
                idempotent: false,
                reconcile: async () => {
                    const found = (await this.list()).find((m) => m.config?.metadata?.[launch.key] === launch.id && m.state !== 'destroyed');
                    return found ? { status: 200, headers: {}, body: found } : undefined;
                },
            });
            return response.body;
        }
        catch (error) {
            if ((0,fly_errors/* isCapacityError */.PL)(error))
                throw new fly_errors/* CapacityError */.hG(body.region ?? 'the region', error.flyError);
            throw error;
        }
    }
    async update(id, body, nonce, region) {
        try {
            const response = await this.send('POST', this.machinePath(id), {
                body,
                check: checkMachine,
                nonce,
                idempotent: false,
                retryConflict: true,
                // An update that landed shows as the Machine running a new version with our image.
                reconcile: async () => {
                    const machine = await this.find(id);
                    const landed = machine &&
                        machine.config?.image === body.config.image &&
                        versionOf(machine) !== body.current_version;
                    return landed ? { status: 200, headers: {}, body: machine } : undefined;
                },
            });
            return response.body;
        }
        catch (error) {
            if ((0,fly_errors/* isCapacityError */.PL)(error))
                throw new fly_errors/* CapacityError */.hG(region, error.flyError);
            throw error;
        }
    }
    async start(id, nonce) {
        await this.send('POST', this.machinePath(id, '/start'), { nonce, retryPrecondition: true });
    }
    async stop(id, nonce, options = {}) {
        await this.send('POST', this.machinePath(id, '/stop'), { nonce, body: options });
    }
    /** Destroy with kill (flyctl's `kill=true`; the spec's `force=true` too). A 404 means already gone. */
    async destroy(id, nonce) {
        await this.send('DELETE', this.machinePath(id), {
            nonce,
            query: { kill: true, force: true },
            accept: [404],
        });
    }
    async cordon(id, nonce) {
        await this.send('POST', this.machinePath(id, '/cordon'), { nonce });
    }
    async uncordon(id, nonce) {
        await this.send('POST', this.machinePath(id, '/uncordon'), { nonce });
    }
    async setMetadata(id, key, value, nonce) {
        await this.send('POST', this.machinePath(id, `/metadata/${encodeURIComponent(key)}`), {
            nonce,
            body: { value },
        });
    }
    async deleteMetadata(id, key, nonce) {
        await this.send('DELETE', this.machinePath(id, `/metadata/${encodeURIComponent(key)}`), {
            nonce,
            accept: [404],
        });
    }
    async events(id) {
        const response = await this.send('GET', this.machinePath(id, '/events'), {
            query: { limit: 50 },
            accept: [404],
            check: checkEvents,
        });
        return response.status === 404 ? [] : response.body;
    }
    /**
     * The `/wait` long poll, in chunks of at most 60 s (the server's cap) until `timeoutMs` runs out.
     * A 408 is the server's "not yet"; the loop continues until our own deadline.
     */
    async wait(id, state, options) {
        const deadline = Date.now() + options.timeoutMs;
        let lastState;
        let missingSince;
        for (;;) {
            const left = deadline - Date.now();
            if (left <= 0)
                return { ok: false, timedOut: true, state: lastState };
            const seconds = Math.max(1, Math.min(options.sliceSeconds ?? 60, 60, Math.ceil(left / 1000)));
            const response = await this.send('GET', this.machinePath(id, '/wait'), {
                query: { state, timeout: seconds, version: options.version },
                accept: [400, 404, 408],
                timeoutMs: seconds * 1000 + 15_000,
                check: checkWait,
            });
            if (response.status === 200)
                return { ok: true, state: response.body?.state ?? state };
            if (response.status === 404) {
                if (options.missingOk)
                    return { ok: false, missing: true };
                // A Machine made a moment ago can be briefly invisible; flyctl retries 404 while it is new.
                missingSince ??= Date.now();
                if (Date.now() - missingSince > 10_000)
                    return { ok: false, missing: true };
                await (0,retry/* sleep */.yy)(250);
                continue;
            }
            const text = errorBody(response.body).flyError;
            const current = /currently (\w+)/.exec(text)?.[1];
            if (current)
                lastState = current;
            // A replaced version never reaches another state (Fly reverted or superseded it): waiting out
            // the rest of the timeout would only delay the rollback.
            if (options.version && current === 'replaced' && state !== 'replaced')
                return { ok: false, state: current };
            if (response.status === 400)
                throw new fly_errors/* FlyApiError */.mo(`Fly API GET /wait for ${id} (state ${state}) returned 400: ${text}`, 400, text);
            if (Date.now() >= deadline)
                return { ok: false, timedOut: true, state: lastState };
        }
    }
    // --- Leases ---------------------------------------------------------------------------------------
    async acquireLease(id, ttlSeconds, description) {
        let response;
        try {
            response = await this.send('POST', this.machinePath(id, '/lease'), {
                query: { ttl: ttlSeconds },
                body: { ttl: ttlSeconds, description },
            });
        }
        catch (error) {
            if (error instanceof fly_errors/* FlyApiError */.mo &&
                (error.status === 409 || /lease currently held/i.test(error.flyError))) {
                throw new fly_errors/* LeaseHeldError */._i(id, (0,fly_errors/* leaseHolder */.Fp)(error.flyError) ?? 'someone else', this.app);
            }
            throw error;
        }
        return leaseData(response.body, id);
    }
    async refreshLease(id, nonce, ttlSeconds) {
        const response = await this.send('POST', this.machinePath(id, '/lease'), {
            nonce,
            query: { ttl: ttlSeconds },
            body: { ttl: ttlSeconds },
        });
        const lease = leaseData(response.body, id);
        if (lease.nonce !== nonce)
            throw new Error(`lease on ${id} changed hands during the deploy (nonce ${lease.nonce} ≠ ours)`);
        return lease;
    }
    /** The lease held on a Machine right now (with its nonce, as `fly machine leases clear` reads it), if any. */
    async findLease(id) {
        const response = await this.send('GET', this.machinePath(id, '/lease'), {
            accept: [404],
        });
        return response.status === 404 ? undefined : leaseData(response.body, id);
    }
    async releaseLease(id, nonce) {
        await this.send('DELETE', this.machinePath(id, '/lease'), { nonce, accept: [404] });
    }
    // --- App ------------------------------------------------------------------------------------------
    /** Sets secrets; returns the secrets version to pin on creates and updates as `min_secrets_version`. */
    async setSecrets(values) {
        const response = await this.send('POST', `apps/${encodeURIComponent(this.app)}/secrets`, {
            body: { values },
        });
        return response.body?.version ?? response.body?.Version;
    }
}
function leaseData(body, id) {
    // The docs' envelope {status, data}; the spec's flat Lease is accepted too.
    if (body?.data?.nonce)
        return body.data;
    if (body?.nonce)
        return body;
    throw new Error(`lease on Machine ${id} was not granted (response: ${JSON.stringify(body).slice(0, 200)})`);
}
function errorBody(body) {
    if (body && typeof body === 'object') {
        const b = body;
        const text = typeof b.error === 'string'
            ? b.error
            : typeof b.message === 'string'
                ? b.message
                : JSON.stringify(body);
        return { flyError: text, flyStatus: typeof b.status === 'string' ? b.status : undefined };
    }
    return { flyError: typeof body === 'string' ? body.slice(0, 300) : '' };
}
/** The Machine's current version: `version` (fly-go) or the older `instance_id`. */
function versionOf(machine) {
    return machine.version ?? machine.instance_id;
}


/***/ }),

/***/ 5074:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fp: () => (/* binding */ leaseHolder),
/* harmony export */   PL: () => (/* binding */ isCapacityError),
/* harmony export */   _i: () => (/* binding */ LeaseHeldError),
/* harmony export */   hG: () => (/* binding */ CapacityError),
/* harmony export */   mo: () => (/* binding */ FlyApiError)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);

/** A non-2xx answer from the Machines API, with Fly's own `error` text and status code. */
class FlyApiError extends _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD {
    flyError;
    flyStatus;
    constructor(message, status, flyError, flyStatus) {
        super(message, status, flyError);
        this.flyError = flyError;
        this.flyStatus = flyStatus;
        this.name = 'FlyApiError';
    }
}
/** Another deploy (or a crashed one) holds a Machine's lease: not retried, the holder is named. */
class LeaseHeldError extends _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo {
    machineId;
    holder;
    constructor(machineId, holder, app) {
        super(`Machine ${machineId} is leased by ${holder}, so another deploy (or a crashed one) is working on ${app}.`, {
            fix: `wait for it to finish (serialise deploys with a \`concurrency:\` group per app), or clear the lease with \`fly machine lease clear ${machineId} -a ${app}\`.`,
        });
        this.machineId = machineId;
        this.holder = holder;
        this.name = 'LeaseHeldError';
    }
}
/** Fly could not place a Machine: not our bug and not the user's config, so it is said plainly. */
class CapacityError extends _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo {
    constructor(region, detail) {
        super(`Fly has no capacity for this Machine in ${region}: ${detail}`, {
            fix: 'retry later, or deploy to a neighbouring region with the `regions` input.',
        });
        this.name = 'CapacityError';
    }
}
const CAPACITY_PATTERNS = [
    /insufficient[_ ]capacity/i,
    /could not reserve resource/i,
    /insufficient (resources|memory)/i,
    /temporarily disabled/i,
    /over the allowed quota/i,
];
function isCapacityError(error) {
    return (error instanceof FlyApiError &&
        (error.flyStatus === 'insufficient_capacity' || CAPACITY_PATTERNS.some((p) => p.test(error.flyError))));
}
/** Parses "machine ID <id> lease currently held by <owner>, expires at <time>". */
function leaseHolder(text) {
    const match = /lease currently held by (.+?)(?:, expires at (.+))?$/i.exec(text.trim());
    if (!match)
        return undefined;
    return match[2] ? `${match[1]} (until ${match[2]})` : match[1];
}


/***/ }),

/***/ 70:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   destroyLeftover: () => (/* binding */ destroyLeftover),
/* harmony export */   z: () => (/* binding */ probeFromRegion)
/* harmony export */ });
/* unused harmony export runRemoteMode */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4296);
/* harmony import */ var _fly_client_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3285);
/* harmony import */ var _remote_settings_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7114);






/** The line prefix the measuring side prints its report after. */
const REPORT_PREFIX = 'RUNWAY_PROBE_REPORT ';
/** Machine ids are used in URLs: only what Fly issues (letters, digits) is accepted. */
function checkedId(id) {
    if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(id))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`the Fly API answered a Machine create without a usable id (${JSON.stringify(id)}).`);
    return id;
}
/**
 * Measures from a short-lived Machine in `region`: create it with the probe bundle as a file, wait for it,
 * exec the probe, read its report, and destroy it on every path. `remember` is told the id as soon as it
 * exists (the post step destroys it if this run is cancelled).
 */
async function probeFromRegion(settings, bundlePath, inputs, track, log) {
    const deadline = Date.now() + settings.timeoutMs;
    const api = new _fly_client_js__WEBPACK_IMPORTED_MODULE_4__/* .FlyApi */ .ke({ apiUrl: settings.apiUrl, token: settings.token, app: settings.app, log });
    const created = await createProbeMachine(api, settings.region, bundleFiles(bundlePath));
    const machineId = checkedId(created.id);
    const createdAt = Date.now();
    let report;
    let machineSeconds;
    track.created(machineId);
    log(`created probe Machine ${machineId} in ${settings.region}`);
    try {
        const started = await api.wait(machineId, 'started', {
            timeoutMs: Math.max(1000, deadline - Date.now()),
        });
        if (!started.ok)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`the probe Machine ${machineId} in ${settings.region} did not start (${started.timedOut ? 'timed out' : (started.state ?? 'gone')}).`);
        report = await execProbe(api, machineId, inputs, deadline);
    }
    finally {
        await api.destroy(machineId);
        // Bounded: the cost runs until Fly reports the Machine destroyed (or gone).
        await api.wait(machineId, 'destroyed', { timeoutMs: 30_000, missingOk: true }).catch(() => undefined);
        machineSeconds = Math.round((Date.now() - createdAt) / 100) / 10;
        log(`destroyed probe Machine ${machineId} after ${machineSeconds} Machine-seconds`);
        track.destroyed(machineId, machineSeconds);
    }
    return { report, region: settings.region, machineId, machineSeconds };
}
/** Destroys a Machine a cancelled run left behind (the post step); a Machine already gone is fine. */
async function destroyLeftover(settings, machineId) {
    const api = new _fly_client_js__WEBPACK_IMPORTED_MODULE_4__/* .FlyApi */ .ke({ apiUrl: settings.apiUrl, token: settings.token, app: settings.app });
    await api.destroy(checkedId(machineId));
    await api.wait(machineId, 'destroyed', { timeoutMs: 30_000, missingOk: true }).catch(() => undefined);
}
/**
 * The whole bundle directory: the entry loads its heavy parts as chunks beside it (so a bad input fails
 * before they load), and package.json makes them ES modules.
 */
function bundleFiles(bundlePath) {
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(bundlePath);
    const names = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)(dir).filter((name) => name.endsWith('.js') || name === 'package.json');
    if (!names.includes((0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(bundlePath)))
        names.push((0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(bundlePath));
    return names.map((name) => ({
        guest_path: name === (0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(bundlePath) ? _remote_settings_js__WEBPACK_IMPORTED_MODULE_5__/* .GUEST_BUNDLE */ .em : `${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(_remote_settings_js__WEBPACK_IMPORTED_MODULE_5__/* .GUEST_BUNDLE */ .em)}/${name}`,
        raw_value: (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, name)).toString('base64'),
    }));
}
async function createProbeMachine(api, region, files) {
    const launch = { key: 'runway_probe', id: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)() };
    return api.create({
        region,
        config: {
            image: _remote_settings_js__WEBPACK_IMPORTED_MODULE_5__/* .PROBE_IMAGE */ .Fn,
            guest: { cpu_kind: 'shared', cpus: 1, memory_mb: 256 },
            files,
            // Keeps the Machine up for exec; the probe itself runs through exec.
            init: { exec: ['sleep', 'infinity'] },
            restart: { policy: 'no' },
            auto_destroy: true,
            metadata: { [launch.key]: launch.id },
        },
    }, launch);
}
/** Runs the probe through exec and reads its report; every part of the answer is checked first. */
async function execProbe(api, machineId, inputs, deadline) {
    const seconds = Math.max(1, Math.floor((deadline - Date.now()) / 1000));
    const encoded = Buffer.from(JSON.stringify(inputs)).toString('base64');
    const response = await api.send('POST', `apps/${encodeURIComponent(api.app)}/machines/${encodeURIComponent(machineId)}/exec`, {
        body: { command: ['node', _remote_settings_js__WEBPACK_IMPORTED_MODULE_5__/* .GUEST_BUNDLE */ .em, _remote_settings_js__WEBPACK_IMPORTED_MODULE_5__/* .REMOTE_FLAG */ .gw, encoded], timeout: seconds },
        idempotent: false,
        timeoutMs: seconds * 1000 + 15_000,
    });
    const body = response.body;
    if (typeof body !== 'object' ||
        body === null ||
        typeof body.stdout !== 'string' ||
        typeof body.exit_code !== 'number')
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`the Fly API answered exec on ${machineId} with ${response.status} but no exec result (content-type ${String(response.headers['content-type'])}).`);
    const line = body.stdout.split('\n').find((l) => l.startsWith(REPORT_PREFIX));
    if (body.exit_code !== 0 || !line) {
        const why = String(body.stderr ?? '')
            .trim()
            .split('\n')
            .slice(-3)
            .join(' ');
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`the probe in Machine ${machineId} exited with code ${body.exit_code}: ${why || 'no report'}.`);
    }
    return JSON.parse(line.slice(REPORT_PREFIX.length));
}
/** The measuring side: the same bundle, inside the Machine, prints its report for the runner to judge. */
async function runRemoteMode(encoded, measure) {
    const inputs = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
    const report = await measure(inputs);
    process.stdout.write(`${REPORT_PREFIX}${JSON.stringify(report)}\n`);
}


/***/ })

};
