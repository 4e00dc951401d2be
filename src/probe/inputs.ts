import { InputError } from '../core/errors.js';
import { checkHeaderValue, parseUrl, type InputReader } from '../core/inputs.js';
import { registerSecret } from '../core/secrets.js';
import { isSecretHeader, parseHeaders } from './headers.js';
import { parseStatusRanges } from './status.js';
import { parseTargets, urlTargetName, type NamedTarget } from './targets.js';
import { parseThresholds, type Threshold } from './thresholds.js';
import type { ProbeOptions } from './types.js';

export interface ProbeInputs {
  options: ProbeOptions;
  thresholds: Threshold[];
  failOnBreach: boolean;
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/**
 * Reads and checks every latency-probe input, so any mistake fails here, before a single request.
 * Shared by the latency-probe action, the root one-step action and the CLI (anything with an
 * InputReader); the input names are the action.yml's.
 */
export function readProbeInputs(inputs: InputReader): ProbeInputs {
  const { urls, names, named } = readTargets(inputs);
  const baselineText = inputs.optional('baseline-url');
  const baseline = baselineText === undefined ? undefined : parseUrl('baseline-url', baselineText);
  registerUrlSecrets([...urls, ...(baseline ? [baseline] : [])]);
  const load = readLoad(inputs);
  const request = readRequest(inputs);
  return {
    options: { urls, names, baseline, ...load, ...request },
    thresholds: readThresholds(inputs, named, baseline),
    failOnBreach: inputs.bool('fail-on-breach', true),
  };
}

/** `url` lines, then named `targets`: one URL and one unique name each. */
function readTargets(inputs: InputReader): { urls: URL[]; names: string[]; named: NamedTarget[] } {
  const urlLines = inputs.list('url');
  const named = parseTargets(inputs.list('targets'));
  if (urlLines.length === 0 && named.length === 0)
    throw new InputError(
      'url',
      'is required but empty (and no targets are set).',
      'set it, e.g. url: https://voice-bot.fly.dev/health, or name several targets with targets:.',
    );
  const plain = urlLines.map((line) => parseUrl('url', line));
  const urls = [...plain, ...named.map((t) => t.url)];
  const names = [...plain.map(urlTargetName), ...named.map((t) => t.name)];
  const clash = names.find((name, k) => names.indexOf(name) !== k);
  if (clash !== undefined)
    throw new InputError(
      named.some((t) => t.name === clash) ? 'targets' : 'url',
      `"${clash}" names two targets.`,
      'probe each URL once, and give every target its own name.',
    );
  return { urls, names, named };
}

/** A password in a URL, or a token in its query, is a credential like any other. */
function registerUrlSecrets(urls: URL[]): void {
  for (const url of urls) {
    if (url.password) {
      registerSecret(decodeURIComponent(url.password));
      registerSecret(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`);
    }
    for (const [name, value] of url.searchParams) if (isSecretHeader(name)) registerSecret(value);
  }
}

/** How many requests, how fast, how many in flight, and how long each may take. */
function readLoad(inputs: InputReader) {
  const requests = inputs.int('requests', 300, { min: 1, max: 1_000_000 });
  const rate = inputs.number('rate', 10, { min: 0, max: 100_000 });
  const concurrency = inputs.int('concurrency', 10, { min: 0, max: 10_000 });
  if (concurrency === 0) {
    throw new InputError(
      'concurrency',
      rate > 0
        ? `0 allows no request in flight, so rate ${rate}/s could never be sent.`
        : '0 allows no request in flight.',
      'set concurrency to at least 1 (e.g. 10).',
    );
  }
  const warmup = inputs.int('warmup', 10, { min: 0, max: 100_000 });
  const timeoutMs = inputs.duration('timeout', '10s', { min: 1, max: 600_000 });
  return { requests, rate, concurrency, warmup, timeoutMs };
}

/** What each request is: method, headers (secret ones remembered), body, and the statuses that count. */
function readRequest(inputs: InputReader) {
  const method = inputs.enumOf('method', METHODS, 'GET');
  const { headers, secretNames } = parseHeaders(inputs.string('headers', ''));
  for (const [name, value] of Object.entries(headers)) checkHeaderValue('headers', name, value);
  const body = inputs.optional('body');
  if (body !== undefined && (method === 'GET' || method === 'HEAD')) {
    throw new InputError(
      'body',
      `a ${method} request cannot carry a body.`,
      'set method: POST (or PUT/PATCH), or remove body.',
    );
  }
  const expectStatus = parseStatusRanges(inputs.string('expect-status', '200-399'));
  return { method, headers, body, expectStatus, secretHeaders: secretNames };
}

/** `thresholds` for every target plus each named target's own; a baseline comparison needs baseline-url. */
function readThresholds(inputs: InputReader, named: NamedTarget[], baseline: URL | undefined): Threshold[] {
  const thresholds = [
    ...parseThresholds(inputs.string('thresholds', '')),
    ...named.flatMap((t) => t.thresholds),
  ];
  const relative = thresholds.find((t) => t.limit.kind === 'baseline');
  if (relative && !baseline) {
    throw new InputError(
      relative.target === undefined ? 'thresholds' : 'targets',
      `"${relative.text}" compares with the baseline, but baseline-url is not set.`,
      'set baseline-url, or give an absolute limit such as p95 < 200ms.',
    );
  }
  return thresholds;
}
