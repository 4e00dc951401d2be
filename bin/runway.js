#!/usr/bin/env node
// The `runway` command. It runs the TypeScript sources through tsx so the simulators and the rehearsal
// need no separate build; the actions themselves always run from their built bundles in dist/.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

register();
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.env.RUNWAY_ROOT ??= root;
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
