import { describe, expect, it } from '@jest/globals';
import { InputError } from '../../src/core/errors.js';
import { parseThreshold, parseThresholds, scanThreshold } from '../../src/probe/thresholds.js';
import { K6_PARSE_CASES, K6_SCAN_CASES } from './k6-threshold-cases.js';

// k6's threshold parser and scanner cases (grafana/k6 @ 87883075ccd5) against Runway's parser alone: no
// report is built here, so the mutation run's thresholds group can use them (k6-thresholds.test.ts judges).

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

describe('k6 threshold expressions (grafana/k6 @ 87883075ccd5), parsed', () => {
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
