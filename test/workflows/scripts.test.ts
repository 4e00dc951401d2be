/**
 * The shell steps inside the workflows, run with bash, curl and jq (as on ubuntu runners) against the
 * GitHub stand-in: recording deployments, finding the digest to promote or roll back to, retiring a
 * rolled-back record, and the monitor's issue. Records written by the TypeScript client are read by
 * the shell and the other way round, so the two stay one contract.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startGitHubSim, type GitHubSim } from '../../src/sim/github/index.js';
import { finishDeployment, lastSuccessfulDeployment, startDeployment } from '../../src/github/deployments.js';
import { findStep, runStep } from './run-step.js';
import { readWorkflow } from './workflow-files.js';

let sim: GitHubSim;
let env: Record<string, string>;
const SHA = 'c0ffee'.padEnd(40, '0');
const digest = (c: string, app = 'voice-bot') => `registry.fly.io/${app}@sha256:${c.repeat(64)}`;
const target = () => ({ token: sim.token, repository: sim.repository, apiUrl: sim.apiUrl });
const REF_EXPR = "inputs.ref != '' && inputs.ref || github.sha";

beforeAll(async () => {
  sim = await startGitHubSim();
  env = { GITHUB_API_URL: sim.apiUrl, GITHUB_REPOSITORY: sim.repository };
});
afterAll(() => sim.close());

const record = (environment: string, image: string, reason = '', restore = '', release = '') =>
  runStep(
    '.github/workflows/deploy.yml',
    'deploy',
    'record',
    {
      'github.token': sim.token,
      'inputs.environment': environment,
      'inputs.app': 'voice-bot',
      'inputs.image': image,
      'inputs.strategy': 'bluegreen',
      'inputs.reason': reason,
      'inputs.restore-config': restore,
      'steps.doctor.outputs.release-config': release,
      [REF_EXPR]: SHA,
    },
    env,
  );

const finish = (id: string, state: string, url = 'https://voice-bot.fly.dev') =>
  runStep(
    '.github/workflows/deploy.yml',
    'deploy',
    'Finish the deployment record',
    {
      'github.token': sim.token,
      'steps.record.outputs.id': id,
      'steps.verdict.outputs.state': state,
      'steps.deploy.outputs.url': url,
      'steps.gate.outputs.p95-ms': '87.5',
    },
    env,
  );

const find = (workflow: string, job: string, step: string, environment: string, exclude = '') =>
  runStep(
    workflow,
    job,
    step,
    {
      'github.token': sim.token,
      'inputs.from-environment': environment,
      'inputs.environment': environment,
      'steps.current.outputs.image': exclude,
    },
    env,
  );

describe('deploy.yml records the deployment', () => {
  it('creates the record the way §8.4 says, then in_progress, then success with the URL', async () => {
    const started = await record('staging-sh', digest('a'));
    expect(started.log).toContain('Deployment record');
    expect(started.exitCode).toBe(0);
    const id = started.outputs.id;
    const create = sim.calls().find((c) => c.method === 'POST' && c.path.endsWith('/deployments'));
    expect(create?.body).toMatchObject({
      ref: SHA,
      environment: 'staging-sh',
      auto_merge: false,
      required_contexts: [],
      production_environment: false,
      payload: {
        type: 'runway-deploy',
        app: 'voice-bot',
        image: digest('a'),
        strategy: 'bluegreen',
        runId: '777',
      },
    });
    let d = sim.deployments().find((x) => String(x.id) === id)!;
    expect(d.statuses.map((s) => s.state)).toEqual(['in_progress']);
    expect(d.statuses[0].log_url).toBe(`https://github.com/${sim.repository}/actions/runs/777`);

    expect((await finish(id, 'success')).exitCode).toBe(0);
    d = sim.deployments().find((x) => String(x.id) === id)!;
    expect(d.statuses.at(-1)).toMatchObject({
      state: 'success',
      environment_url: 'https://voice-bot.fly.dev',
      description: 'Gate passed (p95 87.5 ms)',
    });
    // The TypeScript reader (used by the rehearsal and any action) sees the shell's record.
    expect(await lastSuccessfulDeployment({ ...target(), environment: 'staging-sh' })).toMatchObject({
      id: Number(id),
      payload: { image: digest('a') },
    });
  });

  it('marks production deliberately and leaves the URL off a failure', async () => {
    const started = await record('production', digest('b'), 'Rollback: p95 breach');
    expect(started.exitCode).toBe(0);
    const d = () => sim.deployments().find((x) => String(x.id) === started.outputs.id)!;
    expect(d().production_environment).toBe(true);
    expect(d().description).toBe('Rollback: p95 breach');
    await finish(started.outputs.id, 'failure');
    expect(d().statuses.at(-1)).toMatchObject({ state: 'failure', environment_url: '' });
  });

  it('keeps the config the doctor says this fly.toml applies, so a later rollback can restore it', async () => {
    const release = { configs: { app: { guest: { cpus: 1, memory_mb: 512 } } }, releaseCommand: 'migrate' };
    const started = await record('staging-sh', digest('f'), '', '', JSON.stringify(release));
    expect(started.exitCode).toBe(0);
    const d = sim.deployments().find((x) => String(x.id) === started.outputs.id)!;
    expect(d.payload).toMatchObject({ image: digest('f'), release });
    // No fly.toml (empty output): no release recorded, rather than an empty one.
    const bare = await record('staging-sh', digest('0'));
    expect(sim.deployments().find((x) => String(x.id) === bare.outputs.id)!.payload).not.toHaveProperty(
      'release',
    );
  });

  it('refuses a tag before any API call (its own step, before the doctor)', async () => {
    const before = sim.calls().length;
    const res = await runStep(
      '.github/workflows/deploy.yml',
      'deploy',
      'image-check',
      { 'inputs.image': 'registry.fly.io/voice-bot:latest' },
      env,
    );
    expect(res.exitCode).toBe(1);
    expect(res.log).toMatch(
      /::error title=image::input 'image': "registry.fly.io\/voice-bot:latest" is not a digest reference/,
    );
    expect(sim.calls().length).toBe(before);
  });

  it('fails the step (not silently) when GitHub rejects the token', async () => {
    const res = await runStep(
      '.github/workflows/deploy.yml',
      'deploy',
      'record',
      {
        'github.token': 'ghs_wrong',
        'inputs.environment': 'x',
        'inputs.app': 'a',
        'inputs.image': digest('c'),
        'inputs.strategy': 'rolling',
        'inputs.reason': '',
        'inputs.restore-config': '',
        'steps.doctor.outputs.release-config': '',
        [REF_EXPR]: SHA,
      },
      env,
    );
    expect(res.exitCode).not.toBe(0);
    expect(res.log).toContain('Bad credentials');
    expect(res.outputs.id).toBeUndefined();
  });
});

describe('deploy.yml owns the deployment record', () => {
  it("turns off fly-deploy's own record, which would say success before the latency gate", () => {
    const doc = readWorkflow('.github/workflows/deploy.yml') as {
      jobs: { deploy: { steps: Record<string, unknown>[] } };
    };
    // The doctor step (mode: doctor) inspects and repairs; it records nothing. The deploy and the rollback do.
    const flySteps = doc.jobs.deploy.steps.filter(
      (s) =>
        String(s.uses ?? '').includes('/actions/fly-deploy@') &&
        (s.with as Record<string, string>).mode !== 'doctor',
    );
    expect(flySteps).toHaveLength(2);
    for (const step of flySteps)
      expect((step.with as Record<string, string>)['record-deployment']).toBe('false');
  });
});

describe('deploy.yml verdict', () => {
  const verdict = (v: Record<string, string>) =>
    runStep(
      '.github/workflows/deploy.yml',
      'deploy',
      'verdict',
      {
        'steps.deploy.outcome': v.deployed,
        'steps.gate.outputs.passed': v.passed,
        'steps.cutover.outcome': v.cutover ?? 'skipped',
        'steps.rollback.outcome': v.rollback ?? 'skipped',
        'inputs.image': digest('d'),
        'steps.deploy.outputs.previous-image': digest('e'),
        'steps.gate.outputs.p95-ms': '120',
      },
      env,
    );

  it('records success only when deployed and the gate passed; the job also needs the cutover', async () => {
    const ok = await verdict({ deployed: 'success', passed: 'true' });
    expect(ok.outputs).toMatchObject({ state: 'success', image: digest('d') });
    expect(ok.summary).toMatch(/\| success \| true \| 120 \| skipped \| skipped \|/);
    // A failed DNS switch fails the job, but the healthy release stays recorded as the one serving.
    expect(
      (await verdict({ deployed: 'success', passed: 'true', cutover: 'failure' })).outputs,
    ).toMatchObject({
      state: 'success',
      job: 'failure',
    });
    expect((await verdict({ deployed: 'success', passed: 'false' })).outputs).toMatchObject({
      state: 'failure',
      job: 'failure',
    });
    expect((await verdict({ deployed: 'failure', passed: '' })).outputs.state).toBe('failure');
  });

  it('reports the previous image as serving after a rollback', async () => {
    const res = await verdict({ deployed: 'success', passed: 'false', rollback: 'success' });
    expect(res.outputs).toMatchObject({ state: 'failure', image: digest('e') });
  });
});

describe('promote.yml finds the digest staging proved', () => {
  it('picks the newest successful Runway record, skipping failures, foreign and malformed records', async () => {
    const env_ = 'staging-promote';
    const good = await startDeployment({
      ...target(),
      ref: SHA,
      environment: env_,
      payload: { app: 'voice-bot', image: digest('1'), strategy: 'rolling' },
    });
    await finishDeployment(good.id, { ...target(), state: 'success' });
    const failed = await startDeployment({
      ...target(),
      ref: SHA,
      environment: env_,
      payload: { app: 'voice-bot', image: digest('2'), strategy: 'rolling' },
    });
    await finishDeployment(failed.id, { ...target(), state: 'failure' });
    const post = (path: string, body: unknown) =>
      fetch(`${sim.apiUrl}/repos/${sim.repository}/${path}`, {
        method: 'POST',
        headers: { authorization: `token ${sim.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then((r) => r.json() as Promise<{ id: number }>);
    for (const payload of [
      undefined,
      { type: 'runway-deploy', app: 'voice-bot', image: 'voice-bot:latest', strategy: 'x' },
      { type: 'other', image: digest('3') },
    ]) {
      const { id } = await post('deployments', {
        ref: SHA,
        environment: env_,
        required_contexts: [],
        ...(payload ? { payload } : {}),
      });
      await post(`deployments/${id}/statuses`, { state: 'success' });
    }
    const res = await find('.github/workflows/promote.yml', 'resolve', 'find', env_);
    expect(res.exitCode).toBe(0);
    expect(res.outputs).toMatchObject({ id: String(good.id), image: digest('1'), sha: SHA });

    const pick = await runStep(
      '.github/workflows/promote.yml',
      'resolve',
      'pick',
      {
        'inputs.image': '',
        'steps.find.outputs.image': res.outputs.image,
        'steps.find.outputs.id': res.outputs.id,
        'steps.find.outputs.sha': SHA,
        'inputs.from-environment': env_,
      },
      env,
    );
    expect(pick.outputs).toMatchObject({ image: digest('1'), sha: SHA });
    expect(pick.summary).toContain(`from ${env_} deployment ${good.id}`);
  });

  it('stops with a clear error when nothing succeeded in staging, or the override is a tag', async () => {
    const none = await find('.github/workflows/promote.yml', 'resolve', 'find', 'never-deployed');
    expect(none.outputs.image).toBe('');
    const pick = (requested: string, found: string) =>
      runStep(
        '.github/workflows/promote.yml',
        'resolve',
        'pick',
        {
          'inputs.image': requested,
          'steps.find.outputs.image': found,
          'steps.find.outputs.id': '',
          'steps.find.outputs.sha': '',
          'inputs.from-environment': 'staging',
        },
        env,
      );
    const empty = await pick('', '');
    expect(empty.exitCode).toBe(1);
    expect(empty.log).toMatch(
      /::error title=Nothing to promote::No successful Runway deployment in 'staging'/,
    );
    const tag = await pick('registry.fly.io/voice-bot:v1', '');
    expect(tag.exitCode).toBe(1);
    expect(tag.log).toMatch(/input 'image'/);
    expect((await pick(digest('9'), '')).outputs.image).toBe(digest('9'));
  });

  it('pages past 100 records', async () => {
    const env_ = 'many-records';
    const old = await startDeployment({
      ...target(),
      ref: SHA,
      environment: env_,
      payload: { app: 'voice-bot', image: digest('4'), strategy: 'rolling' },
    });
    await finishDeployment(old.id, { ...target(), state: 'success' });
    for (let i = 0; i < 101; i++) {
      await fetch(`${sim.apiUrl}/repos/${sim.repository}/deployments`, {
        method: 'POST',
        headers: { authorization: `token ${sim.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ ref: SHA, environment: env_, required_contexts: [] }),
      });
    }
    const res = await find('.github/workflows/promote.yml', 'resolve', 'find', env_);
    expect(res.outputs.image).toBe(digest('4'));
    const pages = sim
      .calls()
      .filter((c) => c.path.endsWith('/deployments') && c.query.environment === env_ && c.method === 'GET');
    expect(pages.map((c) => c.query.page)).toEqual(['1', '2']);
  });
});

describe('rollback.yml', () => {
  it('finds what serves now and the successful image before it, then retires the rolled-back record', async () => {
    const env_ = 'production-rb';
    const v1 = await startDeployment({
      ...target(),
      ref: SHA,
      environment: env_,
      production: true,
      payload: { app: 'voice-bot', image: digest('5'), strategy: 'bluegreen' },
    });
    await finishDeployment(v1.id, { ...target(), state: 'success' });
    const v2 = await startDeployment({
      ...target(),
      ref: SHA,
      environment: env_,
      production: true,
      payload: { app: 'voice-bot', image: digest('6'), strategy: 'bluegreen' },
    });
    await finishDeployment(v2.id, { ...target(), state: 'success' });

    const current = await find('.github/workflows/rollback.yml', 'find', 'current', env_);
    expect(current.outputs).toMatchObject({ id: String(v2.id), image: digest('6') });
    const previous = await find(
      '.github/workflows/rollback.yml',
      'find',
      'previous',
      env_,
      current.outputs.image,
    );
    expect(previous.outputs).toMatchObject({ id: String(v1.id), image: digest('5') });

    const pick = await runStep(
      '.github/workflows/rollback.yml',
      'find',
      'pick',
      {
        'inputs.image': '',
        'steps.current.outputs.image': current.outputs.image,
        'steps.previous.outputs.image': previous.outputs.image,
        'steps.previous.outputs.sha': SHA,
        'inputs.environment': env_,
        'inputs.reason': 'p95 doubled | checkout slow',
      },
      env,
    );
    expect(pick.outputs.image).toBe(digest('5'));
    expect(pick.summary).toContain('p95 doubled \\| checkout slow');

    const retire = await runStep(
      '.github/workflows/rollback.yml',
      'retire',
      'Record the reason on the rolled-back deployment',
      {
        'github.token': sim.token,
        'needs.find.outputs.current-id': String(v2.id),
        'inputs.reason': 'p95 doubled',
      },
      env,
    );
    expect(retire.exitCode).toBe(0);
    expect(
      sim
        .deployments()
        .find((d) => d.id === v2.id)!
        .statuses.at(-1),
    ).toMatchObject({ state: 'failure', description: 'Rolled back: p95 doubled' });
    // A later rollback must not return to the bad image.
    expect((await lastSuccessfulDeployment({ ...target(), environment: env_ }))?.id).toBe(v1.id);
  });

  it('passes the restored record as restore-config and the rolled-back one as rolled-back-release', async () => {
    const env_ = 'production-restore';
    const configs = { app: { env: { NODE_ENV: 'old' }, guest: { cpus: 1, memory_mb: 256 } } };
    const v1 = await startDeployment({
      ...target(),
      ref: SHA,
      environment: env_,
      payload: { app: 'voice-bot', image: digest('7'), strategy: 'bluegreen', release: { configs } },
    });
    await finishDeployment(v1.id, { ...target(), state: 'success' });
    const v2 = await startDeployment({
      ...target(),
      ref: SHA,
      environment: env_,
      payload: {
        app: 'voice-bot',
        image: digest('8'),
        strategy: 'bluegreen',
        release: { configs: { app: { env: { NODE_ENV: 'new' } } }, releaseCommand: 'bin/migrate' },
      },
    });
    await finishDeployment(v2.id, { ...target(), state: 'success' });
    const releases = (requested: string, previousId = String(v1.id)) =>
      runStep(
        '.github/workflows/rollback.yml',
        'find',
        'releases',
        {
          'github.token': sim.token,
          'inputs.image': requested,
          'steps.current.outputs.id': String(v2.id),
          'steps.previous.outputs.id': previousId,
        },
        env,
      );
    const found = await releases('');
    expect(found.exitCode).toBe(0);
    expect(JSON.parse(found.outputs['restore-config'])).toMatchObject({
      type: 'runway-deploy',
      image: digest('7'),
      release: { configs },
    });
    expect(JSON.parse(found.outputs['rolled-back-release'])).toMatchObject({
      image: digest('8'),
      release: { releaseCommand: 'bin/migrate' },
    });
    expect(found.summary).toContain(`as deployment ${v1.id} recorded them`);

    // An explicit image, or a record that kept no config: the image alone, and the summary says so.
    const explicit = await releases(digest('9'));
    expect(explicit.outputs['restore-config']).toBe('');
    expect(explicit.summary).toContain('Image only');
    const old = await startDeployment({
      ...target(),
      ref: SHA,
      environment: env_,
      payload: { app: 'voice-bot', image: digest('6'), strategy: 'bluegreen' },
    });
    expect((await releases('', String(old.id))).outputs['restore-config']).toBe('');

    // The rollback's own record keeps the config it put back, so a later rollback can return to it.
    const restoring = await record(env_, digest('7'), 'Rollback: slow', found.outputs['restore-config']);
    const created = sim.deployments().find((d) => String(d.id) === restoring.outputs.id)!;
    expect(created.payload).toMatchObject({ image: digest('7'), release: { configs } });
  });

  it('uses the same finder as promote.yml', () => {
    const promote = findStep('.github/workflows/promote.yml', 'resolve', 'find').run;
    expect(findStep('.github/workflows/rollback.yml', 'find', 'current').run).toBe(promote);
    expect(findStep('.github/workflows/rollback.yml', 'find', 'previous').run).toBe(promote);
  });
});

describe('monitor.yml', () => {
  const verdict = (passed: string[]) =>
    runStep(
      '.github/workflows/monitor.yml',
      'probe',
      'verdict',
      {
        'steps.p1.outputs.passed': passed[0],
        'steps.p2.outputs.passed': passed[1],
        'steps.p3.outputs.passed': passed[2],
        'steps.p1.outputs.p95-ms': '250',
        'steps.p2.outputs.p95-ms': '260',
        'steps.p3.outputs.p95-ms': '240',
      },
      env,
    );
  const issue = (v: string) =>
    runStep(
      '.github/workflows/monitor.yml',
      'issue',
      'Update the issue',
      {
        'github.token': sim.token,
        'needs.probe.outputs.verdict': v,
        'needs.probe.outputs.p95': '250 / 260 / 240',
        'inputs.url': 'https://voice-bot.fly.dev/health',
        'inputs.label': 'runway:latency',
        'inputs.thresholds': 'p95 < 200ms\nerror-rate < 1%',
      },
      env,
    );

  it('calls it sustained only when every probe breached', async () => {
    expect((await verdict(['false', 'false', 'false'])).outputs.verdict).toBe('breach');
    expect((await verdict(['true', 'true', 'true'])).outputs.verdict).toBe('clear');
    expect((await verdict(['false', 'true', 'false'])).outputs.verdict).toBe('mixed');
  });

  it('opens one issue, comments while it lasts, closes it when it clears', async () => {
    const mine = () => sim.issues().filter((i) => i.labels.includes('runway:latency'));
    const first = await issue('breach');
    expect(first.exitCode).toBe(0);
    expect(mine()).toHaveLength(1);
    expect(mine()[0]).toMatchObject({
      state: 'open',
      title: 'Latency SLO breach: https://voice-bot.fly.dev/health',
    });
    expect(mine()[0].body).toContain('p95 < 200ms');
    expect(sim.labels().find((l) => l.name === 'runway:latency')?.color).toBe('b60205');
    await issue('breach');
    expect(mine()).toHaveLength(1);
    expect(mine()[0].comments).toHaveLength(1);
    const cleared = await issue('clear');
    expect(cleared.log).toContain(`Closed issue #${mine()[0].number}`);
    expect(mine()[0].state).toBe('closed');
    await issue('clear');
    expect(mine()[0].comments).toHaveLength(2);
    await issue('breach');
    expect(mine().filter((i) => i.state === 'open')).toHaveLength(1);
    expect(mine()).toHaveLength(2);
  });
});
