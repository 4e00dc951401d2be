/**
 * scripts/release.mjs on a throw-away git repository shaped like Runway: the pin chain, the version tag
 * and the moving major tag, and the refusals (dirty tree, bad version, existing tag).
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error -- a plain ESM script without types
import { release } from '../../scripts/release.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'runway-release-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const OLD = 'a'.repeat(40);

function git(repo: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC' },
  }).trim();
}

function write(repo: string, path: string, text: string) {
  mkdirSync(join(repo, path, '..'), { recursive: true });
  writeFileSync(join(repo, path), text);
}

/** A repository with one action, a reusable workflow using it, a caller example, all pinned at OLD. */
function fixtureRepo(): string {
  const repo = mkdtempSync(join(scratch, 'repo-'));
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'config', 'user.email', 'release@test.invalid');
  git(repo, 'config', 'user.name', 'Release test');
  write(
    repo,
    'actions/fly-deploy/action.yml',
    'name: fly-deploy\nruns:\n  using: node24\n  main: ../../dist/fly-deploy/index.js\n',
  );
  write(repo, 'dist/fly-deploy/index.js', 'console.log(1)\n');
  write(
    repo,
    '.github/workflows/deploy.yml',
    `on: workflow_call\njobs:\n  d:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: coconut-beach/runway/actions/fly-deploy@${OLD} # main @ 2026-01-01T00:00:00Z\n`,
  );
  write(
    repo,
    'examples/workflows/staging.yml',
    `on: push\njobs:\n  s:\n    uses: coconut-beach/runway/.github/workflows/deploy.yml@${OLD} # main @ 2026-01-01T00:00:00Z\n`,
  );
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'code');
  return repo;
}

const pinsIn = (repo: string, ref: string, path: string) =>
  [...git(repo, 'show', `${ref}:${path}`).matchAll(/@([0-9a-f]{40}) # (.*)/g)].map((m) => [m[1], m[2]]);

describe('scripts/release.mjs', () => {
  it('a release: B pins the code A, C pins B and is tagged vX.Y.Z and vX, D pins C as the release', () => {
    const repo = fixtureRepo();
    const a = git(repo, 'rev-parse', 'HEAD');
    const result = release({ repo, version: 'v1.2.0', log: () => undefined }) as {
      tagged: string;
      head: string;
    };
    const [d, c, b] = git(repo, 'rev-list', '-3', 'HEAD').split('\n');
    expect([result.head, result.tagged]).toEqual([d, c]);
    expect(git(repo, 'rev-parse', 'v1.2.0^{commit}')).toBe(c);
    expect(git(repo, 'rev-parse', 'v1^{commit}')).toBe(c);
    expect(pinsIn(repo, b, '.github/workflows/deploy.yml')[0][0]).toBe(a);
    expect(pinsIn(repo, c, '.github/workflows/deploy.yml')[0][0]).toBe(b);
    expect(pinsIn(repo, d, 'examples/workflows/staging.yml')).toEqual([[c, 'v1.2.0']]);
    // The untagged links say what they are: main @ the pinned commit's UTC date.
    const aDate = git(repo, 'log', '-1', '--date=format-local:%Y-%m-%dT%H:%M:%SZ', '--format=%cd', a);
    expect(pinsIn(repo, b, 'examples/workflows/staging.yml')).toEqual([[a, `main @ ${aDate}`]]);
    // Only pin lines changed: the code is A's in every link.
    expect(git(repo, 'diff', '--name-only', a, d, '--', 'dist', 'actions')).toBe('');
    expect(git(repo, 'status', '--porcelain')).toBe('');

    // The next release moves the major tag and never touches the old version tag.
    release({ repo, version: 'v1.3.0', log: () => undefined });
    expect(git(repo, 'rev-parse', 'v1^{commit}')).toBe(git(repo, 'rev-parse', 'v1.3.0^{commit}'));
    expect(git(repo, 'rev-parse', 'v1.2.0^{commit}')).toBe(c);
  });

  it('`pin` makes the same chain without tags', () => {
    const repo = fixtureRepo();
    release({ repo, log: () => undefined });
    expect(git(repo, 'rev-list', '--count', 'HEAD')).toBe('4');
    expect(git(repo, 'tag')).toBe('');
    expect(readFileSync(join(repo, 'examples/workflows/staging.yml'), 'utf8')).not.toContain(OLD);
  });

  it('refuses a dirty tree, a bad version and an existing tag, changing nothing', () => {
    const repo = fixtureRepo();
    const head = git(repo, 'rev-parse', 'HEAD');
    expect(() => release({ repo, version: '1.2', log: () => undefined })).toThrow('is not a release version');
    git(repo, 'tag', 'v1.0.0');
    expect(() => release({ repo, version: 'v1.0.0', log: () => undefined })).toThrow(
      'tag v1.0.0 exists already',
    );
    write(repo, 'dist/fly-deploy/index.js', 'console.log(2)\n');
    expect(() => release({ repo, log: () => undefined })).toThrow('uncommitted changes');
    expect(git(repo, 'rev-parse', 'HEAD')).toBe(head);
  });

  it('runs from the command line', () => {
    const repo = fixtureRepo();
    const run = spawnSync(
      process.execPath,
      [join(import.meta.dirname, '../../scripts/release.mjs'), 'v0.1.0', '--repo', repo],
      {
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('git push origin main v0.1.0 && git push --force origin v0');
  });
});
