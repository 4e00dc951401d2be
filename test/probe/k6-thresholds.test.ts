import { describe, expect, it } from '@jest/globals';
import { summarise } from '../../src/probe/figures.js';
import { decide, judge } from '../../src/probe/judge.js';
import { parseThreshold, parseThresholds } from '../../src/probe/thresholds.js';
import type { ProbeReport, RequestSample } from '../../src/probe/types.js';
import { K6_EVALUATION_CASES } from './k6-threshold-cases.js';

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

describe('k6 threshold expressions (grafana/k6 @ 87883075ccd5), judged', () => {
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
