import { describe, expect, it } from '@jest/globals';
import {
  backoffDelay,
  isRetryableStatus,
  parseRetryAfter,
  retry,
  RetryableError,
} from '../../src/core/retry.js';

describe('retry', () => {
  it('classifies statuses', () => {
    expect([408, 429, 500, 503, 599].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 409, 412, 422].some(isRetryableStatus)).toBe(false);
  });

  it('reads Retry-After as seconds or a date', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    const now = Date.parse('2026-11-29T00:00:00Z');
    expect(parseRetryAfter('Sun, 29 Nov 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('soon')).toBeUndefined();
  });

  it('grows the backoff ceiling exponentially with full jitter, capped', () => {
    expect(backoffDelay(0, 100, 10_000, () => 1)).toBe(100);
    expect(backoffDelay(3, 100, 10_000, () => 1)).toBe(800);
    expect(backoffDelay(20, 100, 10_000, () => 1)).toBe(10_000);
    expect(backoffDelay(3, 100, 10_000, () => 0.5)).toBe(400);
  });

  it('retries RetryableError, honouring Retry-After over the backoff', async () => {
    const delays: number[] = [];
    let calls = 0;
    const result = await retry(
      async () => {
        calls++;
        if (calls === 1) throw new RetryableError('429', 1500);
        if (calls === 2) throw new RetryableError('503');
        return 'ok';
      },
      { sleep: async (ms) => void delays.push(ms), random: () => 1, baseMs: 100 },
    );
    expect(result).toBe('ok');
    expect(delays).toEqual([1500, 200]);
  });

  it('does not retry other errors and gives up after the budget', async () => {
    let calls = 0;
    await expect(
      retry(
        async () => {
          calls++;
          throw new Error('401');
        },
        { sleep: async () => {} },
      ),
    ).rejects.toThrow('401');
    expect(calls).toBe(1);
    calls = 0;
    await expect(
      retry(
        async () => {
          calls++;
          throw new RetryableError('still 503');
        },
        { retries: 2, sleep: async () => {} },
      ),
    ).rejects.toThrow('still 503');
    expect(calls).toBe(3);
  });
});
