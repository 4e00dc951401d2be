#!/usr/bin/env node
// Bundles each action with @vercel/ncc: src/actions/<name>.ts -> dist/<name>/index.js (ESM, because the
// package is "type": "module"). `node scripts/build.mjs [--out DIR] [name...]`; with no names, every
// action that has an actions/<name>/action.yml (plus the root action, bundled as dist/runway), and
// anything in the output that the build no longer makes is removed.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, mkdirSync, renameSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
let out = join(root, 'dist');
const outIndex = args.indexOf('--out');
if (outIndex >= 0) {
  out = resolve(args[outIndex + 1]);
  args.splice(outIndex, 2);
}

export function actionNames() {
  const names = readdirSync(join(root, 'actions'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, 'actions', d.name, 'action.yml')))
    .map((d) => d.name);
  if (existsSync(join(root, 'action.yml')) && existsSync(join(root, 'src/actions/runway.ts')))
    names.push('runway');
  return names.sort();
}

const all = actionNames();
const names = args.length ? args : all;
mkdirSync(out, { recursive: true });
if (!args.length) {
  for (const entry of readdirSync(out))
    if (!all.includes(entry)) rmSync(join(out, entry), { recursive: true, force: true });
}
const ncc = join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js');
for (const name of names) {
  const entry = join(root, 'src/actions', `${name}.ts`);
  if (!existsSync(entry)) throw new Error(`no entry ${entry} for action ${name}`);
  const target = join(out, name);
  const staging = `${target}.building`;
  rmSync(staging, { recursive: true, force: true });
  const started = Date.now();
  execFileSync(process.execPath, [ncc, 'build', entry, '-o', staging, '--quiet', '--target', 'es2023'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  rmSync(target, { recursive: true, force: true });
  renameSync(staging, target);
  console.log(`built dist/${name}/index.js in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}
