import { describe, expect, it } from '@jest/globals';
import { InputError } from '../../src/core/errors.js';
import { describeLimit, parseThresholds } from '../../src/probe/thresholds.js';

// Threshold lines at the edges of what they accept: percentile bounds, every operator, aliases,
// separators and the limit's wording in the summary.

function rejection(text: string): InputError {
  try {
    parseThresholds(text);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error(`"${text}" was accepted`);
}

describe('percentile names at their bounds', () => {
  it.each([
    ['p0.1', 0.001, 'p0.1'],
    ['p1', 0.01, 'p1'],
    ['p50', 0.5, 'p50'],
    ['p99.99', 0.9999, 'p99.99'],
    ['p(90)', 0.9, 'p90'],
    ['P95', 0.95, 'p95'],
    ['med', 0.5, 'p50'],
    ['median', 0.5, 'p50'],
  ])('%s is the %p quantile, named %s', (name, percentile, label) => {
    const [t] = parseThresholds(`${name} < 1s`);
    expect(t.metric).toEqual({ kind: 'percentile', percentile, name: label });
  });

  it.each([
    ['p0', 'min'],
    ['p(0)', 'min'],
    ['p100', 'max'],
    ['p(100)', 'max'],
  ])('%s is the %s, as in k6', (name, kind) => {
    const [t] = parseThresholds(`${name} < 1s`);
    expect(t.metric.kind).toBe(kind);
  });

  it.each(['p100.5', 'p(100.5)', 'p-1'])('%s is not a percentile', (name) => {
    const error = rejection(`${name} < 1s`);
    expect(error.input).toBe('thresholds');
    expect(error.describe()).toContain(`${name} < 1s`);
    expect(error.describe()).toContain(name);
  });

  it('names the unknown metric and the line it was on', () => {
    const error = rejection('latency < 1s');
    expect(error.input).toBe('thresholds');
    expect(error.describe()).toContain('"latency < 1s"');
    expect(error.describe()).toContain('latency');
    expect(error.describe()).toMatch(/Fix: .*p95/);
  });
});

describe('metrics and operators', () => {
  it.each([
    ['mean', 'mean'],
    ['avg', 'mean'],
    ['MEAN', 'mean'],
    ['max', 'max'],
    ['min', 'min'],
    ['error-rate', 'error-rate'],
    ['errors', 'error-rate'],
    ['error_rate', 'error-rate'],
  ])('%s measures %s', (name, kind) => {
    const [t] = parseThresholds(`${name} < ${kind === 'error-rate' ? '1%' : '1s'}`);
    expect(t.metric).toEqual({ kind, name: kind });
  });

  it.each(['<', '<=', '>', '>='])('reads the operator %s, spaced or not', (op) => {
    for (const line of [`p95 ${op} 200ms`, `p95${op}200ms`, `  p95  ${op}  200ms  `]) {
      const [t] = parseThresholds(line);
      expect(t.op).toBe(op);
      expect(t.limit).toEqual({ kind: 'absolute', value: 200 });
      expect(t.text).toBe(line.trim());
    }
  });

  it('keeps the line as written for the summary, and skips blank and comment lines', () => {
    const t = parseThresholds('  # p95 < 1ms\n\n   \np99 < 1.5s \n,mean<2s');
    expect(t.map((x) => x.text)).toEqual(['p99 < 1.5s', 'mean<2s']);
    expect(t.map((x) => x.limit)).toEqual([
      { kind: 'absolute', value: 1500 },
      { kind: 'absolute', value: 2000 },
    ]);
  });
});

describe('limits', () => {
  it('reads an error rate as a fraction, written as a percentage or a fraction', () => {
    expect(parseThresholds('error-rate < 0.5%')[0].limit).toEqual({ kind: 'absolute', value: 0.005 });
    expect(parseThresholds('error-rate <= 0.02')[0].limit).toEqual({ kind: 'absolute', value: 0.02 });
  });

  it('reads baseline factors, with or without spaces and case', () => {
    expect(parseThresholds('p95 < baseline*1.25')[0].limit).toEqual({ kind: 'baseline', factor: 1.25 });
    expect(parseThresholds('p95 < Baseline * 2')[0].limit).toEqual({ kind: 'baseline', factor: 2 });
    expect(parseThresholds('mean >= baseline * 0.01')[0].limit).toEqual({ kind: 'baseline', factor: 0.01 });
    expect(parseThresholds('max < baseline')[0].limit).toEqual({ kind: 'baseline', factor: 1 });
    expect(parseThresholds('p99 < baseline * 12.5')[0].limit).toEqual({ kind: 'baseline', factor: 12.5 });
  });

  it.each([
    'p95 < baseline * 0',
    'p95 < baseline * 0.0',
    'error-rate < baseline',
    'error-rate < 5',
    'p95 < fast',
    'p95 < baseline * 2x',
    'p95 < xbaseline',
    'p95 200ms',
    '< 200ms',
    '1p95 < 1s',
    'xp95 < 1s',
    'p95x < 1s',
  ])('rejects %s, quoting the line as written, with a fix', (line) => {
    const error = rejection(line);
    expect(error.input).toBe('thresholds');
    expect(error.describe()).toContain(`"${line}"`);
    expect(error.describe()).toMatch(/Fix: \S{2,}/);
  });

  it('reads a bare number on a latency figure as milliseconds, as k6 does', () => {
    const [t] = parseThresholds('p95 < 200');
    expect(t.limit).toEqual({ kind: 'absolute', value: 200 });
  });

  it('shows examples when a line is not a threshold at all', () => {
    expect(rejection('fast please').describe()).toMatch(/Fix: .*p95 < 200ms/);
  });

  it('describes each limit as the summary shows it', () => {
    const text = (line: string) => describeLimit(parseThresholds(line)[0]);
    expect(text('p95 < 200ms')).toBe('200 ms');
    expect(text('p95 < 1.5s')).toBe('1500 ms');
    expect(text('mean < 0.1234567ms')).toBe('0.123457 ms');
    expect(text('error-rate < 1%')).toBe('1%');
    expect(text('error-rate < 0.125%')).toBe('0.125%');
    expect(text('p95 < baseline')).toBe('baseline');
    expect(text('p95 < baseline * 1')).toBe('baseline');
    expect(text('p95 < baseline * 1.10')).toBe('baseline × 1.1');
  });
});
