import { describe, expect, it } from '@jest/globals';
import { runBundle } from '../../src/harness/run-bundle.js';
import { latencyProbeSection } from '../../src/rehearsal/probe.js';
import type { RehearsalContext } from '../../src/rehearsal/types.js';

describe('latency-probe rehearsal section', () => {
  it('passes the staging-vs-AWS gate and fails both drills the way they should', async () => {
    const cleanups: (() => unknown)[] = [];
    const ctx: RehearsalContext = {
      workDir: '',
      log: () => undefined,
      runAction: (name, options) => runBundle(name, options),
      onCleanup: (fn) => cleanups.push(fn),
      endpoints: {},
      shared: {},
      runnerEnv: {},
    };
    try {
      const steps = await latencyProbeSection(ctx);
      // The details first: a failed step then shows the figures it judged.
      expect(steps.map((s) => s.detail)).toEqual(steps.map(() => expect.any(String)));
      expect(steps[0].detail).toMatch(/p95 < baseline \* 1.10: pass; error-rate < 5%: pass/);
      expect(steps.map((s) => [s.ok, s.drill ?? false])).toEqual([
        [true, false],
        [true, true],
        [true, true],
        [true, false],
        [true, false],
      ]);
      expect(steps[0].detail).toMatch(/p95 < baseline \* 1.10: pass/);
      expect(steps[1].detail).toMatch(/p95 < baseline \* 1.10: breach/);
      expect(steps[2].detail).toMatch(/p99 < 500ms: breach/);
      // The same release against AWS (us-east-1): from the runner, next to AWS, the distance to sin
      // alone (230 ms round trip) makes it the slower one; from sin, where the users are, it passes.
      expect(Number(/^p95 ([\d.]+) ms vs AWS/.exec(steps[3].detail)?.[1])).toBeGreaterThan(230);
      expect(steps[3].detail).toMatch(/p95 < baseline \* 1.10: breach/);
      expect(steps[4].detail).toMatch(
        /from sin .*; p95 < baseline \* 1.10: pass; cost [\d.]+ Machine-seconds, 0 Machine\(s\) left/,
      );
      expect(ctx.endpoints['probe:staging']).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(typeof ctx.shared.latencyProbeReport).toBe('string');
    } finally {
      for (const fn of cleanups.reverse()) await fn();
    }
  });
});
