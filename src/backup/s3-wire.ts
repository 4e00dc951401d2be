import type { Readable } from 'node:stream';
import type * as S3Sdk from '@aws-sdk/client-s3';
import type { S3Client } from '@aws-sdk/client-s3';
import { describeAnswer } from '../core/contract.js';
import { redactUrl } from '../core/secrets.js';
import { ENDPOINT_FAULTS, networkCode, seenAnswers, type SeenAnswer } from './s3-errors.js';
import { StoreError } from './store.js';

/** What the client needs to know of the connection (s3.ts's S3Connection). */
export interface WireOptions {
  endpoint?: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle?: boolean;
  onCommand?: (name: string) => void;
  /** The run's deadline: aborting it ends every request in flight at once, bodies included. */
  signal?: AbortSignal;
}

/** The only commands the verifier may send. Anything else is a bug and is refused before the wire. */
export const READ_COMMANDS = new Set([
  'HeadBucketCommand',
  'ListObjectsV2Command',
  'HeadObjectCommand',
  'GetObjectCommand',
  'GetBucketLifecycleConfigurationCommand',
  'ListObjectVersionsCommand',
]);

/** Commands whose answer is an S3 XML document (the others carry the object's own bytes or no body). */
const XML_COMMANDS = new Set([
  'ListObjectsV2Command',
  'GetBucketLifecycleConfigurationCommand',
  'ListObjectVersionsCommand',
]);

/** A listing or a head is a small answer: the whole request gets this long, trickled bytes or not. */
export const SMALL_ANSWER_TIMEOUT_MS = 20_000;
/** An error answer is kept (for its message) up to this size; S3's are a few hundred bytes. */
const ERROR_BODY_BYTES = 256 * 1024;

type Middleware = Parameters<S3Client['middlewareStack']['add']>[0];
interface RawResponse {
  statusCode: number;
  headers: Record<string, string>;
  body?: unknown;
}
interface RawRequest {
  protocol?: string;
  hostname?: string;
  port?: number;
  path?: string;
  query?: Record<string, string | string[] | null>;
}

/**
 * An S3 client that suits B2: SigV4 against an explicit endpoint and region, path style on request,
 * and checksum calculation/validation WHEN_REQUIRED (SDK >= 3.729 otherwise adds x-amz-checksum-mode
 * to every GET, which B2 has answered with 400 Unsupported header). Only read commands leave it, every
 * answer is checked before the SDK reads it, and every wait is bounded.
 */
export async function readOnlyClient(s3: typeof S3Sdk, options: WireOptions): Promise<S3Client> {
  const client: S3Client = new s3.S3Client({
    endpoint: options.endpoint,
    region: options.region,
    forcePathStyle: options.forcePathStyle,
    credentials:
      options.accessKeyId && options.secretAccessKey
        ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey }
        : undefined,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
    // requestTimeout is the longest silence on the socket: a server that stops answering ends the step.
    requestHandler: { connectionTimeout: 10_000, requestTimeout: 30_000 },
  });
  await giveUpOnWrongEndpoints(client);
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = context.commandName ?? 'unknown';
      // Observed before the guard, so a test sees every command the verifier tries, refused or not.
      options.onCommand?.(name);
      if (!READ_COMMANDS.has(name)) throw new Error(`refusing to send ${name}: backup-verify is read-only`);
      return next(args);
    },
    { step: 'initialize', name: 'runwayReadOnlyGuard' },
  );
  // At the deserialize step, added after the SDK's deserializer: it sees the raw response first.
  client.middlewareStack.add(answerContract(), { step: 'deserialize', name: 'runwayAnswerContract' });
  boundSends(client, options, [s3.ListObjectsV2Command, s3.HeadBucketCommand, s3.HeadObjectCommand]);
  return client;
}

/**
 * A host that does not resolve or a port where nothing listens is a wrong endpoint, not a blip: the
 * SDK's standard strategy would try it three times (with backoff) before saying so. A server that has
 * never answered is not waited for again either (the same rule as core/http.ts).
 */
async function giveUpOnWrongEndpoints(client: S3Client): Promise<void> {
  let answered = false;
  const standard = await client.config.retryStrategy();
  if (!('acquireInitialRetryToken' in standard)) return;
  client.config.retryStrategy = async () => ({
    acquireInitialRetryToken: (scope) => standard.acquireInitialRetryToken(scope),
    refreshRetryTokenForRetry: (token, info) => {
      const net = networkCode(info.error);
      if (net && ENDPOINT_FAULTS.has(net)) throw info.error;
      if (!answered && (info.error as { name?: string })?.name === 'TimeoutError') throw info.error;
      return standard.refreshRetryTokenForRetry(token, info);
    },
    recordSuccess: (token) => {
      answered = true;
      standard.recordSuccess(token);
    },
  });
}

/**
 * The raw answer, before the SDK parses it. An XML listing answered with anything but XML (a captive
 * portal's HTML, a proxy's error page) would parse as an empty listing and read as "no objects": it is a
 * clear error instead, naming the URL, what came and its first bytes. Error answers are read here too
 * (the SDK's error keeps the response but not its body), so any later message can quote them.
 */
function answerContract(): Middleware {
  return (next, context) => async (args) => {
    const result = await next(args);
    const response = result.response as RawResponse;
    const name = context.commandName ?? '';
    const contentType = response.headers?.['content-type'];
    const notXml = XML_COMMANDS.has(name) && !/xml/i.test(contentType ?? '');
    const failed = response.statusCode >= 300;
    if (!notXml && !failed) {
      // Kept without a body: a listing the SDK cannot parse is quoted from the text it keeps.
      if (XML_COMMANDS.has(name)) seenAnswers.set(response, seen(args.request, response, ''));
      return result;
    }
    const body = await readUpTo(response.body, notXml ? 4096 : ERROR_BODY_BYTES);
    const answer = seen(args.request, response, body.toString('utf8', 0, 400));
    if (notXml) throw notXmlError(answer, name);
    response.body = body;
    seenAnswers.set(response, answer);
    return result;
  };
}

function seen(request: unknown, response: RawResponse, head: string): SeenAnswer {
  return {
    url: requestUrl(request as RawRequest),
    status: response.statusCode,
    contentType: response.headers?.['content-type'],
    head,
  };
}

function notXmlError(answer: SeenAnswer, command: string): StoreError {
  return new StoreError(
    `S3 at ${answer.url} did not answer ${command.replace(/Command$/, '')} as expected: wanted an XML answer, got ${describeAnswer(answer.status, answer.contentType, answer.head)}.`,
    'NotXml',
    { input: 'endpoint', fix: 'check that endpoint is the S3 API address of the bucket (not a web page).' },
  );
}

/** The request's URL, secrets redacted (a presigned query would carry the signature). */
function requestUrl(request: RawRequest): string {
  const port = request.port ? `:${request.port}` : '';
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(request.query ?? {}))
    for (const value of Array.isArray(v) ? v : [v ?? '']) query.append(k, value);
  const search = query.size ? `?${query.toString()}` : '';
  return redactUrl(
    `${request.protocol ?? 'https:'}//${request.hostname ?? ''}${port}${request.path ?? '/'}${search}`,
  );
}

/** A body that trickles or stalls is quoted with what came within this long. */
const BODY_READ_MS = 2000;

/** At most `max` bytes of a body, or what arrived within BODY_READ_MS (the rest is not waited for). */
async function readUpTo(body: unknown, max: number): Promise<Buffer> {
  if (!body) return Buffer.alloc(0);
  if (body instanceof Uint8Array) return Buffer.from(body).subarray(0, max);
  const stream = body as Readable;
  const chunks: Buffer[] = [];
  let size = 0;
  const timer = setTimeout(() => stream.destroy(), BODY_READ_MS);
  try {
    for await (const chunk of stream) {
      chunks.push(Buffer.from(chunk as Uint8Array));
      size += (chunk as Uint8Array).length;
      if (size >= max) break;
    }
  } catch {
    // Cut off (by the timer, the run's deadline or the server): what came is enough to quote.
  } finally {
    clearTimeout(timer);
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, max);
}

/**
 * Every send carries the run's signal (its deadline aborts what is in flight), and small answers a
 * whole-request bound too: the SDK's requestTimeout is only the longest silence, so a server trickling a
 * byte a second would hold the step forever.
 */
function boundSends(
  client: S3Client,
  options: WireOptions,
  small: (abstract new (...args: never[]) => unknown)[],
): void {
  type Send = (command: unknown, sendOptions?: { abortSignal?: AbortSignal }) => Promise<unknown>;
  const send = client.send.bind(client) as Send;
  const bounded: Send = async (command, sendOptions) => {
    const timeout = small.some((type) => command instanceof type)
      ? AbortSignal.timeout(SMALL_ANSWER_TIMEOUT_MS)
      : undefined;
    const signals = [sendOptions?.abortSignal, options.signal, timeout].filter((s) => s !== undefined);
    try {
      return await send(command, {
        ...sendOptions,
        abortSignal: signals.length ? AbortSignal.any(signals) : undefined,
      });
    } catch (error) {
      // The run's deadline speaks for itself; a small answer's own bound names the server.
      if (options.signal?.aborted) throw options.signal.reason ?? error;
      if (!timeout?.aborted) throw error;
      throw new StoreError(
        `S3 at ${redactUrl(options.endpoint ?? 'AWS')} stopped answering: no complete answer within ${SMALL_ANSWER_TIMEOUT_MS / 1000}s; nothing was changed (backup-verify only reads).`,
        'Timeout',
        { input: 'endpoint', fix: 'check that the endpoint is up and answering, then run the step again.' },
      );
    }
  };
  (client as unknown as { send: Send }).send = bounded;
}
