export const id = 353;
export const ids = [353];
export const modules = {

/***/ 4353:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   formatFigure: () => (/* binding */ formatFigure),
/* harmony export */   gatePassed: () => (/* binding */ gatePassed),
/* harmony export */   judge: () => (/* binding */ judge),
/* harmony export */   n7: () => (/* binding */ percentileRatio)
/* harmony export */ });
/* unused harmony exports decide, samplesToSettle */
/* harmony import */ var _order_statistics_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6876);
/* harmony import */ var _thresholds_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4148);


const CONFIDENCE = 0.95;
/** Largest sample count the "how many would settle it" search considers. */
const MAX_SAMPLES = 200_000;
/**
 * The verdict from the figure's interval: pass when every value in it satisfies the comparison, breach when
 * none does, inconclusive otherwise. An observed-only figure (max, min) has lower = upper, which is k6's
 * point comparison. Equality can only be shown by an interval without width.
 */
function decide(op, lower, upper, limit) {
    const excludes = upper < limit || lower > limit;
    const exactly = lower === limit && upper === limit;
    switch (op) {
        case '<':
            return upper < limit ? 'pass' : lower >= limit ? 'breach' : 'inconclusive';
        case '<=':
            return upper <= limit ? 'pass' : lower > limit ? 'breach' : 'inconclusive';
        case '>':
            return lower > limit ? 'pass' : upper <= limit ? 'breach' : 'inconclusive';
        case '>=':
            return lower >= limit ? 'pass' : upper < limit ? 'breach' : 'inconclusive';
        case '==':
            return exactly ? 'pass' : excludes ? 'breach' : 'inconclusive';
        case '!=':
            return excludes ? 'pass' : exactly ? 'breach' : 'inconclusive';
    }
}
/**
 * Most projections one search evaluates: the climb from 1 to MAX_SAMPLES by quarters takes 51 and the
 * bisection to 1% at most 18 more, so no sound search reaches it; it ends a search whose steps stop
 * making progress instead of letting it spin.
 */
const MAX_STEPS = 100;
/**
 * The smallest m > n (to about 1%) for which `settles(m)` holds, searching geometrically by quarters up
 * to MAX_SAMPLES, then by bisection; undefined when even MAX_SAMPLES does not settle it.
 */
function samplesToSettle(n, settles) {
    let steps = 0;
    const tries = (m) => {
        // Stryker disable next-line UpdateOperator: counts for the step cap only (see below)
        steps++;
        return settles(m);
    };
    let low = n;
    let high = Math.max(n + 1, Math.ceil(n * 1.25));
    while (!tries(high)) {
        if (high >= MAX_SAMPLES)
            return undefined;
        // Stryker disable next-line all: the step cap is a safety net no sound search reaches (see MAX_STEPS)
        if (steps >= MAX_STEPS)
            return undefined;
        low = high;
        high = Math.min(MAX_SAMPLES, Math.ceil(high * 1.25));
    }
    while (high - low > Math.max(1, Math.ceil(low * 0.01))) {
        // Stryker disable next-line all: the step cap is a safety net no sound search reaches (see MAX_STEPS)
        if (steps >= MAX_STEPS)
            break;
        const mid = Math.floor((low + high) / 2);
        if (tries(mid))
            high = mid;
        else
            low = mid;
    }
    return high;
}
function figure(report, threshold, confidence) {
    const sorted = report.sortedMs;
    const metric = threshold.metric;
    switch (metric.kind) {
        case 'percentile': {
            const [lower, upper] = (0,_order_statistics_js__WEBPACK_IMPORTED_MODULE_1__/* .quantileValueInterval */ .iC)(sorted, metric.percentile, confidence);
            return {
                observed: (0,_order_statistics_js__WEBPACK_IMPORTED_MODULE_1__/* .interpolatedQuantile */ .lI)(sorted, metric.percentile),
                interval: { lower, upper, confidence, method: 'order statistics' },
                project: (m) => (0,_order_statistics_js__WEBPACK_IMPORTED_MODULE_1__/* .quantileValueInterval */ .iC)(sorted, metric.percentile, confidence, m),
            };
        }
        case 'mean': {
            const interval = (0,_order_statistics_js__WEBPACK_IMPORTED_MODULE_1__/* .meanInterval */ .VO)(sorted, confidence);
            const n = sorted.length;
            const mean = n ? sorted.reduce((a, b) => a + b, 0) / n : Number.NaN;
            const half = (interval.upper - interval.lower) / 2;
            return {
                observed: mean,
                interval,
                project: (m) => [
                    mean - (half * Math.sqrt(n)) / Math.sqrt(m),
                    mean + (half * Math.sqrt(n)) / Math.sqrt(m),
                ],
            };
        }
        case 'max':
            return { observed: sorted.length ? sorted[sorted.length - 1] : Number.NaN };
        case 'min':
            return { observed: sorted.length ? sorted[0] : Number.NaN };
        case 'error-rate': {
            const rate = report.requests ? report.errors / report.requests : 0;
            return {
                observed: rate,
                interval: (0,_order_statistics_js__WEBPACK_IMPORTED_MODULE_1__/* .proportionInterval */ .Ew)(report.errors, report.requests, confidence),
                project: (m) => {
                    const projected = (0,_order_statistics_js__WEBPACK_IMPORTED_MODULE_1__/* .proportionInterval */ .Ew)(Math.round(rate * m), m, confidence);
                    return [projected.lower, projected.upper];
                },
            };
        }
    }
}
function formatValue(value, unit) {
    // Stryker disable next-line EqualityOperator: only ±∞ and NaN reach it, and none of them is 0
    if (!Number.isFinite(value))
        return value > 0 ? '∞' : '−∞';
    if (unit === 'fraction')
        return `${+(value * 100).toPrecision(3)}%`;
    if (unit === 'ratio')
        return `${value.toFixed(2)}×`;
    return `${+value.toPrecision(4)} ms`;
}
function formatFigure(value, unit) {
    return formatValue(value, unit);
}
/**
 * target/baseline from both intervals: latencies are never negative, so an open lower end counts as 0 and
 * an open upper end of the baseline leaves the ratio's lower end at 0.
 */
function ratioInterval(tl, th, bl, bh) {
    const lower = Number.isFinite(bh) && bh > 0 ? Math.max(0, tl) / bh : 0;
    const upper = bl > 0 ? th / bl : Number.POSITIVE_INFINITY;
    return [lower, upper];
}
function verdictBase(target, threshold) {
    return {
        threshold: threshold.text,
        target: target.name ?? target.url,
        url: target.url,
        metric: threshold.metric.name,
        op: threshold.op,
        limit: (0,_thresholds_js__WEBPACK_IMPORTED_MODULE_0__/* .describeLimit */ .XW)(threshold),
        unit: threshold.limit.kind === 'baseline'
            ? 'ratio'
            : threshold.metric.kind === 'error-rate'
                ? 'fraction'
                : 'ms',
    };
}
/** Nothing to judge: the target (or the baseline it is compared with) measured no request. */
function unmeasured(base, limitValue, reason) {
    return { ...base, limitValue, observed: NaN, outcome: 'inconclusive', reason };
}
/** An extreme (max, min) has no interval: judged as observed, as k6 does. */
function asObserved(base, limitValue, observed, subject) {
    return {
        ...base,
        limitValue,
        observed,
        outcome: decide(base.op, observed, observed, limitValue),
        reason: `The observed ${subject} is ${formatValue(observed, base.unit)} (an extreme has no interval; judged as observed).`,
    };
}
/**
 * The verdict from a figure's interval; an inconclusive one says about how many requests (from `n`,
 * projected by `project`) would settle it.
 */
function fromInterval(base, measured, project, words) {
    const { limitValue, observed, interval } = measured;
    const outcome = decide(base.op, interval.lower, interval.upper, limitValue);
    const range = `${formatValue(interval.lower, base.unit)} – ${formatValue(interval.upper, base.unit)}`;
    if (outcome !== 'inconclusive') {
        const side = outcome === 'pass' ? 'within' : 'beyond';
        return {
            ...base,
            limitValue,
            observed,
            interval,
            outcome,
            reason: `${words.interval} ${range} is ${side} ${words.limit}.`,
        };
    }
    const samplesNeeded = samplesToSettle(measured.n, (m) => {
        const [lo, hi] = project(m);
        return decide(base.op, lo, hi, limitValue) !== 'inconclusive';
    });
    const next = samplesNeeded
        ? `about ${samplesNeeded} ${words.requests} would settle it.`
        : `the ${words.subject} sits on the limit, so more requests would not settle it.`;
    const reason = `${words.interval} ${range} straddles ${words.limit}; ${next}`;
    return { ...base, limitValue, observed, interval, outcome, samplesNeeded, reason };
}
/** A figure against a fixed limit (ms or a fraction), at 95%. */
function judgeAbsolute(target, threshold, limitValue, base) {
    const f = figure(target, threshold, CONFIDENCE);
    if (!f.interval)
        return asObserved(base, limitValue, f.observed, base.metric);
    return fromInterval(base, { limitValue, observed: f.observed, interval: f.interval, n: target.requests }, f.project, {
        interval: `The ${CONFIDENCE * 100}% interval`,
        limit: `the limit ${base.limit}`,
        requests: 'requests',
        subject: 'figure',
    });
}
/**
 * target/baseline against a factor. Each side's interval is taken at 97.5% so that both hold together
 * with at least 95% (Bonferroni), which keeps the claim distribution-free.
 */
function judgeRatio(target, baseline, threshold, factor, base) {
    const each = 1 - (1 - CONFIDENCE) / 2;
    const t = figure(target, threshold, each);
    const b = figure(baseline, threshold, each);
    const observed = t.observed / b.observed;
    // Stryker disable next-line LogicalOperator: both figures are the same metric, so both have an interval or neither has
    if (!t.interval || !b.interval)
        return asObserved(base, factor, observed, 'ratio');
    const [lower, upper] = ratioInterval(t.interval.lower, t.interval.upper, b.interval.lower, b.interval.upper);
    const interval = {
        lower,
        upper,
        confidence: CONFIDENCE,
        method: 'order statistics, Bonferroni',
    };
    const project = (m) => {
        const [tl, th] = t.project(m);
        const [bl, bh] = b.project(m);
        return ratioInterval(tl, th, bl, bh);
    };
    const n = Math.min(target.requests, baseline.requests);
    return fromInterval(base, { limitValue: factor, observed, interval, n }, project, {
        interval: `The ratio's ${CONFIDENCE * 100}% interval`,
        limit: `${factor.toFixed(2)}×`,
        requests: 'requests per URL',
        subject: 'ratio',
    });
}
/** One threshold on one target: the guards first, then the absolute or the baseline-relative verdict. */
function judgeOne(target, baseline, threshold) {
    const base = verdictBase(target, threshold);
    if (target.requests === 0)
        return unmeasured(base, NaN, 'No request was measured.');
    const limit = threshold.limit;
    if (limit.kind === 'absolute')
        return judgeAbsolute(target, threshold, limit.value, base);
    if (!baseline || baseline.requests === 0)
        return unmeasured(base, limit.factor, 'No baseline was measured (set baseline-url).');
    return judgeRatio(target, baseline, threshold, limit.factor, base);
}
/**
 * Judges every threshold for every target, a target's own thresholds (from its `targets` line) for it
 * alone. The baseline is only a reference, never judged itself.
 */
function judge(report, thresholds) {
    const verdicts = [];
    for (const target of report.targets) {
        for (const threshold of thresholds) {
            if (threshold.target !== undefined && threshold.target !== target.name)
                continue;
            verdicts.push(judgeOne(target, report.baseline, threshold));
        }
    }
    return verdicts;
}
/** True only when every verdict is a pass: a breach or an inconclusive verdict fails the gate. */
function gatePassed(verdicts) {
    return verdicts.every((v) => v.outcome === 'pass');
}
/** target/baseline for a percentile, with its 95% interval (97.5% per side, Bonferroni). */
function percentileRatio(target, baseline, p) {
    const each = 1 - (1 - CONFIDENCE) / 2;
    const [tl, th] = (0,_order_statistics_js__WEBPACK_IMPORTED_MODULE_1__/* .quantileValueInterval */ .iC)(target.sortedMs, p, each);
    const [bl, bh] = (0,_order_statistics_js__WEBPACK_IMPORTED_MODULE_1__/* .quantileValueInterval */ .iC)(baseline.sortedMs, p, each);
    const [lower, upper] = ratioInterval(tl, th, bl, bh);
    return {
        ratio: (0,_order_statistics_js__WEBPACK_IMPORTED_MODULE_1__/* .interpolatedQuantile */ .lI)(target.sortedMs, p) / (0,_order_statistics_js__WEBPACK_IMPORTED_MODULE_1__/* .interpolatedQuantile */ .lI)(baseline.sortedMs, p),
        lower,
        upper,
    };
}


/***/ }),

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


/***/ })

};
