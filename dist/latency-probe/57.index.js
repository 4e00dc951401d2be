export const id = 57;
export const ids = [57];
export const modules = {

/***/ 1057:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  destroyLeftover: () => (/* binding */ destroyLeftover),
  probeFromRegion: () => (/* binding */ probeFromRegion),
  runRemoteMode: () => (/* binding */ runRemoteMode)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(6752);
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

// EXTERNAL MODULE: ./src/core/secrets.ts
var secrets = __webpack_require__(8198);
;// CONCATENATED MODULE: ./src/core/http.ts




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
        return retry(async (attempt) => {
            const started = Date.now();
            let response;
            try {
                response = await (0,undici/* request */.Em)(url, {
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
                const message = `${method} ${url.pathname} failed: ${(0,secrets/* scrub */._I)(error instanceof Error ? error.message : String(error))}`;
                if (shouldRetry)
                    throw new RetryableError(message, undefined, { cause: error });
                throw new errors/* ApiError */.hD(message, 0);
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
            if (shouldRetry && isRetryableStatus(status)) {
                throw new RetryableError((0,secrets/* scrub */._I)(described), parseRetryAfter(response.headers['retry-after']));
            }
            throw new errors/* ApiError */.hD((0,secrets/* scrub */._I)(described), status, (0,secrets/* scrub */._I)(text));
        }, this.options.retry).catch((error) => {
            if (error instanceof RetryableError) {
                throw new errors/* ApiError */.hD(`${error.message} (gave up after retries)`, 0);
            }
            throw error;
        });
    }
}

;// CONCATENATED MODULE: ./src/fly/errors.ts

/** A non-2xx answer from the Machines API, with Fly's own `error` text and status code. */
class FlyApiError extends Error {
    status;
    flyError;
    flyStatus;
    constructor(message, status, flyError, flyStatus) {
        super(message);
        this.status = status;
        this.flyError = flyError;
        this.flyStatus = flyStatus;
        this.name = 'FlyApiError';
    }
}
/** Another deploy (or a crashed one) holds a Machine's lease: not retried, the holder is named. */
class LeaseHeldError extends errors/* UserError */.yo {
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
class CapacityError extends errors/* UserError */.yo {
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
                await sleep(Math.ceil(((1 - this.tokens) / this.perSecond) * 1000));
            }
        });
        this.queue = turn.catch(() => undefined);
        return turn;
    }
}

;// CONCATENATED MODULE: ./src/fly/client.ts






const NONCE_HEADER = 'fly-machine-lease-nonce';
const ALL_ERRORS = Array.from({ length: 200 }, (_, i) => 400 + i);
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
    constructor(options) {
        (0,secrets/* registerSecret */.cl)(options.token);
        const auth = authorizationHeader(options.token);
        (0,secrets/* registerSecret */.cl)(auth);
        this.app = options.app;
        this.log = options.log ?? (() => { });
        this.retryOptions = { retries: 6, baseMs: 250, maxMs: 8000, maxRetryAfterMs: 60_000, ...options.retry };
        this.http = new HttpClient({
            baseUrl: apiBase(options.apiUrl),
            headers: { authorization: auth, 'user-agent': options.userAgent ?? 'runway-fly-deploy' },
            onCall: options.onCall,
            timeoutMs: 75_000,
        });
    }
    machinesPath(id, rest = '') {
        const app = encodeURIComponent(this.app);
        return id ? `apps/${app}/machines/${encodeURIComponent(id)}${rest}` : `apps/${app}/machines`;
    }
    /** One API call with Fly's retry rules; returns the 2xx (or accepted) response or throws FlyApiError. */
    async send(method, path, options = {}) {
        const idempotent = options.idempotent ?? true;
        const headers = options.nonce ? { [NONCE_HEADER]: options.nonce } : {};
        let last = '';
        const ambiguous = async (why, retryAfterMs) => {
            last = why;
            if (!idempotent && options.reconcile) {
                const found = await options.reconcile();
                if (found) {
                    this.log(`${method} ${path}: ${why}, but it had taken effect (found by listing)`);
                    return found;
                }
            }
            throw new RetryableError(why, retryAfterMs);
        };
        try {
            return await retry(async () => {
                let response;
                await options.pace?.();
                try {
                    response = await this.http.request(method, path, {
                        query: options.query,
                        body: options.body,
                        headers,
                        retry: false,
                        accept: ALL_ERRORS,
                        timeoutMs: options.timeoutMs,
                    });
                }
                catch (error) {
                    if (error instanceof errors/* ApiError */.hD && error.status === 0)
                        return ambiguous(error.message);
                    throw error;
                }
                const { status } = response;
                if (status < 300 || options.accept?.includes(status))
                    return response;
                const { flyError, flyStatus } = errorBody(response.body);
                const message = `Fly API ${method} /${path} returned ${status}: ${flyError || '(no message)'}`;
                if (status === 429) {
                    last = message;
                    throw new RetryableError(message, parseRetryAfter(response.headers['retry-after']));
                }
                if (status === 408 || status >= 500)
                    return ambiguous(message, parseRetryAfter(response.headers['retry-after']));
                if (status === 409 && options.retryConflict && /concurrent update|settle/i.test(flyError)) {
                    last = message;
                    throw new RetryableError(message);
                }
                if (status === 412 && options.retryPrecondition) {
                    last = message;
                    throw new RetryableError(message);
                }
                throw new FlyApiError(message, status, flyError, flyStatus);
            }, {
                ...this.retryOptions,
                onRetry: (info) => {
                    this.log(`retrying ${method} /${path} in ${info.delayMs}ms (attempt ${info.attempt}): ${info.error.message}`);
                    this.retryOptions.onRetry?.(info);
                },
            });
        }
        catch (error) {
            if (error instanceof RetryableError) {
                throw new FlyApiError(`${last || error.message} (gave up after ${(this.retryOptions.retries ?? 6) + 1} attempts)`, 0, error.message);
            }
            throw this.translate(error);
        }
    }
    /** Errors the user can act on become UserErrors; the rest stay FlyApiErrors. */
    translate(error) {
        if (!(error instanceof FlyApiError))
            return error;
        if (error.status === 401 || error.status === 403) {
            if (error.status === 403 && isCapacityError(error))
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
            const response = await this.send('GET', this.machinesPath(), { query });
            return Array.isArray(response.body) ? response.body : [];
        }
        catch (error) {
            if (error instanceof FlyApiError && error.status === 404) {
                throw new errors/* UserError */.yo(`Fly app "${this.app}" was not found (${error.flyError || '404'}).`, {
                    input: 'app',
                    fix: `check the app name (or \`app\` in fly.toml), or create it first with \`fly apps create ${this.app}\`.`,
                });
            }
            throw error;
        }
    }
    async get(id) {
        return (await this.send('GET', this.machinesPath(id))).body;
    }
    /** GET that answers undefined for a Machine that no longer exists. */
    async find(id) {
        const response = await this.send('GET', this.machinesPath(id), { accept: [404] });
        return response.status === 404 ? undefined : response.body;
    }
    /**
     * Create is not idempotent: a 408 or 5xx may still have made the Machine ("silent success"), so before
     * every retry the app is listed and a Machine carrying this create's launch id is taken as the result.
     */
    async create(body, launch) {
        try {
            const response = await this.send('POST', this.machinesPath(), {
                body,
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
            if (isCapacityError(error))
                throw new CapacityError(body.region ?? 'the region', error.flyError);
            throw error;
        }
    }
    async update(id, body, nonce, region) {
        try {
            const response = await this.send('POST', this.machinesPath(id), {
                body,
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
            if (isCapacityError(error))
                throw new CapacityError(region, error.flyError);
            throw error;
        }
    }
    async start(id, nonce) {
        await this.send('POST', this.machinesPath(id, '/start'), { nonce, retryPrecondition: true });
    }
    async stop(id, nonce, options = {}) {
        await this.send('POST', this.machinesPath(id, '/stop'), { nonce, body: options });
    }
    /** Destroy with kill (flyctl's `kill=true`; the spec's `force=true` too). A 404 means already gone. */
    async destroy(id, nonce) {
        await this.send('DELETE', this.machinesPath(id), {
            nonce,
            query: { kill: true, force: true },
            accept: [404],
        });
    }
    async cordon(id, nonce) {
        await this.send('POST', this.machinesPath(id, '/cordon'), { nonce });
    }
    async uncordon(id, nonce) {
        await this.send('POST', this.machinesPath(id, '/uncordon'), { nonce });
    }
    async setMetadata(id, key, value, nonce) {
        await this.send('POST', this.machinesPath(id, `/metadata/${encodeURIComponent(key)}`), {
            nonce,
            body: { value },
        });
    }
    async events(id) {
        const response = await this.send('GET', this.machinesPath(id, '/events'), {
            query: { limit: 50 },
            accept: [404],
        });
        return response.status === 404 || !Array.isArray(response.body) ? [] : response.body;
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
            const response = await this.send('GET', this.machinesPath(id, '/wait'), {
                query: { state, timeout: seconds, version: options.version },
                accept: [400, 404, 408],
                timeoutMs: seconds * 1000 + 15_000,
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
                await sleep(250);
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
                throw new FlyApiError(`Fly API GET /wait for ${id} (state ${state}) returned 400: ${text}`, 400, text);
            if (Date.now() >= deadline)
                return { ok: false, timedOut: true, state: lastState };
        }
    }
    // --- Leases ---------------------------------------------------------------------------------------
    async acquireLease(id, ttlSeconds, description) {
        let response;
        try {
            response = await this.send('POST', this.machinesPath(id, '/lease'), {
                query: { ttl: ttlSeconds },
                body: { ttl: ttlSeconds, description },
            });
        }
        catch (error) {
            if (error instanceof FlyApiError &&
                (error.status === 409 || /lease currently held/i.test(error.flyError))) {
                throw new LeaseHeldError(id, leaseHolder(error.flyError) ?? 'someone else', this.app);
            }
            throw error;
        }
        return leaseData(response.body, id);
    }
    async refreshLease(id, nonce, ttlSeconds) {
        const response = await this.send('POST', this.machinesPath(id, '/lease'), {
            nonce,
            query: { ttl: ttlSeconds },
            body: { ttl: ttlSeconds },
        });
        const lease = leaseData(response.body, id);
        if (lease.nonce !== nonce)
            throw new Error(`lease on ${id} changed hands during the deploy (nonce ${lease.nonce} ≠ ours)`);
        return lease;
    }
    async releaseLease(id, nonce) {
        await this.send('DELETE', this.machinesPath(id, '/lease'), { nonce, accept: [404] });
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

// EXTERNAL MODULE: ./src/probe/remote-settings.ts
var remote_settings = __webpack_require__(7114);
;// CONCATENATED MODULE: ./src/probe/remote.ts





/** The line prefix the measuring side prints its report after. */
const REPORT_PREFIX = 'RUNWAY_PROBE_REPORT ';
/** Machine ids are used in URLs: only what Fly issues (letters, digits) is accepted. */
function checkedId(id) {
    if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(id))
        throw new errors/* UserError */.yo(`the Fly API answered a Machine create without a usable id (${JSON.stringify(id)}).`);
    return id;
}
/**
 * Measures from a short-lived Machine in `region`: create it with the probe bundle as a file, wait for it,
 * exec the probe, read its report, and destroy it on every path. `remember` is told the id as soon as it
 * exists (the post step destroys it if this run is cancelled).
 */
async function probeFromRegion(settings, bundlePath, inputs, track, log) {
    const deadline = Date.now() + settings.timeoutMs;
    const api = new FlyApi({ apiUrl: settings.apiUrl, token: settings.token, app: settings.app, log });
    const created = await createProbeMachine(api, settings.region, (0,external_node_fs_.readFileSync)(bundlePath));
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
            throw new errors/* UserError */.yo(`the probe Machine ${machineId} in ${settings.region} did not start (${started.timedOut ? 'timed out' : (started.state ?? 'gone')}).`);
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
    const api = new FlyApi({ apiUrl: settings.apiUrl, token: settings.token, app: settings.app });
    await api.destroy(checkedId(machineId));
    await api.wait(machineId, 'destroyed', { timeoutMs: 30_000, missingOk: true }).catch(() => undefined);
}
async function createProbeMachine(api, region, bundle) {
    const launch = { key: 'runway_probe', id: (0,external_node_crypto_.randomUUID)() };
    return api.create({
        region,
        config: {
            image: remote_settings/* PROBE_IMAGE */.Fn,
            guest: { cpu_kind: 'shared', cpus: 1, memory_mb: 256 },
            files: [{ guest_path: remote_settings/* GUEST_BUNDLE */.em, raw_value: bundle.toString('base64') }],
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
        body: { command: ['node', remote_settings/* GUEST_BUNDLE */.em, remote_settings/* REMOTE_FLAG */.gw, encoded], timeout: seconds },
        idempotent: false,
        timeoutMs: seconds * 1000 + 15_000,
    });
    const body = response.body;
    if (typeof body !== 'object' ||
        body === null ||
        typeof body.stdout !== 'string' ||
        typeof body.exit_code !== 'number')
        throw new errors/* UserError */.yo(`the Fly API answered exec on ${machineId} with ${response.status} but no exec result (content-type ${String(response.headers['content-type'])}).`);
    const line = body.stdout.split('\n').find((l) => l.startsWith(REPORT_PREFIX));
    if (body.exit_code !== 0 || !line) {
        const why = String(body.stderr ?? '')
            .trim()
            .split('\n')
            .slice(-3)
            .join(' ');
        throw new errors/* UserError */.yo(`the probe in Machine ${machineId} exited with code ${body.exit_code}: ${why || 'no report'}.`);
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
