import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = process.cwd();

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d)) {
      const full = join(d, entry);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full));
    }
  };
  walk(dir);
  return out.sort();
}

describe('dist/', () => {
  // Building every bundle is the slow part; one build serves both assertions.
  // The integration tier's global setup already built every bundle from src/: compare with that build.
  const fresh = process.env.RUNWAY_BUNDLE_DIR ?? mkdtempSync(join(tmpdir(), 'runway-dist-'));
  if (!process.env.RUNWAY_BUNDLE_DIR)
    execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--out', fresh], {
      cwd: root,
      stdio: 'pipe',
    });

  it('holds exactly the files the build makes', () => {
    expect(files(join(root, 'dist'))).toEqual(files(fresh));
  });

  it('is byte-identical to a fresh build of src/ (rebuild with `npm run build` and commit dist/)', () => {
    const stale = files(fresh).filter((file) => {
      const committed = join(root, 'dist', file);
      return !existsSync(committed) || !readFileSync(committed).equals(readFileSync(join(fresh, file)));
    });
    expect(stale).toEqual([]);
  });

  it('every action.yml runs node24 from its bundle', () => {
    for (const name of readdirSync(join(root, 'actions'))) {
      const yml = readFileSync(join(root, 'actions', name, 'action.yml'), 'utf8');
      expect(yml).toMatch(/using:\s*['"]?node24/);
      expect(yml).toContain(`../../dist/${name}/index.js`);
    }
  });
});

describe('action READMEs', () => {
  it('list exactly the inputs and outputs of their action.yml (npm run docs)', () => {
    const result = execFileSync(process.execPath, [join(root, 'scripts/action-docs.mjs'), '--check'], {
      cwd: root,
      stdio: 'pipe',
    });
    expect(result.toString()).toBe('');
  });
});
