import { describe, expect, it } from '@jest/globals';
import {
  absoluteName,
  desiredRecords,
  isInZone,
  parseTarget,
  type RecordSet,
} from '../../src/dns/records.js';
import { isNoop, planChange, planRows } from '../../src/dns/plan.js';
import { answerMatches } from '../../src/dns/verify.js';
import { parseServer } from '../../src/dns/query.js';
import { parseConnectTo } from '../../src/dns/preflight.js';

const cname = (host: string, ttl = 300): RecordSet => ({
  name: 'api.example.com',
  type: 'CNAME',
  ttl,
  values: [host],
});

describe('targets and names', () => {
  it('reads a hostname as a CNAME target and typed or bare addresses as A/AAAA', () => {
    expect(parseTarget('Voice-Bot.fly.dev.')).toEqual({ kind: 'cname', host: 'voice-bot.fly.dev' });
    expect(parseTarget('A=66.241.124.1,AAAA=2A09:8280:1:0::1,A=66.241.124.2')).toEqual({
      kind: 'addresses',
      a: ['66.241.124.1', '66.241.124.2'],
      aaaa: ['2a09:8280:1::1'],
    });
    expect(parseTarget('203.0.113.7')).toEqual({ kind: 'addresses', a: ['203.0.113.7'], aaaa: [] });
    for (const bad of [
      '',
      'not a host',
      'A=::1',
      'AAAA=1.2.3.4',
      'MX=mail.example.com',
      'localhost',
      '1.2.3',
    ])
      expect(parseTarget(bad)).toBeUndefined();
  });

  it('makes labels absolute in the zone but never appends the zone to a dotted name', () => {
    expect(absoluteName('api', 'example.com')).toBe('api.example.com');
    expect(absoluteName('@', 'example.com')).toBe('example.com');
    expect(absoluteName('API.Example.com.', 'example.com')).toBe('api.example.com');
    expect(absoluteName('api.example.org', 'example.com')).toBe('api.example.org');
    expect(isInZone('api.example.org', 'example.com')).toBe(false);
    expect(isInZone('notexample.com', 'example.com')).toBe(false);
  });

  it('parses servers with ports and DoH URLs, and connect-to like curl', () => {
    expect(parseServer('127.0.0.1:5300')).toMatchObject({
      kind: 'udp',
      host: '127.0.0.1',
      port: 5300,
      label: '127.0.0.1:5300',
    });
    expect(parseServer('[::1]:5300')).toMatchObject({ kind: 'udp', host: '::1', port: 5300 });
    expect(parseServer('8.8.8.8')).toMatchObject({ kind: 'udp', port: 53 });
    expect(parseServer('https://dns.google/dns-query')).toMatchObject({ kind: 'doh' });
    expect(parseServer('dns.google')).toBeUndefined();
    expect(parseConnectTo(':8443')).toEqual({ port: 8443 });
    expect(parseConnectTo('[::1]:8443')).toEqual({ address: '::1', port: 8443 });
    expect(parseConnectTo('127.0.0.1:99999')).toBeUndefined();
  });
});

describe('plan', () => {
  it('deletes the CNAME and creates A/AAAA when switching to addresses, counting records', () => {
    const plan = planChange(
      'api.example.com',
      [cname('old.elb.amazonaws.com')],
      desiredRecords('api.example.com', parseTarget('A=192.0.2.1,AAAA=2001:db8::1')!, 60),
    );
    expect(plan.deletes.map((s) => s.type)).toEqual(['CNAME']);
    expect(plan.upserts.map((u) => u.to.type)).toEqual(['A', 'AAAA']);
    expect(plan.recordChanges).toBe(3);
    expect(planRows(plan).map((r) => `${r.type}:${r.action}`)).toEqual([
      'A:create',
      'AAAA:create',
      'CNAME:delete',
    ]);
  });

  it('is a no-op when values and TTL match, and a replace when only the TTL differs', () => {
    const desired = desiredRecords('api.example.com', parseTarget('voice-bot.fly.dev')!, 60);
    expect(isNoop(planChange('api.example.com', [cname('voice-bot.fly.dev', 60)], desired))).toBe(true);
    const ttlOnly = planChange('api.example.com', [cname('voice-bot.fly.dev', 300)], desired);
    expect(ttlOnly.upserts).toHaveLength(1);
    expect(ttlOnly.recordChanges).toBe(1);
  });

  it('keeps a proxied record proxied with TTL auto', () => {
    const plan = planChange(
      'api.example.com',
      [{ ...cname('old.example.net', 1), proxied: true }],
      desiredRecords('api.example.com', parseTarget('voice-bot.fly.dev')!, 60),
    );
    expect(plan.after).toEqual([
      { name: 'api.example.com', type: 'CNAME', ttl: 1, values: ['voice-bot.fly.dev'], proxied: true },
    ]);
  });
});

describe('answer matching', () => {
  const expected: RecordSet = { name: 'api.example.com', type: 'A', ttl: 60, values: ['192.0.2.1'] };
  it('needs exactly the expected values at the name, with a TTL no longer than the one set', () => {
    expect(
      answerMatches(
        [{ name: 'api.example.com', type: 'A', ttl: 60, data: '192.0.2.1' }],
        'api.example.com',
        'A',
        expected,
      ),
    ).toBe(true);
    expect(
      answerMatches(
        [{ name: 'api.example.com', type: 'A', ttl: 3600, data: '192.0.2.1' }],
        'api.example.com',
        'A',
        expected,
      ),
    ).toBe(false);
    expect(
      answerMatches(
        [{ name: 'api.example.com', type: 'A', ttl: 60, data: '192.0.2.9' }],
        'api.example.com',
        'A',
        expected,
      ),
    ).toBe(false);
    // A CNAME chased by a resolver is not an A record at the name.
    expect(
      answerMatches(
        [{ name: 'old.elb.amazonaws.com', type: 'A', ttl: 60, data: '192.0.2.1' }],
        'api.example.com',
        'A',
        expected,
      ),
    ).toBe(false);
    expect(answerMatches([], 'api.example.com', 'CNAME', undefined)).toBe(true);
    expect(
      answerMatches(
        [{ name: 'api.example.com', type: 'CNAME', ttl: 60, data: 'old' }],
        'api.example.com',
        'CNAME',
        undefined,
      ),
    ).toBe(false);
  });
});
