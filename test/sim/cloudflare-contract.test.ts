import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ENVELOPE_FIELDS, RECORD_FIELDS } from '../../src/dns/providers/cloudflare.js';
import { startCloudflareSim, type CloudflareSim } from '../../src/sim/cloudflare/index.js';

/**
 * Cloudflare's published API schemas (github.com/cloudflare/api-schemas, openapi.json at commit
 * ebdfba7e8ee533e5ae625088257e226d62b5662c, BSD-3-Clause), as a data table of what the DNS-record routes
 * promise: `dns-records_dns-record` (its `required` list and the property types of
 * `dns-records_name`, `_proxied`, `_ttl`, `_identifier`), `dns-records_messages` and `_result_info`, and
 * the `api-response-common` envelope. The stand-in and the client's contract are both held to it.
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
} as const;

function conforms(value: unknown, type: string): boolean {
  switch (type) {
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

describe("the client's Cloudflare contract names only fields the schema defines, with its types", () => {
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
