import base from './jest.config.js';
import { groups, selectedGroup } from './tools/mutation-groups.mjs';

/**
 * The fast unit tier StrykerJS runs against each mutant (`npm run test:mutation`): only the pure tests of
 * the deciding modules, no servers or bundles, so one mutant costs a fraction of a second of test time.
 * MUTATION_GROUP (set by scripts/mutation.mjs) narrows it to one group's tests.
 */
const group = selectedGroup();
// MUTATION_TESTS (comma-separated globs) asks how well some tests alone do, e.g. a module's old tests.
const tests =
  process.env.MUTATION_TESTS?.split(',') ?? (group ? group.tests : groups.flatMap((g) => g.tests));
// The unit project's transform and resolver, as one flat config: the integration project (its testRegex,
// its bundle build in globalSetup) has no place in a mutant's run.
const {
  displayName: _unit,
  testPathIgnorePatterns: _tiers,
  ...unit
} = base.projects.find((project) => project.displayName === 'unit');

export default {
  ...unit,
  testMatch: tests.map((glob) => `<rootDir>/${glob}`),
  // Crawl only what the tests load: each mutant starts a fresh jest run.
  roots: ['<rootDir>/src', '<rootDir>/test'],
  watchman: false,
  maxWorkers: 1,
  testTimeout: 10000,
};
