import base from './jest.config.js';

/**
 * The fast unit tier StrykerJS runs against each mutant (`npm run test:mutation`): only the pure tests of
 * the deciding modules, no servers or bundles, so one mutant costs milliseconds rather than seconds.
 */
export default {
  ...base,
  testMatch: [
    '<rootDir>/test/probe/judge*.test.ts',
    '<rootDir>/test/probe/thresholds*.test.ts',
    '<rootDir>/test/backup/retention*.test.ts',
    '<rootDir>/test/backup/evidence*.test.ts',
    '<rootDir>/test/fly/plan*.test.ts',
    '<rootDir>/test/dns/plan*.test.ts',
    '<rootDir>/test/dns/records*.test.ts',
  ],
  // Crawl only what the tests load: each mutant starts a fresh jest run.
  roots: ['<rootDir>/src', '<rootDir>/test'],
  watchman: false,
  maxWorkers: 1,
  testTimeout: 10000,
};
