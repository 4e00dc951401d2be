// @ts-check
/**
 * Mutation testing of the modules that decide (`npm run test:mutation`; not part of `npm test`).
 * The jest runner needs the VM-modules flag for this ESM setup, and a "custom" project so it reads our
 * dedicated unit-tier config instead of guessing one.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'jest',
  testRunnerNodeArgs: ['--experimental-vm-modules'],
  jest: { projectType: 'custom', configFile: 'jest.mutation.config.js', enableFindRelatedTests: false },
  coverageAnalysis: 'perTest',
  mutate: [
    'src/probe/judge.ts',
    'src/probe/thresholds.ts',
    'src/backup/retention.ts',
    'src/backup/evidence.ts',
    'src/fly/plan.ts',
    'src/dns/plan.ts',
    'src/dns/records.ts',
  ],
  // The machine is shared; one sandbox keeps the run predictable.
  concurrency: 1,
  timeoutMS: 5000,
  reporters: ['clear-text', 'progress', 'json'],
  // MUTATION_REPORT lets a run over one module (`--mutate src/x.ts`) keep the full report intact.
  jsonReporter: { fileName: process.env.MUTATION_REPORT ?? 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  // Only what the unit tier needs is copied into the sandbox.
  ignorePatterns: ['dist', 'coverage', 'reports', 'bench', 'docs', 'examples', 'actions', '/rehearsal'],
  tempDirName: '.tmp/stryker',
  cleanTempDir: true,
  thresholds: { high: 90, low: 85, break: null },
};
