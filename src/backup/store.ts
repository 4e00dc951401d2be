import type { Readable } from 'node:stream';
import { UserError } from '../core/errors.js';

/** One object as a listing shows it. */
export interface StoredObject {
  key: string;
  size: number;
  lastModified: Date;
  etag?: string;
}

/** What HEAD adds: user metadata (lower-case names, no `x-amz-meta-` prefix) and encryption. */
export interface ObjectHead {
  size: number;
  etag?: string;
  metadata: Record<string, string>;
  serverSideEncryption?: string;
  sseCustomerAlgorithm?: string;
}

/** One entry of ListObjectVersions: a stored version or a delete marker (B2's "hide"). */
export interface ObjectVersion {
  key: string;
  lastModified: Date;
  isLatest: boolean;
  deleteMarker: boolean;
}

export interface LifecycleRule {
  id?: string;
  prefix: string;
  enabled: boolean;
  expirationDays?: number;
  noncurrentDays?: number;
}

/** The lifecycle rules, or why they could not be read (B2 keys without readBucketLifecycle, s3rver). */
export type LifecycleAnswer = { rules: LifecycleRule[] } | { unavailable: string };

/**
 * Everything the verifier asks of a bucket. Read-only by construction: there is no method that
 * writes, and the S3 implementation refuses any command outside its read list.
 */
export interface ObjectStore {
  readonly description: string;
  /** Proves the bucket is reachable with these credentials before any real work. */
  check(): Promise<void>;
  list(prefix: string): Promise<StoredObject[]>;
  /** Common prefixes one level below `prefix`, to suggest the right one when it holds nothing. */
  listFolders(prefix: string): Promise<string[]>;
  head(key: string): Promise<ObjectHead>;
  get(key: string): Promise<{ body: Readable; size?: number }>;
  getText(key: string, maxBytes?: number): Promise<string>;
  lifecycle(): Promise<LifecycleAnswer>;
  /** Versions and delete markers under a prefix, or why they could not be read. */
  versions(prefix: string): Promise<{ versions: ObjectVersion[] } | { unavailable: string }>;
}

/** A store error already phrased in the user's terms; it will not get better by retrying. */
export class StoreError extends UserError {
  constructor(
    message: string,
    readonly code: string,
    options: { input?: string; fix?: string; cause?: unknown } = {},
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}
