import { getOctokit } from '@actions/github';
import { EnvHttpProxyAgent, fetch as undiciFetch } from 'undici';
import { ContractError, describeAnswer, isJsonContentType } from '../core/contract.js';
import { formatDuration } from '../core/duration.js';
import { ApiError, InputError } from '../core/errors.js';
import {
  isRetryableStatus,
  parseRetryAfter,
  retry,
  RetryableError,
  type RetryOptions,
} from '../core/retry.js';
import { registerSecret, scrub } from '../core/secrets.js';

export interface GitHubTarget {
  token: string;
  /** owner/name */
  repository: string;
  /** REST base URL; defaults to GITHUB_API_URL, then https://api.github.com. */
  apiUrl?: string;
  /** Backoff for reads that hit 429/5xx (tests pass a fast one). */
  retry?: RetryOptions;
  /** Longest wait for one request, answer included (default 20 s). */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 20_000;

export type Octokit = ReturnType<typeof getOctokit>;

export interface GitHubClient {
  octokit: Octokit;
  owner: string;
  repo: string;
  retry?: RetryOptions;
}

/** Validates the target before any call and registers the token so it never reaches a log or summary. */
export function githubClient(target: GitHubTarget): GitHubClient {
  if (!target.token) {
    throw new InputError(
      'github-token',
      'is empty.',
      'pass ${{ github.token }} or a token with the needed scopes.',
    );
  }
  registerSecret(target.token);
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(target.repository ?? '');
  if (!match) {
    throw new InputError(
      'repository',
      `"${target.repository}" is not owner/name.`,
      'use e.g. coconut-beach/voice-bot.',
    );
  }
  const baseUrl = (target.apiUrl || process.env.GITHUB_API_URL || 'https://api.github.com').replace(
    /\/+$/,
    '',
  );
  // getOctokit adds the Actions user agent and proxy support; log: silence octokit's console warnings.
  const timeoutMs = target.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const octokit = getOctokit(target.token, {
    baseUrl,
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    // Our own bounded fetch: the runner's proxy settings still apply (EnvHttpProxyAgent), and a server that
    // never answers, or trickles, ends at the timeout instead of holding the step.
    request: { fetch: boundedFetch(timeoutMs) },
  });
  octokit.hook.wrap(
    'request',
    (request, options) =>
      checkedRequest(
        request as unknown as RequestFn,
        options as unknown as Record<string, unknown>,
        timeoutMs,
      ) as unknown as ReturnType<typeof request>,
  );
  return { octokit, owner: match[1], repo: match[2], retry: target.retry };
}

/** undici's fetch with connect, first-byte and body-idle timeouts and one deadline for the whole request. */
function boundedFetch(timeoutMs: number): typeof fetch {
  const dispatcher = new EnvHttpProxyAgent({
    connect: { timeout: Math.min(10_000, timeoutMs) },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  return ((url: string, init: Record<string, unknown> = {}) =>
    undiciFetch(url, {
      ...init,
      dispatcher,
      signal: (init.signal as AbortSignal | undefined) ?? AbortSignal.timeout(timeoutMs),
    } as Parameters<typeof undiciFetch>[1])) as unknown as typeof fetch;
}

type RequestFn = (
  options: Record<string, unknown>,
) => Promise<{ status: number; url: string; headers: Record<string, unknown>; data: unknown }>;

/**
 * Every GitHub call bounded (one timeout for the whole request) and its answer checked before anyone
 * reads it: a JSON body where one is due, otherwise a ContractError naming GitHub, the URL and the first
 * bytes. Errors leave here scrubbed, so a 500 that echoes the Authorization header cannot leak it.
 */
async function checkedRequest(
  request: RequestFn,
  options: Record<string, unknown>,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<Awaited<ReturnType<RequestFn>>> {
  const requestOptions = (options.request ?? {}) as Record<string, unknown>;
  const signal = AbortSignal.timeout(timeoutMs);
  let response: Awaited<ReturnType<RequestFn>>;
  try {
    response = await request({ ...options, request: { ...requestOptions, signal } });
  } catch (error) {
    if (signal.aborted) {
      throw new ApiError(
        scrub(
          `GitHub API ${String(options.method)} ${String(options.url)} did not answer within ${formatDuration(timeoutMs)}`,
        ),
        0,
      );
    }
    if (error instanceof Error) error.message = scrub(error.message);
    throw error;
  }
  const type = String(response.headers['content-type'] ?? '');
  const empty = response.status === 204 || response.data === undefined || response.data === '';
  if (!empty && !isJsonContentType(type)) {
    const text = typeof response.data === 'string' ? response.data : JSON.stringify(response.data);
    throw new ContractError(
      'GitHub API',
      response.url,
      'a JSON answer',
      describeAnswer(response.status, type, text),
      response.status,
    );
  }
  return response;
}

export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown })?.status;
  return typeof status === 'number' ? status : undefined;
}

/**
 * Retries a call that is safe to repeat (reads, closing an issue) on 429/5xx with backoff, honouring
 * Retry-After. Creates are not retried: a 502 after GitHub stored the issue would open a duplicate.
 */
export function idempotent<T>(client: GitHubClient, call: () => Promise<T>): Promise<T> {
  return retry(
    async () => {
      try {
        return await call();
      } catch (error) {
        const status = statusOf(error);
        if (status !== undefined && isRetryableStatus(status)) {
          const header = (error as { response?: { headers?: Record<string, string> } }).response?.headers?.[
            'retry-after'
          ];
          throw new RetryableError(`GitHub answered ${status}`, parseRetryAfter(header), { cause: error });
        }
        throw error;
      }
    },
    { retries: 4, baseMs: 500, maxMs: 8000, ...client.retry },
  ).catch((error: unknown) => {
    if (error instanceof RetryableError) throw (error.cause as Error) ?? error;
    throw error;
  });
}
