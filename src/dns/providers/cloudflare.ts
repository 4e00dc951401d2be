import { checkEach, checkFields, pathId } from '../../core/contract.js';
import type { HttpClient } from '../../core/http.js';
import { ApiError, UserError } from '../../core/errors.js';
import type { ChangePlan } from '../plan.js';
import type { ApplyReceipt, DnsProvider, ProviderConfig, ZoneInfo } from '../provider.js';
import { CUTOVER_TYPES, normalizeValue, stripDot, type RecordSet } from '../records.js';
import { isCutoverType, providerHttp } from './common.js';

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

interface CallOptions {
  query?: Record<string, string | number>;
  body?: unknown;
  retry?: boolean;
  /** Checks the envelope's `result` for the fields the caller reads. */
  result?: (result: unknown) => string | undefined;
}

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
  return new CloudflareProvider(config, token);
}

class CloudflareProvider implements DnsProvider {
  readonly name = 'cloudflare' as const;
  private readonly http: HttpClient;
  private zoneCache?: ZoneInfo;

  constructor(
    private readonly config: ProviderConfig,
    token: string,
  ) {
    this.http = providerHttp(config, {
      service: 'Cloudflare',
      baseUrl: config.apiUrl ?? 'https://api.cloudflare.com/client/v4',
      headers: { authorization: `Bearer ${token}` },
      retry: { retries: 4, baseMs: 250 },
      describeError,
    });
  }

  async zone(): Promise<ZoneInfo> {
    if (this.zoneCache) return this.zoneCache;
    const name = stripDot(this.config.zone);
    const found = await this.call<{ id: string; name: string; name_servers?: string[] }[]>('GET', 'zones', {
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
    this.zoneCache = {
      name,
      id: pathId('Cloudflare zone id', match.id),
      nameservers: (match.name_servers ?? []).map(stripDot),
    };
    return this.zoneCache;
  }

  /** Cloudflare keeps one record per value; the cutover's record set is all of one type at the name. */
  async read(name: string): Promise<RecordSet[]> {
    const records = (await this.list(stripDot(name))).filter((r) => isCutoverType(r.type));
    const sets: RecordSet[] = [];
    for (const type of CUTOVER_TYPES) {
      const ofType = records.filter((r) => r.type === type);
      if (!ofType.length) continue;
      sets.push({
        name: stripDot(name),
        type,
        ttl: ofType[0].ttl,
        values: ofType.map((r) => normalizeValue(type, r.content)),
        proxied: ofType.some((r) => r.proxied) || undefined,
        providerData: { ids: ofType.map((r) => r.id), comment: ofType[0].comment ?? undefined },
      });
    }
    return sets;
  }

  async apply(plan: ChangePlan): Promise<ApplyReceipt> {
    const { id } = await this.zone();
    // Ids are re-read rather than trusted from the plan: a `previous` snapshot from another run names
    // records that no longer exist.
    const existing = await this.list(stripDot(plan.name));
    const body = batchBody(plan, existing);
    await this.call('POST', `zones/${id}/dns_records/batch`, { body, retry: false });
    return { acceptedAt: Date.now(), requests: 2 };
  }

  /** Every record at `name`, all pages. */
  private async list(name: string): Promise<CfRecord[]> {
    const { id } = await this.zone();
    const records: CfRecord[] = [];
    for (let page = 1; ; page++) {
      const envelope = await this.call<CfRecord[]>('GET', `zones/${id}/dns_records`, {
        query: { 'name.exact': name, per_page: 100, page },
        result: (result) => checkEach(result, RECORD_FIELDS, 'dns_records'),
      });
      records.push(...envelope.result);
      if (!envelope.result_info || page >= envelope.result_info.total_pages) break;
    }
    return records;
  }

  /** One API call whose envelope says `success: true`; a rejected token is the user's to fix. */
  private async call<T>(method: string, path: string, options: CallOptions = {}): Promise<Envelope<T>> {
    try {
      const response = await this.http.request<Envelope<T>>(method, path, {
        ...options,
        check: (body) => checkEnvelope(body, options.result),
      });
      return successful(response.body, response.status, method, path);
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
}

/** Cloudflare can say no with HTTP 200 and success: false; that is a failure like any other. */
function successful<T>(envelope: Envelope<T>, status: number, method: string, path: string): Envelope<T> {
  if (envelope && typeof envelope === 'object' && envelope.success === true) return envelope;
  const errors = envelope && typeof envelope === 'object' ? (envelope.errors ?? []) : [];
  const text = errors.map((e) => `${e.message} (${e.code})`).join('; ') || 'no success flag';
  if (errors.some((e) => AUTH_CODES.has(e.code)))
    throw new ApiError(`Cloudflare rejected the api-token: ${text}.`, 403);
  throw new ApiError(
    `Cloudflare answered ${method} ${path} with success: false (HTTP ${status}): ${text}`,
    status,
  );
}

/** An unsuccessful answer in the user's terms, naming the token when Cloudflare's error codes blame it. */
function describeError(status: number, body: string, method: string, path: string): string {
  const errors = parseErrors(body);
  const text = errors.map((e) => `${e.message} (${e.code})`).join('; ') || body.slice(0, 200);
  if (status === 401 || status === 403 || (status < 500 && errors.some((e) => AUTH_CODES.has(e.code))))
    return `Cloudflare rejected the api-token: ${text}.`;
  return `Cloudflare ${method} ${path} returned ${status}: ${text}`;
}

/**
 * The batch body: every existing record of a touched type is deleted and the new values posted, one
 * record per value (a proxied record's TTL is 1, "automatic"); a record's comment is carried over.
 */
function batchBody(plan: ChangePlan, existing: CfRecord[]) {
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
  return { deletes, posts };
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
