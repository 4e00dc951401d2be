import { describe, expect, it } from '@jest/globals';
import { InputError } from '../../src/core/errors.js';
import { summarise } from '../../src/probe/figures.js';
import { decide, judge } from '../../src/probe/judge.js';
import { parseThreshold, parseThresholds, scanThreshold } from '../../src/probe/thresholds.js';
import type { ProbeReport, RequestSample } from '../../src/probe/types.js';
import { K6_EVALUATION_CASES, K6_PARSE_CASES, K6_SCAN_CASES } from './k6-threshold-cases.js';

function refusal(expression: string): InputError {
  try {
    parseThreshold(expression);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error(`"${expression}" was accepted`);
}

/** What Runway's metric is for k6's method. */
const RUNWAY_METRIC: Record<string, string> = {
  avg: 'mean',
  med: 'p50',
  min: 'min',
  max: 'max',
  rate: 'error-rate',
};

function reportOf(samples: number[]): ProbeReport {
  const measured: RequestSample[] = samples.map((ms) => ({
    totalMs: ms,
    serviceMs: ms,
    queueMs: 0,
    status: 200,
  }));
  const target = summarise('http://app.test/', 'target', measured, [], 1000);
  return {
    version: 1,
    startedAt: '',
    finishedAt: '',
    settings: {
      requests: samples.length,
      rate: 0,
      model: 'closed',
      concurrency: 1,
      warmup: 0,
      timeoutMs: 1000,
      method: 'GET',
      headers: {},
      expectStatus: '200-399',
    },
    targets: [target],
  };
}

describe('k6 threshold expressions (grafana/k6 @ 87883075ccd5)', () => {
  const trendAndRate = K6_PARSE_CASES.filter((c) => c.k6Accepts && c.method);
  it.each(trendAndRate.map((c) => [c.expression, c.source, c] as const))(
    'accepts %s as k6 does (%s)',
    (expression, _source, c) => {
      const t = parseThreshold(expression);
      const metric =
        c.method === 'p'
          ? c.percentile === 0
            ? 'min'
            : c.percentile === 100
              ? 'max'
              : `p${c.percentile}`
          : RUNWAY_METRIC[c.method!];
      expect(t.metric.name).toBe(metric);
      if (t.metric.kind === 'percentile' && c.method === 'p')
        expect(t.metric.percentile).toBeCloseTo(c.percentile! / 100, 12);
      expect(t.op).toBe(c.operator === '===' ? '==' : c.operator);
      // Bare numbers mean what they mean in k6: milliseconds for a Trend, a fraction for a Rate.
      expect(t.limit).toEqual({ kind: 'absolute', value: c.value });
    },
  );

  const rejected = K6_PARSE_CASES.filter((c) => !c.k6Accepts);
  it.each(rejected.map((c) => [c.expression, c.source] as const))(
    'refuses %s as k6 does (%s)',
    (expression) => {
      const error = refusal(expression);
      expect(error.input).toBe('thresholds');
      expect(error.describe()).toContain(`"${expression}"`);
      expect(error.describe()).toMatch(/Fix:/);
    },
  );

  const otherTypes = K6_PARSE_CASES.filter(
    (c) => c.k6Accepts && (c.metricType === 'Counter' || c.metricType === 'Gauge'),
  );
  it.each(otherTypes.map((c) => [c.expression, c.metricType!] as const))(
    'refuses %s, k6 aggregation for a %s metric, saying which metrics latency-probe judges',
    (expression, type) => {
      expect(refusal(expression).describe()).toContain(`k6's aggregation for ${type} metrics`);
    },
  );

  it.each(K6_SCAN_CASES.map((c) => [c.input, c] as const))('scans %j as k6 does', (input, c) => {
    if (c.operator === undefined) {
      const text = refusal(input).describe();
      expect(text).toContain('operator "!" is not supported');
      expect(text).toContain('use one of <, <=, >, >=, ==, === or !=');
      return;
    }
    expect(scanThreshold(input)).toMatchObject({ method: c.method, operator: c.operator, value: c.value });
  });

  it.each(K6_EVALUATION_CASES.map((c) => [c.expression, c.source, c] as const))(
    '%s: the point comparison agrees with k6 (%s)',
    (expression, _source, c) => {
      const t = parseThreshold(expression);
      const limit = t.limit.kind === 'absolute' ? t.limit.value : Number.NaN;
      let figure = c.figure!;
      if (c.samples) {
        // Runway computes the same figure from the same samples (k6's TrendSink).
        const [verdict] = judge(reportOf(c.samples), [t]);
        figure = verdict.observed;
        // With an interval the verdict is k6's or inconclusive, never the opposite.
        expect(verdict.outcome).not.toBe(c.k6Passes ? 'breach' : 'pass');
      }
      expect(decide(t.op, figure, figure, limit)).toBe(c.k6Passes ? 'pass' : 'breach');
    },
  );

  it('reads percentiles the way k6 does: linear interpolation between the closest ranks', () => {
    // k6 TrendSink.P: i = p·(n−1); for 1..10 and p(95) that is 9.55 between the 9th and 10th values.
    const samples = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const [p95, med, p0, p100] = judge(
      reportOf(samples),
      parseThresholds('p(95)<1000, med<1000, p(0)<1000, p(100)<1000'),
    );
    expect(p95.observed).toBeCloseTo(9.55, 10);
    expect(med.observed).toBeCloseTo(5.5, 10);
    expect(p0.observed).toBe(1);
    expect(p100.observed).toBe(10);
  });
});

describe('operators and limits Runway refuses', () => {
  it.each([
    ['p(95)=200', '='],
    ['p(95)=>200', '=>'],
    ['p(95)<>200', '<>'],
    ['avg ≤ 50', '≤'],
    ['rate!0.01', '!'],
  ])('%s names the operator %s and lists the accepted ones', (expression, operator) => {
    const text = refusal(expression).describe();
    expect(text).toContain(`operator "${operator}" is not supported`);
    expect(text).toContain('<, <=, >, >=, ==, === or !=');
  });

  it.each([
    ['error-rate < 150%', /outside 0 % to 100 %/],
    ['rate<1.5', /outside 0 to 1/],
    ['error-rate < 101 %', /outside 0 % to 100 %/],
    ['rate<-0.1', /outside 0 to 1/],
  ])('%s: an error rate above 100 %% is refused', (expression, message) => {
    expect(refusal(expression).describe()).toMatch(message);
  });

  it('keeps Runway’s unit syntax, and bare numbers are milliseconds', () => {
    const [units, bare, seconds, pct] = parseThresholds(
      'p95 < 200ms\np(95)<200\np99 < 1.5s\nerror-rate < 1%',
    );
    expect(units.limit).toEqual(bare.limit);
    expect(seconds.limit).toEqual({ kind: 'absolute', value: 1500 });
    expect(pct.limit).toEqual({ kind: 'absolute', value: 0.01 });
  });
});
