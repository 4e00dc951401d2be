import { describe, expect, it } from '@jest/globals';
import { crashSince, MachineFailure, verifyVersion } from '../../src/fly/health.js';
import type { Machine, MachineEvent } from '../../src/fly/types.js';

const machine = (extra: Partial<Machine>): Machine => ({
  id: 'm1',
  state: 'started',
  region: 'sin',
  ...extra,
});
const exit = (timestamp: number, code: number, restartCount: number, restarting = true): MachineEvent => ({
  type: 'exit',
  timestamp,
  request: { exit_event: { exit_code: code, restarting }, restart_count: restartCount },
});

describe('after waiting, the Machine must really run the new version', () => {
  it('accepts the version and image the update made', () => {
    expect(() =>
      verifyVersion(machine({ version: 'V2', config: { image: 'app:v2' } }), 'V2', 'app:v2'),
    ).not.toThrow();
  });

  it('refuses a Machine Fly reverted to the previous version', () => {
    expect(() =>
      verifyVersion(machine({ version: 'V1', config: { image: 'app:v1' } }), 'V2', 'app:v2'),
    ).toThrow(new MachineFailure('m1', 'Fly reverted Machine m1: it runs version V1, not the deployed V2.'));
  });

  it('refuses a Machine on another image even when the version looks right', () => {
    expect(() =>
      verifyVersion(machine({ instance_id: 'V2', config: { image: 'app:v1' } }), 'V2', 'app:v2'),
    ).toThrow(/runs image app:v1, not the deployed app:v2/);
  });
});

describe('crash detection (flyctl smoke check)', () => {
  it('tolerates one restart after boot and ignores exits from before the deploy', () => {
    expect(crashSince(machine({ events: [exit(100, 1, 0)] }), 50)).toBeUndefined();
    expect(crashSince(machine({ events: [exit(10, 1, 5)] }), 50)).toBeUndefined();
    expect(crashSince(machine({ events: [exit(100, 0, 3)] }), 50)).toBeUndefined();
  });

  it('calls a crash loop or an exit that will not restart a crash', () => {
    expect(crashSince(machine({ events: [exit(100, 1, 0), exit(200, 1, 1)] }), 50)?.timestamp).toBe(200);
    expect(crashSince(machine({ events: [exit(100, 137, 0, false)] }), 50)?.timestamp).toBe(100);
  });
});
