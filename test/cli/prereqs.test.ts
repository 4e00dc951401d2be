/**
 * `npm start` and `npm test` check their system prerequisites first (scripts/prereqs.mjs). Each tool is
 * taken away in turn — a PATH of symlinks to everything but it, library look-ups pointed at a fake
 * root — and the step must name it in its one message (not root) or install its package (root, with a
 * recording installer: the tests never run apt-get).
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error -- a plain ESM script without types
import { ensurePrerequisites, PREREQUISITES } from '../../scripts/prereqs.mjs';

interface Prerequisite {
  name: string;
  pkg?: string;
  command?: string;
  libGlob?: { dir: string; file: string };
  for: string[];
  manual?: string;
}
const ALL = PREREQUISITES as Prerequisite[];
const ROOT = join(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'runway-prereqs-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A PATH directory and a fake filesystem root holding every prerequisite except `without`. */
function machineWithout(without?: Prerequisite): { env: { PATH: string }; fsRoot: string } {
  const dir = mkdtempSync(join(scratch, 'machine-'));
  const bin = join(dir, 'bin');
  const fsRoot = join(dir, 'root');
  mkdirSync(bin);
  for (const p of ALL) {
    if (p === without) continue;
    if (p.command && !p.libGlob) symlinkSync('/bin/true', join(bin, p.command));
    if (p.libGlob) {
      const file = join(fsRoot, p.libGlob.dir, 'fake', p.libGlob.file);
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, '');
    }
  }
  return { env: { PATH: bin }, fsRoot };
}

function check(purpose: 'start' | 'test', without: Prerequisite | undefined, isRoot: boolean) {
  const errors: string[] = [];
  const installs: string[][] = [];
  const ok = ensurePrerequisites(purpose, {
    ...machineWithout(without),
    isRoot,
    hasApt: true,
    install: (packages: string[]) => installs.push(packages),
    error: (m: string) => errors.push(m),
    log: () => undefined,
  }) as boolean;
  return { ok, errors, installs };
}

describe('system prerequisites of npm start and npm test', () => {
  it('passes silently on a machine that has everything', () => {
    for (const purpose of ['start', 'test'] as const) {
      expect(check(purpose, undefined, false)).toEqual({ ok: true, errors: [], installs: [] });
    }
  });

  const cases = ALL.flatMap((p) => p.for.map((purpose) => [purpose, p.name, p] as const));
  it.each(cases)(
    '%s without %s: one message naming it, or its package installed as root',
    (purpose, _, p) => {
      const user = check(purpose as 'start' | 'test', p, false);
      expect(user.ok).toBe(false);
      expect(user.installs).toEqual([]);
      expect(user.errors).toHaveLength(1);
      const message = user.errors[0];
      expect(message).toContain(`npm ${purpose} needs`);
      expect(message).toContain(p.name);
      if (p.pkg) expect(message).toContain(`sudo apt-get install --no-install-recommends ${p.pkg}`);
      else expect(message).toContain(p.manual);

      const root = check(purpose as 'start' | 'test', p, true);
      if (p.pkg) {
        // The recording installer installs nothing, so the re-check still misses it and says so once.
        expect(root.installs).toEqual([[p.pkg]]);
      } else {
        expect(root.installs).toEqual([]); // nothing apt-get could do: stop at once
      }
      expect(root.ok).toBe(false);
      expect(root.errors).toHaveLength(1);
      expect(root.errors[0]).toContain(p.name);
    },
  );

  it('a root install that provides the packages lets the command go on', () => {
    const machine = machineWithout(ALL.find((p) => p.name === 'rclone'));
    const ok = ensurePrerequisites('start', {
      ...machine,
      isRoot: true,
      hasApt: true,
      install: (packages: string[]) => {
        for (const pkg of packages) symlinkSync('/bin/true', join(machine.env.PATH, pkg));
      },
      error: (m: string) => {
        throw new Error(m);
      },
      log: () => undefined,
    }) as boolean;
    expect(ok).toBe(true);
  });

  it('the script stops `npm start` before the rehearsal, exit 1, listing every missing package', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.start).toMatch(/^node scripts\/prereqs\.mjs start && /);
    expect(readFileSync(join(ROOT, 'scripts/test.mjs'), 'utf8')).toContain("ensurePrerequisites('test')");
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts/prereqs.mjs'), 'start'], {
      env: { PATH: join(scratch, 'empty') },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      'sudo apt-get install --no-install-recommends rclone openssl postgresql-client',
    );
  });
});
