// The fly.toml conversion tests' shared fixtures (unit tier: no servers, so not in support.ts).
import { parseFlyToml, type FlyToml } from '../../src/fly/fly-toml.js';
import { machineConfigFor } from '../../src/fly/machine-config.js';
import { inputError } from '../support/inputs.js';

/** `text` under an app in sin, parsed as fly.toml (or `file`). */
export const toml = (text: string, file = 'fly.toml') =>
  parseFlyToml(`app = "a"\nprimary_region = "sin"\n${text}`, file);

/**
 * What `toml('')` reads, built by hand: for tests of the conversion's parts that need a file but not its
 * reading, so a describe block can hold one without parsing while jest collects the tests (which would
 * make every mutant of the reader "static" in test:mutation). fly-toml.test.ts checks the two agree.
 */
export const EMPTY_TOML: FlyToml = {
  file: 'fly.toml',
  app: 'a',
  primaryRegion: 'sin',
  deploy: {},
  env: {},
  processes: { app: '' },
  services: [],
  checks: {},
  vms: [],
  restarts: [],
  mounts: [],
  statics: [],
  files: [],
  metrics: [],
  machineChecks: [],
};

/** The Machine config `text` gives `group`, release 2 of image img:1. */
export const configOf = (text: string, group = 'app') =>
  machineConfigFor(toml(text), { image: 'img:1', group, releaseVersion: 2 });

/** What `fn` refused with, as the user reads it; the test fails unless it threw an InputError. */
export const refusal = (fn: () => unknown): string => inputError(fn).describe();
