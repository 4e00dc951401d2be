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
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * The binomial CDF as an array: cdf[k + 1] = P(Y ≤ k) for k = −1..n (so cdf[0] = 0, cdf[n + 1] = 1).
 * Only the ±12 standard deviations around the mean are summed; the mass outside is below 1e-30.
 */
export function binomialCdf(n: number, p: number): Float64Array {
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

/** Ranks are 1-based; `lower: 0` means no lower bound (−∞) and `upper: n + 1` no upper bound (+∞). */
export interface RankInterval {
  lower: number;
  upper: number;
  /** The exact coverage probability of [X(lower), X(upper)]. */
  coverage: number;
}

/**
 * The shortest interval of order statistics [X(l), X(u)] whose coverage of the p-quantile is at least
 * `confidence` (ties broken towards the higher coverage). When no interval with both ends among the samples
 * reaches the confidence (too few samples, e.g. fewer than 59 for p95 at 95%), the end that cannot
 * exist is left open, so a claim on that side is never made.
 */
export function quantileRankInterval(n: number, p: number, confidence = 0.95): RankInterval {
  if (n <= 0) return { lower: 0, upper: 1, coverage: 1 };
  const cdf = binomialCdf(n, p);
  // coverage(l, u) = P(Y ≤ u−1) − P(Y ≤ l−1) = cdf[u] − cdf[l]
  const coverage = (l: number, u: number) => cdf[Math.min(u, n + 1)] - cdf[Math.max(l, 0)];
  let best: RankInterval | undefined;
  let u = 2;
  for (let l = 1; l < n; l++) {
    if (u <= l) u = l + 1;
    while (u <= n && coverage(l, u) < confidence) u++;
    if (u > n) break;
    const width = u - l;
    const c = coverage(l, u);
    if (
      !best ||
      width < best.upper - best.lower ||
      (width === best.upper - best.lower && c > best.coverage)
    ) {
      best = { lower: l, upper: u, coverage: c };
    }
  }
  if (best) return best;
  // One side must stay open. Keep the side that can exist and is tightest on the other.
  if (p >= 0.5) {
    for (let l = n; l >= 1; l--)
      if (1 - cdf[l] >= confidence) return { lower: l, upper: n + 1, coverage: 1 - cdf[l] };
  } else {
    for (let u = 1; u <= n; u++) if (cdf[u] >= confidence) return { lower: 0, upper: u, coverage: cdf[u] };
  }
  return { lower: 0, upper: n + 1, coverage: 1 };
}

/** The value at a 1-based rank of sorted samples, with the open ends as ±∞. */
export function orderStatistic(sorted: readonly number[], rank: number): number {
  if (rank <= 0) return Number.NEGATIVE_INFINITY;
  if (rank > sorted.length) return Number.POSITIVE_INFINITY;
  return sorted[rank - 1];
}

export interface ValueInterval {
  lower: number;
  upper: number;
  confidence: number;
  method: string;
}

/**
 * The p-quantile's interval read off the sorted samples. With `m` other than the sample count it is the
 * interval m samples from the distribution we observed would give: the ranks for m, scaled onto ours
 * (used to estimate how many requests would settle a verdict). The open ends are ±∞ either way.
 */
export function quantileValueInterval(
  sorted: readonly number[],
  p: number,
  confidence: number,
  m = sorted.length,
): [number, number] {
  const ranks = quantileRankInterval(m, p, confidence);
  const scaled = (rank: number) =>
    rank <= 0 || rank > m ? rank : Math.max(1, Math.ceil((rank / m) * sorted.length));
  return [orderStatistic(sorted, scaled(ranks.lower)), orderStatistic(sorted, scaled(ranks.upper))];
}

/** The point estimate by nearest rank, X(⌈p·n⌉), the usual definition behind "p95". */
export function nearestRank(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length))) - 1];
}

/**
 * k6's percentile (TrendSink.P in metrics/sink.go): linear interpolation between the two closest ranks at
 * p·(n − 1), Hyndman & Fan's type 7. The verdict's observed figure uses it so it reads the same as k6's.
 */
export function interpolatedQuantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = p * (sorted.length - 1);
  const below = sorted[Math.floor(i)];
  const above = sorted[Math.ceil(i)];
  return below + (above - below) * (i - Math.floor(i));
}

function binomialUpperTail(n: number, k: number, p: number): number {
  // P(Y ≥ k)
  if (k <= 0) return 1;
  const cdf = binomialCdf(n, p);
  return 1 - cdf[k];
}

function binomialLowerTail(n: number, k: number, p: number): number {
  // P(Y ≤ k)
  if (k >= n) return 1;
  return binomialCdf(n, p)[k + 1];
}

/**
 * Exact (Clopper–Pearson) interval for a proportion such as the error rate, found by bisection on the
 * binomial tails. With no failures at all the lower end is exactly 0, so the whole α goes to the upper
 * end (1 − α^(1/n), the "rule of three" bound), as the order-statistic interval does for an open end.
 */
export function proportionInterval(failures: number, n: number, confidence = 0.95): ValueInterval {
  const alpha = 1 - confidence;
  if (n <= 0) return { lower: 0, upper: 1, confidence, method: 'Clopper–Pearson' };
  const bisect = (f: (p: number) => number, target: number, increasing: boolean) => {
    let lo = 0;
    let hi = 1;
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2;
      const below = increasing ? f(mid) < target : f(mid) > target;
      if (below) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  };
  let lower = 0;
  let upper = 1;
  if (failures === 0) {
    upper = 1 - alpha ** (1 / n);
  } else if (failures === n) {
    lower = alpha ** (1 / n);
  } else {
    // lower: P(Y ≥ x | p) = α/2 (increasing in p); upper: P(Y ≤ x | p) = α/2 (decreasing in p)
    lower = bisect((p) => binomialUpperTail(n, failures, p), alpha / 2, true);
    upper = bisect((p) => binomialLowerTail(n, failures, p), alpha / 2, false);
  }
  return { lower, upper, confidence, method: 'Clopper–Pearson' };
}

/** Normal-approximation interval for a mean (fine for the hundreds of samples a gate uses). */
export function meanInterval(values: readonly number[], confidence = 0.95): ValueInterval {
  const n = values.length;
  if (n < 2)
    return { lower: Number.NEGATIVE_INFINITY, upper: Number.POSITIVE_INFINITY, confidence, method: 'normal' };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  const half = normalQuantile(1 - (1 - confidence) / 2) * Math.sqrt(variance / n);
  return { lower: mean - half, upper: mean + half, confidence, method: 'normal' };
}

/** Inverse standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
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
    return (
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}
