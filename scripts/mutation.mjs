#!/usr/bin/env node
// `npm run test:mutation [group…] [-- stryker options]`: StrykerJS over the deciding modules, one group at
// a time (tools/mutation-groups.mjs), then one merged report in reports/mutation/mutation.json and a
// score per module counted over every mutant (survived and uncovered alike). Not part of `npm test`.
// Examples: `npm run test:mutation`, `npm run test:mutation -- judge`, `npm run test:mutation -- fly --incremental`,
// `npm run test:mutation -- dns --concurrency 1`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { groups } from '../tools/mutation-groups.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const isGroup = (arg) => groups.some((g) => g.name === arg);
// Group names, then Stryker's own options: `--concurrency 1` keeps its value, a group name after it stays a group.
const named = args.filter((a, i) => !a.startsWith('-') && (isGroup(a) || !args[i - 1]?.startsWith('-')));
const strykerArgs = args.filter((a) => !named.includes(a));
const unknown = named.filter((n) => !isGroup(n));
if (unknown.length) {
  console.error(
    `test:mutation: no group named ${unknown.join(', ')}; the groups are ${groups.map((g) => g.name).join(', ')}.`,
  );
  process.exit(2);
}
const selected = named.length ? groups.filter((g) => named.includes(g.name)) : groups;

const stryker = join(root, 'node_modules/@stryker-mutator/core/bin/stryker.js');
if (!existsSync(stryker)) {
  console.error(
    'test:mutation: StrykerJS is not installed here. Fix: run `npm ci` first (it is a devDependency).',
  );
  process.exit(2);
}

const groupReport = (name) => join(root, 'reports/mutation/groups', `${name}.json`);
const started = Date.now();
let failed = false;
for (const group of selected) {
  console.log(`\n== mutation group ${group.name}: ${group.mutate.join(', ')}`);
  const run = spawnSync(process.execPath, [stryker, 'run', ...strykerArgs], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, MUTATION_GROUP: group.name },
  });
  if (run.status !== 0) {
    console.error(`test:mutation: group ${group.name} failed (exit ${run.status ?? run.signal}).`);
    failed = true;
  }
}

// Merge every group's latest report, so a run of one group still leaves a whole report behind.
const merged = {
  schemaVersion: '2',
  thresholds: { high: 90, low: 85 },
  projectRoot: root,
  files: {},
  testFiles: {},
};
for (const group of groups) {
  if (!existsSync(groupReport(group.name))) continue;
  const report = JSON.parse(readFileSync(groupReport(group.name), 'utf8'));
  Object.assign(merged.files, report.files);
  Object.assign(merged.testFiles, report.testFiles ?? {});
}
const out = join(root, 'reports/mutation/mutation.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(merged));

/** Stryker's score: detected (killed or timed out) over every valid mutant, uncovered ones included. */
const DETECTED = new Set(['Killed', 'Timeout']);
const COUNTED = new Set(['Killed', 'Timeout', 'Survived', 'NoCoverage']);
console.log('\nmodule                         score   killed  timeout survived  no cov  ignored');
for (const [file, { mutants }] of Object.entries(merged.files).sort()) {
  const count = (status) => mutants.filter((m) => m.status === status).length;
  const counted = mutants.filter((m) => COUNTED.has(m.status)).length;
  const detected = mutants.filter((m) => DETECTED.has(m.status)).length;
  const score = counted ? ((100 * detected) / counted).toFixed(1) : '—';
  console.log(
    `${file.padEnd(30)} ${String(score).padStart(5)}%  ${[count('Killed'), count('Timeout'), count('Survived'), count('NoCoverage'), count('Ignored')].map((n) => String(n).padStart(7)).join(' ')}`,
  );
}
console.log(`\nreport: ${out} (${((Date.now() - started) / 60000).toFixed(1)} min)`);

// Each module run now must keep its score at the floor (README: 85 %), counted as above.
const FLOOR = 85;
const ran = new Set(selected.flatMap((g) => g.mutate));
const below = Object.entries(merged.files)
  .filter(([file]) => ran.has(file))
  .map(([file, { mutants }]) => {
    const counted = mutants.filter((m) => COUNTED.has(m.status)).length;
    const detected = mutants.filter((m) => DETECTED.has(m.status)).length;
    return { file, score: counted ? (100 * detected) / counted : 100 };
  })
  .filter(({ score }) => score < FLOOR);
for (const { file, score } of below)
  console.error(`test:mutation: ${file} scores ${score.toFixed(1)} %, under the ${FLOOR} % floor.`);
process.exit(failed || below.length ? 1 : 0);
