import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startGitHubSim, type GitHubSim } from '../../../src/sim/github/index.js';

let sim: GitHubSim;
const SHA = 'a'.repeat(40);

async function api(method: string, path: string, body?: unknown, token?: string) {
  const res = await fetch(`${sim.apiUrl}${path}`, {
    method,
    headers: {
      authorization: `token ${token ?? sim.token}`,
      accept: 'application/vnd.github+json',
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, link: res.headers.get('link'), body: text ? JSON.parse(text) : undefined };
}
const repo = () => `/repos/${sim.repository}`;

beforeAll(async () => {
  sim = await startGitHubSim({ repository: 'coconut-beach/voice-bot' });
});
afterAll(() => sim.close());

describe('errors', () => {
  it('answers 401 with the REST error body for a wrong token', async () => {
    const res = await api('GET', `${repo()}/issues`, undefined, 'ghs_wrong');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({
      message: 'Bad credentials',
      documentation_url: expect.stringContaining('docs.github.com'),
    });
  });
  it('answers 404 for another repository and unknown ids', async () => {
    expect((await api('GET', '/repos/someone/else/issues')).status).toBe(404);
    const missing = await api('GET', `${repo()}/deployments/999999`);
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('Not Found');
  });
  it('answers 422 Validation Failed for a deployment without ref and a bad status state', async () => {
    const res = await api('POST', `${repo()}/deployments`, { environment: 'staging' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ message: 'Validation Failed', errors: [{ field: 'ref' }] });
    const d = await api('POST', `${repo()}/deployments`, { ref: SHA, required_contexts: [] });
    const bad = await api('POST', `${repo()}/deployments/${d.body.id}/statuses`, { state: 'done' });
    expect(bad.status).toBe(422);
    const long = await api('POST', `${repo()}/deployments/${d.body.id}/statuses`, {
      state: 'success',
      description: 'x'.repeat(141),
    });
    expect(long.status).toBe(422);
  });
  it('injects faults on request', async () => {
    sim.failNext({ status: 503, path: '/labels' });
    expect((await api('GET', `${repo()}/labels`)).status).toBe(503);
    expect((await api('GET', `${repo()}/labels`)).status).toBe(200);
  });
});

describe('deployments', () => {
  it('creates with the documented defaults and fields', async () => {
    const res = await api('POST', `${repo()}/deployments`, {
      ref: 'main',
      required_contexts: [],
      payload: '{"k":1}',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      ref: 'main',
      task: 'deploy',
      environment: 'production',
      original_environment: 'production',
      production_environment: true,
      transient_environment: false,
      payload: { k: 1 },
      creator: { login: 'github-actions[bot]' },
    });
    expect(res.body.sha).toMatch(/^[0-9a-f]{40}$/);
    expect(res.body.statuses_url).toBe(`${sim.apiUrl}${repo()}/deployments/${res.body.id}/statuses`);
    const staging = await api('POST', `${repo()}/deployments`, {
      ref: SHA,
      environment: 'staging',
      required_contexts: [],
    });
    expect(staging.body.production_environment).toBe(false);
  });

  it('honours required_contexts: omitted means every commit status must pass; [] bypasses', async () => {
    const sha = 'b'.repeat(40);
    sim.setCommitStatus(sha, 'ci/test', 'failure');
    const blocked = await api('POST', `${repo()}/deployments`, { ref: sha });
    expect(blocked.status).toBe(409);
    expect(blocked.body.message).toMatch(/Commit status checks failed/);
    expect(
      (await api('POST', `${repo()}/deployments`, { ref: sha, required_contexts: ['ci/test'] })).status,
    ).toBe(409);
    expect((await api('POST', `${repo()}/deployments`, { ref: sha, required_contexts: [] })).status).toBe(
      201,
    );
    sim.setCommitStatus(sha, 'ci/test', 'success');
    expect((await api('POST', `${repo()}/deployments`, { ref: sha })).status).toBe(201);
  });

  it('honours auto_merge: a branch behind the default branch gets 202 and a merge, unless auto_merge is false', async () => {
    sim.setRef('feature', 'c'.repeat(40), { behind: true });
    const noMerge = await api('POST', `${repo()}/deployments`, {
      ref: 'feature',
      auto_merge: false,
      required_contexts: [],
    });
    expect(noMerge.status).toBe(201);
    expect(noMerge.body.sha).toBe('c'.repeat(40));
    const merged = await api('POST', `${repo()}/deployments`, { ref: 'feature', required_contexts: [] });
    expect(merged.status).toBe(202);
    expect(merged.body.message).toMatch(/Auto-merged main into feature/);
    expect((await api('POST', `${repo()}/deployments`, { ref: 'unknown-branch' })).status).toBe(422);
  });

  it('lists newest first with filters and Link pagination', async () => {
    const env = 'pagination-env';
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await api('POST', `${repo()}/deployments`, {
        ref: SHA,
        environment: env,
        task: i === 0 ? 'deploy:migrate' : 'deploy',
        required_contexts: [],
      });
      ids.push(r.body.id);
    }
    const first = await api('GET', `${repo()}/deployments?environment=${env}&per_page=2`);
    expect(first.body.map((d: { id: number }) => d.id)).toEqual([ids[4], ids[3]]);
    expect(first.link).toMatch(/<[^>]*page=2[^>]*>; rel="next"/);
    expect(first.link).toMatch(/<[^>]*page=3[^>]*>; rel="last"/);
    const last = await api('GET', `${repo()}/deployments?environment=${env}&per_page=2&page=3`);
    expect(last.body.map((d: { id: number }) => d.id)).toEqual([ids[0]]);
    expect(last.link).not.toMatch(/rel="next"/);
    expect(last.link).toMatch(/rel="prev"/);
    const tasks = await api('GET', `${repo()}/deployments?environment=${env}&task=deploy:migrate`);
    expect(tasks.body.map((d: { id: number }) => d.id)).toEqual([ids[0]]);
    const bySha = await api('GET', `${repo()}/deployments?sha=${SHA}&ref=${SHA}&environment=${env}`);
    expect(bySha.body).toHaveLength(5);
  });

  it('auto_inactive retires prior successful non-production, non-transient deployments only', async () => {
    const mk = async (extra: Record<string, unknown>) =>
      (await api('POST', `${repo()}/deployments`, { ref: SHA, required_contexts: [], ...extra })).body
        .id as number;
    const ok = (id: number, extra: Record<string, unknown> = {}) =>
      api('POST', `${repo()}/deployments/${id}/statuses`, { state: 'success', ...extra });
    const a = await mk({ environment: 'qa' });
    const transient = await mk({ environment: 'qa', transient_environment: true });
    await ok(a);
    await ok(transient);
    const b = await mk({ environment: 'qa' });
    await ok(b);
    const states = (id: number) =>
      sim
        .deployments()
        .find((d) => d.id === id)!
        .statuses.map((s) => s.state);
    expect(states(a)).toEqual(['success', 'inactive']);
    expect(states(transient)).toEqual(['success']);
    const c = await mk({ environment: 'qa' });
    await ok(c, { auto_inactive: false });
    expect(states(b)).toEqual(['success']);

    const p1 = await mk({ environment: 'production' });
    await ok(p1);
    const p2 = await mk({ environment: 'production' });
    await ok(p2);
    expect(states(p1)).toEqual(['success']);

    const list = await api('GET', `${repo()}/deployments/${a}/statuses`);
    expect(list.body.map((s: { state: string }) => s.state)).toEqual(['inactive', 'success']);
    expect(list.body[0]).toMatchObject({ deployment_url: `${sim.apiUrl}${repo()}/deployments/${a}` });
  });

  it('keeps log_url and environment_url on statuses', async () => {
    const id = (
      await api('POST', `${repo()}/deployments`, { ref: SHA, environment: 'urls', required_contexts: [] })
    ).body.id;
    const res = await api('POST', `${repo()}/deployments/${id}/statuses`, {
      state: 'success',
      log_url: 'https://github.com/o/r/actions/runs/1',
      environment_url: 'https://voice-bot-staging.fly.dev',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      state: 'success',
      environment: 'urls',
      log_url: 'https://github.com/o/r/actions/runs/1',
      target_url: 'https://github.com/o/r/actions/runs/1',
      environment_url: 'https://voice-bot-staging.fly.dev',
    });
  });
});

describe('issues, comments, labels', () => {
  it('creates labels (422 already_exists on repeat) and gets them by name', async () => {
    expect((await api('GET', `${repo()}/labels/${encodeURIComponent('runway:test')}`)).status).toBe(404);
    const created = await api('POST', `${repo()}/labels`, { name: 'runway:test', color: 'b60205' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'runway:test', color: 'b60205' });
    const again = await api('POST', `${repo()}/labels`, { name: 'runway:test' });
    expect(again.status).toBe(422);
    expect(again.body.errors[0].code).toBe('already_exists');
    expect((await api('GET', `${repo()}/labels/${encodeURIComponent('runway:test')}`)).body.name).toBe(
      'runway:test',
    );
  });

  it('creates, filters, comments and closes issues', async () => {
    const one = await api('POST', `${repo()}/issues`, {
      title: 'Backup stale',
      body: 'b',
      labels: ['runway:test'],
    });
    expect(one.status).toBe(201);
    expect(one.body).toMatchObject({
      number: 1,
      state: 'open',
      labels: [{ name: 'runway:test' }],
      html_url: expect.stringContaining('/issues/1'),
    });
    await api('POST', `${repo()}/issues`, { title: 'Other', labels: ['other', 'runway:test'] });
    await api('POST', `${repo()}/issues`, { title: 'Unlabelled' });
    expect((await api('POST', `${repo()}/issues`, { body: 'no title' })).status).toBe(422);

    const labelled = await api('GET', `${repo()}/issues?labels=runway:test`);
    expect(labelled.body.map((i: { number: number }) => i.number)).toEqual([2, 1]);
    const both = await api('GET', `${repo()}/issues?labels=runway:test,other&direction=asc`);
    expect(both.body.map((i: { number: number }) => i.number)).toEqual([2]);
    expect((await api('GET', `${repo()}/issues?creator=someone`)).body).toEqual([]);

    const c = await api('POST', `${repo()}/issues/1/comments`, { body: 'still failing' });
    expect(c.status).toBe(201);
    expect((await api('POST', `${repo()}/issues/1/comments`, {})).status).toBe(422);
    expect(
      (await api('GET', `${repo()}/issues/1/comments`)).body.map((x: { body: string }) => x.body),
    ).toEqual(['still failing']);

    expect((await api('PATCH', `${repo()}/issues/1`, { state: 'shut' })).status).toBe(422);
    const closed = await api('PATCH', `${repo()}/issues/1`, { state: 'closed' });
    expect(closed.body).toMatchObject({ state: 'closed', state_reason: 'completed', comments: 1 });
    expect(
      (await api('GET', `${repo()}/issues?labels=runway:test`)).body.map((i: { number: number }) => i.number),
    ).toEqual([2]);
    expect(
      (await api('GET', `${repo()}/issues?state=closed`)).body.map((i: { number: number }) => i.number),
    ).toEqual([1]);
    expect(sim.issues()[0]).toMatchObject({
      state: 'closed',
      labels: ['runway:test'],
      comments: [{ body: 'still failing' }],
    });
  });

  it('pages issue lists with Link headers', async () => {
    for (let i = 0; i < 3; i++)
      await api('POST', `${repo()}/issues`, { title: `page ${i}`, labels: ['paged'] });
    const res = await api('GET', `${repo()}/issues?labels=paged&per_page=2`);
    expect(res.body).toHaveLength(2);
    expect(res.link).toMatch(/rel="next"/);
  });

  it('records calls', () => {
    expect(sim.calls().some((c) => c.method === 'PATCH' && c.path.endsWith('/issues/1'))).toBe(true);
  });
});
