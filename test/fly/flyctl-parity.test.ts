/**
 * flyctl's own conversion tests, ported as data (test/fixtures/flyctl/cases.json, with the flyctl
 * commit they were taken from): fly.toml in, the Machine config flyctl sends out, held against
 * Runway's conversion.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { InputError } from '../../src/core/errors.js';
import { hostDedicationFor } from '../../src/fly/config/guest.js';
import { parseFlyToml, type FlyToml, type Strategy } from '../../src/fly/fly-toml.js';
import { validateGroup } from '../../src/fly/preflight.js';
import {
  defaultGroup,
  machineConfigFor,
  mountChange,
  releaseCommandConfig,
  shellSplit,
  testMachineConfig,
  tomlToMachineConfig,
  volumeFor,
} from '../../src/fly/machine-config.js';
import type { MachineConfig } from '../../src/fly/types.js';

type Table = Record<string, unknown>;

interface Case {
  from: string;
  call: string;
  toml?: string;
  tomlText?: string;
  tomlPrepend?: string;
  tomlAppend?: string;
  /** Lines of the upstream file left out (each case says why). */
  tomlDrop?: string[];
  /** The strategy chosen outside fly.toml (flyctl's --strategy). */
  strategy?: Strategy;
  group?: string;
  existing?: MachineConfig;
  image?: string;
  releaseId?: string;
  releaseVersion?: number;
  checkPatch?: Table;
  tested?: Table;
  hostDedicationId?: string;
  ignore?: Record<string, string>;
  want?: unknown;
  expect?: Record<string, unknown>;
  error?: string;
  /** flyctl's own words for the refusal (Runway's message says the same in its terms: `error`). */
  flyctlSays?: string;
}

const fixtures = new URL('../fixtures/flyctl/', import.meta.url);
const data = JSON.parse(readFileSync(new URL('cases.json', fixtures), 'utf8')) as {
  commit: string;
  cases: Case[];
  skipped: unknown[];
};

function tomlOf(c: Case): FlyToml {
  const file = c.tomlText ?? readFileSync(new URL(`appconfig/${c.toml}`, fixtures), 'utf8');
  const text = file
    .split('\n')
    .filter((line) => !c.tomlDrop?.includes(line.trim()))
    .join('\n');
  return parseFlyToml(`${c.tomlPrepend ?? ''}${text}\n${c.tomlAppend ?? ''}`, c.toml ?? 'fly.toml');
}

/** The machine_checks entry the Go test uses (cfg.HTTPService.MachineChecks[0]), with its edits. */
function checkOf(toml: FlyToml, c: Case): Table {
  const checks = toml.httpService?.machine_checks as Table[];
  return { ...checks[0], ...c.checkPatch };
}

function run(c: Case): unknown {
  const toml = tomlOf(c);
  const group = c.group || defaultGroup(toml);
  const release = {
    image: c.image ?? 'img:1',
    group,
    releaseVersion: c.releaseVersion ?? 1,
    releaseId: c.releaseId,
  };
  switch (c.call) {
    case 'toMachineConfig':
      // `volume`: what the deploy creates for the group's [[mounts]] (initial_size in GB).
      return { ...tomlToMachineConfig(toml, group, c.existing), volume: volumeFor(toml, group) };
    case 'toReleaseMachineConfig':
      return releaseCommandConfig(toml, 'img:1', 1);
    case 'toTestMachineConfig':
      return testMachineConfig(toml, checkOf(toml, c), c.tested as never);
    case 'validate':
      return toml;
    case 'validateGroup':
      return validateGroup(toml, group, c.strategy);
    case 'defaultProcessName':
      return defaultGroup(toml);
    case 'launchInputForLaunch':
      return machineConfigFor(toml, release);
    case 'launchInputForUpdate': {
      const config = machineConfigFor(toml, { ...release, existing: c.existing });
      const change = mountChange(
        c.existing?.mounts as Table[],
        tomlToMachineConfig(toml, group).mounts as Table[],
      );
      return { ...config, change };
    }
    default:
      throw new Error(`unknown call ${c.call}`);
  }
}

function at(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v as Table | undefined)?.[key], value);
}

function without(value: unknown, paths: string[]): unknown {
  const copy = structuredClone(value) as Table;
  for (const path of paths) {
    const keys = path.split('.');
    const parent = keys.slice(0, -1).reduce<Table | undefined>((v, k) => v?.[k] as Table | undefined, copy);
    if (parent) delete parent[keys.at(-1)!];
  }
  return copy;
}

/** assert.Empty: absent, or an empty list or map. */
const isEmpty = (v: unknown) =>
  v === undefined ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && v !== null && !Object.keys(v).length);

describe(`flyctl ${data.commit.slice(0, 12)}'s conversion tests, ported as data`, () => {
  it('holds every ported case and names where each came from', () => {
    expect(data.cases.length).toBeGreaterThanOrEqual(71);
    expect(data.commit).toMatch(/^[0-9a-f]{40}$/);
    for (const c of data.cases)
      expect(c.from).toMatch(/^internal\/(appconfig|command\/deploy)\/\w+_test\.go /);
  });

  it.each(data.cases.map((c) => [c.from, c] as const))('%s', (_name, c) => {
    if (c.error) {
      expect(() => run(c)).toThrow(InputError);
      expect(() => run(c)).toThrow(c.error);
      return;
    }
    const got = run(c);
    if (c.hostDedicationId !== undefined) {
      const toml = tomlOf(c);
      expect(hostDedicationFor(toml, c.group || defaultGroup(toml))).toBe(c.hostDedicationId);
    }
    // `change` is mountChange's verdict beside an update's config (flyctl's RequiresReplacement).
    if (c.want !== undefined)
      expect(without(got, [...Object.keys(c.ignore ?? {}), 'change', 'volume'])).toEqual(c.want);
    for (const [path, value] of Object.entries(c.expect ?? {})) {
      if (value === null) expect(isEmpty(at(got, path))).toBe(true);
      else expect([path, at(got, path)]).toEqual([path, value]);
    }
  });
});

const shlex = JSON.parse(readFileSync(new URL('shlex-split.json', fixtures), 'utf8')) as {
  commit: string;
  cases: { from: string; input: string; want?: string[]; error?: string }[];
};

describe(`google/shlex ${shlex.commit.slice(0, 12)}'s Split, which flyctl uses for commands`, () => {
  it.each(shlex.cases.map((c) => [c.from, c] as const))('%s', (_name, c) => {
    if (c.error) expect(() => shellSplit(c.input)).toThrow(c.error);
    else expect(shellSplit(c.input)).toEqual(c.want);
  });
});
