#!/usr/bin/env node
// Regenerates the inputs/outputs tables of each action README from its action.yml, between the markers
// <!-- action-docs:start --> and <!-- action-docs:end -->. `--check` exits 1 when a README is out of date
// (the test suite runs it), so the docs can never drift from the metadata.
import { existsSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const START = '<!-- action-docs:start -->';
const END = '<!-- action-docs:end -->';

const cell = (text) =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ')
    .trim();

export function renderTables(metadata) {
  const lines = [
    '### Inputs',
    '',
    '| Input | Description | Required | Default |',
    '| --- | --- | --- | --- |',
  ];
  for (const [name, spec] of Object.entries(metadata.inputs ?? {})) {
    const def = spec.default === undefined || spec.default === '' ? '' : `\`${cell(spec.default)}\``;
    lines.push(`| \`${name}\` | ${cell(spec.description)} | ${spec.required ? 'yes' : 'no'} | ${def} |`);
  }
  lines.push('', '### Outputs', '', '| Output | Description |', '| --- | --- |');
  for (const [name, spec] of Object.entries(metadata.outputs ?? {})) {
    lines.push(`| \`${name}\` | ${cell(spec.description)} |`);
  }
  return lines.join('\n');
}

function targets() {
  // The root action (action.yml) is documented in docs/runway-action.md: the root README is the project's.
  const list = [{ yml: join(root, 'action.yml'), readme: join(root, 'docs', 'runway-action.md') }];
  if (existsSync(join(root, 'actions'))) {
    for (const d of readdirSync(join(root, 'actions'), { withFileTypes: true })) {
      if (d.isDirectory() && existsSync(join(root, 'actions', d.name, 'action.yml'))) {
        list.push({
          yml: join(root, 'actions', d.name, 'action.yml'),
          readme: join(root, 'actions', d.name, 'README.md'),
        });
      }
    }
  }
  return list;
}

const check = process.argv.includes('--check');
let stale = 0;
for (const { yml, readme } of targets()) {
  const metadata = parse(readFileSync(yml, 'utf8'));
  const tables = `${START}\n${renderTables(metadata)}\n${END}`;
  const current = existsSync(readme) ? readFileSync(readme, 'utf8') : '';
  let next;
  if (current.includes(START) && current.includes(END)) {
    next =
      current.slice(0, current.indexOf(START)) + tables + current.slice(current.indexOf(END) + END.length);
  } else {
    next = `${current || `# ${metadata.name}\n\n${metadata.description ?? ''}\n`}\n## Reference\n\n${tables}\n`;
  }
  if (next !== current) {
    stale++;
    if (check) console.error(`${readme} is out of date with ${yml}: run npm run docs`);
    else writeFileSync(readme, next);
  }
}
if (check && stale) process.exit(1);
