import { Agent, request, type Dispatcher } from 'undici';
import { formatDuration } from './duration.js';
import { ContractError, describeAnswer, isJsonContentType } from './contract.js';
import { Deadline } from './deadline.js';
import { ApiError } from './errors.js';
import {
  DeadlineReachedError,
  isRetryableStatus,
  parseRetryAfter,
  retry,
  RetryableError,
  type RetryOptions,
} from './retry.js';
import { redactUrl, scrub } from './secrets.js';

export interface HttpCall {
  method: string;
  path: string;
  status: number;
  ms: number;
  attempt: number;
}

/** How long each phase of one request may take; every value is clamped to the action's deadline. */
export interface Timeouts {
  /** TCP (and TLS) connection established. */
  connectMs: number;
  /** Request sent → response headers. */
  firstByteMs: number;
  /** Longest silence between two body chunks. */
  bodyIdleMs: number;
  /** The whole attempt, headers and body: a server trickling a byte a second still ends. */
  totalMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = {
  connectMs: 10_000,
  firstByteMs: 30_000,
  bodyIdleMs: 15_000,
  totalMs: 60_000,
};
/** Larger answers are refused rather than buffered: no JSON document we read comes near this. */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

/** A final non-2xx answer (or a request that never got one), for the caller to turn into its own error. */
export interface HttpFailure {
  service: string;
  method: string;
  /** The request path relative to the base URL, as the caller wrote it. */
  path: string;
  /** The full URL with secrets redacted. */
  url: string;
  /** 0 when no answer came. */
  status: number;
  text: string;
  body: unknown;
  message: string;
}

export interface HttpClientOptions {
  /** Named in every error: "Fly Machines API", "Cloudflare", "PowerDNS". */
  service?: string;
  baseUrl: string;
  headers?: Record<string, string>;
  retry?: RetryOptions;
  /** Shorthand for `timeouts.firstByteMs` and `timeouts.bodyIdleMs`. */
  timeoutMs?: number;
  timeouts?: Partial<Timeouts>;
  maxBodyBytes?: number;
  /** The action's overall deadline: timeouts are clamped to it and no retry starts past it. */
  deadline?: Deadline;
  dispatcher?: Dispatcher;
  /** Observes every attempt (benchmarks count API calls; summaries show a timeline). */
  onCall?: (call: HttpCall) => void;
  /** Turns an unsuccessful response into the user's terms ("the API token was rejected"). */
  describeError?: (status: number, body: string, method: string, path: string) => string | undefined;
  /** Builds the error thrown for a final failure (default: ApiError). */
  toError?: (failure: HttpFailure) => Error;
  /** Told of each retry (the Fly client logs them). */
  onRetry?: (info: {
    method: string;
    path: string;
    attempt: number;
    delayMs: number;
    message: string;
  }) => void;
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * Safe to send again after a timeout or 5xx (the first attempt may have been applied). Default: true for
   * GET/HEAD/PUT/DELETE/OPTIONS, false for POST/PATCH. 429 and connection failures are always retried.
   */
  retry?: boolean;
  /** Statuses that are not errors for this call (returned to the caller as-is). */
  accept?: number[];
  /** Phase timeouts for this call (a long poll waits longer for its headers). */
  timeouts?: Partial<Timeouts>;
  /** Shorthand for `timeouts.firstByteMs`. */
  timeoutMs?: number;
  /** The answer's fields the caller needs; a problem is a ContractError and nothing is acted on. */
  check?: (body: unknown, status: number) => string | undefined;
  /** For a non-idempotent call: after an ambiguous failure, find out whether it happened anyway. */
  reconcile?: () => Promise<HttpResponse<unknown> | undefined>;
  /** Extra answers worth another try (Fly's 409 "concurrent update", 412 while a Machine settles). */
  retryWhen?: (status: number, body: unknown) => boolean;
  /** Waits before every attempt, retries included (a rate-limit bucket). */
  pace?: () => Promise<void>;
}

export interface HttpResponse<T> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: T;
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
/** Errors raised before the request left: retrying cannot apply anything twice. */
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
]);

/** What one attempt's failure means for the next step: the single classification every client uses. */
type Verdict = 'retry' | 'ambiguous' | 'final';

/** Thrown inside an attempt for an answer that must not be retried (it goes straight to the caller). */
class FinalAnswer extends Error {
  constructor(readonly failure: HttpFailure) {
    super(failure.message);
  }
}

class TimedOut extends Error {
  constructor(
    readonly phase: string,
    readonly ms: number,
  ) {
    super(`${phase} after ${formatDuration(ms)}`);
  }
}

/** A request that has no answer (yet): what it was, since when, and how it ended if it did. */
interface Unanswered {
  where: string;
  since: number;
  /** The timeout's message, once it timed out. */
  message?: string;
}

/** One attempt's outcome: a usable response, or a failure judged for the retry layer. */
type AttemptOutcome =
  | { response: HttpResponse<unknown> }
  | {
      verdict: Verdict;
      status: number;
      text: string;
      body: unknown;
      message: string;
      retryAfterMs?: number;
    };

/**
 * The one HTTP client (and the one retry layer) for every JSON API Runway calls: bounded waits, a
 * body-size cap, no redirects followed, every 2xx answer checked to be JSON (and to carry the fields
 * the caller needs) before it is returned, retries classified once here and stopped at the deadline.
 */
export class HttpClient {
  readonly service: string;
  private readonly timeouts: Timeouts;
  private readonly dispatcher: Dispatcher;
  /** Whether this server has ever answered: one that never did is not waited for twice. */
  private answered = false;
  /**
   * Requests not yet finished (insertion order is sending order) and the ones that timed out unanswered:
   * a deadline message names the first of them, not whichever call happened to fail last.
   */
  private readonly outstanding = new Set<Unanswered>();
  private readonly hung: Unanswered[] = [];

  constructor(readonly options: HttpClientOptions) {
    this.service = options.service ?? new URL(options.baseUrl).host;
    this.timeouts = {
      ...DEFAULT_TIMEOUTS,
      ...(options.timeoutMs ? { firstByteMs: options.timeoutMs, bodyIdleMs: options.timeoutMs } : {}),
      ...options.timeouts,
    };
    // Redirects are not followed (undici's default): an API that redirects is answered with an error.
    this.dispatcher =
      options.dispatcher ??
      new Agent({ connect: { timeout: this.timeouts.connectMs }, keepAliveTimeout: 4000 });
  }

  url(path: string, query: RequestOptions['query'] = {}): URL {
    const base = this.options.baseUrl.endsWith('/') ? this.options.baseUrl : `${this.options.baseUrl}/`;
    const url = new URL(path.replace(/^\//, ''), base);
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url;
  }

  async request<T = unknown>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<HttpResponse<T>> {
    const verb = method.toUpperCase();
    const url = this.url(path, options.query);
    const idempotent = options.retry ?? IDEMPOTENT.has(verb);
    const { headers, payload } = this.prepare(options);
    const deadline = this.options.deadline;
    const self: Unanswered = { where: `${verb} ${redactUrl(url)}`, since: Date.now() };
    this.outstanding.add(self);
    let attempts = 0;
    const failure = (status: number, text: string, body: unknown, message: string): HttpFailure => ({
      service: this.service,
      method: verb,
      path,
      url: redactUrl(url),
      status,
      text: scrub(text),
      body,
      message: scrub(message),
    });
    try {
      return await retry(
        async (attempt) => {
          if (deadline?.expired()) {
            const late = `${this.service} ${self.where} was not sent: ${deadline.label} had passed`;
            throw new FinalAnswer(failure(0, '', undefined, this.withFirstUnanswered(self, late)));
          }
          await options.pace?.();
          attempts = attempt + 1;
          const outcome = await this.attempt(verb, url, path, headers, payload, options, attempt, self);
          if ('response' in outcome) return outcome.response as HttpResponse<T>;
          const { verdict, status, text, body, message, retryAfterMs } = outcome;
          const next =
            verdict === 'ambiguous'
              ? await this.afterAmbiguous(idempotent, options, verb, path, message)
              : verdict;
          if (typeof next === 'object') return next as HttpResponse<T>;
          if (next === 'retry') throw new RetryableError(message, retryAfterMs);
          throw new FinalAnswer(failure(status, text, body, message));
        },
        this.retryOptions(verb, path),
      );
    } catch (error) {
      if (error instanceof FinalAnswer) throw this.toError(error.failure);
      if (!(error instanceof RetryableError || error instanceof DeadlineReachedError)) throw error;
      const why =
        error instanceof DeadlineReachedError ? `stopped at ${deadline?.label ?? 'the deadline'}` : 'gave up';
      const own = `${error.message} (${why} after ${attempts} attempt${attempts === 1 ? '' : 's'})`;
      const message = error instanceof DeadlineReachedError ? this.withFirstUnanswered(self, own) : own;
      throw this.toError(failure(0, error.message, undefined, message));
    } finally {
      this.outstanding.delete(self);
    }
  }

  /**
   * A message about a call the deadline stopped, led by the first request that went unanswered when that
   * was another one: the server stopped answering there, and the later calls only ran into the deadline.
   */
  private withFirstUnanswered(self: Unanswered, message: string): string {
    const first = [...this.hung, ...this.outstanding]
      .filter((r) => r.where !== self.where && r.since <= self.since)
      .sort((a, b) => a.since - b.since)[0];
    if (!first) return message;
    const what =
      first.message ??
      `${this.service} ${first.where} had no answer after ${formatDuration(Date.now() - first.since)}`;
    return `${what} (the first request that went unanswered); then ${message}`;
  }

  /** Headers (ours, the client's, the call's) and the JSON payload. */
  private prepare(options: RequestOptions): { headers: Record<string, string>; payload?: string } {
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...this.options.headers,
      ...options.headers,
    };
    if (options.body === undefined) return { headers };
    headers['content-type'] ??= 'application/json';
    return {
      headers,
      payload: typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
    };
  }

  /** The caller's backoff, stopped at the deadline, with every retry told to whoever listens. */
  private retryOptions(method: string, path: string): RetryOptions {
    return {
      ...this.options.retry,
      deadlineAt: this.options.deadline?.at,
      onRetry: (info) => {
        const message = (info.error as Error).message;
        this.options.onRetry?.({ method, path, attempt: info.attempt, delayMs: info.delayMs, message });
        this.options.retry?.onRetry?.(info);
      },
    };
  }

  private toError(failure: HttpFailure): Error {
    return this.options.toError?.(failure) ?? new ApiError(failure.message, failure.status, failure.text);
  }

  /** 408/5xx or a lost answer: resend only what is safe to resend, or what the caller found did not happen. */
  private async afterAmbiguous(
    idempotent: boolean,
    options: RequestOptions,
    method: string,
    path: string,
    message: string,
  ): Promise<Verdict | HttpResponse<unknown>> {
    if (idempotent) return 'retry';
    if (!options.reconcile) return 'final';
    const found = await options.reconcile();
    if (found) {
      this.options.onRetry?.({
        method,
        path,
        attempt: 0,
        delayMs: 0,
        message: `${message}, but it had taken effect (found by listing)`,
      });
      return found;
    }
    return 'retry';
  }

  /** One attempt: the response if it is usable, else what went wrong and how it is classified. */
  private async attempt(
    method: string,
    url: URL,
    path: string,
    headers: Record<string, string>,
    payload: string | undefined,
    options: RequestOptions,
    attempt: number,
    self?: Unanswered,
  ): Promise<AttemptOutcome> {
    const t = {
      ...this.timeouts,
      ...(options.timeoutMs ? { firstByteMs: options.timeoutMs } : {}),
      ...options.timeouts,
    };
    const clamp = (ms: number) => this.options.deadline?.clamp(ms) ?? ms;
    const where = `${this.service} ${method} ${redactUrl(url)}`;
    const started = Date.now();
    const controller = new AbortController();
    const totalMs = clamp(Math.max(t.totalMs, t.firstByteMs));
    // The waits as applied (clamped to the deadline), so a timeout message says how long it really waited.
    const bounds = { ...t, firstByteMs: clamp(t.firstByteMs), bodyIdleMs: clamp(t.bodyIdleMs) };
    const timer = setTimeout(
      () => controller.abort(new TimedOut('the whole request took too long', totalMs)),
      totalMs,
    );
    const record = (status: number) =>
      this.options.onCall?.({ method, path, status, ms: Date.now() - started, attempt });
    let status = 0;
    let contentType: string | undefined;
    let text: string;
    let responseHeaders: Record<string, string | string[] | undefined>;
    try {
      const response = await request(url, {
        method: method as Dispatcher.HttpMethod,
        headers,
        body: payload,
        dispatcher: this.dispatcher,
        headersTimeout: bounds.firstByteMs,
        bodyTimeout: bounds.bodyIdleMs,
        signal: controller.signal,
      });
      status = response.statusCode;
      responseHeaders = response.headers;
      contentType = String(response.headers['content-type'] ?? '') || undefined;
      text = await readLimited(
        response.body,
        this.options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
        this.service,
        url,
        status,
        contentType,
      );
    } catch (error) {
      record(status);
      if (error instanceof ContractError) throw error;
      // No complete answer came: status 0 (the message says how far it got).
      const judged = this.classifyNetworkError(error, controller, bounds, where, status);
      if (judged.timedOut && self && !this.hung.some((h) => h.where === self.where))
        this.hung.push({ ...self, message: judged.message });
      return {
        verdict: judged.verdict,
        message: judged.message,
        status: 0,
        text: '',
        body: undefined,
      };
    } finally {
      clearTimeout(timer);
    }
    record(status);
    this.answered = true;
    return this.judge(method, url, status, contentType, text, responseHeaders, options);
  }

  /** Status, content type and fields: the answer is returned only if the caller can act on it. */
  private judge(
    method: string,
    url: URL,
    status: number,
    contentType: string | undefined,
    text: string,
    headers: Record<string, string | string[] | undefined>,
    options: RequestOptions,
  ): AttemptOutcome {
    const success = status >= 200 && status < 300;
    const usable = success || options.accept?.includes(status);
    const contract = (expected: string) =>
      new ContractError(this.service, url.href, expected, describeAnswer(status, contentType, text), status);
    let body: unknown = undefined;
    if (text.trim()) {
      if (isJsonContentType(contentType)) {
        try {
          body = JSON.parse(text);
        } catch {
          if (success) throw contract('a complete JSON document (it does not parse: truncated or not JSON)');
          body = text;
        }
      } else {
        if (success) throw contract('a JSON answer (content-type application/json)');
        body = text;
      }
    }
    if (usable) {
      const problem = options.check?.(body, status);
      if (problem) throw contract(problem);
      return { response: { status, headers, body } };
    }
    const described =
      this.options.describeError?.(status, text, method, url.pathname) ??
      `${this.service} ${method} ${redactUrl(url)} returned ${status}${status >= 300 && status < 400 ? ` (a redirect${headers.location ? ` to ${redactUrl(String(headers.location))}` : ''}; redirects are not followed)` : ''}: ${describeAnswer(status, contentType, text)}`;
    const message = scrub(described);
    const retryAfterMs = parseRetryAfter(headers['retry-after']);
    if (status === 429) return { verdict: 'retry', status, text, body, message, retryAfterMs };
    if (isRetryableStatus(status)) return { verdict: 'ambiguous', status, text, body, message, retryAfterMs };
    if (options.retryWhen?.(status, body)) return { verdict: 'retry', status, text, body, message };
    return { verdict: 'final', status, text, body, message };
  }

  /**
   * A request that got no answer. Not sent (refused, no connection): retry. Sent but unanswered: as
   * ambiguous as a 5xx, except that a server which has never answered this client is not waited for again.
   */
  private classifyNetworkError(
    error: unknown,
    controller: AbortController,
    t: Timeouts,
    where: string,
    status: number,
  ): { verdict: Verdict; message: string; timedOut: boolean } {
    const code = (error as { code?: string }).code ?? '';
    const reason = controller.signal.aborted ? controller.signal.reason : undefined;
    let why: string;
    if (reason instanceof TimedOut) why = `stopped answering: ${reason.message}`;
    else if (code === 'UND_ERR_HEADERS_TIMEOUT')
      why = `did not answer (no response headers within ${formatDuration(t.firstByteMs)})`;
    else if (code === 'UND_ERR_BODY_TIMEOUT')
      why = `stopped sending its answer mid-body (silent for ${formatDuration(t.bodyIdleMs)})`;
    else if (code === 'UND_ERR_CONNECT_TIMEOUT')
      why = `could not be reached (no connection within ${formatDuration(t.connectMs)})`;
    else why = `failed: ${error instanceof Error ? error.message : String(error)}${code ? ` (${code})` : ''}`;
    const message = scrub(`${where} ${why}${status ? ` after HTTP ${status}` : ''}`);
    const timedOut =
      reason instanceof TimedOut || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT';
    if (NOT_SENT.has(code)) return { verdict: 'retry', message, timedOut: false };
    if (timedOut && !this.answered) return { verdict: 'final', message, timedOut };
    return { verdict: 'ambiguous', message, timedOut };
  }
}

/** The body as text, refusing to buffer more than `max` bytes. */
async function readLimited(
  body: Dispatcher.ResponseData['body'],
  max: number,
  service: string,
  url: URL,
  status: number,
  contentType: string | undefined,
): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > max) {
      body.destroy();
      const head = Buffer.concat(chunks).toString('utf8', 0, 200);
      throw new ContractError(
        service,
        url.href,
        `an answer under ${Math.round(max / 1024)} KiB`,
        `more than that (${describeAnswer(status, contentType, head)})`,
        status,
      );
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
