import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { putObject, sidecarText } from '../../src/sim/s3/seed.js';
import type { LocalS3 } from '../support/s3-servers.js';

export const FIXTURES = join(process.cwd(), 'test/fixtures/backup');
export const DUMP = readFileSync(join(FIXTURES, 'app.dump'));
const DAY = 86_400_000;

export const dayAgo = (n: number, now = Date.now()): string =>
  new Date(now - n * DAY).toISOString().slice(0, 10);

/** The inputs a bundle run needs to reach a local server. */
export function connectionInputs(server: LocalS3, bucket: string, prefix: string): Record<string, string> {
  return {
    endpoint: server.endpoint,
    region: server.region,
    bucket,
    prefix,
    'access-key-id': server.accessKeyId,
    'secret-access-key': server.secretAccessKey,
    'force-path-style': 'true',
  };
}

export interface DailyOptions {
  days: number;
  /** Days (0 = today) with no backup. */
  skip?: number[];
  /** Body for a given day; default: the real pg dump fixture. */
  body?: (daysAgo: number) => Buffer;
  sidecar?: boolean;
  name?: (day: string) => string;
}

/** A daily series like the user's job makes: `<prefix>voice-bot-<date>.dump` plus a sha256 sidecar. */
export async function seedDailies(
  client: S3Client,
  bucket: string,
  prefix: string,
  options: DailyOptions,
): Promise<string[]> {
  const keys: string[] = [];
  const jobs: Promise<void>[] = [];
  for (let n = 0; n < options.days; n++) {
    if (options.skip?.includes(n)) continue;
    const day = dayAgo(n);
    const name = options.name ? options.name(day) : `voice-bot-${day}.dump`;
    const key = `${prefix}${name}`;
    const body = options.body ? options.body(n) : DUMP;
    keys.push(key);
    jobs.push(putObject(client, bucket, key, body));
    if (options.sidecar !== false)
      jobs.push(putObject(client, bucket, `${key}.sha256`, sidecarText(body, name)));
    if (jobs.length >= 16) await Promise.all(jobs.splice(0));
  }
  await Promise.all(jobs);
  return keys;
}
