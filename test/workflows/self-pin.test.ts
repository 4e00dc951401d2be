/**
 * The workflows reference Runway's own actions and reusable workflows as
 * `coconut-beach/runway/<path>@<sha> # vX.Y.Z` (deploy.yml explains why not `./` or `$/`). This checks
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
import { checkWorkflow } from '../../src/github/workflow-policy.js';
import { ROOT, workflowFiles } from './workflow-files.js';

const SELF = 'coconut-beach/runway';
const PIN = new RegExp(
  `${SELF}/((?:actions/[a-z0-9-]+)|(?:\\.github/workflows/[\\w.-]+))@([0-9a-f]{40})(?:\\s*#\\s*(\\S+))?`,
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

afterAll(() => {
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

describe('Runway pins itself by SHA', () => {
  const files = workflowFiles().filter((f) => f.text.includes(`${SELF}/`));

  it('every workflow that uses Runway pins one release with a version comment', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
    const pins = files.flatMap((f) => [...f.text.matchAll(PIN)].map((m) => `${m[2]} ${m[3]}`));
    expect(new Set(pins).size).toBe(1);
    expect([...new Set(pins)][0]).toMatch(/^[0-9a-f]{40} v\d+\.\d+\.\d+$/);
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
