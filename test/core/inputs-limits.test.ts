import { describe, expect, it } from '@jest/globals';
import { inputError } from '../support/inputs.js';
import { checkHeaderValue, InputReader, parsePercent, parseUrl, shown } from '../../src/core/inputs.js';
import { scrub } from '../../src/core/secrets.js';

describe('values that cannot be HTTP are refused before any call', () => {
  it.each(['150%', '100.1%', '2'])('a percentage above 100 %% (%s) is not a percentage', (text) => {
    expect(parsePercent(text)).toBeUndefined();
  });
  it.each([
    ['100%', 1],
    ['0.5%', 0.005],
    ['1', 1],
  ])('%s is %d', (text, value) => expect(parsePercent(text)).toBe(value));

  it.each([
    ['a\rb', /carriage return/],
    ['a\nb', /line feed/],
    ['a\u0000b', /control character/],
    ['x'.repeat(9000), /at most 8192/],
  ])('header value %#: %p refused, value never echoed', (value, message) => {
    const error = inputError(() => checkHeaderValue('headers', 'X-Token', value));
    expect(error.input).toBe('headers');
    expect(error.describe()).toMatch(message);
    expect(error.describe()).not.toContain('a\rb');
  });

  it('a 100,000-character URL is refused with its length, not echoed whole', () => {
    const error = inputError(() => parseUrl('url', `https://a.test/${'x'.repeat(100_000)}`));
    expect(error.describe()).toMatch(/the URL is 100015 characters long; at most 8192/);
    expect(error.describe().length).toBeLessThan(300);
  });

  it('credentials in a URL are refused unless meant, and the password is scrubbed from the message', () => {
    const error = inputError(() => parseUrl('api-url', 'https://user:hunter2pass@api.test/'));
    expect(error.describe()).toMatch(/carries credentials/);
    expect(error.describe()).not.toContain('hunter2pass');
    expect(parseUrl('api-url', 'https://user:pw@api.test/', undefined, { credentials: true }).password).toBe(
      'pw',
    );
  });

  it('any input longer than 64 KiB is refused whatever reads it', () => {
    const reader = new InputReader((name) => (name === 'app' ? 'a'.repeat(100_000) : undefined));
    expect(inputError(() => reader.optional('app')).describe()).toMatch(
      /^input 'app': the value is 100000 characters long/,
    );
    expect(inputError(() => reader.list('app')).input).toBe('app');
  });

  it('shows long values cut, with their length', () => {
    expect(shown('x'.repeat(100), 5)).toBe('"xxxxx…" (100 characters)');
    expect(shown('ok')).toBe('"ok"');
  });
});

describe('scrub catches credentials nobody registered', () => {
  it.each([
    ['https://user:p4ss@host/x', 'https://user:***@host/x'],
    ['https://ghp_tokenonly@github.com/a', 'https://***@github.com/a'],
    ['GET https://h/x?token=abc123&b=1', 'GET https://h/x?token=***&b=1'],
    [
      'https://s3/x?X-Amz-Signature=deadbeef&X-Amz-Credential=AKIA/x',
      'https://s3/x?X-Amz-Signature=***&X-Amz-Credential=***',
    ],
    ['{"authorization":"Bearer abc.def"}', '{"authorization":"Bearer ***"}'],
    ['"x-api-key": "pdns-key"', '"x-api-key": "***"'],
    ['https://h/?monkey=1&design=2', 'https://h/?monkey=1&design=2'],
  ])('%s', (text, expected) => expect(scrub(text)).toBe(expected));
});
