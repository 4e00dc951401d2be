/**
 * The least-privilege evidence: which GitHub API calls a `run:` script makes and which scopes a job
 * therefore needs. Text that merely names a resource (comments, echo) is not evidence.
 */
import { describe, expect, it } from '@jest/globals';
import { apiCalls, checkWorkflow, neededPermissions } from '../../tools/workflow-policy.js';

const job = (run: string, extra: Record<string, unknown>[] = []) => ({ steps: [...extra, { run }] });

describe('apiCalls', () => {
  it('reads curl and gh api calls with their method, across line continuations', () => {
    expect(
      apiCalls(
        [
          'curl -sS -X PATCH -H "Authorization: Bearer $T" \\',
          '  "$GITHUB_API_URL/repos/$GITHUB_REPOSITORY/issues/3" -d \'{"state":"closed"}\'',
          'curl -sS "https://api.github.com/repos/octo/app/deployments?environment=production"',
          'curl -sS "$GITHUB_API_URL/repos/$GITHUB_REPOSITORY/labels" --data \'{"name":"x"}\'',
          'gh api repos/octo/app/deployments/9/statuses',
          'gh api --method POST "repos/$GITHUB_REPOSITORY/deployments/9/statuses" -f state=success',
          'gh issue comment 4 --body hi',
        ].join('\n'),
      ),
    ).toEqual([
      { method: 'PATCH', path: 'issues/3' },
      { method: 'GET', path: 'deployments' },
      { method: 'POST', path: 'labels' },
      { method: 'GET', path: 'deployments/9/statuses' },
      { method: 'POST', path: 'deployments/9/statuses' },
      { method: 'POST', path: 'issues' },
    ]);
  });

  it('follows a wrapper function to each of its calls, with a fixed or an argument method', () => {
    const script = [
      'post() {',
      '  curl -sS -X POST "$GITHUB_API_URL/repos/$GITHUB_REPOSITORY/$1" -d "$2"',
      '}',
      'api() {',
      '  local method=$1 path=$2 out',
      '  out=$(curl -sS -X "$method" "$GITHUB_API_URL/repos/$GITHUB_REPOSITORY/$path")',
      '}',
      'id=$(post deployments "$body" | jq -r .id)',
      'open=$(api GET "issues?labels=x" --retry 4)',
      'api PATCH "issues/$n" -d x > /dev/null',
    ].join('\n');
    expect(apiCalls(script)).toEqual([
      { method: 'POST', path: 'deployments' },
      { method: 'GET', path: 'issues?labels=x' },
      { method: 'PATCH', path: 'issues/$n' },
    ]);
  });

  it('ignores comments and text that only names a resource', () => {
    expect(
      apiCalls(
        [
          '# curl -X POST "$GITHUB_API_URL/repos/$GITHUB_REPOSITORY/deployments"',
          'echo "deployments: write is needed for deployments"',
          'echo "see repos/octo/app/deployments"  # not a request',
        ].join('\n'),
      ),
    ).toEqual([]);
  });
});

describe('neededPermissions', () => {
  it('a comment naming deployments needs nothing (the old rule took it as evidence)', () => {
    expect(neededPermissions(job('# writes deployments later\necho deployments'))).toEqual({});
  });

  it('reads need read, writes need write; the higher level wins', () => {
    const get = 'curl -sS "$GITHUB_API_URL/repos/$GITHUB_REPOSITORY/deployments"';
    expect(neededPermissions(job(get))).toEqual({ deployments: 'read' });
    expect(neededPermissions(job(`${get}\ngh api -X POST repos/o/r/deployments -f ref=main`))).toEqual({
      deployments: 'write',
    });
    expect(neededPermissions(job('gh api repos/o/r/commits/abc/statuses'))).toEqual({ statuses: 'read' });
  });

  it('knows the actions that need a scope, and when', () => {
    const sha = 'c'.repeat(40);
    const uses = (u: string, w?: Record<string, string>) => ({ steps: [{ uses: u, with: w }] });
    expect(neededPermissions(uses(`coconut-beach/runway/actions/fly-deploy@${sha}`))).toEqual({
      deployments: 'write',
    });
    expect(
      neededPermissions(
        uses(`coconut-beach/runway/actions/fly-deploy@${sha}`, { 'record-deployment': 'false' }),
      ),
    ).toEqual({});
    expect(neededPermissions(uses(`coconut-beach/runway@${sha}`))).toEqual({ deployments: 'write' });
    expect(
      neededPermissions(
        uses(`coconut-beach/runway/actions/backup-verify@${sha}`, { 'issue-on-failure': 'true' }),
      ),
    ).toEqual({ issues: 'write' });
    expect(neededPermissions(uses(`coconut-beach/runway/actions/backup-verify@${sha}`))).toEqual({});
    expect(neededPermissions(uses(`actions/checkout@${sha}`))).toEqual({ contents: 'read' });
    expect(neededPermissions(uses(`some/unknown-action@${sha}`))).toEqual({});
  });
});

describe('checkWorkflow least privilege', () => {
  const wf = (perms: string, run: string) =>
    [
      'name: t',
      'on: push',
      'permissions: {}',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-24.04',
      `    permissions: ${perms}`,
      '    steps:',
      '      - run: |',
      ...run.split('\n').map((l) => `          ${l}`),
    ].join('\n');
  const rules = (perms: string, run: string) =>
    checkWorkflow('t.yml', wf(perms, run), { root: process.cwd() }).map((f) => f.rule);
  const post = 'curl -sS -X POST "$GITHUB_API_URL/repos/$GITHUB_REPOSITORY/deployments" -d "$b"';

  it('accepts write backed by a write call, and flags it without one', () => {
    expect(rules('{ deployments: write }', post)).toEqual([]);
    expect(rules('{ deployments: write }', '# deployments\necho ok')).toEqual(['excess-write']);
    expect(rules('{ deployments: write }', post.replace('-X POST ', '').replace(' -d "$b"', ''))).toEqual([
      'excess-write',
    ]);
  });

  it('flags read scopes nothing reads', () => {
    expect(rules('{ deployments: read, contents: read }', 'echo deployments')).toEqual([
      'excess-read',
      'excess-read',
    ]);
    expect(rules('{ deployments: read }', post.replace('-X POST ', '').replace(' -d "$b"', ''))).toEqual([]);
  });
});
