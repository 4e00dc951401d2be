#!/usr/bin/env node
// `npm test`: makes sure this machine has what the tests need, then runs every test with jest.
// On a fresh machine (CI, a newcomer's box) it installs the Debian packages the tests start as real
// servers (PowerDNS, rclone, sqlite) when it runs as root; services themselves are started by the tests.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `npm test needs Node 24 (the runtime GitHub uses for node24 actions); this is ${process.version}.`,
  );
  console.error('Fix: run `npm ci` first — the `node` dev dependency puts Node 24 on the npm scripts PATH.');
  process.exit(1);
}

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const debianPackages = [
  { pkg: 'pdns-server', present: () => has('pdns_server') },
  {
    pkg: 'pdns-backend-sqlite3',
    present: () =>
      existsSync('/usr/lib/x86_64-linux-gnu/pdns/libgsqlite3backend.so') ||
      spawnSync('sh', ['-c', 'ls /usr/lib/*/pdns/libgsqlite3backend.so'], { stdio: 'ignore' }).status === 0,
  },
  { pkg: 'sqlite3', present: () => has('sqlite3') },
  { pkg: 'rclone', present: () => has('rclone') },
  { pkg: 'openssl', present: () => has('openssl') },
];
const missing = debianPackages.filter((p) => !p.present()).map((p) => p.pkg);
if (missing.length) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && has('apt-get')) {
    console.log(`installing Debian packages the tests need: ${missing.join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
      stdio: 'inherit',
      env,
    });
  } else {
    console.warn(
      `missing Debian packages: ${missing.join(' ')} — install them (sudo apt-get install ${missing.join(' ')}); tests that need them will fail.`,
    );
  }
}
if (!has('moto_server')) {
  console.warn(
    'moto_server is not on PATH (pip install "moto[server]"); the Route 53 and moto S3 tests need it.',
  );
}

// The Debian package starts pdns on port 53 where an init system exists; the tests run their own.
const jestArgs = process.argv.slice(2);
const out = join(mkdtempSync(join(tmpdir(), 'runway-jest-')), 'results.json');
const jest = spawnSync(
  process.execPath,
  [join(root, 'node_modules/jest/bin/jest.js'), '--json', `--outputFile=${out}`, ...jestArgs],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules`.trim(),
      NODE_NO_WARNINGS: '1',
    },
  },
);
let status = jest.status ?? 1;
if (existsSync(out)) {
  const results = JSON.parse(readFileSync(out, 'utf8'));
  // A plain closing line any CI log reader understands.
  console.log(
    `\n${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests} skipped`,
  );
  if (results.numTotalTests === 0) status = 1;
}
process.exit(status);
