import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startGitHubSim, type GitHubSim } from '../../src/sim/github/index.js';
import {
  finishDeployment,
  isDigestRef,
  lastSuccessfulDeployment,
  parsePayload,
  startDeployment,
  successfulDeployments,
} from '../../src/github/deployments.js';
import { errorMessage } from '../../src/core/errors.js';

let sim: GitHubSim;
const SHA1 = '1'.repeat(40);
const SHA2 = '2'.repeat(40);
const digest = (c: string) => `registry.fly.io/voice-bot@sha256:${c.repeat(64)}`;
const target = () => ({
  token: sim.token,
  repository: sim.repository,
  apiUrl: sim.apiUrl,
  retry: { retries: 2, baseMs: 1, maxMs: 2 },
});
const payload = (c: string, strategy = 'rolling') => ({
  app: 'voice-bot',
  image: digest(c),
  releaseVersion: 7,
  strategy,
});

beforeAll(async () => {
  sim = await startGitHubSim();
});
afterAll(() => sim.close());

async function deploy(
  environment: string,
  ref: string,
  c: string,
  state: 'success' | 'failure' | 'error',
  environmentUrl?: string,
) {
  const { id } = await startDeployment({
    ...target(),
    ref,
    environment,
    payload: payload(c),
    logUrl: 'https://github.com/x/y/actions/runs/9',
  });
  await finishDeployment(id, { ...target(), state, environmentUrl });
  return id;
}

describe('startDeployment / finishDeployment', () => {
  it('creates the record as §8.4 recommends, then in_progress, then the final state', async () => {
    const previousRun = process.env.GITHUB_RUN_ID;
    process.env.GITHUB_RUN_ID = '4242';
    const { id } = await startDeployment({
      ...target(),
      ref: SHA1,
      environment: 'staging',
      payload: payload('a'),
      logUrl: 'https://github.com/x/y/actions/runs/9',
    });
    if (previousRun === undefined) delete process.env.GITHUB_RUN_ID;
    else process.env.GITHUB_RUN_ID = previousRun;
    const create = sim.calls().find((c) => c.method === 'POST' && c.path.endsWith('/deployments'));
    expect(create?.body).toMatchObject({
      ref: SHA1,
      environment: 'staging',
      auto_merge: false,
      required_contexts: [],
      production_environment: false,
      transient_environment: false,
      payload: {
        type: 'runway-deploy',
        app: 'voice-bot',
        image: digest('a'),
        releaseVersion: 7,
        strategy: 'rolling',
        runId: '4242',
      },
    });
    let record = sim.deployments().find((d) => d.id === id)!;
    expect(record.statuses.map((s) => s.state)).toEqual(['in_progress']);
    expect(record.statuses[0].log_url).toBe('https://github.com/x/y/actions/runs/9');
    await finishDeployment(id, {
      ...target(),
      state: 'success',
      environmentUrl: 'https://voice-bot-staging.fly.dev',
    });
    record = sim.deployments().find((d) => d.id === id)!;
    expect(record.statuses.at(-1)).toMatchObject({
      state: 'success',
      environment_url: 'https://voice-bot-staging.fly.dev',
    });
  });

  it('marks production deliberately and leaves environment_url off failures', async () => {
    const { id } = await startDeployment({
      ...target(),
      ref: SHA1,
      environment: 'production',
      payload: payload('b', 'bluegreen'),
    });
    expect(sim.deployments().find((d) => d.id === id)?.production_environment).toBe(true);
    await finishDeployment(id, {
      ...target(),
      state: 'failure',
      environmentUrl: 'https://voice-bot.fly.dev',
      description: 'x'.repeat(300),
    });
    const last = sim
      .deployments()
      .find((d) => d.id === id)!
      .statuses.at(-1)!;
    expect(last.state).toBe('failure');
    expect(last.environment_url).toBe('');
    expect(last.description.length).toBeLessThanOrEqual(140);
    const custom = await startDeployment({
      ...target(),
      ref: SHA1,
      environment: 'live',
      production: true,
      payload: payload('b'),
    });
    expect(sim.deployments().find((d) => d.id === custom.id)?.production_environment).toBe(true);
  });

  it('rejects a tag instead of a digest before any call', async () => {
    const before = sim.calls().length;
    const message = await startDeployment({
      ...target(),
      ref: SHA1,
      environment: 'staging',
      payload: { app: 'voice-bot', image: 'registry.fly.io/voice-bot:latest', strategy: 'rolling' },
    }).then(
      () => 'resolved',
      (e: unknown) => errorMessage(e),
    );
    expect(message).toMatch(/^input 'image': .*not a digest reference/);
    expect(sim.calls().length).toBe(before);
  });
});

describe('lastSuccessfulDeployment', () => {
  it('finds the newest successful staging image, skipping failures, foreign and malformed records', async () => {
    const env = 'staging-find';
    const good = await deploy(env, SHA1, 'c', 'success', 'https://voice-bot-staging.fly.dev');
    await deploy(env, SHA2, 'd', 'failure');
    // GitHub's own record for an `environment:` job: no payload. And another tool's, and a malformed one.
    const post = (body: unknown) =>
      fetch(`${sim.apiUrl}/repos/${sim.repository}/deployments`, {
        method: 'POST',
        headers: { authorization: `token ${sim.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then((r) => r.json() as Promise<{ id: number }>);
    const status = (id: number) =>
      fetch(`${sim.apiUrl}/repos/${sim.repository}/deployments/${id}/statuses`, {
        method: 'POST',
        headers: { authorization: `token ${sim.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ state: 'success' }),
      });
    for (const p of [
      undefined,
      { type: 'branch-deploy', image: digest('e') },
      { type: 'runway-deploy', app: 'voice-bot', image: 'voice-bot:latest', strategy: 'rolling' },
    ]) {
      const { id } = await post({
        ref: SHA2,
        environment: env,
        required_contexts: [],
        ...(p ? { payload: p } : {}),
      });
      await status(id);
    }
    const found = await lastSuccessfulDeployment({ ...target(), environment: env });
    expect(found).toMatchObject({
      id: good,
      sha: SHA1,
      payload: { image: digest('c'), app: 'voice-bot' },
      environmentUrl: 'https://voice-bot-staging.fly.dev',
    });
    expect(found?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    // The foreign successes auto-inactivated ours (as GitHub does); a retired success still counts.
    expect(
      sim
        .deployments()
        .find((d) => d.id === good)!
        .statuses.at(-1)!.state,
    ).toBe('inactive');
  });

  it('returns undefined when nothing of ours succeeded', async () => {
    await deploy('empty-env', SHA1, 'f', 'error');
    expect(await lastSuccessfulDeployment({ ...target(), environment: 'empty-env' })).toBeUndefined();
    expect(await lastSuccessfulDeployment({ ...target(), environment: 'never-used' })).toBeUndefined();
  });

  it('gives rollback the production image before the current one; retires superseded production records', async () => {
    const env = 'production';
    const v1 = await deploy(env, SHA1, '3', 'success');
    const v2 = await deploy(env, SHA2, '4', 'success');
    expect(
      sim
        .deployments()
        .find((d) => d.id === v1)!
        .statuses.at(-1)!.state,
    ).toBe('inactive');
    expect(
      sim
        .deployments()
        .find((d) => d.id === v2)!
        .statuses.at(-1)!.state,
    ).toBe('success');
    const current = await lastSuccessfulDeployment({ ...target(), environment: env });
    expect(current?.id).toBe(v2);
    const previous = await lastSuccessfulDeployment({
      ...target(),
      environment: env,
      excludeImage: current!.payload.image,
    });
    expect(previous).toMatchObject({ id: v1, payload: { image: digest('3') } });
    const history = await successfulDeployments({ ...target(), environment: env, limit: 5 });
    expect(history.map((h) => h.id)).toEqual([v2, v1]);
  });

  it('no longer counts a record marked failure after its success (rolled back)', async () => {
    const env = 'rolled-back';
    const v1 = await deploy(env, SHA1, '5', 'success');
    const v2 = await deploy(env, SHA2, '6', 'success');
    await finishDeployment(v2, { ...target(), state: 'failure', description: 'rolled back: p95 breach' });
    expect((await lastSuccessfulDeployment({ ...target(), environment: env }))?.id).toBe(v1);
  });

  it('pages through more than one page of records and survives a 502', async () => {
    const env = 'many';
    const first = await deploy(env, SHA1, '7', 'success');
    for (let i = 0; i < 4; i++)
      await startDeployment({ ...target(), ref: SHA1, environment: env, payload: payload('8') });
    sim.failNext({ status: 502, path: '/deployments', method: 'GET' });
    const res = await successfulDeployments({ ...target(), environment: env, scan: 3, pageSize: 2 });
    expect(res).toEqual([]);
    const before = sim.calls().filter((c) => c.method === 'GET' && c.path.endsWith('/deployments')).length;
    const deeper = await successfulDeployments({ ...target(), environment: env, scan: 10, pageSize: 2 });
    expect(deeper.map((d) => d.id)).toEqual([first]);
    const pages = sim
      .calls()
      .filter((c) => c.method === 'GET' && c.path.endsWith('/deployments'))
      .slice(before);
    expect(pages.map((c) => c.query.page)).toEqual(['1', '2', '3']);
  });
});

describe('parsePayload', () => {
  it('accepts our JSON payloads, string or object, and nothing else', () => {
    const p = { type: 'runway-deploy', app: 'a', image: digest('9'), strategy: 'canary', releaseVersion: 3 };
    expect(parsePayload(p)).toMatchObject(p);
    expect(parsePayload(JSON.stringify(p))).toMatchObject(p);
    expect(parsePayload({ ...p, releaseVersion: '3' })).toBeUndefined();
    expect(parsePayload({ ...p, type: 'other' })).toBeUndefined();
    expect(parsePayload('not json')).toBeUndefined();
    expect(parsePayload(null)).toBeUndefined();
    expect(isDigestRef('registry.fly.io/voice-bot@sha256:' + 'a'.repeat(64))).toBe(true);
    expect(isDigestRef('registry.fly.io/voice-bot:deployment-01')).toBe(false);
  });
});
