/**
 * Cold start: each bundle checks its inputs before it loads anything heavy. Run exactly as the runner
 * runs it, with no inputs, every bundle must stop on its first input error having loaded only its own
 * entry file — none of the chunks that hold the toolkit, undici, the AWS SDK or the domain cores (a
 * module hook records every file the process resolves). The time this saves is measured against bare
 * node in bench/cold-start.ts; this test only checks what is loaded, so it does not depend on timing.
 * It reads dist/: after changing a shell, `npm run build` first.
 */
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '../..');
const HOOK = `data:text/javascript,${encodeURIComponent(`
import { registerHooks } from 'node:module';
const seen = new Set();
registerHooks({ resolve(specifier, context, next) { const r = next(specifier, context); if (r.url.startsWith('file:')) seen.add(r.url); return r; } });
process.on('exit', () => process.stderr.write('LOADED ' + JSON.stringify([...seen]) + '\\n'));
`)}`;

/** Strings only the heavy dependencies contain. */
const HEAVY: [string, string][] = [
  ['@actions/core (its OIDC client)', 'ACTIONS_ID_TOKEN_REQUEST_URL'],
  ['undici', 'UND_ERR_'],
  ['the AWS SDK', '@aws-sdk/'],
  ['octokit', '@octokit/'],
  ['hdr-histogram-js', 'HdrHistogram'],
];

const bundles = [
  ...['fly-deploy', 'latency-probe', 'backup-verify', 'dns-cutover'].map((name) => ({
    name,
    main: join(
      ROOT,
      'actions',
      name,
      (parse(readFileSync(join(ROOT, 'actions', name, 'action.yml'), 'utf8')) as { runs: { main: string } })
        .runs.main,
    ),
  })),
  {
    name: 'runway',
    main: join(
      ROOT,
      (parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { runs: { main: string } }).runs.main,
    ),
  },
];

describe('a bad input fails before anything heavy loads', () => {
  it.each(bundles)('$name loads only its entry file on the way to its first input error', ({ main }) => {
    const run = spawnSync(process.execPath, ['--import', HOOK, main], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, GITHUB_ACTIONS: 'true' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error::input '[a-z-]+': /m);
    const loaded = JSON.parse(/^LOADED (.*)$/m.exec(run.stderr)?.[1] ?? '[]') as string[];
    const files = loaded.map((url) => relative(ROOT, new URL(url).pathname));
    expect(files).toEqual([relative(ROOT, main)]);
    // …and that file does not carry the heavy code itself (as a single-file bundle would).
    const entry = readFileSync(main, 'utf8');
    expect(HEAVY.filter(([, marker]) => entry.includes(marker)).map(([name]) => name)).toEqual([]);
  });
});
