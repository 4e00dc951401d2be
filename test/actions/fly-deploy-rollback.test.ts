import { describe, expect, it } from '@jest/globals';
import { expectServes, uniqueName, useFlySim } from './fly-sims.js';
import { deployBundle, heldLeases, image, seed, workspace, type FlySim } from '../fly/support.js';

// App names must not contain the simulator's behaviour words (crash, slow, never-healthy, release-fail):
// the image reference, which includes the app name, selects the behaviour.
let sim: FlySim;
useFlySim((started) => (sim = started));

async function seededApp(prefix: string, regions = ['sin']) {
  const app = uniqueName(prefix);
  await sim.createApp(app);
  const seeded = await seed(sim, app, 'v1', { regions });
  const before = sim.machines(app).map((m) => ({ id: m.id, version: m.version, image: m.image }));
  return { app, seeded, before };
}

/** The app still answers from the old release through its public URL. */
const servesOldRelease = (app: string) => expectServes(sim, app, 'v1');

const CHECK = 'servicecheck-00-http-8080';

/**
 * Makes one Machine's service check critical from the moment it is on the new image until the deploy puts
 * the previous image back on it (then the check is handed back to its probe, so the restore can pass):
 * "this Machine fails on the new release", whichever batch it is in. Resolves true once it has steered.
 */
function failOnNewRelease(app: string, machineId: string, run: Promise<unknown>): Promise<boolean> {
  sim.setCheck(app, machineId, CHECK, 'critical');
  let done = false;
  void run.finally(() => (done = true));
  return (async () => {
    let sawNew = false;
    try {
      while (!done) {
        const m = sim.machines(app).find((x) => x.id === machineId);
        if (m?.image === image(app, 'v2')) sawNew = true;
        if (sawNew && m?.image === image(app, 'v1')) return true;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return false;
    } finally {
      sim.setCheck(app, machineId, CHECK, null);
    }
  })();
}

describe('fly-deploy bundle: a bad release is rolled back', () => {
  it('rolling: an update Fly accepts and then silently reverts is caught by the version check and rolled back', async () => {
    const { app, before } = await seededApp('revert');
    // The spearhead's update answers 200 with a new version; flyd then boots the old version again.
    sim.faults.inject({ revertUpdate: true, times: 1 });
    // A long wait-timeout: the revert must be seen from the `replaced` state, not by waiting it out
    // (the first /wait long poll alone would otherwise hold for 60 s).
    const run = await deployBundle(sim, app, {
      image: image(app, 'v2'),
      strategy: 'rolling',
      'wait-timeout': '5m',
    });
    sim.faults.clear();
    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe('rolled-back');
    expect(run.durationMs).toBeLessThan(50_000);
    const error = run.annotations.find((a) => a.level === 'error')?.message ?? '';
    const reverted = /Fly reverted Machine (\w+): it runs version (\w+), not the deployed (\w+)\./.exec(
      error,
    );
    expect(reverted).not.toBeNull();
    const [, id, running, deployed] = reverted!;
    expect(before.find((m) => m.id === id)?.version).toBe(running);
    expect(deployed).not.toBe(running);
    expect(sim.machines(app).map((m) => ({ id: m.id, version: m.version, image: m.image }))).toEqual(before);
    expect(sim.machines(app).every((m) => m.state === 'started' && !m.cordoned)).toBe(true);
    expect(run.summary).toMatch(/\*\*Rolled back because:\*\* Fly reverted Machine/);
    expect(run.summary).toMatch(/Fly reverted the update to …\w{8}; still on the previous version/);
    expect(await heldLeases(sim, app)).toEqual([]);
    await servesOldRelease(app);
  });

  it('rolling: the 3rd batch failing after two good batches puts the previous image back on all three Machines', async () => {
    const { app, before } = await seededApp('roll-late', ['sin', 'nrt']);
    expect(before).toHaveLength(3);
    const third = [...before].sort((a, b) => a.id.localeCompare(b.id))[2];
    const running = deployBundle(sim, app, {
      image: image(app, 'v2'),
      strategy: 'rolling',
      'max-unavailable': '1',
      regions: 'sin\nnrt',
      'wait-timeout': '4s',
    });
    const steered = failOnNewRelease(app, third.id, running);
    const run = await running;
    expect(await steered).toBe(true);
    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe('rolled-back');
    expect(run.annotations.find((a) => a.level === 'error')?.message).toMatch(
      new RegExp(`Machine ${third.id} health checks did not pass within the wait timeout: ${CHECK} critical`),
    );
    // Batches 1 and 2 had passed on v2: they were changed too, and every one is back on v1.
    expect(run.log).toMatch(/batch 3\/3/);
    const after = sim.machines(app);
    expect(after.map((m) => m.id).sort()).toEqual(before.map((m) => m.id).sort());
    for (const m of after) {
      expect([m.id, m.image, m.state, m.cordoned]).toEqual([m.id, image(app, 'v1'), 'started', false]);
      expect(m.version).not.toBe(before.find((b) => b.id === m.id)?.version);
    }
    expect(run.summary.match(/restored \(new version …\w{8} failed; back on /g)).toHaveLength(3);
    expect(await heldLeases(sim, app)).toEqual([]);
    await servesOldRelease(app);
  });

  it('canary: a canary that passes, then a Machine failing during the rollout, rolls every changed Machine back', async () => {
    const { app, before } = await seededApp('canary-late');
    const second = [...before].sort((a, b) => a.id.localeCompare(b.id))[1];
    const running = deployBundle(sim, app, {
      image: image(app, 'v2'),
      strategy: 'canary',
      'max-unavailable': '1',
      'wait-timeout': '4s',
    });
    const steered = failOnNewRelease(app, second.id, running);
    const run = await running;
    expect(await steered).toBe(true);
    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe('rolled-back');
    expect(run.summary).toMatch(/canary passed, destroyed/);
    expect(run.annotations.find((a) => a.level === 'error')?.message).toMatch(
      new RegExp(`Machine ${second.id} health checks did not pass`),
    );
    const after = sim.machines(app);
    // The canary is gone and both app Machines (the spearhead that passed and the one that failed) are restored.
    expect(after.map((m) => m.id).sort()).toEqual(before.map((m) => m.id).sort());
    for (const m of after) {
      expect([m.id, m.image, m.state, m.cordoned]).toEqual([m.id, image(app, 'v1'), 'started', false]);
      expect(m.version).not.toBe(before.find((b) => b.id === m.id)?.version);
    }
    expect(run.summary.match(/restored \(new version …\w{8} failed; back on /g)).toHaveLength(2);
    expect(await heldLeases(sim, app)).toEqual([]);
    await servesOldRelease(app);
  });

  it('blue-green: green that never passes its checks is destroyed and blue keeps serving, untouched', async () => {
    const { app, before } = await seededApp('bg-bad');
    const run = await deployBundle(sim, app, {
      image: image(app, 'never-healthy'),
      strategy: 'bluegreen',
      'wait-timeout': '3s',
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe('rolled-back');
    expect(run.annotations.find((a) => a.level === 'error')?.message).toMatch(
      /the new release was rolled back: Machine \w+ health checks did not pass within the wait timeout: servicecheck-00-http-8080 critical/,
    );
    expect(sim.machines(app).map((m) => ({ id: m.id, version: m.version, image: m.image }))).toEqual(before);
    expect(sim.machines(app).every((m) => m.state === 'started' && !m.cordoned)).toBe(true);
    expect(run.summary).toMatch(/## ↩️ Rolled back/);
    expect(run.summary).toMatch(/\*\*Rolled back because:\*\* Machine \w+ health checks did not pass/);
    expect(run.summary).toMatch(/destroyed \(rolled back\)/);
    expect(await heldLeases(sim, app)).toEqual([]);
    await servesOldRelease(app);
  });

  it('rolling: a crashing release is detected and the previous image is put back on every Machine already changed', async () => {
    const { app, before } = await seededApp('roll-bad');
    const run = await deployBundle(sim, app, { image: image(app, 'crash'), strategy: 'rolling' });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe('rolled-back');
    expect(run.annotations.find((a) => a.level === 'error')?.message).toMatch(/crash/);
    const after = sim.machines(app);
    expect(after.map((m) => m.id).sort()).toEqual(before.map((m) => m.id).sort());
    expect(after.every((m) => m.image === image(app, 'v1') && m.state === 'started' && !m.cordoned)).toBe(
      true,
    );
    // The spearhead was changed and restored (new version); the second Machine was never touched.
    const changed = after.filter((m) => !before.some((b) => b.id === m.id && b.version === m.version));
    expect(changed).toHaveLength(1);
    expect(JSON.parse(run.outputs.machines)).toHaveLength(2);
    expect(run.summary).toMatch(
      /restored \(new version …\w{8} failed; back on registry\.fly\.io\/[\w-]+@sha256:/,
    );
    expect(await heldLeases(sim, app)).toEqual([]);
    await servesOldRelease(app);
  });

  it('canary: a canary that never gets healthy is destroyed and no app Machine changes', async () => {
    const { app, before } = await seededApp('canary-bad');
    const run = await deployBundle(sim, app, {
      image: image(app, 'never-healthy'),
      strategy: 'canary',
      'wait-timeout': '3s',
    });
    expect(run.outputs.status).toBe('rolled-back');
    expect(sim.machines(app).map((m) => ({ id: m.id, version: m.version, image: m.image }))).toEqual(before);
    expect(await heldLeases(sim, app)).toEqual([]);
    await servesOldRelease(app);
  });

  it('immediate: every Machine changed is restored when the release never gets healthy', async () => {
    const { app } = await seededApp('imm-bad');
    const run = await deployBundle(sim, app, {
      image: image(app, 'never-healthy'),
      strategy: 'immediate',
      'wait-timeout': '3s',
    });
    expect(run.outputs.status).toBe('rolled-back');
    expect(sim.machines(app).every((m) => m.image === image(app, 'v1') && m.state === 'started')).toBe(true);
    expect(await heldLeases(sim, app)).toEqual([]);
    await servesOldRelease(app);
  });

  it('a slow boot past wait-timeout is rolled back', async () => {
    const { app } = await seededApp('boot-late');
    const run = await deployBundle(sim, app, {
      image: image(app, 'slow'),
      strategy: 'bluegreen',
      'wait-timeout': '1s',
    });
    expect(run.outputs.status).toBe('rolled-back');
    expect(run.annotations.find((a) => a.level === 'error')?.message).toMatch(/within the wait timeout/);
    expect(sim.machines(app).every((m) => m.image === image(app, 'v1'))).toBe(true);
  });

  it('a failing release_command stops the deploy before any app Machine changes', async () => {
    const { app, before } = await seededApp('release');
    const cwd = workspace({
      'fly.release.toml':
        'app = "x"\nprimary_region = "sin"\n[deploy]\nrelease_command = "bin/migrate --all"\n[http_service]\ninternal_port = 8080\n[[http_service.checks]]\ngrace_period = "1s"\ninterval = "500ms"\npath = "/health"\n',
    });
    const run = await deployBundle(
      sim,
      app,
      { image: image(app, 'release-fail'), config: 'fly.release.toml' },
      { cwd },
    );
    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe('failed');
    expect(run.annotations.find((a) => a.level === 'error')?.message).toMatch(
      /release command failed - aborting deployment: `bin\/migrate --all` exited with non-zero status of [1-9]\d*; no app Machine was changed/,
    );
    expect(sim.machines(app).map((m) => ({ id: m.id, version: m.version, image: m.image }))).toEqual(before);
    expect(run.summary).toMatch(/stopped before changing anything/);
    expect(await heldLeases(sim, app)).toEqual([]);
  });

  it('a first deploy of a bad release leaves no Machines behind', async () => {
    const app = uniqueName('first-bad');
    await sim.createApp(app);
    const run = await deployBundle(sim, app, { image: image(app, 'crash') });
    expect(run.outputs.status).toBe('rolled-back');
    expect(sim.machines(app).filter((m) => !['destroyed', 'destroying'].includes(m.state))).toEqual([]);
    expect(run.summary).toMatch(/The Machines this deploy created were destroyed/);
  });

  it('rollback: false leaves the failed Machine for inspection and says so', async () => {
    const { app } = await seededApp('no-rollback');
    const run = await deployBundle(sim, app, {
      image: image(app, 'never-healthy'),
      strategy: 'rolling',
      rollback: 'false',
      'wait-timeout': '2s',
    });
    expect(run.outputs.status).toBe('failed');
    expect(sim.machines(app).filter((m) => m.image === image(app, 'never-healthy'))).toHaveLength(1);
    expect(run.summary).toMatch(/rollback is off, so 1 Machine\(s\) were left as they are/);
    expect(await heldLeases(sim, app)).toEqual([]);
  });

  it('a rollback that fails is a loud, separate error with the commands to run by hand', async () => {
    const { app } = await seededApp('rb-fails');
    // The forward path never reaches uncordon (the release never gets healthy); the rollback does, and is refused.
    sim.faults.inject({ method: 'POST', path: 'uncordon', status: 400, times: 1000 });
    const run = await deployBundle(sim, app, {
      image: image(app, 'never-healthy'),
      strategy: 'rolling',
      'wait-timeout': '2s',
    });
    sim.faults.clear();
    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe('failed');
    const rollbackError = run.annotations.find(
      (a) => a.level === 'error' && /ROLLBACK FAILED/.test(a.message),
    );
    expect(rollbackError).toBeDefined();
    expect(run.log).toMatch(
      /fly deploy -a rb-fails-\d+ --image registry\.fly\.io\/rb-fails-\d+@sha256:[0-9a-f]{64} --strategy immediate/,
    );
    expect(run.summary).toMatch(/### ❌ Rollback failed: fix by hand/);
    expect(run.summary).toMatch(/```sh\nfly machine lease clear \w+ -a rb-fails-\d+/);
    // Even a failed rollback hands its leases back, so the commands above can run at once.
    expect(await heldLeases(sim, app)).toEqual([]);
  });
});
