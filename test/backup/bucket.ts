import { afterAll, beforeAll } from '@jest/globals';
import type { S3Client } from '@aws-sdk/client-s3';
import { adminClient, createBucket } from '../../src/sim/s3/seed.js';
import { startS3rver, type LocalS3 } from '../support/s3-servers.js';

export const BUCKET = 'voice-bot-backups';

/**
 * s3rver holding an empty backup bucket for the test file, with a client to seed it: started before the
 * file's first test (handed to `use`; the file's own beforeAll seeds it), stopped after its last.
 */
export function useBucket(use: (bucket: { server: LocalS3; client: S3Client }) => void): void {
  let server: LocalS3 | undefined;
  let client: S3Client | undefined;
  beforeAll(async () => {
    server = await startS3rver();
    client = await adminClient(server);
    await createBucket(client, BUCKET);
    use({ server, client });
  });
  afterAll(async () => {
    client?.destroy();
    await server?.stop();
  });
}
