import { describe, expect, it } from '@jest/globals';
import { inPool, settleAll } from '../../src/core/pool.js';
import { batchSize, firstDeployCounts, rollingBatches } from '../../src/fly/plan.js';

// Rare configurations of the rollout plan, each at an exact boundary (kept apart from plan.test.ts so the
// mutation tier can run them on their own; `npm run test:mutation`).

type M = { id: string; state: string };
const fleet = (ids: string[], state = 'started'): M[] => ids.map((id) => ({ id, state }));
const warm = (m: M) => m.state === 'started';
const ids = (batches: M[][]) => batches.map((b) => b.map((m) => m.id));
const names = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(2, '0')}`);

describe('batchSize at its boundaries', () => {
  it.each([
    // [max_unavailable, machines, min_running, expected, why]
    [1, 5, 0, 1, 'exactly 1 is a count of one, not "all at once" (a fraction of 100%)'],
    [0.999, 5, 0, 5, 'just under 1 is a fraction, rounded up'],
    [2.7, 10, 0, 2, 'a count is floored'],
    [0.25, 10, 0, 3, 'a fraction is rounded up'],
    [0.2, 10, 0, 2, 'a whole fraction stays whole'],
    [0, 5, 0, 1, 'never below one'],
    [20, 5, 0, 5, 'never more than the group'],
    [4, 6, 3, 3, 'min_machines_running caps the batch'],
    [4, 6, 2, 4, 'a cap above the batch changes nothing'],
    [2, 3, 3, 1, 'a cap at the whole group still moves one at a time'],
    [3, 3, 0, 3, 'a count equal to the group takes all of it'],
  ])('max_unavailable %p over %p Machines (min running %p) → %p: %s', (max, machines, min, expected) => {
    expect(batchSize(max, machines, min)).toBe(expected);
  });

  it('plans no batch for an empty group, and one Machine for a group of one', () => {
    expect(batchSize(1, 0)).toBe(0);
    expect(batchSize(0.5, 0)).toBe(0);
    expect(batchSize(3, -1)).toBe(0);
    expect(batchSize(1, 1)).toBe(1);
    expect(batchSize(0.5, 1)).toBe(1);
  });
});

describe('rollingBatches in rare configurations', () => {
  it('with max_unavailable = 1 and several Machines, moves exactly one Machine per batch', () => {
    const batches = rollingBatches(fleet(['c', 'a', 'd', 'b']), { maxUnavailable: 1, isWarm: warm });
    expect(ids(batches)).toEqual([['a'], ['b'], ['c'], ['d']]);
  });

  it('with one Machine, plans a single batch of it', () => {
    expect(ids(rollingBatches(fleet(['only']), { maxUnavailable: 1, isWarm: warm }))).toEqual([['only']]);
    expect(ids(rollingBatches(fleet(['only']), { maxUnavailable: 0.5, isWarm: warm }))).toEqual([['only']]);
  });

  it('plans nothing for an empty fleet', () => {
    expect(rollingBatches([], { maxUnavailable: 1, isWarm: warm })).toEqual([]);
  });

  it('with a stopped-only fleet, starts with one Machine alone (no empty first batch), then batches of 30', () => {
    const stopped = fleet(names(32, 's'), 'stopped');
    const batches = rollingBatches(stopped, { maxUnavailable: 1, isWarm: warm });
    expect(batches.map((b) => b.length)).toEqual([1, 30, 1]);
    expect(batches[0][0].id).toBe('s00');
    expect(batches[1][0].id).toBe('s01');
    expect(batches[1][29].id).toBe('s30');
    expect(batches[2][0].id).toBe('s31');
    expect(batches.flat()).toHaveLength(32);
  });

  it('after warm Machines, moves the cold ones in batches of exactly 30', () => {
    const list = [...fleet(['w1', 'w2']), ...fleet(names(61, 'c'), 'stopped')];
    const batches = rollingBatches(list, { maxUnavailable: 5, isWarm: warm });
    expect(batches.map((b) => b.length)).toEqual([1, 1, 30, 30, 1]);
    expect(ids(batches).slice(0, 2)).toEqual([['w1'], ['w2']]);
    expect(batches[2].every((m) => m.state === 'stopped')).toBe(true);
    expect(batches[2][0].id).toBe('c00');
    expect(batches[4][0].id).toBe('c60');
  });

  it('sizes the warm batches from the warm Machines only, within min_machines_running', () => {
    // Six warm and four cold: half of the warm group is 3; with min running 4 of 6, only 2 may go down.
    const list = [...fleet(['a', 'b', 'c', 'd', 'e', 'f']), ...fleet(['w', 'x', 'y', 'z'], 'stopped')];
    expect(ids(rollingBatches(list, { maxUnavailable: 0.5, isWarm: warm }))).toEqual([
      ['a'],
      ['b', 'c', 'd'],
      ['e', 'f'],
      ['w', 'x', 'y', 'z'],
    ]);
    expect(ids(rollingBatches(list, { maxUnavailable: 0.5, minRunning: 4, isWarm: warm }))).toEqual([
      ['a'],
      ['b', 'c'],
      ['d', 'e'],
      ['f'],
      ['w', 'x', 'y', 'z'],
    ]);
  });

  it('keeps every Machine exactly once and does not reorder the caller’s list', () => {
    const list = fleet(['b', 'a', 'c']);
    const batches = rollingBatches(list, { maxUnavailable: 2, isWarm: warm });
    expect(ids(batches)).toEqual([['a'], ['b', 'c']]);
    expect(list.map((m) => m.id)).toEqual(['b', 'a', 'c']);
  });
});

describe('firstDeployCounts', () => {
  it.each([
    [
      { ha: true, minRunning: 0 },
      { ams: 2, fra: 1, sin: 1 },
    ],
    [
      { ha: false, minRunning: 0 },
      { ams: 1, fra: 1, sin: 1 },
    ],
    [
      { ha: true, minRunning: 3 },
      { ams: 3, fra: 1, sin: 1 },
    ],
    [
      { ha: false, minRunning: 2 },
      { ams: 2, fra: 1, sin: 1 },
    ],
    [
      { ha: true, minRunning: 1 },
      { ams: 2, fra: 1, sin: 1 },
    ],
  ])('with %p, creates %p', (options, expected) => {
    expect(Object.fromEntries(firstDeployCounts(['ams', 'fra', 'sin'], 'ams', options))).toEqual(expected);
  });
});

/** A promise with its resolver, so a test decides the order things finish in without sleeping. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('inPool', () => {
  it('rethrows the first error, not a later one', async () => {
    const firstFailed = deferred();
    const run = inPool(['early', 'late'], 2, async (item) => {
      if (item === 'early') {
        firstFailed.resolve();
        throw new Error('first');
      }
      await firstFailed.promise;
      throw new Error('second');
    });
    await expect(run).rejects.toThrow('first');
  });

  it('returns results in input order, whatever order they finish in', async () => {
    const gates = [deferred(), deferred(), deferred()];
    const run = inPool([0, 1, 2], 3, async (i) => {
      await gates[i].promise;
      return i * 10;
    });
    gates[2].resolve();
    gates[0].resolve();
    gates[1].resolve();
    await expect(run).resolves.toEqual([0, 10, 20]);
  });

  it('keeps exactly `limit` items in flight, runs each item once, and at least one at a time', async () => {
    for (const [limit, expected] of [
      [2, 2],
      [10, 5],
      [0, 1],
    ]) {
      let inFlight = 0;
      let peak = 0;
      const seen: number[] = [];
      const results = await inPool([1, 2, 3, 4, 5], limit, async (n) => {
        seen.push(n);
        inFlight++;
        peak = Math.max(peak, inFlight);
        await Promise.resolve();
        inFlight--;
        return n;
      });
      expect(results).toEqual([1, 2, 3, 4, 5]);
      expect(seen.sort()).toStrictEqual([1, 2, 3, 4, 5]);
      expect(peak).toBe(expected);
    }
  });

  it('starts no further item once one has failed, and resolves nothing', async () => {
    const started: number[] = [];
    const run = inPool([1, 2, 3, 4], 1, async (n) => {
      started.push(n);
      if (n === 2) throw new Error('two');
      return n;
    });
    await expect(run).rejects.toThrow('two');
    expect(started).toEqual([1, 2]);
  });

  it('returns an empty list for no items without calling the function', async () => {
    const calls: unknown[] = [];
    await expect(inPool([], 3, async (x) => calls.push(x))).resolves.toEqual([]);
    expect(calls).toEqual([]);
  });
});

describe('settleAll', () => {
  it('tries every item despite failures and reports each failure with its item', async () => {
    const tried: number[] = [];
    const failures = await settleAll([1, 2, 3, 4], 2, async (n) => {
      tried.push(n);
      if (n % 2 === 0) throw new Error(`no ${n}`);
    });
    expect(tried.sort()).toStrictEqual([1, 2, 3, 4]);
    expect(failures.map((f) => [f.item, (f.error as Error).message])).toEqual([
      [2, 'no 2'],
      [4, 'no 4'],
    ]);
  });

  it('keeps at most `limit` in flight and at least one', async () => {
    for (const [limit, expected] of [
      [2, 2],
      [0, 1],
    ]) {
      let inFlight = 0;
      let peak = 0;
      const failures = await settleAll([1, 2, 3], limit, async () => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await Promise.resolve();
        inFlight--;
      });
      expect(failures).toEqual([]);
      expect(peak).toBe(expected);
    }
    await expect(settleAll([], 2, async () => undefined)).resolves.toEqual([]);
  });
});
