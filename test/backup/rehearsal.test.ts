import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBundle } from '../../src/harness/run-bundle.js';
import { backupSection } from '../../src/rehearsal/backup.js';
import type { RehearsalContext } from '../../src/rehearsal/types.js';

describe('rehearsal backup section', () => {
  it('seeds 40 days with rclone, verifies them through the bundle, catches the corrupted one, and publishes the store', async () => {
    const cleanups: (() => unknown)[] = [];
    const workDir = mkdtempSync(join(tmpdir(), 'rehearsal-backup-'));
    const ctx: RehearsalContext = {
      workDir,
      log: () => {},
      runAction: (name, options) => runBundle(name, options),
      onCleanup: (fn) => void cleanups.push(fn),
      endpoints: {},
      shared: {},
      runnerEnv: {},
    };
    try {
      const steps = await backupSection(ctx);
      expect(steps.map((s) => [s.step, s.ok, s.drill ?? false])).toEqual([
        ['Backups: seed 40 nightly dumps with rclone', true, false],
        ['Backups: verify all 40 (checksums, pg_restore, calendar)', true, false],
        ['Backups drill: a corrupted backup in the store', true, true],
      ]);
      expect(steps[2].detail).toMatch(
        /caught db\/voice-bot-\d{4}-\d{2}-\d{2}\.dump: its sha256 sidecar and ETag no longer match the bytes; the other 39 verified/,
      );
      expect(ctx.endpoints.s3).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const shared = ctx.shared.backup as { bucket: string; keys: string[]; latestKey: string };
      expect(shared.keys).toHaveLength(40);
      expect(shared.latestKey).toBe(shared.keys[0]);
      // The promotion gate reuses the store: after the drill the newest backup verifies again.
      const gate = ctx.shared.backupGate as { inputs: Record<string, string> };
      const result = await runBundle('backup-verify', { inputs: { ...gate.inputs, verify: 'all' } });
      expect(result.outputs).toMatchObject({
        passed: 'true',
        verified: '40',
        'latest-key': shared.latestKey,
      });
    } finally {
      for (const fn of cleanups.reverse()) await fn();
      rmSync(workDir, { recursive: true, force: true });
    }
  });
});
