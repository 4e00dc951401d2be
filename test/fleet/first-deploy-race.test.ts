import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { deployBundle, heldLeases, image, startFlySim, startRecorder, type FlySim } from '../fly/support.js';

// Issue 15 §4 on an app with no Machines yet: Fly leases only Machines, so two first deploys both find
// nothing to lease. Each lists the app again after creating its Machines and gives way when it finds a
// rival's; the app ends with one fleet, never two. Explicit gates order the two runs (no timing windows).
// Needs `npm run build` (runs dist/fly-deploy).
let sim: FlySim;
beforeAll(async () => {
  sim = await startFlySim({});
});
afterAll(async () => {
  await sim?.close();
});

const LIST = /\/apps\/[^/]+\/machines(\?|$)/;
const isCreate = (r: { method: string; path: string }) => r.method === 'POST' && LIST.test(r.path);
const isList = (r: { method: string; path: string }) => r.method === 'GET' && LIST.test(r.path);

function latch() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

/** One deploy's view of Fly through a gated proxy: its survey, its creates, and its check after them. */
async function gatedRun(
  holdSurvey: () => Promise<void> | undefined,
  holdCreate: () => Promise<void> | undefined,
  holdCheck: () => Promise<void> | undefined,
) {
  const surveyArrived = latch();
  const surveyed = latch();
  const checkArrived = latch();
  const checked = latch();
  let created = false;
  const proxy = await startRecorder(sim.apiUrl, {
    hold: (r) => {
      if (isList(r) && !created) {
        surveyArrived.open();
        return holdSurvey();
      }
      if (isCreate(r)) return holdCreate();
      if (isList(r) && created) {
        checkArrived.open();
        return holdCheck();
      }
      return undefined;
    },
    answered: (r) => {
      if (isCreate(r) && r.status < 300) created = true;
      else if (isList(r) && !created) surveyed.open();
      else if (isList(r) && created) checked.open();
    },
  });
  return { proxy, surveyArrived, surveyed, checkArrived, checked };
}

async function race(app: string, order: 'a-checks-before-b-creates' | 'both-create-then-a-checks') {
  await sim.createApp(app);
  const aExited = latch();
  // B's gates refer to A's, so A's proxy is made first with gates that wait on B's latches.
  const b = { surveyArrived: latch(), surveyed: latch(), checkArrived: latch() };
  // Both surveys wait for each other (only the two processes' start-up apart), so both find the app empty.
  const a = await gatedRun(
    () => b.surveyArrived.opened,
    () => b.surveyed.opened,
    () => (order === 'both-create-then-a-checks' ? b.checkArrived.opened : undefined),
  );
  const bRun = await gatedRun(
    () => a.surveyArrived.opened,
    () => (order === 'a-checks-before-b-creates' ? a.checked.opened : undefined),
    () => (order === 'both-create-then-a-checks' ? aExited.opened : undefined),
  );
  void bRun.surveyArrived.opened.then(b.surveyArrived.open);
  void bRun.surveyed.opened.then(b.surveyed.open);
  void bRun.checkArrived.opened.then(b.checkArrived.open);
  try {
    const runA = deployBundle(sim, app, { image: image(app, 'v1a') }, { apiUrl: a.proxy.url }).finally(
      aExited.open,
    );
    const runB = deployBundle(sim, app, { image: image(app, 'v1b') }, { apiUrl: bRun.proxy.url });
    const [ra, rb] = await Promise.all([runA, runB]);
    return { a: ra, b: rb, aRequests: a.proxy.requests, bRequests: bRun.proxy.requests };
  } finally {
    await a.proxy.close();
    await bRun.proxy.close();
  }
}

describe('two first deploys racing on an empty app', () => {
  it.each([
    ['a-checks-before-b-creates', 'a'],
    ['both-create-then-a-checks', 'b'],
  ] as const)(
    '%s: one fleet, %s wins, the other gives way and destroys what it created',
    async (order, winner) => {
      const app = `first-race-${winner}`;
      const runs = await race(app, order);
      const won = runs[winner];
      const lost = runs[winner === 'a' ? 'b' : 'a'];
      expect([won.outputs.status, won.exitCode]).toEqual(['deployed', 0]);
      expect(lost.exitCode).toBe(1);
      expect(lost.outputs.status).toBe('rolled-back');
      expect(lost.annotations.find((x) => x.level === 'error')?.message).toMatch(
        /another deploy created this app's first Machines at the same time/,
      );
      // Both really were first deploys that created Machines: the guard, not the leases, decided.
      expect(runs.aRequests.filter(isCreate).length).toBeGreaterThan(0);
      expect(runs.bRequests.filter(isCreate).length).toBeGreaterThan(0);
      const tag = winner === 'a' ? 'v1a' : 'v1b';
      const after = sim.machines(app);
      expect(after.map((m) => m.image)).toEqual(after.map(() => image(app, tag)));
      expect(after).toHaveLength(2);
      expect(await heldLeases(sim, app)).toEqual([]);
    },
    180_000,
  );
});
