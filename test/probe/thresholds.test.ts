import { describe, expect, it } from '@jest/globals';
import { InputError } from '../../src/core/errors.js';
import { parseThresholds } from '../../src/probe/thresholds.js';

describe('parseThresholds', () => {
  it('reads the k6-style lines from the issue', () => {
    const t = parseThresholds(
      'p95 < 200ms\np99 < 500ms\nmean < 150ms\nerror-rate < 1%\np95 < baseline * 1.10\n# comment\n\n',
    );
    expect(t.map((x) => [x.metric.name, x.op, x.limit])).toEqual([
      ['p95', '<', { kind: 'absolute', value: 200 }],
      ['p99', '<', { kind: 'absolute', value: 500 }],
      ['mean', '<', { kind: 'absolute', value: 150 }],
      ['error-rate', '<', { kind: 'absolute', value: 0.01 }],
      ['p95', '<', { kind: 'baseline', factor: 1.1 }],
    ]);
  });

  it('accepts p(95), p99.9, med, avg, max, seconds, <= and commas', () => {
    const t = parseThresholds('p(95)<=1.5s, p99.9 < 2s, med > 1ms, avg < 100ms, max < 3s, p95 < baseline');
    expect(t.map((x) => x.metric)).toEqual([
      { kind: 'percentile', percentile: 0.95, name: 'p95' },
      { kind: 'percentile', percentile: 0.999, name: 'p99.9' },
      { kind: 'percentile', percentile: 0.5, name: 'p50' },
      { kind: 'mean', name: 'mean' },
      { kind: 'max', name: 'max' },
      { kind: 'percentile', percentile: 0.95, name: 'p95' },
    ]);
    expect(t[0]).toMatchObject({ op: '<=', limit: { value: 1500 } });
    expect(t[5].limit).toEqual({ kind: 'baseline', factor: 1 });
  });

  it.each([
    ['p95 200ms', /is not a threshold/],
    ['p101 < 1s', /"p101" is not a percentile from 0 to 100/],
    ['p9x < 1s', /"p9x" is not a percentile/],
    ['latency < 1s', /unknown aggregation "latency"/],
    ['p95 < 200 ms please', /"200 ms please" is not a duration/],
    ['error-rate < lots', /"lots" is not an error rate/],
    ['error-rate < baseline * 2', /cannot be compared with the baseline/],
    ['p95 < baseline * 0', /factor must be a number above 0/],
  ])('rejects %s with an InputError naming the input', (text, message) => {
    let error: unknown;
    try {
      parseThresholds(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).input).toBe('thresholds');
    expect((error as InputError).describe()).toMatch(message);
    expect((error as InputError).describe()).toMatch(/Fix:/);
  });

  it('an empty text means no thresholds', () => {
    expect(parseThresholds('')).toEqual([]);
  });
});
