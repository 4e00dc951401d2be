import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runDoctor, type DoctorReport } from '../../src/fly/doctor/index.js';
import { runBundle } from '../../src/harness/run-bundle.js';
import type { FaultRule } from '../../src/sim/fly/index.js';
import {
  deployBundle,
  heldLeases,
  image,
  seed,
  startFlySim,
  whenMachines,
  workspace,
  type FlySim,
} from '../fly/support.js';

// Issue 15 §2 drills: a blue-green deploy (the built bundle) is killed at each phase, and a rolling and a
// canary one at theirs; the doctor then names what was left and repairs it, and the next deploy (same
// strategy) neither doubles nor loses a Machine.
// Needs `npm run build`.
type Machines = ReturnType<FlySim['machines']>;

interface Phase {
  name: string;
  /** The deploy killed (and the next one): blue-green unless said. */
  strategy?: 'bluegreen' | 'rolling' | 'canary';
  tag: string;
  /** The deploy has logged this line… */
  after: RegExp;
  /** …and the app looks like this: kill it now. */
  when: (machines: Machines, n: number, newImage: string) => boolean;
  /**
   * Fly refuses this request while the deploy runs, so the phase lasts until the kill instead of a few
   * milliseconds the poll can miss (CI once saw every blue stopped and destroyed between two polls).
   */
  hold?: (blue: Machines) => FaultRule;
}

/** Fly refuses this call on every blue Machine until the kill, so the blue-green stays in the phase before it. */
const holdOnBlue = (blue: Machines, method: string, suffix: string): FaultRule => ({
  method,
  path: new RegExp(`/machines/(${blue.map((m) => m.id).join('|')})${suffix}$`),
  status: 503,
});
const byId = (ms: Machines) => [...ms].sort((a, b) => a.id.localeCompare(b.id));
/** Rolling goes in batches sorted by id, a spearhead first: Fly refuses the second Machine's update. */
const holdSecondUpdate = (blue: Machines): FaultRule => ({
  method: 'POST',
  path: new RegExp(`/machines/${byId(blue)[1]!.id}$`),
  status: 503,
});

const onNew = (ms: Machines, img: string) => ms.filter((m) => m.image === img);
const onOld = (ms: Machines, img: string) => ms.filter((m) => m.image !== img);

const PHASES: Phase[] = [
  {
    name: 'leases taken, nothing created',
    tag: 'v2',
    after: /leased \d+ Machine/,
    when: () => true,
    // Fly refuses every create until the kill: none can be in flight and land after the doctor looked.
    hold: () => ({ method: 'POST', path: /\/apps\/[^/]+\/machines$/, status: 503 }),
  },
  {
    name: 'green created, not yet healthy',
    tag: 'v2-never-healthy',
    after: /creating \d+ green/,
    // Every green exists (none still in flight) and none ever turns healthy: the phase lasts until the kill.
    when: (ms, n, img) => onNew(ms, img).length === n,
  },
  {
    name: 'green uncordoned, blue untouched',
    tag: 'v2',
    after: /uncordoning green/,
    when: (ms, n, img) => onNew(ms, img).length === n && onNew(ms, img).every((m) => !m.cordoned),
    hold: (blue) => holdOnBlue(blue, 'POST', '/metadata/[^/]+'),
  },
  {
    name: 'blue marked safe_to_destroy',
    tag: 'v2',
    after: /cordoning blue/,
    when: () => true,
    hold: (blue) => holdOnBlue(blue, 'POST', '/cordon'),
  },
  {
    name: 'blue cordoned',
    tag: 'v2',
    after: /stopping blue/,
    when: () => true,
    hold: (blue) => holdOnBlue(blue, 'POST', '/stop'),
  },
  {
    name: 'blue stopped',
    tag: 'v2',
    after: /stopping blue/,
    when: (ms, _n, img) => onOld(ms, img).some((m) => m.state === 'stopped'),
    hold: () => ({ method: 'DELETE', path: /\/machines\/[^/]+$/, status: 503 }),
  },
  {
    name: 'blue being destroyed',
    tag: 'v2',
    after: /destroying blue/,
    when: (ms, n, img) => onOld(ms, img).length < n,
    // The other blue Machines go; this one stays until the kill, so something is always left half-done.
    hold: (blue) => ({ method: 'DELETE', path: new RegExp(`/machines/${blue[0]!.id}$`), status: 503 }),
  },
  {
    name: 'rolling: spearhead updated, the next batch under way',
    strategy: 'rolling',
    tag: 'v2',
    after: /batch 2\//,
    // The next Machine is cordoned before its (refused) update: the spearhead is done, the batch open.
    when: (ms, _n, img) => onNew(ms, img).length === 1 && ms.some((m) => m.cordoned),
    hold: holdSecondUpdate,
  },
  {
    name: 'canary: canary healthy, not yet destroyed',
    strategy: 'canary',
    tag: 'v2',
    after: /canary \S+ healthy; destroying it/,
    when: (ms, n) => ms.length > n,
    hold: () => ({ method: 'DELETE', path: /\/machines\/[^/]+$/, status: 503 }),
  },
  {
    name: 'canary: canary gone, rolling half-done',
    strategy: 'canary',
    tag: 'v2',
    after: /batch 2\//,
    when: (ms, n, img) => ms.length === n && onNew(ms, img).length === 1 && ms.some((m) => m.cordoned),
    hold: holdSecondUpdate,
  },
];

let sim: FlySim;
const drills: { phase: string; before: string; after: string; direction: string }[] = [];
beforeAll(async () => {
  sim = await startFlySim({});
});
afterAll(async () => {
  await sim?.close();
  const rows = drills.map((d) => `| ${d.phase} | ${d.before} | ${d.direction} | ${d.after} |`);
  process.stdout.write(
    `\nDoctor drills\n| Killed at | Left behind | Doctor | After the doctor |\n|---|---|---|---|\n${rows.join('\n')}\n`,
  );
});

const kinds = (r: DoctorReport['before']) =>
  r.map((f) => `${f.kind} ×${f.machines.length}`).join(', ') || 'nothing';

/** Runs a blue-green deploy bundle and SIGKILLs it once `phase` is reached. */
async function killedDeploy(app: string, blue: Machines, phase: Phase): Promise<boolean> {
  const abort = new AbortController();
  const img = image(app, phase.tag);
  let seen = false;
  if (phase.hold) sim.faults.inject(phase.hold(blue));
  const run = runBundle('fly-deploy', {
    cwd: workspace(),
    inputs: {
      app,
      'api-url': sim.apiUrl,
      'api-token': sim.token,
      'public-url': sim.appUrl(app),
      'proxy-settle': '0s',
      'wait-timeout': '20s',
      'max-unavailable': '1',
      image: img,
      strategy: phase.strategy ?? 'bluegreen',
    },
    timeoutMs: 120_000,
    onLine: (line) => (seen ||= phase.after.test(line)),
    signal: abort.signal,
  });
  let finished = false;
  void run.finally(() => (finished = true));
  while (!finished && !(seen && phase.when(sim.machines(app), blue.length, img)))
    await new Promise((resolve) => setTimeout(resolve, 10));
  abort.abort();
  try {
    const result = await run;
    return !(finished && result.exitCode === 0);
  } finally {
    sim.faults.clear();
  }
}

/**
 * A request the killed process had already sent still lands at Fly (a green create in flight): the doctor
 * runs once the app has stopped changing, as the next workflow run would, not in the same millisecond.
 */
async function settled(app: string): Promise<void> {
  const shape = () => JSON.stringify(sim.machines(app).map((m) => [m.id, m.state, m.image]));
  let last = shape();
  let since = Date.now();
  for (const started = Date.now(); Date.now() - since < 1000 && Date.now() - started < 20_000;) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const now = shape();
    if (now !== last) [last, since] = [now, Date.now()];
  }
}

/** Seeds a fresh app and kills a deploy at `phase`; tries again (at most three apps) when the deploy outran the kill. */
async function drillApp(phase: Phase, attempt: () => string) {
  for (let tries = 0; tries < 3; tries++) {
    const app = attempt();
    await sim.createApp(app);
    await seed(sim, app, 'v1', { regions: ['sin', 'nrt'] });
    const original = sim.machines(app);
    if (await killedDeploy(app, original, phase)) {
      await settled(app);
      return { app, original, killed: true };
    }
  }
  return { app: '', original: [] as Machines, killed: false };
}

const slotsOf = (ms: Machines) => ms.map((m) => m.region).sort();

describe('a deploy killed at each phase, then doctor, then the next deploy', () => {
  let k = 0;
  it.each(PHASES)(
    '$name',
    async (phase) => {
      const { app, original, killed } = await drillApp(phase, () => `drill-${++k}`);
      expect(killed ? 'killed' : 'every deploy finished before the kill').toBe('killed');

      const lines: string[] = [];
      const report = await runDoctor({
        app,
        apiUrl: sim.apiUrl,
        apiToken: sim.token,
        fix: 'auto',
        waitTimeoutMs: 20_000,
        log: (l) => lines.push(l),
      });
      drills.push({
        phase: phase.name,
        before: kinds(report.before),
        direction: report.direction ?? '-',
        after: kinds(report.after),
      });
      expect(report.before.length).toBeGreaterThan(0);
      expect({ failure: report.failure, refused: report.refused, after: report.after }).toEqual({
        failure: undefined,
        refused: undefined,
        after: [],
      });
      // A Machine the doctor destroyed is gone once Fly has finished destroying it.
      await whenMachines(sim, app, (ms) => ms.every((m) => m.state !== 'destroying'), 20_000);
      const healed = sim.machines(app);
      expect(slotsOf(healed)).toEqual(slotsOf(original));
      expect(new Set(healed.map((m) => m.image)).size).toBe(1);
      expect(await heldLeases(sim, app)).toEqual([]);

      const next = await deployBundle(sim, app, {
        image: image(app, 'v3'),
        strategy: phase.strategy ?? 'bluegreen',
      });
      expect(next.outputs.status).toBe('deployed');
      const final = sim.machines(app);
      expect(slotsOf(final)).toEqual(slotsOf(original));
      expect(final.every((m) => m.image === image(app, 'v3') && m.state === 'started')).toBe(true);
      expect(await heldLeases(sim, app)).toEqual([]);
      const res = await fetch(`${sim.appUrl(app)}/`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { image: string }).image).toContain(':v3');
    },
    180_000,
  );
});
