import type { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import { redactUrl } from '../core/secrets.js';
import {
  StoreError,
  type LifecycleAnswer,
  type ObjectHead,
  type ObjectStore,
  type ObjectVersion,
  type StoredObject,
} from './store.js';

export interface S3Connection {
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle?: boolean;
  /** Observes every command name the client tries to send, before the read-only guard (tests assert the set). */
  onCommand?: (name: string) => void;
  /** Keys per listing page (S3's default 1,000); tests lower it to exercise continuation tokens. */
  listPageSize?: number;
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

interface AwsError {
  name?: string;
  Code?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number };
  $response?: { headers?: Record<string, string> };
  cause?: unknown;
}

/** Network errors that say the endpoint is wrong; retrying them only delays the message. */
const ENDPOINT_FAULTS = new Set(['ENOTFOUND', 'ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH']);

function networkCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (
      typeof code === 'string' &&
      /^(E[A-Z_]+|ERR_TLS_\w+|CERT_\w+|DEPTH_ZERO_SELF_SIGNED_CERT|UNABLE_TO_\w+|SELF_SIGNED_CERT_IN_CHAIN)$/.test(
        code,
      )
    )
      return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Turns what S3 (and B2's S3 API) answer into what the user should change. The SDK's retry strategy
 * already leaves 4xx alone; these errors are final.
 */
export function describeS3Error(
  error: unknown,
  connection: S3Connection,
  operation: string,
  key?: string,
): Error {
  if (error instanceof StoreError) return error;
  const e = (error ?? {}) as AwsError;
  const code = e.name ?? e.Code ?? e.code ?? 'Error';
  const status = e.$metadata?.httpStatusCode;
  const where = connection.endpoint ?? `AWS S3 (${connection.region})`;
  const what = key ? `'${key}'` : `bucket '${connection.bucket}'`;
  const net = networkCode(error);
  if (net) {
    const attempts = e.$metadata?.attempts;
    const tried = attempts ? `, ${attempts} attempt${attempts === 1 ? '' : 's'}` : '';
    if (net === 'ENOTFOUND' || net === 'EAI_AGAIN') {
      return new StoreError(
        `cannot resolve the endpoint host of ${where} (${net}${tried}).`,
        'EndpointNotFound',
        {
          input: 'endpoint',
          fix: 'check the endpoint; for Backblaze B2 it is https://s3.<region>.backblazeb2.com, e.g. https://s3.us-west-004.backblazeb2.com.',
          cause: error,
        },
      );
    }
    if (net === 'ECONNREFUSED' || net === 'EHOSTUNREACH' || net === 'ENETUNREACH') {
      return new StoreError(`nothing answers at ${where} (${net}${tried}).`, 'EndpointUnreachable', {
        input: 'endpoint',
        fix: 'check the endpoint URL and port.',
        cause: error,
      });
    }
    if (/CERT|TLS|SELF_SIGNED|UNABLE_TO/.test(net)) {
      return new StoreError(`the TLS certificate of ${where} was not accepted (${net}).`, 'EndpointTls', {
        input: 'endpoint',
        fix: 'check the endpoint host name; B2 endpoints are https://s3.<region>.backblazeb2.com.',
        cause: error,
      });
    }
  }
  const message = (e.message ?? '').slice(0, 300);
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
    case 'IllegalLocationConstraintException': {
      const expected =
        /expecting '([^']+)'/.exec(message)?.[1] ?? e.$response?.headers?.['x-amz-bucket-region'];
      return new StoreError(
        `bucket '${connection.bucket}' is not in region '${connection.region}'${expected ? ` (the server expects '${expected}')` : ''}.`,
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
    case 'NoSuchBucket':
      return new StoreError(`bucket '${connection.bucket}' does not exist at ${where}.`, code, {
        input: 'bucket',
        fix: 'check the bucket name, and that endpoint and region are the ones the bucket lives in.',
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
  if (status === 301) {
    return new StoreError(
      `bucket '${connection.bucket}' lives in another region than '${connection.region}'.`,
      'WrongRegion',
      {
        input: 'region',
        fix: `set region${e.$response?.headers?.['x-amz-bucket-region'] ? `: ${e.$response.headers['x-amz-bucket-region']}` : ''} and the matching endpoint.`,
        cause: error,
      },
    );
  }
  if (status === 404 && key) {
    return new StoreError(`${what} disappeared while it was being verified.`, 'NoSuchKey', { cause: error });
  }
  if (status === 404 && !key) {
    return new StoreError(`bucket '${connection.bucket}' does not exist at ${where}.`, 'NoSuchBucket', {
      input: 'bucket',
      fix: 'check the bucket name, and that endpoint and region are the ones the bucket lives in.',
      cause: error,
    });
  }
  if (status === 403) {
    return new StoreError(
      `access denied (403) while trying to ${operation} ${what} at ${where}.`,
      'AccessDenied',
      {
        input: 'access-key-id',
        fix: 'check the key id and secret, that the key may read this bucket, and that region matches the endpoint.',
        cause: error,
      },
    );
  }
  if (status !== undefined && status >= 500) {
    return new StoreError(
      `${where} answered ${code} (HTTP ${status}) to ${operation} ${what}, also on retry: the store is failing, which says nothing yet about the backups.`,
      'StoreUnavailable',
      {
        fix: "run again later, and check the provider's status page (status.backblaze.com for B2).",
        cause: error,
      },
    );
  }
  if (status === 400 && /Unsupported header/i.test(message)) {
    return new StoreError(`${where} rejected a checksum header: ${message}`, 'UnsupportedHeader', {
      cause: error,
    });
  }
  const text = `${operation} ${what} at ${where} failed: ${code}${status ? ` (HTTP ${status})` : ''}${message && message !== code ? `: ${message}` : ''}`;
  return new Error(text, { cause: error });
}

/** Commands whose answer is an S3 XML document (the others carry the object's own bytes or no body). */
const XML_COMMANDS = new Set([
  'ListObjectsV2Command',
  'GetBucketLifecycleConfigurationCommand',
  'ListObjectVersionsCommand',
]);

/**
 * An XML listing answered with anything but XML (a captive portal's HTML, a proxy's error page) would
 * parse as an empty listing and read as "no objects": it is a clear error instead, naming the endpoint,
 * what came and its first bytes.
 */
function xmlAnswersOnly(connection: S3Connection): Parameters<S3Client['middlewareStack']['add']>[0] {
  return (next, context) => async (args) => {
    const result = await next(args);
    const response = result.response as { statusCode?: number; headers?: Record<string, string> };
    const type = response?.headers?.['content-type'] ?? '';
    if (XML_COMMANDS.has(context.commandName ?? '') && !/xml/i.test(type)) {
      throw new StoreError(
        `S3 at ${redactUrl(connection.endpoint ?? 'AWS')} did not answer ${context.commandName?.replace(/Command$/, '')} as expected: wanted an XML answer, got HTTP ${response?.statusCode} ${type || '(no content type)'}.`,
        'NotXml',
        {
          input: 'endpoint',
          fix: 'check that endpoint is the S3 API address of the bucket (not a web page).',
        },
      );
    }
    return result;
  };
}

/** A listing or a head is a small answer: the whole request gets this long, trickled bytes or not. */
export const SMALL_ANSWER_TIMEOUT_MS = 20_000;

/**
 * Bounds the whole request of the given commands (the SDK's requestTimeout is only the longest silence,
 * so a server trickling a byte a second would hold the step forever).
 */
function boundSmallAnswers(
  client: S3Client,
  connection: S3Connection,
  commands: (abstract new (...args: never[]) => unknown)[],
): void {
  const send = client.send.bind(client) as (
    command: unknown,
    options?: { abortSignal?: AbortSignal },
  ) => Promise<unknown>;
  const bounded = async (command: unknown, options?: { abortSignal?: AbortSignal }) => {
    if (!commands.some((type) => command instanceof type) || options?.abortSignal)
      return send(command, options);
    const abortSignal = AbortSignal.timeout(SMALL_ANSWER_TIMEOUT_MS);
    try {
      return await send(command, { abortSignal });
    } catch (error) {
      if (!abortSignal.aborted) throw error;
      throw new StoreError(
        `S3 at ${redactUrl(connection.endpoint ?? 'AWS')} stopped answering: no complete answer within ${SMALL_ANSWER_TIMEOUT_MS / 1000}s; nothing was changed (backup-verify only reads).`,
        'Timeout',
        { input: 'endpoint', fix: 'check that the endpoint is up and answering, then run the step again.' },
      );
    }
  };
  (client as unknown as { send: typeof bounded }).send = bounded;
}

/**
 * An S3 client that suits B2: SigV4 against an explicit endpoint and region, path style on request,
 * and checksum calculation/validation WHEN_REQUIRED (SDK >= 3.729 otherwise adds x-amz-checksum-mode
 * to every GET, which B2 has answered with 400 Unsupported header). Only read commands leave it.
 */
export async function createS3Store(connection: S3Connection): Promise<ObjectStore> {
  const s3 = await import('@aws-sdk/client-s3');
  const client: S3Client = new s3.S3Client({
    endpoint: connection.endpoint,
    region: connection.region,
    forcePathStyle: connection.forcePathStyle,
    credentials:
      connection.accessKeyId && connection.secretAccessKey
        ? { accessKeyId: connection.accessKeyId, secretAccessKey: connection.secretAccessKey }
        : undefined,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
    // requestTimeout is the longest silence on the socket: a server that stops answering ends the step.
    requestHandler: { connectionTimeout: 10_000, requestTimeout: 30_000 },
  });
  let answered = false;
  // A host that does not resolve or a port where nothing listens is a wrong endpoint, not a blip: the
  // SDK's standard strategy would try it three times (with backoff) before saying so.
  const standard = await client.config.retryStrategy();
  if ('acquireInitialRetryToken' in standard) {
    client.config.retryStrategy = async () => ({
      acquireInitialRetryToken: (scope) => standard.acquireInitialRetryToken(scope),
      refreshRetryTokenForRetry: (token, info) => {
        const net = networkCode(info.error);
        if (net && ENDPOINT_FAULTS.has(net)) throw info.error;
        // A server that has never answered is not waited for again (the same rule as core/http.ts).
        if (!answered && (info.error as { name?: string })?.name === 'TimeoutError') throw info.error;
        return standard.refreshRetryTokenForRetry(token, info);
      },
      recordSuccess: (token) => {
        answered = true;
        standard.recordSuccess(token);
      },
    });
  }
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = context.commandName ?? 'unknown';
      // Observed before the guard, so a test sees every command the verifier tries, refused or not.
      connection.onCommand?.(name);
      if (!READ_COMMANDS.has(name)) throw new Error(`refusing to send ${name}: backup-verify is read-only`);
      return next(args);
    },
    { step: 'initialize', name: 'runwayReadOnlyGuard' },
  );
  client.middlewareStack.add(xmlAnswersOnly(connection), { step: 'deserialize', name: 'runwayXmlContract' });
  boundSmallAnswers(client, connection, [
    s3.ListObjectsV2Command,
    s3.HeadBucketCommand,
    s3.HeadObjectCommand,
  ]);
  const Bucket = connection.bucket;
  const send = async <T>(operation: string, key: string | undefined, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw describeS3Error(error, connection, operation, key);
    }
  };

  return {
    description: `s3://${Bucket} at ${connection.endpoint ?? 'AWS'}`,
    async check() {
      await send('list', undefined, () => client.send(new s3.ListObjectsV2Command({ Bucket, MaxKeys: 1 })));
    },
    async list(prefix) {
      const objects: StoredObject[] = [];
      let token: string | undefined;
      do {
        const page = await send('list', undefined, () =>
          client.send(
            new s3.ListObjectsV2Command({
              Bucket,
              Prefix: prefix || undefined,
              ContinuationToken: token,
              MaxKeys: connection.listPageSize,
            }),
          ),
        );
        for (const item of page.Contents ?? []) {
          if (!item.Key) continue;
          objects.push({
            key: item.Key,
            size: item.Size ?? 0,
            lastModified: item.LastModified ?? new Date(0),
            etag: item.ETag?.replace(/"/g, ''),
          });
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return objects;
    },
    async listFolders(prefix) {
      const page = await send('list', undefined, () =>
        client.send(
          new s3.ListObjectsV2Command({ Bucket, Prefix: prefix || undefined, Delimiter: '/', MaxKeys: 50 }),
        ),
      );
      return (page.CommonPrefixes ?? []).map((p) => p.Prefix ?? '').filter(Boolean);
    },
    async head(key): Promise<ObjectHead> {
      const answer = await send('read', key, () =>
        client.send(new s3.HeadObjectCommand({ Bucket, Key: key })),
      );
      return {
        size: answer.ContentLength ?? 0,
        etag: answer.ETag?.replace(/"/g, ''),
        metadata: Object.fromEntries(
          Object.entries(answer.Metadata ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
        ),
        serverSideEncryption: answer.ServerSideEncryption,
        sseCustomerAlgorithm: answer.SSECustomerAlgorithm,
      };
    },
    async get(key) {
      const answer = await send('read', key, () =>
        client.send(new s3.GetObjectCommand({ Bucket, Key: key })),
      );
      return { body: answer.Body as Readable, size: answer.ContentLength };
    },
    async getText(key, maxBytes = 4 * 1024 * 1024) {
      const answer = await send('read', key, () =>
        client.send(new s3.GetObjectCommand({ Bucket, Key: key })),
      );
      const body = answer.Body as Readable;
      const chunks: Buffer[] = [];
      let total = 0;
      for await (const chunk of body) {
        total += (chunk as Buffer).length;
        if (total > maxBytes) {
          body.destroy();
          throw new StoreError(
            `'${key}' is larger than ${maxBytes} bytes; it is not a checksum file.`,
            'TooLarge',
          );
        }
        chunks.push(chunk as Buffer);
      }
      return Buffer.concat(chunks).toString('utf8');
    },
    async lifecycle(): Promise<LifecycleAnswer> {
      try {
        const answer = await client.send(new s3.GetBucketLifecycleConfigurationCommand({ Bucket }));
        return {
          rules: (answer.Rules ?? []).map((rule) => ({
            id: rule.ID,
            prefix:
              rule.Filter?.Prefix ?? rule.Filter?.And?.Prefix ?? (rule as { Prefix?: string }).Prefix ?? '',
            enabled: rule.Status === 'Enabled',
            expirationDays: rule.Expiration?.Days,
            noncurrentDays: rule.NoncurrentVersionExpiration?.NoncurrentDays,
          })),
        };
      } catch (error) {
        const e = error as AwsError;
        const code = e.name ?? e.Code ?? 'Error';
        if (code === 'NoSuchLifecycleConfiguration') return { rules: [] };
        return {
          unavailable: `${code}${e.$metadata?.httpStatusCode ? ` (HTTP ${e.$metadata.httpStatusCode})` : ''}`,
        };
      }
    },
    async versions(prefix) {
      const versions: ObjectVersion[] = [];
      let keyMarker: string | undefined;
      let versionMarker: string | undefined;
      try {
        for (let page = 0; page < 100; page++) {
          const answer = await client.send(
            new s3.ListObjectVersionsCommand({
              Bucket,
              Prefix: prefix || undefined,
              KeyMarker: keyMarker,
              VersionIdMarker: versionMarker,
            }),
          );
          for (const v of answer.Versions ?? []) {
            if (v.Key)
              versions.push({
                key: v.Key,
                lastModified: v.LastModified ?? new Date(0),
                isLatest: Boolean(v.IsLatest),
                deleteMarker: false,
              });
          }
          for (const m of answer.DeleteMarkers ?? []) {
            if (m.Key)
              versions.push({
                key: m.Key,
                lastModified: m.LastModified ?? new Date(0),
                isLatest: Boolean(m.IsLatest),
                deleteMarker: true,
              });
          }
          if (!answer.IsTruncated) break;
          keyMarker = answer.NextKeyMarker;
          versionMarker = answer.NextVersionIdMarker;
        }
        return { versions };
      } catch (error) {
        const e = error as AwsError;
        return {
          unavailable: `${e.name ?? e.Code ?? 'Error'}${e.$metadata?.httpStatusCode ? ` (HTTP ${e.$metadata.httpStatusCode})` : ''}`,
        };
      }
    },
  };
}
