import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkflow } from '../../tools/workflow-policy.js';
import { ROOT, workflowFiles } from './workflow-files.js';

const FIXTURES = join(ROOT, 'test/workflows/fixtures');

describe('workflow policy over every shipped workflow', () => {
  const files = workflowFiles();

  it('finds the workflows the issue asks for, and the example callers', () => {
    const names = files.map((f) => f.path);
    for (const name of ['deploy', 'staging', 'promote', 'rollback', 'backup-integrity', 'monitor', 'ci']) {
      expect(names).toContain(`.github/workflows/${name}.yml`);
    }
    expect(names.filter((n) => n.startsWith('examples/')).length).toBeGreaterThanOrEqual(5);
  });

  it.each(files.map((f) => [f.path, f.text]))('%s follows every rule', (path, text) => {
    expect(checkWorkflow(path, text, { root: ROOT })).toEqual([]);
  });
});

describe('each rule catches its violation (negative fixtures)', () => {
  const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.yml'));

  it('has a fixture for every rule', () => {
    const expected = new Set(
      fixtures.flatMap((f) =>
        (/^# expect: (.*)$/m.exec(readFileSync(join(FIXTURES, f), 'utf8'))?.[1] ?? '').split(/,\s*/),
      ),
    );
    for (const rule of [
      'top-permissions',
      'job-permissions',
      'excess-write',
      'excess-read',
      'caller-permissions',
      'unpinned-uses',
      'template-injection',
      'deploy-environment',
      'deploy-concurrency',
      'secrets-inherit',
      'action-inputs',
      'workflow-inputs',
    ]) {
      expect(expected).toContain(rule);
    }
  });

  it.each(fixtures)('%s', (name) => {
    const text = readFileSync(join(FIXTURES, name), 'utf8');
    const header = /^# expect: (.*)$/m.exec(text)?.[1] ?? '';
    const expected = header.startsWith('(none)') ? [] : header.split(/,\s*/).sort();
    const findings = checkWorkflow(name, text, { root: ROOT });
    expect([...new Set(findings.map((f) => f.rule))].sort()).toEqual(expected);
    for (const finding of findings) expect(finding.message.length).toBeGreaterThan(10);
  });
});
