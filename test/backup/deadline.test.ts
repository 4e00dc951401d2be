import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { verifyBackups } from '../../src/backup/verify.js';
import { startHostile, type HostileServer } from '../../src/sim/hostile/index.js';

let hostile: HostileServer;
beforeAll(async () => {
  hostile = await startHostile({ behaviour: 'hang' });
});
afterAll(async () => {
  await hostile?.close();
});

describe('backup-verify overall timeout (issue 10 item 2)', () => {
  it('a store that never answers ends the run at the timeout, naming what was not verified; nothing is written', async () => {
    const commands: string[] = [];
    const started = Date.now();
    const error = (await verifyBackups({
      connection: {
        endpoint: hostile.url,
        region: 'us-east-1',
        bucket: 'backups',
        accessKeyId: 'AKIDTEST',
        secretAccessKey: 'secret-test-key',
        forcePathStyle: true,
        onCommand: (name) => commands.push(name),
      },
      prefix: '',
      timeoutMs: 2000,
    }).catch((e: unknown) => e)) as Error;
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toMatch(
      /^backup-verify's timeout \(2\.0s\) passed while listing the bucket at http:\/\/127\.0\.0\.1:\d+; no backup was verified\. Nothing was written to the bucket\.$/,
    );
    expect(hostile.requests.length).toBeGreaterThan(0);
    expect(hostile.requests.filter((r) => !['GET', 'HEAD'].includes(r.method))).toEqual([]);
    expect(commands.every((c) => /^(List|Get|Head)/.test(c))).toBe(true);
    // Loose bound (the machine is shared): above the 2s timeout, below the store's own 20s answer limit.
    expect(elapsed).toBeLessThan(15_000);
  }, 60_000);
});
