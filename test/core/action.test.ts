import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// runAction is the wrapper every bundle's entry runs in; run it in a child process as a step would be.
const work = mkdtempSync(join(tmpdir(), 'runway-action-wrapper-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function step(body: string): { status: number; stdout: string; summary: string } {
  const script = join(work, `step-${Math.random().toString(36).slice(2)}.mts`);
  const src = join(process.cwd(), 'src/core');
  const summary = join(work, `summary-${Math.random().toString(36).slice(2)}.md`);
  writeFileSync(summary, '');
  writeFileSync(
    script,
    `import { runAction } from '${src}/action.ts';\nimport { registerSecret } from '${src}/secrets.ts';\nimport { InputError } from '${src}/errors.ts';\nvoid InputError; void registerSecret;\nawait runAction('demo', async () => {\n${body}\n});\n`,
  );
  try {
    const result = spawnSync(process.execPath, ['--import', 'tsx', script], {
      encoding: 'utf8',
      env: { ...process.env, GITHUB_STEP_SUMMARY: summary, RUNNER_DEBUG: '1' },
    });
    return { status: result.status ?? 1, stdout: result.stdout, summary: readFileSync(summary, 'utf8') };
  } finally {
    rmSync(script, { force: true });
  }
}

describe('runAction, the wrapper every action runs in', () => {
  it('a user error fails the step with one line naming the input and the fix', () => {
    const run = step(`throw new InputError('rate', '"fast" is not a number.', 'use e.g. 10.');`);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`::error::input 'rate': "fast" is not a number. Fix: use e.g. 10.`);
    expect(run.stdout).not.toContain('failed unexpectedly');
    expect(run.summary).toContain('### ❌ demo stopped');
  });

  it('an internal fault (a built-in error type) says it is ours, keeps the stack for the debug log, and scrubs secrets', () => {
    const run = step(
      `registerSecret('tok-very-secret-123');\nthrow new TypeError('cannot read tok-very-secret-123 of undefined');`,
    );
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('::error::demo failed unexpectedly: cannot read *** of undefined');
    expect(run.stdout).toMatch(/::debug::TypeError: cannot read \*\*\* of undefined%0A\s+at /);
    expect(run.summary).toContain('cannot read *** of undefined');
    expect(run.summary).not.toContain('tok-very-secret-123');
  });

  it('a fault raised on purpose (a server that failed) is reported as its message, not as ours', () => {
    const run = step(
      `registerSecret('tok-very-secret-123');\nthrow new Error('PowerDNS at http://x stopped answering while sending tok-very-secret-123');`,
    );
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('::error::PowerDNS at http://x stopped answering while sending ***');
    expect(run.stdout).not.toContain('failed unexpectedly');
  });

  it('a non-Error throw still fails the step', () => {
    const run = step(`throw 'plain string';`);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('::error::demo failed unexpectedly: plain string');
  });
});
