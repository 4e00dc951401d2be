import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startGitHubSim, type GitHubSim } from '../../src/sim/github/index.js';
import { reportFailure, reportRecovery } from '../../src/github/issue-tracker.js';
import { scrub } from '../../src/core/secrets.js';
import { errorMessage } from '../../src/core/errors.js';

const failure = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => errorMessage(e),
  );

let sim: GitHubSim;
const fast = { retries: 3, baseMs: 1, maxMs: 5 };
const target = () => ({ token: sim.token, repository: sim.repository, apiUrl: sim.apiUrl, retry: fast });

beforeAll(async () => {
  sim = await startGitHubSim();
});
afterAll(() => sim.close());

describe('reportFailure / reportRecovery', () => {
  it('opens one issue, comments on repeats, closes on recovery, opens a fresh one next time', async () => {
    const label = 'runway:backup-integrity';
    const first = await reportFailure({
      ...target(),
      label,
      title: 'Backup verification failing',
      body: 'latest backup is 3d old',
    });
    expect(first).toEqual({ action: 'opened', number: 1, url: expect.stringContaining('/issues/1') });
    const label0 = sim.labels().find((l) => l.name === label);
    expect(label0?.color).toBe('b60205');

    const second = await reportFailure({
      ...target(),
      label,
      title: 'Backup verification failing',
      body: 'still 4d old',
    });
    expect(second).toMatchObject({ action: 'commented', number: 1 });
    expect(sim.issues().filter((i) => i.labels.includes(label))).toHaveLength(1);
    expect(sim.issues()[0].comments.map((c) => c.body)).toEqual(['still 4d old']);

    const recovered = await reportRecovery({ ...target(), label, body: 'fresh backup verified' });
    expect(recovered).toEqual({ action: 'closed', number: 1 });
    const issue = sim.issues()[0];
    expect(issue.state).toBe('closed');
    expect(issue.comments.at(-1)?.body).toBe('fresh backup verified');

    expect(await reportRecovery({ ...target(), label })).toEqual({ action: 'none' });

    const again = await reportFailure({
      ...target(),
      label,
      title: 'Backup verification failing',
      body: 'broken again',
    });
    expect(again).toMatchObject({ action: 'opened', number: 2 });
  });

  it('keeps separate threads per label and ignores closed issues with the label', async () => {
    const a = await reportFailure({
      ...target(),
      label: 'runway:latency',
      title: 'Latency breach',
      body: 'p95 420ms',
    });
    const b = await reportFailure({ ...target(), label: 'runway:other', title: 'Other', body: 'x' });
    expect(a.number).not.toBe(b.number);
    await reportRecovery({ ...target(), label: 'runway:latency' });
    expect(sim.issues().find((i) => i.number === b.number)?.state).toBe('open');
  });

  it('closes every open issue with the label when a race opened two', async () => {
    const label = 'runway:race';
    await reportFailure({ ...target(), label, title: 'one', body: 'x' });
    // A second issue with the same label, as a concurrent run would have created it.
    await fetch(`${sim.apiUrl}/repos/${sim.repository}/issues`, {
      method: 'POST',
      headers: { authorization: `token ${sim.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'two', labels: [label] }),
    });
    const res = await reportRecovery({ ...target(), label });
    expect(res.action).toBe('closed');
    expect(sim.issues().filter((i) => i.labels.includes(label) && i.state === 'open')).toHaveLength(0);
  });

  it('retries reads through 502s and Retry-After 429s', async () => {
    sim.failNext({ status: 502, count: 2, path: '/issues', method: 'GET' });
    sim.failNext({ status: 429, count: 1, path: '/issues', method: 'GET', retryAfter: 0 });
    const res = await reportFailure({ ...target(), label: 'runway:flaky', title: 'Flaky', body: 'x' });
    expect(res.action).toBe('opened');
  });

  it('fails with the HTTP error on a bad token and never echoes the token', async () => {
    const token = 'ghs_notTheRightTokenAtAll123';
    const error = await reportFailure({ ...target(), token, label: 'runway:x', title: 't', body: 'b' }).catch(
      (e: unknown) => e,
    );
    expect((error as { status?: number }).status).toBe(401);
    expect(errorMessage(error)).toMatch(/Bad credentials/);
    expect(errorMessage(error)).not.toContain(token);
    // registered before use, so our own scrubber hides it from summaries and outputs
    expect(scrub(`token=${token}`)).toBe('token=***');
  });

  it('rejects bad input before any call', async () => {
    const before = sim.calls().length;
    expect(await failure(reportFailure({ ...target(), label: 'a,b', title: 't', body: 'b' }))).toMatch(
      /^input 'label': .*Fix:/,
    );
    expect(
      await failure(
        reportFailure({ ...target(), repository: 'not-a-repo', label: 'x', title: 't', body: 'b' }),
      ),
    ).toMatch(/^input 'repository'/);
    expect(await failure(reportRecovery({ ...target(), token: '', label: 'x' }))).toMatch(
      /^input 'github-token'/,
    );
    expect(sim.calls().length).toBe(before);
  });

  it('falls back to GITHUB_API_URL when apiUrl is not given', async () => {
    const previous = process.env.GITHUB_API_URL;
    process.env.GITHUB_API_URL = sim.apiUrl;
    try {
      const res = await reportFailure({
        token: sim.token,
        repository: sim.repository,
        label: 'runway:env',
        title: 'env',
        body: 'b',
      });
      expect(res.action).toBe('opened');
    } finally {
      if (previous === undefined) delete process.env.GITHUB_API_URL;
      else process.env.GITHUB_API_URL = previous;
    }
  });
});
