/**
 * The workflows run the code CI tested: every commit a Runway pin leads to — directly, or through the
 * pins inside a pinned reusable workflow, as the runner follows them — has the same dist/, action.yml
 * files and (pins aside) workflow files as HEAD. When a change to the code or the workflows is
 * committed without re-pinning, this fails and says to run `node scripts/release.mjs pin`.
 */
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
// @ts-expect-error -- a plain ESM script without types
import { PIN_LINE, repin } from '../../scripts/release.mjs';
import { ROOT, workflowFiles } from './workflow-files.js';

const git = (...args: string[]) =>
  execFileSync('git', args, {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 << 20,
  });

const normalized = (text: string) => repin(text, '0'.repeat(40), 'PIN') as string;

function workflowsAt(ref: string): Map<string, string> {
  const paths = git('ls-tree', '-r', '--name-only', ref, '--', '.github/workflows')
    .split('\n')
    .filter((p) => /\.ya?ml$/.test(p));
  return new Map(paths.map((p) => [p, normalized(git('show', `${ref}:${p}`))]));
}

const headWorkflows = workflowsAt('HEAD');
const cache = new Map<string, string[]>();

/** What differs between `sha` and HEAD among the files that decide what a pinned step runs. */
export function differences(sha: string): string[] {
  let found = cache.get(sha);
  if (found) return found;
  found = git('diff', '--name-only', sha, 'HEAD', '--', 'dist', 'action.yml', 'actions/*/action.yml')
    .split('\n')
    .filter(Boolean);
  const there = workflowsAt(sha);
  for (const path of new Set([...there.keys(), ...headWorkflows.keys()]))
    if (there.get(path) !== headWorkflows.get(path)) found.push(path);
  cache.set(sha, found);
  return found;
}

/** Every (file, pinned commit) the runner would reach from `text`, following pinned workflows. */
function reachable(label: string, text: string, depth = 0): { from: string; sha: string }[] {
  const pins = [...text.matchAll(PIN_LINE)].map((m) => {
    const [path, sha] = m[0].split(/[@ ]/);
    return { path: path.replace('coconut-beach/runway/', ''), sha };
  });
  return pins.flatMap(({ path, sha }) => [
    { from: `${label} → ${path}@${sha.slice(0, 7)}`, sha },
    ...(path.startsWith('.github/workflows/') && depth < 4
      ? reachable(`${label} → ${path}@${sha.slice(0, 7)}`, git('show', `${sha}:${path}`), depth + 1)
      : []),
  ]);
}

describe('pinned Runway commits run the code HEAD has', () => {
  const files = workflowFiles().filter((f) => PIN_LINE.test(f.text) && !(PIN_LINE.lastIndex = 0));

  it.each(files.map((f) => [f.path, f.text]))(
    '%s: every commit its pins lead to matches HEAD',
    (path, text) => {
      const stale = reachable(path, text)
        .map(({ from, sha }) => ({ from, diff: differences(sha) }))
        .filter((s) => s.diff.length)
        .map(
          (s) =>
            `${s.from} differs from HEAD in ${s.diff.slice(0, 5).join(', ')}${s.diff.length > 5 ? ', …' : ''}`,
        );
      const unique = [...new Set(stale)];
      if (unique.length) unique.push('Run `node scripts/release.mjs pin` (or a release) and commit.');
      expect(unique).toEqual([]);
    },
  );

  it('would catch the pins of before (36 commits behind, dist/ changed since)', () => {
    const old = 'c634475333f1fdf7b3f94ca621bf16400c769011';
    const diff = differences(old);
    expect(diff.some((p) => p.startsWith('dist/'))).toBe(true);
    // And a workflow whose only change is a pin is not a difference.
    const head = headWorkflows.get('.github/workflows/deploy.yml')!;
    expect(normalized(head.replace(/@0{40}/, `@${old}`))).toBe(head);
  });
});
