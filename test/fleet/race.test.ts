import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  deployBundle,
  heldLeases,
  image,
  seed,
  startFlySim,
  startRecorder,
  type FlySim,
} from '../fly/support.js';

// Issue 15 §4: two fly-deploy bundles on one app at once end with one clear winner; the other is stopped
// by the leases before it changes anything. Needs `npm run build` (runs dist/fly-deploy).
let sim: FlySim;
beforeAll(async () => {
  sim = await startFlySim({});
});
afterAll(async () => {
  await sim?.close();
});

const MUTATIONS = /^(POST|PUT|PATCH|DELETE)$/;
/** Everything but taking and giving back leases changes the app. */
const isChange = (r: { method: string; path: string }) =>
  MUTATIONS.test(r.method) && !/\/lease(\?|$)/.test(r.path);

describe('two deploys racing on one app', () => {
  it.each(['rolling', 'bluegreen'])(
    '%s: exactly one wins, the other stops on a lease before any change',
    async (strategy) => {
      const app = `race-${strategy}`;
      await sim.createApp(app);
      await seed(sim, app, 'v1', { regions: ['sin'] });
      const before = sim.machines(app).length;
      const a = await startRecorder(sim.apiUrl);
      const b = await startRecorder(sim.apiUrl);
      try {
        const [runA, runB] = await Promise.all([
          deployBundle(
            sim,
            app,
            { image: image(app, 'v2a'), strategy, secrets: 'RACE=a' },
            { apiUrl: a.url },
          ),
          deployBundle(
            sim,
            app,
            { image: image(app, 'v2b'), strategy, secrets: 'RACE=b' },
            { apiUrl: b.url },
          ),
        ]);
        const runs = [
          { run: runA, rec: a, tag: 'v2a' },
          { run: runB, rec: b, tag: 'v2b' },
        ];
        const statuses = runs.map(({ run }) => run.outputs.status).sort();
        expect(statuses).toEqual(['deployed', 'failed']);
        const winner = runs.find(({ run }) => run.outputs.status === 'deployed')!;
        const loser = runs.find(({ run }) => run.outputs.status === 'failed')!;
        expect(loser.run.exitCode).toBe(1);
        expect(loser.run.annotations.find((x) => x.level === 'error')?.message).toMatch(/lease/i);
        expect(loser.run.summary).toMatch(/stopped before changing anything/);
        expect(loser.rec.requests.filter(isChange)).toEqual([]);
        const after = sim.machines(app);
        expect(after).toHaveLength(before);
        expect(new Set(after.map((m) => m.image))).toEqual(new Set([image(app, winner.tag)]));
        expect(await heldLeases(sim, app)).toEqual([]);
      } finally {
        await a.close();
        await b.close();
      }
    },
    180_000,
  );
});
