import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { errorMessage } from '../../src/core/errors.js';
import { InputReader } from '../../src/core/inputs.js';
import { readCutoverOptions } from '../../src/dns/options.js';
import { PROVIDER_NAMES, createProvider, providerEntry } from '../../src/dns/providers/index.js';

/** The registry in providers/index.ts is the one place a provider is named; everything else follows it. */
describe('DNS provider registry', () => {
  it('loads, for every registered name, a provider file whose default factory makes that provider', async () => {
    expect(PROVIDER_NAMES.length).toBeGreaterThanOrEqual(3);
    for (const name of PROVIDER_NAMES) {
      const provider = await createProvider(name, {
        zone: 'registry.test',
        apiUrl: 'http://127.0.0.1:9',
        apiToken: 'unused',
      });
      expect(provider.name).toBe(name);
      expect(typeof provider.apply).toBe('function');
    }
  });

  it('drives the provider input, its error and the per-provider required inputs from the registry', () => {
    const read = (inputs: Record<string, string>) =>
      readCutoverOptions(new InputReader((n) => inputs[n] ?? ''));
    const told = (inputs: Record<string, string>) => {
      try {
        read(inputs);
        return 'accepted';
      } catch (error) {
        return errorMessage(error);
      }
    };
    expect(told({ provider: 'godaddy', zone: 'x.test', name: 'api' })).toContain(
      `use one of: ${PROVIDER_NAMES.join(', ')}.`,
    );
    for (const name of PROVIDER_NAMES) {
      const base = { provider: name, zone: 'x.test', name: 'api', mode: 'lower-ttl' };
      const full = { ...base, 'api-url': 'http://127.0.0.1:9', 'api-token': 't' };
      expect(read(full).provider).toBe(name);
      for (const [input, fix] of Object.entries(providerEntry(name).requires)) {
        const missing: Record<string, string> = { ...full };
        delete missing[input];
        expect(told(missing)).toBe(`input '${input}': is required for ${name}. Fix: ${fix}`);
      }
    }
  });

  it("lists every registered provider in action.yml's provider input", () => {
    const action = parse(readFileSync('actions/dns-cutover/action.yml', 'utf8')) as {
      inputs: Record<string, { description: string }>;
    };
    for (const name of PROVIDER_NAMES) expect(action.inputs.provider.description).toContain(name);
  });
});
