import type { Readable } from 'node:stream';
import type * as S3Sdk from '@aws-sdk/client-s3';
import type { S3Client } from '@aws-sdk/client-s3';
import { describeS3Error, type AwsError } from './s3-errors.js';
import { readOnlyClient, type WireOptions } from './s3-wire.js';
import {
  StoreError,
  type LifecycleAnswer,
  type ObjectHead,
  type ObjectStore,
  type ObjectVersion,
  type StoredObject,
} from './store.js';

export { READ_COMMANDS, SMALL_ANSWER_TIMEOUT_MS } from './s3-wire.js';

export interface S3Connection extends WireOptions {
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

/** One bucket through the read-only client: the SDK module, the client, and where errors point. */
interface Bucket {
  s3: typeof S3Sdk;
  client: S3Client;
  connection: S3Connection;
  Bucket: string;
  /** Runs one call, turning what S3 answered into the user's terms. */
  send<T>(operation: string, key: string | undefined, run: () => Promise<T>): Promise<T>;
}

/** The verifier's view of an S3 (or B2) bucket: only reads, each answer checked, each wait bounded. */
export async function createS3Store(connection: S3Connection): Promise<ObjectStore> {
  const s3 = await import('@aws-sdk/client-s3');
  const client = await readOnlyClient(s3, connection);
  const b: Bucket = {
    s3,
    client,
    connection,
    Bucket: connection.bucket,
    async send(operation, key, run) {
      try {
        return await run();
      } catch (error) {
        throw describeS3Error(error, connection, operation, key);
      }
    },
  };
  return {
    description: `s3://${connection.bucket} at ${connection.endpoint ?? 'AWS'}`,
    check: async () => {
      await b.send('list', undefined, () =>
        client.send(new s3.ListObjectsV2Command({ Bucket: b.Bucket, MaxKeys: 1 })),
      );
    },
    list: (prefix) => listAll(b, prefix),
    listFolders: (prefix) => listFolders(b, prefix),
    head: (key) => headObject(b, key),
    get: (key) => getObject(b, key),
    getText: (key, maxBytes) => getText(b, key, maxBytes),
    lifecycle: () => readLifecycle(b),
    versions: (prefix) => readVersions(b, prefix),
  };
}

/** Every object under the prefix, page by page. */
async function listAll(b: Bucket, prefix: string): Promise<StoredObject[]> {
  const objects: StoredObject[] = [];
  let token: string | undefined;
  do {
    const page = await b.send('list', undefined, () =>
      b.client.send(
        new b.s3.ListObjectsV2Command({
          Bucket: b.Bucket,
          Prefix: prefix || undefined,
          ContinuationToken: token,
          MaxKeys: b.connection.listPageSize,
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
}

async function listFolders(b: Bucket, prefix: string): Promise<string[]> {
  const page = await b.send('list', undefined, () =>
    b.client.send(
      new b.s3.ListObjectsV2Command({
        Bucket: b.Bucket,
        Prefix: prefix || undefined,
        Delimiter: '/',
        MaxKeys: 50,
      }),
    ),
  );
  return (page.CommonPrefixes ?? []).map((p) => p.Prefix ?? '').filter(Boolean);
}

async function headObject(b: Bucket, key: string): Promise<ObjectHead> {
  const answer = await b.send('read', key, () =>
    b.client.send(new b.s3.HeadObjectCommand({ Bucket: b.Bucket, Key: key })),
  );
  return {
    size: answer.ContentLength ?? 0,
    etag: answer.ETag?.replace(/"/g, ''),
    metadata: Object.fromEntries(Object.entries(answer.Metadata ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
    serverSideEncryption: answer.ServerSideEncryption,
    sseCustomerAlgorithm: answer.SSECustomerAlgorithm,
  };
}

/** The object's bytes as a stream; the run's deadline ends the download too, not only the request. */
async function getObject(b: Bucket, key: string): Promise<{ body: Readable; size?: number }> {
  const answer = await b.send('read', key, () =>
    b.client.send(new b.s3.GetObjectCommand({ Bucket: b.Bucket, Key: key })),
  );
  const body = answer.Body as Readable;
  const signal = b.connection.signal;
  if (signal) {
    const stop = () => body.destroy(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    signal.addEventListener('abort', stop, { once: true });
    body.once('close', () => signal.removeEventListener('abort', stop));
  }
  return { body, size: answer.ContentLength };
}

/** A small object (a checksum file) as text; anything larger than `maxBytes` is not one. */
async function getText(b: Bucket, key: string, maxBytes = 4 * 1024 * 1024): Promise<string> {
  const { body } = await getObject(b, key);
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
}

/** "NoSuchThing (HTTP 403)": why an optional answer could not be read. */
const why = (error: unknown) => {
  const e = error as AwsError;
  return `${e.name ?? e.Code ?? 'Error'}${e.$metadata?.httpStatusCode ? ` (HTTP ${e.$metadata.httpStatusCode})` : ''}`;
};

/** The bucket's lifecycle rules, or why they could not be read (many keys may not read them). */
async function readLifecycle(b: Bucket): Promise<LifecycleAnswer> {
  try {
    const answer = await b.client.send(new b.s3.GetBucketLifecycleConfigurationCommand({ Bucket: b.Bucket }));
    return {
      rules: (answer.Rules ?? []).map((rule) => ({
        id: rule.ID,
        prefix: rule.Filter?.Prefix ?? rule.Filter?.And?.Prefix ?? (rule as { Prefix?: string }).Prefix ?? '',
        enabled: rule.Status === 'Enabled',
        expirationDays: rule.Expiration?.Days,
        noncurrentDays: rule.NoncurrentVersionExpiration?.NoncurrentDays,
      })),
    };
  } catch (error) {
    if ((error as AwsError).name === 'NoSuchLifecycleConfiguration') return { rules: [] };
    if (b.connection.signal?.aborted) throw error;
    return { unavailable: why(error) };
  }
}

/** Versions and delete markers under the prefix (at most 100 pages), or why they could not be read. */
async function readVersions(
  b: Bucket,
  prefix: string,
): Promise<{ versions: ObjectVersion[] } | { unavailable: string }> {
  const versions: ObjectVersion[] = [];
  let keyMarker: string | undefined;
  let versionMarker: string | undefined;
  try {
    for (let page = 0; page < 100; page++) {
      const answer = await b.client.send(
        new b.s3.ListObjectVersionsCommand({
          Bucket: b.Bucket,
          Prefix: prefix || undefined,
          KeyMarker: keyMarker,
          VersionIdMarker: versionMarker,
        }),
      );
      for (const v of answer.Versions ?? []) if (v.Key) versions.push(versionOf(v, false));
      for (const m of answer.DeleteMarkers ?? []) if (m.Key) versions.push(versionOf(m, true));
      if (!answer.IsTruncated) break;
      keyMarker = answer.NextKeyMarker;
      versionMarker = answer.NextVersionIdMarker;
    }
    return { versions };
  } catch (error) {
    if (b.connection.signal?.aborted) throw error;
    return { unavailable: why(error) };
  }
}

const versionOf = (
  v: { Key?: string; LastModified?: Date; IsLatest?: boolean },
  deleteMarker: boolean,
): ObjectVersion => ({
  key: v.Key!,
  lastModified: v.LastModified ?? new Date(0),
  isLatest: Boolean(v.IsLatest),
  deleteMarker,
});
