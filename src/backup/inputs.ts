import { InputError } from '../core/errors.js';
import type { InputReader } from '../core/inputs.js';
import {
  parseRetention,
  parseShard,
  parseVerifyMode,
  type DateSource,
  type RetentionPolicy,
  type Shard,
  type VerifyMode,
} from './policy.js';
import type { S3Connection } from './s3.js';

export interface BackupInputs {
  mode: 'verify';
  connection: S3Connection;
  prefix: string;
  dateFrom: DateSource;
  maxAgeMs: number;
  /** The whole run's limit (`timeout`, default 30m): past it the run stops, naming what was not verified. */
  timeoutMs: number;
  verify: VerifyMode;
  retention: RetentionPolicy;
  shard: Shard;
  restoreCommand?: string;
  /** PostgreSQL URL to restore the newest verified dump (or `restoreKey`) into. */
  restoreTo?: string;
  restoreKey?: string;
  /** The live source database; restored tables are compared with it instead of the manifest. */
  sourceDatabase?: string;
  issueOnFailure: boolean;
  githubToken?: string;
}

/** mode: join, one verdict, summary and issue from the reports of a `shard` matrix. */
export interface JoinInputs {
  mode: 'join';
  shardReports: string;
  issueOnFailure: boolean;
  githubToken?: string;
}

/** mode: compare-databases, the zero-data-loss gate before a cutover: no bucket involved. */
export interface CompareInputs {
  mode: 'compare-databases';
  sourceDatabase: string;
  targetDatabase: string;
}

const B2_HOST = /^s3\.([a-z]+-[a-z]+-\d{3})\.backblazeb2\.com$/;
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;

/**
 * Every input checked before the AWS SDK loads or any request goes out, so a typo fails in a fraction
 * of a second with the fix in the message.
 */
export function readBackupInputs(
  inputs: InputReader,
  env: Record<string, string | undefined>,
): BackupInputs | CompareInputs | JoinInputs {
  const mode = inputs.enumOf('mode', ['verify', 'compare-databases', 'join'] as const, 'verify');
  if (mode === 'join')
    return {
      mode,
      shardReports: inputs.required('shard-reports', 'backup-reports'),
      ...readIssueInputs(inputs, env, { index: 1, count: 1 }),
    };
  if (mode === 'compare-databases') {
    return {
      mode,
      sourceDatabase: readDatabaseUrl(inputs, 'source-database', true)!,
      targetDatabase: readDatabaseUrl(inputs, 'target-database', true)!,
    };
  }
  const connection = readConnection(inputs, env);
  const checks = readChecks(inputs);
  const issue = readIssueInputs(inputs, env, checks.shard);
  const restoreTo = readDatabaseUrl(inputs, 'restore-to', false);
  const restoreKey = inputs.optional('restore-key');
  if (restoreKey && !restoreTo)
    throw new InputError(
      'restore-key',
      'is set but restore-to is empty.',
      'set restore-to to the database to restore into, or remove restore-key.',
    );
  if (restoreTo && checks.shard.count > 1)
    throw new InputError(
      'restore-to',
      `cannot be used with shard ${checks.shard.index}/${checks.shard.count}.`,
      'restore from a job of its own (shard 1/1).',
    );
  return {
    mode,
    connection,
    prefix: inputs.string('prefix', ''),
    ...checks,
    restoreCommand: inputs.optional('restore-command'),
    restoreTo,
    restoreKey,
    sourceDatabase: readDatabaseUrl(inputs, 'source-database', false),
    ...issue,
  };
}

/** A PostgreSQL connection URL (postgres:// or postgresql://), checked before anything connects. */
function readDatabaseUrl(inputs: InputReader, name: string, required: boolean): string | undefined {
  const text = required
    ? inputs.required(name, 'postgres://user:password@host:5432/voicebot')
    : inputs.optional(name);
  if (text === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || !['postgres:', 'postgresql:'].includes(url.protocol) || !url.hostname)
    throw new InputError(
      name,
      'is not a PostgreSQL URL.',
      'write postgres://USER:PASSWORD@HOST:5432/DATABASE (pass it from a secret).',
    );
  return text;
}

function readConnection(inputs: InputReader, env: Record<string, string | undefined>): S3Connection {
  const bucket = readBucket(inputs);
  const endpoint = readEndpoint(inputs, bucket);
  const endpointRegion = endpoint ? B2_HOST.exec(new URL(endpoint).hostname)?.[1] : undefined;
  return {
    endpoint,
    region: readRegion(inputs, env, endpointRegion),
    bucket,
    ...readKey(inputs),
    forcePathStyle: inputs.bool('force-path-style', false),
  };
}

function readBucket(inputs: InputReader): string {
  const bucket = inputs.required('bucket', 'voice-bot-backups');
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    throw new InputError(
      'bucket',
      `"${bucket}" is not a bucket name.`,
      'use the bucket name alone (lower case, 3-63 characters), not a URL or s3:// path; put folders in prefix.',
    );
  }
  return bucket;
}

/** The endpoint's origin: https (http only on loopback), no path, no bucket in the host. */
function readEndpoint(inputs: InputReader, bucket: string): string | undefined {
  const endpointText = inputs.optional('endpoint');
  if (!endpointText) return undefined;
  let url: URL;
  try {
    url = new URL(endpointText);
  } catch {
    throw new InputError(
      'endpoint',
      `"${endpointText}" is not a URL.`,
      'write the S3 endpoint, e.g. https://s3.us-west-004.backblazeb2.com.',
    );
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.test(url.hostname))) {
    throw new InputError(
      'endpoint',
      `"${endpointText}" is not https.`,
      'use https:// (B2 and S3 refuse plain HTTP); http:// is accepted only for a local test server.',
    );
  }
  if (url.pathname !== '/' && url.pathname !== '') {
    throw new InputError(
      'endpoint',
      `"${endpointText}" has a path (${url.pathname}).`,
      'give the endpoint without the bucket, e.g. https://s3.us-west-004.backblazeb2.com, and the bucket in bucket.',
    );
  }
  if (url.hostname.startsWith(`${bucket}.`)) {
    throw new InputError(
      'endpoint',
      `"${endpointText}" includes the bucket name.`,
      `use https://${url.hostname.slice(bucket.length + 1)} and bucket: ${bucket}.`,
    );
  }
  return url.origin;
}

/** The region as given, else the B2 endpoint's, else the runner's AWS region; it must match a B2 endpoint. */
function readRegion(
  inputs: InputReader,
  env: Record<string, string | undefined>,
  endpointRegion: string | undefined,
): string {
  const regionText = inputs.optional('region');
  const region = regionText ?? endpointRegion ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  if (!region)
    throw new InputError(
      'region',
      'is required but empty.',
      'set the bucket region, e.g. us-west-004 for https://s3.us-west-004.backblazeb2.com.',
    );
  if (endpointRegion && region !== endpointRegion) {
    throw new InputError(
      'region',
      `"${region}" does not match the endpoint's region ${endpointRegion}.`,
      `set region: ${endpointRegion}, or the endpoint of ${region} (https://s3.${region}.backblazeb2.com).`,
    );
  }
  return region;
}

/** Both halves of the key, or neither (the runner's own AWS credentials). */
function readKey(inputs: InputReader): { accessKeyId?: string; secretAccessKey?: string } {
  const accessKeyId = inputs.optional('access-key-id');
  const secretAccessKey = inputs.optional('secret-access-key');
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new InputError(
      accessKeyId ? 'secret-access-key' : 'access-key-id',
      'is empty while the other half of the key is set.',
      "set both access-key-id and secret-access-key (from secrets), or neither to use the runner's AWS credentials.",
    );
  }
  return { accessKeyId, secretAccessKey };
}

function readChecks(inputs: InputReader) {
  const dateFrom = inputs.enumOf('date-from', ['key', 'last-modified'] as const, 'key');
  const maxAgeMs = inputs.duration('max-age', '26h', { min: 60_000 });
  const timeoutMs = inputs.duration('timeout', '30m', { min: 1000, max: 6 * 3_600_000 });
  const verify = parseVerifyMode(inputs.string('verify', 'latest'));
  const retention = parseRetention(inputs.string('retention', 'daily=30,monthly=12'));
  const shard = parseShard(inputs.optional('shard'));
  if (shard.count > 1 && verify.kind !== 'all') {
    throw new InputError(
      'shard',
      `splits work only with verify: all (verify is ${inputs.string('verify', 'latest')}).`,
      'use verify: all with shard, or remove shard.',
    );
  }
  return { dateFrom, maxAgeMs, timeoutMs, verify, retention, shard };
}

function readIssueInputs(inputs: InputReader, env: Record<string, string | undefined>, shard: Shard) {
  const issueOnFailure = inputs.bool('issue-on-failure', false);
  const githubToken = inputs.optional('github-token');
  if (issueOnFailure && !githubToken) {
    throw new InputError(
      'github-token',
      'is empty but issue-on-failure is true.',
      'pass github-token: ${{ github.token }} and give the job permissions: issues: write.',
    );
  }
  if (issueOnFailure && shard.count > 1) {
    // Each shard would open, comment on and close the same issue: a passing shard closes a failing one's.
    throw new InputError(
      'issue-on-failure',
      `cannot be used with shard ${shard.index}/${shard.count}.`,
      'verify the shards without it and open the issue from a job that needs the whole matrix, or run verify: all in one job.',
    );
  }
  if (issueOnFailure && !env.GITHUB_REPOSITORY) {
    throw new InputError(
      'issue-on-failure',
      'needs GITHUB_REPOSITORY, which is not set.',
      'run it in GitHub Actions, or set GITHUB_REPOSITORY=owner/name.',
    );
  }
  return { issueOnFailure, githubToken };
}
