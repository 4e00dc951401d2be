import { describe, expect, test } from '@jest/globals';
import { goDurationMs } from '../../../src/sim/fly/duration.js';
import { machineId, ulid } from '../../../src/sim/fly/ids.js';
import { behaviourOf, ImageRegistry, parseReference } from '../../../src/sim/fly/images.js';
import { durationFactor } from '../../../src/sim/fly/index.js';
import { isCommandMachine } from '../../../src/sim/fly/machine.js';
import { RateLimiter } from '../../../src/sim/fly/rate-limit.js';
import { regionProblem } from '../../../src/sim/fly/regions.js';

describe('sim building blocks', () => {
  test('timeScale reads either way as a speed-up', () => {
    expect(durationFactor(undefined)).toBe(1);
    expect(durationFactor(0.2)).toBe(0.2);
    expect(durationFactor(5)).toBe(0.2);
    expect(durationFactor(-1)).toBe(1);
  });

  test('Go durations, and integers as nanoseconds like fly-go', () => {
    expect(goDurationMs('1m30s', 0)).toBe(90_000);
    expect(goDurationMs('250ms', 0)).toBe(250);
    expect(goDurationMs(2_000_000_000, 0)).toBe(2000);
    expect(goDurationMs('soon', 7)).toBe(7);
  });

  test('ids have Fly shapes and versions sort by creation', () => {
    expect(machineId()).toMatch(/^[0-9a-f]{14}$/);
    const a = ulid();
    const b = ulid();
    expect(a).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(b > a).toBe(true);
  });

  test('image references parse like a registry client, and the words pick the behaviour', () => {
    expect(parseReference('registry.fly.io/app:deployment-1')).toEqual({
      registry: 'registry.fly.io',
      repository: 'app',
      tag: 'deployment-1',
      digest: undefined,
    });
    expect(parseReference('nginx')).toEqual({
      registry: 'docker.io',
      repository: 'library/nginx',
      tag: 'latest',
      digest: undefined,
    });
    expect(parseReference('localhost:5000/team/app:1')).toMatchObject({
      registry: 'localhost:5000',
      repository: 'team/app',
      tag: '1',
    });
    expect(parseReference('app@sha256:abc')).toBeUndefined();
    expect(behaviourOf('registry.fly.io/app:crash-loop')).toBe('crash');
    expect(behaviourOf('registry.fly.io/app:never-healthy')).toBe('never-healthy');
    expect(behaviourOf('registry.fly.io/app:slow-boot')).toBe('slow');
    expect(behaviourOf('registry.fly.io/app:release-fail')).toBe('release-fail');
    expect(behaviourOf('registry.fly.io/app:laggy-v3')).toBe('laggy');
    expect(behaviourOf('registry.fly.io/app:v2')).toBe('healthy');
    const registry = new ImageRegistry();
    const tagged = registry.resolve('registry.fly.io/staging:crash-1');
    if ('error' in tagged) throw new Error(tagged.error);
    const pinned = registry.resolve(`registry.fly.io/prod@${tagged.imageRef.digest}`);
    if ('error' in pinned) throw new Error(pinned.error);
    // The behaviour travels with the digest, not with the name it is deployed under.
    expect(behaviourOf(pinned.source)).toBe('crash');
  });

  test('only release-command-shaped Machines run their command to completion', () => {
    expect(isCommandMachine({ init: { cmd: ['migrate'] }, restart: { policy: 'no' } })).toBe(true);
    expect(isCommandMachine({ processes: [{ cmd: ['migrate'] }], auto_destroy: true })).toBe(true);
    expect(
      isCommandMachine({ init: { cmd: ['node', 'server.js'] }, services: [{ internal_port: 8080 }] }),
    ).toBe(false);
    expect(isCommandMachine({ restart: { policy: 'no' } })).toBe(false);
  });

  test('token buckets: burst, then the steady rate', () => {
    const limiter = new RateLimiter();
    const now = 1_000_000;
    const budget = { perSecond: 1, burst: 3 };
    expect([0, 1, 2, 3].map(() => limiter.take('k', budget, now))).toEqual([
      undefined,
      undefined,
      undefined,
      1,
    ]);
    expect(limiter.take('k', budget, now + 1000)).toBeUndefined();
    expect(limiter.take('other', budget, now)).toBeUndefined();
  });

  test('regions: live codes pass, cyn/maa/deprecated are refused with the live list', () => {
    expect(regionProblem('syd')).toBeUndefined();
    expect(regionProblem('SIN')).toBeUndefined();
    expect(regionProblem('cyn')).toMatch(/not a Fly.io region.*sin/);
    expect(regionProblem('maa')).toMatch(/not a Fly.io region/);
    expect(regionProblem('sea')).toMatch(/deprecated/);
  });
});
