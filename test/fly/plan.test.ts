import { describe, expect, it } from '@jest/globals';
import { authorizationHeader, apiBase } from '../../src/fly/client.js';
import { parsePushedImage } from '../../src/fly/build.js';
import { pinnedReference } from '../../src/fly/deploy.js';
import { leaseHolder } from '../../src/fly/errors.js';
import { batchSize, firstDeployCounts, rollingBatches } from '../../src/fly/plan.js';
import { inPool } from '../../src/core/pool.js';

const machines = (ids: string[], state = 'started') => ids.map((id) => ({ id, state }));
const warm = (m: { state: string }) => m.state === 'started';

describe('strategy planning', () => {
  it('reads max_unavailable as a count (≥ 1) or a fraction rounded up, within min_machines_running', () => {
    expect(batchSize(2, 10)).toBe(2);
    expect(batchSize(0.33, 10)).toBe(4);
    expect(batchSize(0.33, 1)).toBe(1);
    expect(batchSize(5, 4, 2)).toBe(2);
    expect(batchSize(1, 1, 1)).toBe(1);
  });

  it('rolls the first Machine alone, then warm batches, then cold Machines', () => {
    const list = [...machines(['e', 'a', 'c', 'b', 'd']), ...machines(['y', 'x'], 'stopped')];
    expect(rollingBatches(list, { maxUnavailable: 2, isWarm: warm }).map((b) => b.map((m) => m.id))).toEqual([
      ['a'],
      ['b', 'c'],
      ['d', 'e'],
      ['x', 'y'],
    ]);
    expect(
      rollingBatches(machines(['b', 'a']), { maxUnavailable: 0.33, isWarm: warm }).map((b) =>
        b.map((m) => m.id),
      ),
    ).toEqual([['a'], ['b']]);
  });

  it('creates two Machines in the primary region on a first deploy (HA), one elsewhere', () => {
    expect(Object.fromEntries(firstDeployCounts(['sin', 'syd'], 'sin', { ha: true, minRunning: 0 }))).toEqual(
      { sin: 2, syd: 1 },
    );
    expect(Object.fromEntries(firstDeployCounts(['sin'], 'sin', { ha: false, minRunning: 3 }))).toEqual({
      sin: 3,
    });
  });

  it('stops starting work after the first failure in a pool', async () => {
    const started: number[] = [];
    await expect(
      inPool([1, 2, 3, 4, 5], 1, async (n) => {
        started.push(n);
        if (n === 2) throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(started).toEqual([1, 2]);
  });
});

describe('wire details', () => {
  it('sends macaroons as FlyV1, other tokens as Bearer, and pasted schemes unchanged', () => {
    expect(authorizationHeader('fm2_abc')).toBe('FlyV1 fm2_abc');
    expect(authorizationHeader('FlyV1 fm2_abc,fm2_def')).toBe('FlyV1 fm2_abc,fm2_def');
    expect(authorizationHeader('Bearer xyz')).toBe('Bearer xyz');
    expect(authorizationHeader('personal123')).toBe('Bearer personal123');
  });

  it('adds /v1 to the API base once', () => {
    expect(apiBase('https://api.machines.dev')).toBe('https://api.machines.dev/v1/');
    expect(apiBase('http://127.0.0.1:4280/v1')).toBe('http://127.0.0.1:4280/v1/');
  });

  it('pins an image to its digest and reads the pushed image from flyctl output', () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    expect(pinnedReference('registry.fly.io/app:deployment-01', digest)).toBe(
      `registry.fly.io/app@${digest}`,
    );
    expect(pinnedReference('localhost:5000/app', digest)).toBe(`localhost:5000/app@${digest}`);
    expect(
      parsePushedImage(
        '--> Pushing image done\nimage: registry.fly.io/app:deployment-01ABC\nimage size: 45 MB\n',
      ),
    ).toBe('registry.fly.io/app:deployment-01ABC');
  });

  it("names the lease holder from Fly's conflict message", () => {
    expect(
      leaseHolder(
        'machine ID 3d8d413b29d089 lease currently held by ci@tokens.fly.io, expires at 2026-11-29T08:00:00Z',
      ),
    ).toBe('ci@tokens.fly.io (until 2026-11-29T08:00:00Z)');
  });
});
