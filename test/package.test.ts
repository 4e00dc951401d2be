import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';

/**
 * package.json groups by who needs what. `dependencies`: what src/ and bin/ load at run time — the
 * libraries the bundles are built from, and what the CLI and the rehearsal run (`npm ci --omit=dev &&
 * npm start` works). `devDependencies`: building, testing, linting and benchmarking only.
 */
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
/** Needed at run time without being imported: the runtime itself. */
const RUNTIME = { node: 'the Node 24 that `npm start` and the `runway` CLI run on' };

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/** Packages a file loads at run time: value imports, dynamic imports, and spawned `node_modules/<pkg>`. */
function packagesUsed(text: string): string[] {
  const specifiers = [
    ...[...text.matchAll(/^import (?!type )[^'";]*?from '([^']+)'/gm)].map((m) => m[1]),
    ...[...text.matchAll(/^import '([^']+)'/gm)].map((m) => m[1]),
    ...[...text.matchAll(/import\('([^']+)'\)/g)].map((m) => m[1]),
    ...[...text.matchAll(/node_modules\/((?:@[\w.-]+\/)?[\w.-]+)/g)].map((m) => m[1]),
  ];
  return specifiers
    .filter((s) => !s.startsWith('.') && !s.startsWith('node:') && !builtinModules.includes(s))
    .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]));
}

describe('package.json', () => {
  const used = new Set(
    [...sources('src'), ...sources('bin')].flatMap((f) => packagesUsed(readFileSync(f, 'utf8'))),
  );

  it('lists everything src/ and bin/ load at run time under dependencies', () => {
    expect([...used].filter((name) => !(name in pkg.dependencies)).sort()).toEqual([]);
  });

  it('keeps nothing under dependencies that only building or testing needs', () => {
    const unused = Object.keys(pkg.dependencies).filter((name) => !used.has(name) && !(name in RUNTIME));
    expect(unused).toEqual([]);
  });
});
