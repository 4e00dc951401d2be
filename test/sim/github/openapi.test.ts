import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { githubClient } from '../../../src/github/client.js';
import { startGitHubSim, type GitHubSim } from '../../../src/sim/github/index.js';
import { startHostile, type HostileServer } from '../../../src/sim/hostile/index.js';

/** GitHub's published REST description, reduced to what Runway uses (test/fixtures/github/extract-subset.mjs). */
const subset = JSON.parse(readFileSync('test/fixtures/github/openapi-subset.json', 'utf8')) as {
  source: string;
  operations: Record<
    string,
    { status: number; array: boolean; required: string[]; properties: Record<string, string> }
  >;
};

let sim: GitHubSim;
const SHA = 'b'.repeat(40);
beforeAll(async () => {
  sim = await startGitHubSim({ repository: 'coconut-beach/voice-bot' });
});
afterAll(() => sim.close());

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(`${sim.apiUrl}/repos/${sim.repository}${path}`, {
    method,
    headers: { authorization: `token ${sim.token}`, 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as unknown };
}

const matches = (value: unknown, type: string) =>
  value === null ||
  type === 'any' ||
  type
    .split('|')
    .some((t) =>
      t === 'integer' ? Number.isInteger(value) : t === 'array' ? Array.isArray(value) : typeof value === t,
    );

/** Each operation exercised on the stand-in, its answer held to the description's required fields and types. */
describe(`the GitHub stand-in answers as ${subset.source} describes`, () => {
  const ids: Record<string, number> = {};
  const steps: [string, () => Promise<{ status: number; type: string | null; body: unknown }>][] = [
    [
      'POST /repos/{owner}/{repo}/deployments',
      async () => {
        const r = await call('POST', '/deployments', {
          ref: SHA,
          environment: 'staging',
          required_contexts: [],
          auto_merge: false,
        });
        ids.deployment = (r.body as { id: number }).id;
        return r;
      },
    ],
    ['GET /repos/{owner}/{repo}/deployments', () => call('GET', '/deployments')],
    [
      'GET /repos/{owner}/{repo}/deployments/{deployment_id}',
      () => call('GET', `/deployments/${ids.deployment}`),
    ],
    [
      'POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
      () =>
        call('POST', `/deployments/${ids.deployment}/statuses`, {
          state: 'success',
          environment_url: 'https://a.test',
        }),
    ],
    [
      'GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
      () => call('GET', `/deployments/${ids.deployment}/statuses`),
    ],
    ['POST /repos/{owner}/{repo}/labels', () => call('POST', '/labels', { name: 'backup', color: 'ff0000' })],
    ['GET /repos/{owner}/{repo}/labels/{name}', () => call('GET', '/labels/backup')],
    [
      'POST /repos/{owner}/{repo}/issues',
      async () => {
        const r = await call('POST', '/issues', { title: 'Backup failed', body: 'x', labels: ['backup'] });
        ids.issue = (r.body as { number: number }).number;
        return r;
      },
    ],
    ['GET /repos/{owner}/{repo}/issues', () => call('GET', '/issues?labels=backup')],
    ['GET /repos/{owner}/{repo}/issues/{issue_number}', () => call('GET', `/issues/${ids.issue}`)],
    [
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      () => call('POST', `/issues/${ids.issue}/comments`, { body: 'again' }),
    ],
    [
      'PATCH /repos/{owner}/{repo}/issues/{issue_number}',
      () => call('PATCH', `/issues/${ids.issue}`, { state: 'closed' }),
    ],
  ];
  for (const [operation, run] of steps) {
    it(operation, async () => {
      const spec = subset.operations[operation];
      const { status, type, body } = await run();
      expect(status).toBe(spec.status);
      expect(type).toMatch(/^application\/json/);
      const items = spec.array ? (body as unknown[]) : [body];
      if (spec.array) expect(items.length).toBeGreaterThan(0);
      // PATCH's answer is described as anyOf an issue; its fields are those of GET's.
      const required = spec.required.length
        ? spec.required
        : subset.operations['GET /repos/{owner}/{repo}/issues/{issue_number}'].required;
      for (const item of items as Record<string, unknown>[]) {
        const missing = required.filter((field) => !(field in item));
        const wrong = Object.entries(item)
          .filter(([field, value]) => spec.properties[field] && !matches(value, spec.properties[field]))
          .map(([field]) => `${field}: ${spec.properties[field]}`);
        expect({ missing, wrong }).toEqual({ missing: [], wrong: [] });
      }
    });
  }
});

describe('the GitHub client acts only on answers it can read', () => {
  let server: HostileServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const TOKEN = 'ghs_sweepGithubToken0123456789abcdef';
  const client = (url: string) =>
    githubClient({ token: TOKEN, repository: 'coconut-beach/voice-bot', apiUrl: url, timeoutMs: 1000 });

  it('an HTML 200 is a ContractError naming GitHub and the URL', async () => {
    server = await startHostile({ behaviour: 'html-200' });
    const { octokit, owner, repo } = client(server.url);
    await expect(octokit.rest.repos.getDeployment({ owner, repo, deployment_id: 1 })).rejects.toThrow(
      /^GitHub API at http:\/\/127\.0\.0\.1:\d+\/repos\/coconut-beach\/voice-bot\/deployments\/1 did not answer as expected: wanted a JSON answer, got HTTP 200 text\/html/,
    );
  });

  it('a 500 that echoes the Authorization header leaves no token in the error', async () => {
    server = await startHostile({ behaviour: 'echo-500' });
    const { octokit, owner, repo } = client(server.url);
    const error = (await octokit.rest.repos
      .createDeployment({ owner, repo, ref: 'main' })
      .catch((e: unknown) => e)) as Error;
    expect(server.requests[0].headers.authorization).toContain(TOKEN);
    expect(error.message).not.toContain(TOKEN);
  });

  it('a server that never answers ends at the timeout, named', async () => {
    server = await startHostile({ behaviour: 'hang' });
    const { octokit, owner, repo } = client(server.url);
    await expect(octokit.rest.repos.getDeployment({ owner, repo, deployment_id: 1 })).rejects.toThrow(
      /GitHub API GET .*deployments.* did not answer within 1\.0s/,
    );
  });
});
