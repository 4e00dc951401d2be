import { describe, expect, it } from '@jest/globals';
import {
  absoluteName,
  canonicalAddress,
  CUTOVER_TYPES,
  describeTarget,
  desiredRecords,
  formatRecordSet,
  hostnameProblem,
  isHostname,
  isInZone,
  normalizeValue,
  parseTarget,
  sameValues,
  stripDot,
  withDot,
} from '../../src/dns/records.js';

// Record comparison and names at their edges: what decides whether a record set "is already right".

describe('names', () => {
  it('strips one trailing dot, trims and lower-cases; withDot adds exactly one', () => {
    expect(stripDot('  API.Example.COM. ')).toBe('api.example.com');
    expect(stripDot('api.example.com')).toBe('api.example.com');
    expect(withDot('API.example.com.')).toBe('api.example.com.');
    expect(withDot('api.example.com')).toBe('api.example.com.');
  });

  it.each([
    ['voice-bot.fly.dev', true],
    ['voice-bot.fly.dev.', true],
    ['_acme-challenge.example.com', true],
    [`${'a'.repeat(63)}.com`, true],
    [`${'a'.repeat(64)}.com`, false],
    [`${'a.'.repeat(125)}com`, true], // 253 characters
    [`${'a.'.repeat(125)}co.m`, false], // 254 characters
    ['localhost', false],
    ['', false],
    ['.', false],
    ['-api.example.com', false],
    ['api-.example.com', false],
    ['api..example.com', false],
    ['192.0.2.1', false],
    ['2001:db8::1', false],
    ['host.123', false],
    ['host.a123', true],
    ['host.1a', true],
    ['bad host.example.com', false],
  ])('isHostname(%p) → %p', (text, expected) => {
    expect(isHostname(text)).toBe(expected);
  });

  it.each([
    ['', 'it is empty'],
    ['.', 'it is empty'],
    [`${'a.'.repeat(125)}co.m`, 'it is 254 characters long; a DNS name is at most 253'],
    ['192.0.2.1', 'it is an IP address, not a name'],
    ['localhost', 'it has a single label; write the full name (e.g. api.example.com)'],
    ['api..example.com', 'it has an empty label (two dots in a row)'],
    [
      `${'a'.repeat(64)}.com`,
      `its label "${'a'.repeat(20)}…" is 64 characters long; a DNS label is at most 63`,
    ],
    [
      `${'b'.repeat(20)}-.example.com`,
      `its label "${'b'.repeat(20)}…" may hold only letters, digits, hyphens and underscores, and not start or end with a hyphen`,
    ],
    [
      `${'c'.repeat(19)}-.example.com`,
      `its label "${'c'.repeat(19)}-" may hold only letters, digits, hyphens and underscores, and not start or end with a hyphen`,
    ],
    ['host.123', 'its last label is all digits'],
    ['123.host', undefined],
    ['voice-bot.fly.dev.', undefined],
  ])('hostnameProblem(%p) says %p', (text, problem) => {
    expect(hostnameProblem(text)).toBe(problem);
  });

  it('is in the zone at the apex and below it, never beside it', () => {
    expect(isInZone('example.com', 'example.com.')).toBe(true);
    expect(isInZone('API.example.com.', 'Example.com')).toBe(true);
    expect(isInZone('a.b.example.com', 'example.com')).toBe(true);
    expect(isInZone('example.com.evil.net', 'example.com')).toBe(false);
    expect(isInZone('xexample.com', 'example.com')).toBe(false);
  });

  it('takes the zone name itself as the apex', () => {
    expect(absoluteName('Example.com.', 'example.com')).toBe('example.com');
    expect(absoluteName('www', 'Example.com.')).toBe('www.example.com');
  });
});

describe('addresses and targets', () => {
  it('writes IPv6 canonically and leaves IPv4 and names as written (trimmed)', () => {
    expect(canonicalAddress('2001:DB8:0:0::1')).toBe('2001:db8::1');
    expect(canonicalAddress(' 2001:db8::1 ')).toBe('2001:db8::1');
    expect(canonicalAddress(' 192.0.2.1 ')).toBe('192.0.2.1');
    expect(normalizeValue('CNAME', 'Voice-Bot.fly.dev.')).toBe('voice-bot.fly.dev');
    expect(normalizeValue('AAAA', '2001:DB8::0:1')).toBe('2001:db8::1');
    expect(normalizeValue('A', '192.0.2.1')).toBe('192.0.2.1');
  });

  it('reads bare and typed addresses, separated by commas or spaces, de-duplicated and sorted', () => {
    expect(parseTarget(' 192.0.2.2 192.0.2.1,192.0.2.2 2001:DB8::1 ')).toEqual({
      kind: 'addresses',
      a: ['192.0.2.1', '192.0.2.2'],
      aaaa: ['2001:db8::1'],
    });
    expect(parseTarget('aaaa=2001:db8::2,a=192.0.2.1')).toEqual({
      kind: 'addresses',
      a: ['192.0.2.1'],
      aaaa: ['2001:db8::2'],
    });
    expect(parseTarget(',192.0.2.1, ')).toEqual({ kind: 'addresses', a: ['192.0.2.1'], aaaa: [] });
    expect(parseTarget('AAAA=2001:db8::2,AAAA=2001:db8::1,2001:db8::2')).toEqual({
      kind: 'addresses',
      a: [],
      aaaa: ['2001:db8::1', '2001:db8::2'],
    });
    expect(parseTarget('=192.0.2.1')).toBeUndefined();
    expect(parseTarget('   ')).toBeUndefined();
    expect(parseTarget(',')).toBeUndefined();
    expect(parseTarget('voice-bot.fly.dev,other.fly.dev')).toBeUndefined();
    expect(parseTarget('CNAME=voice-bot.fly.dev')).toBeUndefined();
  });

  it('describes a target in words', () => {
    expect(describeTarget({ kind: 'cname', host: 'voice-bot.fly.dev' })).toBe('CNAME voice-bot.fly.dev');
    expect(describeTarget({ kind: 'addresses', a: ['192.0.2.1', '192.0.2.2'], aaaa: ['2001:db8::1'] })).toBe(
      'A 192.0.2.1, A 192.0.2.2, AAAA 2001:db8::1',
    );
  });

  it('asks for only the families a target has', () => {
    expect(desiredRecords('n.example.com', { kind: 'addresses', a: ['192.0.2.1'], aaaa: [] }, 60)).toEqual([
      { name: 'n.example.com', type: 'A', ttl: 60, values: ['192.0.2.1'] },
    ]);
    expect(desiredRecords('n.example.com', { kind: 'addresses', a: [], aaaa: ['2001:db8::1'] }, 30)).toEqual([
      { name: 'n.example.com', type: 'AAAA', ttl: 30, values: ['2001:db8::1'] },
    ]);
    expect(desiredRecords('n.example.com', { kind: 'cname', host: 'x.fly.dev' }, 120)).toEqual([
      { name: 'n.example.com', type: 'CNAME', ttl: 120, values: ['x.fly.dev'] },
    ]);
    expect(CUTOVER_TYPES).toEqual(['A', 'AAAA', 'CNAME']);
  });
});

describe('record comparison', () => {
  it.each([
    [['a', 'b'], ['b', 'a'], true],
    [[], [], true],
    [['a'], ['a', 'a'], false],
    [['a', 'b'], ['a'], false],
    [['a'], ['b'], false],
    [['a', 'b'], ['a', 'c'], false],
  ])('sameValues(%p, %p) → %p', (a, b, expected) => {
    expect(sameValues(a, b)).toBe(expected);
    expect(sameValues(b, a)).toBe(expected);
  });

  it('does not reorder the lists it compares', () => {
    const a = ['b', 'a'];
    sameValues(a, ['a', 'b']);
    expect(a).toEqual(['b', 'a']);
  });

  it('formats a set with its TTL, auto for 1, and the proxy flag', () => {
    const base = { name: 'n', type: 'A' as const, values: ['192.0.2.1', '192.0.2.2'] };
    expect(formatRecordSet({ ...base, ttl: 60 })).toBe('A 192.0.2.1, 192.0.2.2 (TTL 60s)');
    expect(formatRecordSet({ ...base, ttl: 1, proxied: true })).toBe(
      'A 192.0.2.1, 192.0.2.2 (TTL auto, proxied)',
    );
    expect(formatRecordSet({ ...base, ttl: 2, proxied: false })).toBe('A 192.0.2.1, 192.0.2.2 (TTL 2s)');
  });
});
