import { describe, expect, it } from '@jest/globals';
import { githubRunnerEnv, useFlySim, useGitHubSim } from './fly-sims.js';
import type { GitHubSim } from '../../src/sim/github/index.js';
import { lastSuccessfulDeployment } from '../../src/github/deployments.js';
import { deployBundle, image, visibleLog, type FlySim } from '../fly/support.js';

let fly: FlySim;
let github: GitHubSim;
useFlySim((started) => (fly = started));
useGitHubSim((started) => (github = started));

const runnerEnv = () => githubRunnerEnv(github, 'b'.repeat(40));
const states = (id: string) =>
  github
    .deployments()
    .find((d) => String(d.id) === id)
    ?.statuses.map((s) => s.state);

describe('fly-deploy records GitHub deployments', () => {
  it('records success with the digest, and a rolled-back release as a failure promotion will skip', async () => {
    const app = 'records-app';
    await fly.createApp(app);
    const good = await deployBundle(
      fly,
      app,
      { image: image(app, 'v1'), environment: 'staging' },
      { env: runnerEnv() },
    );
    expect(good.exitCode).toBe(0);
    expect(good.outputs['deployment-id']).toMatch(/^\d+$/);
    expect(states(good.outputs['deployment-id'])).toEqual(['in_progress', 'success']);
    const record = github.deployments().find((d) => String(d.id) === good.outputs['deployment-id'])!;
    expect(record.environment).toBe('staging');
    expect(record.payload).toMatchObject({ type: 'runway-deploy', app, image: good.outputs.image });
    expect(record.statuses[1].environment_url).toBe(fly.appUrl(app));

    // A digest input is recorded before anything changes (in_progress while the deploy runs).
    const bad = await deployBundle(
      fly,
      app,
      { image: image(app, 'never-healthy-v2'), environment: 'staging' },
      { env: runnerEnv() },
    );
    expect(bad.outputs.status).toBe('rolled-back');
    expect(states(bad.outputs['deployment-id'])).toEqual(['in_progress', 'failure']);

    const last = await lastSuccessfulDeployment({
      token: github.token,
      repository: github.repository,
      apiUrl: github.apiUrl,
      environment: 'staging',
    });
    expect(last?.payload.image).toBe(good.outputs.image);
    expect(visibleLog(bad.log)).not.toContain(github.token);
    expect(bad.summary).not.toContain(github.token);
  });

  it('records nothing when record-deployment is false', async () => {
    const app = 'records-off';
    await fly.createApp(app);
    const before = github.deployments().length;
    const run = await deployBundle(
      fly,
      app,
      { image: image(app, 'v1'), 'record-deployment': 'false' },
      { env: runnerEnv() },
    );
    expect(run.exitCode).toBe(0);
    expect(run.outputs['deployment-id']).toBeUndefined();
    expect(github.deployments().length).toBe(before);
  });
});
