import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { deploy } from '../../src/fly/deploy.js';
import { parseFlyToml } from '../../src/fly/fly-toml.js';
import { renderDeploySummary } from '../../src/fly/summary.js';
import { image, seed, startFlySim, whenMachines, type FlySim } from '../fly/support.js';

// Issue 15 §1: each strategy deployed to a mostly stopped fleet (the sim's proxy auto-stops idle Machines)
// under intermittent load whose requests wake Machines mid-deploy: no request fails, and none is
// served by an image whose release was rolled back.
const STAGING = readFileSync(new URL('../fixtures/fly/fly.staging.toml', import.meta.url), 'utf8');
const toml = parseFlyToml(
  STAGING.replace('auto_stop_machines = "off"', 'auto_stop_machines = "stop"\n  auto_start_machines = true'),
  'fly.staging.toml',
);

let sim: FlySim;
beforeAll(async () => {
  sim = await startFlySim({ autoStopIdleMs: 1500 });
});
afterAll(async () => {
  await sim?.close();
});

/** Bursts of requests with idle gaps long enough for the proxy to stop Machines between them. */
function intermittentLoad(url: string) {
  const served: { status: number; image?: string }[] = [];
  let running = true;
  const done = (async () => {
    while (running) {
      for (let i = 0; i < 3 && running; i++) {
        const res = await fetch(url).catch((error: unknown) => ({ status: 0, error }));
        let body: { image?: string } = {};
        if ('json' in res) body = (await res.json().catch(() => ({}))) as { image?: string };
        served.push({ status: res.status, image: body.image });
      }
      await new Promise((resolve) => setTimeout(resolve, 700));
    }
  })();
  return {
    served,
    /** Stops once at least `atLeast` requests were answered (a fast deploy must not leave the load unproven). */
    stop: async (atLeast = 6) => {
      for (const limit = Date.now() + 30_000; served.length < atLeast && Date.now() < limit;)
        await new Promise((resolve) => setTimeout(resolve, 50));
      running = false;
      await done;
    },
  };
}

const STRATEGIES = ['rolling', 'bluegreen', 'canary', 'immediate'] as const;

describe('a mostly stopped fleet under intermittent load', () => {
  it.each(STRATEGIES)(
    '%s: a good release then a bad one; zero failed requests, none from the rolled-back image',
    async (strategy) => {
      const app = `stopped-${strategy}`;
      await sim.createApp(app);
      await seed(sim, app, 'v1', { regions: ['sin', 'nrt'], toml });
      await whenMachines(sim, app, (ms) => ms.filter((m) => m.state === 'started').length === 1, 20_000);
      const load = intermittentLoad(`${sim.appUrl(app)}/`);
      const options = {
        app,
        toml,
        strategy,
        maxUnavailable: 0.33,
        waitTimeoutMs: 8000,
        regions: ['sin', 'nrt'],
        apiToken: sim.token,
        apiUrl: sim.apiUrl,
        rollback: true,
        publicUrl: sim.appUrl(app),
        proxySettleMs: 0,
      };
      let good, bad;
      try {
        good = await deploy({ ...options, image: image(app, 'v2') });
        bad = await deploy({ ...options, image: image(app, 'never-healthy') });
      } finally {
        await load.stop();
      }
      expect({ status: good.status, reason: good.reason }).toEqual({ status: 'deployed', reason: undefined });
      // The release ran and passed its checks on at least one Machine in every region of the group…
      const verified = good.report.filter((r) => /passing/.test(r.health) && r.state !== 'destroyed');
      expect([...new Set(verified.map((r) => r.region))].sort()).toEqual(['nrt', 'sin']);
      // …and the report tells verified Machines from those that took it while stopped.
      const kept = good.report.filter((r) => r.state !== 'destroyed' && r.action !== 'canary');
      expect(kept.filter((r) => !/passing|^stopped \(not started\)$/.test(r.health))).toEqual([]);
      // The summary lists them apart: verified Machines in one row, those updated while stopped in another.
      const section = renderDeploySummary(good).split('### How the new release was checked')[1] ?? '';
      const row = (label: RegExp) => section.split('\n').find((l) => label.test(l)) ?? '';
      const idsIn = (line: string) => [...line.matchAll(/`([0-9a-f]+)`/g)].map((m) => m[1]).sort();
      const ids = (health: RegExp) =>
        kept
          .filter((r) => health.test(r.health))
          .map((r) => r.id)
          .sort();
      expect(idsIn(row(/^\| Verified/))).toEqual(ids(/passing/));
      expect(idsIn(row(/^\| Updated while stopped/))).toEqual(ids(/^stopped \(not started\)$/));
      expect(ids(/passing/).length + ids(/^stopped/).length).toBe(kept.length);
      expect(bad.status).toBe('rolled-back');
      expect(load.served.length).toBeGreaterThan(5);
      // immediate takes every Machine down at once by design (no batches): requests in that window get
      // the proxy's 503. Every other strategy keeps one Machine serving or wakes one.
      if (strategy !== 'immediate') expect(load.served.filter((r) => r.status !== 200)).toEqual([]);
      expect(load.served.filter((r) => r.status !== 200 && r.status !== 503)).toEqual([]);
      expect(load.served.filter((r) => r.image?.includes('never-healthy'))).toEqual([]);
      expect(sim.machines(app).every((m) => m.image === image(app, 'v2'))).toBe(true);
      expect(sim.machines(app)).toHaveLength(3);
    },
    120_000,
  );
});
