import { getOctokit } from '@actions/github';
import { InputError } from '../core/errors.js';
import {
  isRetryableStatus,
  parseRetryAfter,
  retry,
  RetryableError,
  type RetryOptions,
} from '../core/retry.js';
import { registerSecret } from '../core/secrets.js';

export interface GitHubTarget {
  token: string;
  /** owner/name */
  repository: string;
  /** REST base URL; defaults to GITHUB_API_URL, then https://api.github.com. */
  apiUrl?: string;
  /** Backoff for reads that hit 429/5xx (tests pass a fast one). */
  retry?: RetryOptions;
}

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
  const octokit = getOctokit(target.token, {
    baseUrl,
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
  return { octokit, owner: match[1], repo: match[2], retry: target.retry };
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
