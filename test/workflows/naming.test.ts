/**
 * One name for each thing across the READMEs, the adoption guide and the example callers: the
 * repository (`coconut-beach/runway/…@<sha> # vX.Y.Z`, never `your-org/…@v1` or `./actions/…`, which
 * resolves in the caller's repository), the B2 secrets, the backup prefix.
 */
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './workflow-files.js';

const files = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs')).map((f) => `docs/${f}`),
  ...readdirSync(join(ROOT, 'actions')).map((a) => `actions/${a}/README.md`),
  ...readdirSync(join(ROOT, 'examples/workflows')).map((f) => `examples/workflows/${f}`),
].filter((f) => /\.(md|ya?ml)$/.test(f));

const RULES: [RegExp, string][] = [
  [/your-org\//, 'the repository is coconut-beach/runway'],
  [/uses: \.\/actions\//, 'an app calls coconut-beach/runway/actions/<name>@<sha>, not ./actions/'],
  [/runway\/actions\/[a-z-]+@v\d/, 'Runway is pinned by SHA with the version as a comment'],
  [/\bB2_APP_KEY\b|\bB2_SECRET\b/, 'the secret is B2_APPLICATION_KEY (with B2_KEY_ID)'],
  [/prefix: postgres\//, 'the backups live under db/'],
];

describe('names agree across READMEs, docs and examples', () => {
  it.each(files)('%s', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const found = RULES.flatMap(([pattern, rule]) =>
      text
        .split('\n')
        .map((line, i) => (pattern.test(line) ? `${file}:${i + 1}: ${line.trim()} — ${rule}` : ''))
        .filter(Boolean),
    );
    expect(found).toEqual([]);
  });

  it('the backup examples and the rehearsal use the same prefix and secrets', () => {
    const examples = files
      .filter((f) => f.startsWith('examples/'))
      .map((f) => readFileSync(join(ROOT, f), 'utf8'));
    expect(examples.join('\n')).toMatch(/prefix: db\//);
    expect(examples.join('\n')).toContain('secrets.B2_APPLICATION_KEY');
    expect(readFileSync(join(ROOT, 'src/rehearsal/backup.ts'), 'utf8')).toContain("const PREFIX = 'db/'");
  });
});
