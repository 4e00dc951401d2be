// @ts-check
import { groups, selectedGroup } from './tools/mutation-groups.mjs';

/**
 * Mutation testing of the modules that decide (`npm run test:mutation`, which runs one group at a time
 * through scripts/mutation.mjs; not part of `npm test`). Each group mutates a few modules and runs only
 * the unit tests that cover them (tools/mutation-groups.mjs), so a static mutant (one in a module-level constant, which needs every
 * test of the run) costs a group's tests rather than all of them.
 */

const group = selectedGroup();
// A run against chosen tests (MUTATION_TESTS) keeps its report and sandbox apart from the group's own.
const name = group ? `${group.name}${process.env.MUTATION_TESTS ? '.chosen-tests' : ''}` : 'all';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  // The jest runner needs the VM-modules flag for this ESM setup, and a "custom" project so it reads
  // jest.mutation.config.js (which picks the group's tests from MUTATION_GROUP) instead of guessing.
  testRunner: 'jest',
  testRunnerNodeArgs: ['--experimental-vm-modules'],
  jest: { projectType: 'custom', configFile: 'jest.mutation.config.js', enableFindRelatedTests: false },
  coverageAnalysis: 'perTest',
  mutate: group ? group.mutate : groups.flatMap((g) => g.mutate),
  // The machine is shared; one sandbox keeps the run predictable.
  concurrency: 1,
  // Added to the time the tests took in the dry run: enough for a loaded machine, short enough that
  // the mutants that loop forever (they exist in every pool and search) do not dominate the run.
  timeoutMS: 3000,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: {
    fileName: group ? `reports/mutation/groups/${name}.json` : 'reports/mutation/mutation.json',
  },
  // Only what the unit tier needs is copied into the sandbox.
  ignorePatterns: [
    '/.tmp',
    'dist',
    'coverage',
    'reports',
    'bench',
    'docs',
    'examples',
    'actions',
    '/rehearsal',
  ],
  tempDirName: `.tmp/stryker-${name}`,
  cleanTempDir: true,
  incrementalFile: `reports/mutation/incremental/${name}.json`,
  thresholds: { high: 90, low: 85, break: null },
};
