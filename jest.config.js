/** Native ESM jest: @actions/* 3.x ship only `import` conditions, so CJS-mode jest cannot load them. */
export default {
  preset: 'ts-jest/presets/default-esm',
  resolver: 'ts-jest-resolver',
  extensionsToTreatAsEsm: ['.ts'],
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
  // Bundles and real servers are slow to start compared to unit code; a hung test still fails.
  testTimeout: 120000,
  maxWorkers: 2,
};
