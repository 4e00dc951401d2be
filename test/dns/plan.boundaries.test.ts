import { describe, expect, it } from '@jest/globals';
import { isNoop, planChange, planJson, planRows, sameRecordSet } from '../../src/dns/plan.js';
import type { CutoverType, RecordSet } from '../../src/dns/records.js';

// What a DNS plan counts and keeps, in the configurations a cutover rarely meets: the count is what
// `max-changes` guards, so every path through it is pinned to a number.

const NAME = 'api.example.com';
const set = (type: CutoverType, values: string[], ttl = 300, extra: Partial<RecordSet> = {}): RecordSet => ({
  name: NAME,
  type,
  ttl,
  values,
  ...extra,
});

describe('recordChanges, the figure max-changes guards', () => {
  it.each([
    ['a created A set counts each record', [], [set('A', ['192.0.2.1', '192.0.2.2'])], 2],
    ['a deleted AAAA set counts each record', [set('AAAA', ['2001:db8::1', '2001:db8::2'])], [], 2],
    [
      'a replaced set counts every record removed and every record added',
      [set('A', ['192.0.2.1', '192.0.2.2'])],
      [set('A', ['192.0.2.3', '192.0.2.4'])],
      4,
    ],
    [
      'a partly replaced set counts only what differs',
      [set('A', ['192.0.2.1', '192.0.2.2'])],
      [set('A', ['192.0.2.2', '192.0.2.3'])],
      2,
    ],
    [
      'a grown set counts the records added',
      [set('A', ['192.0.2.1'])],
      [set('A', ['192.0.2.1', '192.0.2.2', '192.0.2.3'])],
      2,
    ],
    [
      'a shrunk set counts the records removed',
      [set('A', ['192.0.2.1', '192.0.2.2', '192.0.2.3'])],
      [set('A', ['192.0.2.1'])],
      2,
    ],
    [
      'a TTL-only change counts one per record',
      [set('A', ['192.0.2.1', '192.0.2.2'], 300)],
      [set('A', ['192.0.2.1', '192.0.2.2'], 60)],
      2,
    ],
    [
      'a proxied-only change counts one per record',
      [set('A', ['192.0.2.1', '192.0.2.2'], 1, { proxied: true })],
      [set('A', ['192.0.2.1', '192.0.2.2'], 1, { proxied: false })],
      2,
    ],
    [
      'a CNAME replaced by A and AAAA counts all three sets',
      [set('CNAME', ['old.example.net'])],
      [set('A', ['192.0.2.1', '192.0.2.2']), set('AAAA', ['2001:db8::1'])],
      4,
    ],
    ['an identical set counts nothing', [set('A', ['192.0.2.1'])], [set('A', ['192.0.2.1'])], 0],
    [
      'value order does not make a change',
      [set('A', ['192.0.2.2', '192.0.2.1'])],
      [set('A', ['192.0.2.1', '192.0.2.2'])],
      0,
    ],
  ])('%s', (_why, before, desired, count) => {
    const plan = planChange(NAME, before as RecordSet[], desired as RecordSet[], { keepProxied: false });
    expect(plan.recordChanges).toBe(count);
    expect(isNoop(plan)).toBe(count === 0);
  });

  it('sends deletes and upserts for exactly the sets that change, with the replaced set as `from`', () => {
    const before = [set('A', ['192.0.2.1']), set('AAAA', ['2001:db8::1']), set('CNAME', ['x.example.net'])];
    const desired = [set('A', ['192.0.2.9']), set('AAAA', ['2001:db8::1'])];
    const plan = planChange(NAME, before, desired);
    expect(plan.deletes).toEqual([before[2]]);
    expect(plan.upserts).toEqual([{ from: before[0], to: desired[0] }]);
    expect(plan.name).toBe(NAME);
    expect(plan.before).toBe(before);
    expect(plan.recordChanges).toBe(3);
  });

  it('creates without a `from`', () => {
    const plan = planChange(NAME, [], [set('CNAME', ['voice-bot.fly.dev'])]);
    expect(plan.upserts).toEqual([{ to: set('CNAME', ['voice-bot.fly.dev']) }]);
    expect(plan.upserts[0]).not.toHaveProperty('from');
    expect(plan.deletes).toEqual([]);
  });
});

describe('Cloudflare proxying', () => {
  const proxiedBefore = [set('A', ['192.0.2.1'], 1, { proxied: true })];

  it('keeps a proxied name proxied with TTL auto by default', () => {
    const plan = planChange(NAME, proxiedBefore, [set('A', ['192.0.2.9'], 60)]);
    expect(plan.after).toEqual([set('A', ['192.0.2.9'], 1, { proxied: true })]);
    expect(plan.recordChanges).toBe(2);
  });

  it('with keep-proxied off, writes the desired sets exactly as given', () => {
    const desired = [set('A', ['192.0.2.9'], 60)];
    const plan = planChange(NAME, proxiedBefore, desired, { keepProxied: false });
    expect(plan.after).toEqual(desired);
    expect(plan.upserts[0].to).not.toHaveProperty('proxied');
  });

  it('keeps proxying when keep-proxied is explicitly on', () => {
    const plan = planChange(NAME, proxiedBefore, [set('A', ['192.0.2.9'], 60)], { keepProxied: true });
    expect(plan.after[0]).toMatchObject({ proxied: true, ttl: 1 });
  });

  it('honours an explicit proxied: false opt-out on a desired set, and counts turning the proxy off', () => {
    const optOut = set('A', ['192.0.2.1'], 60, { proxied: false });
    const plan = planChange(NAME, proxiedBefore, [optOut]);
    expect(plan.after).toEqual([optOut]);
    expect(plan.upserts).toEqual([{ from: proxiedBefore[0], to: optOut }]);
    expect(plan.recordChanges).toBe(1);
    expect(planRows(plan)[0].action).toBe('replace');
  });

  it('does not proxy a name that was not proxied', () => {
    const before = [set('A', ['192.0.2.1'], 300, { proxied: false })];
    const plan = planChange(NAME, before, [set('A', ['192.0.2.9'], 60)]);
    expect(plan.after).toEqual([set('A', ['192.0.2.9'], 60)]);
  });

  it('turning the proxy on alone is a change; a proxied set compared with itself is not', () => {
    const plain = set('A', ['192.0.2.1'], 1);
    const proxied = set('A', ['192.0.2.1'], 1, { proxied: true });
    const on = planChange(NAME, [plain], [proxied]);
    expect(on.recordChanges).toBe(1);
    expect(planRows(on)[0].action).toBe('replace');
    expect(isNoop(planChange(NAME, proxiedBefore, proxiedBefore))).toBe(true);
  });
});

describe('sameRecordSet', () => {
  const base = set('A', ['192.0.2.1', '192.0.2.2'], 60);
  it.each([
    ['the same set', base, true],
    ['values in another order', set('A', ['192.0.2.2', '192.0.2.1'], 60), true],
    ['proxied false against absent', { ...base, proxied: false }, true],
    ['another TTL', set('A', ['192.0.2.1', '192.0.2.2'], 61), false],
    ['another type', set('AAAA', ['192.0.2.1', '192.0.2.2'], 60), false],
    ['proxied', { ...base, proxied: true }, false],
    ['a value fewer', set('A', ['192.0.2.1'], 60), false],
    ['another value', set('A', ['192.0.2.1', '192.0.2.3'], 60), false],
  ])('%s → %p', (_why, other, same) => {
    expect(sameRecordSet(base, other as RecordSet)).toBe(same);
    expect(sameRecordSet(other as RecordSet, base)).toBe(same);
  });
});

describe('planRows and planJson', () => {
  it('shows each type that exists on either side with its action, in A, AAAA, CNAME order', () => {
    const before = [set('CNAME', ['old.example.net']), set('AAAA', ['2001:db8::1'], 300)];
    const desired = [set('AAAA', ['2001:db8::1'], 300), set('A', ['192.0.2.1'], 60)];
    expect(planRows(planChange(NAME, before, desired))).toEqual([
      { type: 'A', before: '—', after: 'A 192.0.2.1 (TTL 60s)', action: 'create' },
      {
        type: 'AAAA',
        before: 'AAAA 2001:db8::1 (TTL 300s)',
        after: 'AAAA 2001:db8::1 (TTL 300s)',
        action: 'keep',
      },
      { type: 'CNAME', before: 'CNAME old.example.net (TTL 300s)', after: '—', action: 'delete' },
    ]);
    expect(planRows(planChange(NAME, [], []))).toEqual([]);
  });

  it('writes the provider-neutral plan without provider internals', () => {
    const before = [
      set('A', ['192.0.2.1'], 1, { proxied: true, providerData: { id: 'cf-1' } }),
      set('CNAME', ['old.example.net']),
    ];
    const plan = planChange(NAME, before, [set('A', ['192.0.2.9'], 60)]);
    expect(JSON.parse(planJson(plan))).toEqual({
      name: NAME,
      recordChanges: 3,
      delete: [{ type: 'CNAME', ttl: 300, values: ['old.example.net'] }],
      upsert: [
        {
          from: { type: 'A', ttl: 1, values: ['192.0.2.1'], proxied: true },
          to: { type: 'A', ttl: 1, values: ['192.0.2.9'], proxied: true },
        },
      ],
    });
    const created = JSON.parse(planJson(planChange(NAME, [], [set('A', ['192.0.2.9'], 60)])));
    expect(created.upsert).toEqual([{ from: null, to: { type: 'A', ttl: 60, values: ['192.0.2.9'] } }]);
  });
});
