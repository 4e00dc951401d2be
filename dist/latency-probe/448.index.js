export const id = 448;
export const ids = [448];
export const modules = {

/***/ 6876:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ew: () => (/* binding */ proportionInterval),
/* harmony export */   VO: () => (/* binding */ meanInterval),
/* harmony export */   iC: () => (/* binding */ quantileValueInterval),
/* harmony export */   lI: () => (/* binding */ interpolatedQuantile),
/* harmony export */   p3: () => (/* binding */ nearestRank)
/* harmony export */ });
/* unused harmony exports logGamma, binomialCdf, quantileRankInterval, orderStatistic, normalQuantile */
/**
 * Distribution-free confidence intervals for a quantile from order statistics. Among n independent
 * samples the number at or below the true p-quantile is Binomial(n, p), so the interval
 * [X(l), X(u)] covers it with probability F(u−1) − F(l−1), F being that binomial's CDF (Hahn & Meeker,
 * Statistical Intervals, 1991). No assumption about the latency distribution's shape is needed, which
 * matters because latency is skewed and often multi-modal (cold connections, GC, a stall).
 */
const LANCZOS = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
/** ln Γ(x) for x > 0 (Lanczos, g = 7): about 15 significant digits, enough for binomial tails. */
function logGamma(x) {
    if (x < 0.5)
        return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
    const z = x - 1;
    let a = LANCZOS[0];
    const t = z + 7.5;
    for (let i = 1; i < 9; i++)
        a += LANCZOS[i] / (z + i);
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}
/**
 * The binomial CDF as an array: cdf[k + 1] = P(Y ≤ k) for k = −1..n (so cdf[0] = 0, cdf[n + 1] = 1).
 * Only the ±12 standard deviations around the mean are summed; the mass outside is below 1e-30.
 */
function binomialCdf(n, p) {
    const cdf = new Float64Array(n + 2);
    if (p <= 0) {
        cdf.fill(1, 1);
        return cdf;
    }
    if (p >= 1) {
        cdf[n + 1] = 1;
        return cdf;
    }
    const mean = n * p;
    const sd = Math.sqrt(n * p * (1 - p));
    const from = Math.max(0, Math.floor(mean - 12 * sd - 2));
    const to = Math.min(n, Math.ceil(mean + 12 * sd + 2));
    const base = logGamma(n + 1);
    const lp = Math.log(p);
    const lq = Math.log1p(-p);
    let running = 0;
    for (let k = 0; k <= n; k++) {
        if (k >= from && k <= to)
            running += Math.exp(base - logGamma(k + 1) - logGamma(n - k + 1) + k * lp + (n - k) * lq);
        cdf[k + 1] = k > to ? 1 : Math.min(1, running);
    }
    return cdf;
}
/**
 * The shortest interval of order statistics [X(l), X(u)] whose coverage of the p-quantile is at least
 * `confidence` (ties broken towards the higher coverage). When no interval with both ends among the samples
 * reaches the confidence (too few samples, e.g. fewer than 59 for p95 at 95%), the end that cannot
 * exist is left open, so a claim on that side is never made.
 */
function quantileRankInterval(n, p, confidence = 0.95) {
    if (n <= 0)
        return { lower: 0, upper: 1, coverage: 1 };
    const cdf = binomialCdf(n, p);
    // coverage(l, u) = P(Y ≤ u−1) − P(Y ≤ l−1) = cdf[u] − cdf[l]
    const coverage = (l, u) => cdf[Math.min(u, n + 1)] - cdf[Math.max(l, 0)];
    let best;
    let u = 2;
    for (let l = 1; l < n; l++) {
        if (u <= l)
            u = l + 1;
        while (u <= n && coverage(l, u) < confidence)
            u++;
        if (u > n)
            break;
        const width = u - l;
        const c = coverage(l, u);
        if (!best ||
            width < best.upper - best.lower ||
            (width === best.upper - best.lower && c > best.coverage)) {
            best = { lower: l, upper: u, coverage: c };
        }
    }
    if (best)
        return best;
    // One side must stay open. Keep the side that can exist and is tightest on the other.
    if (p >= 0.5) {
        for (let l = n; l >= 1; l--)
            if (1 - cdf[l] >= confidence)
                return { lower: l, upper: n + 1, coverage: 1 - cdf[l] };
    }
    else {
        for (let u = 1; u <= n; u++)
            if (cdf[u] >= confidence)
                return { lower: 0, upper: u, coverage: cdf[u] };
    }
    return { lower: 0, upper: n + 1, coverage: 1 };
}
/** The value at a 1-based rank of sorted samples, with the open ends as ±∞. */
function orderStatistic(sorted, rank) {
    if (rank <= 0)
        return Number.NEGATIVE_INFINITY;
    if (rank > sorted.length)
        return Number.POSITIVE_INFINITY;
    return sorted[rank - 1];
}
/**
 * The p-quantile's interval read off the sorted samples. With `m` other than the sample count it is the
 * interval m samples from the distribution we observed would give: the ranks for m, scaled onto ours
 * (used to estimate how many requests would settle a verdict). The open ends are ±∞ either way.
 */
function quantileValueInterval(sorted, p, confidence, m = sorted.length) {
    const ranks = quantileRankInterval(m, p, confidence);
    const scaled = (rank) => rank <= 0 || rank > m ? rank : Math.max(1, Math.ceil((rank / m) * sorted.length));
    return [orderStatistic(sorted, scaled(ranks.lower)), orderStatistic(sorted, scaled(ranks.upper))];
}
/** The point estimate by nearest rank, X(⌈p·n⌉), the usual definition behind "p95". */
function nearestRank(sorted, p) {
    if (sorted.length === 0)
        return Number.NaN;
    return sorted[Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length))) - 1];
}
/**
 * k6's percentile (TrendSink.P in metrics/sink.go): linear interpolation between the two closest ranks at
 * p·(n − 1), Hyndman & Fan's type 7. The verdict's observed figure uses it so it reads the same as k6's.
 */
function interpolatedQuantile(sorted, p) {
    if (sorted.length === 0)
        return Number.NaN;
    const i = p * (sorted.length - 1);
    const below = sorted[Math.floor(i)];
    const above = sorted[Math.ceil(i)];
    return below + (above - below) * (i - Math.floor(i));
}
function binomialUpperTail(n, k, p) {
    // P(Y ≥ k)
    if (k <= 0)
        return 1;
    const cdf = binomialCdf(n, p);
    return 1 - cdf[k];
}
function binomialLowerTail(n, k, p) {
    // P(Y ≤ k)
    if (k >= n)
        return 1;
    return binomialCdf(n, p)[k + 1];
}
/**
 * Exact (Clopper–Pearson) interval for a proportion such as the error rate, found by bisection on the
 * binomial tails. With no failures at all the lower end is exactly 0, so the whole α goes to the upper
 * end (1 − α^(1/n), the "rule of three" bound), as the order-statistic interval does for an open end.
 */
function proportionInterval(failures, n, confidence = 0.95) {
    const alpha = 1 - confidence;
    if (n <= 0)
        return { lower: 0, upper: 1, confidence, method: 'Clopper–Pearson' };
    const bisect = (f, target, increasing) => {
        let lo = 0;
        let hi = 1;
        for (let i = 0; i < 60; i++) {
            const mid = (lo + hi) / 2;
            const below = increasing ? f(mid) < target : f(mid) > target;
            if (below)
                lo = mid;
            else
                hi = mid;
        }
        return (lo + hi) / 2;
    };
    let lower = 0;
    let upper = 1;
    if (failures === 0) {
        upper = 1 - alpha ** (1 / n);
    }
    else if (failures === n) {
        lower = alpha ** (1 / n);
    }
    else {
        // lower: P(Y ≥ x | p) = α/2 (increasing in p); upper: P(Y ≤ x | p) = α/2 (decreasing in p)
        lower = bisect((p) => binomialUpperTail(n, failures, p), alpha / 2, true);
        upper = bisect((p) => binomialLowerTail(n, failures, p), alpha / 2, false);
    }
    return { lower, upper, confidence, method: 'Clopper–Pearson' };
}
/** Normal-approximation interval for a mean (fine for the hundreds of samples a gate uses). */
function meanInterval(values, confidence = 0.95) {
    const n = values.length;
    if (n < 2)
        return { lower: Number.NEGATIVE_INFINITY, upper: Number.POSITIVE_INFINITY, confidence, method: 'normal' };
    const mean = values.reduce((a, b) => a + b, 0) / n;
    const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
    const half = normalQuantile(1 - (1 - confidence) / 2) * Math.sqrt(variance / n);
    return { lower: mean - half, upper: mean + half, confidence, method: 'normal' };
}
/** Inverse standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9). */
function normalQuantile(p) {
    const a = [
        -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
        2.506628277459239,
    ];
    const b = [
        -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
    ];
    const c = [
        -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
        2.938163982698783,
    ];
    const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
    const low = 0.02425;
    if (p < low) {
        const q = Math.sqrt(-2 * Math.log(p));
        return ((((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
            ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1));
    }
    if (p > 1 - low)
        return -normalQuantile(1 - p);
    const q = p - 0.5;
    const r = q * q;
    return (((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
        (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1));
}


/***/ }),

/***/ 9448:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  probe: () => (/* binding */ probe)
});

// UNUSED EXPORTS: redactHeaders

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
;// CONCATENATED MODULE: ./src/probe/http1.ts
/**
 * Reads HTTP/1.1 responses off a byte stream, keeping only what a latency probe needs: the status, where
 * the message ends (RFC 9112 §6.3: no body, Content-Length, chunked, or until the connection closes),
 * whether the connection stays open, and the server's keep-alive timeout. The body is counted, never
 * copied, and headers are compared as bytes, so a response costs no strings: this is the probe's hot path.
 */
const CR = 13;
const LF = 10;
const COLON = 58;
const MAX_HEAD_BYTES = 80 * 1024;
/** Lower-case ASCII names compared byte by byte, case-insensitively. */
const NAMES = {
    contentLength: Buffer.from('content-length'),
    transferEncoding: Buffer.from('transfer-encoding'),
    connection: Buffer.from('connection'),
    keepAlive: Buffer.from('keep-alive'),
};
function nameIs(buf, from, to, name) {
    if (to - from !== name.length)
        return false;
    for (let i = 0; i < name.length; i++)
        if ((buf[from + i] | 0x20) !== name[i])
            return false;
    return true;
}
/** A decimal number between optional blanks, read from the bytes; −1 when it is not one. */
function decimal(buf, from, to) {
    while (from < to && (buf[from] === 32 || buf[from] === 9))
        from++;
    while (to > from && (buf[to - 1] === 32 || buf[to - 1] === 9))
        to--;
    if (from === to || to - from > 15)
        return -1;
    let value = 0;
    for (let i = from; i < to; i++) {
        const digit = buf[i] - 48;
        if (digit < 0 || digit > 9)
            return -1;
        value = value * 10 + digit;
    }
    return value;
}
/** "HTTP/1." as bytes. */
const VERSION = Buffer.from('HTTP/1.');
function trimmed(buf, from, to) {
    return buf.toString('latin1', from, to).trim().toLowerCase();
}
class ResponseReader {
    events;
    headRequest;
    state = 'head';
    head;
    remaining = 0;
    chunkSize = -1;
    /** Past a chunk size's digits, in its `;extension` (ignored). */
    inExtension = false;
    /** Bytes on the current trailer line: an empty line ends the message. */
    trailerLine = 0;
    /** `head`: the request was a HEAD, so the response announces a body it does not carry. */
    constructor(events, headRequest) {
        this.events = events;
        this.headRequest = headRequest;
    }
    /** Reads a chunk; returns an error message when the bytes are not an HTTP/1.x response. */
    feed(chunk) {
        let at = 0;
        while (at < chunk.length) {
            switch (this.state) {
                case 'head': {
                    const result = this.readHead(chunk, at);
                    if (typeof result === 'string')
                        return result;
                    if (result < 0)
                        return undefined;
                    at = result;
                    break;
                }
                case 'length': {
                    const take = Math.min(this.remaining, chunk.length - at);
                    this.remaining -= take;
                    at += take;
                    if (this.remaining === 0)
                        this.complete();
                    break;
                }
                case 'chunk-size': {
                    const result = this.readChunkSize(chunk, at);
                    if (typeof result === 'string')
                        return result;
                    at = result;
                    break;
                }
                case 'chunk-data': {
                    const take = Math.min(this.remaining, chunk.length - at);
                    this.remaining -= take;
                    at += take;
                    if (this.remaining === 0)
                        this.state = 'chunk-end';
                    break;
                }
                case 'chunk-end': {
                    // The CRLF after a chunk's data.
                    if (chunk[at] === LF)
                        this.state = 'chunk-size';
                    else if (chunk[at] !== CR)
                        return 'a chunk is not followed by CRLF';
                    at++;
                    break;
                }
                case 'trailers': {
                    const result = this.readTrailers(chunk, at);
                    if (typeof result === 'string')
                        return result;
                    at = result;
                    break;
                }
                case 'until-close':
                    return undefined;
                case 'done':
                    return 'bytes after the end of the response';
            }
        }
        return undefined;
    }
    /** The connection closed: ends a message delimited by the close; false when a message was cut short. */
    closed() {
        if (this.state === 'until-close') {
            this.complete();
            return true;
        }
        return this.state === 'done' || (this.state === 'head' && this.head === undefined);
    }
    /** Ready for the next response on the same connection. */
    reset() {
        this.state = 'head';
        this.head = undefined;
    }
    complete() {
        this.state = 'done';
        this.events.onComplete();
    }
    /** Collects the status line and headers; returns the offset after them, or −1 when more are needed. */
    readHead(chunk, at) {
        let buf = chunk;
        let start = at;
        if (this.head) {
            buf = Buffer.concat([this.head, chunk.subarray(at)]);
            start = 0;
        }
        const end = buf.indexOf('\r\n\r\n', start, 'latin1');
        if (end < 0) {
            if (buf.length - start > MAX_HEAD_BYTES)
                return 'headers larger than 80 KiB';
            this.head = Buffer.from(buf.subarray(start));
            return -1;
        }
        const consumed = this.head ? this.head.length : 0;
        this.head = undefined;
        const error = this.parseHead(buf, start, end);
        if (error)
            return error;
        // Offset in `chunk` just after the blank line.
        return at + (end + 4 - start) - consumed;
    }
    parseHead(buf, start, end) {
        // "HTTP/1.x NNN reason"
        if (end - start < 12 || buf.compare(VERSION, 0, 7, start, start + 7) !== 0)
            return 'no HTTP/1.x status line';
        const minor = buf[start + 7] - 48;
        const status = decimal(buf, start + 9, start + 12);
        if (status < 100 || buf[start + 8] !== 32 || buf[start + 9] === 32)
            return 'a malformed status line';
        let length;
        let chunked = false;
        let close = minor === 0;
        let keepAliveTimeoutS;
        let line = buf.indexOf(LF, start) + 1;
        while (line < end + 2) {
            const lineEnd = buf.indexOf(CR, line);
            const colon = buf.indexOf(COLON, line);
            if (colon < 0 || colon > lineEnd)
                return 'a header line without a colon';
            if (nameIs(buf, line, colon, NAMES.contentLength)) {
                const value = decimal(buf, colon + 1, lineEnd);
                if (value < 0)
                    return 'an invalid Content-Length';
                length = value;
            }
            else if (nameIs(buf, line, colon, NAMES.transferEncoding)) {
                chunked = /(?:^|,)\s*chunked\s*$/.test(trimmed(buf, colon + 1, lineEnd));
            }
            else if (nameIs(buf, line, colon, NAMES.connection)) {
                const tokens = trimmed(buf, colon + 1, lineEnd);
                if (/(?:^|,)\s*close\s*(?:,|$)/.test(tokens))
                    close = true;
                else if (/(?:^|,)\s*keep-alive\s*(?:,|$)/.test(tokens))
                    close = false;
            }
            else if (nameIs(buf, line, colon, NAMES.keepAlive)) {
                const timeout = /timeout\s*=\s*(\d+)/.exec(trimmed(buf, colon + 1, lineEnd));
                if (timeout)
                    keepAliveTimeoutS = Number(timeout[1]);
            }
            line = lineEnd + 2;
        }
        if (status < 200 && status !== 101) {
            // An interim response (100 Continue, 103 Early Hints): the final one follows.
            this.state = 'head';
            return undefined;
        }
        const noBody = this.headRequest || status === 204 || status === 304 || status === 101;
        const untilClose = !noBody && !chunked && length === undefined;
        this.events.onHead(status, !close && !untilClose, keepAliveTimeoutS);
        if (noBody || (!chunked && length === 0))
            this.complete();
        else if (chunked)
            this.state = 'chunk-size';
        else if (length !== undefined) {
            this.remaining = length;
            this.state = 'length';
        }
        else
            this.state = 'until-close';
        return undefined;
    }
    /** Reads a chunk-size line (hex digits, optional extensions, CRLF). */
    readChunkSize(chunk, at) {
        while (at < chunk.length) {
            const byte = chunk[at++];
            if (byte === LF) {
                if (this.chunkSize < 0)
                    return 'a chunk without a size';
                if (this.chunkSize === 0)
                    this.state = 'trailers';
                else {
                    this.remaining = this.chunkSize;
                    this.state = 'chunk-data';
                }
                this.chunkSize = -1;
                this.trailerLine = 0;
                this.inExtension = false;
                return at;
            }
            if (this.inExtension || byte === CR)
                continue;
            const digit = byte >= 48 && byte <= 57
                ? byte - 48
                : (byte | 0x20) >= 97 && (byte | 0x20) <= 102
                    ? (byte | 0x20) - 87
                    : -1;
            if (digit >= 0) {
                this.chunkSize = (this.chunkSize < 0 ? 0 : this.chunkSize) * 16 + digit;
                if (this.chunkSize > Number.MAX_SAFE_INTEGER / 16)
                    return 'a chunk size too large';
            }
            else if (byte === 59 /* ; */ || byte === 32 || byte === 9)
                this.inExtension = this.chunkSize >= 0;
            else
                return 'an invalid chunk size';
        }
        return at;
    }
    readTrailers(chunk, at) {
        while (at < chunk.length) {
            const byte = chunk[at++];
            if (byte === LF) {
                if (this.trailerLine === 0) {
                    this.complete();
                    return at;
                }
                this.trailerLine = 0;
            }
            else if (byte !== CR)
                this.trailerLine++;
        }
        return at;
    }
}

;// CONCATENATED MODULE: ./src/probe/connection.ts



/** With no `Keep-Alive: timeout=` from the server, an idle connection is reused for this long. */
const DEFAULT_IDLE_MS = 30_000;
class ProbeTimeout extends Error {
    constructor(ms) {
        super(`no complete response before the timeout (${Math.round(ms)} ms left of it)`);
        this.name = 'ProbeTimeout';
    }
}
/** The request as bytes: written as is for every exchange, so nothing is rebuilt per request. */
function serialiseRequest(url, spec) {
    const body = spec.body === undefined ? undefined : Buffer.from(spec.body);
    const names = new Set(Object.keys(spec.headers).map((n) => n.toLowerCase()));
    let head = `${spec.method} ${spec.path} HTTP/1.1\r\n`;
    if (!names.has('host'))
        head += `host: ${url.host}\r\n`;
    for (const [name, value] of Object.entries(spec.headers))
        head += `${name}: ${value}\r\n`;
    if (body && !names.has('content-length'))
        head += `content-length: ${body.length}\r\n`;
    const request = Buffer.concat([Buffer.from(`${head}\r\n`, 'latin1'), ...(body ? [body] : [])]);
    const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const tls = url.protocol === 'https:';
    return {
        host: hostname,
        port: Number(url.port || (tls ? 443 : 80)),
        tls,
        servername: tls && (0,external_node_net_.isIP)(hostname) === 0 ? hostname : undefined,
        request,
        head: spec.method === 'HEAD',
        accept: spec.accept,
    };
}
/**
 * One connection of the probe, carrying a single request at a time: a socket of its own, the request
 * written as prepared bytes, the response read by ResponseReader (http1.ts) without a string. Owning each
 * connection is what lets a request's DNS/connect/TLS time be charged to exactly the request that waited
 * for them, and doing no more per request than write, parse and time is what keeps the probe as fast as
 * a dedicated load generator.
 */
class ProbeConnection {
    wire;
    socket;
    reader;
    pending;
    idleMs = DEFAULT_IDLE_MS;
    keepAlive = true;
    lastDone = 0;
    /** One watchdog timer per connection, re-armed only when it would fire too late (see `watch`). */
    watchdog;
    watchdogAt = Number.POSITIVE_INFINITY;
    /** When the socket read being parsed arrived (undefined outside a 'data' event). */
    readAt;
    opened = 0;
    constructor(wire) {
        this.wire = wire;
        this.reader = this.createReader();
    }
    createReader() {
        return new ResponseReader({
            onHead: (status, keepAlive, keepAliveTimeoutS) => {
                if (this.pending)
                    this.pending.result.status = status;
                this.keepAlive = keepAlive;
                // Honour the server's idle limit (minus a second), so a request never races the close.
                if (keepAliveTimeoutS !== undefined)
                    this.idleMs = Math.max(0, keepAliveTimeoutS * 1000 - 1000);
            },
            onComplete: () => {
                // `Connection: close`: drop the socket now, so the next request cannot be written into it.
                if (!this.keepAlive)
                    this.drop();
                const status = this.pending?.result.status;
                if (status !== undefined && !this.wire.accept(status))
                    this.finish('status', `HTTP ${status}`);
                else
                    this.finish();
            },
        }, this.wire.head);
    }
    open(result) {
        const started = performance.now();
        let lookedUp;
        let connected;
        const { host, port, servername, ca } = this.wire;
        const socket = this.wire.tls
            ? (0,external_node_tls_.connect)({ host, port, servername, ...(ca ? { ca } : {}) })
            : (0,external_node_net_.connect)({ host, port });
        socket.setNoDelay(true);
        // `lookup` does not fire for an IP literal: then there was no DNS phase at all.
        socket.once('lookup', () => (lookedUp = performance.now()));
        socket.once('connect', () => {
            connected = performance.now();
            if (!this.wire.tls)
                ready();
        });
        const ready = () => {
            const done = performance.now();
            const tcpDone = connected ?? done;
            result.connect = {
                dnsMs: lookedUp === undefined ? undefined : lookedUp - started,
                connectMs: tcpDone - (lookedUp ?? started),
                tlsMs: this.wire.tls ? done - tcpDone : undefined,
            };
            this.opened++;
        };
        if (this.wire.tls)
            socket.once('secureConnect', ready);
        socket.on('data', (chunk) => {
            if (socket !== this.socket)
                return;
            // One timestamp per socket read, taken first: a response completed by this chunk ends here, not
            // after the parser (and whatever else this turn of the event loop ran) got to it.
            const at = performance.now();
            const pending = this.pending;
            if (pending && pending.result.ttfbAt === undefined)
                pending.result.ttfbAt = at;
            this.readAt = at;
            const problem = this.reader.feed(chunk);
            this.readAt = undefined;
            if (problem)
                this.fail('connection', `invalid HTTP response: ${problem}`);
        });
        socket.on('error', (error) => {
            if (socket === this.socket)
                this.fail('connection', describeNetworkError(error));
        });
        socket.on('close', () => {
            if (socket !== this.socket)
                return;
            // A body without a length ends with the connection.
            if (this.pending)
                this.reader.closed();
            this.fail('connection', 'the server closed the connection before a complete response');
        });
        return socket;
    }
    /** Forgets the socket (and its parser state), so the next exchange opens a fresh connection. */
    drop() {
        const socket = this.socket;
        this.socket = undefined;
        this.reader = this.createReader();
        this.keepAlive = true;
        socket?.destroy();
    }
    /** Ends the current exchange (if any) with an error and drops the socket. */
    fail(kind, message) {
        this.drop();
        this.finish(kind, message);
    }
    finish(error, message) {
        const pending = this.pending;
        if (!pending)
            return;
        this.pending = undefined;
        const result = pending.result;
        result.endAt = this.lastDone = this.readAt ?? performance.now();
        if (error) {
            result.error = error;
            result.errorMessage = message;
        }
        pending.resolve(result);
    }
    /**
     * Makes sure the watchdog fires by `deadline`. Back-to-back requests with the same timeout leave the
     * armed timer alone (it fires before their deadlines and re-arms for the one then in flight), so a
     * fast run creates about one timer per connection per timeout period instead of one per request.
     */
    watch(deadline) {
        if (this.watchdog && this.watchdogAt <= deadline + 1)
            return;
        if (this.watchdog)
            clearTimeout(this.watchdog);
        const delay = Math.max(0, Math.ceil(deadline - performance.now()) + 1);
        this.watchdogAt = performance.now() + delay;
        this.watchdog = setTimeout(() => this.onWatchdog(), delay);
    }
    onWatchdog() {
        this.watchdog = undefined;
        this.watchdogAt = Number.POSITIVE_INFINITY;
        const pending = this.pending;
        if (!pending)
            return;
        if (performance.now() >= pending.deadline)
            this.fail('timeout', new ProbeTimeout(pending.timeoutMs).message);
        else
            this.watch(pending.deadline);
    }
    /** Sends the request and settles (never rejects) when it has fully completed, failed or timed out. */
    exchange(timeoutMs) {
        return new Promise((resolve) => {
            const result = { sentAt: performance.now(), endAt: 0 };
            if (this.socket && result.sentAt - this.lastDone > this.idleMs)
                this.drop();
            const deadline = result.sentAt + timeoutMs;
            this.pending = { result, resolve, deadline, timeoutMs };
            this.reader.reset();
            this.watch(deadline);
            this.socket ??= this.open(result);
            // Written before the connection is up it waits in the socket's buffer, as any client's would.
            this.socket.write(this.wire.request);
        });
    }
    async close() {
        if (this.watchdog)
            clearTimeout(this.watchdog);
        this.watchdog = undefined;
        this.drop();
    }
}
function describeNetworkError(error) {
    if (!(error instanceof Error))
        return String(error);
    const code = error.code;
    const cause = error.cause;
    const detail = cause?.code ?? code;
    return detail && !error.message.includes(detail) ? `${error.message} (${detail})` : error.message;
}

// EXTERNAL MODULE: ./node_modules/hdr-histogram-js/dist/index.js
var dist = __webpack_require__(2960);
// EXTERNAL MODULE: ./src/probe/order-statistics.ts
var order_statistics = __webpack_require__(6876);
;// CONCATENATED MODULE: ./src/probe/figures.ts


/** Microsecond resolution, 3 significant digits (0.1% error), up to an hour. */
function newHistogram() {
    return (0,dist/* build */.jq)({
        lowestDiscernibleValue: 1,
        highestTrackableValue: 3_600_000_000,
        numberOfSignificantValueDigits: 3,
        useWebAssembly: false,
    });
}
const toMicros = (ms) => Math.max(1, Math.round(ms * 1000));
const round = (ms) => Math.round(ms * 1000) / 1000;
/**
 * A phase's figures, exact: the values sorted as a Float64Array (a native numeric sort, far cheaper than
 * a histogram per phase for the tens of thousands of samples a fast run collects), read by nearest rank.
 */
function phase(values) {
    const n = values.length;
    if (n === 0)
        return { count: 0, p50: 0, p90: 0, p95: 0, p99: 0, max: 0, mean: 0 };
    values.sort();
    let sum = 0;
    for (let i = 0; i < n; i++)
        sum += values[i];
    const at = (p) => round((0,order_statistics/* nearestRank */.p3)(values, p));
    return {
        count: n,
        p50: at(0.5),
        p90: at(0.9),
        p95: at(0.95),
        p99: at(0.99),
        max: round(values[n - 1]),
        mean: round(sum / n),
    };
}
/** The defined values of one field of every sample (or connection), in a typed array for `phase`. */
function column(items, field) {
    const out = new Float64Array(items.length);
    let n = 0;
    for (const item of items) {
        const v = field(item);
        if (v !== undefined)
            out[n++] = v;
    }
    return out.subarray(0, n);
}
/**
 * Bars for the summary chart: equal-width buckets from 0 to about the p99.9 (rounded to a readable
 * width), with everything slower in a last "≥" bucket so one stall does not squash the chart.
 */
function buckets(sortedMs, count = 12) {
    if (sortedMs.length === 0)
        return [];
    const top = (0,order_statistics/* nearestRank */.p3)(sortedMs, 0.999);
    const lowest = sortedMs[0];
    const steps = [1, 2, 2.5, 5];
    let width = 1;
    outer: for (let scale = 0.001; scale < 1e7; scale *= 10) {
        for (const s of steps) {
            const w = s * scale;
            if (Math.floor(top / w) - Math.floor(lowest / w) + 1 <= count) {
                width = w;
                break outer;
            }
        }
    }
    const start = Math.floor(lowest / width) * width;
    const n = Math.max(1, Math.min(count, Math.floor(top / width) - Math.floor(lowest / width) + 1));
    const result = [];
    for (let i = 0; i < n; i++)
        result.push({ fromMs: round(start + i * width), toMs: round(start + (i + 1) * width), count: 0 });
    const last = result[n - 1].toMs;
    const overflow = { fromMs: last, toMs: Number.POSITIVE_INFINITY, count: 0 };
    for (const v of sortedMs) {
        if (v >= last)
            overflow.count++;
        else
            result[Math.min(n - 1, Math.floor((v - start) / width))].count++;
    }
    if (overflow.count > 0)
        result.push(overflow);
    return result;
}
/** Response-time figures from the sorted samples: percentiles by nearest rank, exact to the microsecond. */
function latencyFigures(sorted) {
    const n = sorted.length;
    if (n === 0)
        return { p50: 0, p90: 0, p95: 0, p99: 0, p999: 0, min: 0, max: 0, mean: 0, stddev: 0 };
    let sum = 0;
    for (let i = 0; i < n; i++)
        sum += sorted[i];
    const mean = sum / n;
    let squares = 0;
    for (let i = 0; i < n; i++)
        squares += (sorted[i] - mean) ** 2;
    const at = (p) => round((0,order_statistics/* nearestRank */.p3)(sorted, p));
    return {
        p50: at(0.5),
        p90: at(0.9),
        p95: at(0.95),
        p99: at(0.99),
        p999: at(0.999),
        min: sorted[0],
        max: sorted[n - 1],
        mean: round(mean),
        stddev: round(Math.sqrt(squares / n)),
    };
}
function summarise(url, role, samples, opened, durationMs) {
    const sorted = column(samples, (s) => round(s.totalMs)).sort();
    const latency = latencyFigures(sorted);
    // The HdrHistogram is only for tools that read its format; the figures come from the exact samples.
    const h = newHistogram();
    for (let i = 0; i < sorted.length; i++)
        h.recordValue(toMicros(sorted[i]));
    const hdr = samples.length ? (0,dist/* encodeIntoCompressedBase64 */.dH)(h) : '';
    h.destroy();
    const errorsByKind = { status: 0, timeout: 0, connection: 0 };
    const statusCounts = {};
    const examples = new Set();
    for (const s of samples) {
        if (s.error) {
            errorsByKind[s.error]++;
            if (s.errorMessage && examples.size < 5)
                examples.add(s.errorMessage);
        }
        const key = s.status === undefined ? (s.error ?? 'none') : String(s.status);
        statusCounts[key] = (statusCounts[key] ?? 0) + 1;
    }
    const errors = errorsByKind.status + errorsByKind.timeout + errorsByKind.connection;
    const sortedMs = Array.from(sorted);
    return {
        url,
        role,
        requests: samples.length,
        errors,
        errorRate: samples.length ? errors / samples.length : 0,
        errorsByKind,
        statusCounts,
        errorExamples: [...examples],
        latency,
        phases: {
            // Connection set-up is counted over every connection opened, the warm-up's included: that is
            // where most of them open, and a probe that hid them would never show a slow TLS handshake.
            dns: phase(column(opened, (c) => c.dnsMs)),
            connect: phase(column(opened, (c) => c.connectMs)),
            tls: phase(column(opened, (c) => c.tlsMs)),
            queue: phase(column(samples, (s) => s.queueMs)),
            ttfb: phase(column(samples, (s) => s.ttfbMs)),
            service: phase(column(samples, (s) => s.serviceMs)),
            total: phase(column(samples, (s) => s.totalMs)),
        },
        connections: opened.length,
        histogram: buckets(sortedMs),
        hdr,
        sortedMs,
        achievedRate: durationMs > 0 ? Math.round((samples.length / durationMs) * 1000 * 10) / 10 : 0,
        durationMs: Math.round(durationMs),
    };
}

// EXTERNAL MODULE: ./src/probe/status.ts
var probe_status = __webpack_require__(322);
;// CONCATENATED MODULE: ./src/probe/probe.ts



/** One probed URL with its own connections: targets and the baseline never share a socket. */
class Endpoint {
    url;
    role;
    spec;
    free = [];
    waiting = [];
    all = [];
    opened = [];
    samples = [];
    firstIntended = Number.POSITIVE_INFINITY;
    lastEnd = 0;
    sent = 0;
    constructor(url, role, spec, concurrency, ca) {
        this.url = url;
        this.role = role;
        this.spec = spec;
        const wire = { ...serialiseRequest(url, spec), ca };
        for (let i = 0; i < concurrency; i++) {
            const connection = new ProbeConnection(wire);
            this.all.push(connection);
            this.free.push(connection);
        }
    }
    /** Waits for a connection to come free; undefined when none did before `deadline` (performance.now()). */
    acquire(deadline) {
        return new Promise((resolve) => {
            const waiter = (c) => {
                clearTimeout(timer);
                resolve(c);
            };
            const timer = setTimeout(() => {
                const at = this.waiting.indexOf(waiter);
                if (at >= 0)
                    this.waiting.splice(at, 1);
                resolve(undefined);
            }, 
            // libuv timers run on a millisecond clock and can fire up to 1 ms early.
            Math.max(0, Math.ceil(deadline - performance.now()) + 1));
            this.waiting.push(waiter);
        });
    }
    release(connection) {
        const next = this.waiting.shift();
        if (next)
            next(connection);
        else
            this.free.push(connection);
    }
    /**
     * One request due at `intendedAt`. Its response time runs from that moment, not from when a
     * connection came free, so time spent queued behind a stalled server is counted (no coordinated
     * omission).
     */
    async request(scheduledAt) {
        // With a connection free, any delay between the schedule and now is the timer's own lateness (about
        // a millisecond), not the server's doing, so it is not charged; with every connection busy, the
        // wait counts from the schedule, which is what exposes a stalled server.
        const intendedAt = this.free.length > 0 ? Math.max(scheduledAt, performance.now()) : scheduledAt;
        // The timeout runs from there too, as a user's patience would, so a dead server cannot stretch the
        // run far beyond its schedule.
        const deadline = intendedAt + this.spec.timeoutMs;
        // A free connection is taken at once: no promise, no extra turn of the event loop.
        const connection = this.free.pop() ?? (await this.acquire(deadline));
        if (!connection) {
            const totalMs = performance.now() - intendedAt;
            return {
                totalMs,
                serviceMs: 0,
                queueMs: totalMs,
                error: 'timeout',
                errorMessage: `no connection came free within ${this.spec.timeoutMs} ms`,
            };
        }
        this.sent++;
        const exchange = await connection.exchange(Math.max(1, deadline - performance.now()));
        this.release(connection);
        if (exchange.connect)
            this.opened.push(exchange.connect);
        return {
            totalMs: exchange.endAt - intendedAt,
            serviceMs: exchange.endAt - exchange.sentAt,
            queueMs: Math.max(0, exchange.sentAt - intendedAt),
            ttfbMs: exchange.ttfbAt === undefined ? undefined : exchange.ttfbAt - exchange.sentAt,
            dnsMs: exchange.connect?.dnsMs,
            connectMs: exchange.connect?.connectMs,
            tlsMs: exchange.connect?.tlsMs,
            status: exchange.status,
            error: exchange.error,
            errorMessage: exchange.errorMessage,
        };
    }
    async closed(count, workers, record) {
        let next = 0;
        const worker = async () => {
            while (next < count) {
                next++;
                const intendedAt = performance.now();
                const sample = await this.request(intendedAt);
                if (record)
                    this.keep(intendedAt, sample);
            }
        };
        await Promise.all(Array.from({ length: Math.max(1, Math.min(workers, count)) }, worker));
    }
    /** The open model: request i leaves at start + i/rate whether or not the earlier ones returned. */
    async open(count, rate, start) {
        const interval = 1000 / rate;
        const inFlight = [];
        let i = 0;
        await new Promise((done) => {
            const tick = () => {
                const now = performance.now();
                while (i < count && start + i * interval <= now) {
                    const intendedAt = start + i * interval;
                    i++;
                    inFlight.push(this.request(intendedAt).then((sample) => this.keep(intendedAt, sample)));
                }
                if (i < count)
                    setTimeout(tick, Math.max(0, start + i * interval - performance.now()));
                else
                    done();
            };
            setTimeout(tick, Math.max(0, start - performance.now()));
        });
        await Promise.all(inFlight);
    }
    keep(intendedAt, sample) {
        this.firstIntended = Math.min(this.firstIntended, intendedAt);
        this.lastEnd = Math.max(this.lastEnd, performance.now());
        this.samples.push(sample);
    }
    async close() {
        await Promise.all(this.all.map((c) => c.close()));
    }
}
/** Credentials in the URL (https://user:pass@host) become Basic auth, as curl does, unless one was given. */
function withUrlCredentials(headers, url) {
    if (!url.username && !url.password)
        return headers;
    if (Object.keys(headers).some((k) => k.toLowerCase() === 'authorization'))
        return headers;
    const pair = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
    return { ...headers, authorization: `Basic ${Buffer.from(pair).toString('base64')}` };
}
function redactHeaders(headers, secretNames = []) {
    const secret = new Set(secretNames.map((n) => n.toLowerCase()));
    return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, secret.has(k.toLowerCase()) ? '***' : v]));
}
/**
 * Probes every target (and the baseline, interleaved with them in the same run) and returns every
 * figure. Failed requests are samples too: a timeout counts at the time it was given up on, so an
 * outage raises the percentiles instead of vanishing from them.
 */
async function probe(options) {
    const startedAt = new Date();
    const endpoints = openEndpoints(options);
    let stopProgress = () => undefined;
    try {
        await warmUp(endpoints, options);
        stopProgress = reportProgress(endpoints, options);
        await measure(endpoints, options);
    }
    finally {
        stopProgress();
        await Promise.all(endpoints.map((e) => e.close()));
    }
    return reportOf(endpoints, options, startedAt);
}
/** One Endpoint per target, then the baseline, each with its own `concurrency` connections. */
function openEndpoints(options) {
    const headers = { 'user-agent': 'runway-latency-probe', ...options.headers };
    return [
        ...options.urls.map((url) => ({ url, role: 'target' })),
        ...(options.baseline ? [{ url: options.baseline, role: 'baseline' }] : []),
    ].map(({ url, role }) => new Endpoint(url, role, {
        path: `${url.pathname}${url.search}`,
        method: options.method.toUpperCase(),
        headers: withUrlCredentials(headers, url),
        body: options.body,
        timeoutMs: options.timeoutMs,
        accept: (status) => (0,probe_status/* statusAccepted */.Kt)(options.expectStatus, status),
    }, options.concurrency, options.ca));
}
/** Warm-up requests open the connections and warm caches; they are left out of the figures. */
async function warmUp(endpoints, options) {
    if (options.warmup > 0) {
        options.log?.(`Warm-up: ${options.warmup} request(s) per URL, not counted.`);
        await Promise.all(endpoints.map((e) => e.closed(options.warmup, options.concurrency, false)));
    }
    for (const e of endpoints)
        e.sent = 0;
}
/** The measured requests: on an open schedule when a rate is set, else a closed loop. */
async function measure(endpoints, options) {
    options.log?.(options.rate > 0
        ? `Probing ${endpoints.length} URL(s): ${options.requests} requests each at ${options.rate}/s (open model), at most ${options.concurrency} in flight.`
        : `Probing ${endpoints.length} URL(s): ${options.requests} requests each, closed loop over ${options.concurrency} connection(s).`);
    if (options.rate <= 0) {
        await Promise.all(endpoints.map((e) => e.closed(options.requests, options.concurrency, true)));
        return;
    }
    // Stagger the URLs across one interval so they take turns: same network, same minute, same load.
    const start = performance.now() + 5;
    const interval = 1000 / options.rate;
    await Promise.all(endpoints.map((e, k) => e.open(options.requests, options.rate, start + (k * interval) / endpoints.length)));
}
/** A progress line every few seconds while measuring; returns the function that stops it. */
function reportProgress(endpoints, options) {
    const log = options.log;
    if (!log)
        return () => undefined;
    const total = options.requests * endpoints.length;
    const progress = setInterval(() => {
        const done = endpoints.reduce((a, e) => a + e.samples.length, 0);
        log(`Probing: ${done} of ${total} requests done (${endpoints.map((e) => `${e.url.host} ${e.samples.length}`).join(', ')}).`);
    }, options.progressIntervalMs ?? 5000);
    progress.unref();
    return () => clearInterval(progress);
}
/** Every figure per endpoint, with the settings they were measured under (secret headers as ***). */
function reportOf(endpoints, options, startedAt) {
    const reports = endpoints.map((e, k) => {
        const report = summarise(e.url.href, e.role, e.samples, e.opened, e.lastEnd - e.firstIntended);
        if (e.role === 'target')
            report.name = options.names?.[k];
        return report;
    });
    return {
        version: 1,
        startedAt: startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
        settings: {
            requests: options.requests,
            rate: options.rate,
            model: options.rate > 0 ? 'open' : 'closed',
            concurrency: options.concurrency,
            warmup: options.warmup,
            timeoutMs: options.timeoutMs,
            method: options.method.toUpperCase(),
            headers: redactHeaders(options.headers, options.secretHeaders),
            expectStatus: (0,probe_status/* formatStatusRanges */.cO)(options.expectStatus),
        },
        targets: reports.filter((r) => r.role === 'target'),
        baseline: reports.find((r) => r.role === 'baseline'),
    };
}


/***/ })

};
