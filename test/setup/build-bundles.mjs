// Integration tier: every bundle the tests run is built from the current src/ first, so a change in
// src/ is what the tests see (the committed dist/ is checked against this same build by dist.test.ts).
// RUNWAY_TEST_COMMITTED_DIST=1 runs the committed dist/ instead (what a released commit ships).
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export default function buildBundles() {
  if (process.env.RUNWAY_TEST_COMMITTED_DIST === '1' || process.env.RUNWAY_BUNDLE_DIR) return;
  const root = process.cwd();
  const out = join(root, '.tmp', 'test-bundles');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const started = Date.now();
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--out', out], {
    cwd: root,
    stdio: 'pipe',
  });
  process.env.RUNWAY_BUNDLE_DIR = out;
  console.log(
    `\nbuilt every bundle from src/ into .tmp/test-bundles in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
}
