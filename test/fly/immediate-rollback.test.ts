import { describe, expect, it } from '@jest/globals';
import { deploy } from '../../src/fly/deploy.js';
import { parseFlyToml } from '../../src/fly/fly-toml.js';
import { deployOptions, image, seed, STAGING_TOML, suiteSim } from './support.js';

const STAGING = STAGING_TOML;

/**
 * A crashing Machine that flyd stops restarting ends `stopped`; an update of a stopped Machine leaves it
 * stopped (fly.md §1.5), which is what left every Machine down in issue 10. Both restart shapes get there.
 */
const RESTARTS = {
  'restart never': '[[restart]]\n  policy = "never"\n',
  'on-failure, retries exhausted': '[[restart]]\n  policy = "on-failure"\n  retries = 1\n',
  'default restart policy': '',
};

const sim = suiteSim();

describe('immediate strategy, crashing release (issue 10 defect)', () => {
  let n = 0;
  it.each(Object.entries(RESTARTS))(
    '%s: the rollback restores every Machine started on the previous image and the app serves again',
    async (_label, restart) => {
      const toml = parseFlyToml(`${STAGING}\n${restart}`, 'fly.staging.toml');
      const app = `imm-boom-${++n}`;
      await sim.createApp(app);
      await seed(sim, app, 'v1', { regions: ['sin'], toml });
      const before = sim
        .machines(app)
        .map((m) => m.id)
        .sort();
      const lines: string[] = [];
      const result = await deploy(
        deployOptions(sim, app, 'crash', {
          toml,
          strategy: 'immediate',
          maxUnavailable: 0.33,
          waitTimeoutMs: 8000,
          log: (l) => lines.push(l),
        }),
      );

      expect({ status: result.status, failure: result.rollbackFailure?.message }).toEqual({
        status: 'rolled-back',
        failure: undefined,
      });
      const after = sim.machines(app);
      expect(after.map((m) => m.id).sort()).toEqual(before);
      expect(after.map((m) => [m.image, m.state])).toEqual(after.map(() => [image(app, 'v1'), 'started']));
      const res = await fetch(`${sim.appUrl(app)}/`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { image: string }).image).toContain(':v1');
    },
    90_000,
  );
});
