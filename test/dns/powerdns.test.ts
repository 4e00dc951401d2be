import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { powerdnsProvider } from '../../src/dns/providers/powerdns.js';
import { planChange } from '../../src/dns/plan.js';
import { desiredRecords, parseTarget } from '../../src/dns/records.js';
import { startPowerDns, type PowerDns } from '../support/powerdns.js';

/** The PowerDNS provider against a real pdns_server: what its one-PATCH change relies on. */
describe('PowerDNS provider', () => {
  let pdns: PowerDns;
  const name = 'www.inn.test';
  beforeAll(async () => {
    pdns = await startPowerDns();
    await pdns.createZone('inn.test', [{ name: `${name}.`, type: 'A', ttl: 300, records: ['203.0.113.10'] }]);
  });
  afterAll(async () => pdns?.stop());

  const patch = (rrsets: unknown[]) =>
    fetch(`${pdns.apiUrl}/api/v1/servers/localhost/zones/inn.test.`, {
      method: 'PATCH',
      headers: { 'x-api-key': pdns.apiKey, 'content-type': 'application/json' },
      body: JSON.stringify({ rrsets }),
    });

  it('needs the DELETE of the A in the same PATCH as the CNAME REPLACE, which is what apply sends', async () => {
    const alone = await patch([
      {
        name: `${name}.`,
        type: 'CNAME',
        ttl: 60,
        changetype: 'REPLACE',
        records: [{ content: 'inn.fly.dev.', disabled: false }],
      },
    ]);
    expect(alone.status).toBe(422);
    expect(await alone.text()).toMatch(/Conflicts with pre-existing RRset/);

    const provider = powerdnsProvider({ zone: 'inn.test', apiUrl: pdns.apiUrl, apiToken: pdns.apiKey });
    const before = await provider.read(name);
    expect(before).toEqual([{ name, type: 'A', ttl: 300, values: ['203.0.113.10'] }]);
    await provider.apply(planChange(name, before, desiredRecords(name, parseTarget('inn.fly.dev')!, 60)));
    expect(await provider.read(name)).toEqual([{ name, type: 'CNAME', ttl: 60, values: ['inn.fly.dev'] }]);
    expect((await provider.zone()).nameservers).toEqual(['ns1.inn.test']);
  });
});
