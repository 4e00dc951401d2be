import { describe, expect, it } from '@jest/globals';
import { inputError, readerOf } from '../support/inputs.js';
import { scrub } from '../../src/core/secrets.js';
import { parseHeaders } from '../../src/probe/headers.js';
import { readProbeInputs } from '../../src/probe/inputs.js';
import { parseStatusRanges, statusAccepted } from '../../src/probe/status.js';

const read = (values: Record<string, string>) => readProbeInputs(readerOf(values));

describe('readProbeInputs', () => {
  it('applies the documented defaults', () => {
    const { options, thresholds, failOnBreach } = read({ url: 'https://voice-bot.fly.dev/health' });
    expect(options).toMatchObject({
      requests: 300,
      rate: 10,
      concurrency: 10,
      warmup: 10,
      timeoutMs: 10_000,
      method: 'GET',
      headers: {},
    });
    expect(options.urls.map(String)).toEqual(['https://voice-bot.fly.dev/health']);
    expect(options.expectStatus).toEqual([{ from: 200, to: 399 }]);
    expect(thresholds).toEqual([]);
    expect(failOnBreach).toBe(true);
  });

  it('reads several URLs, a baseline and every option', () => {
    const { options, thresholds, failOnBreach } = read({
      url: 'https://a.fly.dev/\n# old one\nhttps://b.fly.dev/x?y=1',
      'baseline-url': 'https://aws.example.com/',
      requests: '50',
      rate: '0',
      concurrency: '3',
      warmup: '0',
      timeout: '1500ms',
      method: 'post',
      body: '{"ping":1}',
      'expect-status': '200-299, 404',
      thresholds: 'p95 < baseline * 1.1',
      'fail-on-breach': 'false',
    });
    expect(options.urls.map(String)).toEqual(['https://a.fly.dev/', 'https://b.fly.dev/x?y=1']);
    expect(options.baseline?.href).toBe('https://aws.example.com/');
    expect(options).toMatchObject({
      requests: 50,
      rate: 0,
      concurrency: 3,
      warmup: 0,
      timeoutMs: 1500,
      method: 'POST',
      body: '{"ping":1}',
    });
    expect(options.expectStatus).toEqual([
      { from: 200, to: 299 },
      { from: 404, to: 404 },
    ]);
    expect(thresholds).toHaveLength(1);
    expect(failOnBreach).toBe(false);
  });

  it('treats a token in a URL as a secret', () => {
    read({ url: 'https://a.fly.dev/health?access_token=qq-Token-7&x=plain' });
    expect(scrub('qq-Token-7 plain')).toBe('*** plain');
  });

  it('refuses user:password@ in a URL (it cannot be sent) without echoing the password', () => {
    const error = inputError(() => read({ url: 'https://probe:pw-Secret-9@a.fly.dev/health' }));
    expect(error.input).toBe('url');
    expect(error.describe()).toMatch(/carries credentials.*Authorization: Basic/);
    expect(error.describe()).not.toContain('pw-Secret-9');
  });

  it.each([
    [{ url: '' }, 'url', /is required/],
    [{ url: 'https://ok.test/\nhttp//broken' }, 'url', /"http\/\/broken" is not a valid URL/],
    [{ 'baseline-url': 'aws' }, 'baseline-url', /not a valid URL/],
    [{ concurrency: '0', rate: '0' }, 'concurrency', /0 allows no request in flight/],
    [{ rate: '-1' }, 'rate', /below the minimum 0/],
    [{ requests: '0' }, 'requests', /below the minimum 1/],
    [{ timeout: '10' }, 'timeout', /not a duration/],
    [{ method: 'BREW' }, 'method', /not one of the accepted values/],
    [{ body: 'x' }, 'body', /GET request cannot carry a body/],
    [{ 'fail-on-breach': 'maybe' }, 'fail-on-breach', /not a boolean/],
  ])('rejects %j naming %s', (values, input, message) => {
    const error = inputError(() => read({ url: 'https://ok.test/', ...values }));
    expect(error.input).toBe(input);
    expect(error.describe()).toMatch(message);
  });
});

describe('headers', () => {
  it('parses Name: value lines and registers credential values as secrets', () => {
    const { headers, secretNames } = parseHeaders(
      'Authorization: Bearer t0k3n-XYZ\nAccept: text/html\nX-Session-Token: s3ss-ABC\nCookie: a=b; c=d',
    );
    expect(headers).toEqual({
      authorization: 'Bearer t0k3n-XYZ',
      accept: 'text/html',
      'x-session-token': 's3ss-ABC',
      cookie: 'a=b; c=d',
    });
    expect(secretNames).toEqual(['Authorization', 'X-Session-Token', 'Cookie']);
    expect(scrub('sent t0k3n-XYZ and s3ss-ABC, a=b; c=d')).toBe('sent *** and ***, ***');
    expect(scrub('Accept: text/html')).toBe('Accept: text/html');
  });

  it('rejects a line that is not a header without echoing it', () => {
    const error = inputError(() => parseHeaders('Bearer s3cr3t-value-here'));
    expect(error.input).toBe('headers');
    expect(error.describe()).not.toContain('s3cr3t-value-here');
  });
});

describe('expect-status', () => {
  it('parses ranges and codes', () => {
    const ranges = parseStatusRanges('200-299,404');
    expect([200, 299, 404].every((s) => statusAccepted(ranges, s))).toBe(true);
    expect([199, 300, 403, 500].some((s) => statusAccepted(ranges, s))).toBe(false);
  });

  it.each(['2xx', '299-200', '700', ''])('rejects %j', (text) => {
    expect(inputError(() => parseStatusRanges(text)).input).toBe('expect-status');
  });
});
