import { describe, expect, it } from '@jest/globals';
import { inputError } from '../support/inputs.js';
import { InputError } from '../../src/core/errors.js';
import { InputReader } from '../../src/core/inputs.js';
import { cutoverBudgetMs, readCutoverOptions } from '../../src/dns/options.js';

const BASE = {
  provider: 'powerdns',
  'api-url': 'http://127.0.0.1:8081',
  'api-token': 'pdns-key',
  zone: 'example.com',
  name: 'api',
  target: 'voice-bot.fly.dev',
  mode: 'apply',
};
const read = (inputs: Record<string, string>) =>
  readCutoverOptions(new InputReader((name) => ({ ...BASE, ...inputs })[name as keyof typeof BASE]));
const refusal = (inputs: Record<string, string>): InputError => inputError(() => read(inputs));

describe('dns-cutover inputs', () => {
  it('reads an apply with its target, and derives the timeout from verify-timeout', () => {
    const options = read({ 'verify-timeout': '90s' });
    expect(options).toMatchObject({
      mode: 'apply',
      name: 'api.example.com',
      target: { kind: 'cname', host: 'voice-bot.fly.dev' },
    });
    expect(cutoverBudgetMs(options)).toBe(150_000);
    expect(cutoverBudgetMs(read({ timeout: '2m' }))).toBe(120_000);
  });

  it.each([
    [{ name: 'a'.repeat(70) }, 'name', /label "a{20}…" is 70 characters long; a DNS label is at most 63/],
    [{ name: 'api.example.org' }, 'name', /not inside the zone example\.com/],
    [{ name: 'x'.repeat(300) }, 'name', /is 312 characters long; a DNS name is at most 253/],
    [{ zone: 'localhost' }, 'zone', /single label/],
    [{ 'connect-to': 'garbage' }, 'connect-to', /"garbage" is not address:port/],
    [{ 'connect-to': '127.0.0.1:99999' }, 'connect-to', /not address:port/],
    [{ 'api-url': 'http://admin:pw@127.0.0.1:8081' }, 'api-url', /carries credentials/],
    [{ target: 'bad host!' }, 'target', /neither a hostname nor a list of addresses/],
    [{ timeout: 'soon' }, 'timeout', /not a duration/],
    [{ nameservers: 'https://dns.google/dns-query' }, 'nameservers', /DNS-over-HTTPS/],
  ])('%j is refused naming %s', (inputs, input, message) => {
    const error = refusal(inputs);
    expect(error.input).toBe(input);
    expect(error.describe()).toMatch(message);
  });

  it('accepts connect-to as address:port, [v6]:port, :port or a full hostname', () => {
    expect(read({ 'connect-to': '127.0.0.1:8443' }).connectTo).toEqual({ address: '127.0.0.1', port: 8443 });
    expect(read({ 'connect-to': '[::1]:8443' }).connectTo).toEqual({ address: '::1', port: 8443 });
    expect(read({ 'connect-to': ':8443' }).connectTo).toEqual({ port: 8443 });
    expect(read({ 'connect-to': 'edge.fly.dev:443' }).connectTo).toEqual({
      address: 'edge.fly.dev',
      port: 443,
    });
  });
});
