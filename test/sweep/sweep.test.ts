import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBundle } from '../../src/harness/run-bundle.js';
import { startCloudflareSim, type CloudflareSim } from '../../src/sim/cloudflare/index.js';
import { startHostile } from '../../src/sim/hostile/index.js';
import { CASES, SECRETS, type SweepCase } from './cases.js';

/**
 * The hostile sweep through the built bundles (run `npm run build` first): every case in cases.ts, run
 * in parallel, each against its own hostile server that records what reached it.
 */
interface Outcome {
  exitCode: number;
  ms: number;
  errors: string;
  log: string;
  requests: number;
  mutatingAfterBad: number;
}

const PARALLEL = 8;
/** No case may take longer: the slowest bound is a Fly call to a server that never answers (15 s). */
const CASE_BOUND_MS = 45_000;
const outcomes = new Map<string, Outcome>();
let cloudflare: CloudflareSim;
let flyWorkspace: string;

const visible = (log: string) =>
  log
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');

async function runCase(c: SweepCase): Promise<Outcome> {
  const server = await startHostile({
    behaviour: c.behaviour,
    rules: c.rules,
    upstream: c.upstream === 'cloudflare' ? new URL(cloudflare.apiUrl).origin : undefined,
    okBody: {},
    trickleMs: 200,
  });
  try {
    const inputs = Object.fromEntries(
      Object.entries(c.inputs).map(([k, v]) => [k, v.replaceAll('{server}', server.url)]),
    );
    const run = await runBundle(c.action, {
      inputs,
      cwd: flyWorkspace,
      env: { GITHUB_TOKEN: undefined, AWS_EC2_METADATA_DISABLED: 'true' },
      timeoutMs: 90_000,
    });
    return {
      exitCode: run.exitCode,
      ms: run.durationMs,
      errors: run.annotations
        .filter((a) => a.level === 'error')
        .map((a) => a.message)
        .join('\n'),
      log: visible(run.log),
      requests: server.requests.length,
      mutatingAfterBad: server.mutatingAfterBad().length,
    };
  } finally {
    await server.close();
  }
}

beforeAll(async () => {
  cloudflare = await startCloudflareSim({
    token: SECRETS.dns,
    zones: [
      {
        name: 'sweep.test',
        records: [{ type: 'CNAME', name: 'api', content: 'old.elb.amazonaws.com', ttl: 300 }],
      },
    ],
  });
  flyWorkspace = mkdtempSync(join(tmpdir(), 'sweep-ws-'));
  copyFileSync(new URL('../fixtures/fly/fly.staging.toml', import.meta.url), join(flyWorkspace, 'fly.toml'));
  const queue = [...CASES];
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      for (let c = queue.shift(); c; c = queue.shift()) outcomes.set(c.id, await runCase(c));
    }),
  );
}, 600_000);

afterAll(async () => {
  await cloudflare?.close();
  const all = [...outcomes.entries()];
  const byClass = (k: string) => CASES.filter((c) => c.expect === k).length;
  const longest = all.reduce((a, b) => (b[1].ms > a[1].ms ? b : a), all[0]);
  const mutating = all.reduce((n, [, o]) => n + o.mutatingAfterBad, 0);
  console.log(
    [
      `hostile sweep: ${all.length} cases (${byClass('refused')} refused before any call, ${byClass('clear-error')} clear error after a call, ${byClass('safe-failure')} safe failure)`,
      `longest case: ${longest?.[0]} ${longest?.[1].ms} ms`,
      `mutating requests after a bad answer: ${mutating}`,
      `server that never answers (hang), per action: ${all
        .filter(([id]) => id.endsWith('server hang'))
        .map(([id, o]) => `${id.split(':')[0]} ${o.ms} ms`)
        .join(', ')}`,
      `slowest refusal: ${Math.max(...all.filter(([id]) => CASES.find((c) => c.id === id)?.expect === 'refused').map(([, o]) => o.ms))} ms`,
    ].join('\n'),
  );
});

describe('hostile sweep through the bundles', () => {
  it('holds at least 120 cases across the five actions', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(120);
    expect(new Set(CASES.map((c) => c.action)).size).toBe(5);
    expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
  });

  it.each(CASES.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const o = outcomes.get(c.id)!;
    const said = c.expect === 'safe-failure' ? o.log : o.errors;
    // Every case: bounded, no secret in the log, nothing mutated after a bad answer, never "unexpectedly".
    expect({ ms: o.ms < CASE_BOUND_MS, mutatingAfterBad: o.mutatingAfterBad }).toEqual({
      ms: true,
      mutatingAfterBad: 0,
    });
    for (const secret of Object.values(SECRETS)) expect(o.log).not.toContain(secret);
    expect(o.errors).not.toMatch(/failed unexpectedly/);
    expect(said).toMatch(c.message);
    if (c.expect === 'refused') {
      expect({ exit: o.exitCode, requests: o.requests }).toEqual({ exit: 1, requests: 0 });
      expect(o.errors).toContain(`input '${c.input}'`);
    } else if (c.expect === 'clear-error') {
      expect(o.exitCode).toBe(1);
      expect(o.requests).toBeGreaterThan(0);
    } else {
      if (c.exit !== 'any') expect(o.exitCode).toBe(c.exit ?? 1);
    }
  });
});
