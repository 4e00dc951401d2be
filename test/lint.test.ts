import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const bin = (name: string) => join(process.cwd(), 'node_modules', '.bin', name);

// `npm run lint` as part of `npm test`, so CI (which runs only the test command) keeps the code lint-clean.
describe('lint', () => {
  it('ESLint finds no problems', () => {
    const result = spawnSync(bin('eslint'), ['.', '--max-warnings', '0'], { encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('Prettier finds nothing to reformat', () => {
    const result = spawnSync(bin('prettier'), ['--check', '.', '--log-level', 'warn'], { encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
