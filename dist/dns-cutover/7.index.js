export const id = 7;
export const ids = [7,52];
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

/***/ 4007:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cutover: () => (/* binding */ cutover)
});

// UNUSED EXPORTS: ROLLBACK_BUDGET_MS

// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __webpack_require__(8571);
;// CONCATENATED MODULE: ./src/core/deadline.ts

/**
 * The one clock an action runs against: every request timeout is clamped to what is left, and retries stop
 * when the next wait would pass it. Derived from the action's inputs (each action documents how), so a
 * server that never answers costs at most this long.
 */
class Deadline {
    budgetMs;
    label;
    at;
    constructor(budgetMs, 
    /** What the budget is called in messages, e.g. "dns-cutover's timeout (2m)". */
    label = `the ${(0,duration/* formatDuration */.a3)(budgetMs)} deadline`, now = Date.now()) {
        this.budgetMs = budgetMs;
        this.label = label;
        this.at = now + budgetMs;
    }
    remainingMs(now = Date.now()) {
        return Math.max(0, this.at - now);
    }
    expired(now = Date.now()) {
        return now >= this.at;
    }
    /**
     * Moves the deadline to `ms` from now (never earlier): a restore after a late failure must still be
     * sent, so it gets its own budget, named in any message about it.
     */
    extend(ms, label) {
        this.at = Math.max(this.at, Date.now() + ms);
        this.label = label;
    }
    /** A wait of `ms` clamped so it ends by the deadline (at least 1 ms, so timers still fire). */
    clamp(ms, now = Date.now()) {
        return Math.max(1, Math.min(ms, this.remainingMs(now)));
    }
    /** A deadline inside this one: the smaller of `ms` from now and what is left. */
    within(ms, label) {
        return new Deadline(Math.min(ms, this.remainingMs()), label ?? this.label);
    }
    static none() {
        return new Deadline(365 * 24 * 3_600_000, 'no deadline');
    }
}

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/dns/options.ts
var dns_options = __webpack_require__(4673);
// EXTERNAL MODULE: ./src/dns/plan.ts
var dns_plan = __webpack_require__(5052);
// EXTERNAL MODULE: ./src/dns/providers/index.ts
var providers = __webpack_require__(2866);
// EXTERNAL MODULE: ./src/dns/records.ts
var dns_records = __webpack_require__(1721);
// EXTERNAL MODULE: ./src/dns/snapshot.ts
var snapshot = __webpack_require__(5787);
// EXTERNAL MODULE: ./src/core/retry.ts
var retry = __webpack_require__(7253);
// EXTERNAL MODULE: ./src/dns/preflight.ts
var preflight = __webpack_require__(228);
;// CONCATENATED MODULE: ./src/dns/target-checks.ts


/**
 * Before the switch: the new target presents a certificate for the name, and the health URL answers
 * through it. A failure here stops the run with nothing changed.
 */
async function target_checks_preflight(options, mark) {
    const reports = {};
    if (!options.tlsCheck && !options.healthUrl)
        return { reports };
    let address;
    try {
        address = await (0,preflight/* targetAddress */.sj)(options.target, options.connectTo);
    }
    catch (error) {
        return {
            reports,
            failure: `Pre-flight: ${error.message}; set connect-to to check it at a known address.`,
        };
    }
    if (options.tlsCheck) {
        const port = options.connectTo?.port ?? 443;
        const tls = await (0,preflight/* checkTls */.w5)(address, port, options.name, { ca: options.ca });
        reports.tls = tls;
        mark(`pre-flight TLS ${address}:${port} SNI ${options.name}: ${tls.ok ? `ok (${tls.altNames ?? tls.subject}, until ${tls.validTo})` : tls.error}`);
        if (!tls.ok)
            return {
                reports,
                failure: `Pre-flight: the new target does not present a certificate valid for ${options.name} (${tls.error}). On Fly, run fly certs add ${options.name} and wait until fly certs check shows it issued.`,
            };
    }
    if (options.healthUrl) {
        const health = await (0,preflight/* checkHealth */.Ns)(options.healthUrl, address, options.connectTo?.port, { ca: options.ca });
        reports.health = health;
        mark(`pre-flight health ${options.healthUrl.href} via ${address}:${health.port}: ${health.ok ? `${health.status} in ${health.ms}ms` : health.error}`);
        if (!health.ok)
            return {
                reports,
                failure: `Pre-flight: ${options.healthUrl.href} through the new target failed (${health.error}).`,
            };
    }
    return { reports };
}
/** After the switch the app gets real traffic; a few tries a second apart before calling it down. */
async function postSwitchHealth(options, mark) {
    const reports = [];
    const address = await (0,preflight/* targetAddress */.sj)(options.target, options.connectTo).catch(() => undefined);
    if (!address)
        return [
            {
                ok: false,
                url: options.healthUrl.href,
                address: '?',
                port: 0,
                error: 'the target does not resolve',
                ms: 0,
            },
        ];
    for (let attempt = 1; attempt <= 3; attempt++) {
        const health = await (0,preflight/* checkHealth */.Ns)(options.healthUrl, address, options.connectTo?.port, { ca: options.ca });
        reports.push(health);
        mark(`health after the switch (${attempt}/3): ${health.ok ? `${health.status} in ${health.ms}ms` : health.error}`);
        if (health.ok)
            break;
        if (attempt < 3)
            await (0,retry/* sleep */.yy)(1000);
    }
    return reports;
}

// EXTERNAL MODULE: external "node:dns/promises"
var promises_ = __webpack_require__(1553);
// EXTERNAL MODULE: ./src/dns/query.ts + 1 modules
var query = __webpack_require__(918);
;// CONCATENATED MODULE: ./src/dns/verify.ts




/** Answers that say `name` holds exactly `expected` (ignoring TTL above what was set, see below). */
function answerMatches(records, name, type, expected) {
    const own = records.filter((r) => r.name === name && r.type === type);
    const values = own.map((r) => (0,dns_records/* normalizeValue */.tA)(type, r.data));
    if (!expected)
        return own.length === 0;
    if (!(0,dns_records/* sameValues */.Z)([...new Set(values)], expected.values))
        return false;
    // A TTL above the one set means an old copy (a resolver cache, or a server that has not reloaded);
    // Cloudflare's automatic TTL (1) is served as 300.
    const limit = expected.ttl === 1 ? 300 : expected.ttl;
    return own.every((r) => r.ttl <= limit);
}
function describeAnswer(records, name, rcode) {
    const own = records.filter((r) => r.name === name);
    if (!own.length)
        return rcode === 'NOERROR' ? 'no records' : rcode;
    const unique = [...new Map(own.map((r) => [`${r.type} ${r.data}`, r])).values()];
    return unique.map((r) => `${r.type} ${r.data} (${r.ttl}s)`).join(', ');
}
/**
 * Asks every watcher, every `intervalMs`, until each has answered the expected records for every type
 * or the timeout passes. A server that matched is not asked again; the report keeps who answered what
 * and how long after the change.
 */
async function verifyPropagation(options) {
    const interval = options.intervalMs ?? 250;
    const proxied = options.expected.some((set) => set.proxied);
    const watch = {
        options,
        types: proxied ? [] : options.types,
        deadline: options.since + options.timeoutMs,
        reports: options.watchers.map((w) => ({
            server: w.server.label,
            role: w.role,
            answer: 'not asked yet',
            matched: false,
            queries: 0,
        })),
        answered: options.watchers.map(() => false),
    };
    for (let round = 1;; round++) {
        await Promise.all(options.watchers.map((_, i) => ask(watch, i)));
        if (allSettled(watch))
            break;
        if (Date.now() + interval > watch.deadline)
            break;
        if (round % 20 === 0)
            logWaiting(watch);
        await (0,retry/* sleep */.yy)(interval);
    }
    watch.reports.forEach((r, i) => {
        if (!r.matched && settled(watch, i))
            r.unreachable = true;
    });
    return {
        ok: allSettled(watch),
        elapsedMs: Date.now() - options.since,
        servers: watch.reports,
        skipped: proxied
            ? ['proxied records answer with Cloudflare edge addresses; the change was verified through the API']
            : [],
    };
}
/**
 * A watcher is done when it matched, or when it never answered at all and another address of the same
 * nameserver (its group) matched.
 */
function settled(watch, i) {
    const { reports, answered, options } = watch;
    if (reports[i].matched)
        return true;
    const group = options.watchers[i].group;
    return (group !== undefined &&
        !answered[i] &&
        reports.some((r, j) => j !== i && r.matched && options.watchers[j].group === group));
}
function allSettled(watch) {
    return watch.reports.every((_, i) => settled(watch, i));
}
function logWaiting(watch) {
    const waiting = watch.reports.filter((_, i) => !settled(watch, i)).map((r) => `${r.server} (${r.answer})`);
    watch.options.log?.(`still waiting on ${waiting.join(', ')}`);
}
/** One round for one watcher: ask for every type, record what it said, and whether that is the expected answer. */
async function ask(watch, i) {
    const { options, types } = watch;
    const [watcher, report] = [options.watchers[i], watch.reports[i]];
    if (report.matched)
        return;
    try {
        const answers = await Promise.all(types.map((type) => (0,query/* queryDns */.e)(watcher.server, options.name, type, {
            recursion: watcher.role === 'resolver',
            timeoutMs: Math.min(1500, Math.max(200, watch.deadline - Date.now())),
        })));
        report.queries += answers.length;
        report.error = undefined;
        watch.answered[i] = true;
        report.answer = describeAnswer(answers.flatMap((a) => a.records), options.name, answers.find((a) => a.rcode !== 'NOERROR')?.rcode ?? 'NOERROR');
        const authoritativeOk = watcher.role === 'resolver' || answers.every((a) => a.authoritative);
        if (!authoritativeOk)
            report.answer += ' (not authoritative)';
        const ok = authoritativeOk &&
            types.every((type, t) => answerMatches(answers[t].records, options.name, type, options.expected.find((s) => s.type === type)));
        if (ok) {
            report.matched = true;
            report.matchedAfterMs = Date.now() - options.since;
            options.log?.(`${watcher.server.label} answers ${report.answer} after ${(0,duration/* formatDuration */.a3)(report.matchedAfterMs)}`);
        }
    }
    catch (error) {
        report.queries++;
        report.error = error.message;
        report.answer = `error: ${report.error}`;
    }
}

;// CONCATENATED MODULE: ./src/dns/watchers.ts






/** The DNS servers a change is verified on: the listed (or the zone's own) nameservers, then the resolvers. */
async function resolveWatchers(options, zoneNameservers) {
    const watchers = [];
    if (options.nameservers !== 'none') {
        const list = options.nameservers.length ? options.nameservers : zoneNameservers;
        if (!list.length) {
            throw new errors/* UserError */.yo(`the provider lists no nameservers for ${options.zone}.`, {
                input: 'nameservers',
                fix: 'list the servers to verify on, or none.',
            });
        }
        for (const entry of list)
            watchers.push(...(await nameserverWatchers(options, entry)));
    }
    for (const r of options.resolvers)
        watchers.push({ server: (0,query/* parseServer */.l)(r), role: 'resolver' });
    return watchers;
}
/** One nameserver entry: an address as it is, a hostname as each of its UDP addresses. */
async function nameserverWatchers(options, entry) {
    const direct = (0,query/* parseServer */.l)(entry);
    if (direct)
        return [{ server: direct, role: 'authoritative' }];
    try {
        const addresses = options.resolveNameserver
            ? await options.resolveNameserver(entry)
            : (await (0,promises_.lookup)(entry, { all: true })).map((a) => a.address);
        if (!addresses.length)
            throw Object.assign(new Error('no addresses'), { code: 'ENODATA' });
        const watchers = [];
        for (const address of addresses) {
            const server = (0,query/* parseServer */.l)(address);
            if (!server || server.kind !== 'udp')
                continue;
            watchers.push({
                server: { ...server, label: `${entry} (${server.label})` },
                role: 'authoritative',
                group: entry,
            });
        }
        return watchers;
    }
    catch (error) {
        throw new errors/* UserError */.yo(`nameserver ${entry} does not resolve (${error.code}); nothing was changed.`, { input: 'nameservers', fix: 'list the nameservers as addresses, or none to skip DNS verification.' });
    }
}
/** The record types whose answers show a change from `from` to `to`. */
function verifyTypes(from, to) {
    const typesOf = (sets) => dns_records/* CUTOVER_TYPES */.ju.filter((t) => sets.some((s) => s.type === t));
    return [...new Set([...typesOf(from), ...typesOf(to)])];
}
/**
 * Reads the records back from the API first (the provider's own truth), then asks the DNS servers until
 * they all answer `expected` or `timeoutMs` passes.
 */
async function verifyAll(provider, options, expected, types, watchers, since, timeoutMs, mark) {
    const readBack = await provider.read(options.name);
    const same = (0,dns_plan/* isNoop */.X5)((0,dns_plan/* planChange */.AS)(options.name, readBack, expected, { keepProxied: false }));
    const apiRow = {
        server: `${options.provider} API`,
        role: 'authoritative',
        answer: readBack.map((s) => `${s.type} ${s.values.join(', ')} (${s.ttl}s)`).join(', ') || 'no records',
        matched: same,
        matchedAfterMs: same ? Date.now() - since : undefined,
        queries: 1,
    };
    if (!same)
        return { ok: false, elapsedMs: Date.now() - since, servers: [apiRow], skipped: [] };
    if (!watchers.length)
        mark('no nameservers or resolvers to ask; verified through the API only');
    const report = await verifyPropagation({
        name: options.name,
        expected,
        types,
        watchers,
        timeoutMs,
        intervalMs: options.verifyIntervalMs,
        since,
        log: options.log,
    });
    return { ...report, servers: [apiRow, ...report.servers] };
}
/** The servers that answered something else, for a message. */
function unmatched(verify) {
    const bad = verify.servers.filter((s) => !s.matched && !s.unreachable);
    return bad.map((s) => `${s.server} (${s.answer})`).join(', ') || 'the provider read-back';
}

;// CONCATENATED MODULE: ./src/dns/cutover.ts










/** A restore after a late failure gets this long on top of the run's timeout, so it is never skipped. */
const ROLLBACK_BUDGET_MS = 60_000;
/**
 * The whole cutover at one name, as its runbook reads: read what is there; work out the change; stop
 * if it is refused, only planned, or not needed; check the new target; send the change as one atomic
 * request; verify it on the provider, every nameserver and resolver, and through the new target; and
 * restore the snapshot when anything after the change fails. Returns a result for every outcome it
 * handled; throws only for the caller's mistakes found at the provider (bad token, unknown zone) and
 * for faults before anything was changed.
 */
async function cutover(options) {
    const run = await openRun(options);
    const start = await readWhatIsThere(run);
    const result = planTheChange(run, start);
    const early = refuseOrStopAtPlan(run, result);
    if (early)
        return early;
    const watchers = await resolveWatchers(options, start.zone.nameservers);
    if ((0,dns_plan/* isNoop */.X5)(result.plan))
        return confirmUnchanged(run, start, result, watchers);
    if (options.mode === 'apply') {
        const pre = await target_checks_preflight({ ...options, target: options.target }, run.mark);
        result.preflight = pre.reports;
        if (pre.failure)
            return finish(run, result, {
                ok: false,
                status: 'preflight-failed',
                failure: `${pre.failure} Nothing was changed.`,
            });
    }
    const sent = await sendTheChange(run, start, result);
    if ('settled' in sent)
        return sent.settled;
    const failure = sent.failure ?? (await verifyTheChange(run, start, result, watchers, sent.receipt));
    if (!failure)
        return finishVerified(run, result);
    run.mark(failure);
    if (options.mode === 'rollback')
        return finish(run, result, { ok: false, status: 'failed', failure });
    return undoTheChange(run, start, result, watchers, failure);
}
async function openRun(options) {
    const started = Date.now();
    const budget = (0,dns_options/* cutoverBudgetMs */.ym)(options);
    const deadline = new Deadline(budget, `dns-cutover's timeout (${(0,duration/* formatDuration */.a3)(budget)})`, started);
    const calls = { count: 0 };
    const timeline = [];
    const log = options.log ?? (() => undefined);
    const mark = (event) => {
        timeline.push({ atMs: Date.now() - started, event });
        log(event);
    };
    const provider = await (0,providers/* createProvider */.Qd)(options.provider, {
        zone: options.zone,
        apiUrl: options.apiUrl,
        apiToken: options.apiToken,
        onCall: () => void calls.count++,
        log,
        syncTimeoutMs: options.verifyTimeoutMs,
        deadline,
    });
    return { options, provider, deadline, started, calls, timeline, mark };
}
/** The zone and the records at the name; a provider fault here fails the step with nothing touched. */
async function readWhatIsThere(run) {
    const { options, provider } = run;
    options.onState?.({ changed: false });
    let zone;
    let before;
    try {
        zone = await provider.zone();
        before = await provider.read(options.name);
    }
    catch (error) {
        if (error instanceof errors/* UserError */.yo)
            throw error;
        throw new errors/* UserError */.yo(`${describeError(error)}; nothing was changed.`, {
            fix: `run the step again; if it keeps failing, check ${options.provider}'s status page (or api-url).`,
            cause: error,
        });
    }
    run.mark(`read ${before.length} rrset(s) at ${options.name} from ${options.provider}`);
    const previous = (0,snapshot/* makeSnapshot */.H)(options.provider, options.zone, options.name, before);
    options.onState?.({ changed: false, previous });
    return { zone, before, previous };
}
/** The records the mode asks for, the plan from what is there to them, and the result that tells it. */
function planTheChange(run, start) {
    const { options } = run;
    const notes = [];
    const { desired, waitSeconds } = desiredFor(options, start.before, notes);
    const plan = (0,dns_plan/* planChange */.AS)(options.name, start.before, desired, { keepProxied: options.mode !== 'rollback' });
    if (plan.after.some((s) => s.proxied))
        notes.push('The record is proxied by Cloudflare: the name keeps answering with Cloudflare edge addresses and the origin changes behind it.');
    return {
        mode: options.mode,
        provider: options.provider,
        zone: start.zone.name,
        name: options.name,
        target: options.mode === 'plan' || options.mode === 'apply' ? (0,dns_records/* describeTarget */.ff)(options.target) : undefined,
        ok: true,
        status: 'planned',
        changed: false,
        sent: false,
        plan,
        rows: (0,dns_plan/* planRows */.Lq)(plan),
        previous: start.previous,
        preflight: {},
        postHealth: [],
        notes,
        timeline: run.timeline,
        apiCalls: 0,
        durationMs: 0,
        waitSeconds,
    };
}
/** plan/apply: the target's records; rollback: the snapshot's; lower-ttl: the same records, shorter TTL. */
function desiredFor(options, before, notes) {
    if (options.mode === 'rollback')
        return { desired: options.previous.records };
    if (options.mode === 'plan' || options.mode === 'apply')
        return { desired: (0,dns_records/* desiredRecords */.pC)(options.name, options.target, options.ttl) };
    if (!before.length) {
        throw new errors/* UserError */.yo(`${options.name} has no A, AAAA or CNAME records to lower the TTL of.`, {
            input: 'name',
            fix: 'check the name; a new name needs no TTL lowering.',
        });
    }
    const desired = before.map((set) => {
        const alias = set.providerData?.alias;
        if (set.proxied || alias) {
            notes.push(`${set.type} is ${set.proxied ? 'proxied (TTL is automatic)' : 'a Route 53 alias (TTL follows the alias target)'}; left as it is.`);
            return set;
        }
        return set.ttl > options.ttl ? { ...set, ttl: options.ttl, providerData: undefined } : set;
    });
    return { desired, waitSeconds: Math.max(0, ...before.map((set) => (set.ttl === 1 ? 300 : set.ttl))) };
}
/** Too many changes without force, or plan mode: the run ends here with nothing sent. */
function refuseOrStopAtPlan(run, result) {
    const { options } = run;
    const { plan } = result;
    if (plan.recordChanges > options.maxChanges && !options.force) {
        return finish(run, result, {
            ok: false,
            status: 'refused',
            failure: `The plan changes ${plan.recordChanges} records, more than max-changes (${options.maxChanges}); nothing was changed. Raise max-changes or set force: true after reading the plan.`,
        });
    }
    if (options.mode !== 'plan')
        return undefined;
    run.mark((0,dns_plan/* isNoop */.X5)(plan)
        ? 'plan: the records already match; an apply would send nothing'
        : `plan: ${plan.recordChanges} record change(s)`);
    return finish(run, result, { status: (0,dns_plan/* isNoop */.X5)(plan) ? 'unchanged' : 'planned' });
}
/** Nothing to send: still verify that every server answers what the provider holds. */
async function confirmUnchanged(run, start, result, watchers) {
    const { options, provider } = run;
    run.mark('the records already match; nothing sent');
    const budget = verifyBudget(run);
    const types = verifyTypes(start.before, result.plan.after);
    const verify = await verifyAll(provider, options, result.plan.after, types, watchers, Date.now(), budget, run.mark);
    return finish(run, result, {
        status: 'unchanged',
        verify,
        ok: verify.ok,
        failure: verify.ok
            ? undefined
            : `The records already match at ${options.provider}, but ${unmatched(verify)} still answer(s) something else after ${(0,duration/* formatDuration */.a3)(budget)}.`,
    });
}
/**
 * The one atomic request. Every provider applies it all-or-nothing, but its answer can be lost after it
 * was taken: the records are read back rather than assumed, and anything but "unchanged" counts as changed.
 */
async function sendTheChange(run, start, result) {
    const { options, provider } = run;
    const { plan } = result;
    run.mark(`sending the change to ${options.provider} (${plan.deletes.length} delete, ${plan.upserts.length} replace, one request)`);
    try {
        const receipt = await provider.apply(plan);
        markChanged(run, start, result);
        result.receipt = receipt;
        const sync = receipt.inSyncAt
            ? `, INSYNC after ${(0,duration/* formatDuration */.a3)(receipt.inSyncAt - receipt.acceptedAt)}`
            : '';
        run.mark(`${options.provider} accepted the change${sync}`);
        return { receipt };
    }
    catch (error) {
        // Finding out whether the change landed is part of undoing it: it gets the rollback's budget.
        run.deadline.extend(ROLLBACK_BUDGET_MS, `the rollback's own ${(0,duration/* formatDuration */.a3)(ROLLBACK_BUDGET_MS)}`);
        const now = await provider.read(options.name).catch(() => undefined);
        const untouched = now !== undefined && (0,dns_plan/* isNoop */.X5)((0,dns_plan/* planChange */.AS)(options.name, now, start.before, { keepProxied: false }));
        if (untouched) {
            if (error instanceof errors/* UserError */.yo)
                throw error;
            const failure = `${options.provider} did not accept the change: ${describeError(error)}. The records were read back unchanged.`;
            return { settled: finish(run, result, { ok: false, status: 'failed', failure }) };
        }
        markChanged(run, start, result);
        return {
            failure: `${options.provider} did not confirm the change (${describeError(error)}), and the records ${now ? 'read back changed' : 'could not be read back'}.`,
        };
    }
}
function markChanged(run, start, result) {
    result.sent = true;
    result.changed = true;
    run.options.onState?.({ changed: true, previous: start.previous });
}
/** From here on the records are switched: the first problem found is returned, and it will be undone. */
async function verifyTheChange(run, start, result, watchers, receipt) {
    const { options, provider } = run;
    const after = result.plan.after;
    try {
        const budget = verifyBudget(run);
        const types = verifyTypes(start.before, after);
        const verify = await verifyAll(provider, options, after, types, watchers, receipt.acceptedAt, budget, run.mark);
        result.verify = verify;
        if (receipt.syncError)
            return `After the change, ${receipt.syncError}.`;
        if (!verify.ok)
            return `After the change, ${unmatched(verify)} did not answer the new records within ${(0,duration/* formatDuration */.a3)(budget)}.`;
        if (options.mode !== 'apply' || !options.healthUrl)
            return undefined;
        const health = await postSwitchHealth({ ...options, healthUrl: options.healthUrl }, run.mark);
        result.postHealth = health;
        if (!health.some((h) => h.ok))
            return `After the switch, ${options.healthUrl.href} failed ${health.length} time(s) through the new target (${health.at(-1)?.error}).`;
        return undefined;
    }
    catch (error) {
        return `After the change, verifying it failed: ${describeError(error)}.`;
    }
}
function finishVerified(run, result) {
    const mode = run.options.mode;
    const status = mode === 'rollback' ? 'restored' : mode === 'lower-ttl' ? 'ttl-lowered' : 'applied';
    const verify = result.verify;
    run.mark(`${status}: verified on ${verify.servers.length} server(s) in ${(0,duration/* formatDuration */.a3)(verify.elapsedMs)}`);
    return finish(run, result, { status });
}
/** Puts the snapshot back (with its own budget past the run's timeout) and tells both stories. */
async function undoTheChange(run, start, result, watchers, failure) {
    const { options } = run;
    run.deadline.extend(ROLLBACK_BUDGET_MS, `the rollback's own ${(0,duration/* formatDuration */.a3)(ROLLBACK_BUDGET_MS)}`);
    run.mark('restoring the previous records');
    const story = await restore(run, start.before, watchers);
    result.rollback = story.story;
    options.onState?.({ changed: !story.story.applied, previous: start.previous });
    const told = story.story.ok
        ? `${failure} The previous records were put back and verified in ${(0,duration/* formatDuration */.a3)(story.story.verify?.elapsedMs ?? 0)}.`
        : story.story.applied
            ? `${failure} The previous records were put back, but ${story.problem}.`
            : `${failure} Restoring the previous records also failed: ${story.problem}. Restore them by hand at ${options.provider} — ${options.name} must hold ${start.before.map(dns_records/* formatRecordSet */.ZE).join('; ') || 'no A, AAAA or CNAME records'} — or run mode: rollback with the 'previous' output.`;
    return finish(run, result, {
        ok: false,
        status: story.story.ok ? 'rolled-back' : 'rollback-failed',
        changed: !story.story.applied,
        failure: told,
    });
}
/** Reads what is there now, sends the change back to `before` if needed, and verifies it. */
async function restore(run, before, watchers) {
    const { options, provider } = run;
    let plan;
    try {
        const now = await provider.read(options.name);
        plan = (0,dns_plan/* planChange */.AS)(options.name, now, before, { keepProxied: false });
        const receipt = (0,dns_plan/* isNoop */.X5)(plan) ? undefined : await provider.apply(plan);
        if (receipt)
            run.mark(`${options.provider} accepted the restore`);
        const backBut = (problem) => ({
            problem,
            error: `they are back at ${options.provider} but ${problem}`,
        });
        if (receipt?.syncError) {
            const told = backBut(`not confirmed on its servers: ${receipt.syncError}`);
            return { story: { plan, receipt, ok: false, applied: true, error: told.error }, problem: told.problem };
        }
        const since = receipt?.acceptedAt ?? Date.now();
        const verify = await verifyAll(provider, options, before, verifyTypes(now, before), watchers, since, verifyBudget(run), run.mark);
        run.mark(verify.ok
            ? `previous records verified back in ${(0,duration/* formatDuration */.a3)(verify.elapsedMs)}`
            : 'previous records not verified everywhere');
        const told = verify.ok
            ? undefined
            : backBut(`not verified: ${unmatched(verify)} still answer(s) something else`);
        return {
            story: { plan, receipt, verify, ok: verify.ok, applied: true, error: told?.error },
            problem: told?.problem,
        };
    }
    catch (error) {
        const problem = describeError(error);
        return {
            story: {
                plan: plan ?? (0,dns_plan/* planChange */.AS)(options.name, [], before),
                ok: false,
                applied: false,
                error: problem,
            },
            problem,
        };
    }
}
/** The propagation wait: verify-timeout, but never past the run's deadline. */
function verifyBudget(run) {
    return Math.max(1, Math.min(run.options.verifyTimeoutMs, run.deadline.remainingMs()));
}
function finish(run, result, patch) {
    return Object.assign(result, patch, { apiCalls: run.calls.count, durationMs: Date.now() - run.started });
}
function describeError(error) {
    if (error instanceof errors/* UserError */.yo)
        return error.describe();
    return error instanceof Error ? error.message.replace(/\.$/, '') : String(error);
}


/***/ }),

/***/ 5052:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AS: () => (/* binding */ planChange),
/* harmony export */   Lq: () => (/* binding */ planRows),
/* harmony export */   X5: () => (/* binding */ isNoop),
/* harmony export */   planJson: () => (/* binding */ planJson)
/* harmony export */ });
/* unused harmony export sameRecordSet */
/* harmony import */ var _records_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1721);

/**
 * Diffs the records at a name against what they should be. `desired` lists every rrset the name should
 * hold among A/AAAA/CNAME; a Cloudflare record that was proxied stays proxied (and then has TTL auto),
 * because turning the orange cloud off during a cutover would expose the origin.
 */
function planChange(name, before, desired, options = {}) {
    const proxied = options.keepProxied !== false && before.some((set) => set.proxied);
    const after = desired.map((set) => proxied && set.proxied === undefined ? { ...set, proxied: true, ttl: 1 } : set);
    const deletes = [];
    const upserts = [];
    let recordChanges = 0;
    for (const type of _records_js__WEBPACK_IMPORTED_MODULE_0__/* .CUTOVER_TYPES */ .ju) {
        const from = before.find((set) => set.type === type);
        const to = after.find((set) => set.type === type);
        if (!to) {
            if (from) {
                deletes.push(from);
                recordChanges += from.values.length;
            }
        }
        else if (!from) {
            upserts.push({ to });
            recordChanges += to.values.length;
        }
        else if (!sameRecordSet(from, to)) {
            upserts.push({ from, to });
            const removed = from.values.filter((v) => !to.values.includes(v)).length;
            const added = to.values.filter((v) => !from.values.includes(v)).length;
            recordChanges += removed + added || to.values.length;
        }
    }
    return { name, before, after, deletes, upserts, recordChanges };
}
function sameRecordSet(a, b) {
    return (a.type === b.type &&
        a.ttl === b.ttl &&
        Boolean(a.proxied) === Boolean(b.proxied) &&
        (0,_records_js__WEBPACK_IMPORTED_MODULE_0__/* .sameValues */ .Z)(a.values, b.values));
}
const isNoop = (plan) => plan.deletes.length === 0 && plan.upserts.length === 0;
function planRows(plan) {
    const rows = [];
    for (const type of _records_js__WEBPACK_IMPORTED_MODULE_0__/* .CUTOVER_TYPES */ .ju) {
        const from = plan.before.find((set) => set.type === type);
        const to = plan.after.find((set) => set.type === type);
        if (!from && !to)
            continue;
        const action = !from ? 'create' : !to ? 'delete' : sameRecordSet(from, to) ? 'keep' : 'replace';
        rows.push({
            type,
            before: from ? (0,_records_js__WEBPACK_IMPORTED_MODULE_0__/* .formatRecordSet */ .ZE)(from) : '—',
            after: to ? (0,_records_js__WEBPACK_IMPORTED_MODULE_0__/* .formatRecordSet */ .ZE)(to) : '—',
            action,
        });
    }
    return rows;
}
/** Provider-neutral JSON of the change, for the `plan` output (provider internals left out). */
function planJson(plan) {
    const strip = (set) => ({
        type: set.type,
        ttl: set.ttl,
        values: set.values,
        ...(set.proxied ? { proxied: true } : {}),
    });
    return JSON.stringify({
        name: plan.name,
        recordChanges: plan.recordChanges,
        delete: plan.deletes.map(strip),
        upsert: plan.upserts.map((u) => ({ from: u.from ? strip(u.from) : null, to: strip(u.to) })),
    });
}


/***/ })

};
