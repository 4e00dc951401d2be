/**
 * Each fly.toml key's use in FLY_TOML_KEYS is a claim about what Runway does with it. These cases check the
 * claim by behaviour: take the key out of (or put it into) a file and compare what Runway makes of the two.
 *
 * - `machine`: some group's Machine config (or volume) changes;
 * - `deploy`: no Machine config changes, but the deploy's own settings do (app, [deploy], machine_checks,
 *   the release_command Machine);
 * - `build`: neither changes (the build step, `flyctl deploy --build-only`, reads it);
 * - `not-deploy`: nothing Runway reads changes at all;
 * - `unsupported`: the file is refused, naming the key.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'smol-toml';
import { InputError } from '../../src/core/errors.js';
import { FLY_TOML_KEYS, keyUse, type KeyUse } from '../../src/fly/config/known-keys.js';
import { parseFlyToml } from '../../src/fly/fly-toml.js';
import {
  machineChecksFor,
  releaseCommandConfig,
  tomlToMachineConfig,
  volumeFor,
} from '../../src/fly/machine-config.js';

type Table = Record<string, unknown>;

const referencePath = fileURLToPath(
  new URL('../fixtures/flyctl/appconfig/full-reference.toml', import.meta.url),
);
const flyctlReference = readFileSync(referencePath, 'utf8');
/**
 * flyctl's reference writes a few values that test its parser, not a deploy ([deploy] strategy
 * "rolling-eyes"); these make it a file Runway deploys, so taking a key out shows what the key did.
 */
const reference = deployable(parse(flyctlReference) as Table);
const referenceText = stringify(reference);

function deployable(root: Table): Table {
  (root.deploy as Table).strategy = 'rolling';
  // Its [[services]] and [[vm]] name a group "app" that its [processes] leaves out, and its
  // [http_service] names no group at all: flyctl's own validation refuses both.
  (root.processes as Table).app = '';
  (root.http_service as Table).processes = ['web'];
  // Its [[vm]] sizes are outside what the Machines API accepts (8 GB on 8 performance CPUs; 4 GB on
  // one shared CPU for every group).
  Object.assign((root.vm as Table[])[0], { memory: '16gb', memory_mb: 16384 });
  (root.vm as Table[])[1].memory_mb = 1024;
  // A [[files]] local_path is read when the Machine config is built: point it at a file that exists.
  for (const file of root.files as Table[]) if (file.local_path) file.local_path = referencePath;
  return root;
}

/** What Runway makes of a file, in the three parts a key's use is about. */
function whatRunwayDoes(text: string) {
  const toml = parseFlyToml(text, 'fly.toml');
  const groups = Object.keys(toml.processes);
  return {
    machine: groups.map((g) => [g, tomlToMachineConfig(toml, g), volumeFor(toml, g)]),
    deploy: {
      app: toml.app,
      deploy: toml.deploy,
      machineChecks: groups.map((g) => machineChecksFor(toml, g)),
      release: toml.deploy.releaseCommand ? releaseCommandConfig(toml, 'img:1', 2) : undefined,
    },
    build: toml.buildImage,
  };
}

/** The use a key shows: what changes between the file without it and the file with it. */
function observedUse(without: string, withKey: string): KeyUse | 'refused without it' {
  let after: ReturnType<typeof whatRunwayDoes>;
  try {
    after = whatRunwayDoes(withKey);
  } catch (error) {
    if (error instanceof InputError && /is not supported by Runway/.test(error.message)) return 'unsupported';
    throw error;
  }
  let before: ReturnType<typeof whatRunwayDoes>;
  try {
    before = whatRunwayDoes(without);
  } catch (error) {
    if (error instanceof InputError) return 'refused without it';
    throw error;
  }
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (!same(before.machine, after.machine)) return 'machine';
  if (!same(before.deploy, after.deploy)) return 'deploy';
  if (!same(before.build, after.build)) return 'build';
  return 'not-deploy';
}

/**
 * full-reference.toml without one key path ("env", "deploy.strategy"). Without [processes], the sections
 * lose their `processes` lists too, as a file written without groups has none.
 */
function referenceWithout(path: string): string {
  const copy = structuredClone(reference);
  const [section, key] = path.split('.');
  if (key === undefined) delete copy[section];
  else delete (copy[section] as Table)[key];
  if (path === 'processes') dropGroupLists(copy);
  return stringify(copy);
}

function dropGroupLists(table: Table): void {
  delete table.processes;
  for (const value of Object.values(table))
    for (const inner of Array.isArray(value) ? value : [value])
      if (typeof inner === 'object' && inner !== null) dropGroupLists(inner as Table);
}

const referencePaths = Object.entries(reference).flatMap(([key, value]) =>
  ['deploy', 'experimental', 'build'].includes(key) && typeof value === 'object'
    ? Object.keys(value as object).map((sub) => `${key}.${sub}`)
    : [key],
);

/**
 * Keys full-reference.toml does not write (older spellings, [experimental] and [deploy] extras, what
 * Runway refuses), each as a file without it and the same file with it.
 */
const BASE = 'app = "a"\nprimary_region = "sin"\n';
const EXTRA_CASES: Record<string, [without: string, withKey: string]> = {
  'experimental.machine_config': ['', `[experimental]\nmachine_config = '{"schedule": "daily"}'`],
  'experimental.kill_timeout': ['', '[experimental]\nkill_timeout = 30'],
  'experimental.metrics_port': ['', '[experimental]\nmetrics_port = 9091'],
  'experimental.metrics_path': ['', '[experimental]\nmetrics_path = "/metrics"'],
  'experimental.attached': ['', '[experimental.attached.secrets.export]\nDATABASE_URL = "DB"'],
  'experimental.lazy_load_images': ['', '[experimental]\nlazy_load_images = true'],
  'build.compose': ['[build]\nimage = "img:1"', '[build]\nimage = "img:1"\n[build.compose]\nfile = "c.yaml"'],
  'deploy.wait_timeout': ['', '[deploy]\nwait_timeout = "9m"'],
  'deploy.seed_command': ['', '[deploy]\nseed_command = "bin/seed"'],
  mount: ['', '[mount]\nsource = "data"\ndestination = "/data"'],
  metric: ['', '[[metric]]\nport = 9091\npath = "/metrics"'],
  compute: ['', '[[compute]]\nsize = "shared-cpu-2x"'],
  computes: ['', '[[computes]]\nmemory = "2gb"'],
  machine_config: ['', `machine_config = '{"schedule": "daily"}'`],
  container: ['', 'container = "web"'],
};

/**
 * A `build` key may show no effect at all: Runway itself reads only [build] image; the rest is for
 * `flyctl deploy --build-only`, which reads the file on its own.
 */
const shown = (path: string, observed: string) =>
  keyUse(path) === 'build' && observed === 'not-deploy' ? 'build' : observed;

describe('each fly.toml key does what FLY_TOML_KEYS says', () => {
  it.each(referencePaths)("%s, taken out of flyctl's full-reference.toml", (path) => {
    expect([path, shown(path, observedUse(referenceWithout(path), referenceText))]).toEqual([
      path,
      keyUse(path),
    ]);
  });

  it.each(Object.entries(EXTRA_CASES))('%s, put into a small file', (path, [without, withKey]) => {
    expect([path, shown(path, observedUse(BASE + without, BASE + withKey))]).toEqual([path, keyUse(path)]);
  });

  it('covers every key of the table, so none is claimed without a case', () => {
    const covered = [...referencePaths, ...Object.keys(EXTRA_CASES)];
    const hasCase = (key: string) => covered.some((path) => path === key || path.startsWith(`${key}.`));
    expect(Object.keys(FLY_TOML_KEYS).filter((key) => !hasCase(key))).toEqual([]);
  });
});

describe('keyUse', () => {
  it.each([
    ['build.dockerfile', 'build'],
    ['services.ports', 'machine'],
    ['http_service.checks', 'machine'],
    ['experimental.allowed_public_ports', undefined],
    ['deploy.canary', undefined],
    ['no_such_key', undefined],
    ['no_such.key', undefined],
    ['constructor', undefined],
    ['toString.x', undefined],
  ])(
    '%s → %s (a key of a listed section takes its use; [experimental] and [deploy] list each)',
    (path, use) => {
      expect(keyUse(path)).toBe(use);
    },
  );
});
