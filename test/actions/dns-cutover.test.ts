import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { queryDns, parseServer } from '../../src/dns/query.js';
import { startPowerDns, type PowerDns } from '../support/powerdns.js';
import { issueExpired } from '../dns/expired-cert.js';
import { startTlsTarget, type TlsTarget } from '../../src/sim/tls.js';
import { visibleLog } from '../support/bundle-log.js';
import { cutoverRunner, servedAt, startTargets, type Inputs, type Targets } from './dns-cutover-fixture.js';

/** The whole action through its built bundle against a real PowerDNS, verified with real DNS queries. */
describe('dns-cutover bundle against PowerDNS', () => {
  let pdns: PowerDns;
  let targets: Targets;
  let wrongName: TlsTarget;
  let down: TlsTarget;
  let expired: TlsTarget;
  const zone = 'hotel.test';
  const name = 'api.hotel.test';
  const oldCname = 'old-alb-123.eu-west-1.elb.amazonaws.com';

  const soaSerial = async () => {
    const res = await fetch(`${pdns.apiUrl}/api/v1/servers/localhost/zones/${zone}.`, {
      headers: { 'x-api-key': pdns.apiKey },
    });
    return ((await res.json()) as { serial: number }).serial;
  };
  const answers = (type: string) => servedAt(pdns.dnsAddress, name, type);
  const run = cutoverRunner(() => ({
    inputs: {
      provider: 'powerdns',
      'api-url': pdns.apiUrl,
      'api-token': pdns.apiKey,
      zone,
      name: 'api',
      nameservers: pdns.dnsAddress,
      'verify-timeout': '10s',
    },
    env: { NODE_EXTRA_CA_CERTS: targets.ca.caFile },
  }));
  /** An apply the pre-flight must refuse: it fails, says so, and changes nothing (same SOA serial, same CNAME). */
  const refusedByPreflight = async (inputs: Inputs, env: Record<string, string> = {}) => {
    const before = await soaSerial();
    const result = await run({ mode: 'apply', target: 'A=127.0.0.1', ...inputs }, env);
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({ status: 'preflight-failed', changed: 'false' });
    expect(await soaSerial()).toBe(before);
    expect(await answers('CNAME')).toEqual([oldCname]);
    return result;
  };
  const resetOld = async () => {
    const res = await fetch(`${pdns.apiUrl}/api/v1/servers/localhost/zones/${zone}.`, {
      method: 'PATCH',
      headers: { 'x-api-key': pdns.apiKey, 'content-type': 'application/json' },
      body: JSON.stringify({
        rrsets: [
          { name: `${name}.`, type: 'A', changetype: 'DELETE' },
          { name: `${name}.`, type: 'AAAA', changetype: 'DELETE' },
          {
            name: `${name}.`,
            type: 'CNAME',
            ttl: 300,
            changetype: 'REPLACE',
            records: [{ content: `${oldCname}.`, disabled: false }],
          },
        ],
      }),
    });
    expect(res.status).toBe(204);
  };

  beforeAll(async () => {
    [pdns, targets] = await Promise.all([startPowerDns(), startTargets([name], 503)]);
    const { ca } = targets;
    wrongName = await startTlsTarget(ca.issue(['other.hotel.test']));
    down = await startTlsTarget(ca.issue([name]), { health: 503 });
    expired = await startTlsTarget(issueExpired(ca, [name]));
    await pdns.createZone(zone, [{ name: `${name}.`, type: 'CNAME', ttl: 300, records: [`${oldCname}.`] }]);
  });

  afterAll(async () => {
    await Promise.all([pdns?.stop(), targets?.close(), wrongName?.close(), down?.close(), expired?.close()]);
  });

  it('plans without changing anything: the diff is in the summary and the serial stays', async () => {
    const before = await soaSerial();
    const result = await run({
      mode: 'plan',
      target: 'A=127.0.0.1,AAAA=::1',
      'connect-to': `:${targets.fly.port}`,
    });
    expect(result.exitCode).toBe(0);
    expect(result.outputs.status).toBe('planned');
    expect(result.outputs.changed).toBe('false');
    expect(JSON.parse(result.outputs.plan)).toMatchObject({
      recordChanges: 3,
      delete: [{ type: 'CNAME', values: [oldCname] }],
    });
    expect(result.summary).toMatch(
      /\| CNAME \| CNAME old-alb-123\.eu-west-1\.elb\.amazonaws\.com \(TTL 300s\) \| — \| delete \|/,
    );
    expect(result.summary).toMatch(/\| A \| — \| A 127\.0\.0\.1 \(TTL 60s\) \| create \|/);
    expect(await soaSerial()).toBe(before);
    expect(await answers('CNAME')).toEqual([oldCname]);
  });

  it('refuses a certificate for the wrong name before any change', async () => {
    const result = await refusedByPreflight({ 'connect-to': `127.0.0.1:${wrongName.port}` });
    expect(result.log).toMatch(
      /certificate is not valid for api\.hotel\.test: it covers DNS:other\.hotel\.test/,
    );
    expect(result.log).toMatch(/fly certs add api\.hotel\.test/);
  });

  it('refuses a certificate the runner does not trust before any change', async () => {
    // Without NODE_EXTRA_CA_CERTS the test CA is unknown, as a self-signed or staging certificate would be.
    const result = await refusedByPreflight(
      { 'connect-to': `:${targets.fly.port}` },
      { NODE_EXTRA_CA_CERTS: '' },
    );
    expect(result.annotations.find((a) => a.level === 'error')?.message).toMatch(
      /Pre-flight: the new target does not present a certificate valid for api\.hotel\.test \(certificate not trusted \([A-Z_]+\)\).*Nothing was changed\./,
    );
  });

  it('refuses an expired certificate before any change', async () => {
    const result = await refusedByPreflight({ 'connect-to': `:${expired.port}` });
    expect(result.annotations.find((a) => a.level === 'error')?.message).toMatch(
      /certificate valid for api\.hotel\.test \(certificate expired on Jan {1,2}2 00:00:00 2020 GMT \(CERT_HAS_EXPIRED\)\).*Nothing was changed\./,
    );
  });

  it('stops before any change when health-url fails through the new target', async () => {
    const result = await refusedByPreflight({
      'connect-to': `:${down.port}`,
      'health-url': `https://${name}/health`,
    });
    expect(result.annotations.find((a) => a.level === 'error')?.message).toBe(
      'Pre-flight: https://api.hotel.test/health through the new target failed (answered 503). Nothing was changed.',
    );
    expect(result.summary).toMatch(/pre-flight failed, nothing changed/);
    expect(down.requests).toHaveLength(1);
  });

  it('applies a CNAME→A switch in one PATCH, verifies it on the nameserver, and re-applies as a no-op', async () => {
    const before = await soaSerial();
    const result = await run({
      mode: 'apply',
      target: 'A=127.0.0.1',
      'connect-to': `:${targets.fly.port}`,
      'health-url': `https://${name}/health`,
    });
    expect(result.log).not.toMatch(/failed unexpectedly/);
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ status: 'applied', changed: 'true', propagated: 'true' });
    expect(Number(result.outputs['propagation-ms'])).toBeGreaterThanOrEqual(0);
    expect(await answers('A')).toEqual(['127.0.0.1']);
    expect(await answers('CNAME')).toEqual([]);
    // One PATCH: the serial moved by exactly one.
    expect(await soaSerial()).toBe(before + 1);
    expect(result.summary).toContain(`| ${pdns.dnsAddress} | authoritative | A 127.0.0.1 (60s) | ✅`);
    expect(result.summary).toMatch(/TLS handshake.*SNI api\.hotel\.test.*✅/);
    // The pre-flight reached the target with the real hostname.
    expect(targets.fly.requests.at(-1)).toEqual({ path: '/health', host: name });
    expect(JSON.parse(result.outputs.previous)).toMatchObject({
      zone,
      name,
      records: [{ type: 'CNAME', ttl: 300, values: [oldCname] }],
    });

    const again = await run({ mode: 'apply', target: 'A=127.0.0.1', 'connect-to': `:${targets.fly.port}` });
    expect(again.exitCode).toBe(0);
    expect(again.outputs).toMatchObject({ status: 'unchanged', changed: 'false', propagated: 'true' });
    expect(again.summary).toMatch(/already match.*no change was sent/);
    expect(await soaSerial()).toBe(before + 1);

    // Rollback from the first run's `previous`, without the rest of the flow.
    const rollback = await run({ mode: 'rollback', previous: result.outputs.previous });
    expect(rollback.exitCode).toBe(0);
    expect(rollback.outputs).toMatchObject({ status: 'restored', changed: 'true', propagated: 'true' });
    expect(await answers('CNAME')).toEqual([oldCname]);
    expect(await answers('A')).toEqual([]);
  });

  it('rolls back by itself when the health check fails after the switch, and tells both stories', async () => {
    await resetOld();
    const result = await run({
      mode: 'apply',
      target: 'A=127.0.0.1,AAAA=::1',
      'connect-to': `:${targets.flaky.port}`,
      'health-url': `https://${name}/health`,
    });
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({ status: 'rolled-back', changed: 'false', propagated: 'true' });
    const failure = result.annotations.find((a) => a.level === 'error')?.message ?? '';
    expect(failure).toMatch(
      /After the switch, https:\/\/api\.hotel\.test\/health failed 3 time\(s\).*answered 503/,
    );
    expect(failure).toMatch(/previous records were put back and verified/);
    expect(result.summary).toMatch(/#### Rollback/);
    expect(await answers('CNAME')).toEqual([oldCname]);
    expect(await answers('A')).toEqual([]);
    expect(await answers('AAAA')).toEqual([]);
  });

  it("defaults to the zone's own nameservers, and stops before any change when they cannot be reached", async () => {
    const before = await soaSerial();
    const result = await run({
      mode: 'apply',
      target: 'A=127.0.0.1',
      'connect-to': `:${targets.fly.port}`,
      nameservers: '',
    });
    expect(result.exitCode).toBe(1);
    expect(result.annotations[0].message).toMatch(
      /input 'nameservers': nameserver ns1\.hotel\.test does not resolve \(ENOTFOUND\); nothing was changed/,
    );
    expect(await soaSerial()).toBe(before);
  });

  it('lowers the TTL and says how long to wait', async () => {
    await resetOld();
    const result = await run({ mode: 'lower-ttl', ttl: 60 });
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ status: 'ttl-lowered', 'wait-seconds': '300', changed: 'true' });
    expect(result.summary).toMatch(/Wait at least \*\*300s\*\*/);
    const answer = await queryDns(parseServer(pdns.dnsAddress)!, name, 'CNAME');
    expect(answer.records[0]).toMatchObject({ data: oldCname, ttl: 60 });
  });

  it('says the api-token was rejected and the zone was not found, in those words, and never prints the token', async () => {
    const bad = await run({ mode: 'plan', target: 'A=127.0.0.1', 'api-token': 'wrong-key-123456' });
    expect(bad.exitCode).toBe(1);
    expect(bad.log).toMatch(/input 'api-token': PowerDNS rejected the api-token \(401/);
    expect(bad.log).toContain('::add-mask::wrong-key-123456');
    expect(visibleLog(bad.log)).not.toContain('wrong-key-123456');
    const missing = await run({
      mode: 'plan',
      zone: 'nowhere.test',
      name: 'api.nowhere.test',
      target: 'A=127.0.0.1',
    });
    expect(missing.exitCode).toBe(1);
    expect(missing.log).toMatch(/input 'zone': zone nowhere\.test was not found on the PowerDNS server/);
    const ok = await run({ mode: 'plan', target: 'A=127.0.0.1' });
    for (const text of [visibleLog(ok.log), ok.summary, JSON.stringify(ok.outputs), bad.summary])
      expect(text).not.toContain(pdns.apiKey);
  });
});
