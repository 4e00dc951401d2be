// The system prerequisites of `npm start` (the rehearsal) and `npm test`, checked before either runs.
// On a fresh machine of the kind this project targets (Debian, Node from npm) the missing Debian
// packages are installed when we run as root; otherwise we stop at once with ONE message that lists
// exactly what to install — instead of a rehearsal step failing with `spawn rclone ENOENT` or six
// Route 53 tests timing out. scripts/test.mjs and bin/runway.js (rehearse) share this file.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * What each command needs. `find` names the file that proves the package is there: a command on PATH,
 * or (for files that are not commands) absolute candidates. `pkg` is the Debian package; `manual` is
 * what to do when no Debian package provides it.
 */
export const PREREQUISITES = [
  {
    name: 'rclone',
    pkg: 'rclone',
    command: 'rclone',
    for: ['start', 'test'],
    why: 'uploads the seeded B2 backups',
  },
  {
    name: 'openssl',
    pkg: 'openssl',
    command: 'openssl',
    for: ['start', 'test'],
    why: 'issues the stand-ins’ TLS certificates',
  },
  {
    name: 'pg_restore',
    pkg: 'postgresql-client',
    command: 'pg_restore',
    for: ['start', 'test'],
    why: 'reads the pg_dump backups',
  },
  {
    name: 'pg_dump',
    pkg: 'postgresql-client',
    command: 'pg_dump',
    for: ['start', 'test'],
    why: 'makes the pg_dump backups',
  },
  {
    name: 'PostgreSQL server',
    pkg: 'postgresql',
    command: 'postgres',
    // Debian keeps the server out of PATH (postgresql-15 → /usr/lib/postgresql/15/bin).
    libGlob: { dir: '/usr/lib/postgresql', file: 'bin/postgres' },
    for: ['start', 'test'],
    why: 'restores a backup into a real database',
  },
  {
    name: 'pdns_server',
    pkg: 'pdns-server',
    command: 'pdns_server',
    for: ['test'],
    why: 'the authoritative DNS server of the DNS tests',
  },
  {
    name: 'PowerDNS SQLite backend',
    pkg: 'pdns-backend-sqlite3',
    libGlob: { dir: '/usr/lib', file: 'pdns/libgsqlite3backend.so' },
    for: ['test'],
    why: 'the zone store of the DNS tests',
  },
  { name: 'sqlite3', pkg: 'sqlite3', command: 'sqlite3', for: ['test'], why: 'loads the PowerDNS zone' },
  {
    name: 'chromium',
    pkg: 'chromium',
    command: 'chromium',
    for: ['test'],
    why: 'screenshots the rehearsal report',
  },
  {
    name: 'moto_server',
    command: 'moto_server',
    for: ['test'],
    why: 'the Route 53 and S3 stand-in of the AWS tests',
    manual:
      'moto_server has no Debian package and this script cannot install it: run `pip install "moto[server]==5.2.5"` where PyPI is reachable (it is not from every sandbox), or put an existing moto_server on PATH',
  },
];

const onPath = (command, env) =>
  (env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .some((dir) => existsSync(join(dir, command)));

function inLibDirs({ dir, file }, root) {
  const base = join(root, dir);
  if (!existsSync(base)) return false;
  // One level of subdirectories: /usr/lib/<arch>/pdns/…, /usr/lib/postgresql/<major>/bin/…
  return readdirSync(base).some((sub) => existsSync(join(base, sub, file)));
}

/**
 * The prerequisites of `purpose` ('start' | 'test') missing on this machine. `env.PATH` decides for
 * commands; `fsRoot` lets a test point the library look-ups at an empty directory.
 */
export function findMissing(purpose, { env = process.env, fsRoot = '/' } = {}) {
  return PREREQUISITES.filter((p) => p.for.includes(purpose)).filter((p) => {
    if (p.command && onPath(p.command, env)) return false;
    if (p.libGlob && inLibDirs(p.libGlob, fsRoot)) return false;
    return true;
  });
}

/** What to do about what is missing: install Debian packages (root with apt-get), or stop with a message. */
export function planFor(purpose, missing, { isRoot, hasApt }) {
  const packages = [...new Set(missing.filter((m) => m.pkg).map((m) => m.pkg))];
  const manual = missing.filter((m) => !m.pkg);
  const command = purpose === 'start' ? 'npm start' : 'npm test';
  if (missing.length === 0) return { action: 'none', packages: [], manual: [] };
  if (isRoot && hasApt && packages.length) {
    return { action: 'install', packages, manual, message: manualMessage(command, manual) };
  }
  const lines = [`${command} needs programs this machine does not have:`];
  for (const m of missing) lines.push(`  - ${m.name}${m.pkg ? ` (Debian package ${m.pkg})` : ''}: ${m.why}`);
  if (packages.length)
    lines.push(`Install them with: sudo apt-get install --no-install-recommends ${packages.join(' ')}`);
  for (const m of manual) lines.push(`And: ${m.manual}`);
  return { action: 'stop', packages, manual, message: lines.join('\n') };
}

function manualMessage(command, manual) {
  if (!manual.length) return undefined;
  return [
    `${command} also needs, and cannot install by itself:`,
    ...manual.map((m) => `  - ${m.name}: ${m.why}. ${m.manual}`),
  ].join('\n');
}

/** Runs apt-get for real: `update` once, then one `install` of every missing package. */
export function aptInstall(packages, { log = console.log } = {}) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  log(`installing Debian packages: ${packages.join(' ')}`);
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', '--no-install-recommends', ...packages],
  ]) {
    const run = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (run.status !== 0) throw new Error(`apt-get ${args[0]} failed (exit ${run.status})`);
  }
}

/**
 * Checks, installs what it can, re-checks. Returns true when everything `purpose` needs is present;
 * otherwise prints one message and returns false. Everything with a side effect is injectable so the
 * tests run it with a bare PATH and a recording installer.
 */
export function ensurePrerequisites(purpose, options = {}) {
  const {
    env = process.env,
    fsRoot = '/',
    isRoot = typeof process.getuid === 'function' && process.getuid() === 0,
    hasApt = onPath('apt-get', env),
    install = aptInstall,
    error = console.error,
    log = console.log,
  } = options;
  const missing = findMissing(purpose, { env, fsRoot });
  const plan = planFor(purpose, missing, { isRoot, hasApt });
  if (plan.action === 'none') return true;
  if (plan.action === 'stop') {
    error(plan.message);
    return false;
  }
  try {
    install(plan.packages, { log });
  } catch (e) {
    error(
      `${e instanceof Error ? e.message : String(e)}\n${planFor(purpose, missing, { isRoot: false, hasApt }).message}`,
    );
    return false;
  }
  const still = findMissing(purpose, { env, fsRoot });
  if (still.length) {
    error(planFor(purpose, still, { isRoot: false, hasApt }).message);
    return false;
  }
  return true;
}

// `node scripts/prereqs.mjs start|test` — the step `npm start` and `npm test` run first.
if (import.meta.url === `file://${process.argv[1]}`) {
  const purpose = process.argv[2] === 'start' ? 'start' : 'test';
  process.exit(ensurePrerequisites(purpose) ? 0 : 1);
}
