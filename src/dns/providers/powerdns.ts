import { checkEach, checkFields, pathId } from '../../core/contract.js';
import type { HttpClient } from '../../core/http.js';
import { UserError } from '../../core/errors.js';
import type { ChangePlan } from '../plan.js';
import type { ApplyReceipt, DnsProvider, ProviderConfig, ZoneInfo } from '../provider.js';
import { normalizeValue, stripDot, withDot, type CutoverType, type RecordSet } from '../records.js';
import { isCutoverType, providerHttp, wireValue } from './common.js';

interface PdnsRrset {
  name: string;
  type: string;
  ttl: number;
  records: { content: string; disabled: boolean }[];
}

/**
 * PowerDNS Authoritative HTTP API (`/api/v1/servers/localhost`, `X-API-Key`). A change is one PATCH
 * of the zone, which PowerDNS applies atomically: DELETE of the old type and REPLACE of the new go in
 * the same body, which is the only way to switch a name between A and CNAME.
 */
export function powerdnsProvider(config: ProviderConfig): DnsProvider {
  if (!config.apiUrl)
    throw new UserError('PowerDNS needs the API address.', {
      input: 'api-url',
      fix: 'set api-url, e.g. http://127.0.0.1:8081.',
    });
  return new PowerDnsProvider(config, config.apiUrl);
}

class PowerDnsProvider implements DnsProvider {
  readonly name = 'powerdns' as const;
  private readonly http: HttpClient;
  /** The zone as PowerDNS names it, absolute: `inn.test.`. */
  private readonly zoneId: string;
  private readonly zonePath: string;

  constructor(config: ProviderConfig, apiUrl: string) {
    const base = apiUrl.replace(/\/+$/, '');
    this.http = providerHttp(config, {
      service: 'PowerDNS',
      baseUrl: /\/api\/v1\/servers\/[^/]+$/.test(base) ? base : `${base}/api/v1/servers/localhost`,
      headers: { 'x-api-key': config.apiToken ?? '' },
      retry: { retries: 3, baseMs: 200 },
      describeError: (status, body, method, path) => describeError(config.zone, status, body, method, path),
    });
    this.zoneId = withDot(config.zone);
    this.zonePath = `zones/${encodeURIComponent(pathId('zone', this.zoneId))}`;
  }

  /** The nameservers are the zone's own NS rrset at its apex. */
  async zone(): Promise<ZoneInfo> {
    const zone = await this.getZone();
    const ns = zone.rrsets.find((r) => r.type === 'NS' && stripDot(r.name) === stripDot(this.zoneId));
    return {
      name: stripDot(zone.name),
      id: zone.name,
      nameservers: (ns?.records ?? []).map((r) => stripDot(r.content)),
    };
  }

  /** The rrsets at `name`; disabled records are not served, so they do not count. */
  async read(name: string): Promise<RecordSet[]> {
    const zone = await this.getZone();
    return zone.rrsets
      .filter((r) => stripDot(r.name) === stripDot(name) && isCutoverType(r.type))
      .map((r) => ({
        name: stripDot(name),
        type: r.type as CutoverType,
        ttl: r.ttl,
        values: r.records
          .filter((rec) => !rec.disabled)
          .map((rec) => normalizeValue(r.type as CutoverType, rec.content)),
      }))
      .filter((set) => set.values.length > 0);
  }

  async apply(plan: ChangePlan): Promise<ApplyReceipt> {
    const rrsets = [
      ...plan.deletes.map((set) => ({ name: withDot(set.name), type: set.type, changetype: 'DELETE' })),
      ...plan.upserts.map(({ to }) => ({
        name: withDot(to.name),
        type: to.type,
        ttl: to.ttl,
        changetype: 'REPLACE',
        records: to.values.map((v) => ({ content: wireValue(to, v), disabled: false })),
      })),
    ];
    await this.http.request('PATCH', this.zonePath, { body: { rrsets } }).catch(inUserTerms);
    return { acceptedAt: Date.now(), requests: 1 };
  }

  private async getZone(): Promise<{ name: string; rrsets: PdnsRrset[] }> {
    const response = await this.http
      .request<{ name: string; rrsets: PdnsRrset[] }>('GET', this.zonePath, { check: checkZone })
      .catch(inUserTerms);
    return response.body;
  }
}

/** An unsuccessful answer in the user's terms; PowerDNS puts its reason in `error`, or answers in plain text. */
function describeError(zone: string, status: number, body: string, method: string, path: string): string {
  if (status === 401 || status === 403)
    return `PowerDNS rejected the api-token (${status} ${body.trim().slice(0, 60)}).`;
  if (status === 404 && path.includes('/zones/'))
    return `zone ${stripDot(zone)} was not found on the PowerDNS server.`;
  let detail = body.trim();
  try {
    detail = (JSON.parse(body) as { error?: string }).error ?? detail;
  } catch {
    // PowerDNS answers some errors in plain text.
  }
  return `PowerDNS ${method} ${path} returned ${status}: ${detail.slice(0, 300)}`;
}

/** A rejected key or a missing zone is the user's to fix, named by the input that holds it. */
function inUserTerms(error: unknown): never {
  const status = (error as { status?: number }).status;
  if (status === 401 || status === 403)
    throw new UserError((error as Error).message, {
      input: 'api-token',
      fix: 'use the PowerDNS api-key of this server.',
    });
  if (status === 404)
    throw new UserError((error as Error).message, {
      input: 'zone',
      fix: 'create the zone first or check its spelling.',
    });
  throw error;
}

/** What the cutover reads from a zone, as the PowerDNS API's Zone and RRSet objects define them. */
export const PDNS_ZONE_FIELDS = { name: 'string', rrsets: 'array' } as const;
export const PDNS_RRSET_FIELDS = { name: 'string', type: 'string', ttl: 'number', records: 'array' } as const;

function checkZone(body: unknown): string | undefined {
  return (
    checkFields(body, PDNS_ZONE_FIELDS, 'the zone') ??
    checkEach((body as { rrsets: unknown }).rrsets, PDNS_RRSET_FIELDS, 'rrsets')
  );
}

export default powerdnsProvider;
