#!/usr/bin/env node
// `npm test`: makes sure this machine has what the tests need, then runs every test with jest.
// On a fresh machine (CI, a newcomer's box) it first checks the programs the tests start as real
// servers (scripts/prereqs.mjs): installs the missing Debian packages when root, else stops with one
// message listing them. The services themselves are started by the tests.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensurePrerequisites } from './prereqs.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `npm test needs Node 24 (the runtime GitHub uses for node24 actions); this is ${process.version}.`,
  );
  console.error('Fix: run `npm ci` first — the `node` dev dependency puts Node 24 on the npm scripts PATH.');
  process.exit(1);
}

// rclone, PowerDNS, PostgreSQL, chromium, moto_server…: installed when root, else one message and stop.
if (!ensurePrerequisites('test')) process.exit(1);

// The Debian package starts pdns on port 53 where an init system exists; the tests run their own.
const jestArgs = process.argv.slice(2);
// Every test's scratch (bundle steps' RUNNER_TEMP, servers' data dirs, certificates) goes into one private
// temp dir, removed when jest ends, so `npm test` leaves nothing behind even where a test is killed.
const resultsDir = mkdtempSync(join(tmpdir(), 'runway-jest-'));
const scratch = join(resultsDir, 'tmp');
mkdirSync(scratch);
// Like /tmp: servers the tests start as another user (PostgreSQL runs as `postgres` under root) must
// reach their own directories inside it.
chmodSync(resultsDir, 0o755);
chmodSync(scratch, 0o1777);
const out = join(resultsDir, 'results.json');
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
      TMPDIR: scratch,
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
rmSync(resultsDir, { recursive: true, force: true });
process.exit(status);
