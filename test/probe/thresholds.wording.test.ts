/**
 * Threshold lines the user gets wrong, refused whole (the line as written, what was wrong, the fix), and the
 * number forms k6 reads with Go's strconv.ParseFloat, each accepted with its value or refused.
 */
import { describe, expect, it } from '@jest/globals';
import { parseThreshold, parseThresholds, scanThreshold } from '../../src/probe/thresholds.js';
import { inputError } from '../support/inputs.js';

const EXAMPLES =
  'write one per line, k6 style or with units, e.g. "p(95)<200", "avg<50", "rate<0.01", "p95 < 200ms", "error-rate < 1%", "p95 < baseline * 1.10"';
const METRICS = 'p(N) with N from 0 to 100 (or p95, p99.9), avg/mean, med, min, max, or rate/error-rate';

const refusal = (fn: () => unknown): string => inputError(fn).describe();

describe('refusals, whole', () => {
  it.each([
    [
      'p95',
      `input 'thresholds': "p95": is not a threshold (no comparison operator). Fix: use <, <=, >, >=, ==, === or !=; ${EXAMPLES}.`,
    ],
    [
      '< 200',
      `input 'thresholds': "< 200": is not a threshold (no comparison operator). Fix: use <, <=, >, >=, ==, === or !=; ${EXAMPLES}.`,
    ],
    ['p95 <', `input 'thresholds': "p95 <": nothing to compare with after "<". Fix: ${EXAMPLES}.`],
    [
      'p95 => 200',
      `input 'thresholds': "p95 => 200": the operator "=>" is not supported. Fix: use one of <, <=, >, >=, ==, === or !=.`,
    ],
    [
      'count < 5',
      `input 'thresholds': "count < 5": "count" is k6's aggregation for Counter metrics; latency-probe judges a Trend (the response time) and a Rate (the error rate). Fix: use ${METRICS}.`,
    ],
    [
      'value < 5',
      `input 'thresholds': "value < 5": "value" is k6's aggregation for Gauge metrics; latency-probe judges a Trend (the response time) and a Rate (the error rate). Fix: use ${METRICS}.`,
    ],
    [
      'rate < 1.5',
      `input 'thresholds': "rate < 1.5": "1.5" is an error rate outside 0 to 1. Fix: an error rate is a fraction from 0 to 1 (or 0 % to 100 %), e.g. rate<0.01 or error-rate < 1%.`,
    ],
    [
      'rate < 150%',
      `input 'thresholds': "rate < 150%": "150%" is a percentage outside 0 % to 100 %. Fix: an error rate is a fraction from 0 to 1 (or 0 % to 100 %), e.g. rate<0.01 or error-rate < 1%.`,
    ],
    [
      'p95 < -5',
      `input 'thresholds': "p95 < -5": "-5" is not a duration. Fix: give milliseconds (200), a unit (200ms, 1.5s) or baseline * 1.10; ${EXAMPLES}.`,
    ],
  ])('%s', (line, message) => {
    expect(refusal(() => parseThresholds(line))).toBe(message);
  });

  it('quotes the line trimmed, as it is judged', () => {
    expect(refusal(() => parseThreshold('  p95  '))).toMatch(
      /^input 'thresholds': "p95": is not a threshold/,
    );
  });

  it('scans method, operator and value apart, as k6 does', () => {
    expect(scanThreshold('  p(95) <= 200 ')).toMatchObject({ method: 'p(95)', operator: '<=', value: '200' });
  });
});

describe('what is read whole, and only whole', () => {
  it.each([
    ['p(95)x < 200', /unknown aggregation "p\(95\)x"/],
    ['rate < 5%x', /"5%x" is not an error rate/],
    ['p95 < baselinex', /"baselinex" is not a duration/],
    ['p95 < x5', /"x5" is not a duration/],
  ])('%s is refused', (line, pattern) => {
    expect(refusal(() => parseThresholds(line))).toMatch(pattern);
  });

  it('refuses a line a carriage return splits, rather than judge only its last part', () => {
    // Input written with old Mac line ends reaches the parser as one line.
    expect(refusal(() => parseThreshold('p95 < 200\rrate < 0.01'))).toMatch(/is not a threshold/);
  });

  it('reads a percentage with a space before the sign', () => {
    expect(parseThresholds('error-rate < 5 %')[0].limit).toEqual({ kind: 'absolute', value: 0.05 });
    expect(refusal(() => parseThresholds('rate < %'))).toMatch(/"%" is not an error rate/);
  });

  it('reads spaces inside p( ) (Runway is lenient where k6 would refuse)', () => {
    expect(parseThresholds('p( 99.9 ) < 200')[0].metric).toEqual({
      kind: 'percentile',
      percentile: 0.999,
      name: 'p99.9',
    });
  });
});

describe("numbers as Go's ParseFloat reads them", () => {
  it.each([
    ['200', 200],
    ['0', 0],
    ['+5', 5],
    ['5.', 5],
    ['.25', 0.25],
    ['0.75', 0.75],
    ['1e3', 1000],
    ['1E3', 1000],
    ['1e+3', 1000],
    ['2.5e-1', 0.25],
    ['1e10', 1e10],
  ])('p95 < %s is %d ms', (text, ms) => {
    expect(parseThresholds(`p95 < ${text}`)[0].limit).toEqual({ kind: 'absolute', value: ms });
  });

  it.each([['1e'], ['e3'], ['.'], ['0x10'], ['Infinity'], ['NaN'], ['1_000'], ['1e3.5'], ['--5']])(
    'p95 < %s is refused',
    (text) => {
      expect(refusal(() => parseThresholds(`p95 < ${text}`))).toMatch(/is not a duration/);
    },
  );

  it('reads the same forms in a rate and a percentage', () => {
    expect(parseThresholds('rate < 1e-2')[0].limit).toEqual({ kind: 'absolute', value: 0.01 });
    expect(parseThresholds('rate < .5%')[0].limit).toEqual({ kind: 'absolute', value: 0.005 });
  });
});
