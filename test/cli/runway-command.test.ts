import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { probeArgs, runway } from './runway-cli.js';
import { fixed, startDelayServer, type DelayServer } from '../../src/sim/http/delay-server.js';

let server: DelayServer;
beforeAll(async () => {
  server = await startDelayServer({ behaviour: fixed(5) });
});
afterAll(() => server?.close());

describe('runway <action> from a terminal', () => {
  it('runs latency-probe with the same inputs and prints its outputs', async () => {
    const result = await runway(probeArgs(`${server.url}/health`, 'p95 < 2s'));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ {2}p95-ms=\d+(\.\d+)?$/m);
    expect(result.stdout).toMatch(/^ {2}passed=true$/m);
    expect(server.count()).toBeGreaterThanOrEqual(80);
  });

  it('exits as the action does when the gate fails, showing the error as a terminal line', async () => {
    const result = await runway(probeArgs(server.url, 'p50 < 0.001ms'));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^Error: .*p50 < 0\.001ms/m);
    expect(result.stdout).toMatch(/^ {2}passed=false$/m);
    expect(result.stdout).not.toContain('::error');
  });

  it('rejects an unknown flag naming the real inputs, before running anything', async () => {
    const before = server.count();
    const result = await runway(['latency-probe', '--urll', server.url]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown input --urll');
    expect(result.stderr).toContain('baseline-url');
    expect(server.count()).toBe(before);
  });

  it("lists an action's inputs with --help", async () => {
    const result = await runway(['fly-deploy', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--wait-timeout');
    expect(result.stdout).toContain('Outputs:');
  });
});
