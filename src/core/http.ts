import { request, type Dispatcher } from 'undici';
import { ApiError } from './errors.js';
import { isRetryableStatus, parseRetryAfter, retry, RetryableError, type RetryOptions } from './retry.js';
import { scrub } from './secrets.js';

export interface HttpCall {
  method: string;
  path: string;
  status: number;
  ms: number;
  attempt: number;
}

export interface HttpClientOptions {
  baseUrl: string;
  headers?: Record<string, string>;
  retry?: RetryOptions;
  timeoutMs?: number;
  dispatcher?: Dispatcher;
  /** Observes every attempt (benchmarks count API calls; summaries show a timeline). */
  onCall?: (call: HttpCall) => void;
  /** Turns an unsuccessful response into the user's terms ("the API token was rejected"). */
  describeError?: (status: number, body: string, method: string, path: string) => string;
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  /** Retry network errors and 408/429/5xx. Default: true for GET/HEAD/PUT/DELETE, false for POST/PATCH. */
  retry?: boolean;
  /** Statuses that are not errors for this call (returned to the caller as-is). */
  accept?: number[];
  timeoutMs?: number;
}

export interface HttpResponse<T> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: T;
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

/** A small JSON client over undici shared by the Fly, Cloudflare and PowerDNS clients. */
export class HttpClient {
  constructor(readonly options: HttpClientOptions) {}

  async request<T = unknown>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<HttpResponse<T>> {
    const url = new URL(
      path.replace(/^\//, ''),
      this.options.baseUrl.endsWith('/') ? this.options.baseUrl : `${this.options.baseUrl}/`,
    );
    for (const [key, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const shouldRetry = options.retry ?? IDEMPOTENT.has(method.toUpperCase());
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...this.options.headers,
      ...options.headers,
    };
    let payload: string | undefined;
    if (options.body !== undefined) {
      payload = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    return retry(async (attempt) => {
      const started = Date.now();
      let response: Dispatcher.ResponseData;
      try {
        response = await request(url, {
          method: method.toUpperCase() as Dispatcher.HttpMethod,
          headers,
          body: payload,
          dispatcher: this.options.dispatcher,
          headersTimeout: options.timeoutMs ?? this.options.timeoutMs ?? 60_000,
          bodyTimeout: options.timeoutMs ?? this.options.timeoutMs ?? 60_000,
        });
      } catch (error) {
        this.options.onCall?.({ method, path, status: 0, ms: Date.now() - started, attempt });
        const message = `${method} ${url.pathname} failed: ${scrub(error instanceof Error ? error.message : String(error))}`;
        if (shouldRetry) throw new RetryableError(message, undefined, { cause: error });
        throw new ApiError(message, 0);
      }
      const text = await response.body.text();
      this.options.onCall?.({ method, path, status: response.statusCode, ms: Date.now() - started, attempt });
      const status = response.statusCode;
      if ((status >= 200 && status < 300) || options.accept?.includes(status)) {
        let body: unknown = text;
        if (text && String(response.headers['content-type'] ?? '').includes('json')) {
          try {
            body = JSON.parse(text);
          } catch {
            body = text;
          }
        }
        return { status, headers: response.headers, body: body as T };
      }
      const described =
        this.options.describeError?.(status, text, method, url.pathname) ??
        `${method} ${url.pathname} returned ${status}: ${text.slice(0, 300)}`;
      if (shouldRetry && isRetryableStatus(status)) {
        throw new RetryableError(scrub(described), parseRetryAfter(response.headers['retry-after']));
      }
      throw new ApiError(scrub(described), status, scrub(text));
    }, this.options.retry).catch((error: unknown) => {
      if (error instanceof RetryableError) {
        throw new ApiError(`${error.message} (gave up after retries)`, 0);
      }
      throw error;
    });
  }
}
