import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 4186:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8198);
/* harmony import */ var _core_step_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(1757);
/* harmony import */ var _probe_inputs_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(9269);
/* harmony import */ var _probe_remote_settings_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(7114);





/**
 * Three ways in: the measuring side inside a probe Machine (REMOTE_FLAG), the post step that destroys a
 * probe Machine a cancelled run left behind, and the step itself. Inputs are checked before the toolkit,
 * undici or the Fly client load, so a bad one fails fast.
 */
const remoteAt = process.argv.indexOf(_probe_remote_settings_js__WEBPACK_IMPORTED_MODULE_4__/* .REMOTE_FLAG */ .gw);
if (remoteAt >= 0)
    await remoteStep(process.argv[remoteAt + 1] ?? '');
else if (process.env.STATE_isPost === 'true')
    await postStep();
else {
    const checked = (0,_core_step_js__WEBPACK_IMPORTED_MODULE_2__/* .checkInputs */ .sw)('latency-probe', readChecked);
    if (checked)
        await probeStep(checked);
}
async function remoteStep(encoded) {
    const { InputReader } = await Promise.resolve(/* import() */).then(__nccwpck_require__.bind(__nccwpck_require__, 9114));
    const { runRemoteMode } = await Promise.all(/* import() */[__nccwpck_require__.e(752), __nccwpck_require__.e(806)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5806));
    const { probe } = await Promise.all(/* import() */[__nccwpck_require__.e(960), __nccwpck_require__.e(448)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9448));
    await runRemoteMode(encoded, async (values) => {
        const { options } = (0,_probe_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .readProbeInputs */ .G)(new InputReader((name) => values[name] ?? ''));
        return probe({ ...options, log: (line) => process.stderr.write(`${(0,_core_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .scrub */ ._I)(line)}\n`) });
    });
}
/** The post step: destroys a probe Machine a cancelled or crashed main step left behind. */
async function postStep() {
    const machineId = process.env[`STATE_${_probe_remote_settings_js__WEBPACK_IMPORTED_MODULE_4__/* .STATE_MACHINE */ .ug}`];
    if (!machineId)
        return;
    const { runAction } = await Promise.all(/* import() */[__nccwpck_require__.e(421), __nccwpck_require__.e(605)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5605));
    await runAction('latency-probe cleanup', async () => {
        const settings = (0,_probe_remote_settings_js__WEBPACK_IMPORTED_MODULE_4__/* .readRemoteSettings */ .Ay)((0,_core_step_js__WEBPACK_IMPORTED_MODULE_2__/* .envInputs */ .DH)());
        if (!settings)
            return;
        const core = await __nccwpck_require__.e(/* import() */ 421).then(__nccwpck_require__.bind(__nccwpck_require__, 6421));
        const { destroyLeftover } = await Promise.all(/* import() */[__nccwpck_require__.e(752), __nccwpck_require__.e(806)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5806));
        await destroyLeftover(settings, machineId);
        core.warning(`latency-probe: destroyed probe Machine ${machineId} left behind by the main step.`);
    });
}
/** Measures on the runner, or from a Machine in `region` (that Machine runs this same bundle, remote mode). */
async function measure(inputs, settings, options, log) {
    const { probe } = await Promise.all(/* import() */[__nccwpck_require__.e(960), __nccwpck_require__.e(448)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9448));
    if (!settings)
        return { report: await probe({ ...options, log }) };
    const core = await __nccwpck_require__.e(/* import() */ 421).then(__nccwpck_require__.bind(__nccwpck_require__, 6421));
    const { setOutputs } = await Promise.all(/* import() */[__nccwpck_require__.e(421), __nccwpck_require__.e(605)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5605));
    const { FORWARDED_INPUTS } = await Promise.resolve(/* import() */).then(__nccwpck_require__.bind(__nccwpck_require__, 7114));
    const { probeFromRegion } = await Promise.all(/* import() */[__nccwpck_require__.e(752), __nccwpck_require__.e(806)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5806));
    const forwarded = {};
    for (const name of FORWARDED_INPUTS)
        forwarded[name] = inputs.raw(name) ?? '';
    const remote = await probeFromRegion(settings, process.argv[1], forwarded, {
        created: (id) => core.saveState(_probe_remote_settings_js__WEBPACK_IMPORTED_MODULE_4__/* .STATE_MACHINE */ .ug, id),
        destroyed: (id, seconds) => {
            core.saveState(_probe_remote_settings_js__WEBPACK_IMPORTED_MODULE_4__/* .STATE_MACHINE */ .ug, '');
            setOutputs({ 'machine-seconds': seconds });
            log(`probe Machine ${id} destroyed; cost ${seconds} Machine-seconds`);
        },
    }, log);
    return { report: remote.report, remote };
}
async function probeStep(checked) {
    const { inputs, settings, options, thresholds, failOnBreach } = checked;
    const core = await __nccwpck_require__.e(/* import() */ 421).then(__nccwpck_require__.bind(__nccwpck_require__, 6421));
    const { runAction, setOutputs, writeSummary } = await Promise.all(/* import() */[__nccwpck_require__.e(421), __nccwpck_require__.e(605)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5605));
    const { formatFigure, gatePassed, judge } = await __nccwpck_require__.e(/* import() */ 353).then(__nccwpck_require__.bind(__nccwpck_require__, 4353));
    const { probeOutputs, writeProbeReport } = await Promise.all(/* import() */[__nccwpck_require__.e(353), __nccwpck_require__.e(294)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9294));
    const { renderMeasuredFrom, renderProbeSummary } = await Promise.all(/* import() */[__nccwpck_require__.e(353), __nccwpck_require__.e(310)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7310));
    const log = (line) => core.info((0,_core_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .scrub */ ._I)(line));
    await runAction('latency-probe', async () => {
        core.saveState('isPost', 'true');
        const { report, remote } = await measure(inputs, settings, options, log);
        const verdicts = judge(report, thresholds);
        const reportPath = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(process.env.RUNNER_TEMP ?? process.cwd(), 'latency-probe', 'report.json');
        writeProbeReport(reportPath, report, verdicts);
        setOutputs({
            ...probeOutputs(report, verdicts, reportPath),
            'measured-from': remote?.region ?? 'runner',
        });
        await writeSummary(renderProbeSummary(report, verdicts) + renderMeasuredFrom(remote));
        for (const t of report.targets) {
            log(`${t.url}: p50 ${t.latency.p50} ms, p95 ${t.latency.p95} ms, p99 ${t.latency.p99} ms, max ${t.latency.max} ms, ` +
                `errors ${t.errors}/${t.requests}${report.baseline ? ` (baseline p95 ${report.baseline.latency.p95} ms)` : ''}`);
        }
        for (const v of verdicts) {
            const line = `${v.threshold} (${v.url}): ${v.outcome}, observed ${formatFigure(v.observed, v.unit)}. ${v.reason}`;
            if (v.outcome === 'pass')
                core.info((0,_core_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .scrub */ ._I)(line));
            else if (failOnBreach)
                core.error((0,_core_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .scrub */ ._I)(line));
            else
                core.warning((0,_core_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .scrub */ ._I)(line));
        }
        if (!gatePassed(verdicts)) {
            const breaches = verdicts.filter((v) => v.outcome === 'breach').length;
            const unsure = verdicts.filter((v) => v.outcome === 'inconclusive').length;
            const message = `Latency gate not passed: ${breaches} threshold(s) breached, ${unsure} inconclusive.`;
            if (failOnBreach)
                core.setFailed(message);
            else
                core.warning(`${message} Not failing the step because fail-on-breach is false.`);
        }
    });
}
function readChecked() {
    const inputs = (0,_core_step_js__WEBPACK_IMPORTED_MODULE_2__/* .envInputs */ .DH)();
    return { inputs, settings: (0,_probe_remote_settings_js__WEBPACK_IMPORTED_MODULE_4__/* .readRemoteSettings */ .Ay)(inputs), ...(0,_probe_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .readProbeInputs */ .G)(inputs) };
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 8571:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   a3: () => (/* binding */ formatDuration)
/* harmony export */ });
/* unused harmony export goDurationMs */
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
/* harmony export */   BB: () => (/* binding */ checkHeaderValue),
/* harmony export */   Dl: () => (/* binding */ parseUrl),
/* harmony export */   InputReader: () => (/* binding */ InputReader)
/* harmony export */ });
/* unused harmony exports parsePercent, MAX_INPUT_LENGTH, MAX_URL_LENGTH, MAX_HEADER_LENGTH, shown, checkLength */
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `the value of header ${header} contains ${what}, which cannot be sent in HTTP.`, 'remove it (a pasted Windows line ending is the usual cause).');
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
    return new _inputs_js__WEBPACK_IMPORTED_MODULE_3__.InputReader((name) => env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '');
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

/***/ 9269:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  G: () => (/* binding */ readProbeInputs)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __nccwpck_require__(4296);
// EXTERNAL MODULE: ./src/core/inputs.ts
var core_inputs = __nccwpck_require__(9114);
// EXTERNAL MODULE: ./src/core/secrets.ts
var secrets = __nccwpck_require__(8198);
;// CONCATENATED MODULE: ./src/probe/headers.ts


const SECRET_NAME = /authorization|cookie|token|secret|api-?key|password|credential/i;
function isSecretHeader(name) {
    return SECRET_NAME.test(name);
}
/**
 * `Name: value` lines (curl's -H form). Values of credential-looking headers are registered as
 * secrets before anything else happens, so they are masked in the log and scrubbed from the summary,
 * outputs and report; for `Bearer <token>` the bare token is registered too.
 */
function parseHeaders(text, input = 'headers') {
    const headers = {};
    const secretNames = [];
    for (const raw of text.split('\n')) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            continue;
        const colon = line.indexOf(':');
        const name = colon > 0 ? line.slice(0, colon).trim() : '';
        if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
            // Never echo the line: it may hold a credential.
            throw new errors/* InputError */.dz(input, `a line is not "Name: value" (header name "${name.slice(0, 30).replace(/[^\w-]/g, '?')}" is not valid).`, 'write one header per line, e.g. "Accept: application/json".');
        }
        const value = line.slice(colon + 1).trim();
        if (isSecretHeader(name)) {
            (0,secrets/* registerSecret */.cl)(value);
            const scheme = /^(?:bearer|basic|token)\s+(.+)$/i.exec(value);
            if (scheme)
                (0,secrets/* registerSecret */.cl)(scheme[1]);
            secretNames.push(name);
        }
        headers[name.toLowerCase()] = value;
    }
    return { headers, secretNames };
}

// EXTERNAL MODULE: ./src/probe/status.ts
var probe_status = __nccwpck_require__(322);
// EXTERNAL MODULE: ./src/probe/thresholds.ts
var probe_thresholds = __nccwpck_require__(4148);
;// CONCATENATED MODULE: ./src/probe/targets.ts



const INPUT = 'targets';
const FORMAT = 'write one target per line: a name, the URL, then its thresholds separated by commas, e.g. ' +
    '"api https://voice-bot.fly.dev/api/health p(95)<200, rate<0.01"';
const NAME = /^[A-Za-z][\w.-]{0,39}$/;
/** The label a target from the `url` input gets: host and path, as the summary shows it. */
function urlTargetName(url) {
    return `${url.host}${url.pathname === '/' ? '' : url.pathname}`;
}
function parseLine(line) {
    const match = /^(\S+)\s+(\S+)(?:\s+(.*))?$/.exec(line);
    if (!match)
        throw new errors/* InputError */.dz(INPUT, `"${line}" has no URL after the name.`, `${FORMAT}.`);
    const [, name, urlText, rest = ''] = match;
    if (!NAME.test(name)) {
        throw new errors/* InputError */.dz(INPUT, `"${line}": "${name}" is not a target name.`, 'start with a letter and use letters, digits, ".", "_" or "-" (up to 40), e.g. api, static, e2e, db.');
    }
    const url = (0,core_inputs/* parseUrl */.Dl)(INPUT, urlText);
    let thresholds;
    try {
        thresholds = (0,probe_thresholds/* parseThresholds */.S)(rest).map((t) => ({ ...t, target: name }));
    }
    catch (error) {
        // The threshold parser names its own input; here the expression came from this target's line.
        if (!(error instanceof errors/* UserError */.yo))
            throw error;
        throw new errors/* InputError */.dz(INPUT, `target "${name}": ${error.message}`, error.fix);
    }
    return { name, url, thresholds };
}
/**
 * Reads the `targets` lines (`name url thresholds…`). Names must be unique: they key the per-target
 * outputs and label the summary.
 */
function parseTargets(lines) {
    const targets = lines.map(parseLine);
    const seen = new Set();
    for (const t of targets) {
        if (seen.has(t.name)) {
            throw new errors/* InputError */.dz(INPUT, `the name "${t.name}" is used twice.`, 'give every target its own name.');
        }
        seen.add(t.name);
    }
    return targets;
}

;// CONCATENATED MODULE: ./src/probe/inputs.ts







const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
/**
 * Reads and checks every latency-probe input, so any mistake fails here, before a single request.
 * Shared by the latency-probe action, the root one-step action and the CLI (anything with an
 * InputReader); the input names are the action.yml's.
 */
function readProbeInputs(inputs) {
    const { urls, names, named } = readTargets(inputs);
    const baselineText = inputs.optional('baseline-url');
    const baseline = baselineText === undefined ? undefined : (0,core_inputs/* parseUrl */.Dl)('baseline-url', baselineText);
    registerUrlSecrets([...urls, ...(baseline ? [baseline] : [])]);
    const load = readLoad(inputs);
    const request = readRequest(inputs);
    return {
        options: { urls, names, baseline, ...load, ...request },
        thresholds: readThresholds(inputs, named, baseline),
        failOnBreach: inputs.bool('fail-on-breach', true),
    };
}
/** `url` lines, then named `targets`: one URL and one unique name each. */
function readTargets(inputs) {
    const urlLines = inputs.list('url');
    const named = parseTargets(inputs.list('targets'));
    if (urlLines.length === 0 && named.length === 0)
        throw new errors/* InputError */.dz('url', 'is required but empty (and no targets are set).', 'set it, e.g. url: https://voice-bot.fly.dev/health, or name several targets with targets:.');
    const plain = urlLines.map((line) => (0,core_inputs/* parseUrl */.Dl)('url', line));
    const urls = [...plain, ...named.map((t) => t.url)];
    const names = [...plain.map(urlTargetName), ...named.map((t) => t.name)];
    const clash = names.find((name, k) => names.indexOf(name) !== k);
    if (clash !== undefined)
        throw new errors/* InputError */.dz(named.some((t) => t.name === clash) ? 'targets' : 'url', `"${clash}" names two targets.`, 'probe each URL once, and give every target its own name.');
    return { urls, names, named };
}
/** A password in a URL, or a token in its query, is a credential like any other. */
function registerUrlSecrets(urls) {
    for (const url of urls) {
        if (url.password) {
            (0,secrets/* registerSecret */.cl)(decodeURIComponent(url.password));
            (0,secrets/* registerSecret */.cl)(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`);
        }
        for (const [name, value] of url.searchParams)
            if (isSecretHeader(name))
                (0,secrets/* registerSecret */.cl)(value);
    }
}
/** How many requests, how fast, how many in flight, and how long each may take. */
function readLoad(inputs) {
    const requests = inputs.int('requests', 300, { min: 1, max: 1_000_000 });
    const rate = inputs.number('rate', 10, { min: 0, max: 100_000 });
    const concurrency = inputs.int('concurrency', 10, { min: 0, max: 10_000 });
    if (concurrency === 0) {
        throw new errors/* InputError */.dz('concurrency', rate > 0
            ? `0 allows no request in flight, so rate ${rate}/s could never be sent.`
            : '0 allows no request in flight.', 'set concurrency to at least 1 (e.g. 10).');
    }
    const warmup = inputs.int('warmup', 10, { min: 0, max: 100_000 });
    const timeoutMs = inputs.duration('timeout', '10s', { min: 1, max: 600_000 });
    return { requests, rate, concurrency, warmup, timeoutMs };
}
/** What each request is: method, headers (secret ones remembered), body, and the statuses that count. */
function readRequest(inputs) {
    const method = inputs.enumOf('method', METHODS, 'GET');
    const { headers, secretNames } = parseHeaders(inputs.string('headers', ''));
    for (const [name, value] of Object.entries(headers))
        (0,core_inputs/* checkHeaderValue */.BB)('headers', name, value);
    const body = inputs.optional('body');
    if (body !== undefined && (method === 'GET' || method === 'HEAD')) {
        throw new errors/* InputError */.dz('body', `a ${method} request cannot carry a body.`, 'set method: POST (or PUT/PATCH), or remove body.');
    }
    const expectStatus = (0,probe_status/* parseStatusRanges */.C2)(inputs.string('expect-status', '200-399'));
    return { method, headers, body, expectStatus, secretHeaders: secretNames };
}
/** `thresholds` for every target plus each named target's own; a baseline comparison needs baseline-url. */
function readThresholds(inputs, named, baseline) {
    const thresholds = [
        ...(0,probe_thresholds/* parseThresholds */.S)(inputs.string('thresholds', '')),
        ...named.flatMap((t) => t.thresholds),
    ];
    const relative = thresholds.find((t) => t.limit.kind === 'baseline');
    if (relative && !baseline) {
        throw new errors/* InputError */.dz(relative.target === undefined ? 'thresholds' : 'targets', `"${relative.text}" compares with the baseline, but baseline-url is not set.`, 'set baseline-url, or give an absolute limit such as p95 < 200ms.');
    }
    return thresholds;
}


/***/ }),

/***/ 7114:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ay: () => (/* binding */ readRemoteSettings),
/* harmony export */   FORWARDED_INPUTS: () => (/* binding */ FORWARDED_INPUTS),
/* harmony export */   Fn: () => (/* binding */ PROBE_IMAGE),
/* harmony export */   em: () => (/* binding */ GUEST_BUNDLE),
/* harmony export */   gw: () => (/* binding */ REMOTE_FLAG),
/* harmony export */   ug: () => (/* binding */ STATE_MACHINE)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4296);
/* harmony import */ var _core_secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8198);
/**
 * What a probe from a Fly region needs from the inputs, and the names the main, remote and post modes
 * share. Kept apart from remote.ts (which loads the Fly client) so the shell can check inputs before any
 * heavy module loads.
 */


/** A public Node image (Docker Hub's official `node`), so nothing of the user's app is needed. */
const PROBE_IMAGE = 'node:24-slim';
/** Where the probe bundle's entry is written in the Machine; its chunks and package.json (type: module) go beside it. */
const GUEST_BUNDLE = '/runway/index.js';
/** The argument that turns the latency-probe bundle into the measuring side (see runRemoteMode). */
const REMOTE_FLAG = '--runway-remote-probe';
/** The inputs the measuring side needs; judging stays on the runner. */
const FORWARDED_INPUTS = [
    'url',
    'targets',
    'baseline-url',
    'requests',
    'rate',
    'concurrency',
    'warmup',
    'timeout',
    'method',
    'headers',
    'body',
    'expect-status',
];
/** The state key the post step reads: the Machine still to destroy. */
const STATE_MACHINE = 'probe-machine';
/** `region` and the Fly inputs it needs, checked before any call. Undefined when region is empty. */
function readRemoteSettings(inputs) {
    const region = inputs.optional('region')?.trim().toLowerCase();
    if (!region)
        return undefined;
    if (!/^[a-z]{3}$/.test(region))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('region', `"${region}" is not a Fly region code.`, 'use a three-letter code, e.g. sin.');
    const app = inputs.optional('fly-app')?.trim();
    if (!app || !/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(app))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('fly-app', app ? `"${app}" is not a Fly app name.` : 'is required when region is set.', 'name the Fly app the probe Machine is created in, e.g. fly-app: voice-bot-staging.');
    const token = inputs.optional('fly-api-token');
    if (!token)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('fly-api-token', 'is required when region is set.', 'pass a deploy token for fly-app, e.g. fly-api-token: ${{ secrets.FLY_API_TOKEN }}.');
    (0,_core_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .registerSecret */ .cl)(token);
    const apiUrl = (inputs.url('fly-api-url') ?? new URL('https://api.machines.dev')).href;
    const timeoutMs = inputs.duration('region-timeout', '5m', { min: 10_000, max: 3_600_000 });
    return { region, app, token, apiUrl, timeoutMs };
}


/***/ }),

/***/ 322:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   C2: () => (/* binding */ parseStatusRanges),
/* harmony export */   Kt: () => (/* binding */ statusAccepted),
/* harmony export */   cO: () => (/* binding */ formatStatusRanges)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4296);

/** `200-399`, `200-299, 404` or `200\n301`: the statuses that count as a successful response. */
function parseStatusRanges(text, input = 'expect-status') {
    const ranges = [];
    for (const part of text.split(/[\n,\s]+/).filter(Boolean)) {
        const match = /^(\d{3})(?:-(\d{3}))?$/.exec(part);
        const from = match ? Number(match[1]) : NaN;
        const to = match?.[2] ? Number(match[2]) : from;
        if (!match || from < 100 || to > 599 || from > to) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `"${part}" is not an HTTP status or range.`, 'write e.g. 200-399 or 200-299,404.');
        }
        ranges.push({ from, to });
    }
    if (ranges.length === 0)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, 'is empty.', 'write e.g. 200-399.');
    return ranges;
}
function statusAccepted(ranges, status) {
    return ranges.some((r) => status >= r.from && status <= r.to);
}
function formatStatusRanges(ranges) {
    return ranges.map((r) => (r.from === r.to ? String(r.from) : `${r.from}-${r.to}`)).join(',');
}


/***/ }),

/***/ 4148:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ parseThresholds),
/* harmony export */   XW: () => (/* binding */ describeLimit)
/* harmony export */ });
/* unused harmony exports scanThreshold, parseThreshold */
/* harmony import */ var _core_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8571);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4296);


const INPUT = 'thresholds';
/** k6's operators (metrics/thresholds_parser.go), longest first so `<=` is not read as `<`. */
const OPERATORS = {
    '<=': '<=',
    '<': '<',
    '>=': '>=',
    '>': '>',
    '===': '==',
    '==': '==',
    '!=': '!=',
};
const ACCEPTED_OPERATORS = '<, <=, >, >=, ==, === or !=';
const EXAMPLES = 'write one per line, k6 style or with units, e.g. "p(95)<200", "avg<50", "rate<0.01", "p95 < 200ms", ' +
    '"error-rate < 1%", "p95 < baseline * 1.10"';
const METRICS = 'p(N) with N from 0 to 100 (or p95, p99.9), avg/mean, med, min, max, or rate/error-rate';
/** A plain decimal number as k6 writes them (`200`, `0.01`, `99.9`, `1e3`); no NaN, no infinity. */
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
function refuse(line, problem, fix) {
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(INPUT, `"${line}": ${problem}`, fix);
}
/** Splits `method op value` at the first run of comparison characters, as k6's scanner does. */
function scanThreshold(line) {
    const match = /^\s*(.*?)\s*([<>=!≤≥≠]+)\s*(.*?)\s*$/.exec(line);
    if (!match || match[1] === '') {
        refuse(line, 'is not a threshold (no comparison operator).', `use ${ACCEPTED_OPERATORS}; ${EXAMPLES}.`);
    }
    const op = OPERATORS[match[2]];
    if (!op) {
        refuse(line, `the operator "${match[2]}" is not supported.`, `use one of ${ACCEPTED_OPERATORS}.`);
    }
    if (match[3] === '')
        refuse(line, `nothing to compare with after "${match[2]}".`, `${EXAMPLES}.`);
    return { method: match[1], operator: match[2], op, value: match[3] };
}
/** p(0) and p(100) are the extremes, as in k6 (its P(0) is the smallest sample, P(1) the largest). */
function percentileMetric(value) {
    if (value === 0)
        return { kind: 'min', name: 'min' };
    if (value === 100)
        return { kind: 'max', name: 'max' };
    const percentile = Number((value / 100).toPrecision(12));
    return { kind: 'percentile', percentile, name: `p${Number(value.toPrecision(6))}` };
}
function parsePercentile(method, line) {
    // k6 writes p(95); Runway also reads p95 and p99.9.
    const match = /^p(?:\((.*)\)|(\d.*))$/.exec(method);
    if (!match)
        return undefined;
    const text = (match[1] ?? match[2]).trim();
    const value = NUMBER.test(text) ? Number(text) : Number.NaN;
    if (!(value >= 0 && value <= 100)) {
        refuse(line, `"${method}" is not a percentile from 0 to 100.`, 'use e.g. p(50), p(95), p(99) or p(99.9).');
    }
    return percentileMetric(value);
}
function parseMetric(method, line) {
    const lower = method.toLowerCase();
    if (lower === 'avg' || lower === 'mean')
        return { kind: 'mean', name: 'mean' };
    if (lower === 'med' || lower === 'median')
        return { kind: 'percentile', percentile: 0.5, name: 'p50' };
    if (lower === 'max')
        return { kind: 'max', name: 'max' };
    if (lower === 'min')
        return { kind: 'min', name: 'min' };
    if (lower === 'rate' || lower === 'error-rate' || lower === 'errors' || lower === 'error_rate')
        return { kind: 'error-rate', name: 'error-rate' };
    if (lower === 'count' || lower === 'value') {
        refuse(line, `"${method}" is k6's aggregation for ${lower === 'count' ? 'Counter' : 'Gauge'} metrics; ` +
            'latency-probe judges a Trend (the response time) and a Rate (the error rate).', `use ${METRICS}.`);
    }
    const percentile = parsePercentile(lower, line);
    if (percentile)
        return percentile;
    return refuse(line, `unknown aggregation "${method}".`, `use ${METRICS}.`);
}
/** The error rate: a bare fraction from 0 to 1 as in k6 (`rate<0.01`), or a percentage up to 100 %. */
function parseRate(text, line) {
    const pct = text.endsWith('%');
    const number = pct ? text.slice(0, -1).trimEnd() : text;
    if (!NUMBER.test(number)) {
        refuse(line, `"${text}" is not an error rate.`, 'write a fraction or a percentage, e.g. rate<0.01 or error-rate < 1%.');
    }
    const fraction = pct ? Number(number) / 100 : Number(number);
    if (fraction < 0 || fraction > 1) {
        refuse(line, `"${text}" is ${pct ? 'a percentage' : 'an error rate'} outside ${pct ? '0 % to 100 %' : '0 to 1'}.`, 'an error rate is a fraction from 0 to 1 (or 0 % to 100 %), e.g. rate<0.01 or error-rate < 1%.');
    }
    return fraction;
}
/** A latency limit: a bare number is milliseconds (k6's unit for http_req_duration), or a duration. */
function parseLatency(text, line) {
    const ms = NUMBER.test(text) ? Number(text) : (0,_core_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E9)(text);
    if (ms === undefined || ms < 0) {
        refuse(line, `"${text}" is not a duration.`, `give milliseconds (200), a unit (200ms, 1.5s) or baseline * 1.10; ${EXAMPLES}.`);
    }
    return ms;
}
function parseLimit(metric, text, line) {
    const baseline = /^baseline(?:\s*\*\s*(.+))?$/i.exec(text);
    if (baseline) {
        if (metric.kind === 'error-rate') {
            refuse(line, "the error rate cannot be compared with the baseline's.", 'give an absolute rate such as rate<0.01.');
        }
        const factor = baseline[1] === undefined ? 1 : NUMBER.test(baseline[1]) ? Number(baseline[1]) : Number.NaN;
        if (!(factor > 0))
            refuse(line, 'the baseline factor must be a number above 0.', 'write e.g. p95 < baseline * 1.10.');
        return { kind: 'baseline', factor };
    }
    if (metric.kind === 'error-rate')
        return { kind: 'absolute', value: parseRate(text, line) };
    return { kind: 'absolute', value: parseLatency(text, line) };
}
/** Parses one threshold expression, k6's (`p(95)<200`, `rate<0.01`) or Runway's (`p95 < 200ms`). */
function parseThreshold(line) {
    const { method, op, value } = scanThreshold(line.trim());
    const metric = parseMetric(method, line);
    return { text: line, metric, op, limit: parseLimit(metric, value, line) };
}
/**
 * Parses threshold lines. Blank lines and `#` comments are skipped; commas also separate thresholds so a
 * one-line input works.
 */
function parseThresholds(text) {
    const thresholds = [];
    for (const raw of text.split(/[\n,]/)) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            continue;
        thresholds.push(parseThreshold(line));
    }
    return thresholds;
}
function describeLimit(threshold) {
    if (threshold.limit.kind === 'baseline')
        return threshold.limit.factor === 1 ? 'baseline' : `baseline × ${threshold.limit.factor}`;
    if (threshold.metric.kind === 'error-rate')
        return `${+(threshold.limit.value * 100).toPrecision(4)}%`;
    return `${+threshold.limit.value.toPrecision(6)} ms`;
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

/***/ 992:
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
/******/ var __webpack_exports__ = __nccwpck_require__(4186);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
