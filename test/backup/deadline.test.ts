import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SMALL_ANSWER_TIMEOUT_MS } from '../../src/backup/s3.js';
import type { ObjectStore } from '../../src/backup/store.js';
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
  it('a store that never answers ends the run at the timeout, naming the server and what was not verified; the request in flight is hung up on; nothing is written', async () => {
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
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toMatch(
      /^backup-verify's timeout \(2\.0s\) passed while listing the bucket, waiting for the store at http:\/\/127\.0\.0\.1:\d+ to answer; no backup was verified\. The requests in flight were stopped; nothing was written to the bucket\.$/,
    );
    // The deadline aborts the listing in flight: the server sees the client hang up, instead of the
    // request running on to the store's own bound for a small answer.
    await hostile.idle();
    const hungUpAfter = Date.now() - started;
    expect(hostile.requests.length).toBeGreaterThan(0);
    expect(hostile.requests.filter((r) => !['GET', 'HEAD'].includes(r.method))).toEqual([]);
    expect(commands.every((c) => /^(List|Get|Head)/.test(c))).toBe(true);
    // Loose bound (the machine is shared): above the 2s timeout, well below the 20s small-answer bound
    // the request would otherwise run to.
    expect(hungUpAfter).toBeLessThan(SMALL_ANSWER_TIMEOUT_MS - 5000);
  }, 60_000);
});

describe('backup-verify ending mid restore-command (issue 10 item 2)', () => {
  it("the run's signal kills restore-command instead of waiting for it to finish", async () => {
    const { Readable } = await import('node:stream');
    const { DUMP } = await import('./scenario.js');
    const key = `db/app-${new Date().toISOString().slice(0, 10)}.dump`;
    const object = { key, size: DUMP.length, lastModified: new Date() };
    const store: ObjectStore = {
      description: 'a store in memory',
      check: async () => {},
      list: async () => [object],
      listFolders: async () => [],
      head: async () => ({ size: DUMP.length, metadata: {} }),
      get: async () => ({ body: Readable.from([DUMP]), size: DUMP.length }),
      getText: async () => '',
      lifecycle: async () => ({ rules: [] }),
      versions: async () => ({ versions: [] }),
    };
    const controller = new AbortController();
    const lines: string[] = [];
    const error = (await verifyBackups({
      store,
      prefix: 'db/',
      pgRestore: false,
      // Says it started, then would run for 5 minutes: only the kill ends it within the test's time.
      restoreCommand: 'echo restore-started; exec sleep 300',
      signal: controller.signal,
      log: (line) => {
        lines.push(line);
        if (line.includes('restore-started')) controller.abort(new Error('the run was stopped'));
      },
    }).catch((e: unknown) => e)) as Error;
    expect(lines.join('\n')).toContain('Running restore-command on');
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe('the run was stopped');
  }, 60_000);
});
