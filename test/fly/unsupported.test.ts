/** The fly.toml keys Runway refuses although flyctl accepts them, and what counts as a TOML table. */
import { describe, expect, it } from '@jest/globals';
import { InputError } from '../../src/core/errors.js';
import { bad, isTable } from '../../src/fly/config/problems.js';
import { refuseUnsupportedKeys, unsupported } from '../../src/fly/config/unsupported.js';
import { refusal } from './config-fixtures.js';

describe('keys Runway refuses, whole', () => {
  it.each([
    [
      { build: { compose: { file: 'c.yaml' } } },
      "input 'config': app/fly.toml: [build.compose] is not supported by Runway: flyctl turns a Docker Compose file into multi-container Machines; Runway deploys one image per Machine. Fix: remove [build.compose] and deploy one image (with [processes] for several commands), or deploy this app with flyctl.",
    ],
    [
      { container: 'web' },
      "input 'config': app/fly.toml: container is not supported by Runway: it picks which container of a multi-container machine_config receives the image; Runway deploys one image per Machine. Fix: remove container and the containers from machine_config, or deploy this app with flyctl.",
    ],
    [
      { build: { compose: {} }, container: '' },
      "input 'config': app/fly.toml: [build.compose] is not supported by Runway: flyctl turns a Docker Compose file into multi-container Machines; Runway deploys one image per Machine. Fix: remove [build.compose] and deploy one image (with [processes] for several commands), or deploy this app with flyctl.",
    ],
  ])('%j', (root, message) => {
    expect(refusal(() => refuseUnsupportedKeys('app/fly.toml', root))).toBe(message);
  });

  it.each([
    [{}],
    [{ build: { image: 'img:1' } }],
    [{ build: 'not a table' }],
    [{ build: null }],
    [{ build: Object.assign([{ image: 'x' }], { compose: {} }) }],
    [{ containers: 'web' }],
  ])('lets %j through (no [build.compose] table, no container)', (root) => {
    expect(() => refuseUnsupportedKeys('fly.toml', root as Record<string, unknown>)).not.toThrow();
  });

  it("machine_config's containers are refused where they are found, naming that place", () => {
    const error = unsupported(
      'fly.toml',
      'machine_config containers',
      '[experimental] machine_config containers',
    );
    expect(error).toBeInstanceOf(InputError);
    expect(error.describe()).toBe(
      "input 'config': fly.toml: [experimental] machine_config containers is not supported by Runway: multi-container Machines (containers / volumes in machine_config) are not deployed by Runway. Fix: keep machine_config to single-image settings, or deploy this app with flyctl.",
    );
    // It is found only while machine_config is read, never by looking at the file's keys.
    expect(() => refuseUnsupportedKeys('fly.toml', { machine_config: '{"containers": []}' })).not.toThrow();
  });

  it('a key with no entry is our mistake, not the user’s', () => {
    expect(() => unsupported('fly.toml', 'volumes', 'x')).toThrow(
      new Error('no UNSUPPORTED_KEYS entry for volumes'),
    );
  });
});

describe('fly.toml problems', () => {
  it('bad() is an InputError on config naming the file, the problem and the fix', () => {
    expect(bad('web/fly.toml', 'kill_signal is wrong.', 'write "SIGTERM".').describe()).toBe(
      'input \'config\': web/fly.toml: kill_signal is wrong. Fix: write "SIGTERM".',
    );
  });

  it.each([
    [{}, true],
    [{ a: 1 }, true],
    [[], false],
    [[{}], false],
    [null, false],
    [undefined, false],
    ['table', false],
    [1, false],
    // smol-toml reads a TOML date-time as a Date object, which is not a table.
    [new Date(0), false],
  ])('isTable(%p) is %p', (value, table) => {
    expect(isTable(value)).toBe(table);
  });
});
