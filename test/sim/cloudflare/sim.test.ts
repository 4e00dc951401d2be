import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startCloudflareSim, type CloudflareSim } from '../../../src/sim/cloudflare/index.js';
import { parseServer, queryDns } from '../../../src/dns/query.js';
import { EDGE } from '../../../src/sim/cloudflare/dns.js';

/** The stand-in follows the v4 contract (envelope, auth, batch transaction, validation) and serves DNS from the same records. */
describe('Cloudflare stand-in', () => {
  let cf: CloudflareSim;
  let zoneId: string;
  const api = async (method: string, path: string, body?: unknown, token?: string) => {
    const res = await fetch(`${cf.apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token ?? cf.token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return {
      status: res.status,
      body: (await res.json()) as {
        success: boolean;
        errors: { code: number; message: string }[];
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions look into the JSON freely
        result: any;
        result_info?: Record<string, unknown>;
      },
    };
  };

  beforeAll(async () => {
    cf = await startCloudflareSim({
      zones: [
        {
          name: 'shop.example',
          records: [
            { type: 'A', name: 'www', content: '192.0.2.1', ttl: 120 },
            { type: 'CNAME', name: 'cdn', content: 'origin.shop.example', proxied: true },
            { type: 'A', name: 'origin', content: '192.0.2.9', ttl: 60 },
          ],
        },
      ],
    });
    zoneId = (await api('GET', '/zones?name=shop.example')).body.result[0].id;
  });
  afterAll(async () => cf?.close());

  it('answers in the v4 envelope, pages lists, and rejects a bad token with 403/9109', async () => {
    const list = await api('GET', `/zones/${zoneId}/dns_records?name.exact=www.shop.example`);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({
      success: true,
      errors: [],
      result: [{ type: 'A', content: '192.0.2.1', ttl: 120, proxied: false }],
    });
    expect(list.body.result_info).toMatchObject({ page: 1, total_count: 1, total_pages: 1 });
    const denied = await api('GET', '/zones', undefined, 'nope');
    expect(denied).toMatchObject({ status: 403, body: { success: false, errors: [{ code: 9109 }] } });
    const unknown = await api('GET', '/zones/0000/dns_records');
    expect(unknown).toMatchObject({ status: 404, body: { success: false, errors: [{ code: 7003 }] } });
  });

  it('runs a batch as one transaction: a conflicting post leaves everything as it was', async () => {
    const www = (await api('GET', `/zones/${zoneId}/dns_records?name.exact=www.shop.example`)).body.result[0];
    // The CNAME cannot sit next to the A: the delete of the A is missing, so nothing at all may change.
    const bad = await api('POST', `/zones/${zoneId}/dns_records/batch`, {
      patches: [{ id: www.id, ttl: 300 }],
      posts: [{ type: 'CNAME', name: 'www', content: 'x.fly.dev', ttl: 60 }],
    });
    expect(bad).toMatchObject({ status: 400, body: { success: false, errors: [{ code: 81053 }] } });
    expect(cf.records('shop.example').find((r) => r.id === www.id)?.ttl).toBe(120);
    const good = await api('POST', `/zones/${zoneId}/dns_records/batch`, {
      deletes: [{ id: www.id }],
      posts: [{ type: 'CNAME', name: 'www', content: 'x.fly.dev', ttl: 60 }],
    });
    expect(good.body.success).toBe(true);
    expect(
      cf
        .records('shop.example')
        .filter((r) => r.name === 'www.shop.example')
        .map((r) => `${r.type} ${r.content}`),
    ).toEqual(['CNAME x.fly.dev']);
  });

  it('validates TTL and content like the API (9021, 9005)', async () => {
    expect(
      (
        await api('POST', `/zones/${zoneId}/dns_records`, {
          type: 'A',
          name: 't',
          content: '192.0.2.3',
          ttl: 10,
        })
      ).body.errors[0].code,
    ).toBe(9021);
    expect(
      (await api('POST', `/zones/${zoneId}/dns_records`, { type: 'A', name: 't', content: 'nope', ttl: 60 }))
        .body.errors[0].code,
    ).toBe(9005);
  });

  it('serves the records over UDP and DoH: authoritative, CNAME chased in-zone, proxied names as edge addresses, NXDOMAIN', async () => {
    const udp = parseServer(cf.dnsAddress)!;
    const www = await queryDns(udp, 'www.shop.example', 'A');
    expect(www).toMatchObject({
      rcode: 'NOERROR',
      authoritative: true,
      records: [{ type: 'CNAME', data: 'x.fly.dev', ttl: 60 }],
    });
    const cdn = await queryDns(udp, 'cdn.shop.example', 'A');
    expect(cdn.records.map((r) => r.data)).toEqual(EDGE.A);
    const origin = await queryDns(parseServer(cf.dohUrl)!, 'origin.shop.example', 'A', { recursion: true });
    expect(origin.records).toEqual([{ name: 'origin.shop.example', type: 'A', ttl: 60, data: '192.0.2.9' }]);
    expect((await queryDns(udp, 'missing.shop.example', 'A')).rcode).toBe('NXDOMAIN');
    expect((await queryDns(udp, 'elsewhere.example', 'A')).rcode).toBe('REFUSED');
  });

  it('serves a change only after the simulated edge delay', async () => {
    cf.setPropagationDelay(300);
    const origin = cf.records('shop.example').find((r) => r.name === 'origin.shop.example')!;
    const changed = Date.now();
    await api('PATCH', `/zones/${zoneId}/dns_records/${origin.id}`, { content: '192.0.2.77' });
    const udp = parseServer(cf.dnsAddress)!;
    expect((await queryDns(udp, 'origin.shop.example', 'A')).records[0].data).toBe('192.0.2.9');
    // Poll rather than sleep: the new answer must come, and never before the edge delay has passed.
    let served = '';
    while (served !== '192.0.2.77' && Date.now() - changed < 10_000) {
      served = (await queryDns(udp, 'origin.shop.example', 'A')).records[0].data;
      if (served !== '192.0.2.77') await new Promise((r) => setTimeout(r, 20));
    }
    expect(served).toBe('192.0.2.77');
    expect(Date.now() - changed).toBeGreaterThanOrEqual(300);
    cf.setPropagationDelay(0);
  });
});
