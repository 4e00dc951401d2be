import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Agent, request } from 'undici';
import { deployBundle, image, seed, startFlySim, type FlySim } from '../fly/support.js';

let sim: FlySim;
beforeAll(async () => {
  sim = await startFlySim({});
});
afterAll(async () => {
  await sim?.close();
});

interface LoadReport {
  ok: number;
  failed: number;
  failures: string[];
  images: Map<string, number>;
}

/** Constant load on the app's public URL: a few keep-alive clients in a loop, every answer recorded. */
function startLoad(
  url: string,
  clients = 4,
  pauseMs = 10,
): { report: LoadReport; stop: () => Promise<LoadReport> } {
  const agent = new Agent({ connections: clients });
  const report: LoadReport = { ok: 0, failed: 0, failures: [], images: new Map() };
  let running = true;
  const loop = async () => {
    while (running) {
      try {
        const res = await request(`${url}/`, {
          dispatcher: agent,
          headersTimeout: 10_000,
          bodyTimeout: 10_000,
        });
        const text = await res.body.text();
        if (res.statusCode === 200) {
          report.ok++;
          const tag = /:([\w-]+)@sha256/.exec((JSON.parse(text) as { image: string }).image)?.[1] ?? '?';
          report.images.set(tag, (report.images.get(tag) ?? 0) + 1);
        } else {
          report.failed++;
          report.failures.push(`${res.statusCode} ${text.slice(0, 120)}`);
        }
      } catch (error) {
        report.failed++;
        report.failures.push(String(error));
      }
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  };
  const workers = Array.from({ length: clients }, loop);
  return {
    report,
    stop: async () => {
      running = false;
      await Promise.all(workers);
      await agent.close();
      return report;
    },
  };
}

/** Waits (bounded) until the load has had `count` answers, so the measurement brackets the deploy. */
async function answered(report: LoadReport, count: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (report.ok + report.failed < count) {
    if (Date.now() > deadline)
      throw new Error(`the load got only ${report.ok + report.failed} answers in 15 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('fly-deploy bundle: zero downtime under constant load', () => {
  // Each case deploys to its own app seeded with v1: no case depends on what another left behind.
  let n = 0;
  it.each([
    ['blue-green, good release', 'bluegreen', 'v2', 'deployed', {}],
    ['rolling, good release', 'rolling', 'v2', 'deployed', {}],
    ['canary, good release', 'canary', 'v2', 'deployed', {}],
    ['rolling with count sin=3 (scale up)', 'rolling', 'v2', 'deployed', { count: 'sin=3' }],
    ['rolling with count sin=1 (scale down)', 'rolling', 'v2', 'deployed', { count: 'sin=1' }],
    ['blue-green, bad release (rolled back)', 'bluegreen', 'never-healthy', 'rolled-back', {}],
    ['canary, bad release (rolled back)', 'canary', 'never-healthy', 'rolled-back', {}],
  ])('%s: zero failed requests', async (_label, strategy, tag, status, extra) => {
    const app = `zero-downtime-${++n}`;
    await sim.createApp(app);
    await seed(sim, app, 'v1');
    const load = startLoad(sim.appUrl(app));
    await answered(load.report, 20);
    const run = await deployBundle(sim, app, {
      image: image(app, tag),
      strategy,
      'max-unavailable': '1',
      'wait-timeout': '4s',
      ...extra,
    });
    // Keep the load on after the deploy returns, until the app has answered 20 more requests.
    await answered(load.report, load.report.ok + load.report.failed + 20);
    const report = await load.stop();
    expect(run.outputs.status).toBe(status);
    expect(report.failures.slice(0, 5)).toEqual([]);
    expect(report.failed).toBe(0);
    expect(report.ok).toBeGreaterThan(50);
    if (status === 'deployed') {
      // The load saw the switch: answers from the new release, and the last ones only from it.
      expect(report.images.get(tag)).toBeGreaterThan(0);
      expect(sim.machines(app).every((m) => m.image === image(app, tag))).toBe(true);
    } else {
      expect(report.images.get(tag)).toBeUndefined();
      expect(sim.machines(app).every((m) => m.image === image(app, 'v1'))).toBe(true);
    }
  });
});
