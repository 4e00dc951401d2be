/**
 * Two tiers, both run by `npm test`:
 * - unit: imports src/ directly, no bundles, no external servers (`npm run test:unit`, well under a minute);
 * - integration: runs the bundles (built from the current src/ by test/setup/build-bundles.mjs) and the real
 *   servers the tests start (s3rver, moto_server, PowerDNS, PostgreSQL, the simulators, Chromium).
 * A test that runs a bundle or starts a server belongs in the integration tier: matched below by folder or
 * file, named `*.int.test.ts`, or found by what it calls (`runsBundlesOrServers`).
 * Native ESM jest: @actions/* 3.x ship only `import` conditions, so CJS-mode jest cannot load them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const runsBundlesOrServers =
  /\b(runBundle|deployBundle|startFlySim|startS3rver|startMoto|startPowerDns|startPostgres|startGitHubSim|startCloudflareSim)\b|s3-servers\.js|\/support\.js'/;

function testFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const detected = testFiles('test')
  .filter((file) => runsBundlesOrServers.test(readFileSync(file, 'utf8')))
  .map((file) => `/${escape(file)}$`);

const integration = [
  ...detected,
  '/test/(actions|rehearsal|sweep|workflows)/.*\\.test\\.ts$',
  '/test/sim/fly/(machines|platform|proxy|cli)\\.test\\.ts$',
  '/test/.*/rehearsal\\.test\\.ts$',
  '\\.int\\.test\\.ts$',
  '/test/cli/runway-command\\.test\\.ts$',
  '/test/dns/(powerdns|faults)\\.test\\.ts$',
  '/test/backup/verify\\.test\\.ts$',
  '/test/fly/deploy\\.test\\.ts$',
  '/test/cli/(first-input-error|cleanup)\\.test\\.ts$',
  '/test/release/runway-action\\.test\\.ts$',
  '/test/(dist|lint)\\.test\\.ts$',
];

const common = {
  preset: 'ts-jest/presets/default-esm',
  resolver: 'ts-jest-resolver',
  extensionsToTreatAsEsm: ['.ts'],
  testEnvironment: 'node',
  // Stryker's sandboxes (and the test bundles) live under .tmp: their package.json copies are not modules.
  modulePathIgnorePatterns: ['<rootDir>/.tmp/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
};

export default {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', ...integration],
    },
    {
      ...common,
      displayName: 'integration',
      testRegex: integration,
      globalSetup: '<rootDir>/test/setup/build-bundles.mjs',
    },
  ],
  // Bundles and real servers are slow to start compared to unit code; a hung test still fails.
  testTimeout: 120000,
  maxWorkers: 2,
};
