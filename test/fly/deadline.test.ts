import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { deploy } from '../../src/fly/deploy.js';
import { parseFlyToml } from '../../src/fly/fly-toml.js';
import { deployTimeoutMs } from '../../src/fly/inputs.js';
import { startHostile, type HostileServer } from '../../src/sim/hostile/index.js';
import { deployOptions, image, seed, STAGING_TOML as STAGING, startFlySim, type FlySim } from './support.js';

let sim: FlySim;
let hostile: HostileServer | undefined;
beforeAll(async () => {
  sim = await startFlySim({});
});
afterAll(async () => {
  await hostile?.close();
  await sim?.close();
});

describe('fly-deploy overall deadline (issue 10 item 2)', () => {
  it('the default timeout is phases(strategy) × wait-timeout + 2m', () => {
    expect(deployTimeoutMs('immediate', 60_000)).toBe(3 * 60_000);
    expect(deployTimeoutMs('rolling', 300_000)).toBe(17 * 60_000);
    expect(deployTimeoutMs('canary', 300_000)).toBe(22 * 60_000);
  });

  it('machine_checks add one wait-timeout (their tested Machine starts and passes its checks first)', () => {
    const plain = parseFlyToml(STAGING, 'fly.toml');
    const checked = parseFlyToml(
      `${STAGING}\n[[machine_checks]]\n  command = ["curl", "-f", "http://[$FLY_TEST_MACHINE_IP]:8080/"]\n`,
      'fly.toml',
    );
    expect(deployTimeoutMs('rolling', 300_000, plain)).toBe(17 * 60_000);
    expect(deployTimeoutMs('rolling', 300_000, checked)).toBe(22 * 60_000);
  });

  it('a Machine wait that never answers ends the deploy at the timeout, names the API and rolls back', async () => {
    const app = 'deadline-hang';
    await sim.createApp(app);
    await seed(sim, app, 'v1');
    // Everything reaches the real stand-in except the first Machine wait, which never answers: without
    // the deadline the deploy would sit in it for the whole 5m wait-timeout.
    hostile = await startHostile({
      upstream: sim.apiUrl,
      rules: [{ match: ({ url }) => /\/wait\b/.test(url), behaviour: 'hang', times: 1 }],
    });
    const started = Date.now();
    // A 5 m wait-timeout and a 4 s deadline: only the deadline can end what hangs.
    const result = await deploy(
      deployOptions(sim, app, 'v2', {
        strategy: 'immediate',
        maxUnavailable: 0.33,
        waitTimeoutMs: 300_000,
        timeoutMs: 4000,
        apiUrl: hostile.url,
      }),
    );
    const elapsed = Date.now() - started;
    expect(result.status).toBe('rolled-back');
    expect(result.reason).toMatch(
      /^fly-deploy's timeout \(4\.0s\) passed: the Fly Machines API at http:\/\/127\.0\.0\.1:\d+ stopped answering \(.+\); the rollback of \d+ Machine\(s\) ran with its own 1m0s$/,
    );
    expect(hostile.requests.some((r) => r.answer === 'hang')).toBe(true);
    // The rollback put v1 back on every Machine.
    const images = sim.machines(app).map((m) => (m.config as { image?: string }).image);
    expect(images).toEqual(images.map(() => image(app, 'v1')));
    // Loose bound (the machine is shared): well above 4s + the rollback, far below the 5m wait-timeout.
    expect(elapsed).toBeLessThan(60_000);
  }, 120_000);
});
