export const id = 323;
export const ids = [323];
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

/***/ 5323:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DeploymentRecorder: () => (/* binding */ DeploymentRecorder),
  recordTargetFromInputs: () => (/* binding */ recordTargetFromInputs)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/secrets.ts
var secrets = __webpack_require__(8198);
// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 22 modules
var github = __webpack_require__(2413);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(6752);
// EXTERNAL MODULE: ./src/core/contract.ts
var contract = __webpack_require__(2013);
// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __webpack_require__(8571);
// EXTERNAL MODULE: ./src/core/retry.ts
var retry = __webpack_require__(7253);
;// CONCATENATED MODULE: ./src/github/client.ts







const DEFAULT_TIMEOUT_MS = 20_000;
/** Validates the target before any call and registers the token so it never reaches a log or summary. */
function client_githubClient(target) {
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
function client_idempotent(client, call) {
    return (0,retry/* retry */.L5)(async () => {
        try {
            return await call();
        }
        catch (error) {
            const status = statusOf(error);
            if (status !== undefined && (0,retry/* isRetryableStatus */.PS)(status)) {
                const header = error.response?.headers?.['retry-after'];
                throw new retry/* RetryableError */.dw(`GitHub answered ${status}`, (0,retry/* parseRetryAfter */.mu)(header), { cause: error });
            }
            throw error;
        }
    }, { retries: 4, baseMs: 500, maxMs: 8000, ...client.retry }).catch((error) => {
        if (error instanceof retry/* RetryableError */.dw)
            throw error.cause ?? error;
        throw error;
    });
}

;// CONCATENATED MODULE: ./src/github/deployments.ts
/**
 * Deployment records (actions.md §8.4): each deploy creates a GitHub Deployment whose payload carries the
 * exact image digest, so promotion redeploys what staging ran and rollback finds what production ran
 * before. Records not written by Runway (the ones GitHub creates for `environment:` jobs, other tools')
 * are recognised by their payload and ignored.
 */


/** Marks our payloads; a reader ignores anything without it. */
const PAYLOAD_TYPE = 'runway-deploy';
const DIGEST_REF = /^[a-z0-9.-]+(?::\d+)?(?:\/[a-z0-9._-]+)+@sha256:[0-9a-f]{64}$/;
function isDigestRef(image) {
    return DIGEST_REF.test(image);
}
function isProductionName(environment) {
    return /^prod(uction)?$/i.test(environment);
}
/** GitHub caps status descriptions at 140 characters and answers 422 beyond that. */
function clip(text) {
    if (text === undefined)
        return undefined;
    return text.length <= 140 ? text : `${text.slice(0, 139)}…`;
}
function defaultLogUrl(repository) {
    const runId = process.env.GITHUB_RUN_ID;
    if (!runId)
        return undefined;
    const server = process.env.GITHUB_SERVER_URL || 'https://github.com';
    return `${server}/${repository}/actions/runs/${runId}`;
}
/** Reads a payload back; anything malformed or written by another tool is not ours (undefined). */
function parsePayload(payload) {
    let value = payload;
    if (typeof value === 'string') {
        try {
            value = JSON.parse(value);
        }
        catch {
            return undefined;
        }
    }
    if (!value || typeof value !== 'object' || Array.isArray(value))
        return undefined;
    const p = value;
    if (p.type !== PAYLOAD_TYPE)
        return undefined;
    if (typeof p.app !== 'string' || !p.app)
        return undefined;
    if (typeof p.image !== 'string' || !isDigestRef(p.image))
        return undefined;
    if (typeof p.strategy !== 'string')
        return undefined;
    if (p.releaseVersion !== undefined && typeof p.releaseVersion !== 'number')
        return undefined;
    return {
        type: PAYLOAD_TYPE,
        app: p.app,
        image: p.image,
        strategy: p.strategy,
        ...(typeof p.releaseVersion === 'number' ? { releaseVersion: p.releaseVersion } : {}),
        ...(isRecordedRelease(p.release) ? { release: p.release } : {}),
        ...(typeof p.actor === 'string' ? { actor: p.actor } : {}),
        ...(typeof p.runId === 'string' ? { runId: p.runId } : {}),
    };
}
function isRecordedRelease(value) {
    if (!value || typeof value !== 'object')
        return false;
    const { configs, releaseCommand } = value;
    return (!!configs &&
        typeof configs === 'object' &&
        !Array.isArray(configs) &&
        (releaseCommand === undefined || typeof releaseCommand === 'string'));
}
async function startDeployment(options) {
    const { payload } = options;
    if (!options.ref)
        throw new errors/* InputError */.dz('ref', 'is empty.', 'pass the commit SHA being deployed (github.sha).');
    if (!options.environment)
        throw new errors/* InputError */.dz('environment', 'is empty.', 'name the environment, e.g. staging.');
    if (!payload?.app)
        throw new errors/* InputError */.dz('app', 'is empty.', 'name the Fly app, e.g. voice-bot.');
    if (!isDigestRef(payload.image ?? '')) {
        throw new errors/* InputError */.dz('image', `"${payload.image}" is not a digest reference.`, 'record registry/app@sha256:<64 hex>, never a tag.');
    }
    const client = client_githubClient(options);
    const recorded = {
        type: PAYLOAD_TYPE,
        app: payload.app,
        image: payload.image,
        strategy: payload.strategy,
        ...(payload.releaseVersion !== undefined ? { releaseVersion: payload.releaseVersion } : {}),
        ...(payload.release ? { release: payload.release } : {}),
        ...(process.env.GITHUB_ACTOR ? { actor: process.env.GITHUB_ACTOR } : {}),
        ...(process.env.GITHUB_RUN_ID ? { runId: process.env.GITHUB_RUN_ID } : {}),
    };
    const created = await client.octokit.rest.repos.createDeployment({
        owner: client.owner,
        repo: client.repo,
        ref: options.ref,
        task: 'deploy',
        environment: options.environment,
        // Never merge the default branch into the ref: we deploy exactly what was built.
        auto_merge: false,
        // CI gating happened before this workflow ran; the digest is already tested.
        required_contexts: [],
        payload: recorded,
        description: clip(options.description ?? `${payload.app} ${payload.image.split('@')[1]?.slice(0, 19) ?? ''}`),
        transient_environment: false,
        production_environment: options.production ?? isProductionName(options.environment),
    });
    if (created.status !== 201 || !('id' in created.data)) {
        throw new Error(`GitHub did not create the deployment (HTTP ${created.status}: ${JSON.stringify(created.data).slice(0, 200)})`);
    }
    const id = created.data.id;
    await client.octokit.rest.repos.createDeploymentStatus({
        owner: client.owner,
        repo: client.repo,
        deployment_id: id,
        state: 'in_progress',
        log_url: options.logUrl ?? defaultLogUrl(options.repository),
        description: clip(`Deploying ${payload.app} (${payload.strategy})`),
    });
    return { id };
}
async function finishDeployment(id, options) {
    if (!Number.isInteger(id) || id <= 0)
        throw new errors/* InputError */.dz('deployment-id', `"${id}" is not a deployment id.`, 'pass the id startDeployment returned.');
    const client = client_githubClient(options);
    const { data: deployment } = await client_idempotent(client, () => client.octokit.rest.repos.getDeployment({ owner: client.owner, repo: client.repo, deployment_id: id }));
    await client.octokit.rest.repos.createDeploymentStatus({
        owner: client.owner,
        repo: client.repo,
        deployment_id: id,
        state: options.state,
        log_url: options.logUrl ?? defaultLogUrl(options.repository),
        description: clip(options.description),
        // environment_url only on success: a failed deploy has no URL worth linking.
        ...(options.state === 'success' && options.environmentUrl
            ? { environment_url: options.environmentUrl }
            : {}),
        auto_inactive: true,
    });
    // auto_inactive skips production environments (docs), so the previous production record would stay
    // "active" beside the new one; retire our own earlier successes explicitly.
    if (options.state === 'success' && deployment.production_environment) {
        await retirePrevious(client, deployment.environment, id);
    }
}
async function retirePrevious(client, environment, currentId) {
    const older = await client_idempotent(client, () => client.octokit.rest.repos.listDeployments({
        owner: client.owner,
        repo: client.repo,
        environment,
        per_page: 20,
    }));
    for (const d of older.data) {
        if (d.id >= currentId || !parsePayload(d.payload))
            continue;
        const { data: statuses } = await client_idempotent(client, () => client.octokit.rest.repos.listDeploymentStatuses({
            owner: client.owner,
            repo: client.repo,
            deployment_id: d.id,
            per_page: 1,
        }));
        if (statuses[0]?.state !== 'success')
            continue;
        await client.octokit.rest.repos.createDeploymentStatus({
            owner: client.owner,
            repo: client.repo,
            deployment_id: d.id,
            state: 'inactive',
            description: `Superseded by deployment ${currentId}`,
        });
    }
}
/**
 * Our deployments to `environment` that succeeded, newest first. A production record retired to
 * `inactive` by a newer deploy still counts (it is what rollback wants); one marked failure does not.
 * `excludeImage` skips records of a given digest (rollback wants the image before the current one).
 */
async function successfulDeployments(options) {
    if (!options.environment)
        throw new InputError('environment', 'is empty.', 'name the environment, e.g. staging.');
    const client = githubClient(options);
    const scan = options.scan ?? 100;
    const limit = options.limit ?? 1;
    const perPage = Math.min(100, options.pageSize ?? 100);
    const found = [];
    let page = 1;
    let seen = 0;
    while (seen < scan && found.length < limit) {
        const { data } = await idempotent(client, () => client.octokit.rest.repos.listDeployments({
            owner: client.owner,
            repo: client.repo,
            environment: options.environment,
            per_page: perPage,
            page,
        }));
        if (data.length === 0)
            break;
        // Don't rely on API order (actions.md §4.7): sort by creation time, id as tie-break.
        const sorted = [...data].sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id);
        for (const d of sorted) {
            seen++;
            const payload = parsePayload(d.payload);
            if (!payload || d.environment !== options.environment)
                continue;
            if (options.excludeImage && payload.image === options.excludeImage)
                continue;
            const statuses = await idempotent(client, () => client.octokit.paginate(client.octokit.rest.repos.listDeploymentStatuses, {
                owner: client.owner,
                repo: client.repo,
                deployment_id: d.id,
                per_page: 100,
            }));
            // The newest status that is not `inactive` decides: a record later marked failure (rolled back)
            // no longer counts, while one merely retired by a newer deploy still does.
            const newestFirst = [...statuses].sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id);
            const decisive = newestFirst.find((s) => s.state !== 'inactive');
            if (decisive?.state !== 'success')
                continue;
            const success = decisive;
            found.push({
                id: d.id,
                payload,
                sha: d.sha,
                ref: d.ref,
                createdAt: d.created_at,
                ...(success.environment_url ? { environmentUrl: success.environment_url } : {}),
            });
            if (found.length >= limit || seen >= scan)
                break;
        }
        if (data.length < perPage)
            break;
        page++;
    }
    return found;
}
async function lastSuccessfulDeployment(options) {
    const [latest] = await successfulDeployments({ ...options, limit: 1 });
    return latest;
}

// EXTERNAL MODULE: ./src/fly/release-record.ts
var release_record = __webpack_require__(328);
;// CONCATENATED MODULE: ./src/release/record.ts





/**
 * The GitHub Deployment for one deploy. Its payload must carry a digest (promotion redeploys exactly
 * what staging ran), so when the input image is a tag the record is opened once Fly has told us the
 * digest; when it is already a digest the record goes `in_progress` before anything changes. Recording
 * is a courtesy to reviewers: a GitHub error is reported as a warning and never fails a deploy that worked.
 */
class DeploymentRecorder {
    target;
    warn;
    id;
    constructor(target, warn) {
        this.target = target;
        this.warn = warn;
    }
    get deploymentId() {
        return this.id;
    }
    async begin(image) {
        if (!isDigestRef(image))
            return;
        await this.open(image);
    }
    /** Closes the record with the deploy's outcome; `failedGate` marks a deploy rolled back after a probe breach. */
    async finish(result, description) {
        const image = result.status === 'deployed' ? result.image : result.requestedImage;
        if (this.id === undefined) {
            const digestRef = isDigestRef(image) ? image : isDigestRef(result.image) ? result.image : undefined;
            if (!digestRef) {
                this.warn(`no GitHub deployment recorded: Fly reported no digest for ${image}.`);
                return;
            }
            await this.open(digestRef, result.releaseVersion);
            if (this.id === undefined)
                return;
        }
        try {
            await finishDeployment(this.id, {
                token: this.target.token,
                repository: this.target.repository,
                apiUrl: this.target.apiUrl,
                state: result.status === 'deployed' ? 'success' : 'failure',
                environmentUrl: result.url,
                description: description ??
                    (result.status === 'deployed'
                        ? `Deployed release v${result.releaseVersion}`
                        : `${result.status}: ${result.reason ?? ''}`),
            });
        }
        catch (error) {
            this.warn((0,secrets/* scrub */._I)(`could not finish GitHub deployment ${this.id}${answered(error)}: ${(0,errors/* errorMessage */.gJ)(error)}`));
        }
    }
    async open(image, releaseVersion) {
        try {
            const { id } = await startDeployment({
                token: this.target.token,
                repository: this.target.repository,
                apiUrl: this.target.apiUrl,
                ref: this.target.ref,
                environment: this.target.environment,
                payload: {
                    app: this.target.app,
                    image,
                    strategy: this.target.strategy,
                    ...(releaseVersion ? { releaseVersion } : {}),
                    ...(this.target.release ? { release: this.target.release } : {}),
                },
            });
            this.id = id;
        }
        catch (error) {
            this.warn((0,secrets/* scrub */._I)(`could not record a GitHub deployment${answered(error)}: ${(0,errors/* errorMessage */.gJ)(error)}`));
        }
    }
}
/**
 * Where to record, from the `github-token` and `record-deployment` inputs both deploying actions share and
 * the variables the runner sets. Recording is on when there is a token and a repository to record in
 * (always true on a runner).
 */
function recordTargetFromInputs(inputs, deploy, env) {
    const token = inputs.optional('github-token');
    (0,secrets/* registerSecret */.cl)(token);
    if (!inputs.bool('record-deployment', true) || !token || !env.GITHUB_REPOSITORY)
        return undefined;
    return {
        token,
        repository: env.GITHUB_REPOSITORY,
        apiUrl: env.GITHUB_API_URL,
        ref: env.GITHUB_SHA || env.GITHUB_REF_NAME || 'main',
        environment: deploy.environment || 'production',
        app: deploy.app,
        strategy: deploy.strategy,
        ...recordedRelease(deploy),
    };
}
/** A restore records the config it put back (its release_command was not run); a deploy, fly.toml's. */
function recordedRelease(deploy) {
    if (deploy.restoreConfig)
        return { release: { configs: deploy.restoreConfig } };
    if (!deploy.toml)
        return {};
    return { release: (0,release_record/* releaseConfigOf */.nT)(deploy.toml) };
}
/** ` (GitHub answered HTTP 500)` when the error carries GitHub's status: the body alone may not say. */
function answered(error) {
    const status = statusOf(error) ?? statusOf(error?.cause);
    return status === undefined ? '' : ` (GitHub answered HTTP ${status})`;
}


/***/ })

};
