/**
 * The production gate's baseline: the old AWS endpoint on the same path as Fly's (the proxy code of the
 * Fly edge in front of an app in a process of its own). It must answer as the old endpoint does, leave
 * no process behind, and the gate against it must still fail a release that is really slow.
 */
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { runBundle } from '../../src/harness/run-bundle.js';
import { outcomeOf, readGateReport } from '../../src/rehearsal/gate-report.js';
import { startOldAwsBehindLoadBalancer } from '../../src/rehearsal/old-aws.js';
import type { RehearsalContext } from '../../src/rehearsal/types.js';
import { AppProxy } from '../../src/sim/fly/proxy.js';
import { fixed, startDelayServer } from '../../src/sim/http/delay-server.js';

function context(cleanups: (() => unknown)[]): RehearsalContext {
  return {
    workDir: '',
    log: () => undefined,
    runAction: async (name, options) => {
      const run = await runBundle(name, options);
      cleanups.push(() => rmSync(run.workDir, { recursive: true, force: true }));
      return run;
    },
    onCleanup: (fn) => cleanups.push(fn),
    endpoints: {},
    shared: {},
    runnerEnv: {},
  };
}

const runCleanups = async (cleanups: (() => unknown)[]) => {
  for (const fn of cleanups.reverse()) await fn();
};

/** This process's children running the instance stand-in, read from /proc. */
function instanceChildren(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return (
          ppid === process.pid && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('old-aws-instance')
        );
      } catch {
        return false; // exited while we looked
      }
    })
    .map(Number);
}

describe('the old AWS endpoint behind its load balancer', () => {
  it('answers like the old endpoint (never under 60 ms) through the Fly edge proxy code, and leaves no process', async () => {
    const cleanups: (() => unknown)[] = [];
    const url = await startOldAwsBehindLoadBalancer(context(cleanups));
    try {
      expect(instanceChildren()).toHaveLength(1);
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        const res = await fetch(url);
        const body = await res.text();
        expect(performance.now() - started).toBeGreaterThanOrEqual(59);
        expect([res.status, body, res.headers.get('via')]).toEqual([200, '{"ok":true}\n', '1.1 fly.io']);
      }
    } finally {
      await runCleanups(cleanups);
    }
    expect(instanceChildren()).toEqual([]);
    await expect(fetch(url)).rejects.toThrow();
  });

  it('the gate against it fails a release that is really slow on the same kind of path: a breach, not inconclusive', async () => {
    const cleanups: (() => unknown)[] = [];
    const ctx = context(cleanups);
    try {
      const baseline = await startOldAwsBehindLoadBalancer(ctx);
      // 1 s an answer behind the same proxy code: ~13× the old endpoint, far beyond what a busy machine adds.
      // 150 requests: with fewer, the baseline's p95 has no upper bound at 97.5% and the ratio none below.
      const app = await startDelayServer({ behaviour: fixed(1000) });
      cleanups.push(() => app.close());
      const edge = new AppProxy('slow-release', () => [{ machineId: 'slow', port: app.port }]);
      cleanups.push(() => edge.close());
      const url = `${await edge.listen('127.0.0.1')}/`;
      const run = await ctx.runAction('latency-probe', {
        inputs: {
          url,
          'baseline-url': baseline,
          thresholds: 'p95 < baseline * 1.10',
          requests: 150,
          rate: 50,
          concurrency: 100,
          warmup: 2,
          timeout: '30s',
        },
      });
      expect(run.outputs.passed).toBe('false');
      expect(run.exitCode).not.toBe(0);
      expect(outcomeOf(readGateReport(run.outputs), 'p95 < baseline * 1.10')).toBe('breach');
    } finally {
      await runCleanups(cleanups);
    }
  }, 120_000);
});
