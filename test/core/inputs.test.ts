import { describe, expect, it } from '@jest/globals';
import { inputError, readerOf } from '../support/inputs.js';
import { parsePercent } from '../../src/core/inputs.js';
import { parseDuration, formatDuration } from '../../src/core/duration.js';
import { UserError, errorMessage } from '../../src/core/errors.js';

describe('durations', () => {
  it.each([
    ['250ms', 250],
    ['90s', 90_000],
    ['5m', 300_000],
    ['1h30m', 5_400_000],
    ['7d', 604_800_000],
    ['1.5s', 1500],
  ])('%s is %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['5', 'five minutes', '', '5 weeks', '-1s'])('rejects %p', (text) =>
    expect(parseDuration(text)).toBeUndefined(),
  );

  it('formats back for humans', () => {
    expect(formatDuration(250)).toBe('250ms');
    expect(formatDuration(90_000)).toBe('1m30s');
    expect(formatDuration(5_400_000)).toBe('1h30m');
  });
});

describe('InputReader', () => {
  it('reads typed values with defaults', () => {
    const inputs = readerOf({
      rate: '50',
      on: 'TRUE',
      wait: '90s',
      pct: '1%',
      mode: 'BlueGreen',
      list: 'a\n\n# note\nb\n',
    });
    expect(inputs.int('rate', 0)).toBe(50);
    expect(inputs.int('missing', 7)).toBe(7);
    expect(inputs.bool('on', false)).toBe(true);
    expect(inputs.duration('wait', '5m')).toBe(90_000);
    expect(inputs.duration('missing', '5m')).toBe(300_000);
    expect(inputs.percent('pct', 0)).toBeCloseTo(0.01);
    expect(inputs.enumOf('mode', ['rolling', 'bluegreen'] as const, 'rolling')).toBe('bluegreen');
    expect(inputs.list('list')).toEqual(['a', 'b']);
  });

  it('names the input, the problem and the fix', () => {
    const error = inputError(() => readerOf({ rate: 'fast' }).int('rate', 10));
    expect(error.describe()).toBe(`input 'rate': "fast" is not a whole number. Fix: use e.g. 10.`);
    const enumError = inputError(() =>
      readerOf({ strategy: 'yolo' }).enumOf('strategy', ['rolling', 'canary'] as const, 'rolling'),
    );
    expect(enumError.describe()).toContain('rolling, canary');
    expect(inputError(() => readerOf({ wait: '5' }).duration('wait', '5m')).describe()).toContain(
      'with a unit',
    );
    expect(inputError(() => readerOf({}).required('app', 'voice-bot')).describe()).toContain(
      "input 'app': is required",
    );
    expect(inputError(() => readerOf({ n: '0' }).int('n', 1, { min: 1 })).describe()).toContain(
      'below the minimum 1',
    );
  });

  it('validates URLs and their scheme', () => {
    expect(readerOf({ u: 'https://a.fly.dev/health' }).url('u')?.hostname).toBe('a.fly.dev');
    expect(inputError(() => readerOf({ u: 'not a url' }).url('u')).describe()).toContain('not a valid URL');
    expect(inputError(() => readerOf({ u: 'ftp://x' }).url('u')).describe()).toContain('uses ftp');
  });

  it('reads NAME=VALUE lines keeping = in values', () => {
    expect([...readerOf({ s: 'A=1\nB=x=y' }).keyValues('s')]).toEqual([
      ['A', '1'],
      ['B', 'x=y'],
    ]);
    expect(inputError(() => readerOf({ s: 'novalue' }).keyValues('s')).describe()).toContain('NAME=VALUE');
  });

  it('parses percentages', () => {
    expect(parsePercent('0.5%')).toBeCloseTo(0.005);
    expect(parsePercent('0.02')).toBeCloseTo(0.02);
    expect(parsePercent('5')).toBeUndefined();
  });
});

describe('errors', () => {
  it('a user error is one line; other values are normalised', () => {
    expect(errorMessage(new UserError('bucket "x" does not exist.', { fix: 'check the name.' }))).toBe(
      'bucket "x" does not exist. Fix: check the name.',
    );
    expect(errorMessage('plain')).toBe('plain');
    expect(errorMessage({ code: 1 })).toBe('{"code":1}');
  });
});
