// @ts-check
/**
 * The deciding modules under mutation testing, in groups: each group mutates a few modules and runs only
 * the unit tests that cover them. Read by stryker.config.mjs (what to mutate), jest.mutation.config.js
 * (which tests) and scripts/mutation.mjs (which groups to run); MUTATION_GROUP selects one.
 * @type {{ name: string; mutate: string[]; tests: string[] }[]}
 */
export const groups = [
  {
    name: 'judge',
    mutate: ['src/probe/judge.ts'],
    // judge.test.ts is left out: it builds reports through the HDR histogram and the delay server's
    // generator, a second or two of loading per mutant, and judge.boundaries.test.ts covers its cases.
    tests: ['test/probe/judge.boundaries.test.ts'],
  },
  { name: 'thresholds', mutate: ['src/probe/thresholds.ts'], tests: ['test/probe/thresholds*.test.ts'] },
  {
    name: 'retention',
    mutate: ['src/backup/retention.ts', 'src/backup/forget.ts', 'src/backup/layout.ts'],
    tests: [
      'test/backup/retention*.test.ts',
      'test/backup/forget.test.ts',
      'test/backup/policy.test.ts',
      'test/backup/layout.test.ts',
    ],
  },
  {
    // One series' verdict: freshness, the size band, the calendar's gaps and why, lifecycle's leftovers.
    name: 'series',
    mutate: ['src/backup/series-audit.ts'],
    tests: ['test/backup/series-audit.test.ts'],
  },
  {
    name: 'evidence',
    mutate: ['src/backup/evidence.ts', 'src/backup/digest.ts'],
    tests: ['test/backup/evidence*.test.ts'],
  },
  {
    name: 'fly',
    mutate: ['src/fly/plan.ts', 'src/core/pool.ts'],
    // plan.test.ts is left out: it loads the deploy and client modules for their small helpers, and
    // plan.boundaries.test.ts covers the plan and the pool case by case.
    tests: ['test/fly/plan.boundaries.test.ts'],
  },
  // The fly.toml conversion is the largest set (about 2300 mutants), so it runs in four groups. Each runs
  // flyctl's ported cases and Runway's key cases, plus the tests written for its own modules.
  // config.test.ts and config-openapi.test.ts are left out: they convert their fixtures while jest collects
  // the tests, which would make every mutant they reach "static" (rerun against every test of the group).
  ...[
    [
      'config-sizing',
      ['config/guest', 'config/durations', 'config/checks', 'config/groups', 'vm-sizes'],
      ['config-mutants', 'config-edges', 'machine-config'],
    ],
    [
      'config-services',
      [
        'config/services',
        'config/mounts',
        'config/process',
        'config/extras',
        'config/machine-config-overlay',
      ],
      ['config-mutants', 'config-edges'],
    ],
    // The file read (fly-toml.ts) and the conversion's entry points (machine-config.ts).
    [
      'config-entry',
      ['fly-toml', 'machine-config'],
      ['fly-toml', 'machine-config', 'config-mutants', 'config-key-uses', 'validate', 'special-machines'],
    ],
    [
      'config-tables',
      ['config/unsupported', 'config/special-machines', 'config/validate', 'config/problems'],
      ['config-key-uses', 'special-machines', 'validate', 'unsupported'],
    ],
  ].map(([name, modules, own]) => ({
    name,
    mutate: modules.map((m) => `src/fly/${m}.ts`),
    tests: [
      'test/fly/flyctl-parity.test.ts',
      'test/fly/config-keys.test.ts',
      ...own.map((t) => `test/fly/${t}.test.ts`),
    ],
  })),
  {
    // FLY_TOML_KEYS is module-level data, so each of its mutants is "static" and reruns every test of its
    // group: alone here, that is only the test that checks each key's use by behaviour.
    name: 'config-key-uses',
    mutate: ['src/fly/config/known-keys.ts'],
    tests: ['test/fly/config-key-uses.test.ts'],
  },
  {
    name: 'dns',
    mutate: ['src/dns/plan.ts', 'src/dns/records.ts'],
    tests: ['test/dns/plan*.test.ts', 'test/dns/records*.test.ts'],
  },
];

/** The group MUTATION_GROUP names, or undefined for all of them at once. */
export const selectedGroup = () => groups.find((g) => g.name === process.env.MUTATION_GROUP);
