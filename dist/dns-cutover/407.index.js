export const id = 407;
export const ids = [407];
export const modules = {

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

/***/ 7788:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   "default": () => (__WEBPACK_DEFAULT_EXPORT__),
/* harmony export */   route53Provider: () => (/* binding */ route53Provider)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _core_secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8198);
/* harmony import */ var _core_retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7253);
/* harmony import */ var _records_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1721);




const CREDENTIAL_ERRORS = new Set([
    'InvalidClientTokenId',
    'SignatureDoesNotMatch',
    'UnrecognizedClientException',
    'AccessDenied',
    'AccessDeniedException',
    'CredentialsProviderError',
    'ExpiredToken',
]);
/** Route 53 escapes `*` and other octets as `\052`; names compare after unescaping. */
const unescape = (name) => (0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .stripDot */ .eq)(name.replace(/\\(\d{3})/g, (_, oct) => String.fromCharCode(parseInt(oct, 8))));
/**
 * Route 53 through the AWS SDK (credentials from the usual chain). The change is one
 * ChangeResourceRecordSets batch, all or nothing; the provider then waits for GetChange to say INSYNC,
 * Route 53's own "every authoritative server has it". The SDK loads only when this provider is used.
 */
function route53Provider(config) {
    let sdk;
    let client;
    let zoneCache;
    const log = config.log ?? (() => undefined);
    async function connect() {
        if (!sdk || !client) {
            sdk = await __webpack_require__.e(/* import() */ 621).then(__webpack_require__.t.bind(__webpack_require__, 8621, 19));
            client = new sdk.Route53Client({
                region: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1',
                ...(config.apiUrl ? { endpoint: config.apiUrl } : {}),
                maxAttempts: 3,
                // Bounded waits: a Route 53 endpoint that never answers costs at most 3 × 20 s, not forever.
                requestHandler: { connectionTimeout: 10_000, requestTimeout: 20_000 },
            });
        }
        return { sdk, client };
    }
    async function send(fn) {
        const { sdk: s, client: c } = await connect();
        if (config.deadline?.expired())
            throw new Error(`Route 53 was not asked: ${config.deadline.label} had passed`);
        const started = Date.now();
        try {
            const result = await fn(s, c);
            config.onCall?.({ method: 'POST', path: 'route53', status: 200, ms: Date.now() - started, attempt: 0 });
            return result;
        }
        catch (error) {
            const name = error.name ?? '';
            const message = error.message;
            if (CREDENTIAL_ERRORS.has(name)) {
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Route 53 rejected the AWS credentials (${name}: ${message}).`, {
                    fix: 'configure credentials for a role allowed route53:ChangeResourceRecordSets, e.g. with aws-actions/configure-aws-credentials.',
                });
            }
            if (name === 'NoSuchHostedZone') {
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`hosted zone for ${(0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .stripDot */ .eq)(config.zone)} was not found in Route 53.`, {
                    input: 'zone',
                    fix: 'check the zone name.',
                });
            }
            // Named, so a message says which server failed (an HTML page or a timeout reads as a parse error otherwise).
            const where = `Route 53${config.apiUrl ? ` at ${(0,_core_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrl */ .BO)(config.apiUrl)}` : ''}`;
            throw Object.assign(new Error(`${where} failed: ${message}`, { cause: error }), { name });
        }
    }
    async function zone() {
        if (zoneCache)
            return zoneCache;
        const name = (0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .stripDot */ .eq)(config.zone);
        const listed = await send((s, c) => c.send(new s.ListHostedZonesByNameCommand({ DNSName: (0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .withDot */ .sx)(name), MaxItems: 10 })));
        const match = (listed.HostedZones ?? []).find((z) => unescape(z.Name ?? '') === name && !z.Config?.PrivateZone);
        const any = match ?? (listed.HostedZones ?? []).find((z) => unescape(z.Name ?? '') === name);
        if (!any?.Id) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`hosted zone ${name} was not found in Route 53 for these credentials.`, {
                input: 'zone',
                fix: 'check the zone name and the AWS account.',
            });
        }
        const id = any.Id.replace(/^\/hostedzone\//, '');
        const detail = await send((s, c) => c.send(new s.GetHostedZoneCommand({ Id: id })));
        zoneCache = { name, id, nameservers: (detail.DelegationSet?.NameServers ?? []).map(_records_js__WEBPACK_IMPORTED_MODULE_3__/* .stripDot */ .eq) };
        return zoneCache;
    }
    return {
        name: 'route53',
        zone,
        async read(name) {
            const { id } = await zone();
            const listed = await send((s, c) => c.send(new s.ListResourceRecordSetsCommand({
                HostedZoneId: id,
                StartRecordName: (0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .withDot */ .sx)(name),
                MaxItems: 20,
            })));
            const sets = [];
            for (const rrset of listed.ResourceRecordSets ?? []) {
                if (unescape(rrset.Name ?? '') !== (0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .stripDot */ .eq)(name) ||
                    !_records_js__WEBPACK_IMPORTED_MODULE_3__/* .CUTOVER_TYPES */ .ju.includes(rrset.Type ?? ''))
                    continue;
                if (rrset.SetIdentifier) {
                    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${(0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .stripDot */ .eq)(name)} has a ${rrset.Type} record with routing policy (set "${rrset.SetIdentifier}"); this action moves simple records only.`, {
                        input: 'name',
                        fix: 'shift weighted records by hand, or replace them with one simple record first.',
                    });
                }
                const type = rrset.Type;
                const values = rrset.AliasTarget
                    ? [(0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .stripDot */ .eq)(rrset.AliasTarget.DNSName ?? '')]
                    : (rrset.ResourceRecords ?? []).map((r) => (0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .normalizeValue */ .tA)(type, r.Value ?? ''));
                sets.push({
                    name: (0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .stripDot */ .eq)(name),
                    type,
                    ttl: rrset.TTL ?? 60,
                    values,
                    providerData: { rrset, alias: Boolean(rrset.AliasTarget) },
                });
            }
            return sets;
        },
        async apply(plan) {
            const { id } = await zone();
            const original = (set) => set.providerData?.rrset;
            const simple = (set) => ({
                Name: (0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .withDot */ .sx)(set.name),
                Type: set.type,
                TTL: set.ttl,
                ResourceRecords: set.values.map((v) => ({ Value: set.type === 'CNAME' ? (0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .withDot */ .sx)(v) : v })),
            });
            // DELETE must repeat the record exactly as Route 53 holds it, so the read-back copy is used.
            const changes = [
                ...plan.deletes.map((set) => ({
                    Action: 'DELETE',
                    ResourceRecordSet: original(set) ?? simple(set),
                })),
                ...plan.upserts.map(({ from, to }) => ({
                    Action: from ? 'UPSERT' : 'CREATE',
                    ResourceRecordSet: original(to) ?? simple(to),
                })),
            ];
            const response = await send((s, c) => c.send(new s.ChangeResourceRecordSetsCommand({
                HostedZoneId: id,
                ChangeBatch: { Comment: 'runway dns-cutover', Changes: changes },
            })));
            const acceptedAt = Date.now();
            const changeId = response.ChangeInfo?.Id ?? '';
            let status = response.ChangeInfo?.Status;
            let requests = 1;
            const deadline = acceptedAt + (config.syncTimeoutMs ?? 300_000);
            let delay = 500;
            while (status !== 'INSYNC') {
                if (Date.now() > deadline) {
                    // Accepted, so the caller must treat it as changed (and roll back), not as "not applied".
                    const waited = Math.round((Date.now() - acceptedAt) / 1000);
                    return {
                        acceptedAt,
                        changeId,
                        requests,
                        syncError: `Route 53 change ${changeId} was still ${status} after ${waited}s`,
                    };
                }
                await (0,_core_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .sleep */ .yy)(delay);
                delay = Math.min(delay * 2, 5000);
                let got;
                try {
                    got = await send((s, c) => c.send(new s.GetChangeCommand({ Id: changeId })));
                }
                catch (error) {
                    // The change was accepted: a failed status check must not read as "not applied".
                    const why = error.message;
                    return {
                        acceptedAt,
                        changeId,
                        requests,
                        syncError: `Route 53 accepted change ${changeId} but asking whether it is INSYNC failed (${why.replace(/\.$/, '')}; the role needs route53:GetChange)`,
                    };
                }
                requests++;
                status = got.ChangeInfo?.Status;
                log(`Route 53 change ${changeId}: ${status}`);
            }
            return { acceptedAt, inSyncAt: Date.now(), changeId, requests };
        },
    };
}
/* harmony default export */ const __WEBPACK_DEFAULT_EXPORT__ = (route53Provider);


/***/ })

};
