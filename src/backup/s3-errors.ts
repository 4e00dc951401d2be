import { describeAnswer } from '../core/contract.js';
import { redactUrl } from '../core/secrets.js';
import { StoreError } from './store.js';

/** What describeS3Error needs of the connection: where the bucket is. */
interface S3Place {
  endpoint?: string;
  region: string;
  bucket: string;
}

/** The fields of an AWS SDK error (or a deserialization failure) that say what went wrong. */
export interface AwsError {
  name?: string;
  Code?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number };
  $response?: { statusCode?: number; headers?: Record<string, string>; body?: unknown };
  cause?: unknown;
}

/** How an answer looked on the wire, kept by the answer-contract middleware (s3-wire.ts). */
export interface SeenAnswer {
  /** The request's URL, secrets redacted. */
  url: string;
  status: number;
  contentType?: string;
  /** The body's first bytes as text. */
  head: string;
}

/**
 * Raw answers the SDK's deserializer consumed: its error carries the response object (`$response`) but
 * not the body, so the middleware files what it read here, under that same object.
 */
export const seenAnswers = new WeakMap<object, SeenAnswer>();

/** Network errors that say the endpoint is wrong; retrying them only delays the message. */
export const ENDPOINT_FAULTS = new Set(['ENOTFOUND', 'ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH']);

const NETWORK_CODE =
  /^(E[A-Z_]+|ERR_TLS_\w+|CERT_\w+|DEPTH_ZERO_SELF_SIGNED_CERT|UNABLE_TO_\w+|SELF_SIGNED_CERT_IN_CHAIN)$/;

/** The Node network error code somewhere in the error's cause chain (the SDK wraps it). */
export function networkCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODE.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Names used in every message: the endpoint, and the object (or the bucket) the operation was on. */
interface Context {
  error: unknown;
  e: AwsError;
  code: string;
  status?: number;
  message: string;
  where: string;
  what: string;
  operation: string;
  place: S3Place;
  key?: string;
}

/**
 * Turns what S3 (and B2's S3 API) answer into what the user should change. The SDK's retry strategy
 * already leaves 4xx alone; these errors are final.
 */
export function describeS3Error(error: unknown, place: S3Place, operation: string, key?: string): Error {
  if (error instanceof StoreError) return error;
  const e = (error ?? {}) as AwsError;
  const ctx: Context = {
    error,
    e,
    code: e.name ?? e.Code ?? e.code ?? 'Error',
    status: e.$metadata?.httpStatusCode,
    message: (e.message ?? '').slice(0, 300),
    where: redactUrl(place.endpoint ?? `AWS S3 (${place.region})`),
    what: key ? `'${key}'` : `bucket '${place.bucket}'`,
    operation,
    place,
    key,
  };
  return (
    networkFault(ctx) ??
    knownCode(ctx) ??
    unusableAnswer(ctx) ??
    byStatus(ctx) ??
    new Error(
      `${operation} ${ctx.what} at ${ctx.where} failed: ${ctx.code}${ctx.status ? ` (HTTP ${ctx.status})` : ''}${ctx.message && ctx.message !== ctx.code ? `: ${ctx.message}` : ''}${cameLine(e)}`,
      { cause: error },
    )
  );
}

/** "; the answer was HTTP 502 text/html "<html>…"" when the middleware saw the body, else nothing. */
function cameLine(e: AwsError): string {
  const seen = answerOf(e);
  return seen ? `; the answer was ${describeAnswer(seen.status, seen.contentType, seen.head)}` : '';
}

/** What the wire carried for this error: filed by the middleware, or the body the deserializer kept. */
function answerOf(e: AwsError): SeenAnswer | undefined {
  const response = e.$response;
  if (!response || typeof response !== 'object') return undefined;
  const seen = seenAnswers.get(response);
  // The deserializer puts the text it failed to parse back on the response (smithy's deserializerMiddleware).
  const kept = typeof response.body === 'string' ? response.body.slice(0, 400) : '';
  if (seen) return seen.head || !kept ? seen : { ...seen, head: kept };
  if (!kept) return undefined;
  return {
    url: '',
    status: response.statusCode ?? 0,
    contentType: response.headers?.['content-type'],
    head: kept,
  };
}

/** No answer at all: a host that does not resolve, a port where nothing listens, a refused certificate. */
function networkFault({ error, e, where }: Context): StoreError | undefined {
  const net = networkCode(error);
  if (!net) return undefined;
  const attempts = e.$metadata?.attempts;
  const tried = attempts ? `, ${attempts} attempt${attempts === 1 ? '' : 's'}` : '';
  if (net === 'ENOTFOUND' || net === 'EAI_AGAIN')
    return new StoreError(
      `cannot resolve the endpoint host of ${where} (${net}${tried}).`,
      'EndpointNotFound',
      {
        input: 'endpoint',
        fix: 'check the endpoint; for Backblaze B2 it is https://s3.<region>.backblazeb2.com, e.g. https://s3.us-west-004.backblazeb2.com.',
        cause: error,
      },
    );
  if (net === 'ECONNREFUSED' || net === 'EHOSTUNREACH' || net === 'ENETUNREACH')
    return new StoreError(`nothing answers at ${where} (${net}${tried}).`, 'EndpointUnreachable', {
      input: 'endpoint',
      fix: 'check the endpoint URL and port.',
      cause: error,
    });
  if (net === 'ECONNRESET' || net === 'EPIPE')
    // Node words this "socket hang up", and the SDK names it TimeoutError: neither says who hung up.
    return new StoreError(
      `${where} closed the connection before it answered (${net}${tried}).`,
      'ConnectionReset',
      {
        input: 'endpoint',
        fix: 'check that the endpoint is an S3 API (for B2, https://s3.<region>.backblazeb2.com) and that no proxy or firewall cuts the connection; then run again.',
        cause: error,
      },
    );
  if (/CERT|TLS|SELF_SIGNED|UNABLE_TO/.test(net))
    return new StoreError(`the TLS certificate of ${where} was not accepted (${net}).`, 'EndpointTls', {
      input: 'endpoint',
      fix: 'check the endpoint host name; B2 endpoints are https://s3.<region>.backblazeb2.com.',
      cause: error,
    });
  return undefined;
}

const BUCKET_FIX = 'check the bucket name, and that endpoint and region are the ones the bucket lives in.';

/** S3's own error codes: each says which input is wrong. */
function knownCode(ctx: Context): StoreError | undefined {
  const { code, error, where, place, what, operation } = ctx;
  switch (code) {
    case 'InvalidAccessKeyId':
      return new StoreError(`${where} does not know this access key id.`, code, {
        input: 'access-key-id',
        fix: "use an application key id from this account (a B2 key works only at its own account region's endpoint, and the master key cannot use the S3 API).",
        cause: error,
      });
    case 'SignatureDoesNotMatch':
      return new StoreError(`the secret access key does not match the access key id at ${where}.`, code, {
        input: 'secret-access-key',
        fix: 'copy the application key (secret) that belongs to this key id; it is shown only once when the key is created.',
        cause: error,
      });
    case 'AuthorizationHeaderMalformed':
    case 'PermanentRedirect':
    case 'IllegalLocationConstraintException':
      return wrongRegion(ctx);
    case 'NoSuchBucket':
      return new StoreError(`bucket '${place.bucket}' does not exist at ${where}.`, code, {
        input: 'bucket',
        fix: BUCKET_FIX,
        cause: error,
      });
    case 'AccessDenied':
    case 'AllAccessDisabled':
      return new StoreError(`access denied: the key may not ${operation} ${what}.`, 'AccessDenied', {
        input: 'access-key-id',
        fix: 'give the key read access to this bucket (B2 capabilities listBuckets, listFiles, readFiles; S3 s3:ListBucket and s3:GetObject) and check the key is not restricted to another bucket or prefix.',
        cause: error,
      });
    case 'NoSuchKey':
      return new StoreError(`${what} disappeared while it was being verified.`, code, { cause: error });
  }
  return undefined;
}

/** The bucket lives elsewhere: the server's own hint (message or header) becomes the fix. */
function wrongRegion({ message, e, place, error }: Context): StoreError {
  const expected = /expecting '([^']+)'/.exec(message)?.[1] ?? e.$response?.headers?.['x-amz-bucket-region'];
  return new StoreError(
    `bucket '${place.bucket}' is not in region '${place.region}'${expected ? ` (the server expects '${expected}')` : ''}.`,
    'WrongRegion',
    {
      input: 'region',
      fix: expected
        ? `set region: ${expected} (and the endpoint of that region).`
        : "set region (and endpoint) to the bucket's region, e.g. us-west-004 with https://s3.us-west-004.backblazeb2.com.",
      cause: error,
    },
  );
}

/**
 * A 2xx the SDK could not read (XML cut off, garbage under an XML content type): the store did not
 * answer as S3 does, so nothing can be concluded about the backups; the message quotes what came.
 */
function unusableAnswer({ e, status, where, operation, what, error }: Context): StoreError | undefined {
  const seen = answerOf(e);
  const answered = status ?? seen?.status;
  if (!seen || answered === undefined || answered < 200 || answered >= 300) return undefined;
  return new StoreError(
    `S3 at ${seen.url || where} did not answer as expected (to ${operation} ${what}): wanted a well-formed XML answer, got ${describeAnswer(answered, seen.contentType, seen.head)}.`,
    'NotXml',
    { input: 'endpoint', fix: 'check that endpoint is the S3 API address of the bucket.', cause: error },
  );
}

/** No S3 error code to go by: the status says enough (redirect, missing, forbidden, failing). */
function byStatus(ctx: Context): StoreError | undefined {
  const { status, e, place, where, what, key, operation, error, code, message } = ctx;
  if (status === 301) {
    const region = e.$response?.headers?.['x-amz-bucket-region'];
    return new StoreError(
      `bucket '${place.bucket}' lives in another region than '${place.region}'.`,
      'WrongRegion',
      {
        input: 'region',
        fix: `set region${region ? `: ${region}` : ''} and the matching endpoint.`,
        cause: error,
      },
    );
  }
  if (status === 404 && key)
    return new StoreError(`${what} disappeared while it was being verified.`, 'NoSuchKey', { cause: error });
  if (status === 404)
    return new StoreError(`bucket '${place.bucket}' does not exist at ${where}.`, 'NoSuchBucket', {
      input: 'bucket',
      fix: BUCKET_FIX,
      cause: error,
    });
  if (status === 403)
    return new StoreError(
      `access denied (403) while trying to ${operation} ${what} at ${where}.`,
      'AccessDenied',
      {
        input: 'access-key-id',
        fix: 'check the key id and secret, that the key may read this bucket, and that region matches the endpoint.',
        cause: error,
      },
    );
  if (status !== undefined && status >= 500)
    return new StoreError(
      `${where} answered ${code} (HTTP ${status}) to ${operation} ${what}, also on retry: the store is failing, which says nothing yet about the backups${cameLine(e)}.`,
      'StoreUnavailable',
      {
        fix: "run again later, and check the provider's status page (status.backblaze.com for B2).",
        cause: error,
      },
    );
  if (status === 400 && /Unsupported header/i.test(message))
    return new StoreError(`${where} rejected a checksum header: ${message}`, 'UnsupportedHeader', {
      cause: error,
    });
  return undefined;
}
