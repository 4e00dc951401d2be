/**
 * What an action run and the rehearsal create in the temp dir is gone when they end, unless --keep:
 * counted as `runway-*` entries in a private TMPDIR before and after.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { probeArgs as probeArgsFor, runway as runwayIn } from './runway-cli.js';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixed, startDelayServer, type DelayServer } from '../../src/sim/http/delay-server.js';

const scratch = mkdtempSync(join(tmpdir(), 'cleanup-test-'));
let server: DelayServer;
beforeAll(async () => {
  server = await startDelayServer({ behaviour: fixed(2) });
});
afterAll(async () => {
  await server?.close();
  rmSync(scratch, { recursive: true, force: true });
});

const runwayEntries = (dir: string) => readdirSync(dir).filter((n) => n.startsWith('runway-'));

/** The command with its own private TMPDIR, so what it leaves there can be counted. */
const runway = (args: string[], tmp: string) => runwayIn(args, { TMPDIR: tmp });
const probeArgs = () => probeArgsFor(server.url, 'p95 < 5s');

describe('temporary directories', () => {
  it('an action run from the terminal removes its step directory (RUNNER_TEMP with the report)', async () => {
    const tmp = mkdtempSync(join(scratch, 'action-'));
    expect(runwayEntries(tmp)).toEqual([]);
    const run = await runway(probeArgs(), tmp);
    expect(run.code).toBe(0);
    expect(runwayEntries(tmp)).toEqual([]);
    expect(run.stdout).toContain("report: removed with the step's RUNNER_TEMP; --keep keeps it");
  });

  it('--keep keeps exactly the step directory, with the report the output points at', async () => {
    const tmp = mkdtempSync(join(scratch, 'keep-'));
    const run = await runway([...probeArgs(), '--keep'], tmp);
    expect(run.code).toBe(0);
    const kept = runwayEntries(tmp);
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatch(/^runway-latency-probe-/);
    const report = /^ {2}report=(.*)$/m.exec(run.stdout)?.[1] ?? '';
    expect(report.startsWith(join(tmp, kept[0], 'runner-temp'))).toBe(true);
    expect(existsSync(report)).toBe(true);
  });

  it('the rehearsal removes its work dir and every step directory; only the reports stay', async () => {
    const tmp = mkdtempSync(join(scratch, 'rehearsal-'));
    const reportDir = join(scratch, 'reports');
    // The latency section alone: three bundle runs and four servers, in well under a minute.
    const run = await runway(['rehearse', '--only', 'probe', '--report-dir', reportDir], tmp);
    expect(run.stdout).toMatch(/Latency gate: staging \(Fly\) vs old AWS/);
    expect(runwayEntries(tmp)).toEqual([]);
    expect(readdirSync(reportDir).sort()).toEqual(['report.html', 'report.md']);
  });
});
