import { checkEach, checkFields, pathId } from '../../core/contract.js';
import { HttpClient } from '../../core/http.js';
import { UserError } from '../../core/errors.js';
import type { ChangePlan } from '../plan.js';
import type { DnsProvider, ProviderConfig, ZoneInfo } from '../provider.js';
import {
  CUTOVER_TYPES,
  normalizeValue,
  stripDot,
  withDot,
  type CutoverType,
  type RecordSet,
} from '../records.js';

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
  const base = config.apiUrl.replace(/\/+$/, '');
  const server = /\/api\/v1\/servers\/[^/]+$/.test(base) ? base : `${base}/api/v1/servers/localhost`;
  const zoneId = withDot(config.zone);
  const http = new HttpClient({
    service: 'PowerDNS',
    baseUrl: server,
    headers: { 'x-api-key': config.apiToken ?? '' },
    dispatcher: config.dispatcher,
    onCall: config.onCall,
    retry: { retries: 3, baseMs: 200 },
    timeouts: { firstByteMs: 15_000, bodyIdleMs: 15_000, totalMs: 30_000 },
    deadline: config.deadline,
    describeError: (status, body, method, path) => {
      if (status === 401 || status === 403)
        return `PowerDNS rejected the api-token (${status} ${body.trim().slice(0, 60)}).`;
      if (status === 404 && path.includes('/zones/'))
        return `zone ${stripDot(config.zone)} was not found on the PowerDNS server.`;
      let detail = body.trim();
      try {
        detail = (JSON.parse(body) as { error?: string }).error ?? detail;
      } catch {
        // PowerDNS answers some errors in plain text.
      }
      return `PowerDNS ${method} ${path} returned ${status}: ${detail.slice(0, 300)}`;
    },
  });
  const zonePath = `zones/${encodeURIComponent(pathId('zone', zoneId))}`;
  const userTerms = (error: unknown): never => {
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
  };
  const getZone = async () => {
    const response = await http
      .request<{ name: string; rrsets: PdnsRrset[] }>('GET', zonePath, { check: checkZone })
      .catch(userTerms);
    return response.body;
  };

  return {
    name: 'powerdns',
    async zone(): Promise<ZoneInfo> {
      const zone = await getZone();
      const ns = zone.rrsets.find((r) => r.type === 'NS' && stripDot(r.name) === stripDot(zoneId));
      return {
        name: stripDot(zone.name),
        id: zone.name,
        nameservers: (ns?.records ?? []).map((r) => stripDot(r.content)),
      };
    },
    async read(name: string): Promise<RecordSet[]> {
      const zone = await getZone();
      return zone.rrsets
        .filter(
          (r) => stripDot(r.name) === stripDot(name) && (CUTOVER_TYPES as readonly string[]).includes(r.type),
        )
        .map((r) => ({
          name: stripDot(name),
          type: r.type as CutoverType,
          ttl: r.ttl,
          values: r.records
            .filter((rec) => !rec.disabled)
            .map((rec) => normalizeValue(r.type as CutoverType, rec.content)),
        }))
        .filter((set) => set.values.length > 0);
    },
    async apply(plan: ChangePlan) {
      const content = (set: RecordSet, v: string) => (set.type === 'CNAME' ? withDot(v) : v);
      const rrsets = [
        ...plan.deletes.map((set) => ({ name: withDot(set.name), type: set.type, changetype: 'DELETE' })),
        ...plan.upserts.map(({ to }) => ({
          name: withDot(to.name),
          type: to.type,
          ttl: to.ttl,
          changetype: 'REPLACE',
          records: to.values.map((v) => ({ content: content(to, v), disabled: false })),
        })),
      ];
      await http.request('PATCH', zonePath, { body: { rrsets } }).catch(userTerms);
      return { acceptedAt: Date.now(), requests: 1 };
    },
  };
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
