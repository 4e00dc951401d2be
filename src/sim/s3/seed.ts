import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { S3Client } from '@aws-sdk/client-s3';
import { pack as tarPack } from 'tar-stream';
import type { LocalS3 } from './local-s3.js';

/**
 * Makes backups the way the user's job does (rclone to B2, pg_dump custom dumps, tarballs), for tests,
 * the benchmark and the rehearsal. This writes; the verifier never imports it.
 */
export async function adminClient(
  server: Pick<LocalS3, 'endpoint' | 'region' | 'accessKeyId' | 'secretAccessKey'>,
): Promise<S3Client> {
  const { S3Client } = await import('@aws-sdk/client-s3');
  return new S3Client({
    endpoint: server.endpoint,
    region: server.region,
    forcePathStyle: true,
    credentials: { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey },
    // Without this the SDK's aws-chunked streaming body is stored verbatim by s3rver (silent corruption).
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

export async function createBucket(client: S3Client, bucket: string): Promise<void> {
  const { CreateBucketCommand } = await import('@aws-sdk/client-s3');
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
}

export async function putObject(
  client: S3Client,
  bucket: string,
  key: string,
  body: Buffer | string,
  metadata?: Record<string, string>,
  /** 'aws:kms' stores it encrypted with the bucket's KMS key, so its ETag is no MD5 of the bytes. */
  serverSideEncryption?: 'AES256' | 'aws:kms',
): Promise<void> {
  const { PutObjectCommand } = await import('@aws-sdk/client-s3');
  await client.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: typeof body === 'string' ? Buffer.from(body) : body,
      Metadata: metadata,
      ServerSideEncryption: serverSideEncryption,
    }),
  );
}

export const sha256Hex = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');
export const md5Hex = (data: Buffer | string): string => createHash('md5').update(data).digest('hex');

/** `<hex>  <name>` as sha256sum writes it. */
export const sidecarText = (data: Buffer, name: string): string => `${sha256Hex(data)}  ${name}\n`;

/** A small .tar.gz like an uploads backup: a few text files whose content depends on the day. */
export async function makeTarGz(day: string, files = 3, bytesPerFile = 4000): Promise<Buffer> {
  const archive = tarPack();
  const chunks: Buffer[] = [];
  archive.on('data', (c: unknown) => void chunks.push(c as Buffer));
  const done = new Promise<void>((resolve, reject) => {
    archive.on('end', () => resolve());
    archive.on('error', reject);
  });
  for (let i = 0; i < files; i++) {
    const line = `${day} upload ${i} ${'x'.repeat(40)}\n`;
    archive.entry(
      { name: `uploads/${day}/file-${i}.txt` },
      line.repeat(Math.ceil(bytesPerFile / line.length)).slice(0, bytesPerFile),
    );
  }
  archive.finalize();
  await done;
  return gzipSync(Buffer.concat(chunks));
}

/** The environment rclone needs: its own config in env, and no AWS_CA_BUNDLE (it breaks Go clients). */
export function rcloneEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.AWS_CA_BUNDLE;
  return env;
}

/**
 * Uploads a local file with rclone's S3 backend as the user's job does. Files above `uploadCutoff`
 * go multipart in `chunkSize` parts, and rclone stores the whole-file MD5 as X-Amz-Meta-Md5chksum.
 */
export async function rcloneCopy(
  server: Pick<LocalS3, 'endpoint' | 'region' | 'accessKeyId' | 'secretAccessKey'>,
  localPath: string,
  bucket: string,
  key: string,
  options: { uploadCutoff?: string; chunkSize?: string; directory?: boolean } = {},
): Promise<void> {
  const remote = `:s3,provider=Other,env_auth=false,access_key_id=${server.accessKeyId},secret_access_key=${server.secretAccessKey},endpoint='${server.endpoint}',region=${server.region},force_path_style=true,no_check_bucket=true:${bucket}/${key}`;
  const args = [
    'copyto',
    localPath,
    remote,
    '--retries',
    '1',
    '--low-level-retries',
    '1',
    '--config',
    '/dev/null',
  ];
  if (options.uploadCutoff) args.push('--s3-upload-cutoff', options.uploadCutoff);
  if (options.chunkSize) args.push('--s3-chunk-size', options.chunkSize);
  await promisify(execFile)('rclone', args, { env: rcloneEnv(), maxBuffer: 4 * 1024 * 1024 });
}

/** B2 buckets are always versioned; on moto this also gives rclone a real version id to HEAD after upload. */
export async function enableVersioning(client: S3Client, bucket: string): Promise<void> {
  const { PutBucketVersioningCommand } = await import('@aws-sdk/client-s3');
  await client.send(
    new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }),
  );
}

/** A lifecycle rule as B2 maps `daysFromUploadingToHiding` / `daysFromHidingToDeleting` onto S3. */
export async function putLifecycle(
  client: S3Client,
  bucket: string,
  prefix: string,
  expireDays: number,
  noncurrentDays?: number,
): Promise<void> {
  const { PutBucketLifecycleConfigurationCommand } = await import('@aws-sdk/client-s3');
  await client.send(
    new PutBucketLifecycleConfigurationCommand({
      Bucket: bucket,
      LifecycleConfiguration: {
        Rules: [
          {
            ID: `expire-${prefix || 'all'}`,
            Status: 'Enabled',
            Filter: { Prefix: prefix },
            Expiration: { Days: expireDays },
            ...(noncurrentDays ? { NoncurrentVersionExpiration: { NoncurrentDays: noncurrentDays } } : {}),
          },
        ],
      },
    }),
  );
}

/** A multipart upload with a chosen part size, as lib-storage or the AWS CLI would make it. */
export async function multipartUpload(
  client: S3Client,
  bucket: string,
  key: string,
  body: Buffer,
  partSize: number,
  metadata?: Record<string, string>,
): Promise<void> {
  const s3 = await import('@aws-sdk/client-s3');
  const { UploadId } = await client.send(
    new s3.CreateMultipartUploadCommand({ Bucket: bucket, Key: key, Metadata: metadata }),
  );
  const parts: { ETag?: string; PartNumber: number }[] = [];
  for (let offset = 0, n = 1; offset < body.length; offset += partSize, n++) {
    const answer = await client.send(
      new s3.UploadPartCommand({
        Bucket: bucket,
        Key: key,
        UploadId,
        PartNumber: n,
        Body: body.subarray(offset, offset + partSize),
      }),
    );
    parts.push({ ETag: answer.ETag, PartNumber: n });
  }
  await client.send(
    new s3.CompleteMultipartUploadCommand({
      Bucket: bucket,
      Key: key,
      UploadId,
      MultipartUpload: { Parts: parts },
    }),
  );
}

/**
 * IAM on moto_server (started with INITIAL_NO_AUTH_ACTION_COUNT): a user whose key may only list, so
 * reading an object is denied. Unsigned query-API calls; moto routes them by the credential scope.
 */
export async function createListOnlyKey(
  endpoint: string,
): Promise<{ accessKeyId: string; secretAccessKey: string }> {
  const call = async (params: Record<string, string>) => {
    const response = await fetch(`${endpoint}/`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization:
          'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0',
      },
      body: new URLSearchParams({ ...params, Version: '2010-05-08' }).toString(),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`IAM ${params.Action} failed: ${text.slice(0, 200)}`);
    return text;
  };
  await call({ Action: 'CreateUser', UserName: 'backup-verifier' });
  const created = await call({ Action: 'CreateAccessKey', UserName: 'backup-verifier' });
  await call({
    Action: 'PutUserPolicy',
    UserName: 'backup-verifier',
    PolicyName: 'list-only',
    PolicyDocument: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['s3:ListBucket'], Resource: '*' }],
    }),
  });
  return {
    accessKeyId: /<AccessKeyId>([^<]+)</.exec(created)![1],
    secretAccessKey: /<SecretAccessKey>([^<]+)</.exec(created)![1],
  };
}

/** Deletes by name: on a versioned bucket (B2 always) this only hides the object behind a delete marker. */
export async function deleteObject(client: S3Client, bucket: string, key: string): Promise<void> {
  const { DeleteObjectCommand } = await import('@aws-sdk/client-s3');
  await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
}
