/** What an S3 endpoint that gives no answer is told as: which input to check, and the fix. */
import { describe, expect, it } from '@jest/globals';
import { describeS3Error } from '../../src/backup/s3-errors.js';
import { StoreError } from '../../src/backup/store.js';

const place = {
  endpoint: 'https://s3.us-west-004.backblazeb2.com',
  region: 'us-west-004',
  bucket: 'backups',
};

/** A network failure as the SDK throws it: its own name, Node's code on the error or its cause. */
const fault = (code: string, name = 'Error', attempts = 3) =>
  Object.assign(new Error(code === 'ECONNRESET' ? 'socket hang up' : code), {
    name,
    cause: Object.assign(new Error(code), { code }),
    $metadata: { attempts },
  });

describe('no answer from the endpoint', () => {
  it.each([
    [
      fault('ECONNRESET', 'TimeoutError'),
      "input 'endpoint': https://s3.us-west-004.backblazeb2.com closed the connection before it answered (ECONNRESET, 3 attempts). Fix: check that the endpoint is an S3 API (for B2, https://s3.<region>.backblazeb2.com) and that no proxy or firewall cuts the connection; then run again.",
    ],
    [
      fault('EPIPE', 'Error', 1),
      "input 'endpoint': https://s3.us-west-004.backblazeb2.com closed the connection before it answered (EPIPE, 1 attempt). Fix: check that the endpoint is an S3 API (for B2, https://s3.<region>.backblazeb2.com) and that no proxy or firewall cuts the connection; then run again.",
    ],
    [
      fault('ECONNREFUSED'),
      "input 'endpoint': nothing answers at https://s3.us-west-004.backblazeb2.com (ECONNREFUSED, 3 attempts). Fix: check the endpoint URL and port.",
    ],
  ])('%s', (error, message) => {
    const described = describeS3Error(error, place, 'list');
    expect(described).toBeInstanceOf(StoreError);
    expect((described as StoreError).describe()).toBe(message);
  });

  it('never shows credentials written into the endpoint URL', () => {
    const described = describeS3Error(
      fault('ECONNRESET', 'TimeoutError'),
      { ...place, endpoint: 'https://keyid:s3cr3t@s3.example.test/' },
      'list',
    ) as StoreError;
    expect(described.describe()).not.toContain('s3cr3t');
    expect(described.describe()).toMatch(/closed the connection before it answered \(ECONNRESET/);
  });
});
