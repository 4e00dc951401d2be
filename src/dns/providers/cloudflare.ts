import { checkEach, checkFields, pathId } from '../../core/contract.js';
import { HttpClient } from '../../core/http.js';
import { ApiError, UserError } from '../../core/errors.js';
import type { ChangePlan } from '../plan.js';
import type { DnsProvider, ProviderConfig, ZoneInfo } from '../provider.js';
import { CUTOVER_TYPES, normalizeValue, stripDot, type CutoverType, type RecordSet } from '../records.js';

interface Envelope<T> {
  success: boolean;
  errors: { code: number; message: string }[];
  messages?: unknown[];
  result: T;
  result_info?: { page: number; per_page: number; total_pages: number; count: number; total_count: number };
}

interface CfRecord {
  id: string;
  name: string;
  type: string;
  content: string;
  ttl: number;
  proxied?: boolean;
  comment?: string | null;
}

const AUTH_CODES = new Set([9106, 9109, 10000, 10001]);

/**
 * Cloudflare API v4. Every answer is the `{success, errors, result}` envelope, and `success` is
 * checked as well as the status. A change is one `dns_records/batch` call, which Cloudflare runs as a
 * single transaction in the order deletes, patches, puts, posts (its edge propagation is per record).
 */
export function cloudflareProvider(config: ProviderConfig): DnsProvider {
  const token = config.apiToken;
  if (!token)
    throw new UserError('Cloudflare needs an API token with DNS Write.', {
      input: 'api-token',
      fix: 'pass secrets.CLOUDFLARE_API_TOKEN.',
    });
  const http = new HttpClient({
    service: 'Cloudflare',
    baseUrl: config.apiUrl ?? 'https://api.cloudflare.com/client/v4',
    headers: { authorization: `Bearer ${token}` },
    dispatcher: config.dispatcher,
    onCall: config.onCall,
    retry: { retries: 4, baseMs: 250 },
    timeouts: { firstByteMs: 15_000, bodyIdleMs: 15_000, totalMs: 30_000 },
    deadline: config.deadline,
    describeError: (status, body, method, path) => {
      const errors = parseErrors(body);
      const text = errors.map((e) => `${e.message} (${e.code})`).join('; ') || body.slice(0, 200);
      if (status === 401 || status === 403 || (status < 500 && errors.some((e) => AUTH_CODES.has(e.code))))
        return `Cloudflare rejected the api-token: ${text}.`;
      return `Cloudflare ${method} ${path} returned ${status}: ${text}`;
    },
  });
  let zoneCache: ZoneInfo | undefined;

  async function call<T>(
    method: string,
    path: string,
    options: {
      query?: Record<string, string | number>;
      body?: unknown;
      retry?: boolean;
      result?: (result: unknown) => string | undefined;
    } = {},
  ): Promise<Envelope<T>> {
    try {
      const response = await http.request<Envelope<T>>(method, path, {
        ...options,
        check: (body) => checkEnvelope(body, options.result),
      });
      const envelope = response.body;
      if (!envelope || typeof envelope !== 'object' || envelope.success !== true) {
        // Cloudflare can say no with HTTP 200 and success: false; that is a failure like any other.
        const errors = envelope && typeof envelope === 'object' ? (envelope.errors ?? []) : [];
        const text = errors.map((e) => `${e.message} (${e.code})`).join('; ') || 'no success flag';
        if (errors.some((e) => AUTH_CODES.has(e.code)))
          throw new ApiError(`Cloudflare rejected the api-token: ${text}.`, 403);
        throw new ApiError(
          `Cloudflare answered ${method} ${path} with success: false (HTTP ${response.status}): ${text}`,
          response.status,
        );
      }
      return envelope;
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status === 401 || status === 403 || /rejected the api-token/.test((error as Error).message)) {
        throw new UserError((error as Error).message, {
          input: 'api-token',
          fix: 'create a token with Zone:DNS:Edit for this zone.',
        });
      }
      throw error;
    }
  }

  async function zone(): Promise<ZoneInfo> {
    if (zoneCache) return zoneCache;
    const name = stripDot(config.zone);
    const found = await call<{ id: string; name: string; name_servers?: string[] }[]>('GET', 'zones', {
      query: { name, per_page: 50 },
      result: (result) => checkEach(result, ZONE_FIELDS, 'zones'),
    });
    const match = found.result.find((z) => stripDot(z.name) === name);
    if (!match) {
      throw new UserError(`zone ${name} was not found in the Cloudflare account this token can see.`, {
        input: 'zone',
        fix: 'check the spelling, or give the token access to this zone.',
      });
    }
    zoneCache = {
      name,
      id: pathId('Cloudflare zone id', match.id),
      nameservers: (match.name_servers ?? []).map(stripDot),
    };
    return zoneCache;
  }

  async function list(name: string): Promise<CfRecord[]> {
    const { id } = await zone();
    const records: CfRecord[] = [];
    for (let page = 1; ; page++) {
      const envelope = await call<CfRecord[]>('GET', `zones/${id}/dns_records`, {
        query: { 'name.exact': name, per_page: 100, page },
        result: (result) => checkEach(result, RECORD_FIELDS, 'dns_records'),
      });
      records.push(...envelope.result);
      if (!envelope.result_info || page >= envelope.result_info.total_pages) break;
    }
    return records;
  }

  return {
    name: 'cloudflare',
    zone,
    async read(name: string): Promise<RecordSet[]> {
      const records = (await list(stripDot(name))).filter((r) =>
        (CUTOVER_TYPES as readonly string[]).includes(r.type),
      );
      const sets: RecordSet[] = [];
      for (const type of CUTOVER_TYPES) {
        const ofType = records.filter((r) => r.type === type);
        if (!ofType.length) continue;
        sets.push({
          name: stripDot(name),
          type: type as CutoverType,
          ttl: ofType[0].ttl,
          values: ofType.map((r) => normalizeValue(type, r.content)),
          proxied: ofType.some((r) => r.proxied) || undefined,
          providerData: { ids: ofType.map((r) => r.id), comment: ofType[0].comment ?? undefined },
        });
      }
      return sets;
    },
    async apply(plan: ChangePlan) {
      const { id } = await zone();
      // Ids are re-read rather than trusted from the plan: a `previous` snapshot from another run names
      // records that no longer exist.
      const existing = await list(stripDot(plan.name));
      const touched = new Set<string>([
        ...plan.deletes.map((s) => s.type),
        ...plan.upserts.map((u) => u.to.type),
      ]);
      const deletes = existing.filter((r) => touched.has(r.type)).map((r) => ({ id: r.id }));
      const posts = plan.upserts.flatMap(({ to }) =>
        to.values.map((content) => ({
          type: to.type,
          name: to.name,
          content,
          ttl: to.proxied ? 1 : to.ttl,
          proxied: Boolean(to.proxied),
          ...((to.providerData as { comment?: string } | undefined)?.comment
            ? { comment: (to.providerData as { comment: string }).comment }
            : {}),
        })),
      );
      await call('POST', `zones/${id}/dns_records/batch`, { body: { deletes, posts }, retry: false });
      return { acceptedAt: Date.now(), requests: 2 };
    },
  };
}

/**
 * The fields a decision reads, as Cloudflare's API schemas describe them (checked against the published
 * schemas in test/sim/cloudflare-contract.test.ts).
 */
export const ZONE_FIELDS = { id: 'string', name: 'string', name_servers: 'array?' } as const;
export const RECORD_FIELDS = {
  id: 'string',
  name: 'string',
  type: 'string',
  content: 'string',
  ttl: 'number',
  proxied: 'boolean?',
  comment: 'string?',
} as const;
export const ENVELOPE_FIELDS = { success: 'boolean', errors: 'array' } as const;

/** Every answer is the `{success, errors, result}` envelope; on success, `result` has what is read. */
function checkEnvelope(body: unknown, result?: (result: unknown) => string | undefined): string | undefined {
  const problem = checkFields(body, ENVELOPE_FIELDS, 'the envelope');
  if (problem) return problem;
  const envelope = body as { success: boolean; result?: unknown };
  return envelope.success && result ? result(envelope.result) : undefined;
}

function parseErrors(body: string): { code: number; message: string }[] {
  try {
    const parsed = JSON.parse(body) as { errors?: { code: number; message: string }[] };
    return Array.isArray(parsed.errors) ? parsed.errors : [];
  } catch {
    return [];
  }
}

export default cloudflareProvider;
