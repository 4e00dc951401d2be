#!/usr/bin/env node
// Pins Runway's own actions and reusable workflows to the code the tests ran, and tags releases.
//
//   node scripts/release.mjs pin              three commits that move every `coconut-beach/runway/…@<sha>`
//                                             pin to the commit before (comment `# <branch> @ <commit date>`)
//   node scripts/release.mjs vX.Y.Z           the same chain, tagging the middle commit vX.Y.Z and moving
//                                             the major tag vX to it; the last commit pins the tag
//   --repo DIR (default: this repository)  --dry-run (print the plan, change nothing)
//
// Why three: a commit cannot name its own SHA, and a caller chain is three deep (an app's caller →
// staging/promote/rollback.yml → deploy.yml → the actions). With A the code, B pins A, C pins B, D pins
// C: D's examples call C's staging.yml, which calls B's deploy.yml, which runs A's actions — and A, B,
// C, D differ only in pin lines, which test/workflows/pins-fresh.test.ts checks. Nothing is pushed:
// the script prints the push commands.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SELF = 'coconut-beach/runway';
/** `coconut-beach/runway/<path>@<sha> # <label>`, as every Runway reference is written. */
export const PIN_LINE = new RegExp(
  `(${SELF}/(?:actions/[a-z0-9-]+|\\.github/workflows/[\\w.-]+))@[0-9a-f]{40}(?:[ \\t]*#[^\\n]*)?`,
  'g',
);
/** Where pins live: the reusable workflows and the callers an app copies. */
export const PIN_DIRS = ['.github/workflows', 'examples/workflows'];

const git = (repo, ...args) =>
  execFileSync('git', args, {
    cwd: repo,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TZ: 'UTC' },
  }).trim();

/** The comment a pin carries: a release tag that points at it, or `<branch> @ <UTC committer date>`. */
export function labelFor(repo, sha, tag) {
  if (tag) return tag;
  const branch = git(repo, 'rev-parse', '--abbrev-ref', 'HEAD');
  return `${branch} @ ${git(repo, 'log', '-1', '--date=format-local:%Y-%m-%dT%H:%M:%SZ', '--format=%cd', sha)}`;
}

/** Every pin in `text` moved to `sha # label`; the rest of the file untouched. */
export function repin(text, sha, label) {
  return text.replace(PIN_LINE, (_, path) => `${path}@${sha} # ${label}`);
}

function pinnedFiles(repo) {
  return PIN_DIRS.flatMap((dir) => {
    const full = join(repo, dir);
    if (!existsSync(full)) return [];
    return readdirSync(full)
      .filter((n) => /\.ya?ml$/.test(n))
      .map((n) => join(dir, n));
  }).filter((path) => readFileSync(join(repo, path), 'utf8').match(PIN_LINE));
}

/** One commit moving every pin to HEAD. Returns the new commit, or HEAD when nothing changed. */
function pinRound(repo, tag, log) {
  const target = git(repo, 'rev-parse', 'HEAD');
  const label = labelFor(repo, target, tag);
  const changed = [];
  for (const path of pinnedFiles(repo)) {
    const before = readFileSync(join(repo, path), 'utf8');
    const after = repin(before, target, label);
    if (after !== before) {
      writeFileSync(join(repo, path), after);
      changed.push(path);
    }
  }
  if (!changed.length) return target;
  git(repo, 'add', '--', ...changed);
  git(
    repo,
    'commit',
    '-q',
    '-m',
    `Pin Runway's own actions and workflows to ${target.slice(0, 12)} (${label})`,
  );
  log(`pinned ${changed.length} file(s) to ${target.slice(0, 12)} # ${label}`);
  return git(repo, 'rev-parse', 'HEAD');
}

function checkReady(repo, version) {
  if (version && !/^v\d+\.\d+\.\d+$/.test(version))
    throw new Error(`"${version}" is not a release version; use vMAJOR.MINOR.PATCH, e.g. v1.2.0`);
  const dirty = git(repo, 'status', '--porcelain', '--untracked-files=no');
  if (dirty)
    throw new Error(`the working tree has uncommitted changes; commit or stash them first:\n${dirty}`);
  if (version && git(repo, 'tag', '--list', version))
    throw new Error(`tag ${version} exists already; a fix is a new patch release, never a moved tag`);
}

/**
 * `pin` (version undefined) or a release. Returns what it did, for the tests and the closing message.
 */
export function release({ repo, version, log = console.log }) {
  checkReady(repo, version);
  const code = git(repo, 'rev-parse', 'HEAD');
  pinRound(repo, undefined, log);
  const tagged = pinRound(repo, undefined, log);
  let major;
  if (version) {
    major = version.split('.')[0];
    git(repo, 'tag', '-a', version, tagged, '-m', `Runway ${version}`);
    git(repo, 'tag', '-f', '-a', major, tagged, '-m', `Runway ${version} (moving major tag)`);
    log(`tagged ${tagged.slice(0, 12)} ${version}; moved ${major} there`);
  }
  const head = pinRound(repo, version, log);
  const branch = git(repo, 'rev-parse', '--abbrev-ref', 'HEAD');
  const push = version
    ? `git push origin ${branch} ${version} && git push --force origin ${major}`
    : `git push origin ${branch}`;
  log(`the code is ${code.slice(0, 12)}; HEAD ${head.slice(0, 12)}. Then: ${push}`);
  return { code, tagged, head, push };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const repoAt = args.indexOf('--repo');
  const repo =
    repoAt >= 0 ? resolve(args[repoAt + 1]) : resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const what = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--repo')[0];
  if (what !== 'pin' && !/^v/.test(what ?? '')) {
    console.error('Usage: node scripts/release.mjs pin | vX.Y.Z [--repo DIR] [--dry-run]');
    process.exit(2);
  }
  if (args.includes('--dry-run')) {
    checkReady(repo, what === 'pin' ? undefined : what);
    console.log(
      `would pin ${pinnedFiles(repo).join(', ')} in three commits${what === 'pin' ? '' : `, tagging the second ${what}`}`,
    );
    process.exit(0);
  }
  try {
    release({ repo, version: what === 'pin' ? undefined : what });
  } catch (error) {
    console.error(`release: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
