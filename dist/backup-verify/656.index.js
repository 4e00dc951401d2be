export const id = 656;
export const ids = [656];
export const modules = {

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
;// CONCATENATED MODULE: ./src/github/client.ts




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
    const octokit = (0,github/* getOctokit */.Q)(target.token, {
        baseUrl,
        log: { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } },
    });
    return { octokit, owner: match[1], repo: match[2], retry: target.retry };
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
