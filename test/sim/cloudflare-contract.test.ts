import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  cloudflareProvider,
  ENVELOPE_FIELDS,
  RECORD_FIELDS,
  ZONE_FIELDS,
} from '../../src/dns/providers/cloudflare.js';
import { startCloudflareSim, type CloudflareSim } from '../../src/sim/cloudflare/index.js';

/**
 * Cloudflare's published API schemas (github.com/cloudflare/api-schemas, openapi.json at commit
 * ebdfba7e8ee533e5ae625088257e226d62b5662c, BSD-3-Clause), as a data table of what the DNS-record routes
 * promise: `dns-records_dns-record` (its `required` list and the property types of
 * `dns-records_name`, `_proxied`, `_ttl`, `_identifier`), `dns-records_messages` and `_result_info`, and
 * the `api-response-common` envelope. The stand-in and the client's contract are both held to it.
 *
 * The zones routes the client calls (`GET /zones?name=…`, List Zones; and Get Zone, which the stand-in also
 * serves), from the same commit: `zones_zone` (its `required` list, `zones_identifier`'s maxLength 32,
 * `name`'s maxLength 253 and the nullable fields), `zones_api-response-common` / `-failure`, and the
 * query parameters List Zones declares (`per_page` 5–50, default 20; `page` ≥ 1; `name` ≤ 253).
 */
const SCHEMA = {
  commit: 'ebdfba7e8ee533e5ae625088257e226d62b5662c',
  envelope: {
    required: ['success', 'errors', 'messages', 'result'],
    types: { success: 'boolean', errors: 'array', messages: 'array' },
  },
  message: { required: ['code', 'message'], types: { code: 'integer>=1000', message: 'string' } },
  resultInfo: { types: { count: 'number', page: 'number', per_page: 'number', total_count: 'number' } },
  record: {
    required: [
      'id',
      'type',
      'name',
      'content',
      'proxiable',
      'locked',
      'zone_name',
      'created_on',
      'modified_on',
    ],
    types: {
      id: 'string<=32',
      type: 'string',
      name: 'string<=255',
      content: 'string',
      proxied: 'boolean',
      ttl: 'ttl',
      comment: 'string',
    },
  },
  zone: {
    required: [
      'id',
      'name',
      'development_mode',
      'owner',
      'account',
      'meta',
      'name_servers',
      'original_name_servers',
      'original_registrar',
      'original_dnshost',
      'created_on',
      'modified_on',
      'activated_on',
    ],
    types: {
      id: 'string<=32',
      name: 'string<=253',
      development_mode: 'number',
      owner: 'object',
      account: 'object',
      meta: 'object',
      name_servers: 'array',
      original_name_servers: 'array|null',
      original_registrar: 'string|null',
      original_dnshost: 'string<=50|null',
      created_on: 'string',
      modified_on: 'string',
      activated_on: 'string|null',
      vanity_name_servers: 'array',
    },
  },
  listZonesQuery: {
    name: 'string<=253',
    status: 'enum:initializing,pending,active,moved',
    'account.id': 'string',
    'account.name': 'string<=253',
    page: 'number>=1',
    per_page: 'number5-50',
    order: 'enum:name,status,account.id,account.name',
    direction: 'enum:asc,desc',
    match: 'enum:any,all',
  },
} as const;

function conforms(value: unknown, type: string): boolean {
  if (type.endsWith('|null')) return value === null || conforms(value, type.slice(0, -'|null'.length));
  if (type.startsWith('enum:')) return typeof value === 'string' && type.slice(5).split(',').includes(value);
  switch (type) {
    case 'number>=1':
      return Number(value) >= 1;
    case 'number5-50':
      return Number(value) >= 5 && Number(value) <= 50;
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'string<=50':
      return typeof value === 'string' && value.length <= 50;
    case 'string<=253':
      return typeof value === 'string' && value.length <= 253;
    case 'integer>=1000':
      return Number.isInteger(value) && (value as number) >= 1000;
    case 'string<=32':
      return typeof value === 'string' && value.length <= 32;
    case 'string<=255':
      return typeof value === 'string' && value.length <= 255;
    case 'ttl':
      return value === 1 || (typeof value === 'number' && value >= 30 && value <= 86400);
    case 'array':
      return Array.isArray(value);
    default:
      return value === null || typeof value === type;
  }
}

function problems(
  item: Record<string, unknown>,
  spec: { required?: readonly string[]; types: Record<string, string> },
): string[] {
  const missing = (spec.required ?? []).filter((f) => !(f in item)).map((f) => `missing ${f}`);
  const wrong = Object.entries(spec.types)
    .filter(([f, t]) => f in item && !conforms(item[f], t))
    .map(([f, t]) => `${f} is not ${t}`);
  return [...missing, ...wrong];
}

let cf: CloudflareSim;
beforeAll(async () => {
  cf = await startCloudflareSim({
    zones: [{ name: 'schema.test', records: [{ type: 'A', name: 'api', content: '192.0.2.1', ttl: 300 }] }],
  });
});
afterAll(() => cf.close());

const get = async (path: string, init: RequestInit = {}) => {
  const res = await fetch(`${cf.apiUrl}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${cf.token}`, 'content-type': 'application/json' },
  });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    body: (await res.json()) as Record<string, unknown>,
  };
};

describe(`the Cloudflare stand-in answers as api-schemas@${SCHEMA.commit.slice(0, 7)} describes`, () => {
  it('lists DNS records in the envelope, each record with every required field', async () => {
    const zones = await get('/zones?name=schema.test');
    const zoneId = (zones.body.result as { id: string }[])[0].id;
    const { status, type, body } = await get(`/zones/${zoneId}/dns_records?name.exact=api.schema.test`);
    expect([status, type]).toEqual([200, expect.stringMatching(/^application\/json/)]);
    expect(problems(body, SCHEMA.envelope)).toEqual([]);
    expect(problems(body.result_info as Record<string, unknown>, SCHEMA.resultInfo)).toEqual([]);
    const records = body.result as Record<string, unknown>[];
    expect(records.length).toBe(1);
    for (const record of records) expect(problems(record, SCHEMA.record)).toEqual([]);
  });

  it('answers a failure in the envelope with coded messages', async () => {
    const { status, body } = await get('/zones/0123456789abcdef0123456789abcdef/dns_records');
    expect(status).toBeGreaterThanOrEqual(400);
    expect(problems(body, SCHEMA.envelope)).toEqual([]);
    expect(body.success).toBe(false);
    for (const error of body.errors as Record<string, unknown>[])
      expect(problems(error, SCHEMA.message)).toEqual([]);
  });
});

describe(`the Cloudflare stand-in's zones routes answer as api-schemas@${SCHEMA.commit.slice(0, 7)} describes`, () => {
  it('lists zones in the envelope, each zone with every field zones_zone requires', async () => {
    const { status, type, body } = await get('/zones?name=schema.test&per_page=50');
    expect([status, type]).toEqual([200, expect.stringMatching(/^application\/json/)]);
    expect(problems(body, SCHEMA.envelope)).toEqual([]);
    expect(problems(body.result_info as Record<string, unknown>, SCHEMA.resultInfo)).toEqual([]);
    const zones = body.result as Record<string, unknown>[];
    expect(zones.map((z) => z.name)).toEqual(['schema.test']);
    for (const zone of zones) expect(problems(zone, SCHEMA.zone)).toEqual([]);
  });

  it('gets one zone in the envelope with every required field', async () => {
    const listed = await get('/zones?name=schema.test');
    const id = (listed.body.result as { id: string }[])[0].id;
    const { status, body } = await get(`/zones/${id}`);
    expect(status).toBe(200);
    expect(problems(body, SCHEMA.envelope)).toEqual([]);
    expect(problems(body.result as Record<string, unknown>, SCHEMA.zone)).toEqual([]);
    expect(body.result).toMatchObject({ id, name: 'schema.test' });
  });

  it('answers an unknown zone with the failure envelope (result null, coded errors)', async () => {
    const { status, body } = await get('/zones/0123456789abcdef0123456789abcdef');
    expect(status).toBe(404);
    expect(problems(body, SCHEMA.envelope)).toEqual([]);
    expect(body).toMatchObject({ success: false, result: null });
    expect((body.errors as unknown[]).length).toBeGreaterThan(0);
    for (const error of body.errors as Record<string, unknown>[])
      expect(problems(error, SCHEMA.message)).toEqual([]);
  });

  it('pages zones as List Zones declares them: 20 by default, never more than 50', async () => {
    const byDefault = await get('/zones');
    expect(byDefault.body.result_info).toMatchObject({ page: 1, per_page: 20 });
    const tooMany = await get('/zones?per_page=500');
    expect(tooMany.body.result_info).toMatchObject({ per_page: 50 });
    expect(
      conforms((tooMany.body.result_info as { per_page: number }).per_page, SCHEMA.listZonesQuery.per_page),
    ).toBe(true);
  });
});

describe("the client's Cloudflare contract names only fields the schema defines, with its types", () => {
  it.each(Object.entries(ZONE_FIELDS))('zone field %s: %s', (field, shape) => {
    const declared = SCHEMA.zone.types[field as keyof typeof SCHEMA.zone.types];
    expect(declared).toBeDefined();
    expect(shape.replace('?', '')).toBe(declared.replace(/<=\d+/, '').replace('|null', ''));
    if (!shape.endsWith('?')) expect(SCHEMA.zone.required).toContain(field);
  });
  it('asks List Zones only with parameters it declares, within their bounds', async () => {
    const before = cf.calls().length;
    const provider = cloudflareProvider({ zone: 'schema.test.', apiUrl: cf.apiUrl, apiToken: cf.token });
    expect((await provider.zone()).name).toBe('schema.test');
    const listed = cf
      .calls()
      .slice(before)
      .filter((c) => c.method === 'GET' && c.path === '/zones');
    expect(listed).toHaveLength(1);
    for (const [name, value] of Object.entries(listed[0].query)) {
      const declared = SCHEMA.listZonesQuery[name as keyof typeof SCHEMA.listZonesQuery];
      expect([name, declared]).toEqual([name, expect.any(String)]);
      expect([name, value, conforms(value, declared)]).toEqual([name, value, true]);
    }
  });
  it.each(Object.entries(RECORD_FIELDS))('record field %s: %s', (field, shape) => {
    const declared = SCHEMA.record.types[field as keyof typeof SCHEMA.record.types];
    expect(declared).toBeDefined();
    const base = declared.replace(/<=\d+$/, '').replace('ttl', 'number');
    expect(shape.replace('?', '')).toBe(base);
    // A field the client requires must be one the schema requires (or always sent, like ttl).
    if (!shape.endsWith('?')) expect([...SCHEMA.record.required, 'ttl']).toContain(field);
  });
  it.each(Object.entries(ENVELOPE_FIELDS))('envelope field %s: %s', (field, shape) => {
    expect(SCHEMA.envelope.required).toContain(field);
    expect(SCHEMA.envelope.types[field as keyof typeof SCHEMA.envelope.types]).toBe(shape);
  });
});
