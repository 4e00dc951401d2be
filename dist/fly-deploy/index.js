import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 3448:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4296);
/* harmony import */ var _core_step_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1757);
/* harmony import */ var _fly_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8992);



// The deploy inputs and fly.toml first, before the toolkit and the clients load: a bad one fails fast.
const reader = (0,_core_step_js__WEBPACK_IMPORTED_MODULE_1__/* .envInputs */ .DH)();
const mode = (0,_core_step_js__WEBPACK_IMPORTED_MODULE_1__/* .checkInputs */ .sw)('fly-deploy', () => reader.enumOf('mode', ['deploy', 'doctor'], 'deploy'));
if (mode === 'doctor')
    await doctorStep();
else if (mode) {
    const checked = (0,_core_step_js__WEBPACK_IMPORTED_MODULE_1__/* .checkInputs */ .sw)('fly-deploy', () => (0,_fly_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .readDeployInputs */ .Jj)(reader, process.env));
    if (checked)
        await deployStep(checked);
}
/**
 * `mode: doctor`: name (and, when asked, repair) what an unfinished rollout left behind. The step fails
 * when a repair was asked for and something is still left, so a deploy never starts on a mess.
 */
async function doctorStep() {
    const core = await Promise.all(/* import() */[__nccwpck_require__.e(260), __nccwpck_require__.e(264)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7264));
    const { runAction, setOutputs, writeSummary } = await Promise.all(/* import() */[__nccwpck_require__.e(260), __nccwpck_require__.e(264), __nccwpck_require__.e(605)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5605));
    const { doctorVerdict, renderDoctorSummary, runDoctor } = await Promise.all(/* import() */[__nccwpck_require__.e(752), __nccwpck_require__.e(160), __nccwpck_require__.e(219)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1219));
    const { readDoctorInputs } = await Promise.all(/* import() */[__nccwpck_require__.e(752), __nccwpck_require__.e(160), __nccwpck_require__.e(276)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7276));
    await runAction('fly-deploy', async () => {
        const options = readDoctorInputs(reader, process.env);
        const report = await runDoctor({ ...options, log: (line) => core.info(line) });
        const verdict = doctorVerdict(report, options.fix);
        setOutputs({
            'doctor-status': verdict.status,
            'doctor-findings': JSON.stringify(report.before),
            'doctor-left': JSON.stringify(report.after),
            'release-config': options.release ? JSON.stringify(options.release) : '',
        });
        await writeSummary(renderDoctorSummary(report));
        if (verdict.status === 'needs-repair')
            core.warning(verdict.message);
        if (verdict.status === 'failed')
            throw new Error(verdict.message);
    });
}
async function deployStep(inputs) {
    const core = await Promise.all(/* import() */[__nccwpck_require__.e(260), __nccwpck_require__.e(264)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7264));
    const { runAction, setOutputs, writeSummary } = await Promise.all(/* import() */[__nccwpck_require__.e(260), __nccwpck_require__.e(264), __nccwpck_require__.e(605)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5605));
    const { imageToDeploy } = await Promise.all(/* import() */[__nccwpck_require__.e(260), __nccwpck_require__.e(541)]).then(__nccwpck_require__.bind(__nccwpck_require__, 541));
    const { deploy } = await Promise.all(/* import() */[__nccwpck_require__.e(752), __nccwpck_require__.e(160), __nccwpck_require__.e(911)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2911));
    const { renderDeploySummary } = await __nccwpck_require__.e(/* import() */ 821).then(__nccwpck_require__.bind(__nccwpck_require__, 8821));
    const { DeploymentRecorder, recordTargetFromInputs } = await Promise.all(/* import() */[__nccwpck_require__.e(752), __nccwpck_require__.e(413), __nccwpck_require__.e(323)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5323));
    await runAction('fly-deploy', async () => {
        const recordTarget = recordTargetFromInputs(reader, inputs, process.env);
        const recorder = recordTarget
            ? new DeploymentRecorder(recordTarget, (line) => core.warning(line))
            : undefined;
        const image = await imageToDeploy(inputs, (line) => core.info(line));
        await recorder?.begin(image);
        const result = await deploy({
            ...inputs,
            image,
            log: (line) => core.info(line),
            warn: (line) => core.warning(line),
        });
        await recorder?.finish(result);
        setOutputs({
            'deployment-id': recorder?.deploymentId,
            image: result.image,
            'previous-image': result.previousImage ?? '',
            'release-version': result.releaseVersion,
            machines: JSON.stringify(result.machines.map(({ id, region, version, state }) => ({ id, region, version, state }))),
            url: result.url,
            status: result.status,
        });
        await writeSummary(renderDeploySummary(result));
        if (result.rollbackFailure) {
            core.error(`${result.rollbackFailure.message}. Run by hand:\n${result.rollbackFailure.commands.join('\n')}`, { title: 'fly-deploy rollback failed' });
        }
        if (result.status === 'rolled-back') {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`the new release was rolled back: ${result.reason}`, {
                fix: 'see the job summary; the app still runs the previous image.',
            });
        }
        if (result.status === 'failed') {
            if (result.error instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo)
                throw result.error;
            throw new Error(result.reason ?? 'deploy failed');
        }
        core.info(`deployed ${result.image} to ${result.app} (release v${result.releaseVersion}, ${result.machines.length} Machine(s))`);
    });
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 8571:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Dy: () => (/* binding */ goDurationMs),
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   a3: () => (/* binding */ formatDuration)
/* harmony export */ });
const UNITS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
/**
 * Parses `250ms`, `90s`, `5m`, `1h30m`, `7d` into milliseconds. A bare number is rejected on purpose:
 * `wait-timeout: 5` could mean seconds or minutes, and guessing wrong deploys with the wrong gate.
 * Returns undefined when the text is not a duration.
 */
function parseDuration(text) {
    const trimmed = text.trim().toLowerCase();
    if (!/^(\d+(\.\d+)?\s*(ms|s|m|h|d)\s*)+$/.test(trimmed))
        return undefined;
    let total = 0;
    for (const match of trimmed.matchAll(/(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)/g)) {
        total += Number(match[1]) * UNITS[match[2]];
    }
    return total;
}
function formatDuration(ms) {
    if (!Number.isFinite(ms))
        return String(ms);
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)}s`;
    if (ms < 3_600_000)
        return `${Math.floor(ms / 60_000)}m${Math.round((ms % 60_000) / 1000)}s`;
    return `${Math.floor(ms / 3_600_000)}h${Math.round((ms % 3_600_000) / 60_000)}m`;
}
const GO_UNITS = {
    ns: 1e-6,
    us: 1e-3,
    µs: 1e-3,
    ms: 1,
    s: 1000,
    m: 60_000,
    h: 3_600_000,
};
/**
 * Milliseconds from a Go duration string (`"15s"`, `"1m30s"`, `"500ms"`, `"0"`), as fly.toml and the Machines
 * API write them; undefined when the text is not one. The one parser the client and the simulator share.
 */
function goDurationMs(text) {
    const trimmed = text.trim();
    if (trimmed === '0')
        return 0;
    if (!/^((\d+(\.\d+)?)(ns|us|µs|ms|s|m|h))+$/.test(trimmed))
        return undefined;
    let total = 0;
    for (const match of trimmed.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g))
        total += Number(match[1]) * GO_UNITS[match[2]];
    return total;
}


/***/ }),

/***/ 4296:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   hD: () => (/* binding */ ApiError),
/* harmony export */   qK: () => (/* binding */ isProgrammingError),
/* harmony export */   yo: () => (/* binding */ UserError)
/* harmony export */ });
/* unused harmony export isUserError */
/**
 * Two kinds of failure, reported differently: a UserError is the caller's to fix and reads as one line
 * naming the input, what was wrong and the fix; anything else is ours and keeps its stack for the log.
 */
class UserError extends Error {
    input;
    fix;
    constructor(message, options = {}) {
        super(message, { cause: options.cause });
        this.name = 'UserError';
        this.input = options.input;
        this.fix = options.fix;
    }
    /** The one line a user sees: `input 'rate': "-1" is not a number ≥ 0. Fix: use e.g. 50.` */
    describe() {
        const where = this.input ? `input '${this.input}': ` : '';
        const fix = this.fix ? ` Fix: ${this.fix}` : '';
        return `${where}${this.message}${fix}`;
    }
}
/** An input failed validation. Thrown before any API call, so nothing has been changed. */
class InputError extends UserError {
    constructor(input, problem, fix) {
        super(problem, { input, fix });
        this.name = 'InputError';
    }
}
/** A remote API said no in a way that retrying cannot change (bad token, no such bucket...). */
class ApiError extends Error {
    status;
    body;
    constructor(message, status, body = '') {
        super(message);
        this.name = 'ApiError';
        this.status = status;
        this.body = body;
    }
}
function errorMessage(error) {
    if (error instanceof UserError)
        return error.describe();
    if (error instanceof Error)
        return error.message;
    if (typeof error === 'string')
        return error;
    try {
        return JSON.stringify(error);
    }
    catch {
        return String(error);
    }
}
function isUserError(error) {
    return error instanceof UserError;
}
/**
 * Our own bugs surface as the built-in error types (a TypeError reading a field of undefined...): only
 * those are reported as "failed unexpectedly". Errors raised on purpose (a service's fault, a store
 * error) carry a message written for the user.
 */
function isProgrammingError(error) {
    if (isUserError(error))
        return false;
    return (!(error instanceof Error) ||
        error instanceof TypeError ||
        error instanceof RangeError ||
        error instanceof ReferenceError ||
        error instanceof SyntaxError ||
        error instanceof EvalError ||
        error instanceof URIError ||
        !error.message);
}


/***/ }),

/***/ 9114:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   i_: () => (/* binding */ InputReader)
/* harmony export */ });
/* unused harmony exports parsePercent, MAX_INPUT_LENGTH, MAX_URL_LENGTH, MAX_HEADER_LENGTH, shown, checkLength, checkHeaderValue, parseUrl */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4296);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8571);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8198);



/**
 * Typed readers over one InputSource. Every reader names the input in its error and says what a good
 * value looks like, so a mistake is a one-line fix that fails before any API call.
 */
class InputReader {
    source;
    constructor(source) {
        this.source = source;
    }
    raw(name) {
        const value = this.source(name);
        if (value === undefined)
            return undefined;
        checkLength(name, value, MAX_INPUT_LENGTH);
        const trimmed = value.trim();
        return trimmed === '' ? undefined : trimmed;
    }
    required(name, example) {
        const value = this.raw(name);
        if (value === undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, 'is required but empty.', example ? `set it, e.g. ${name}: ${example}` : `set '${name}'.`);
        }
        return value;
    }
    string(name, fallback) {
        return this.raw(name) ?? fallback;
    }
    optional(name) {
        return this.raw(name);
    }
    bool(name, fallback) {
        const value = this.raw(name);
        if (value === undefined)
            return fallback;
        if (/^(true|yes|on|1)$/i.test(value))
            return true;
        if (/^(false|no|off|0)$/i.test(value))
            return false;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `"${value}" is not a boolean.`, 'use true or false.');
    }
    int(name, fallback, range = {}) {
        const value = this.raw(name);
        if (value === undefined)
            return fallback;
        if (!/^-?\d+$/.test(value))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `"${value}" is not a whole number.`, `use e.g. ${fallback}.`);
        return checkRange(name, Number(value), range);
    }
    number(name, fallback, range = {}) {
        const value = this.raw(name);
        if (value === undefined)
            return fallback;
        const parsed = Number(value);
        if (!Number.isFinite(parsed))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `"${value}" is not a number.`, `use e.g. ${fallback}.`);
        return checkRange(name, parsed, range);
    }
    /** Milliseconds from `90s`, `5m`, `1h30m`. */
    duration(name, fallback, range = {}) {
        const text = this.raw(name) ?? fallback;
        const ms = (0,_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDuration */ .E9)(text);
        if (ms === undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `"${text}" is not a duration.`, 'write a number with a unit: 500ms, 90s, 5m, 1h30m, 7d.');
        }
        if (range.min !== undefined && ms < range.min)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${text} is shorter than the minimum ${range.min}ms.`, 'use a longer duration.');
        if (range.max !== undefined && ms > range.max)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${text} is longer than the maximum ${range.max}ms.`, 'use a shorter duration.');
        return ms;
    }
    /** A fraction from `1%`, `0.5%` or `0.01`. */
    percent(name, fallback) {
        const value = this.raw(name);
        if (value === undefined)
            return fallback;
        const parsed = parsePercent(value);
        if (parsed === undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${shown(value)} is not a percentage from 0% to 100%.`, 'write e.g. 1% or 0.01.');
        return parsed;
    }
    /** Items separated by newlines (or commas when `commas` is set); blank lines and `#` comments dropped. */
    list(name, options = {}) {
        const value = this.source(name) ?? '';
        checkLength(name, value, MAX_INPUT_LENGTH);
        const splitter = options.commas ? /[\n,]/ : /\n/;
        return value
            .split(splitter)
            .map((line) => line.trim())
            .filter((line) => line !== '' && !line.startsWith('#'));
    }
    enumOf(name, allowed, fallback) {
        const value = this.raw(name);
        if (value === undefined)
            return fallback;
        const match = allowed.find((option) => option.toLowerCase() === value.toLowerCase());
        if (!match)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `"${value}" is not one of the accepted values.`, `use one of: ${allowed.join(', ')}.`);
        return match;
    }
    url(name, options = {}) {
        const value = options.required ? this.required(name, 'https://example.fly.dev/health') : this.raw(name);
        if (value === undefined)
            return undefined;
        return parseUrl(name, value, options.protocols, options);
    }
    /** `NAME=VALUE` lines into a map; the value may itself contain `=`. */
    keyValues(name) {
        const result = new Map();
        for (const line of this.list(name)) {
            const eq = line.indexOf('=');
            if (eq <= 0)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `line "${line.slice(0, 40)}" is not NAME=VALUE.`, 'write one NAME=VALUE per line.');
            result.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
        }
        return result;
    }
}
/** A fraction from `1%` or `0.01`; undefined for anything else, including more than 100 %. */
function parsePercent(text) {
    const trimmed = text.trim();
    const pct = /^(\d+(?:\.\d+)?)\s*%$/.exec(trimmed);
    if (pct) {
        const n = Number(pct[1]);
        // A rate above 100 % can never be reached, so a gate on it would pass an endpoint failing every request.
        return n <= 100 ? n / 100 : undefined;
    }
    if (/^\d+(\.\d+)?$/.test(trimmed)) {
        const n = Number(trimmed);
        return n <= 1 ? n : undefined;
    }
    return undefined;
}
/** No input is longer than this; anything longer is a paste gone wrong, refused before it is used. */
const MAX_INPUT_LENGTH = 65_536;
/** Longer URLs are refused by most servers and proxies (8 KiB request line) and are never meant. */
const MAX_URL_LENGTH = 8192;
/** Header values past this are refused by common servers (nginx: 8 KiB per header line). */
const MAX_HEADER_LENGTH = 8192;
/** A value as it may appear in a message: quoted, control characters shown, long ones cut with their length. */
function shown(value, max = 80) {
    const visible = JSON.stringify(value.length > max ? value.slice(0, max) : value);
    return value.length > max ? `${visible.slice(0, -1)}…" (${value.length} characters)` : visible;
}
/** Refuses an absurd length before the value is used anywhere. */
function checkLength(name, value, max, what = 'value') {
    if (value.length > max)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `the ${what} is ${value.length} characters long; at most ${max} is accepted.`, 'check what was pasted into it.');
}
/**
 * A header value that can be sent as it is: no CR, LF or other control characters (they would split or
 * corrupt the request, and every request would fail), and a sane length. Never echoes the value: it may
 * be a credential.
 */
function checkHeaderValue(input, header, value) {
    // Control characters are exactly what this looks for.
    // eslint-disable-next-line no-control-regex
    const bad = /[\x00-\x08\x0a-\x1f\x7f]/.exec(value);
    if (bad) {
        const what = bad[0] === '\r'
            ? 'a carriage return (CR)'
            : bad[0] === '\n'
                ? 'a line feed (LF)'
                : 'a control character';
        throw new InputError(input, `the value of header ${header} contains ${what}, which cannot be sent in HTTP.`, 'remove it (a pasted Windows line ending is the usual cause).');
    }
    checkLength(input, value, MAX_HEADER_LENGTH, `value of header ${header}`);
}
function parseUrl(name, value, protocols = ['http:', 'https:'], rules = {}) {
    checkLength(name, value, rules.maxLength ?? MAX_URL_LENGTH, 'URL');
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${shown(value)} is not a valid URL.`, 'write an absolute URL such as https://voice-bot.fly.dev/health.');
    }
    if (!protocols.includes(url.protocol)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${shown((0,_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .scrub */ ._I)(value))} uses ${url.protocol.replace(':', '')}, not ${protocols.map((p) => p.replace(':', '')).join(' or ')}.`, 'use an http:// or https:// URL.');
    }
    if ((url.username || url.password) && !rules.credentials) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${shown((0,_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .scrub */ ._I)(value))} carries credentials (user:password@), which HTTP clients refuse to send from a URL.`, 'remove them from the URL and send them as a header instead, e.g. "Authorization: Basic <base64 of user:password>".');
    }
    return url;
}
function checkRange(name, value, range) {
    if (range.min !== undefined && value < range.min)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${value} is below the minimum ${range.min}.`, `use a value ≥ ${range.min}.`);
    if (range.max !== undefined && value > range.max)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `${value} is above the maximum ${range.max}.`, `use a value ≤ ${range.max}.`);
    return value;
}


/***/ }),

/***/ 8198:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BO: () => (/* binding */ redactUrl),
/* harmony export */   _I: () => (/* binding */ scrub),
/* harmony export */   cl: () => (/* binding */ registerSecret),
/* harmony export */   gW: () => (/* binding */ installLogScrubber)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);

const registered = new Set();
/**
 * Masks a secret in the runner log and remembers it so our own errors, outputs and summaries can be
 * scrubbed too: the runner only redacts its log, not the files we write. Derived forms (the
 * `Bearer …` header, base64) are registered as well because masking is by exact substring.
 */
function registerSecret(value) {
    if (!value || value.length < 4)
        return;
    for (const form of [value, Buffer.from(value).toString('base64'), encodeURIComponent(value)]) {
        if (!registered.has(form)) {
            registered.add(form);
            // `core.setSecret`, written out: this module loads before the toolkit does (core/step.ts).
            process.stdout.write(`::add-mask::${form.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}${node_os__WEBPACK_IMPORTED_MODULE_0__.EOL}`);
        }
    }
}
/** `scheme://user:password@` and `scheme://token@`: the password (or a lone user, often a token) is secret. */
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#@:"'<>]*)(?::([^\s/?#@"'<>]*))?@/gi;
/** Query parameters that carry credentials by name (`?token=`, `&api_key=`, `X-Amz-Signature=`...). */
const SECRET_QUERY = /([?&;](?:[\w.-]*[_.-])?(?:token|key|apikey|secret|password|passwd|pwd|sig|signature|auth|credential|session)=)[^&#\s"'<>]+/gi;
/** An echoed credential header (`authorization: Bearer …`, `"x-api-key":"…"`) in a server's answer. */
const SECRET_HEADER = /((?:proxy-)?authorization|x-api-key|x-auth-token|cookie|set-cookie)(["']?\s*[:=]\s*["']?)(?:(Bearer|token|Basic|FlyV1|Digest)\s+)?[^"'\s,}\]]+/gi;
/**
 * Replaces every registered secret, and anything shaped like a credential even if nobody registered it
 * (URL passwords, token query parameters, echoed auth headers), with `***`.
 */
function scrub(text) {
    let result = text;
    // Longest first, so a secret that contains another is replaced whole.
    for (const secret of [...registered].sort((a, b) => b.length - a.length)) {
        result = result.split(secret).join('***');
    }
    return result
        .replace(URL_CREDENTIALS, (_m, scheme, user, password) => password === undefined ? `${scheme}***@` : `${scheme}${user}:***@`)
        .replace(SECRET_QUERY, '$1***')
        .replace(SECRET_HEADER, (_m, name, sep, scheme) => scheme ? `${name}${sep}${scheme} ***` : `${name}${sep}***`);
}
/** A URL as it may appear in a message: credentials and token-like query values replaced by `***`. */
function redactUrl(url) {
    return scrub(typeof url === 'string' ? url : url.href);
}
let installed = false;
/**
 * Every line the step writes passes through `scrub`, so a message that forgot to scrub (a library's
 * error, a server's echo) still cannot carry a secret into the log, which the `runway` CLI and
 * anything else reading it see unmasked. `::add-mask::` commands pass untouched: they carry the
 * secret to the runner on purpose.
 */
function installLogScrubber() {
    if (installed)
        return;
    installed = true;
    for (const stream of [process.stdout, process.stderr]) {
        const write = stream.write.bind(stream);
        stream.write = ((chunk, ...rest) => {
            if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array))
                return write(chunk, ...rest);
            const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
            const clean = text
                .split('\n')
                .map((line) => (line.startsWith('::add-mask::') ? line : scrub(line)))
                .join('\n');
            return write(clean, ...rest);
        });
    }
}


/***/ }),

/***/ 1757:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   DH: () => (/* binding */ envInputs),
/* harmony export */   sw: () => (/* binding */ checkInputs),
/* harmony export */   vy: () => (/* binding */ failStep)
/* harmony export */ });
/* unused harmony export escapeCommandData */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4296);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(9114);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(8198);
/**
 * The light half of an action step: inputs read straight from the runner's `INPUT_*` variables and a
 * failure reported with the runner's own workflow commands — nothing from the toolkit, so a shell can
 * check every input and stop on a bad one before anything heavy (the toolkit, undici, the AWS SDK)
 * loads. `runAction` (core/action.ts) reports failures through `failStep` too: one way to fail a step.
 */





/** `core.getInput(name)`'s source: INPUT_<NAME>, spaces as underscores, upper case. */
function envInputs(env = process.env) {
    return new _inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .InputReader */ .i_((name) => env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '');
}
/** Workflow-command data escaping, as the toolkit does it (% first, then CR and LF). */
const escapeCommandData = (text) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/**
 * Fails the step the way `core.setFailed` does (exit code 1, an `::error::` annotation) and adds a
 * "stopped" section to the job summary. A user's mistake or a service's failure reads as its own message;
 * a programming error (the built-in error types) says it is ours and keeps the stack for the debug log.
 * Secrets are scrubbed from both.
 */
function failStep(name, error) {
    const message = (0,_secrets_js__WEBPACK_IMPORTED_MODULE_4__/* .scrub */ ._I)((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error));
    // The caller's mistake, or a server that failed, reads as its own message: it says which and what to do.
    const shown = (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isProgrammingError */ .qK)(error) ? `${name} failed unexpectedly: ${message}` : message;
    if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isProgrammingError */ .qK)(error) && error instanceof Error && error.stack)
        process.stdout.write(`::debug::${escapeCommandData((0,_secrets_js__WEBPACK_IMPORTED_MODULE_4__/* .scrub */ ._I)(error.stack))}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`);
    process.exitCode = 1;
    process.stdout.write(`::error::${escapeCommandData(shown)}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`);
    const summary = process.env.GITHUB_STEP_SUMMARY;
    if (!summary)
        return;
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(summary, `### ❌ ${name} stopped\n\n${message.replace(/</g, '&lt;')}\n${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`);
    }
    catch {
        // The summary is a courtesy; the step has already failed with the real message.
    }
}
/**
 * Reads and checks the inputs; on a bad one fails the step and returns undefined, so the shell stops
 * before it imports anything heavy.
 */
function checkInputs(name, read) {
    try {
        return read();
    }
    catch (error) {
        failStep(name, error);
        return undefined;
    }
}


/***/ }),

/***/ 2905:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ durationMs),
/* harmony export */   y: () => (/* binding */ flyDuration)
/* harmony export */ });
/* harmony import */ var _core_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8571);

/** Go's time.Duration.String() for a whole number of nanoseconds: "1m30s", "1.5s", "500ms", "0s". */
function goDurationFromNs(ns) {
    if (ns === 0)
        return '0s';
    const abs = Math.abs(ns);
    // ns is not 0 here, so it is negative exactly when it differs from its absolute value.
    const sign = abs === ns ? '' : '-';
    const trim = (n, scale) => {
        const whole = Math.trunc(n / scale);
        const frac = String(n % scale)
            .padStart(String(scale).length - 1, '0')
            .replace(/0+$/, '');
        return frac ? `${whole}.${frac}` : String(whole);
    };
    if (abs < 1e3)
        return `${sign}${abs}ns`;
    if (abs < 1e6)
        return `${sign}${trim(abs, 1e3)}µs`;
    if (abs < 1e9)
        return `${sign}${trim(abs, 1e6)}ms`;
    const hours = Math.trunc(abs / 3.6e12);
    const minutes = Math.trunc((abs % 3.6e12) / 6e10);
    const seconds = trim(abs % 6e10, 1e9);
    if (hours)
        return `${sign}${hours}h${minutes}m${seconds}s`;
    if (minutes)
        return `${sign}${minutes}m${seconds}s`;
    return `${sign}${seconds}s`;
}
/**
 * A fly.toml duration as fly-go sends it: strings parse as Go durations and are re-printed by
 * Duration.String() ("1m" goes out as "1m0s"); a bare number is in `bareUnitMs` units (milliseconds for
 * checks, seconds for kill_timeout, as flyctl's patches read them). Undefined when it is not a duration.
 */
function flyDuration(value, bareUnitMs) {
    let ms;
    // Number.isFinite is false for anything that is not a number (it does not convert).
    if (Number.isFinite(value))
        ms = value * bareUnitMs;
    else if (typeof value === 'string')
        ms = (0,_core_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .goDurationMs */ .Dy)(value);
    return ms === undefined ? undefined : goDurationFromNs(Math.round(ms * 1e6));
}
/** Milliseconds of a Go duration string ("1m0s", "500ms"), or undefined. */
function durationMs(value) {
    return value === undefined ? undefined : (0,_core_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .goDurationMs */ .Dy)(value);
}


/***/ }),

/***/ 4721:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   P_: () => (/* binding */ filesFor),
/* harmony export */   fZ: () => (/* binding */ metricsFor),
/* harmony export */   tt: () => (/* binding */ staticsFor)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _problems_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4726);
/* harmony import */ var _groups_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(9846);




/** A [[statics]] entry as fly-go sends it (all four fields, tigris_bucket and index_document may be ""). */
function staticsFor(toml) {
    if (!toml.statics.length)
        return undefined;
    return toml.statics.map((s, i) => {
        for (const key of ['guest_path', 'url_prefix'])
            if (typeof s[key] !== 'string' || !s[key])
                throw (0,_problems_js__WEBPACK_IMPORTED_MODULE_2__/* .bad */ .M)(toml.file, `[[statics]] #${i + 1} needs ${key}.`, 'write guest_path = "/app/public" and url_prefix = "/static/".');
        return {
            guest_path: s.guest_path,
            url_prefix: s.url_prefix,
            tigris_bucket: typeof s.tigris_bucket === 'string' ? s.tigris_bucket : '',
            index_document: typeof s.index_document === 'string' ? s.index_document : '',
        };
    });
}
/** The group's first [metrics] entry (port, path, https), as flyctl keeps only the first. */
function metricsFor(toml, group) {
    const entry = toml.metrics.find((m) => (0,_groups_js__WEBPACK_IMPORTED_MODULE_3__/* .appliesTo */ .Gl)(toml, m, group));
    if (!entry)
        return undefined;
    const out = {};
    if (entry.port !== undefined)
        out.port = Number(entry.port);
    if (typeof entry.path === 'string' && entry.path)
        out.path = entry.path;
    if (entry.https === true)
        out.https = true;
    return out;
}
function fileFrom(toml, f, i) {
    const where = `[[files]] #${i + 1}`;
    if (typeof f.guest_path !== 'string' || !f.guest_path)
        throw (0,_problems_js__WEBPACK_IMPORTED_MODULE_2__/* .bad */ .M)(toml.file, `${where} needs guest_path.`, 'write guest_path = "/etc/app/config.json".');
    const base64 = (data) => Buffer.from(data).toString('base64');
    if (typeof f.local_path === 'string' && f.local_path) {
        // flyctl reads it from its working directory, which is fly.toml's directory when run beside it.
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(toml.file), f.local_path);
        try {
            return { guest_path: f.guest_path, raw_value: base64((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path)) };
        }
        catch (error) {
            // Stryker disable next-line StringLiteral: readFileSync's errors always carry a code (ENOENT, EACCES…)
            const code = error.code ?? 'error';
            throw (0,_problems_js__WEBPACK_IMPORTED_MODULE_2__/* .bad */ .M)(toml.file, `${where} local_path "${f.local_path}" cannot be read (${code}).`, `commit the file at ${path}, or use raw_value / secret_name.`);
        }
    }
    if (typeof f.secret_name === 'string' && f.secret_name)
        return { guest_path: f.guest_path, secret_name: f.secret_name };
    if (typeof f.raw_value === 'string' && f.raw_value)
        return { guest_path: f.guest_path, raw_value: base64(f.raw_value) };
    return { guest_path: f.guest_path };
}
/**
 * [[files]] as flyctl deploys them: every entry (flyctl merges the whole file list before it flattens
 * per group, so `processes` on [[files]] does not narrow it), a later entry for the same guest_path
 * replacing an earlier one, and one with no content removing it (fly.MergeFiles).
 */
function filesFor(toml) {
    const files = [];
    toml.files.forEach((entry, i) => {
        const file = fileFrom(toml, entry, i);
        const at = files.findIndex((f) => f.guest_path === file.guest_path);
        if (at === -1)
            files.push(file);
        else if (file.raw_value === undefined && file.secret_name === undefined)
            files.splice(at, 1);
        else
            files[at] = file;
    });
    return files.length ? files : undefined;
}


/***/ }),

/***/ 9956:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ goAtoi)
/* harmony export */ });
/**
 * Go's strconv.Atoi on text, as flyctl reads a text integer (its castToInt patch for ports, and
 * helpers.ParseSize for sizes): decimal digits with an optional sign, nothing else — no spaces, no 0x,
 * no exponent, no fraction. Undefined for anything Atoi refuses.
 */
function goAtoi(text) {
    return /^[+-]?\d+$/.test(text) ? Number(text) : undefined;
}


/***/ }),

/***/ 9846:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Gl: () => (/* binding */ appliesTo),
/* harmony export */   Ut: () => (/* binding */ computeForGroup),
/* harmony export */   jF: () => (/* binding */ defaultGroup)
/* harmony export */ });
/**
 * flyctl's DefaultProcessName: "app" when defined (or no [processes]), else the first name in sort order.
 * parseFlyToml gives a file without [processes] the group app, so there is always a name.
 */
function defaultGroup(toml) {
    const names = Object.keys(toml.processes).sort();
    return names.includes('app') ? 'app' : names[0];
}
function processesOf(table) {
    const processes = table.processes;
    return Array.isArray(processes) ? processes.map(String) : [];
}
/**
 * Whether a section applies to a group when flyctl flattens the config for it: listed by name, or with no
 * `processes` (or `""`) only for the default group. Services, checks, mounts, files, metrics and
 * restarts all follow this rule.
 */
function appliesTo(toml, table, group) {
    const listed = processesOf(table);
    const isDefault = group === defaultGroup(toml);
    if (listed.length === 0)
        return isDefault;
    return listed.some((name) => name === group || (name === '' && isDefault));
}
/**
 * flyctl's ComputeForGroup: of the [[vm]] sections without `processes` or matching the group, the
 * last one naming the group wins, else the first candidate (lo.MaxBy's tie rule).
 */
function computeForGroup(toml, group) {
    const candidates = toml.vms.filter((vm) => processesOf(vm).length === 0 || appliesTo(toml, vm, group));
    let best = candidates[0];
    for (const vm of candidates)
        if (processesOf(vm).includes(group))
            best = vm;
    return best;
}


/***/ }),

/***/ 4632:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ch: () => (/* binding */ guestFromVm),
/* harmony export */   q0: () => (/* binding */ hostDedicationFor),
/* harmony export */   v5: () => (/* binding */ guestForGroup)
/* harmony export */ });
/* harmony import */ var _problems_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4726);
/* harmony import */ var _vm_sizes_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2075);
/* harmony import */ var _groups_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(9846);



/** The fly-go MachineGuest fields a [[vm]] may set inline, copied over the preset when not empty. */
const GUEST_FIELDS = [
    'cpu_kind',
    'cpus',
    'memory_mb',
    'max_memory_mb',
    'gpus',
    'gpu_kind',
    'host_dedication_id',
    'persist_rootfs',
    'kernel_args',
];
/** The [[vm]] keys fly-go reads as Go ints, each with an example for the fix. */
const WHOLE_NUMBER_FIELDS = {
    cpus: 'cpus = 2',
    memory_mb: 'memory_mb = 1024',
    max_memory_mb: 'max_memory_mb = 2048',
    gpus: 'gpus = 1',
};
/** A value as fly.toml spells it: a number as written (nan, inf and -inf as TOML writes them), else JSON. */
const asWritten = (value) => typeof value === 'number' ? String(value).replace('Infinity', 'inf').toLowerCase() : JSON.stringify(value);
/**
 * flyctl refuses the file when one of these is not a whole number: it reads fly.toml through
 * encoding/json, which cannot encode nan or inf and will not put text, a boolean or 1.5 in a Go int.
 * Sent on, such a value would reach the Machines API as a string, a fraction or null.
 */
function checkWholeNumbers(toml, vm, where) {
    for (const [key, example] of Object.entries(WHOLE_NUMBER_FIELDS)) {
        const value = vm[key];
        if (value !== undefined && !Number.isInteger(value))
            throw (0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .bad */ .M)(toml.file, `${where} ${key} ${asWritten(value)} is not a whole number.`, `write it without quotes, e.g. ${example}.`);
    }
}
const isEmpty = (v) => v === undefined || v === '' || v === 0 || v === false || (Array.isArray(v) && v.length === 0);
function presetFor(toml, vm, where) {
    let size = _vm_sizes_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_VM_SIZE */ .Y6;
    if (typeof vm.size === 'string' && vm.size)
        size = vm.size;
    else if (!isEmpty(vm.gpu_kind))
        size = _vm_sizes_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_GPU_VM_SIZE */ .hB;
    const guest = (0,_vm_sizes_js__WEBPACK_IMPORTED_MODULE_1__/* .guestPreset */ .UT)(size);
    if (!guest)
        throw (0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .bad */ .M)(toml.file, `${where} size "${size}" is not a Fly preset.`, `use one of: ${(0,_vm_sizes_js__WEBPACK_IMPORTED_MODULE_1__/* .presetsLike */ .wP)(size).join(', ')}.`);
    return guest;
}
function checkSizing(toml, guest, where) {
    if (guest.cpu_kind !== 'shared' && guest.cpu_kind !== 'performance')
        throw (0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .bad */ .M)(toml.file, `${where} cpu_kind "${String(guest.cpu_kind)}" is not shared or performance.`, 'use "shared" or "performance".');
    const cpus = guest.cpus ?? 1;
    const memory = guest.memory_mb ?? 0;
    const [min, max] = (0,_vm_sizes_js__WEBPACK_IMPORTED_MODULE_1__/* .memoryBoundsPerCpu */ .es)(guest.cpu_kind);
    // cpus and memory are whole numbers here (checkWholeNumbers). No memory fits fewer than one CPU: a
    // [[vm]] cpus = 0 is not copied over the preset's, and below zero min × cpus exceeds max × cpus.
    if (memory < min * cpus || memory > max * cpus) {
        throw (0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .bad */ .M)(toml.file, `${where} ${memory} MB on ${cpus} ${guest.cpu_kind} CPU(s) is outside Fly's ${min}–${max} MB per CPU, so the Machines API would refuse it.`, 'change memory or cpus (or pick a size preset).');
    }
}
/**
 * flyctl's computeToGuest: the size preset (shared-cpu-1x by default, performance-8x when only a GPU
 * kind is given), the group's host dedication, `memory`, then every guest field the section sets.
 * Sizes Fly would refuse are refused here, before any call.
 */
function guestFromVm(toml, vm, where, hostDedicationId) {
    checkWholeNumbers(toml, vm, where);
    const guest = presetFor(toml, vm, where);
    if (hostDedicationId)
        guest.host_dedication_id = hostDedicationId;
    if (vm.memory !== undefined) {
        const mb = (0,_vm_sizes_js__WEBPACK_IMPORTED_MODULE_1__/* .parseMemoryMb */ .wT)(typeof vm.memory === 'number' ? String(vm.memory) : vm.memory);
        if (mb === undefined)
            throw (0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .bad */ .M)(toml.file, `${where} memory ${asWritten(vm.memory)} is not a size above zero.`, 'write e.g. "256mb" or "1gb".');
        guest.memory_mb = mb;
    }
    for (const key of GUEST_FIELDS)
        if (!isEmpty(vm[key]))
            guest[key] = vm[key];
    checkSizing(toml, guest, where);
    return guest;
}
/** The group's host dedication: its [[vm]]'s when that sets one (flyctl's Flatten), else the top level. */
function hostDedicationFor(toml, group) {
    const vm = (0,_groups_js__WEBPACK_IMPORTED_MODULE_2__/* .computeForGroup */ .Ut)(toml, group);
    if (vm && typeof vm.host_dedication_id === 'string' && vm.host_dedication_id)
        return vm.host_dedication_id;
    return toml.hostDedicationId;
}
/** The guest fly.toml asks for this group, or undefined so a Machine keeps its own (`fly scale vm`). */
function guestForGroup(toml, group) {
    const vm = (0,_groups_js__WEBPACK_IMPORTED_MODULE_2__/* .computeForGroup */ .Ut)(toml, group);
    return vm ? guestFromVm(toml, vm, '[[vm]]', hostDedicationFor(toml, group)) : undefined;
}


/***/ }),

/***/ 1320:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   gx: () => (/* binding */ checkMount),
/* harmony export */   wu: () => (/* binding */ keepMountsOnUpdate),
/* harmony export */   yd: () => (/* binding */ mountsFor)
/* harmony export */ });
/* unused harmony exports volumeFor, volumeRequestFor, mountChange */
/* harmony import */ var _vm_sizes_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2075);
/* harmony import */ var _groups_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(9846);
/* harmony import */ var _guest_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4632);
/* harmony import */ var _problems_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4726);




function sizeProblem(gb, min, max) {
    if (gb === undefined)
        return 'not a size';
    return max === Infinity ? `smaller than ${min}GB` : `not from ${min}GB to ${max}GB`;
}
function sizeGb(toml, where, value, [min, max]) {
    if (value === undefined || value === '')
        return undefined;
    const gb = (0,_vm_sizes_js__WEBPACK_IMPORTED_MODULE_0__/* .parseSizeGb */ .UP)(typeof value === 'number' ? String(value) : value);
    if (gb === undefined || gb < min || gb > max)
        throw (0,_problems_js__WEBPACK_IMPORTED_MODULE_2__/* .bad */ .M)(toml.file, `${where} ${JSON.stringify(value)} is ${sizeProblem(gb, min, max)}.`, 'write e.g. "10gb".');
    return gb;
}
/** Checks a [[mounts]] entry as flyctl's validateMounts does, so Fly never sees a size it would refuse. */
function checkMount(toml, m, where) {
    for (const key of ['source', 'destination'])
        if (typeof m[key] !== 'string' || !m[key])
            throw (0,_problems_js__WEBPACK_IMPORTED_MODULE_2__/* .bad */ .M)(toml.file, `${where} needs ${key}.`, 'write source = "data" and destination = "/data".');
    sizeGb(toml, `${where} initial_size`, m.initial_size, [1, Infinity]);
    const retention = m.snapshot_retention;
    if (retention !== undefined &&
        (!Number.isInteger(retention) || retention < 1 || retention > 60))
        throw (0,_problems_js__WEBPACK_IMPORTED_MODULE_2__/* .bad */ .M)(toml.file, `${where} snapshot_retention must be 1 to 60 days, not ${JSON.stringify(retention)}.`, 'set e.g. snapshot_retention = 5.');
    const threshold = Number(m.auto_extend_size_threshold ?? 0);
    const increment = sizeGb(toml, `${where} auto_extend_size_increment`, m.auto_extend_size_increment, [1, 100]) ?? 0;
    const limit = sizeGb(toml, `${where} auto_extend_size_limit`, m.auto_extend_size_limit, [1, 500]) ?? 0;
    if (threshold || increment || limit) {
        if (!Number.isInteger(threshold) || threshold < 50 || threshold > 99 || !increment)
            throw (0,_problems_js__WEBPACK_IMPORTED_MODULE_2__/* .bad */ .M)(toml.file, `${where} auto-extend needs auto_extend_size_threshold from 50 to 99 and auto_extend_size_increment from 1GB to 100GB.`, 'set all of auto_extend_size_threshold, auto_extend_size_increment (and optionally auto_extend_size_limit), or none.');
    }
    const mount = { path: m.destination, name: m.source };
    if (threshold)
        mount.extend_threshold_percent = threshold;
    if (increment)
        mount.add_size_gb = increment;
    if (limit)
        mount.size_gb_limit = limit;
    return mount;
}
/** The [[mounts]] entry for a group (at most one, as flyctl insists), as a Machine mount without a volume id. */
function mountsFor(toml, group) {
    const entries = toml.mounts.map((m, i) => [m, i]).filter(([m]) => (0,_groups_js__WEBPACK_IMPORTED_MODULE_3__/* .appliesTo */ .Gl)(toml, m, group));
    if (entries.length > 1)
        throw (0,_problems_js__WEBPACK_IMPORTED_MODULE_2__/* .bad */ .M)(toml.file, `process group "${group}" has more than one [[mounts]] section.`, 'give each group at most one volume (set processes on each [[mounts]]).');
    // parseFlyToml's validateLikeFlyctl has checked every [[mounts]] in these words, so nothing throws here:
    // Stryker disable next-line StringLiteral,ArithmeticOperator: the place named is never shown
    return entries.length ? entries.map(([m, i]) => checkMount(toml, m, `[[mounts]] #${i + 1}`)) : undefined;
}
/** The one [[mounts]] entry of a group that mountsFor has found to have one. */
const mountEntry = (toml, group) => toml.mounts.find((m) => appliesTo(toml, m, group));
/** The [[mounts]] settings for a group, with initial_size in GB, for whoever creates its volume. */
function volumeFor(toml, group) {
    const mount = mountsFor(toml, group)?.[0];
    if (!mount)
        return undefined;
    // Read as text, as checkMount read it; a missing one reads "undefined", which is not a size.
    const initialSizeGb = parseSizeGb(String(mountEntry(toml, group).initial_size));
    return { name: String(mount.name), path: String(mount.path), ...(initialSizeGb ? { initialSizeGb } : {}) };
}
/** flyctl's volume sizes when [[mounts]] gives no initial_size (deploy/machines.go). */
const DEFAULT_VOLUME_GB = 1;
const DEFAULT_GPU_VOLUME_GB = 100;
/**
 * The Volumes API create body flyctl's first deploy sends for a group's [[mounts]] (deploy_first.go):
 * initial_size, else 100 GB for a GPU guest, else 1 GB; encrypted; placed for the group's guest and
 * image; snapshot_retention and scheduled_snapshots passed through. Undefined when the group has none.
 */
function volumeRequestFor(toml, group, place) {
    const volume = volumeFor(toml, group);
    if (!volume)
        return undefined;
    const entry = mountEntry(toml, group);
    const guest = guestForGroup(toml, group) ?? guestPreset(DEFAULT_VM_SIZE);
    const size = volume.initialSizeGb ?? (guest.gpu_kind ? DEFAULT_GPU_VOLUME_GB : DEFAULT_VOLUME_GB);
    return {
        name: volume.name,
        region: place.region,
        size_gb: size,
        encrypted: true,
        compute: guest,
        compute_image: place.image,
        ...(entry.snapshot_retention !== undefined ? { snapshot_retention: entry.snapshot_retention } : {}),
        ...(entry.scheduled_snapshots !== undefined ? { auto_backup_enabled: entry.scheduled_snapshots } : {}),
    };
}
const AUTO_EXTEND = ['extend_threshold_percent', 'add_size_gb', 'size_gb_limit'];
/** The Machine's mount with fly.toml's auto-extend settings (flyctl always applies the latest ones). */
function withAutoExtend(mount, from) {
    const out = { ...mount };
    for (const key of AUTO_EXTEND) {
        if (from[key])
            out[key] = from[key];
        else
            delete out[key];
    }
    return out;
}
/**
 * Compares a Machine's mounts with the ones fly.toml asks for (machineConfigFor's `mounts`):
 * same volume name keeps the volume (a new destination path is fine), an unnamed volume is kept, a
 * different name or a newly added [mounts] needs a replacement Machine with that volume, and a removed
 * [mounts] needs a replacement without one.
 */
function mountChange(existing, fresh) {
    const old = existing?.[0];
    const wanted = fresh?.[0];
    if (!old) {
        if (!wanted)
            return { mounts: undefined, replace: false };
        return { mounts: fresh, replace: true, needsVolume: String(wanted.name), reason: '[mounts] was added' };
    }
    if (!wanted)
        return { mounts: undefined, replace: true, reason: '[mounts] was removed' };
    if (!old.name)
        return { mounts: [withAutoExtend(old, wanted)], replace: false };
    if (old.name !== wanted.name)
        return {
            mounts: [withAutoExtend(wanted, wanted)],
            replace: true,
            needsVolume: String(wanted.name),
            reason: `the Machine has volume "${String(old.name)}" but fly.toml mounts "${String(wanted.name)}"`,
        };
    if (old.path !== wanted.path)
        return {
            mounts: [withAutoExtend({ ...wanted, volume: old.volume }, wanted)],
            replace: false,
            reason: `the mount path changes from ${String(old.path)} to ${String(wanted.path)}`,
        };
    return { mounts: [withAutoExtend(old, wanted)], replace: false };
}
/**
 * The mounts an in-place update sends: mountChange's when the Machine can keep its volume, else the
 * Machine's current ones, so an update never detaches data; replacing the Machine is the deploy's call.
 */
function keepMountsOnUpdate(existing, fresh) {
    const change = mountChange(existing, fresh);
    return change.replace ? existing : change.mounts;
}


/***/ }),

/***/ 4726:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ bad),
/* harmony export */   b: () => (/* binding */ isTable)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4296);

/** A fly.toml mistake: an InputError on `config` naming the file, the key as written, and the fix. */
function bad(file, problem, fix) {
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('config', `${file}: ${problem}`, fix);
}
const isTable = (v) => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);


/***/ }),

/***/ 6781:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   GW: () => (/* binding */ splitCommand),
/* harmony export */   UM: () => (/* binding */ initFor),
/* harmony export */   iD: () => (/* binding */ stopConfigFor),
/* harmony export */   lT: () => (/* binding */ restartFor)
/* harmony export */ });
/* unused harmony export shellSplit */
/* harmony import */ var _problems_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4726);
/* harmony import */ var _durations_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2905);
/* harmony import */ var _groups_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(9846);



const SPACE = ' \t\r\n';
/**
 * google/shlex's Split, which flyctl uses for `[processes]` and `release_command`: words split on
 * space, tab and newline; double quotes where a backslash escapes any character; single quotes where
 * nothing does; a `#` that starts a word comments out the rest of its line.
 */
function shellSplit(command) {
    const words = [];
    let current = '';
    let quote;
    let started = false;
    for (let i = 0; i < command.length; i++) {
        const ch = command[i];
        if (quote) {
            if (ch === quote)
                quote = undefined;
            // After a final backslash the quote is still open, so the command is refused below.
            else if (ch === '\\' && quote === '"')
                current += command[++i];
            else
                current += ch;
        }
        else if (ch === '"' || ch === "'") {
            quote = ch;
            started = true;
        }
        else if (ch === '\\') {
            if (++i >= command.length)
                throw new Error(`nothing after the final \\ in command: ${command}`);
            current += command[i];
            started = true;
        }
        else if (SPACE.includes(ch)) {
            if (started)
                words.push(current);
            current = '';
            started = false;
        }
        else if (ch === '#' && !started) {
            const end = command.indexOf('\n', i);
            i = end === -1 ? command.length : end;
        }
        else {
            current += ch;
            started = true;
        }
    }
    if (quote)
        throw new Error(`unterminated ${quote} quote in command: ${command}`);
    if (started)
        words.push(current);
    return words;
}
/** A command string split as flyctl splits it, or a refusal naming where it came from. */
function splitCommand(toml, command, where) {
    try {
        return shellSplit(command);
    }
    catch (error) {
        throw (0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .bad */ .M)(toml.file, `${where}: ${error.message}.`, 'close the quote (or escape the last \\).');
    }
}
function set(target, key, value) {
    if (value === undefined)
        delete target[key];
    else
        target[key] = value;
}
/**
 * The Machine's init as flyctl sets it: the group's [processes] command, else [experimental] cmd; the
 * entrypoint and exec from [experimental] (cleared without it); swap_size_mb. Other init fields stay.
 */
function initFor(toml, group, current) {
    const init = { ...current };
    const command = toml.processes[group];
    let cmd = command ? splitCommand(toml, command, `[processes] ${group}`) : undefined;
    cmd ??= toml.experimental?.cmd;
    set(init, 'cmd', cmd);
    set(init, 'entrypoint', toml.experimental?.entrypoint);
    set(init, 'exec', toml.experimental?.exec);
    set(init, 'swap_size_mb', toml.swapSizeMb);
    return init;
}
/** kill_signal / kill_timeout as the Machine's stop_config (fly-go prints the timeout as a Go duration). */
function stopConfigFor(toml) {
    if (!toml.killSignal && !toml.killTimeout)
        return undefined;
    const stop = {};
    if (toml.killTimeout)
        stop.timeout = (0,_durations_js__WEBPACK_IMPORTED_MODULE_1__/* .flyDuration */ .y)(toml.killTimeout, 1000);
    if (toml.killSignal)
        stop.signal = toml.killSignal;
    return stop;
}
const POLICIES = { always: 'always', 'on-failure': 'on-failure', never: 'no' };
/** The group's [[restart]] (the last that applies wins, as in flyctl's loop), or none. */
function restartFor(toml, group) {
    let restart;
    toml.restarts.forEach((entry, i) => {
        if (!(0,_groups_js__WEBPACK_IMPORTED_MODULE_2__/* .appliesTo */ .Gl)(toml, entry, group))
            return;
        const policy = POLICIES[String(entry.policy)];
        if (!policy)
            throw (0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .bad */ .M)(toml.file, `[[restart]] #${i + 1} policy ${JSON.stringify(entry.policy)} is not always, never or on-failure.`, 'use one of those.');
        restart = { policy };
        if (Number(entry.retries))
            restart.max_retries = Number(entry.retries);
    });
    return restart;
}


/***/ }),

/***/ 6794:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   N4: () => (/* binding */ releaseCommandConfig),
/* harmony export */   QI: () => (/* binding */ machineChecksFor),
/* harmony export */   b7: () => (/* binding */ hasMachineChecks),
/* harmony export */   yG: () => (/* binding */ testMachineConfig)
/* harmony export */ });
/* unused harmony export TEST_MACHINE_GROUP */
/* harmony import */ var _problems_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4726);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(252);
/* harmony import */ var _vm_sizes_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(2075);
/* harmony import */ var _durations_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(2905);
/* harmony import */ var _extras_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(4721);
/* harmony import */ var _guest_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(4632);
/* harmony import */ var _process_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(6781);







const TEST_MACHINE_GROUP = 'fly_app_test_machine_command';
/** The throwaway-Machine settings flyctl gives release and test Machines alike. */
function throwaway(group) {
    return {
        restart: { policy: 'no' },
        auto_destroy: true,
        dns: { skip_registration: true },
        metadata: { [_types_js__WEBPACK_IMPORTED_MODULE_1__/* .META */ .Ge.platformVersion]: _types_js__WEBPACK_IMPORTED_MODULE_1__/* .PLATFORM_VERSION */ .PZ, [_types_js__WEBPACK_IMPORTED_MODULE_1__/* .META */ .Ge.processGroup]: group },
    };
}
function withEnv(toml, base, extra) {
    const env = { ...base, ...extra };
    if (toml.primaryRegion)
        env.PRIMARY_REGION = toml.primaryRegion;
    return env;
}
/**
 * The Machine that runs `release_command` (flyctl's ToReleaseMachineConfig and
 * launchInputForReleaseCommand): its command, swap and [experimental] entrypoint, the file's
 * stop_config and [[files]], [deploy.release_command_vm] or else `largest` (the biggest guest among the
 * app's Machines) or shared-cpu-2x, the host dedication, and the release's metadata.
 */
function releaseCommandConfig(toml, image, releaseVersion, largest, release = {}) {
    const cmd = (0,_process_js__WEBPACK_IMPORTED_MODULE_6__/* .splitCommand */ .GW)(toml, toml.deploy.releaseCommand ?? '', '[deploy] release_command');
    const base = throwaway(_types_js__WEBPACK_IMPORTED_MODULE_1__/* .RELEASE_COMMAND_GROUP */ .EL);
    const config = {
        image,
        init: { cmd, ...swapAndEntrypoint(toml) },
        ...base,
        env: withEnv(toml, toml.env, { RELEASE_COMMAND: '1', FLY_PROCESS_GROUP: _types_js__WEBPACK_IMPORTED_MODULE_1__/* .RELEASE_COMMAND_GROUP */ .EL }),
    };
    const stop = (0,_process_js__WEBPACK_IMPORTED_MODULE_6__/* .stopConfigFor */ .iD)(toml);
    if (stop)
        config.stop_config = stop;
    const files = (0,_extras_js__WEBPACK_IMPORTED_MODULE_4__/* .filesFor */ .P_)(toml);
    if (files)
        config.files = files;
    const vm = toml.deploy.releaseCommandVm;
    const guest = vm
        ? (0,_guest_js__WEBPACK_IMPORTED_MODULE_5__/* .guestFromVm */ .Ch)(toml, vm, '[deploy.release_command_vm]', toml.hostDedicationId)
        : { ...(largest ?? (0,_vm_sizes_js__WEBPACK_IMPORTED_MODULE_2__/* .guestPreset */ .UT)('shared-cpu-2x')) };
    if (toml.hostDedicationId)
        guest.host_dedication_id = toml.hostDedicationId;
    config.guest = guest;
    config.metadata = {
        ...base.metadata,
        ...(release.releaseId ? { [_types_js__WEBPACK_IMPORTED_MODULE_1__/* .META */ .Ge.releaseId]: release.releaseId } : {}),
        [_types_js__WEBPACK_IMPORTED_MODULE_1__/* .META */ .Ge.releaseVersion]: String(releaseVersion),
    };
    return config;
}
function swapAndEntrypoint(toml) {
    const out = {};
    if (toml.swapSizeMb !== undefined)
        out.swap_size_mb = toml.swapSizeMb;
    if (toml.experimental?.entrypoint)
        out.entrypoint = toml.experimental.entrypoint;
    return out;
}
/** Whether any group has machine_checks: the deploy then spends one more wait on the tested Machine. */
function hasMachineChecks(toml) {
    return Object.keys(toml.processes).some((group) => machineChecksFor(toml, group).length > 0);
}
/** The machine_checks that gate a group (flyctl's runTestMachines): its services' (or unscoped ones') plus top-level. */
function machineChecksFor(toml, group) {
    const services = toml.httpService ? [toml.httpService, ...toml.services] : toml.services;
    const scoped = services.filter((s) => {
        const processes = Array.isArray(s.processes) ? s.processes : [];
        return processes.length === 0 || processes.includes(group);
    });
    const list = (v) => (Array.isArray(v) ? v : v ? [v] : []);
    return [...scoped.flatMap((s) => list(s.machine_checks)), ...toml.machineChecks];
}
function stringArray(toml, value, where) {
    if (value === undefined)
        return undefined;
    if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
        return value;
    throw (0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .bad */ .M)(toml.file, `${where} must be an array of strings.`, `write ${where.split(' ').pop()} = ["curl", "-f", "http://$FLY_TEST_MACHINE_IP:8080/"].`);
}
/** machine_checks kill_signal / kill_timeout, else the app's unless the check brings its own image. */
function testStopConfig(toml, check) {
    const ownImage = typeof check.image === 'string' && check.image !== '';
    const timeout = check.kill_timeout !== undefined
        ? (0,_durations_js__WEBPACK_IMPORTED_MODULE_3__/* .flyDuration */ .y)(check.kill_timeout, 1e-6)
        : ownImage
            ? undefined
            : toml.killTimeout && (0,_durations_js__WEBPACK_IMPORTED_MODULE_3__/* .flyDuration */ .y)(toml.killTimeout, 1000);
    const signal = typeof check.kill_signal === 'string' ? check.kill_signal : ownImage ? undefined : toml.killSignal;
    return { ...(timeout ? { timeout } : {}), ...(signal ? { signal } : {}) };
}
/**
 * A throwaway Machine for one machine_checks entry (flyctl's ToTestMachineConfig): the check's command in
 * its image (or the tested Machine's), the app's env with the tested Machine's env over it, and
 * FLY_TEST_MACHINE_IP set to the tested Machine's private address.
 */
function testMachineConfig(toml, check, tested) {
    const where = 'machine_checks';
    const command = stringArray(toml, check.command, `${where} command`);
    if (!command?.length)
        throw (0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .bad */ .M)(toml.file, `${where} entry has no command.`, 'add a `command` field to the [[services.machine_checks]] or [[http_service.machine_checks]] section.');
    const image = (typeof check.image === 'string' && check.image) || tested?.config?.image;
    if (!image)
        throw (0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .bad */ .M)(toml.file, `${where} entry has no image and there is no Machine to take it from.`, 'add an `image` field to the machine_checks section.');
    const entrypoint = toml.experimental?.entrypoint ??
        stringArray(toml, check.entrypoint, `${where} entrypoint`) ??
        tested?.config?.init?.entrypoint;
    const init = { cmd: command };
    if (toml.swapSizeMb !== undefined)
        init.swap_size_mb = toml.swapSizeMb;
    if (entrypoint)
        init.entrypoint = entrypoint;
    return {
        image,
        init,
        ...throwaway(TEST_MACHINE_GROUP),
        env: withEnv(toml, { ...toml.env, ...tested?.config?.env }, {
            FLY_TEST_COMMAND: '1',
            FLY_PROCESS_GROUP: TEST_MACHINE_GROUP,
            FLY_TEST_MACHINE_IP: tested?.private_ip ?? '',
        }),
        stop_config: testStopConfig(toml, check),
    };
}


/***/ }),

/***/ 6767:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   qO: () => (/* binding */ unsupported),
/* harmony export */   w5: () => (/* binding */ refuseUnsupportedKeys)
/* harmony export */ });
/* unused harmony export UNSUPPORTED_KEYS */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4296);
/* harmony import */ var _problems_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4726);


/**
 * Every fly.toml key Runway refuses although flyctl accepts it. The action README's section
 * "fly.toml keys Runway does not support" lists each (a test keeps the two in step).
 */
const UNSUPPORTED_KEYS = [
    {
        key: '[build.compose]',
        usedIn: (root) => (0,_problems_js__WEBPACK_IMPORTED_MODULE_1__/* .isTable */ .b)(root.build) && root.build.compose !== undefined,
        why: 'flyctl turns a Docker Compose file into multi-container Machines; Runway deploys one image per Machine',
        fix: 'remove [build.compose] and deploy one image (with [processes] for several commands), or deploy this app with flyctl',
    },
    {
        key: 'container',
        usedIn: (root) => root.container !== undefined,
        why: 'it picks which container of a multi-container machine_config receives the image; Runway deploys one image per Machine',
        fix: 'remove container and the containers from machine_config, or deploy this app with flyctl',
    },
    {
        key: 'machine_config containers',
        // Seen only once machine_config is read (config/machine-config-overlay.ts refuses it there).
        // Stryker disable next-line ArrowFunction: `() => undefined` is as false here, and nothing else reads it
        usedIn: () => false,
        why: 'multi-container Machines (containers / volumes in machine_config) are not deployed by Runway',
        fix: 'keep machine_config to single-image settings, or deploy this app with flyctl',
    },
];
/** Refuses, before any call, the first key of UNSUPPORTED_KEYS the file uses, naming it as written. */
function refuseUnsupportedKeys(file, root) {
    for (const entry of UNSUPPORTED_KEYS) {
        if (entry.usedIn(root))
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('config', `${file}: ${entry.key} is not supported by Runway: ${entry.why}.`, `${entry.fix}.`);
    }
}
/** The refusal for a key found while converting (machine_config's containers). */
function unsupported(file, key, where) {
    const entry = UNSUPPORTED_KEYS.find((e) => e.key === key);
    if (!entry)
        throw new Error(`no UNSUPPORTED_KEYS entry for ${key}`);
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('config', `${file}: ${where} is not supported by Runway: ${entry.why}.`, `${entry.fix}.`);
}


/***/ }),

/***/ 1080:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   JH: () => (/* binding */ refuseCanaryWithMounts),
/* harmony export */   iJ: () => (/* binding */ validateLikeFlyctl)
/* harmony export */ });
/* unused harmony export CANARY_WITH_MOUNTS */
/* harmony import */ var _durations_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2905);
/* harmony import */ var _mounts_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1320);
/* harmony import */ var _problems_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4726);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(4296);




const processesOf = (table) => Array.isArray(table.processes) ? table.processes.map(String) : [];
/** flyctl's validateServicesSection: with [processes], each service names its groups, and only real ones. */
function checkServiceGroups(toml, declaredGroups) {
    const services = [
        ...(toml.httpService ? [['[http_service]', toml.httpService]] : []),
        ...toml.services.map((s, i) => [`[[services]] #${i + 1}`, s]),
    ];
    for (const [where, service] of services) {
        const listed = processesOf(service);
        if (listed.length === 0 && declaredGroups > 0)
            throw (0,_problems_js__WEBPACK_IMPORTED_MODULE_2__/* .bad */ .M)(toml.file, `${where} has no processes set but [processes] defines ${declaredGroups} group(s) (flyctl refuses this too).`, `set processes = ["${Object.keys(toml.processes)[0]}"] (the groups that serve it) in ${where}.`);
        checkGroupsExist(toml, where, listed);
    }
}
function checkGroupsExist(toml, where, listed) {
    for (const name of listed)
        if (!(name in toml.processes))
            throw (0,_problems_js__WEBPACK_IMPORTED_MODULE_2__/* .bad */ .M)(toml.file, `${where} lists process group "${name}", which [processes] does not define.`, `add ${name} = "command" to [processes], or remove "${name}" from processes.`);
}
/** flyctl's validateChecksSection: Fly runs top-level checks at most every 2 s and waits at most 60 s. */
function checkTopLevelTimings(toml) {
    for (const [name, check] of Object.entries(toml.checks)) {
        // Unset (or not a duration, which the check's own conversion refuses) leaves the limit unchecked.
        const ms = (key) => (0,_durations_js__WEBPACK_IMPORTED_MODULE_0__/* .durationMs */ .p)((0,_durations_js__WEBPACK_IMPORTED_MODULE_0__/* .flyDuration */ .y)(check[key], 1));
        const interval = ms('interval') ?? Infinity;
        const timeout = ms('timeout') ?? 0;
        if (interval < 2000)
            throw (0,_problems_js__WEBPACK_IMPORTED_MODULE_2__/* .bad */ .M)(toml.file, `[checks.${name}] interval is too short: ${String(check.interval)}, the minimum is 2s.`, 'set interval = "2s" or more.');
        if (timeout > 60_000)
            throw (0,_problems_js__WEBPACK_IMPORTED_MODULE_2__/* .bad */ .M)(toml.file, `[checks.${name}] timeout is too long: ${String(check.timeout)}, the maximum is 60s.`, 'set timeout = "60s" or less.');
    }
}
/**
 * The checks `fly deploy` runs on the whole file before it deploys (appconfig Validate), so a file flyctl
 * would refuse is refused here too, before any call: service and restart process groups, top-level
 * check timings, every [[mounts]] entry, and canary with volumes.
 */
function validateLikeFlyctl(toml, declaredGroups) {
    checkServiceGroups(toml, declaredGroups);
    toml.restarts.forEach((r, i) => checkGroupsExist(toml, `[[restart]] #${i + 1}`, processesOf(r)));
    checkTopLevelTimings(toml);
    toml.mounts.forEach((m, i) => (0,_mounts_js__WEBPACK_IMPORTED_MODULE_1__/* .checkMount */ .gx)(toml, m, `[[mounts]] #${i + 1}`));
    refuseCanaryWithMounts(toml, toml.deploy.strategy, 'config');
}
/** flyctl's own words (appconfig validateDeploySection), kept so a user can search them. */
const CANARY_WITH_MOUNTS = 'error canary deployment strategy is not supported when using mounted volumes';
/**
 * flyctl refuses canary for an app with [[mounts]] whichever way canary was chosen: `--strategy` is
 * written into [deploy] strategy before the file is validated (determineAppConfigForMachines, then
 * ValidateGroups). A canary needs a second Machine beside one whose volume Fly attaches to one Machine
 * only. `input` is where the user chose it: `config` ([deploy] strategy) or the `strategy` input.
 */
function refuseCanaryWithMounts(toml, strategy, input) {
    if (strategy !== 'canary' || !toml.mounts.length)
        return;
    const mounts = toml.mounts.map((m) => String(m.source)).join(', ');
    const why = `(${CANARY_WITH_MOUNTS}: Fly attaches a volume to one Machine only; flyctl refuses it too).`;
    const fix = 'use strategy rolling (each Machine keeps its volume) or immediate.';
    if (input === 'config')
        throw (0,_problems_js__WEBPACK_IMPORTED_MODULE_2__/* .bad */ .M)(toml.file, `[deploy] strategy "canary" cannot be used with [[mounts]] (${mounts}) ${why}`, fix);
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz('strategy', `"canary" cannot be used with [[mounts]] (${mounts}) in ${toml.file} ${why}`, fix);
}


/***/ }),

/***/ 8520:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  YL: () => (/* binding */ STRATEGIES),
  z1: () => (/* binding */ parseFlyToml)
});

// UNUSED EXPORTS: bad, isTable

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/error.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
function getLineColFromPtr(string, ptr) {
    let lines = string.slice(0, ptr).split(/\r?\n/);
    return [lines.length, lines.pop().length + 1];
}
function makeCodeBlock(string, line, column) {
    let lines = string.split(/\r?\n/);
    let codeblock = '';
    let numberLen = (Math.log10(line + 1) | 0) + 1;
    for (let i = line - 1; i <= line + 1; i++) {
        let l = lines[i - 1];
        if (!l)
            continue;
        codeblock += i.toString().padEnd(numberLen, ' ');
        codeblock += ':  ';
        codeblock += l;
        codeblock += '\n';
        if (i === line) {
            codeblock += ' '.repeat(numberLen + column + 2);
            codeblock += '^\n';
        }
    }
    return codeblock;
}
class TomlError extends Error {
    line;
    column;
    codeblock;
    constructor(message, options) {
        const [line, column] = getLineColFromPtr(options.toml, options.ptr);
        const codeblock = makeCodeBlock(options.toml, line, column);
        super(`Invalid TOML document: ${message}\n\n${codeblock}`, options);
        this.line = line;
        this.column = column;
        this.codeblock = codeblock;
    }
    /** @internal */
    static x(message, ctx, ptr) {
        throw new TomlError(message, { toml: ctx.s, ptr: ptr ?? ctx.p });
    }
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/primitive.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */

/** @internal */
function parseString(ctx) {
    let startPtr = ctx.p;
    let c = ctx.s.charCodeAt(ctx.p++);
    let first = c;
    let isLiteral = c === 0x27; /* ' */
    let isMultiline = c === ctx.s.charCodeAt(ctx.p) && c === ctx.s.charCodeAt(ctx.p + 1);
    if (isMultiline) {
        // Trim initial newline
        if ((c = ctx.s.charCodeAt(ctx.p += 2)) === 0xa /* \n */)
            ctx.p++;
        else if (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */)
            ctx.p += 2;
    }
    // For the record: it is not worth it to use a fast-path for literal strings using `indexOf`.
    // Doing a char-by-char iteration ends up dispatching less instructions, for the same wall-clock runtime.
    let parsed = '';
    let sliceStart = ctx.p;
    // states:
    //   0 - decoding
    //   1 - decoding escape
    //   2 - whitespace escape (no newline encountered yet, must fail on non-whitespace)
    //   3 - whitespace escape (newline encountered, allowed to transition back to normal decode)
    let state = 0;
    for (; ctx.p < ctx.s.length; ctx.p++) {
        c = ctx.s.charCodeAt(ctx.p);
        // Deal with newlines first, since that simplifies control character checking and handling across all states
        if (isMultiline && (c === 0xa /* \n */ || (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */))) {
            state = state && 3;
        }
        // Control characters are banned in TOML, so we throw an error if we encounter them
        else if ((c < 0x20 && c !== 0x9 /* \t */) || c === 0x7f) {
            TomlError.x('control characters are not allowed in strings', ctx);
        }
        // The string might terminate while we're parsing through a newline escape.
        // It must have encountered a newline; otherwise, it'll simply fail in another branch.
        else if ((!state || state === 3) && c === first && (!isMultiline || (ctx.s.charCodeAt(ctx.p + 1) === first && ctx.s.charCodeAt(ctx.p + 2) === first))) {
            if (isMultiline) {
                // If the string ends with 4-5 quotes, then the first 1-2 are part of the string
                if (ctx.s.charCodeAt(ctx.p + 3) === first)
                    ctx.p++;
                if (ctx.s.charCodeAt(ctx.p + 3) === first)
                    ctx.p++;
            }
            // If we're in a newline escape still, then there's nothing to add.
            if (!state) {
                // Avoid a useless concat operation if the string can be used as-is.
                let s = ctx.s.slice(sliceStart, ctx.p);
                parsed = parsed ? parsed + s : s;
            }
            ctx.p += isMultiline ? 3 : 1;
            return parsed;
        }
        // Baseline state; keep moving forward unless an escape sequence starts
        else if (!state) {
            if (!isLiteral && c === 0x5c /* \ */) {
                parsed += ctx.s.slice(sliceStart, (sliceStart = ctx.p));
                state = 1;
            }
        }
        else if (state === 1) {
            if (c === 0x78 /* x */ || c === 0x75 /* u */ || c === 0x55 /* U */) { // Unicode escape
                let errPtr = ctx.p++ - 1;
                let value = 0;
                let len = c === 0x78 /* x */ ? 2 : c === 0x75 /* u */ ? 4 : 8;
                for (let j = 0; j < len; j++, ctx.p++) {
                    let hex = ctx.s.charCodeAt(ctx.p);
                    let digit = 
                    /* 0-9 */ hex >= 0x30 && hex <= 0x39 ? hex - 0x30 :
                        /* A-F */ hex >= 0x41 && hex <= 0x46 ? hex - 0x41 + 10 :
                            /* a-f */ hex >= 0x61 && hex <= 0x66 ? hex - 0x61 + 10 : -1;
                    if (digit < 0)
                        TomlError.x('invalid non-hex character in unicode escape', ctx);
                    value = (value << 4) | digit;
                }
                // Because JS does bitwise on signed 32bit integers, all 0xfzzzzzzz values are actually seen as negative
                if (value < 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) {
                    TomlError.x('invalid unicode escape', ctx, errPtr);
                }
                parsed += String.fromCodePoint(value);
                sliceStart = ctx.p--;
                state = 0;
            }
            // Newline escape sequence. We only need to care about spaces and tabs; newlines are dealt with earlier
            else if (isMultiline && (c === 0x20 || c === 0x9 /* \t */)) {
                state = 2;
            }
            // Basic escape sequence
            else {
                if (c === 0x62 /* b */)
                    parsed += '\b';
                else if (c === 0x74 /* t */)
                    parsed += '\t';
                else if (c === 0x6e /* n */)
                    parsed += '\n';
                else if (c === 0x66 /* f */)
                    parsed += '\f';
                else if (c === 0x72 /* r */)
                    parsed += '\r';
                else if (c === 0x65 /* e */)
                    parsed += '\x1b';
                else if (c === 0x22 /* " */)
                    parsed += '"';
                else if (c === 0x5c /* \ */)
                    parsed += '\\';
                else
                    TomlError.x('unrecognised escape sequence', ctx);
                sliceStart = ctx.p + 1;
                state = 0;
            }
        }
        // Newline escape continuation: keep moving forward until the first non-whitespace char
        else if (c !== 0x20 && c !== 0x9 /* \t */) {
            if (state === 2)
                TomlError.x('invalid escape: only line-ending whitespace may be escaped', ctx, sliceStart);
            // State cannot be zero, or we'd have branched earlier already.
            // If it's a backslash, immediately transition to the escape state so it can be processed.
            state = !isLiteral && c === 0x5c /* \ */ ? 1 : 0;
            sliceStart = ctx.p;
        }
    }
    TomlError.x('unfinished string', ctx, startPtr);
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/date.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
let DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})?[Tt ]?(?:(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|z|[-+]\d{2}:\d{2})?$/i;
class TomlDate extends Date {
    #hasDate = false;
    #hasTime = false;
    #offset = null;
    constructor(date, fasttype, unsafeDelim) {
        let hasDate = true;
        let hasTime = true;
        let offset = 'Z';
        let c;
        if (typeof date === 'string') {
            if (fasttype)
                prep: {
                    // Date-time
                    if (fasttype < 3) {
                        if (+date.slice(11, 13) > 23) {
                            date = '';
                            break prep;
                        }
                        // Local
                        if (fasttype === 2) {
                            offset = null;
                            date += 'Z';
                        }
                        // Offset; keep track of offset if not Z
                        else if ((c = date.charCodeAt(date.length - 1)) !== 0x5a /* Z */ && c !== 0x7a /* z */) {
                            offset = date.slice(date.length - 6);
                        }
                        if (unsafeDelim)
                            date = date.slice(0, 10) + 'T' + date.slice(11);
                    }
                    // Time
                    else if (fasttype === 4) {
                        date = +date.slice(0, 2) > 23 ? '' : `0000-01-01T${date}Z`;
                    }
                    hasDate = fasttype !== 4;
                    hasTime = fasttype !== 3;
                }
            else {
                let match = date.match(DATE_TIME_RE);
                if (match) {
                    if (!match[1]) {
                        hasDate = false;
                        date = `0000-01-01T${date}`;
                    }
                    hasTime = !!match[2];
                    // Make sure to use T instead of a space. Breaks in case of extreme values otherwise.
                    hasTime && date[10] === ' ' && (date = date.replace(' ', 'T'));
                    // Do not allow rollover hours.
                    if (match[2] && +match[2] > 23) {
                        date = '';
                    }
                    else {
                        offset = match[3] || null;
                        if (!offset && hasTime)
                            date += 'Z';
                    }
                }
                else {
                    date = '';
                }
            }
        }
        super(date);
        if (!isNaN(this.getTime())) {
            this.#hasDate = hasDate;
            this.#hasTime = hasTime;
            this.#offset = offset;
        }
    }
    isDateTime() {
        return this.#hasDate && this.#hasTime;
    }
    isLocal() {
        return !this.#hasDate || !this.#hasTime || !this.#offset;
    }
    isDate() {
        return this.#hasDate && !this.#hasTime;
    }
    isTime() {
        return this.#hasTime && !this.#hasDate;
    }
    isValid() {
        return this.#hasDate || this.#hasTime;
    }
    toISOString() {
        let iso = super.toISOString();
        // Local Date
        if (this.isDate())
            return iso.slice(0, 10);
        // Local Time
        if (this.isTime())
            return iso.slice(11, 23);
        // Local DateTime
        if (this.#offset === null)
            return iso.slice(0, -1);
        // Offset DateTime
        if (this.#offset === 'Z' || this.#offset === 'z')
            return iso;
        // This part is quite annoying: JS strips the original timezone from the ISO string representation
        // Instead of using a "modified" date and "Z", we restore the representation "as authored"
        let offset = (+(this.#offset.slice(1, 3)) * 60) + +(this.#offset.slice(4, 6));
        offset = this.#offset[0] === '-' ? offset : -offset;
        let offsetDate = new Date(this.getTime() - (offset * 60e3));
        return offsetDate.toISOString().slice(0, -1) + this.#offset;
    }
    static wrapAsOffsetDateTime(jsDate, offset = 'Z') {
        let date = new TomlDate(jsDate);
        date.#offset = offset;
        return date;
    }
    static wrapAsLocalDateTime(jsDate) {
        let date = new TomlDate(jsDate);
        date.#offset = null;
        return date;
    }
    static wrapAsLocalDate(jsDate) {
        let date = new TomlDate(jsDate);
        date.#hasTime = false;
        date.#offset = null;
        return date;
    }
    static wrapAsLocalTime(jsDate) {
        let date = new TomlDate(jsDate);
        date.#hasDate = false;
        date.#offset = null;
        return date;
    }
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/extract.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */




function isDigit(char, base = 10) {
    return base === 16
        ? (char > 0x2f && char < 0x3a) || (char > 0x40 && char < 0x47) || (char > 0x60 && char < 0x67)
        : (char > 0x2f && char < 0x30 + base);
}
function isEndOfValue(char, delim) {
    // Whitespace -- we're permissive on `\r` for performance; it'll be dealt with later anyway
    return char === 0x20 || char === 0x9 /* \t */ || char === 0xa /* \n */ || char === 0xd /* \r */ ||
        // Structure end or next value delimiter
        (delim && (char === delim || char === 0x2c /* , */)) ||
        // Comment
        char === 0x23; /* # */
}
/** @internal */
function extractValue(ctx, end) {
    let errPtr = ctx.p;
    let c = ctx.s.charCodeAt(ctx.p);
    // Structs
    if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
        ctx.d-- || TomlError.x('document contains excessively nested structures. aborting.', ctx);
        let value = c === 0x5b /* [ */
            ? parseArray(ctx)
            : parseInlineTable(ctx);
        ctx.d++;
        return value;
    }
    // Strings
    if (c === 0x22 /* " */ || c === 0x27 /* ' */) {
        return parseString(ctx);
    }
    // Booleans
    // We can fast-path because the first character is enough to know the only possible value
    if (c === 0x74 /* t */) { // Only possible valid value is `true`
        if (ctx.s.charCodeAt(++ctx.p) !== 0x72 || ctx.s.charCodeAt(++ctx.p) !== 0x75 || ctx.s.charCodeAt(++ctx.p) !== 0x65)
            TomlError.x('invalid value', ctx, errPtr);
        return ctx.p++, true;
    }
    if (c === 0x66 /* f */) { // Only possible valid value is `false`
        if (ctx.s.charCodeAt(++ctx.p) !== 0x61 || ctx.s.charCodeAt(++ctx.p) !== 0x6c || ctx.s.charCodeAt(++ctx.p) !== 0x73 || ctx.s.charCodeAt(++ctx.p) !== 0x65)
            TomlError.x('invalid value', ctx, errPtr);
        return ctx.p++, false;
    }
    if (c === 0x2b /* + */ || c === 0x2d /* - */) {
        return parseNumber(ctx, ctx.p, ctx.s.charCodeAt(++ctx.p), 0x2c - c, end);
    }
    // Rough heuristic, but `parseDate` falls back to number parsing if it's a false positive.
    // e.g.: `a = 1\n-------------- = 1` would match this heuristic, but gracefully fallback to numbers.
    if (ctx.s.charCodeAt(ctx.p + 4) === 0x2d /* - */ && ctx.s.charCodeAt(ctx.p + 7) === 0x2d /* - */) {
        return parseDate(ctx, c, end);
    }
    // Same logic as above; `parseTime` falls back to number parsing if it's a false positive.
    if (ctx.s.charCodeAt(ctx.p + 2) === 0x3a /* : */) {
        return parseTime(ctx, c, end);
    }
    return parseNumber(ctx, ctx.p, c, 0, end);
}
// State:
// 0: init
// 1: integer
// 2: fractional dot
// 3: fractional
// 4: exponent letter
// 5: exponent
// 6: exponent sign
// 7: exponent with sign
// >9: underscore; see below
//     -> 12: was integer
//     -> 14: was fractional
//     -> 16: was exponent
// states 2-5, 14, 16 are ONLY permitted iif base === 10
function parseNumber(ctx, startPtr, startChr, sign, endChr) {
    let c = startChr;
    let state = 0;
    let hasUnderscores = false;
    // (+/-)inf
    if (c === 0x69 /* i */) {
        if (ctx.s.charCodeAt(++ctx.p) !== 0x6e || ctx.s.charCodeAt(++ctx.p) !== 0x66)
            TomlError.x('invalid value', ctx, startPtr);
        return ctx.p++, (sign || 1) / 0;
    }
    // (+/-)nan
    if (c === 0x6e /* n */) {
        if (ctx.s.charCodeAt(++ctx.p) !== 0x61 || ctx.s.charCodeAt(++ctx.p) !== 0x6e)
            TomlError.x('invalid value', ctx, startPtr);
        return ctx.p++, NaN;
    }
    // Leading zero
    // Only allowed cases: `0<EOV>`, `0.(...)`, `0e(...)`, `0x(...)`, `0b(...)`, `0o(...)`
    // FWIW, `0e(...)` is a stupid case, but it's not banned per-se so we have to parse it
    if (c === 0x30 /* 0 */) {
        if (++ctx.p >= ctx.s.length || isEndOfValue(c = ctx.s.charCodeAt(ctx.p), endChr))
            return ctx.bi === true ? 0n : 0; // note: conveniently deals with `-0`
        if (!sign) {
            if (c === 0x78 /* x */)
                return parseIntegerBaseN(ctx, startPtr, 16, endChr);
            else if (c === 0x62 /* b */)
                return parseIntegerBaseN(ctx, startPtr, 2, endChr);
            else if (c === 0x6f /* o */)
                return parseIntegerBaseN(ctx, startPtr, 8, endChr);
        }
        if (c === 0x2e /* . */)
            state = 2;
        else if (c === 0x65 /* e */ || c === 0x45 /* E */)
            state = 4;
        else
            TomlError.x('illegal leading zero', ctx, startPtr);
    }
    // If the 1st char is not a digit by now, then it's not a valid TOML value at all
    else if (!isDigit(c))
        TomlError.x('invalid value', ctx, startPtr);
    while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
        if (!state)
            state = 1; // Detects single-digit numbers we can use a fast parse path for
        // The way the states are numbered is not random: underscores are always permitted in odd-numbered states and
        // never permitted in even-numbered ones.
        if (c === 0x5f /* _ */) {
            if (!(state & 1))
                TomlError.x('illegal underscore', ctx);
            state += 11; // 11 is a marker that makes the state even and greater than 9; see the numbering + rationale above
            hasUnderscores = true;
        }
        // Transition to fractional part.
        else if (state === 1 && c === 0x2e /* . */)
            state = 2;
        // Transition to exponent part.
        else if ((state === 1 || state === 3) && (c === 0x65 /* e */ || c === 0x45 /* E */))
            state = 4;
        // + and - are permitted in state 4 only (handled before entering the function for state 0)
        else if (state === 4 && (c === 0x2b /* + */ || c === 0x2d /* - */)) {
            state = 6;
        }
        // All special cases have been handled; only digits are allowed here
        else if (!isDigit(c))
            TomlError.x(`illegal character in numeric literal`, ctx);
        // Clear state flags
        else if (state > 9)
            state -= 11;
        else if (!(state & 1))
            state++;
    }
    // Single-char number; we can fast-path these very easily.
    if (!state) {
        let val = (startChr - 0x30 /* 0 */) * (sign || 1);
        return ctx.bi === true ? BigInt(val) : val;
    }
    // Even-numbered states absolutely require a digit next; not even end of value is permitted
    if (!(state & 1))
        TomlError.x('unfinished numeric value', ctx, startPtr);
    let str = ctx.s.slice(startPtr, ctx.p);
    if (hasUnderscores)
        str = str.replaceAll('_', ''); // perf: replaceAll 1.25x faster than replace with a regex
    return state > 1
        ? parseFloat(str)
        : parseInteger(ctx, str, 10, startPtr);
}
function parseIntegerBaseN(ctx, startPtr, base, endChr) {
    let c, underscore = 1;
    while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
        if (c === 0x5f /* _ */) {
            if (underscore & 1)
                TomlError.x('illegal underscore', ctx);
            underscore = 3;
        }
        // We only need to check if the number is a valid digit, nothing else is permitted
        else if (!isDigit(c, base))
            TomlError.x(`illegal character in numeric literal`, ctx);
        // Clear underscore flag
        else if (underscore & 1)
            underscore--;
    }
    // Trailing underscore is not allowed
    if (underscore & 1)
        TomlError.x('unfinished numeric value', ctx);
    let str = ctx.s.slice(startPtr + 2, ctx.p);
    if (underscore)
        str = str.replaceAll('_', ''); // perf: replaceAll 1.25x faster than replace with a regex
    return parseInteger(ctx, str, base, startPtr);
}
function parseInteger(ctx, str, base, startPtr) {
    if (ctx.bi !== true)
        int: {
            let val = parseInt(str, base);
            if (!Number.isSafeInteger(val)) {
                if (ctx.bi)
                    break int;
                TomlError.x('integer value cannot be represented losslessly', ctx, startPtr);
            }
            return val;
        }
    return base === 10 ? BigInt(str) : BigInt((base === 2 ? '0b' : base === 8 ? '0o' : '0x') + str);
}
function parseDate(ctx, c, endChr) {
    let startPtr = ctx.p++, unsafeSeparator;
    if (!isDigit(c) ||
        !isDigit(ctx.s.charCodeAt(ctx.p++)) ||
        !isDigit(ctx.s.charCodeAt(ctx.p++)) ||
        !isDigit(ctx.s.charCodeAt(ctx.p++))) {
        return parseNumber(ctx, ctx.p = startPtr, c, 0, endChr);
    }
    ctx.p += 5;
    if (!isDigit(ctx.s.charCodeAt(ctx.p++)))
        TomlError.x('invalid date-time: date part is malformed', ctx, startPtr);
    if (ctx.p >= ctx.s.length || (((c = ctx.s.charCodeAt(ctx.p)) !== 0x20 || (unsafeSeparator = true, !isDigit(ctx.s.charCodeAt(ctx.p + 1)))) && c !== 0x54 /* T */ && c !== 0x74 /* t */)) {
        let t = ctx.s.slice(startPtr, ctx.p);
        return readDate(ctx, t, 3, false, startPtr);
    }
    if (ctx.s.charCodeAt(ctx.p += 3) !== 0x3a /* : */)
        TomlError.x('invalid date-time: time part is malformed', ctx, startPtr);
    if (ctx.s.charCodeAt(ctx.p += 3) === 0x3a /* : */)
        ctx.p += 3;
    if (ctx.s.charCodeAt(ctx.p) === 0x2e /* . */)
        while (isDigit(ctx.s.charCodeAt(++ctx.p)))
            ;
    if (c = ctx.s.charCodeAt(ctx.p)) {
        if (c === 0x5a /* Z */ || c === 0x7a /* z */) {
            let t = ctx.s.slice(startPtr, ++ctx.p);
            return readDate(ctx, t, 1, unsafeSeparator, startPtr, '[+00:00]');
        }
        if (c === 0x2b /* + */ || c === 0x2d /* - */) {
            // Temporal's ZonedDateTime is weird asf when it comes to dealing with traditional offsets...
            // It's 1.2x faster to allocate a new string to pass to ZDT than use Instant.toZonedDateTimeISO
            let t = ctx.s.slice(startPtr, ctx.p += 6);
            return readDate(ctx, t, 1, unsafeSeparator, startPtr, !ctx.ld && ('[' + ctx.s.slice(ctx.p - 6, ctx.p) + ']'));
        }
    }
    let t = ctx.s.slice(startPtr, ctx.p);
    return readDate(ctx, t, 2, unsafeSeparator, startPtr);
}
function parseTime(ctx, c, endChr) {
    let start = ctx.p;
    if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(++ctx.p))) {
        return parseNumber(ctx, --ctx.p, c, 0, endChr);
    }
    if (ctx.s.charCodeAt(ctx.p += 4) === 0x3a /* : */)
        ctx.p += 3;
    if (ctx.s.charCodeAt(ctx.p) === 0x2e /* . */)
        while (isDigit(ctx.s.charCodeAt(++ctx.p)))
            ;
    let t = ctx.s.slice(start, ctx.p);
    return readDate(ctx, t, 4, false, start);
}
function readDate(ctx, str, type, unsafeDelim, errPtr, temporalSuffix) {
    if (ctx.ld) {
        let date = new TomlDate(str, type, unsafeDelim);
        if (!date.isValid())
            TomlError.x('invalid date', ctx, errPtr);
        return date;
    }
    try {
        if (temporalSuffix)
            str += temporalSuffix;
        switch (type) {
            case 1: return Temporal.ZonedDateTime.from(str);
            case 2: return Temporal.PlainDateTime.from(str);
            case 3: return Temporal.PlainDate.from(str);
            case 4: return Temporal.PlainTime.from(str);
        }
    }
    catch (e) {
        TomlError.x(e instanceof Error ? e.message : '' + e, ctx, errPtr);
    }
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/util.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */

/** @internal */
function skipComment(ctx) {
    for (; ctx.p < ctx.s.length; ctx.p++) {
        let c = ctx.s.charCodeAt(ctx.p);
        if (c === 0xa /* \n */)
            break;
        if (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */) {
            ctx.p++;
            break;
        }
        if ((c < 0x20 && c !== 0x9 /* \t */) || c === 0x7f) {
            TomlError.x('control characters are not allowed in comments', ctx);
        }
    }
}
/** @internal */
function skipVoid(ctx, banNewLines, banComments) {
    let c;
    while (ctx.p < ctx.s.length) {
        while (ctx.p < ctx.s.length && ((c = ctx.s.charCodeAt(ctx.p)) === 0x20 ||
            c === 0x9 /* \t */ ||
            (!banNewLines &&
                (c === 0xa /* \n */ || (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */)))))
            ctx.p++;
        if (banComments || c !== 0x23 /* # */)
            break;
        skipComment(ctx);
    }
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/struct.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */




/** @internal */
function parseKey(ctx, end = 0x3d /* = */) {
    // States:
    // 0: before first char
    // 1: parsing bare key
    // 2: after key component
    let startPtr;
    let state = 0;
    let parsed = [];
    let sliceStart;
    let c = ctx.s.charCodeAt(startPtr = ctx.p);
    do {
        // End of key
        if (c === end) {
            if (!state)
                TomlError.x('unexpected end of key', ctx);
            if (state === 1)
                parsed.push(ctx.s.slice(sliceStart, ctx.p));
            return ctx.p++, parsed;
        }
        // Dotted key separator
        else if (c === 0x2e /* . */) {
            if (!state)
                TomlError.x('illegal empty bare key', ctx);
            if (state === 1)
                parsed.push(ctx.s.slice(sliceStart, ctx.p));
            state = 0;
        }
        // Quoted key
        else if (!state && (c === 0x22 /* " */ || c === 0x27 /* ' */)) {
            if (c === ctx.s.charCodeAt(ctx.p + 1) && c === ctx.s.charCodeAt(ctx.p + 2))
                TomlError.x('illegal quoted key: multiline strings are not allowed', ctx);
            parsed.push(parseString(ctx));
            state = 2;
            ctx.p--;
        }
        // Whitespace; no-op in state 0 and 2, end of bare key in state 1
        else if (c === 0x20 || c === 0x9 /* \t */) {
            if (state === 1) {
                parsed.push(ctx.s.slice(sliceStart, ctx.p));
                state = 2;
            }
        }
        // If state is post-key, no character is allowed; otherwise ensure it's a bare-key component
        else if (state === 2 || (c < 0x30 && c !== 0x2d /* - */) || (c > 0x39 && c < 0x41) || (c > 0x5a && c < 0x61 && c !== 0x5f /* _ */) || c > 0x7a) {
            TomlError.x('illegal character in key', ctx);
        }
        // Illegal character
        else if (!state) {
            state = 1;
            sliceStart = ctx.p;
        }
    } while (c = ctx.s.charCodeAt(++ctx.p));
    TomlError.x('incomplete key-value: cannot find end of key', ctx, startPtr);
}
/** @internal */
function parseInlineTable(ctx) {
    let startPtr = ctx.p++;
    let res = Object.create(null);
    let seen = new Set();
    let c;
    while (ctx.p < ctx.s.length) {
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p)) === 0x7d /* } */) {
            ctx.p++;
            return res;
        }
        let k;
        let t = res;
        let hasOwn = false;
        let errPtr = ctx.p;
        let key = parseKey(ctx);
        for (let i = 0; i < key.length; i++) {
            if (i)
                t = hasOwn ? t[k] : (t[k] = Object.create(null));
            k = key[i];
            if ((hasOwn = Object.hasOwn(t, k)) && (typeof t[k] !== 'object' || seen.has(t[k]))) {
                TomlError.x('trying to redefine an already defined value', ctx, errPtr);
            }
            let unsafe = k === '__proto__';
            if (ctx.uk && (unsafe || k === 'constructor')) {
                t = ctx.uk !== 1 && TomlError.x('document contains an unsafe property', ctx, errPtr);
                break;
            }
            if (!hasOwn && unsafe) {
                Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
            }
        }
        if (hasOwn) {
            TomlError.x('trying to redefine an already defined value', ctx, errPtr);
        }
        skipVoid(ctx, true, true);
        let value = extractValue(ctx, 0x7d /* } */);
        if (t && typeof (t[k] = value) === 'object')
            seen.add(value);
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p++)) === 0x7d /* } */) {
            return res;
        }
        if (c !== 0x2c /* , */)
            TomlError.x('expected comma or end of structure', ctx, ctx.p - 1);
    }
    TomlError.x('unfinished table', ctx, startPtr);
}
/** @internal */
function parseArray(ctx) {
    let startPtr = ctx.p++;
    let res = [];
    let c;
    while (ctx.p < ctx.s.length) {
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p)) === 0x5d /* ] */) {
            ctx.p++;
            return res;
        }
        res.push(extractValue(ctx, 0x5d /* ] */));
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p++)) === 0x5d /* ] */) {
            return res;
        }
        if (c !== 0x2c /* , */)
            TomlError.x('expected comma or end of structure', ctx, ctx.p - 1);
    }
    TomlError.x('unfinished array', ctx, startPtr);
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/parse.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */




function peekTable(ctx, key, table, meta, type) {
    let t = table;
    let m = meta;
    let k;
    let hasOwn = false;
    let state;
    for (let i = 0; i < key.length; i++) {
        if (i) {
            t = hasOwn ? t[k] : (t[k] = Object.create(null));
            m = (state = m[k]).c;
            if (type === 0 /* Type.DOTTED */ && (state.t === 1 /* Type.EXPLICIT */ || state.t === 2 /* Type.ARRAY */)) {
                return null;
            }
            if (state.t === 2 /* Type.ARRAY */) {
                let l = t.length - 1;
                t = t[l];
                m = m[l].c;
            }
        }
        k = key[i];
        if ((hasOwn = Object.hasOwn(t, k)) && m[k]?.t === 0 /* Type.DOTTED */ && m[k]?.d) {
            return null;
        }
        if (!hasOwn) {
            let unsafe = k === '__proto__';
            if (ctx.uk && (unsafe || k === 'constructor'))
                return false;
            if (unsafe) {
                Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
                Object.defineProperty(m, k, { enumerable: true, configurable: true, writable: true });
            }
            m[k] = {
                t: i < key.length - 1 && type === 2 /* Type.ARRAY */
                    ? 3 /* Type.ARRAY_DOTTED */ : type,
                d: false,
                i: 0,
                c: Object.create(null),
            };
        }
    }
    state = m[k];
    if (state.t !== type && !(type === 1 /* Type.EXPLICIT */ && state.t === 3 /* Type.ARRAY_DOTTED */)) {
        // Bad key type!
        return null;
    }
    if (type === 2 /* Type.ARRAY */) {
        if (!state.d) {
            state.d = true;
            t[k] = [];
        }
        t[k].push(t = Object.create(null));
        state.c[state.i++] = (state = { t: 1 /* Type.EXPLICIT */, d: false, i: 0, c: Object.create(null) });
    }
    if (state.d) {
        // Redefining a table!
        return null;
    }
    state.d = true;
    if (type === 1 /* Type.EXPLICIT */) {
        t = hasOwn ? t[k] : (t[k] = Object.create(null));
    }
    else if (type === 0 /* Type.DOTTED */ && hasOwn) {
        return null;
    }
    return [k, t, state.c];
}
function validateTablePeek(ctx, peek, ptr) {
    if (peek === null || ctx.uk === 2)
        TomlError.x(peek === null
            ? 'trying to redefine an already defined table or value'
            : 'document contains an unsafe property', ctx, ptr);
}
function parse(toml, options = {}) {
    let ctx = {
        s: toml,
        p: 0,
        d: options.maxDepth ?? 1000,
        bi: options.integersAsBigInt ?? false,
        ld: options.useLegacyDate ?? true,
        uk: options.unsafeKeyBehaviour === 'throw' ? 2 : options.unsafeKeyBehaviour === 'drop' ? 1 : 0,
    };
    let res = Object.create(null);
    let meta = Object.create(null);
    let tmp;
    let skipping = false;
    let tbl = res;
    let m = meta;
    // BOM is allowed, skip.
    // JS is UTF-16, so we have to check for the UTF-16 BOM instead of the UTF-8 BOM sequence!
    if (toml.charCodeAt(0) === 0xfeff)
        ctx.p++;
    skipVoid(ctx);
    while (ctx.p < toml.length) {
        if (toml.charCodeAt(ctx.p) === 0x5b /* [ */) {
            let isTableArray = toml.charCodeAt(++ctx.p) === 0x5b; /* [ */
            tmp = ctx.p += +isTableArray;
            skipping = false;
            let k = parseKey(ctx, 0x5d /* ] */);
            if (isTableArray) {
                if (toml.charCodeAt(ctx.p) !== 0x5d /* ] */) {
                    TomlError.x('expected end of table array declaration', ctx);
                }
                ctx.p++;
            }
            let p = peekTable(ctx, k, res, meta, isTableArray ? 2 /* Type.ARRAY */ : 1 /* Type.EXPLICIT */);
            if (!p) {
                validateTablePeek(ctx, p, tmp);
                skipping = true;
            }
            else {
                m = p[2];
                tbl = p[1];
            }
        }
        else {
            tmp = ctx.p;
            let k = parseKey(ctx);
            let p = peekTable(ctx, k, tbl, m, 0 /* Type.DOTTED */);
            if (!p && !skipping)
                validateTablePeek(ctx, p, tmp);
            skipVoid(ctx, true, true);
            let v = extractValue(ctx, void 0);
            if (p && !skipping)
                p[1][p[0]] = v;
        }
        skipVoid(ctx, true);
        if (ctx.p < toml.length && (tmp = toml.charCodeAt(ctx.p)) !== 0xa /* \n */ && (tmp !== 0xd /* \r */ || toml.charCodeAt(ctx.p + 1) !== 0xa /* \n */)) {
            TomlError.x('each key-value declaration must be followed by an end-of-line', ctx);
        }
        skipVoid(ctx);
    }
    return res;
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/stringify.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
let BARE_KEY = /^[a-z0-9-_]+$/i;
let HAS_WELLFORMED = !!(''.isWellFormed);
function extendedTypeOf(obj) {
    let type = typeof obj;
    if (type === 'object') {
        if (Array.isArray(obj))
            return 'array';
        if (typeof obj.getUTCDate === 'function' && obj instanceof Date)
            return 'date';
        if (globalThis.Temporal) {
            if (obj.until) {
                if (obj instanceof Temporal.ZonedDateTime)
                    return 'temporal/tz+uc';
                if (obj instanceof Temporal.PlainDateTime || obj instanceof Temporal.PlainDate)
                    return 'temporal/uc';
                if (obj instanceof Temporal.PlainTime || obj instanceof Temporal.Instant)
                    return 'temporal';
                if (obj instanceof Temporal.PlainYearMonth)
                    return 'temporal/x';
            }
            else if ((obj.toPlainDate && obj instanceof Temporal.PlainMonthDay) ||
                (obj.negated && obj instanceof Temporal.Duration)) {
                return 'temporal/x';
            }
        }
    }
    return type;
}
function isArrayOfTables(obj) {
    for (let i = 0; i < obj.length; i++) {
        if (extendedTypeOf(obj[i]) !== 'object')
            return false;
    }
    return obj.length != 0;
}
function formatWellFormedStringUnchecked(s) {
    return JSON.stringify(s).replaceAll('\x7f', '\\u007f');
}
function formatString(s) {
    return formatWellFormedStringUnchecked(HAS_WELLFORMED ? s.toWellFormed() : s);
}
function formatKey(s) {
    if (BARE_KEY.test(s))
        return s;
    if (HAS_WELLFORMED && !s.isWellFormed())
        throw new RangeError('key contains illegal lone surrogates');
    return formatWellFormedStringUnchecked(s);
}
function stringifyValue(val, type, depth, numberAsFloat, strictTemporal) {
    if (depth === 0) {
        throw new Error('Could not stringify the object: maximum object depth exceeded');
    }
    switch (type) {
        // @ts-expect-error -- intentional fallthrough case
        case 'number':
            if (isNaN(val))
                return 'nan';
            if (val === Infinity)
                return 'inf';
            if (val === -Infinity)
                return '-inf';
            if (Number.isInteger(val) && (numberAsFloat || !Number.isSafeInteger(val)))
                return val.toFixed(1);
        case 'bigint':
        case 'boolean':
        case 'temporal':
            return val.toString();
        case 'string':
            return formatString(val);
        case 'date':
            if (isNaN(val.getTime()))
                throw new TypeError('cannot serialize invalid date');
            return val.toISOString();
        case 'object':
            return stringifyInlineTable(val, depth, numberAsFloat, strictTemporal);
        case 'array':
            return stringifyArray(val, depth, numberAsFloat, strictTemporal);
        // @ts-expect-error -- intentional fallthrough case
        case 'temporal/tz+uc':
            if (strictTemporal) {
                let tz = val.timeZoneId;
                let tzc = tz.charCodeAt(0);
                if (
                // Classic offset
                tzc !== 0x2b /* + */ && tzc !== 0x2d /* - */ &&
                    (
                    // Fast pre-check pass; see below for the actually accepted values
                    (tzc !== 0x55 /* U */ && tzc !== 0x47 /* G */ && tzc !== 0x5a /* Z */ && tzc !== 0x45 /* E */) ||
                        (
                        // UTC and its aliases; Temporal implementations don't all canonicalise unfortunately
                        tz !== 'UTC' && tz !== 'UCT' && tz !== 'Universal' && tz !== 'Zulu' &&
                            // GMT is a TZ but it's for all intents and purposes equivalent to UTC. Safe to downgrade.
                            !tz.startsWith('GMT') && tz !== 'Greenwich' &&
                            // Etc/* are all safe to downgrade to offset (either UTC, GMT, or offset)
                            !tz.startsWith('Etc/')))) {
                    throw new TypeError('Temporal objects with an IANA timezone are not allowed in Temporal strict mode');
                }
            }
        case 'temporal/uc':
            if (strictTemporal && val.calendarId !== 'iso8601')
                throw new TypeError('Temporal objects with a non-default calendar are not allowed in Temporal strict mode');
            return val.toString({
                calendarName: 'never',
                timeZoneName: 'never',
            });
        case 'temporal/x':
            throw new TypeError('Unsupported ' + val[Symbol.toStringTag]);
    }
}
function stringifyInlineTable(obj, depth, numberAsFloat, strictTemporal) {
    let keys = Object.keys(obj);
    if (keys.length === 0)
        return '{}';
    let res = '{ ';
    for (let i = 0; i < keys.length; i++) {
        let k = keys[i];
        if (i)
            res += ', ';
        res += formatKey(k) + ' = ' + stringifyValue(obj[k], extendedTypeOf(obj[k]), depth - 1, numberAsFloat, strictTemporal);
    }
    return res + ' }';
}
function stringifyArray(array, depth, numberAsFloat, strictTemporal) {
    if (array.length === 0)
        return '[]';
    let res = '[ ';
    for (let i = 0; i < array.length; i++) {
        if (i)
            res += ', ';
        if (array[i] === null || array[i] === void 0) {
            throw new TypeError('arrays cannot contain null or undefined values');
        }
        res += stringifyValue(array[i], extendedTypeOf(array[i]), depth - 1, numberAsFloat, strictTemporal);
    }
    return res + ' ]';
}
function stringifyArrayTable(array, key, depth, numberAsFloat, strictTemporal) {
    if (depth === 0) {
        throw new Error('Could not stringify the object: maximum object depth exceeded');
    }
    let res = '';
    for (let i = 0; i < array.length; i++) {
        res += `${res && '\n'}[[${key}]]\n`;
        res += stringifyTable(0, array[i], key, depth, numberAsFloat, strictTemporal);
    }
    return res;
}
function stringifyTable(tableKey, obj, prefix, depth, numberAsFloat, strictTemporal) {
    if (depth === 0) {
        throw new Error('Could not stringify the object: maximum object depth exceeded');
    }
    let preamble = '';
    let tables = '';
    let keys = Object.keys(obj);
    for (let i = 0; i < keys.length; i++) {
        let k = keys[i];
        if (obj[k] !== null && obj[k] !== void 0) {
            let type = extendedTypeOf(obj[k]);
            if (type === 'symbol' || type === 'function') {
                throw new TypeError(`cannot serialize values of type '${type}'`);
            }
            let key = formatKey(k);
            if (type === 'array' && isArrayOfTables(obj[k])) {
                tables += (tables && '\n') + stringifyArrayTable(obj[k], prefix ? `${prefix}.${key}` : key, depth - 1, numberAsFloat, strictTemporal);
            }
            else if (type === 'object') {
                let tblKey = prefix ? `${prefix}.${key}` : key;
                tables += (tables && '\n') + stringifyTable(tblKey, obj[k], tblKey, depth - 1, numberAsFloat, strictTemporal);
            }
            else {
                preamble += key;
                preamble += ' = ';
                preamble += stringifyValue(obj[k], type, depth, numberAsFloat, strictTemporal);
                preamble += '\n';
            }
        }
    }
    if (tableKey && (preamble || !tables)) // Create table only if necessary
        preamble = preamble ? `[${tableKey}]\n${preamble}` : `[${tableKey}]`;
    return preamble && tables
        ? `${preamble}\n${tables}`
        : preamble || tables;
}
function stringify(obj, { maxDepth = 1000, numbersAsFloat = false, strictTemporal = false } = {}) {
    if (extendedTypeOf(obj) !== 'object') {
        throw new TypeError('stringify can only be called with an object');
    }
    let str = stringifyTable(0, obj, '', maxDepth, numbersAsFloat, strictTemporal);
    if (str[str.length - 1] !== '\n')
        return str + '\n';
    return str;
}

;// CONCATENATED MODULE: ./node_modules/smol-toml/dist/index.js
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */





/** @deprecated use `import * as ... from 'smol-toml'` instead */
/* harmony default export */ const dist = ({ parse: parse, stringify: stringify, TomlDate: TomlDate, TomlError: TomlError });

// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __nccwpck_require__(8571);
// EXTERNAL MODULE: ./src/fly/config/durations.ts
var durations = __nccwpck_require__(2905);
// EXTERNAL MODULE: ./src/fly/config/go-atoi.ts
var go_atoi = __nccwpck_require__(9956);
// EXTERNAL MODULE: ./src/fly/config/problems.ts
var problems = __nccwpck_require__(4726);
// EXTERNAL MODULE: ./src/fly/config/unsupported.ts
var unsupported = __nccwpck_require__(6767);
// EXTERNAL MODULE: ./src/fly/config/validate.ts
var validate = __nccwpck_require__(1080);
;// CONCATENATED MODULE: ./src/fly/fly-toml.ts







const STRATEGIES = ['rolling', 'bluegreen', 'canary', 'immediate'];
const SIGNALS = ['SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGKILL', 'SIGUSR1', 'SIGUSR2', 'SIGTERM', 'SIGABRT'];

/** A section flyctl reads as a table or an array of tables, under any of its spellings, merged in order. */
function tableArray(file, root, ...keys) {
    const out = [];
    for (const key of keys) {
        const value = root[key];
        if (value === undefined)
            continue;
        if ((0,problems/* isTable */.b)(value))
            out.push(value);
        else if (Array.isArray(value) && value.every(problems/* isTable */.b))
            out.push(...value);
        else
            throw (0,problems/* bad */.M)(file, `[${key}] must be a table or an array of tables ([[${key}]]).`, `write [[${key}]] sections.`);
    }
    return out;
}
function optionalString(file, table, key, where) {
    const value = table[key];
    if (value === undefined)
        return undefined;
    if (typeof value !== 'string')
        throw (0,problems/* bad */.M)(file, `${where}${key} must be a string, not ${JSON.stringify(value)}.`, `quote it: ${key} = "${String(value)}".`);
    return value;
}
function parseToml(text, file) {
    try {
        return parse(text);
    }
    catch (error) {
        // smol-toml throws only TomlError (always with a line and column: its line count starts at 1); anything
        // else would be our bug and keeps its stack.
        // Stryker disable next-line ConditionalExpression: `true` is equivalent (nothing else is thrown); this also disables the killed `false`
        if (error instanceof TomlError) {
            throw (0,problems/* bad */.M)(file, `is not valid TOML (line ${error.line}, column ${error.column}): ${error.message.split('\n')[0].replace(/\.?$/, '.')}`, 'fix the syntax; `fly config validate` shows the same error.');
        }
        throw error;
    }
}
function readStrategy(file, deployTable) {
    const strategyText = optionalString(file, deployTable, 'strategy', '[deploy] ');
    if (strategyText === undefined)
        return undefined;
    // flyctl (appconfig validateDeploySection) takes the four names exactly as written, so Runway does too;
    // a near miss ("Blue-Green") is told its spelling.
    const strategy = STRATEGIES.find((s) => s === strategyText);
    if (strategy)
        return strategy;
    const meant = STRATEGIES.find((s) => s === strategyText.toLowerCase().replace(/[-_\s]/g, ''));
    throw (0,problems/* bad */.M)(file, `[deploy] strategy "${strategyText}" is not a Fly strategy (flyctl refuses it too).`, meant ? `write strategy = "${meant}".` : `use one of: ${STRATEGIES.join(', ')}.`);
}
function readDeploy(file, root) {
    const deployTable = root.deploy === undefined ? {} : root.deploy;
    if (!(0,problems/* isTable */.b)(deployTable))
        throw (0,problems/* bad */.M)(file, '[deploy] must be a table.', 'write a [deploy] section.');
    // flyctl reads max_unavailable as a float64: a number, never text or a boolean (Number.isFinite does
    // not convert, so "2" and true fail it).
    const maxUnavailable = deployTable.max_unavailable;
    if (maxUnavailable !== undefined && !(Number.isFinite(maxUnavailable) && maxUnavailable > 0)) {
        throw (0,problems/* bad */.M)(file, `[deploy] max_unavailable must be a number above 0, not ${JSON.stringify(maxUnavailable)}.`, 'use a count (2) or a fraction (0.33), without quotes.');
    }
    // fly-go's Duration: a Go duration string, or a bare number of nanoseconds (no patch gives these
    // keys another unit, as kill_timeout has).
    const durationOf = (key) => {
        const value = deployTable[key];
        if (value === undefined)
            return undefined;
        const ms = (0,durations/* durationMs */.p)((0,durations/* flyDuration */.y)(value, 1e-6));
        if (ms === undefined)
            throw (0,problems/* bad */.M)(file, `[deploy] ${key} "${String(value)}" is not a duration.`, 'write e.g. "5m".');
        return ms;
    };
    const releaseVm = deployTable.release_command_vm;
    if (releaseVm !== undefined && !(0,problems/* isTable */.b)(releaseVm))
        throw (0,problems/* bad */.M)(file, '[deploy.release_command_vm] must be a table.', 'write size = "shared-cpu-1x".');
    return {
        strategy: readStrategy(file, deployTable),
        maxUnavailable: maxUnavailable,
        waitTimeoutMs: durationOf('wait_timeout'),
        releaseCommand: optionalString(file, deployTable, 'release_command', '[deploy] '),
        releaseCommandTimeoutMs: durationOf('release_command_timeout'),
        releaseCommandVm: releaseVm,
    };
}
/** [env] as a table, or flyctl's older array of tables; values print as Go's %v does. */
function readEnv(file, root) {
    const raw = root.env ?? {};
    const tables = Array.isArray(raw) && raw.every(problems/* isTable */.b) ? raw : [raw];
    const env = {};
    for (const envTable of tables) {
        if (!(0,problems/* isTable */.b)(envTable))
            throw (0,problems/* bad */.M)(file, '[env] must be a table of NAME = "value".', 'write [env] then NAME = "value" lines.');
        for (const [name, value] of Object.entries(envTable)) {
            if (name.toUpperCase().startsWith('FLY_'))
                throw (0,problems/* bad */.M)(file, `[env] ${name}: names starting with FLY_ are reserved by Fly.`, 'rename the variable.');
            if (typeof value === 'object')
                throw (0,problems/* bad */.M)(file, `[env] ${name} must be a string.`, `write ${name} = "value".`);
            env[name] = String(value);
        }
    }
    return env;
}
/** [processes] as name = "command", or the old [[processes]] name/command array. */
function readProcesses(file, root) {
    let raw = root.processes ?? {};
    if (Array.isArray(raw)) {
        raw = Object.fromEntries(raw
            .filter((p) => (0,problems/* isTable */.b)(p) && p.name !== undefined)
            .map((p) => [String(p.name), String(p.command ?? '')]));
    }
    if (!(0,problems/* isTable */.b)(raw))
        throw (0,problems/* bad */.M)(file, '[processes] must be a table of name = "command".', 'write [processes] then app = "command".');
    const processes = {};
    for (const [name, command] of Object.entries(raw)) {
        if (!/^[a-z0-9_-]+$/i.test(name))
            throw (0,problems/* bad */.M)(file, `[processes] name "${name}" may only use letters, digits, - and _.`, 'rename the process group.');
        if (typeof command !== 'string')
            throw (0,problems/* bad */.M)(file, `[processes] ${name} must be a command string.`, `write ${name} = "command".`);
        processes[name] = command;
    }
    if (Object.keys(processes).length === 0)
        processes.app = '';
    return processes;
}
function readHttpService(file, root) {
    const httpService = root.http_service;
    if (httpService === undefined)
        return undefined;
    if (!(0,problems/* isTable */.b)(httpService))
        throw (0,problems/* bad */.M)(file, '[http_service] must be a table.', 'write one [http_service] section.');
    if (httpService.internal_port !== undefined && !Number.isInteger(httpService.internal_port)) {
        throw (0,problems/* bad */.M)(file, `[http_service] internal_port must be a whole number, not ${JSON.stringify(httpService.internal_port)}.`, 'write e.g. internal_port = 8080.');
    }
    return httpService;
}
/** [[services]] with flyctl's patches: numeric strings for ports, and "soft,hard" concurrency strings. */
function readConcurrency(file, where, value) {
    if (value === undefined || (0,problems/* isTable */.b)(value))
        return value;
    const match = typeof value === 'string' ? /^(-?\d+),(-?\d+)$/.exec(value) : null;
    if (!match)
        throw (0,problems/* bad */.M)(file, `${where} concurrency ${JSON.stringify(value)} is neither a table nor the old "soft,hard" string.`, 'write a [services.concurrency] table with type, soft_limit and hard_limit.');
    return { type: 'requests', hard_limit: Number(match[2]), soft_limit: Number(match[1]) };
}
/** [[services]] with flyctl's patches: empty sections dropped, numeric strings for ports, old concurrency. */
function readServices(file, root) {
    const services = tableArray(file, root, 'services').filter((service) => Object.keys(service).length > 0);
    return services.map((service, i) => {
        const where = `[[services]] #${i + 1}`;
        const out = { ...service };
        // flyctl's patch (castToInt) reads a text port with Go's strconv.Atoi.
        const raw = service.internal_port;
        // Stryker disable next-line ConditionalExpression: a number passes the Atoi pattern as its own digits and keeps its value (`false` here is killed, and hidden with it)
        const port = typeof raw === 'string' ? (0,go_atoi/* goAtoi */.M)(raw) : raw;
        if (!Number.isInteger(port))
            throw (0,problems/* bad */.M)(file, `${where} needs internal_port as a whole number.`, 'write internal_port = 8080.');
        out.internal_port = port;
        out.concurrency = readConcurrency(file, where, service.concurrency);
        if (out.concurrency === undefined)
            delete out.concurrency;
        return out;
    });
}
function readChecks(file, root) {
    let raw = root.checks ?? {};
    if (Array.isArray(raw)) {
        raw = Object.fromEntries(raw.map((c) => {
            if (!(0,problems/* isTable */.b)(c) || typeof c.name !== 'string')
                throw (0,problems/* bad */.M)(file, '[[checks]] entries need a name.', 'write [checks.name] sections.');
            return [c.name, c];
        }));
    }
    if (!(0,problems/* isTable */.b)(raw))
        throw (0,problems/* bad */.M)(file, '[checks] must be a table of named checks.', 'write [checks.name] sections.');
    const checks = {};
    for (const [name, check] of Object.entries(raw)) {
        if (!(0,problems/* isTable */.b)(check))
            throw (0,problems/* bad */.M)(file, `[checks.${name}] must be a table.`, 'give it type and port.');
        if (check.type !== 'tcp' && check.type !== 'http')
            throw (0,problems/* bad */.M)(file, `[checks.${name}] type must be "tcp" or "http".`, 
            // flyctl has no "machine" check type: a check run in its own Machine is a [[machine_checks]] entry.
            check.type === 'machine'
                ? 'a check that runs in its own Machine is a [[machine_checks]] entry: write [[machine_checks]] with command = ["…"] instead.'
                : 'set type = "http".');
        if (check.port !== undefined && !Number.isInteger(check.port))
            throw (0,problems/* bad */.M)(file, `[checks.${name}] port must be a whole number.`, 'set port = 8080, or leave it out to use [http_service] internal_port.');
        checks[name] = check;
    }
    return checks;
}
function readKill(file, root, experimental) {
    const killSignal = optionalString(file, root, 'kill_signal', '');
    if (killSignal !== undefined && !SIGNALS.includes(killSignal.toUpperCase())) {
        throw (0,problems/* bad */.M)(file, `kill_signal "${killSignal}" is not a signal Fly can send.`, `use one of ${SIGNALS.join(', ')}.`);
    }
    // flyctl takes [experimental] kill_timeout when the top level has none; a bare number is seconds.
    const value = root.kill_timeout ?? experimental.kill_timeout;
    let killTimeout;
    if (value !== undefined) {
        if (typeof value === 'number')
            killTimeout = `${value}s`;
        else if (typeof value === 'string' && (0,duration/* goDurationMs */.Dy)(value) !== undefined)
            killTimeout = value;
        else
            throw (0,problems/* bad */.M)(file, `kill_timeout "${String(value)}" is not a duration.`, 'write e.g. "30s".');
    }
    return { killSignal: killSignal?.toUpperCase(), killTimeout };
}
function stringList(file, value, where) {
    if (value === undefined)
        return undefined;
    if (typeof value === 'string')
        return [value];
    if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
        return value;
    throw (0,problems/* bad */.M)(file, `${where} must be a string or an array of strings.`, `write ${where.split(' ').pop()} = ["/bin/app", "arg"].`);
}
function readExperimental(file, root) {
    const table = root.experimental ?? {};
    if (!(0,problems/* isTable */.b)(table))
        throw (0,problems/* bad */.M)(file, '[experimental] must be a table.', 'write an [experimental] section.');
    if (root.experimental === undefined)
        return { table, value: undefined };
    return {
        table,
        value: {
            cmd: stringList(file, table.cmd, '[experimental] cmd'),
            entrypoint: stringList(file, table.entrypoint, '[experimental] entrypoint'),
            exec: stringList(file, table.exec, '[experimental] exec'),
            machineConfig: optionalString(file, table, 'machine_config', '[experimental] '),
        },
    };
}
/** [metrics] / [[metric]], plus the old [experimental] metrics_port / metrics_path when neither is set. */
function readMetrics(file, root, experimental) {
    const metrics = tableArray(file, root, 'metric', 'metrics');
    if (metrics.length || (experimental.metrics_port === undefined && experimental.metrics_path === undefined))
        return metrics;
    const legacy = {};
    if (experimental.metrics_port !== undefined)
        legacy.port = experimental.metrics_port;
    if (experimental.metrics_path !== undefined)
        legacy.path = experimental.metrics_path;
    return [legacy];
}
function readSwap(file, root) {
    const swap = root.swap_size_mb;
    if (swap === undefined)
        return undefined;
    if (!Number.isInteger(swap) || swap < 0)
        throw (0,problems/* bad */.M)(file, `swap_size_mb must be a whole number of megabytes, not ${JSON.stringify(swap)}.`, 'write e.g. swap_size_mb = 512.');
    return swap;
}
function readApp(file, root) {
    const app = optionalString(file, root, 'app', '');
    if (app?.match(/^[a-z0-9][a-z0-9-]*$/) === null)
        throw (0,problems/* bad */.M)(file, `app "${app}" is not a valid Fly app name.`, 'use lower-case letters, digits and dashes.');
    return app;
}
/** How many groups [processes] names (flyctl drops unnamed [[processes]] entries, as the old API sent them). */
function declaredGroups(processes) {
    if ((0,problems/* isTable */.b)(processes))
        return Object.keys(processes).length;
    if (Array.isArray(processes))
        return processes.filter((p) => (0,problems/* isTable */.b)(p) && p.name !== undefined).length;
    return 0;
}
/** Parses fly.toml text. Every problem is an InputError on `config` naming the file and the key. */
function parseFlyToml(text, file = 'fly.toml') {
    const root = parseToml(text, file);
    (0,unsupported/* refuseUnsupportedKeys */.w5)(file, root);
    const build = root.build;
    if (build !== undefined && !(0,problems/* isTable */.b)(build))
        throw (0,problems/* bad */.M)(file, '[build] must be a table.', 'write a [build] section.');
    const experimental = readExperimental(file, root);
    const toml = {
        file,
        app: readApp(file, root),
        primaryRegion: optionalString(file, root, 'primary_region', ''),
        ...readKill(file, root, experimental.table),
        swapSizeMb: readSwap(file, root),
        hostDedicationId: optionalString(file, root, 'host_dedication_id', '') || undefined,
        buildImage: build ? optionalString(file, build, 'image', '[build] ') : undefined,
        deploy: readDeploy(file, root),
        env: readEnv(file, root),
        processes: readProcesses(file, root),
        httpService: readHttpService(file, root),
        services: readServices(file, root),
        checks: readChecks(file, root),
        vms: tableArray(file, root, 'compute', 'computes', 'vm'),
        restarts: tableArray(file, root, 'restart'),
        mounts: tableArray(file, root, 'mount', 'mounts'),
        statics: tableArray(file, root, 'statics'),
        files: tableArray(file, root, 'files'),
        metrics: readMetrics(file, root, experimental.table),
        machineChecks: tableArray(file, root, 'machine_checks'),
        experimental: experimental.value,
        machineConfig: optionalString(file, root, 'machine_config', '') || undefined,
    };
    (0,validate/* validateLikeFlyctl */.iJ)(toml, declaredGroups(root.processes));
    return toml;
}


/***/ }),

/***/ 8992:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   H5: () => (/* binding */ deployTimeoutMs),
/* harmony export */   Jj: () => (/* binding */ readDeployInputs),
/* harmony export */   _0: () => (/* binding */ readCount)
/* harmony export */ });
/* unused harmony exports STRATEGY_PHASES, DEPLOY_MARGIN_MS */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4296);
/* harmony import */ var _core_secrets_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(8198);
/* harmony import */ var _fly_toml_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(8520);
/* harmony import */ var _machine_config_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(2721);
/* harmony import */ var _placement_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(1234);
/* harmony import */ var _release_record_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(328);
/* harmony import */ var _regions_js__WEBPACK_IMPORTED_MODULE_8__ = __nccwpck_require__(5072);
/* harmony import */ var _preflight_js__WEBPACK_IMPORTED_MODULE_9__ = __nccwpck_require__(6058);
/* harmony import */ var _config_special_machines_js__WEBPACK_IMPORTED_MODULE_10__ = __nccwpck_require__(6794);











const IMAGE_RE = /^[a-z0-9][a-z0-9._\-/:]*[a-z0-9](:[\w][\w.-]{0,127})?(@sha256:[a-f0-9]{64})?$/i;
/**
 * Reads and checks every input (and fly.toml) up front: a missing app, an unknown strategy, a retired
 * region or a malformed fly.toml is one clear line naming the input, and no request has been sent.
 */
function readDeployInputs(inputs, env, cwd = process.cwd()) {
    const apiToken = inputs.optional('api-token') ?? env.FLY_API_TOKEN?.trim() ?? '';
    (0,_core_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .registerSecret */ .cl)(apiToken);
    const { configPath, toml } = readConfig(inputs, cwd);
    const app = readApp(inputs, toml, configPath);
    const restore = readRestore(inputs, toml);
    const { build, image } = restore ? { build: false, image: restore.image } : readImage(inputs, toml);
    const strategy = inputs.enumOf('strategy', _fly_toml_js__WEBPACK_IMPORTED_MODULE_4__/* .STRATEGIES */ .YL, toml.deploy.strategy ?? 'rolling');
    (0,_preflight_js__WEBPACK_IMPORTED_MODULE_9__/* .preflight */ .M)(toml, strategy);
    const maxUnavailable = inputs.number('max-unavailable', toml.deploy.maxUnavailable ?? 0.33, { min: 0.01 });
    const waitTimeoutMs = inputs.raw('wait-timeout')
        ? inputs.duration('wait-timeout', '5m', { min: 1000, max: 3_600_000 })
        : (toml.deploy.waitTimeoutMs ?? 300_000);
    const timeoutMs = inputs.raw('timeout')
        ? inputs.duration('timeout', '30m', { min: 10_000, max: 6 * 3_600_000 })
        : deployTimeoutMs(strategy, waitTimeoutMs, toml);
    const placement = readPlacement(inputs, toml, configPath);
    const secrets = readSecrets(inputs);
    if (!apiToken)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('api-token', 'is empty and FLY_API_TOKEN is not set.', 'pass api-token: ${{ secrets.FLY_API_TOKEN }} (a `fly tokens create deploy` token).');
    const apiUrl = (inputs.url('api-url')?.href ?? 'https://api.machines.dev').replace(/\/$/, '');
    const publicUrl = (inputs.url('public-url')?.href ?? `https://${app}.fly.dev`).replace(/\/$/, '');
    const proxySettleMs = inputs.duration('proxy-settle', '10s', { max: 120_000 });
    checkMachineConfigs(toml, image, strategy, configPath);
    return {
        app,
        configPath,
        toml,
        image,
        build,
        strategy,
        maxUnavailable,
        waitTimeoutMs,
        timeoutMs,
        ...placement,
        secrets,
        apiToken,
        apiUrl,
        rollback: inputs.bool('rollback', true),
        environment: inputs.optional('environment'),
        publicUrl,
        proxySettleMs,
        ...(restore ? { restoreConfig: restore.configs, skipReleaseCommand: true } : {}),
    };
}
/**
 * How many wait-timeouts each strategy can spend waiting in a healthy deploy: one for the release_command
 * Machine, then rolling one per batch (counted as two), blue-green one for the green set and one for the
 * scale-up, canary one for the canary and two for the rest, immediate none beyond the first.
 */
const STRATEGY_PHASES = {
    immediate: 1,
    rolling: 3,
    bluegreen: 3,
    canary: 4,
};
/** Room for the API calls around the waits (list, leases, secrets, the final listing). */
const DEPLOY_MARGIN_MS = 2 * 60_000;
/**
 * The default `timeout`: phases(strategy) × wait-timeout + 2m, one phase more when machine_checks run
 * (their tested Machine must start and pass its checks first); documented in action.yml.
 */
function deployTimeoutMs(strategy, waitTimeoutMs, toml) {
    const phases = STRATEGY_PHASES[strategy] + (toml && (0,_config_special_machines_js__WEBPACK_IMPORTED_MODULE_10__/* .hasMachineChecks */ .b7)(toml) ? 1 : 0);
    return phases * waitTimeoutMs + DEPLOY_MARGIN_MS;
}
/**
 * `restore-config`: roll back the release, not only the image. The recorded image is deployed with the
 * recorded config; an `image` input, if given, must be that same image. When the release being rolled
 * back (the one this fly.toml describes) ran a release_command, the database may already have the new
 * schema, which no image rollback undoes: the user must say the old release can run on it.
 */
function readRestore(inputs, toml) {
    const text = inputs.optional('restore-config');
    if (!text)
        return undefined;
    const { image, release } = (0,_release_record_js__WEBPACK_IMPORTED_MODULE_7__/* .parseRestoreInput */ .O5)(text);
    const given = inputs.optional('image');
    if (given && given !== image)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('image', `"${given}" is not the image restore-config recorded (${image}).`, 'leave image empty when restore-config is set: the recorded image is deployed.');
    if (inputs.bool('build', false))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('build', 'cannot be true with restore-config.', 'a restore deploys the recorded image.');
    const ran = releaseCommandRolledBack(inputs, toml);
    if (ran.command && !inputs.bool('schema-backward-compatible', false))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('schema-backward-compatible', `is not true, and the release being rolled back ran release_command \`${ran.command}\` (${ran.source}; its migrations stay applied after a rollback).`, 'set schema-backward-compatible: true once you know the restored release runs on the current schema, or restore the database first (see the rollback plan).');
    return { image, configs: release.configs };
}
/**
 * What the release being rolled back ran: its deployment record's release_command (`rolled-back-release`)
 * when the record kept one, else fly.toml's, the only other witness (in rollback.yml that file is the
 * restored commit's, which is why the record comes first).
 */
function releaseCommandRolledBack(inputs, toml) {
    const text = inputs.optional('rolled-back-release');
    const recorded = text ? (0,_release_record_js__WEBPACK_IMPORTED_MODULE_7__/* .recordedReleaseCommand */ .NT)(text) : undefined;
    if (recorded?.known)
        return { command: recorded.command, source: 'as its deployment record says' };
    const why = recorded ? 'its deployment record kept no release' : 'no rolled-back-release was given';
    return { command: toml.deploy.releaseCommand, source: `as ${toml.file} says; ${why}` };
}
function readConfig(inputs, cwd) {
    const configPath = inputs.string('config', 'fly.toml');
    let text;
    try {
        text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, configPath), 'utf8');
    }
    catch {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('config', `${configPath} was not found in ${cwd}.`, 'check out the repository first and point `config` at your fly.toml (e.g. fly.staging.toml).');
    }
    return { configPath, toml: (0,_fly_toml_js__WEBPACK_IMPORTED_MODULE_4__/* .parseFlyToml */ .z1)(text, configPath) };
}
function readApp(inputs, toml, configPath) {
    const app = inputs.optional('app') ?? toml.app;
    if (!app)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('app', `is empty and ${configPath} has no \`app\`.`, 'set `app: my-app` or add app = "my-app" to fly.toml.');
    if (!/^[a-z0-9][a-z0-9-]*$/.test(app))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('app', `"${app}" is not a valid Fly app name.`, 'use lower-case letters, digits and dashes.');
    return app;
}
/** `image`, or `build: true` (then the image is built later); never both, never neither. */
function readImage(inputs, toml) {
    const build = inputs.bool('build', false);
    const image = inputs.optional('image') ?? (build ? undefined : toml.buildImage);
    if (!image && !build)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('image', 'is required unless `build: true` (and fly.toml has no [build] image).', 'set image: registry.fly.io/my-app:tag, or build: true.');
    if (image && build)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('build', 'is true but `image` is set too; a deploy ships one image.', 'remove one of them.');
    if (image && !IMAGE_RE.test(image))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('image', `"${image}" is not an image reference.`, 'write e.g. registry.fly.io/my-app:v42 or ghcr.io/org/app@sha256:….');
    return { build, image };
}
/** Where Machines go and how many: `regions`, `count`, `fallback-regions`, all checked against live regions. */
function readPlacement(inputs, toml, configPath) {
    const regionList = inputs.list('regions', { commas: true });
    const regionSource = regionList.length ? 'regions' : 'config';
    const rawRegions = regionList.length ? regionList : toml.primaryRegion ? [toml.primaryRegion] : [];
    if (!rawRegions.length)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('regions', `is empty and ${configPath} has no primary_region.`, 'set regions: sin, or primary_region = "sin" in fly.toml.');
    const regions = (0,_regions_js__WEBPACK_IMPORTED_MODULE_8__/* .validateRegions */ .s1)(regionSource, rawRegions);
    if (toml.primaryRegion && regionSource === 'regions')
        (0,_regions_js__WEBPACK_IMPORTED_MODULE_8__/* .validateRegions */ .s1)('config', [toml.primaryRegion]);
    const counts = readCount(inputs, toml, configPath, toml.primaryRegion ?? regions[0]);
    const fallbackRegions = (0,_regions_js__WEBPACK_IMPORTED_MODULE_8__/* .validateRegions */ .s1)('fallback-regions', inputs.list('fallback-regions', { commas: true }));
    return { regions, addRegions: regionSource === 'regions', counts, fallbackRegions };
}
/** `count` as `fly scale count` reads it (a bare number is the primary region's), its groups checked against fly.toml. */
function readCount(inputs, toml, configPath, primary) {
    const countText = inputs.optional('count');
    if (!countText)
        return undefined;
    if (!primary)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('count', `needs a primary region, and ${configPath} has no primary_region.`, 'add primary_region = "sin" to fly.toml, or set regions.');
    const counts = (0,_placement_js__WEBPACK_IMPORTED_MODULE_6__/* .parseCount */ .zq)(countText, primary);
    for (const entry of counts) {
        if (entry.group && !(entry.group in toml.processes))
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('count', `names process group "${entry.group}", which ${configPath} does not define.`, `use one of: ${Object.keys(toml.processes).join(', ')}.`);
    }
    return counts;
}
function readSecrets(inputs) {
    const secrets = {};
    for (const [name, value] of inputs.keyValues('secrets')) {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('secrets', `"${name}" is not a valid secret name.`, 'use letters, digits and _.');
        (0,_core_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .registerSecret */ .cl)(value);
        secrets[name] = value;
    }
    return secrets;
}
/** Building every group's config now surfaces fly.toml mistakes before any API call. */
function checkMachineConfigs(toml, image, strategy, configPath) {
    const checksPerGroup = Object.keys(toml.processes).map((group) => (0,_machine_config_js__WEBPACK_IMPORTED_MODULE_5__/* .countChecks */ .ls)((0,_machine_config_js__WEBPACK_IMPORTED_MODULE_5__/* .machineConfigFor */ .Xg)(toml, { image: image ?? 'placeholder:latest', group, releaseVersion: 1 })));
    // Like flyctl, a group without checks (a worker) counts as healthy once started; the app needs some.
    if (strategy === 'bluegreen' && checksPerGroup.every((n) => n === 0)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('strategy', `bluegreen needs at least one health check, and ${configPath} has none.`, 'add [[http_service.checks]] (or use rolling).');
    }
    if (toml.deploy.releaseCommand)
        (0,_machine_config_js__WEBPACK_IMPORTED_MODULE_5__/* .releaseCommandConfig */ .N4)(toml, image ?? 'placeholder:latest', 1);
}


/***/ }),

/***/ 2721:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  l0: () => (/* binding */ checkTiming),
  ls: () => (/* binding */ countChecks),
  jF: () => (/* reexport */ groups/* defaultGroup */.jF),
  Xg: () => (/* binding */ machineConfigFor),
  N4: () => (/* reexport */ special_machines/* releaseCommandConfig */.N4),
  F7: () => (/* binding */ tomlToMachineConfig)
});

// UNUSED EXPORTS: MACHINE_PRESETS, guestPreset, machineChecksFor, mountChange, parseMemoryMb, parseSizeGb, shellSplit, testMachineConfig, volumeFor, volumeRequestFor

// EXTERNAL MODULE: ./src/fly/config/problems.ts
var problems = __nccwpck_require__(4726);
// EXTERNAL MODULE: ./src/fly/config/durations.ts
var durations = __nccwpck_require__(2905);
;// CONCATENATED MODULE: ./src/fly/config/checks.ts


/** Check headers: a table of name = value, or flyctl's older [{ name, value }] list → [{ name, values }]. */
function headersOf(value) {
    if (value === undefined)
        return undefined;
    const pairs = Array.isArray(value)
        ? value.map((h) => [String(h.name), String(h.value ?? '')])
        : Object.entries(value).map(([name, v]) => [name, String(v)]);
    return pairs.map(([name, v]) => ({ name, values: [v] }));
}
/** interval, timeout and grace_period as fly-go prints them; a bare number is milliseconds (flyctl). */
function timingsOf(toml, where, table) {
    const out = {};
    for (const key of ['interval', 'timeout', 'grace_period']) {
        if (table[key] === undefined || table[key] === '')
            continue; // flyctl drops empty durations
        const duration = (0,durations/* flyDuration */.y)(table[key], 1);
        if (duration === undefined)
            throw (0,problems/* bad */.M)(toml.file, `${where} ${key} ${JSON.stringify(table[key])} is not a duration.`, 'write e.g. "10s" (a bare number is milliseconds).');
        out[key] = duration;
    }
    return out;
}
/** The http fields, copied only when written: flyctl sets no defaults for method, path or protocol. */
function httpFieldsOf(table, upperMethod) {
    const out = {};
    if (typeof table.method === 'string')
        out.method = upperMethod ? table.method.toUpperCase() : table.method;
    if (typeof table.path === 'string')
        out.path = table.path;
    if (typeof table.protocol === 'string')
        out.protocol = table.protocol;
    if (typeof table.tls_skip_verify === 'boolean')
        out.tls_skip_verify = table.tls_skip_verify;
    if (typeof table.tls_server_name === 'string')
        out.tls_server_name = table.tls_server_name;
    const headers = headersOf(table.headers);
    if (headers?.length)
        out.headers = headers;
    return out;
}
/** A [[services.tcp_checks]] / [[services.http_checks]] / [[http_service.checks]] entry (toMachineCheck). */
function serviceCheck(toml, where, table, type) {
    return {
        type,
        ...timingsOf(toml, where, table),
        ...(type === 'http' ? httpFieldsOf(table, false) : {}),
    };
}
/**
 * A [checks.name] entry (ToplevelCheck.toMachineCheck): the method upper-cased, and with no port the
 * group's [http_service] internal_port, else refused as flyctl refuses it.
 */
function topLevelCheck(toml, name, table, group, httpService) {
    const where = `[checks.${name}]`;
    const check = { type: table.type };
    if (table.port !== undefined)
        check.port = table.port;
    else if (httpService)
        check.port = httpService.internal_port;
    else
        throw (0,problems/* bad */.M)(toml.file, `${where} has no port set and process group "${group}" has no [http_service] to take it from.`, `set port = 8080 in ${where}, or add an [http_service] for "${group}".`);
    return Object.assign(check, timingsOf(toml, where, table), httpFieldsOf(table, true));
}

// EXTERNAL MODULE: ./src/fly/config/extras.ts
var extras = __nccwpck_require__(4721);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./src/fly/config/unsupported.ts
var unsupported = __nccwpck_require__(6767);
;// CONCATENATED MODULE: ./src/fly/config/machine-config-overlay.ts




function readMachineConfigSource(toml, source, where) {
    if (source.startsWith('{'))
        return JSON.parse(source);
    if (!source.endsWith('.json'))
        throw (0,problems/* bad */.M)(toml.file, `${where} "${source}" is neither inline JSON nor a .json file.`, 'write machine_config = \'{"dns": {...}}\' or a path ending in .json.');
    // Stryker disable next-line StringLiteral: without an encoding readFileSync gives a Buffer, which JSON.parse reads as the same UTF-8 text
    return JSON.parse((0,external_node_fs_.readFileSync)((0,external_node_path_.resolve)((0,external_node_path_.dirname)(toml.file), source), 'utf8'));
}
/** machine_config (inline JSON or a .json file), [experimental] first: the Machine fields fly.toml has no key for. */
function machineConfigOverlay(toml) {
    const source = toml.experimental?.machineConfig || toml.machineConfig;
    if (!source)
        return undefined;
    const where = toml.experimental?.machineConfig ? '[experimental] machine_config' : 'machine_config';
    let parsed;
    try {
        parsed = readMachineConfigSource(toml, source, where);
    }
    catch (error) {
        if (error.input)
            throw error;
        throw (0,problems/* bad */.M)(toml.file, `${where} cannot be read as JSON: ${error.message}.`, 'fix the JSON.');
    }
    if (!(0,problems/* isTable */.b)(parsed))
        throw (0,problems/* bad */.M)(toml.file, `${where} must be a JSON object.`, 'write a {...} Machine config.');
    for (const key of ['containers', 'volumes'])
        if (parsed[key] !== undefined)
            throw (0,unsupported/* unsupported */.qO)(toml.file, 'machine_config containers', `${where} ${key}`);
    return parsed;
}
/** encoding/json's Unmarshal onto an existing value: objects merge key by key, everything else replaces. */
function mergeJson(base, overlay) {
    const out = { ...base };
    for (const [key, value] of Object.entries(overlay)) {
        out[key] = (0,problems/* isTable */.b)(value) && (0,problems/* isTable */.b)(out[key]) ? mergeJson(out[key], value) : value;
    }
    return out;
}

// EXTERNAL MODULE: ./src/fly/config/groups.ts
var groups = __nccwpck_require__(9846);
// EXTERNAL MODULE: ./src/fly/config/guest.ts
var config_guest = __nccwpck_require__(4632);
// EXTERNAL MODULE: ./src/fly/config/process.ts
var process = __nccwpck_require__(6781);
;// CONCATENATED MODULE: ./src/fly/config/services.ts


/** auto_stop_machines as fly-go sends it: false for off, true for stop, "suspend". */
function autostopOf(toml, where, value) {
    if (value === undefined)
        return undefined;
    if (value === true || value === 'stop' || value === 'true')
        return true;
    if (value === false || value === 'off' || value === 'false')
        return false;
    if (value === 'suspend')
        return 'suspend';
    throw (0,problems/* bad */.M)(toml.file, `${where} auto_stop_machines ${JSON.stringify(value)} is not off, stop or suspend.`, 'use "off", "stop" or "suspend".');
}
/** The scaling fields, each only when the file sets it: flyctl leaves the rest to Fly's defaults. */
function scalingOf(toml, where, table) {
    const out = {};
    if (table.concurrency !== undefined)
        out.concurrency = concurrencyOf(table.concurrency);
    const autostop = autostopOf(toml, where, table.auto_stop_machines);
    if (autostop !== undefined)
        out.autostop = autostop;
    if (table.auto_start_machines !== undefined)
        out.autostart = Boolean(table.auto_start_machines);
    if (table.min_machines_running !== undefined)
        out.min_machines_running = Number(table.min_machines_running);
    return out;
}
/** fly-go's MachineServiceConcurrency: no type written, none sent (Fly picks it), zero limits omitted. */
function concurrencyOf(table) {
    const out = {};
    if (typeof table.type === 'string' && table.type)
        out.type = table.type;
    if (Number(table.hard_limit))
        out.hard_limit = Number(table.hard_limit);
    if (Number(table.soft_limit))
        out.soft_limit = Number(table.soft_limit);
    return out;
}
function listOf(value) {
    return (Array.isArray(value) ? value : value ? [value] : []);
}
/** `[http_service]` expands to port 80 (http, force_https) and 443 (http + tls), as HTTPService.ToService does. */
function httpServiceFor(toml, table) {
    if (!Number.isInteger(table.internal_port))
        throw (0,problems/* bad */.M)(toml.file, '[http_service] needs internal_port.', 'write internal_port = 8080 (the port the app listens on).');
    const options = (key) => (table[key] ? { [key]: table[key] } : {});
    const service = {
        protocol: 'tcp',
        internal_port: table.internal_port,
        ports: [
            {
                port: 80,
                handlers: ['http'],
                ...(table.force_https ? { force_https: true } : {}),
                ...options('http_options'),
            },
            { port: 443, handlers: ['http', 'tls'], ...options('http_options'), ...options('tls_options') },
        ],
        ...scalingOf(toml, '[http_service]', table),
    };
    const checks = listOf(table.checks).map((c, i) => serviceCheck(toml, `[[http_service.checks]] #${i + 1}`, c, 'http'));
    if (checks.length)
        service.checks = checks;
    return service;
}
function portOf(p) {
    const port = {};
    if (p.port !== undefined)
        port.port = Number(p.port);
    if (p.start_port !== undefined)
        port.start_port = Number(p.start_port);
    if (p.end_port !== undefined)
        port.end_port = Number(p.end_port);
    if (Array.isArray(p.handlers))
        port.handlers = p.handlers.map(String);
    if (p.force_https)
        port.force_https = true;
    if (p.tls_options)
        port.tls_options = p.tls_options;
    if (p.http_options)
        port.http_options = p.http_options;
    if (p.proxy_proto_options)
        port.proxy_proto_options = p.proxy_proto_options;
    return port;
}
/** One `[[services]]` section (Service.toMachineService): tcp checks first, then http checks. */
function serviceFor(toml, table, index) {
    const where = `[[services]] #${index + 1}`;
    // No protocol written, none sent (fly-go omits the empty string).
    const service = {
        ...(typeof table.protocol === 'string' && table.protocol ? { protocol: table.protocol } : {}),
        internal_port: table.internal_port,
        ...scalingOf(toml, where, table),
    };
    const ports = listOf(table.ports).map(portOf);
    if (ports.length)
        service.ports = ports;
    const checks = [
        ...listOf(table.tcp_checks).map((c, i) => serviceCheck(toml, `${where} tcp_checks #${i + 1}`, c, 'tcp')),
        ...listOf(table.http_checks).map((c, i) => serviceCheck(toml, `${where} http_checks #${i + 1}`, c, 'http')),
    ];
    if (checks.length)
        service.checks = checks;
    return service;
}

// EXTERNAL MODULE: ./src/fly/config/mounts.ts
var mounts = __nccwpck_require__(1320);
// EXTERNAL MODULE: ./src/fly/types.ts
var types = __nccwpck_require__(252);
// EXTERNAL MODULE: ./src/fly/vm-sizes.ts
var vm_sizes = __nccwpck_require__(2075);
// EXTERNAL MODULE: ./src/fly/config/special-machines.ts
var special_machines = __nccwpck_require__(6794);
;// CONCATENATED MODULE: ./src/fly/machine-config.ts


















/** Metadata only a deploy in flight sets; a finished Machine must not carry it into the next release. */
const TRANSIENT_METADATA = [
    types/* META */.Ge.bluegreenTag,
    types/* META */.Ge.bluegreenLaunchId,
    types/* META */.Ge.canary,
    types/* META */.Ge.launchId,
    'fly-managed-postgres',
];
function drop(config, key, value) {
    if (value === undefined)
        delete config[key];
    else
        config[key] = value;
}
function servicesFor(toml, group) {
    const services = [];
    if (toml.httpService && (0,groups/* appliesTo */.Gl)(toml, toml.httpService, group))
        services.push(httpServiceFor(toml, toml.httpService));
    toml.services.forEach((s, i) => {
        if ((0,groups/* appliesTo */.Gl)(toml, s, group))
            services.push(serviceFor(toml, s, i));
    });
    return services.length ? services : undefined;
}
function checksFor(toml, group) {
    const httpService = toml.httpService && (0,groups/* appliesTo */.Gl)(toml, toml.httpService, group) ? toml.httpService : undefined;
    const entries = Object.entries(toml.checks).filter(([, table]) => (0,groups/* appliesTo */.Gl)(toml, table, group));
    if (!entries.length)
        return undefined;
    return Object.fromEntries(entries.map(([name, table]) => [name, topLevelCheck(toml, name, table, group, httpService)]));
}
function envFor(toml, group) {
    const env = { ...toml.env, FLY_PROCESS_GROUP: group };
    if (toml.primaryRegion)
        env.PRIMARY_REGION = toml.primaryRegion;
    return env;
}
function checkGroup(toml, group) {
    if (!(group in toml.processes))
        throw (0,problems/* bad */.M)(toml.file, `process group "${group}" is not in [processes].`, `add ${group} = "command" to [processes].`);
}
/**
 * flyctl's `ToMachineConfig(group, src)`: the Machine's current config (or nothing), machine_config laid
 * over it, then every field fly.toml manages set from the file — and cleared when the file has none.
 * What fly.toml does not manage (schedule, auto_destroy, dns, standbys, rootfs…) stays as it was. The
 * guest stays too unless a [[vm]] applies to the group. No image and no release data: see machineConfigFor.
 */
function tomlToMachineConfig(toml, group, existing) {
    checkGroup(toml, group);
    const base = structuredClone(existing ?? {});
    const overlay = machineConfigOverlay(toml);
    const config = (overlay ? mergeJson(base, overlay) : base);
    drop(config, 'metrics', (0,extras/* metricsFor */.fZ)(toml, group));
    config.init = (0,process/* initFor */.UM)(toml, group, config.init);
    config.metadata = {
        ...config.metadata,
        [types/* META */.Ge.platformVersion]: types/* PLATFORM_VERSION */.PZ,
        [types/* META */.Ge.processGroup]: group,
    };
    drop(config, 'services', servicesFor(toml, group));
    drop(config, 'checks', checksFor(toml, group));
    config.env = envFor(toml, group);
    drop(config, 'statics', (0,extras/* staticsFor */.tt)(toml));
    drop(config, 'mounts', (0,mounts/* mountsFor */.yd)(toml, group));
    drop(config, 'stop_config', (0,process/* stopConfigFor */.iD)(toml));
    drop(config, 'files', (0,extras/* filesFor */.P_)(toml));
    const guest = (0,config_guest/* guestForGroup */.v5)(toml, group);
    if (guest)
        config.guest = guest;
    drop(config, 'restart', (0,process/* restartFor */.lT)(toml, group));
    return config;
}
/** flyctl's setMachineReleaseData plus Runway's deploy id: the release a Machine belongs to. */
function setReleaseData(config, options) {
    const metadata = { ...config.metadata };
    for (const key of TRANSIENT_METADATA)
        delete metadata[key];
    // A release id from an earlier deploy would misname this release: set it or leave none.
    if (options.releaseId)
        metadata[types/* META */.Ge.releaseId] = options.releaseId;
    else
        delete metadata[types/* META */.Ge.releaseId];
    metadata[types/* META */.Ge.releaseVersion] = String(options.releaseVersion);
    if (options.deployId)
        metadata[types/* META */.Ge.deployId] = options.deployId;
    config.metadata = metadata;
}
/**
 * The Machine config a deploy sends for one process group, created (no `existing`) or updated, as
 * flyctl's launchInputForLaunch / launchInputForUpdate build it: ToMachineConfig, the image, the release
 * data, shared-cpu-1x for a new Machine no [[vm]] sizes, the group's host dedication, and on an update
 * the Machine's own volume kept (see mountChange for when flyctl would replace the Machine instead).
 */
function machineConfigFor(toml, options) {
    const { group, existing } = options;
    const config = tomlToMachineConfig(toml, group, existing);
    config.image = options.image;
    setReleaseData(config, options);
    config.guest ??= (0,vm_sizes/* guestPreset */.UT)(vm_sizes/* DEFAULT_VM_SIZE */.Y6);
    const hostDedicationId = (0,config_guest/* hostDedicationFor */.q0)(toml, group);
    if (hostDedicationId && config.guest)
        config.guest = { ...config.guest, host_dedication_id: hostDedicationId };
    if (existing) {
        drop(config, 'mounts', (0,mounts/* keepMountsOnUpdate */.wu)(existing.mounts, config.mounts));
        // A standby that now serves traffic is no longer a standby (flyctl clears the list).
        if (config.services?.length && Array.isArray(config.standbys))
            delete config.standbys;
    }
    return config;
}
/** Every check the deploy's health gate counts: top-level checks plus each service's checks. */
function allChecks(config) {
    const serviceChecks = config.services?.flatMap((s) => s.checks ?? []) ?? [];
    return [...Object.values(config.checks ?? {}), ...serviceChecks];
}
/** How many checks the deploy's health gate waits on (see allChecks). */
function countChecks(config) {
    return allChecks(config).length;
}
/** The slowest check's grace period and interval, which bound how soon a new Machine can be healthy. */
function checkTiming(config) {
    let graceMs = 0;
    let intervalMs = 0;
    for (const check of allChecks(config)) {
        graceMs = Math.max(graceMs, (0,durations/* durationMs */.p)(check.grace_period) ?? 0);
        intervalMs = Math.max(intervalMs, (0,durations/* durationMs */.p)(check.interval) ?? 15_000);
    }
    return { graceMs, intervalMs };
}


/***/ }),

/***/ 1234:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BJ: () => (/* binding */ describePlacement),
/* harmony export */   iu: () => (/* binding */ countsFor),
/* harmony export */   v3: () => (/* binding */ planGroup),
/* harmony export */   zq: () => (/* binding */ parseCount)
/* harmony export */ });
/* unused harmony export surplus */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4296);
/* harmony import */ var _regions_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5072);


const MAX_PER_REGION = 100;
/**
 * Parses `count` as `fly scale count` reads it: `sin=3`, `sin=2,bom=1`, a group prefix for one process
 * group (`worker:sin=1`), or a bare number for the primary region. Checked before any call.
 */
function parseCount(text, primary) {
    const entries = [];
    for (const raw of text.split(/[,\s]+/).filter(Boolean)) {
        const match = /^(?:([a-z0-9_-]+):)?(?:([a-z]{3})=)?(\d+)$/i.exec(raw);
        if (!match)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('count', `"${raw}" is not a Machine count.`, 'write region=N entries, e.g. count: sin=2,bom=1 (or worker:sin=1 for one process group).');
        const count = Number(match[3]);
        if (count > MAX_PER_REGION)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('count', `"${raw}" asks for ${count} Machines in one region.`, `use at most ${MAX_PER_REGION}.`);
        const [region] = (0,_regions_js__WEBPACK_IMPORTED_MODULE_1__/* .validateRegions */ .s1)('count', [match[2] ?? primary]);
        const group = match[1];
        if (entries.some((e) => e.group === group && e.region === region))
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('count', `names ${group ? `${group}:` : ''}${region} twice.`, 'give each region one count.');
        entries.push({ group, region, count });
    }
    return entries;
}
/** The counts asked for one group: its own entries win over the ones for every group. */
function countsFor(entries, group) {
    const mine = entries.filter((e) => e.group === group);
    const shared = entries.filter((e) => e.group === undefined && !mine.some((m) => m.region === e.region));
    const all = [...shared, ...mine];
    return all.length ? new Map(all.map((e) => [e.region, e.count])) : undefined;
}
/**
 * Which Machine goes first when a region has too many, as `fly scale count` picks: stopped before
 * started (they serve nothing), then the newest.
 */
function surplus(machines, keep) {
    const order = [...machines].sort((a, b) => {
        const stopped = Number(b.state !== 'started') - Number(a.state !== 'started');
        return stopped || String(b.created_at ?? b.id).localeCompare(String(a.created_at ?? a.id));
    });
    return order.slice(0, Math.max(0, machines.length - keep));
}
/**
 * Plans one group: with counts, each named region is brought to its count (regions not named are left
 * alone, as `fly scale count --region`); without, a group with no Machines gets the first-deploy layout
 * and an existing group gets one Machine in each listed region where it has none.
 */
function planGroup(group, machines, options) {
    const byRegion = new Map();
    for (const m of machines)
        byRegion.set(m.region, [...(byRegion.get(m.region) ?? []), m]);
    const have = (region) => byRegion.get(region)?.length ?? 0;
    let wanted;
    if (options.counts)
        wanted = options.counts;
    else if (!machines.length)
        wanted = options.firstLayout();
    else
        wanted = new Map(options.regions.filter((r) => have(r) === 0).map((r) => [r, 1]));
    const add = new Map();
    const remove = [];
    for (const [region, count] of wanted) {
        if (count > have(region))
            add.set(region, count - have(region));
        else if (count < have(region))
            remove.push(...surplus(byRegion.get(region) ?? [], count));
    }
    const target = new Map();
    for (const region of new Set([...byRegion.keys(), ...wanted.keys()])) {
        const n = wanted.get(region) ?? have(region);
        if (n > 0)
            target.set(region, n);
    }
    return { group, add, remove, target };
}
/** `app: sin×2, bom×1` — where a group's Machines are. */
function describePlacement(counts) {
    return [...counts].map(([region, n]) => `${region}×${n}`).join(', ') || 'none';
}


/***/ }),

/***/ 6058:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ preflight)
/* harmony export */ });
/* unused harmony export validateGroup */
/* harmony import */ var _config_validate_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1080);
/* harmony import */ var _config_groups_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(9846);
/* harmony import */ var _config_problems_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4726);
/* harmony import */ var _machine_config_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(2721);




/**
 * flyctl's ValidateGroups for one process group: the file as that group sees it (appconfig Flatten)
 * validated again, then the group's Machine config built (validateMachineConversion). A group may mount
 * at most one volume, and canary is refused when it mounts one. Returns the group's config.
 */
function validateGroup(toml, group, strategy) {
    const mounts = toml.mounts.filter((m) => (0,_config_groups_js__WEBPACK_IMPORTED_MODULE_3__/* .appliesTo */ .Gl)(toml, m, group));
    if (mounts.length > 1)
        throw (0,_config_problems_js__WEBPACK_IMPORTED_MODULE_1__/* .bad */ .M)(toml.file, `process group "${group}" has more than one [[mounts]] section (${mounts.map((m) => String(m.source)).join(', ')}); flyctl: "group '${group}' has more than one [[mounts]] section defined".`, 'give each group at most one volume: set processes on each [[mounts]] entry.');
    if (strategy === 'canary' && mounts.length)
        (0,_config_validate_js__WEBPACK_IMPORTED_MODULE_0__/* .refuseCanaryWithMounts */ .JH)({ ...toml, mounts }, strategy, 'strategy');
    return (0,_machine_config_js__WEBPACK_IMPORTED_MODULE_2__/* .tomlToMachineConfig */ .F7)(toml, group);
}
/**
 * What `fly deploy` checks once the strategy is known and before its first call (NewMachineDeployment:
 * --strategy written into [deploy], then ValidateGroups): canary with any [[mounts]] (flyctl validates
 * the whole file when no --process-groups is given), then every group, since Runway deploys them all.
 */
function preflight(toml, strategy) {
    (0,_config_validate_js__WEBPACK_IMPORTED_MODULE_0__/* .refuseCanaryWithMounts */ .JH)(toml, strategy, 'strategy');
    for (const group of Object.keys(toml.processes))
        validateGroup(toml, group, strategy);
}


/***/ }),

/***/ 5072:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   s1: () => (/* binding */ validateRegions)
/* harmony export */ });
/* unused harmony exports LIVE_REGIONS, isLiveRegion, nearestLiveRegions, explainRegion */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4296);

/**
 * Fly's deployable regions (docs `reference/regions`, last changed 2025-10-28). Checked offline so a typo
 * fails before any API call; coordinates are only used to name the nearest live regions in errors.
 */
const LIVE_REGIONS = [
    { code: 'ams', city: 'Amsterdam, NL', lat: 52.37, lon: 4.9 },
    { code: 'arn', city: 'Stockholm, SE', lat: 59.33, lon: 18.07 },
    { code: 'bom', city: 'Mumbai, IN', lat: 19.08, lon: 72.88 },
    { code: 'cdg', city: 'Paris, FR', lat: 48.86, lon: 2.35 },
    { code: 'dfw', city: 'Dallas, US', lat: 32.78, lon: -96.8 },
    { code: 'ewr', city: 'Secaucus NJ, US', lat: 40.79, lon: -74.06 },
    { code: 'fra', city: 'Frankfurt, DE', lat: 50.11, lon: 8.68 },
    { code: 'gru', city: 'São Paulo, BR', lat: -23.55, lon: -46.63 },
    { code: 'iad', city: 'Ashburn VA, US', lat: 39.04, lon: -77.49 },
    { code: 'jnb', city: 'Johannesburg, ZA', lat: -26.2, lon: 28.05 },
    { code: 'lax', city: 'Los Angeles, US', lat: 34.05, lon: -118.24 },
    { code: 'lhr', city: 'London, UK', lat: 51.51, lon: -0.13 },
    { code: 'nrt', city: 'Tokyo, JP', lat: 35.68, lon: 139.69 },
    { code: 'ord', city: 'Chicago, US', lat: 41.88, lon: -87.63 },
    { code: 'sin', city: 'Singapore', lat: 1.35, lon: 103.82 },
    { code: 'sjc', city: 'San Jose, US', lat: 37.34, lon: -121.89 },
    { code: 'syd', city: 'Sydney, AU', lat: -33.87, lon: 151.21 },
    { code: 'yyz', city: 'Toronto, CA', lat: 43.65, lon: -79.38 },
];
/** Codes that were once Fly regions (or are commonly mistaken for them), with why they no longer work. */
const RETIRED = {
    maa: {
        code: 'maa',
        city: 'Chennai, IN',
        lat: 13.08,
        lon: 80.27,
        note: 'Chennai (maa) was retired on 2023-06-28 in favour of bom (Mumbai)',
    },
    cyn: {
        code: 'cyn',
        city: 'Chennai, IN',
        lat: 13.08,
        lon: 80.27,
        note: '"cyn" is not a Fly region code (Chennai was maa, retired on 2023-06-28 in favour of bom)',
    },
    vin: {
        code: 'vin',
        city: 'Vint Hill, US',
        lat: 38.75,
        lon: -77.67,
        note: 'vin (Vint Hill) was retired in 2021',
    },
    mrs: {
        code: 'mrs',
        city: 'Marseille, FR',
        lat: 43.3,
        lon: 5.37,
        note: 'mrs (Marseille) is no longer offered',
    },
    dxb: {
        code: 'dxb',
        city: 'Dubai, AE',
        lat: 25.2,
        lon: 55.27,
        note: 'dxb (Dubai) was an edge-only location without Machines',
    },
    ist: {
        code: 'ist',
        city: 'Istanbul, TR',
        lat: 41.01,
        lon: 28.98,
        note: 'ist (Istanbul) was an edge-only location without Machines',
    },
    mel: {
        code: 'mel',
        city: 'Melbourne, AU',
        lat: -37.81,
        lon: 144.96,
        note: 'mel (Melbourne) was an edge-only location without Machines',
    },
};
/** Removed from the public list on 2025-10-16; the API still lists them with `deprecated: true`. */
const DEPRECATED = [
    { code: 'atl', city: 'Atlanta, US', lat: 33.75, lon: -84.39 },
    { code: 'bog', city: 'Bogotá, CO', lat: 4.71, lon: -74.07 },
    { code: 'bos', city: 'Boston, US', lat: 42.36, lon: -71.06 },
    { code: 'den', city: 'Denver, US', lat: 39.74, lon: -104.99 },
    { code: 'eze', city: 'Ezeiza, AR', lat: -34.82, lon: -58.53 },
    { code: 'gdl', city: 'Guadalajara, MX', lat: 20.67, lon: -103.35 },
    { code: 'gig', city: 'Rio de Janeiro, BR', lat: -22.91, lon: -43.17 },
    { code: 'hkg', city: 'Hong Kong', lat: 22.32, lon: 114.17 },
    { code: 'mad', city: 'Madrid, ES', lat: 40.42, lon: -3.7 },
    { code: 'mia', city: 'Miami, US', lat: 25.76, lon: -80.19 },
    { code: 'otp', city: 'Bucharest, RO', lat: 44.43, lon: 26.1 },
    { code: 'phx', city: 'Phoenix, US', lat: 33.45, lon: -112.07 },
    { code: 'qro', city: 'Querétaro, MX', lat: 20.59, lon: -100.39 },
    { code: 'scl', city: 'Santiago, CL', lat: -33.45, lon: -70.67 },
    { code: 'sea', city: 'Seattle, US', lat: 47.61, lon: -122.33 },
    { code: 'waw', city: 'Warsaw, PL', lat: 52.23, lon: 21.01 },
    { code: 'yul', city: 'Montreal, CA', lat: 45.5, lon: -73.57 },
];
function isLiveRegion(code) {
    return LIVE_REGIONS.some((r) => r.code === code);
}
function distanceKm(a, b) {
    const rad = Math.PI / 180;
    const dLat = (b.lat - a.lat) * rad;
    const dLon = (b.lon - a.lon) * rad;
    const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
    return 2 * 6371 * Math.asin(Math.sqrt(h));
}
/** The `count` live regions closest to a point, nearest first. */
function nearestLiveRegions(point, count = 2) {
    return [...LIVE_REGIONS].sort((a, b) => distanceKm(point, a) - distanceKm(point, b)).slice(0, count);
}
/** Why `code` cannot be deployed to and what to use instead; undefined when it is a live region. */
function explainRegion(code) {
    const normalized = code.trim().toLowerCase();
    if (isLiveRegion(normalized))
        return undefined;
    const describe = (regions) => regions.map((r) => `${r.code} (${r.city})`).join(' or ');
    const retired = RETIRED[normalized];
    if (retired)
        return `${retired.note}; the nearest live regions are ${describe(nearestLiveRegions(retired, 2))}.`;
    const deprecated = DEPRECATED.find((r) => r.code === normalized);
    if (deprecated) {
        return `${deprecated.code} (${deprecated.city}) is deprecated and no longer offered; the nearest live regions are ${describe(nearestLiveRegions(deprecated, 2))}.`;
    }
    return `"${code}" is not a Fly region; live regions are ${LIVE_REGIONS.map((r) => r.code).join(', ')}.`;
}
/** Throws an InputError naming the input when any code is not a live region. */
function validateRegions(input, codes) {
    const result = [];
    for (const raw of codes) {
        const code = raw.trim().toLowerCase();
        const problem = explainRegion(code);
        if (problem) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, problem, `use a live region code, e.g. ${nearestFix(code)}.`);
        }
        if (!result.includes(code))
            result.push(code);
    }
    return result;
}
function nearestFix(code) {
    const known = RETIRED[code] ?? DEPRECATED.find((r) => r.code === code);
    return known ? nearestLiveRegions(known, 1)[0].code : 'sin';
}


/***/ }),

/***/ 328:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   NT: () => (/* binding */ recordedReleaseCommand),
/* harmony export */   O5: () => (/* binding */ parseRestoreInput),
/* harmony export */   X5: () => (/* binding */ restoredConfig),
/* harmony export */   nT: () => (/* binding */ releaseConfigOf)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4296);
/* harmony import */ var _machine_config_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2721);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(252);



/** Per-release metadata a restore must not carry over from the recorded release. */
const RELEASE_KEYS = [_types_js__WEBPACK_IMPORTED_MODULE_2__/* .META */ .Ge.releaseVersion, _types_js__WEBPACK_IMPORTED_MODULE_2__/* .META */ .Ge.releaseId, _types_js__WEBPACK_IMPORTED_MODULE_2__/* .META */ .Ge.deployId];
/** The config fly.toml gives each process group, ready to record. */
function releaseConfigOf(toml) {
    const groups = Object.keys(toml.processes).length ? Object.keys(toml.processes) : [(0,_machine_config_js__WEBPACK_IMPORTED_MODULE_1__/* .defaultGroup */ .jF)(toml)];
    const configs = {};
    for (const group of groups.sort()) {
        // No image (the payload has its digest) and no mounts (volume ids belong to Machines, not releases).
        const { image: _image, mounts: _mounts, ...config } = (0,_machine_config_js__WEBPACK_IMPORTED_MODULE_1__/* .tomlToMachineConfig */ .F7)(toml, group);
        for (const key of RELEASE_KEYS)
            delete config.metadata?.[key];
        configs[group] = config;
    }
    return {
        configs,
        ...(toml.deploy.releaseCommand ? { releaseCommand: toml.deploy.releaseCommand } : {}),
    };
}
/**
 * A rollback's config for one Machine: what the Machine has that a record does not manage (its
 * volume, Fly's own fields) stays, and every field the recorded release set is put back as it was.
 */
function restoredConfig(recorded, existing, release) {
    const config = { ...structuredClone(existing ?? {}), ...structuredClone(recorded) };
    config.image = release.image;
    config.metadata = {
        ...config.metadata,
        [_types_js__WEBPACK_IMPORTED_MODULE_2__/* .META */ .Ge.releaseVersion]: String(release.releaseVersion),
        [_types_js__WEBPACK_IMPORTED_MODULE_2__/* .META */ .Ge.deployId]: release.deployId,
    };
    return config;
}
/** The `restore-config` input: a Runway deployment payload (JSON) that recorded its release's config. */
function parseRestoreInput(text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('restore-config', 'is not JSON.', 'pass the payload of a Runway GitHub deployment record (its `payload` field, as JSON).');
    }
    const p = (value && typeof value === 'object' ? value : {});
    const release = p.release;
    if (typeof p.image !== 'string' ||
        !release ||
        typeof release.configs !== 'object' ||
        release.configs === null ||
        Array.isArray(release.configs))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('restore-config', 'has no recorded release (`image` and `release.configs`).', 'pass the payload of a deployment recorded by fly-deploy from this version on, or leave restore-config empty to roll back the image only.');
    return {
        image: p.image,
        release: {
            configs: release.configs,
            ...(typeof release.releaseCommand === 'string' ? { releaseCommand: release.releaseCommand } : {}),
        },
    };
}
/**
 * `rolled-back-release`: the payload of the GitHub deployment record of the release being rolled back
 * (what serves now). Its recorded release_command is what that release ran; a record without a recorded
 * release (written before configs were kept, or by a workflow that does not keep them) tells nothing.
 */
function recordedReleaseCommand(text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('rolled-back-release', 'is not JSON.', 'pass the `payload` of the GitHub deployment record of the release being rolled back, as JSON.');
    }
    const release = (value && typeof value === 'object' ? value.release : undefined);
    if (!release || typeof release.configs !== 'object' || release.configs === null)
        return { known: false };
    return typeof release.releaseCommand === 'string'
        ? { known: true, command: release.releaseCommand }
        : { known: true };
}


/***/ }),

/***/ 252:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   EL: () => (/* binding */ RELEASE_COMMAND_GROUP),
/* harmony export */   Ge: () => (/* binding */ META),
/* harmony export */   PZ: () => (/* binding */ PLATFORM_VERSION)
/* harmony export */ });
/** Wire shapes of the Machines API (fly-machines-openapi.json), narrowed to what a deploy reads or writes. */
const PLATFORM_VERSION = 'v2';
const META = {
    platformVersion: 'fly_platform_version',
    processGroup: 'fly_process_group',
    releaseVersion: 'fly_release_version',
    releaseId: 'fly_release_id',
    bluegreenTag: 'fly_bluegreen_deployment_tag',
    bluegreenLaunchId: 'fly_flyctl_bluegreen_launch_id',
    canary: 'fly_canary',
    /** Ours: ties a create to this deploy so a 408 "silent success" can be found by listing. */
    launchId: 'runway_launch_id',
    deployId: 'runway_deploy_id',
};
const RELEASE_COMMAND_GROUP = 'fly_app_release_command';


/***/ }),

/***/ 2075:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   UP: () => (/* binding */ parseSizeGb),
/* harmony export */   UT: () => (/* binding */ guestPreset),
/* harmony export */   Y6: () => (/* binding */ DEFAULT_VM_SIZE),
/* harmony export */   es: () => (/* binding */ memoryBoundsPerCpu),
/* harmony export */   hB: () => (/* binding */ DEFAULT_GPU_VM_SIZE),
/* harmony export */   wP: () => (/* binding */ presetsLike),
/* harmony export */   wT: () => (/* binding */ parseMemoryMb)
/* harmony export */ });
/* unused harmony export MACHINE_PRESETS */
/* harmony import */ var _config_go_atoi_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9956);

/**
 * fly-go's MachinePresets (machine_types.go): shared CPUs carry 256 MB each, performance CPUs 2048 MB
 * each, and the GPU presets are 8 performance CPUs with 32 GB.
 */
const MACHINE_PRESETS = Object.freeze({
    ...Object.fromEntries([1, 2, 4, 6, 8].map((n) => [`shared-cpu-${n}x`, { cpu_kind: 'shared', cpus: n, memory_mb: n * 256 }])),
    ...Object.fromEntries([1, 2, 4, 6, 8, 10, 12, 14, 16].map((n) => [
        `performance-${n}x`,
        { cpu_kind: 'performance', cpus: n, memory_mb: n * 2048 },
    ])),
    'a100-40gb': gpuPreset('a100-pcie-40gb'),
    'a100-80gb': gpuPreset('a100-sxm4-80gb'),
    l40s: gpuPreset('l40s'),
    a10: gpuPreset('a10'),
});
function gpuPreset(kind) {
    return { gpu_kind: kind, gpus: 1, cpu_kind: 'performance', cpus: 8, memory_mb: 16 * 2048 };
}
/** flyctl's size when [[vm]] names none: fly.DefaultVMSize, or fly.DefaultGPUVMSize when gpu_kind is set. */
const DEFAULT_VM_SIZE = 'shared-cpu-1x';
const DEFAULT_GPU_VM_SIZE = 'performance-8x';
/** A copy of a preset's guest (MachineGuest.SetSize), or undefined when Fly has no preset of that name. */
function guestPreset(size) {
    const preset = MACHINE_PRESETS[size];
    return preset ? { ...preset } : undefined;
}
/** Preset names of the same family as `size`, for the message that refuses it (as fly-go lists them). */
function presetsLike(size) {
    const family = size.startsWith('performance') ? 'performance' : size.startsWith('shared') ? 'shared' : '';
    const names = Object.keys(MACHINE_PRESETS);
    return (family ? names.filter((n) => n.startsWith(family)) : names).sort();
}
/** Fly's memory bounds per CPU (fly-go MIN/MAX_MEMORY_MB_PER_*): the API refuses anything outside. */
function memoryBoundsPerCpu(cpuKind) {
    return cpuKind === 'performance' ? [2048, 8192] : [256, 2048];
}
// go-units' size grammar: a number, an optional space, an optional unit letter, optional "i" and "b".
const SIZE = /^(\d+(?:\.\d+)*) ?([kmgtp])?i?b?$/i;
const EXPONENT = { k: 1, m: 2, g: 3, t: 4, p: 5 };
function bytesOf(text, base) {
    const match = SIZE.exec(text);
    if (!match)
        return undefined;
    const unit = match[2]?.toLowerCase();
    return Math.trunc(Number(match[1]) * (unit ? base ** EXPONENT[unit] : 1));
}
/**
 * flyctl's helpers.ParseSize: a bare integer is already in the target unit; anything else is parsed as
 * bytes (binary units for memory, decimal for volume sizes) and divided down, truncating.
 */
function parseSize(value, base, unitBytes) {
    if (typeof value === 'number')
        return Number.isInteger(value) ? value : undefined;
    if (typeof value !== 'string')
        return undefined;
    const whole = (0,_config_go_atoi_js__WEBPACK_IMPORTED_MODULE_0__/* .goAtoi */ .M)(value);
    if (whole !== undefined)
        return whole;
    const bytes = bytesOf(value, base);
    return bytes === undefined ? undefined : Math.trunc(bytes / unitBytes);
}
/** `[[vm]] memory`: `"256mb"`, `"4G"`, `"1gb"`, `512` or `"512"` (MB) → megabytes (units.RAMInBytes / MiB). */
function parseMemoryMb(value) {
    const mb = parseSize(value, 1024, 1024 ** 2);
    return (mb ?? 0) > 0 ? mb : undefined;
}
/** Volume sizes (`initial_size`, `auto_extend_size_*`): `"10gb"`, `"3GB"`, `10` → gigabytes (units.FromHumanSize / GB). */
function parseSizeGb(value) {
    return parseSize(value, 1000, 1000 ** 3);
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 99:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:sqlite");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 7997:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		id: moduleId,
/******/ 		loaded: false,
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Flag the module as loaded
/******/ 	module.loaded = true;
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/node module decorator */
/******/ (() => {
/******/ 	__nccwpck_require__.nmd = (module) => {
/******/ 		module.paths = [];
/******/ 		if (!module.children) module.children = [];
/******/ 		return module;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(3448);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
