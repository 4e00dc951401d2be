import { describe, expect, it } from '@jest/globals';
import {
  binomialCdf,
  meanInterval,
  nearestRank,
  proportionInterval,
  quantileRankInterval,
} from '../../src/probe/order-statistics.js';

describe('order-statistic interval for a quantile', () => {
  // The reference table (dns-latency.md §7) computed the tightest two-sided 95% interval for p95.
  // Where several intervals have the same width we keep the one with the higher coverage, so the
  // check is: same width as the reference, coverage ≥ 95%, and the exact ends where they agree.
  it.each([
    [59, 9],
    [100, 9],
    [200, 13],
    [300, 15],
    [500, 20],
    [1000, 27],
    [2000, 39],
  ])('n = %i: as tight as the reference (%i ranks) with ≥ 95%% coverage', (n, width) => {
    const r = quantileRankInterval(n, 0.95);
    expect(r.upper - r.lower).toBe(width);
    expect(r.upper).toBeLessThanOrEqual(n);
    const cdf = binomialCdf(n, 0.95);
    expect(cdf[r.upper] - cdf[r.lower]).toBeGreaterThanOrEqual(0.95);
    expect(r.coverage).toBeCloseTo(cdf[r.upper] - cdf[r.lower], 12);
  });

  it('matches the reference ends for n = 300 and n = 1000', () => {
    expect(quantileRankInterval(300, 0.95)).toMatchObject({ lower: 278, upper: 293 });
    expect(quantileRankInterval(1000, 0.95)).toMatchObject({ lower: 937, upper: 964 });
  });

  it('leaves the upper end open below 59 samples for p95 (0.95^n > 0.05)', () => {
    expect(quantileRankInterval(58, 0.95).upper).toBe(59);
    expect(quantileRankInterval(59, 0.95).upper).toBe(59);
    expect(quantileRankInterval(59, 0.95).lower).toBeGreaterThan(0);
  });

  it('binomial CDF agrees with direct summation', () => {
    const n = 40;
    const p = 0.3;
    const cdf = binomialCdf(n, p);
    let running = 0;
    let choose = 1;
    for (let k = 0; k <= n; k++) {
      if (k > 0) choose = (choose * (n - k + 1)) / k;
      running += choose * p ** k * (1 - p) ** (n - k);
      expect(cdf[k + 1]).toBeCloseTo(running, 12);
    }
  });

  it('covers the true quantile at least 95% of the time (simulation, exponential latencies)', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const trueP95 = -Math.log(0.05);
    let covered = 0;
    const trials = 400;
    for (let t = 0; t < trials; t++) {
      const sorted = Array.from({ length: 200 }, () => -Math.log(1 - random())).sort((a, b) => a - b);
      const r = quantileRankInterval(200, 0.95);
      if (sorted[r.lower - 1] <= trueP95 && trueP95 <= sorted[r.upper - 1]) covered++;
    }
    expect(covered / trials).toBeGreaterThanOrEqual(0.93);
  });

  it('nearest rank is X(⌈p·n⌉)', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(nearestRank(sorted, 0.95)).toBe(95);
    expect(nearestRank(sorted, 0.5)).toBe(50);
    expect(nearestRank([5], 0.99)).toBe(5);
  });
});

describe('error-rate interval (Clopper–Pearson)', () => {
  it('with no failures the upper end is 1 − 0.05^(1/n) (rule of three)', () => {
    expect(proportionInterval(0, 300).upper).toBeCloseTo(1 - 0.05 ** (1 / 300), 10);
    expect(proportionInterval(0, 299).upper).toBeLessThan(0.01);
    expect(proportionInterval(0, 298).upper).toBeGreaterThan(0.01);
  });

  it('each end leaves 2.5% in its tail', () => {
    const { lower, upper } = proportionInterval(3, 300);
    expect(1 - binomialCdf(300, lower)[3]).toBeCloseTo(0.025, 6); // P(Y ≥ 3 | lower)
    expect(binomialCdf(300, upper)[4]).toBeCloseTo(0.025, 6); // P(Y ≤ 3 | upper)
    expect(lower).toBeLessThan(0.01);
    expect(upper).toBeGreaterThan(0.01);
  });
});

describe('mean interval', () => {
  it('is mean ± 1.96·s/√n', () => {
    const values = [10, 12, 14, 16, 18];
    const { lower, upper } = meanInterval(values);
    const half = 1.959964 * Math.sqrt(10 / 5);
    expect(lower).toBeCloseTo(14 - half, 4);
    expect(upper).toBeCloseTo(14 + half, 4);
  });
});
