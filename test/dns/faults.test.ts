import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cutover } from '../../src/dns/cutover.js';
import type { CutoverOptions } from '../../src/dns/options.js';
import { parseTarget } from '../../src/dns/records.js';
import { renderCutoverSummary } from '../../src/dns/summary.js';
import { startCloudflareSim, type CloudflareSim } from '../../src/sim/cloudflare/index.js';

/** Faults at the provider end in a safe state, and the result says what happened. */
describe('cutover under provider faults (Cloudflare stand-in)', () => {
  let cf: CloudflareSim;
  let base: Omit<CutoverOptions, 'mode' | 'target'>;
  beforeAll(async () => {
    cf = await startCloudflareSim({
      zones: [
        {
          name: 'f.example',
          records: [{ type: 'CNAME', name: 'api', content: 'old.elb.amazonaws.com', ttl: 300 }],
        },
      ],
    });
    base = {
      provider: 'cloudflare',
      apiUrl: cf.apiUrl,
      apiToken: cf.token,
      zone: 'f.example',
      name: 'api.f.example',
      ttl: 60,
      nameservers: [cf.dnsAddress],
      resolvers: [],
      verifyTimeoutMs: 3000,
      tlsCheck: false,
      maxChanges: 10,
      force: false,
    };
  });
  afterAll(async () => cf?.close());

  /** An apply verified on the zone's own nameservers, at the addresses `resolveNameserver` gives them. */
  const applyOnZoneNameservers = (
    target: string,
    verifyTimeoutMs: number,
    resolveNameserver: CutoverOptions['resolveNameserver'],
  ) =>
    cutover({
      ...base,
      mode: 'apply',
      target: parseTarget(target)!,
      nameservers: [],
      verifyTimeoutMs,
      resolveNameserver,
    });

  it('retries a rate-limited read and goes on', async () => {
    cf.fail({ method: 'GET', path: '/dns_records', status: 429, times: 2 });
    const result = await cutover({ ...base, mode: 'plan', target: parseTarget('voice-bot.fly.dev')! });
    expect(result.status).toBe('planned');
    expect(cf.calls().filter((c) => c.status === 429)).toHaveLength(2);
  });

  it('does not retry a failed write, confirms nothing changed, and says so', async () => {
    cf.fail({ method: 'POST', path: '/batch', status: 500, times: 1 });
    const result = await cutover({ ...base, mode: 'apply', target: parseTarget('voice-bot.fly.dev')! });
    expect(result).toMatchObject({ ok: false, status: 'failed', changed: false });
    expect(result.failure).toMatch(/did not accept the change.*read back unchanged/);
    expect(cf.calls().filter((c) => c.method === 'POST')).toHaveLength(1);
    expect(cf.records('f.example')[0]).toMatchObject({ type: 'CNAME', content: 'old.elb.amazonaws.com' });
  });

  it('restores the records when the batch was carried out but its answer was an error', async () => {
    cf.fail({ method: 'POST', path: '/batch', status: 502, times: 1, applied: true });
    const states: { changed: boolean }[] = [];
    const result = await cutover({
      ...base,
      mode: 'apply',
      target: parseTarget('lost-answer.fly.dev')!,
      onState: (state) => states.push({ changed: state.changed }),
    });
    expect(result).toMatchObject({ ok: false, status: 'rolled-back', changed: false, sent: true });
    expect(result.failure).toMatch(
      /cloudflare did not confirm the change \(.*502.*\), and the records read back changed\. The previous records were put back and verified/,
    );
    expect(states.map((s) => s.changed)).toEqual([false, false, true, false]);
    expect(cf.records('f.example')[0]).toMatchObject({ type: 'CNAME', content: 'old.elb.amazonaws.com' });
  });

  it('rolls back when a nameserver never answers the new records in time', async () => {
    // A nameserver that never answers: the change cannot be proven, so it is undone.
    const result = await cutover({
      ...base,
      mode: 'apply',
      target: parseTarget('voice-bot.fly.dev')!,
      nameservers: [cf.dnsAddress, '127.0.0.1:9'],
      verifyTimeoutMs: 1500,
    });
    expect(result).toMatchObject({ status: 'rollback-failed', changed: false });
    expect(result.failure).toMatch(
      /127\.0\.0\.1:9 .*did not answer the new records within 1\.5s\. The previous records were put back, but not verified: 127\.0\.0\.1:9/,
    );
    expect(cf.records('f.example')[0]).toMatchObject({ type: 'CNAME', content: 'old.elb.amazonaws.com' });
  });

  it("verifies on the zone's own nameservers when their IPv6 addresses cannot be reached from this host", async () => {
    const port = cf.dnsAddress.split(':')[1];
    const asked: string[] = [];
    // The zone lists ada/bob.ns.cloudflare.com; each resolves to a v4 address that answers and a v6
    // address nothing listens on, as a runner without IPv6 sees them.
    const result = await applyOnZoneNameservers('v6-less.fly.dev', 8000, async (host) => {
      asked.push(host);
      return [cf.dnsAddress, `[::1]:${port}`];
    });
    expect(asked).toEqual(['ada.ns.cloudflare.com', 'bob.ns.cloudflare.com']);
    expect(result.failure).toBeUndefined();
    expect(result).toMatchObject({ ok: true, status: 'applied', changed: true });
    const servers = result.verify!.servers;
    expect(servers.filter((s) => s.matched).map((s) => s.server)).toEqual([
      'cloudflare API',
      `ada.ns.cloudflare.com (${cf.dnsAddress})`,
      `bob.ns.cloudflare.com (${cf.dnsAddress})`,
    ]);
    expect(servers.filter((s) => s.unreachable).map((s) => s.server)).toEqual([
      `ada.ns.cloudflare.com ([::1]:${port})`,
      `bob.ns.cloudflare.com ([::1]:${port})`,
    ]);
    expect(renderCutoverSummary(result)).toMatch(/unreachable from this runner/);
    expect(cf.records('f.example')[0]).toMatchObject({ type: 'CNAME', content: 'v6-less.fly.dev' });
  });

  it('still rolls back when a nameserver has no address that answers', async () => {
    const port = cf.dnsAddress.split(':')[1];
    const result = await applyOnZoneNameservers('unproven.fly.dev', 1500, async (host) =>
      host.startsWith('ada') ? [cf.dnsAddress] : [`[::1]:${port}`],
    );
    expect(result.status).toMatch(/rolled-back|rollback-failed/);
    expect(result.failure).toMatch(
      /bob\.ns\.cloudflare\.com \(\[::1\]:\d+\).*did not answer the new records/,
    );
    expect(cf.records('f.example')[0]).toMatchObject({ type: 'CNAME', content: 'v6-less.fly.dev' });
  });
});
