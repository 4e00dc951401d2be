import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Agent, request } from 'undici';
import { deployBundle, image, seed, startFlySim, type FlySim } from '../fly/support.js';

let sim: FlySim;
const app = 'zero-downtime';
beforeAll(async () => {
  sim = await startFlySim({ apps: [app] });
  await seed(sim, app, 'v1');
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
function startLoad(url: string, clients = 4, pauseMs = 10): { stop: () => Promise<LoadReport> } {
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
    stop: async () => {
      running = false;
      await Promise.all(workers);
      await agent.close();
      return report;
    },
  };
}

describe('fly-deploy bundle: zero downtime under constant load', () => {
  it.each([
    ['blue-green, good release', 'bluegreen', 'v2', 'deployed'],
    ['rolling, good release', 'rolling', 'v3', 'deployed'],
    ['blue-green, bad release (rolled back)', 'bluegreen', 'never-healthy', 'rolled-back'],
  ])('%s: zero failed requests', async (_label, strategy, tag, status) => {
    const load = startLoad(sim.appUrl(app));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const run = await deployBundle(sim, app, {
      image: image(app, tag),
      strategy,
      'max-unavailable': '1',
      'wait-timeout': '4s',
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
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
      expect(sim.machines(app).every((m) => m.image === image(app, 'v3'))).toBe(true);
    }
  });
});
