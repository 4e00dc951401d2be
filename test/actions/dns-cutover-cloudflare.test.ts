import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { queryDns, parseServer } from '../../src/dns/query.js';
import { startCloudflareSim, type CloudflareSim } from '../../src/sim/cloudflare/index.js';
import { visibleLog } from '../support/bundle-log.js';
import { cutoverRunner, servedAt, startTargets, type Targets } from './dns-cutover-fixture.js';

/** The bundle against the Cloudflare stand-in, verified over its UDP DNS and its DNS-over-HTTPS. */
describe('dns-cutover bundle against the Cloudflare stand-in', () => {
  let cf: CloudflareSim;
  let targets: Targets;
  const zone = 'voicebot.example';
  const name = 'api.voicebot.example';
  const old = 'old-alb-42.us-east-1.elb.amazonaws.com';

  const run = cutoverRunner(() => ({
    inputs: {
      provider: 'cloudflare',
      'api-url': cf.apiUrl,
      'api-token': cf.token,
      zone,
      name,
      nameservers: cf.dnsAddress,
      'verify-timeout': '10s',
    },
    env: { NODE_EXTRA_CA_CERTS: targets.ca.caFile },
  }));
  const served = (type: string) => servedAt(cf.dnsAddress, name, type);
  const writes = () => cf.calls().filter((c) => c.method !== 'GET');

  beforeAll(async () => {
    cf = await startCloudflareSim({
      zones: [
        {
          name: zone,
          records: [
            { type: 'CNAME', name: 'api', content: old, ttl: 300 },
            { type: 'CNAME', name: 'cdn', content: 'd111.cloudfront.net', ttl: 1, proxied: true },
            { type: 'TXT', name: '_fly-ownership.api', content: 'keep-me' },
          ],
        },
      ],
      // The edge serves a change a moment after the API accepts it, so verification has to wait.
      propagationDelayMs: 300,
    });
    targets = await startTargets([name, 'cdn.voicebot.example'], 500);
  });

  afterAll(async () => {
    await Promise.all([cf?.close(), targets?.close()]);
  });

  it('switches a CNAME to a new CNAME in one batch call and waits until UDP and DoH answer it', async () => {
    const result = await run({
      mode: 'apply',
      target: 'voice-bot.fly.dev',
      'connect-to': `127.0.0.1:${targets.fly.port}`,
      'health-url': `https://${name}/health`,
      resolvers: cf.dohUrl,
    });
    expect(visibleLog(result.log)).not.toMatch(/failed unexpectedly/);
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ status: 'applied', changed: 'true', propagated: 'true' });
    // The edge took 300 ms; the action waited for it rather than trusting the API.
    expect(Number(result.outputs['propagation-ms'])).toBeGreaterThanOrEqual(250);
    expect(writes().map((c) => `${c.method} ${c.path.replace(/[0-9a-f]{32}/, ':zone')}`)).toEqual([
      'POST /zones/:zone/dns_records/batch',
    ]);
    expect(await served('CNAME')).toEqual(['voice-bot.fly.dev']);
    expect(cf.records(zone).find((r) => r.type === 'TXT')?.content).toBe('keep-me');
    expect(result.summary).toContain(`| ${cf.dohUrl} | resolver | CNAME voice-bot.fly.dev (60s) | ✅`);
    expect(result.summary).toContain(
      `| ${cf.dnsAddress} | authoritative | CNAME voice-bot.fly.dev (60s) | ✅`,
    );

    const again = await run({
      mode: 'apply',
      target: 'voice-bot.fly.dev',
      'connect-to': `127.0.0.1:${targets.fly.port}`,
    });
    expect(again.outputs.status).toBe('unchanged');
    expect(writes()).toHaveLength(1);

    const back = await run({ mode: 'rollback', previous: result.outputs.previous });
    expect(back.exitCode).toBe(0);
    expect(back.outputs.status).toBe('restored');
    expect(await served('CNAME')).toEqual([old]);
  });

  it('restores the old CNAME when the app fails after the switch', async () => {
    const before = writes().length;
    const result = await run({
      mode: 'apply',
      target: 'A=127.0.0.1',
      'connect-to': `:${targets.flaky.port}`,
      'health-url': `https://${name}/health`,
    });
    expect(result.exitCode).toBe(1);
    expect(result.outputs.status).toBe('rolled-back');
    expect(writes().length - before).toBe(2);
    expect(await served('CNAME')).toEqual([old]);
    expect(await served('A')).toEqual([]);
    expect(result.annotations.find((a) => a.level === 'error')?.message).toMatch(
      /answered 500.*previous records were put back/,
    );
  });

  it('restores the old CNAME when reading the records back fails right after the change was accepted', async () => {
    // Every read after the batch fails (5 = first try + 4 retries); the restore reads again later.
    cf.fail({
      method: 'GET',
      path: '/dns_records',
      status: 500,
      times: 5,
      after: { method: 'POST', path: '/batch' },
    });
    const result = await run({ mode: 'apply', target: 'voice-bot.fly.dev', 'tls-check': false });
    expect(visibleLog(result.log)).not.toMatch(/failed unexpectedly/);
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({ status: 'rolled-back', changed: 'false' });
    expect(JSON.parse(result.outputs.previous).records).toMatchObject([{ type: 'CNAME', values: [old] }]);
    expect(result.annotations.find((a) => a.level === 'error')?.message).toMatch(
      /After the change, verifying it failed: .*500.*previous records were put back and verified/,
    );
    expect(cf.records(zone).find((r) => r.name === name)).toMatchObject({ type: 'CNAME', content: old });
    expect(await served('CNAME')).toEqual([old]);
  });

  it('fails loudly with the manual fix, and still writes previous and changed, when the restore cannot be done either', async () => {
    cf.fail({ method: 'GET', path: '/dns_records', status: 500, after: { method: 'POST', path: '/batch' } });
    const result = await run({ mode: 'apply', target: 'A=127.0.0.1', 'tls-check': false });
    cf.clearFaults();
    expect(visibleLog(result.log)).not.toMatch(/failed unexpectedly/);
    expect(result.exitCode).toBe(1);
    expect(result.outputs).toMatchObject({ status: 'rollback-failed', changed: 'true' });
    expect(result.annotations.find((a) => a.level === 'error')?.message).toMatch(
      new RegExp(
        `Restoring the previous records also failed: .*500.*Restore them by hand at cloudflare — ${name.replace(/\./g, '\\.')} must hold CNAME ${old.replace(/\./g, '\\.')} \\(TTL 300s\\)`,
      ),
    );
    expect(cf.records(zone).find((r) => r.name === name)).toMatchObject({ type: 'A', content: '127.0.0.1' });
    // The outputs are enough to undo it.
    const back = await run({ mode: 'rollback', previous: result.outputs.previous });
    expect(back.outputs.status).toBe('restored');
    expect(await served('CNAME')).toEqual([old]);
  });

  it("reads HTTP 200 with success: false as the failure it is, in the user's terms", async () => {
    cf.fail({
      method: 'GET',
      path: '/dns_records',
      status: 200,
      times: 1,
      code: 1000,
      message: 'Invalid zone',
    });
    const read = await run({ mode: 'plan', target: 'voice-bot.fly.dev' });
    expect(read.exitCode).toBe(1);
    expect(read.outputs.changed).toBe('false');
    expect(visibleLog(read.log)).not.toMatch(/failed unexpectedly/);
    expect(read.annotations[0].message).toMatch(
      /^Cloudflare answered GET .*dns_records with success: false \(HTTP 200\): Invalid zone \(1000\); nothing was changed\. Fix: run the step again/,
    );
    const before = writes().length;
    cf.fail({
      method: 'POST',
      path: '/batch',
      status: 200,
      times: 1,
      code: 81057,
      message: 'Record already exists.',
    });
    const write = await run({ mode: 'apply', target: 'voice-bot.fly.dev', 'tls-check': false });
    expect(write.exitCode).toBe(1);
    expect(write.outputs).toMatchObject({ status: 'failed', changed: 'false' });
    expect(write.annotations.find((a) => a.level === 'error')?.message).toMatch(
      /did not accept the change: .*success: false \(HTTP 200\): Record already exists\. \(81057\)\. The records were read back unchanged/,
    );
    expect(writes().length - before).toBe(1);
    expect(await served('CNAME')).toEqual([old]);
  });

  it('switches to a non-proxied record with automatic TTL (ttl: 1), served as 300s', async () => {
    const result = await run({ mode: 'apply', target: 'A=127.0.0.1', ttl: 1, 'tls-check': false });
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ status: 'applied', propagated: 'true' });
    expect(cf.records(zone).find((r) => r.name === name)).toMatchObject({
      type: 'A',
      content: '127.0.0.1',
      ttl: 1,
      proxied: false,
    });
    const answer = await queryDns(parseServer(cf.dnsAddress)!, name, 'A');
    expect(answer.records[0]).toMatchObject({ data: '127.0.0.1', ttl: 300 });
    const back = await run({ mode: 'rollback', previous: result.outputs.previous });
    expect(back.outputs.status).toBe('restored');
  });

  it('keeps a proxied record proxied (TTL automatic) and verifies it through the API', async () => {
    const result = await run({
      name: 'cdn',
      mode: 'apply',
      target: 'voice-bot.fly.dev',
      'connect-to': `127.0.0.1:${targets.fly.port}`,
    });
    expect(result.exitCode).toBe(0);
    const record = cf.records(zone).find((r) => r.name === 'cdn.voicebot.example')!;
    expect(record).toMatchObject({ type: 'CNAME', content: 'voice-bot.fly.dev', proxied: true, ttl: 1 });
    expect(result.summary).toMatch(/proxied by Cloudflare/);
  });

  it("puts a rejected token and an unknown zone in the user's terms, and keeps the token out of everything", async () => {
    const bad = await run({ mode: 'plan', target: 'voice-bot.fly.dev', 'api-token': 'not-the-token-987' });
    expect(bad.exitCode).toBe(1);
    expect(visibleLog(bad.log)).toMatch(
      /input 'api-token': Cloudflare rejected the api-token: Invalid access token \(9109\)/,
    );
    for (const text of [visibleLog(bad.log), bad.summary, JSON.stringify(bad.outputs)])
      expect(text).not.toContain('not-the-token-987');
    const none = await run({
      mode: 'plan',
      zone: 'nowhere.example',
      name: 'api.nowhere.example',
      target: 'voice-bot.fly.dev',
    });
    expect(none.exitCode).toBe(1);
    expect(visibleLog(none.log)).toMatch(
      /input 'zone': zone nowhere\.example was not found in the Cloudflare account/,
    );
    const ok = await run({ mode: 'plan', target: 'voice-bot.fly.dev' });
    for (const text of [visibleLog(ok.log), ok.summary, JSON.stringify(ok.outputs)])
      expect(text).not.toContain(cf.token);
  });

  it('refuses a plan beyond max-changes unless forced', async () => {
    const before = writes().length;
    const refused = await run({
      mode: 'apply',
      target: 'A=127.0.0.1,A=127.0.0.2,AAAA=::1',
      'max-changes': 2,
      'tls-check': false,
    });
    expect(refused.exitCode).toBe(1);
    expect(refused.outputs.status).toBe('refused');
    expect(visibleLog(refused.log)).toMatch(
      /changes 4 records, more than max-changes \(2\); nothing was changed/,
    );
    expect(writes().length).toBe(before);
    const forced = await run({
      mode: 'apply',
      target: 'A=127.0.0.1,A=127.0.0.2,AAAA=::1',
      'max-changes': 2,
      force: true,
      'tls-check': false,
    });
    expect(forced.outputs.status).toBe('applied');
    expect((await served('A')).sort()).toEqual(['127.0.0.1', '127.0.0.2']);
    const back = await run({
      mode: 'rollback',
      previous: forced.outputs.previous,
      'max-changes': 2,
      force: true,
    });
    expect(back.outputs.status).toBe('restored');
  });

  it('rejects each bad input in one line before any API call', async () => {
    const cases: [Record<string, string | number>, RegExp][] = [
      [
        { name: 'api.other.example', target: 'voice-bot.fly.dev' },
        /input 'name': "api\.other\.example" is not inside the zone voicebot\.example/,
      ],
      [
        { provider: 'godaddy', target: 'voice-bot.fly.dev' },
        /input 'provider': "godaddy" is not a supported DNS provider\. Fix: use one of: cloudflare, route53, powerdns/,
      ],
      [
        { target: 'not a host!' },
        /input 'target': "not a host!" is neither a hostname nor a list of addresses/,
      ],
      [
        { target: 'A=300.1.1.1' },
        /input 'target': "A=300\.1\.1\.1" is neither a hostname nor a list of addresses/,
      ],
      [{ target: 'voice-bot.fly.dev', ttl: 5 }, /input 'ttl': 5 is outside 30–86400 seconds/],
      [{ target: 'voice-bot.fly.dev', ttl: 100000 }, /input 'ttl': 100000 is outside 30–86400 seconds/],
      [
        { target: 'voice-bot.fly.dev', mode: 'destroy' },
        /input 'mode': "destroy" is not one of the accepted values/,
      ],
      [
        { target: 'voice-bot.fly.dev', resolvers: 'dns.google' },
        /input 'resolvers': "dns\.google" is neither ip\[:port\] nor a DNS-over-HTTPS URL/,
      ],
      [{ mode: 'rollback', previous: '{"oops":1}' }, /input 'previous': is not a dns-cutover snapshot/],
      [
        { target: 'voice-bot.fly.dev', 'health-url': 'https://www.voicebot.example/health' },
        /input 'health-url': is for www\.voicebot\.example, not api\.voicebot\.example/,
      ],
    ];
    const before = cf.calls().length;
    for (const [inputs, message] of cases) {
      const result = await run({ mode: 'apply', ...inputs });
      expect(result.exitCode).toBe(1);
      expect(result.annotations.filter((a) => a.level === 'error')).toHaveLength(1);
      expect(result.annotations[0].message).toMatch(message);
    }
    expect(cf.calls().length).toBe(before);
  });
});
