/**
 * The workflows reference Runway's own actions and reusable workflows as
 * `coconut-beach/runway/<path>@<sha> # <label>` (deploy.yml explains why not `./` or `$/`), the label
 * being a release tag that points at that commit, or `main @ <commit date>` for an untagged one (the
 * label must be true: a tag that does not exist, or another commit's date, fails). This checks
 * that such a pin can work: the commit is in this repository's history, every pinned action exists
 * there with its bundle, and the inputs, outputs and secrets used match the pinned version — following
 * pinned workflows into the versions they pin in turn.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { checkWorkflow } from '../../tools/workflow-policy.js';
import { ROOT, workflowFiles } from './workflow-files.js';

const SELF = 'coconut-beach/runway';
const PIN = new RegExp(
  `${SELF}/((?:actions/[a-z0-9-]+)|(?:\\.github/workflows/[\\w.-]+))@([0-9a-f]{40})(?:[ \\t]*#[ \\t]*([^\\n]*\\S))?`,
  'g',
);
const trees = new Map<string, string>();
const temp: string[] = [];

const git = (...args: string[]) =>
  execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

function commitExists(sha: string): boolean {
  try {
    git('cat-file', '-e', `${sha}^{commit}`);
    return true;
  } catch {
    return false;
  }
}

/** The pinned commit's actions/, dist/ and workflows, unpacked once. */
function tree(sha: string): string {
  let dir = trees.get(sha);
  if (!dir) {
    dir = mkdtempSync(join(tmpdir(), `runway-pin-${sha.slice(0, 7)}-`));
    temp.push(dir);
    const paths = ['actions', 'dist', '.github'].filter(
      (p) => git('ls-tree', '--name-only', sha, p).trim() !== '',
    );
    if (paths.length)
      execFileSync('sh', ['-c', `git archive ${sha} ${paths.join(' ')} | tar -x -C ${dir}`], { cwd: ROOT });
    trees.set(sha, dir);
  }
  return dir;
}

function problems(label: string, text: string, depth = 0): string[] {
  const found: string[] = [];
  const pins = [...text.matchAll(PIN)].map((m) => ({ path: m[1], sha: m[2], version: m[3] }));
  const shas = new Set(pins.map((p) => p.sha));
  if (shas.size > 1)
    found.push(`${label}: Runway is pinned at ${shas.size} different commits; pin one release.`);
  for (const sha of shas) {
    if (!commitExists(sha)) {
      found.push(`${label}: pinned commit ${sha} is not in this repository's history.`);
      continue;
    }
    const root = tree(sha);
    for (const pin of pins.filter((p) => p.sha === sha)) {
      if (pin.path.startsWith('actions/')) {
        const meta = join(root, pin.path, 'action.yml');
        if (!existsSync(meta)) {
          found.push(`${label}: ${pin.path}/action.yml does not exist at ${sha.slice(0, 7)}.`);
          continue;
        }
        const main = (parse(readFileSync(meta, 'utf8')) as { runs?: { main?: string } }).runs?.main;
        if (!main || !existsSync(join(root, pin.path, main)))
          found.push(`${label}: ${pin.path} has no bundle (${main}) at ${sha.slice(0, 7)}.`);
      } else if (!existsSync(join(root, pin.path))) {
        found.push(`${label}: ${pin.path} does not exist at ${sha.slice(0, 7)}.`);
      } else if (depth < 3) {
        found.push(
          ...problems(
            `${pin.path}@${sha.slice(0, 7)}`,
            readFileSync(join(root, pin.path), 'utf8'),
            depth + 1,
          ),
        );
      }
    }
    for (const f of checkWorkflow(label, text, { root, selfRepository: SELF })) {
      if (['action-inputs', 'workflow-inputs', 'caller-permissions'].includes(f.rule)) {
        found.push(`${label} (against ${sha.slice(0, 7)}): ${f.job ?? ''} ${f.message}`);
      }
    }
  }
  return [...new Set(found)];
}

/** Why a pin's comment is not true of its commit, or '' when it is. */
function dishonest(sha: string, label: string | undefined): string {
  if (!label) return 'no comment naming what is pinned';
  if (/^v\d+\.\d+\.\d+$/.test(label)) {
    const tags = git('tag', '--points-at', sha).split('\n');
    return tags.includes(label) ? '' : `no tag ${label} points at ${sha.slice(0, 7)}`;
  }
  const branchDate = /^([\w./-]+) @ (\S+)$/.exec(label);
  if (!branchDate) return `"${label}" is neither a release tag nor "<branch> @ <commit date>"`;
  const [, branch, date] = branchDate;
  const committed = execFileSync(
    'git',
    ['log', '-1', '--date=format-local:%Y-%m-%dT%H:%M:%SZ', '--format=%cd', sha],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } },
  ).trim();
  if (committed !== date) return `${sha.slice(0, 7)} was committed at ${committed}, not ${date}`;
  const head = git('rev-parse', 'HEAD').trim();
  const tip = (() => {
    try {
      return git('rev-parse', '--verify', '-q', `refs/heads/${branch}`).trim();
    } catch {
      return '';
    }
  })();
  // In a checkout where the branch is not local (CI), the commit must at least be in HEAD's history.
  try {
    git('merge-base', '--is-ancestor', sha, tip || head);
  } catch {
    return `${sha.slice(0, 7)} is not on ${branch}`;
  }
  return '';
}

afterAll(() => {
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

describe('Runway pins itself by SHA', () => {
  const files = workflowFiles().filter((f) => f.text.includes(`${SELF}/`));

  it('every workflow that uses Runway pins one commit, and its comment is true of that commit', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
    const pins = files.flatMap((f) => [...f.text.matchAll(PIN)].map((m) => ({ sha: m[2], label: m[3] })));
    expect(new Set(pins.map((p) => `${p.sha} # ${p.label}`)).size).toBe(1);
    expect(dishonest(pins[0].sha, pins[0].label)).toBe('');
  });

  it('would catch a comment that is not true of the pinned commit', () => {
    const head = git('rev-parse', 'HEAD').trim();
    const first = git('rev-list', '--max-parents=0', 'HEAD').trim().split('\n')[0];
    expect(dishonest(head, 'v99.99.99')).toMatch(/no tag v99.99.99 points at/);
    expect(dishonest(first, 'main @ 2001-01-01T00:00:00Z')).toMatch(/was committed at .*, not 2001/);
    expect(dishonest(head, 'latest')).toMatch(/neither a release tag/);
    expect(dishonest(head, undefined)).toMatch(/no comment/);
  });

  it.each(files.map((f) => [f.path, f.text]))(
    '%s: pinned versions exist and match what is used',
    (path, text) => {
      expect(problems(path, text)).toEqual([]);
    },
  );

  it('would catch a pin to a commit without the action', () => {
    const first = git('rev-list', '--max-parents=0', 'HEAD').trim().split('\n')[0];
    const bad = `jobs:\n  a:\n    steps:\n      - uses: ${SELF}/actions/fly-deploy@${first} # v0.0.1\n`;
    expect(problems('bad.yml', bad).join('\n')).toMatch(/actions\/fly-deploy\/action.yml does not exist/);
    expect(problems('bad.yml', bad.replace(first, 'f'.repeat(40))).join('\n')).toMatch(
      /not in this repository's history/,
    );
  });
});
