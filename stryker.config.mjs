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
  // The machine is shared: two sandboxes at most (`--concurrency 1` for one).
  concurrency: 2,
  // Added to the time the tests took in the dry run. The searches and windows in the deciding modules are
  // bounded by construction (a step cap, lists of known length), so a mutant rarely loops; when one does,
  // it costs this plus a restart of the sandbox's jest, which is what made a whole run take 95 minutes.
  timeoutMS: 2000,
  timeoutFactor: 1.25,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: {
    fileName: group ? `reports/mutation/groups/${name}.json` : 'reports/mutation/mutation.json',
  },
  // Only what the unit tier needs is copied into the sandbox.
  ignorePatterns: ['/.tmp', 'dist', 'coverage', 'reports', 'bench', 'docs', 'examples', '/rehearsal'],
  tempDirName: `.tmp/stryker-${name}`,
  cleanTempDir: true,
  incrementalFile: `reports/mutation/incremental/${name}.json`,
  thresholds: { high: 90, low: 85, break: null },
};
