/** Statuses worth another try: the request timed out, we were rate limited, or the server failed. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

/** `Retry-After` is either delta-seconds or an HTTP date; returns milliseconds to wait, or undefined. */
export function parseRetryAfter(
  value: string | string[] | undefined | null,
  now = Date.now(),
): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text.trim())) return Math.round(Number(text.trim()) * 1000);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Thrown by an attempt to ask for another try; `retryAfterMs` overrides the backoff when the server said. */
export class RetryableError extends Error {
  readonly retryAfterMs?: number;
  constructor(message: string, retryAfterMs?: number, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RetryableError';
    this.retryAfterMs = retryAfterMs;
  }
}

/** Retries stopped because the next wait would pass the deadline; `attempts` were made. */
export class DeadlineReachedError extends Error {
  constructor(
    message: string,
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DeadlineReachedError';
  }
}

export interface RetryOptions {
  /** Attempts after the first. */
  retries?: number;
  baseMs?: number;
  maxMs?: number;
  /** Longest Retry-After we honour; a server asking for an hour should fail the step, not stall it. */
  maxRetryAfterMs?: number;
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** No retry is started whose wait would end past this (epoch ms); the last error is thrown instead. */
  deadlineAt?: number;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Exponential backoff with full jitter (AWS architecture blog): delay = random(0, min(max, base·2^n)). */
export function backoffDelay(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.round(random() * ceiling);
}

/**
 * Runs `attempt` until it returns, throws something that is not a RetryableError, or runs out of
 * retries. Only RetryableError is retried, so a 401 or a validation error fails on the first try.
 */
export async function retry<T>(attempt: (n: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const retries = options.retries ?? 5;
  const baseMs = options.baseMs ?? 250;
  const maxMs = options.maxMs ?? 10_000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  const wait = options.sleep ?? sleep;
  for (let n = 0; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (!(error instanceof RetryableError) || n >= retries) throw error;
      const delayMs =
        error.retryAfterMs !== undefined
          ? Math.min(error.retryAfterMs, maxRetryAfterMs)
          : backoffDelay(n, baseMs, maxMs, options.random);
      if (options.deadlineAt !== undefined && Date.now() + delayMs >= options.deadlineAt) {
        throw new DeadlineReachedError(error.message, n + 1, { cause: error });
      }
      options.onRetry?.({ attempt: n + 1, delayMs, error });
      await wait(delayMs);
    }
  }
}
