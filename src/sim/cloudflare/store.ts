import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';

/** A DNS record as Cloudflare API v4 returns it. */
export interface SimRecord {
  id: string;
  zone_id: string;
  zone_name: string;
  name: string;
  type: string;
  content: string;
  ttl: number;
  proxied: boolean;
  proxiable: boolean;
  /** Records Cloudflare manages itself are locked; the stand-in has none. */
  locked: boolean;
  comment: string | null;
  tags: string[];
  created_on: string;
  modified_on: string;
}

/**
 * A zone as Cloudflare API v4 returns it: every field `zones_zone` requires in cloudflare/api-schemas
 * (test/sim/cloudflare-contract.test.ts holds the stand-in to it), plus `status`, which the live API
 * sends too, and the records the stand-in keeps with it (never rendered).
 */
export interface SimZone {
  id: string;
  name: string;
  status: 'active';
  development_mode: number;
  name_servers: string[];
  original_name_servers: string[] | null;
  original_registrar: string | null;
  original_dnshost: string | null;
  account: { id: string; name: string };
  owner: { id: string; name: string; type: 'organization' };
  meta: {
    step: number;
    custom_certificate_quota: number;
    page_rule_quota: number;
    phishing_detected: boolean;
  };
  created_on: string;
  modified_on: string;
  activated_on: string;
  records: SimRecord[];
}

export interface CfError {
  code: number;
  message: string;
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly errors: CfError[],
  ) {
    super(errors.map((e) => e.message).join('; '));
  }
}

export const newId = (): string => randomBytes(16).toString('hex');

/** The one account every zone of a stand-in belongs to. */
const ACCOUNT = { id: newId(), name: 'Runway stand-in account' };

/** An active zone with no records, as a zone that finished onboarding looks (no previous DNS host known). */
export function newZone(name: string, nameServers?: string[]): SimZone {
  const created = new Date().toISOString();
  return {
    id: newId(),
    name: name.replace(/\.$/, '').toLowerCase(),
    status: 'active',
    development_mode: 0,
    name_servers: nameServers ?? ['ada.ns.cloudflare.com', 'bob.ns.cloudflare.com'],
    original_name_servers: null,
    original_registrar: null,
    original_dnshost: null,
    account: { ...ACCOUNT },
    owner: { id: ACCOUNT.id, name: ACCOUNT.name, type: 'organization' },
    meta: { step: 2, custom_certificate_quota: 0, page_rule_quota: 3, phishing_detected: false },
    created_on: created,
    modified_on: created,
    activated_on: created,
    records: [],
  };
}
const PROXIABLE = new Set(['A', 'AAAA', 'CNAME']);
const TYPES = new Set(['A', 'AAAA', 'CNAME', 'TXT', 'MX', 'NS', 'CAA', 'SRV']);

const fqdn = (name: string, zone: string): string => {
  const n = name.trim().replace(/\.$/, '').toLowerCase();
  if (n === '@' || n === '') return zone;
  return n === zone || n.endsWith(`.${zone}`) ? n : `${n}.${zone}`;
};

export interface RecordInput {
  type?: string;
  name?: string;
  content?: string;
  ttl?: number;
  proxied?: boolean;
  comment?: string | null;
  tags?: string[];
}

/**
 * Validates a record the way the v4 API does for the rules a cutover meets: known type, name inside
 * the zone, A/AAAA content an address, TTL 1 (automatic) or 30–86400, proxying only for A/AAAA/CNAME
 * and then with automatic TTL.
 */
export function buildRecord(zone: SimZone, input: RecordInput, existing?: SimRecord): SimRecord {
  const type = (input.type ?? existing?.type ?? '').toUpperCase();
  const errors: CfError[] = [];
  if (!TYPES.has(type)) errors.push({ code: 9004, message: `DNS record type "${type}" is invalid.` });
  const rawName = input.name ?? existing?.name;
  if (!rawName) errors.push({ code: 9007, message: 'DNS record name is required.' });
  const name = rawName ? fqdn(rawName, zone.name) : '';
  if (name && !(name === zone.name || name.endsWith(`.${zone.name}`)))
    errors.push({ code: 9007, message: 'Record name is outside the zone.' });
  const content = String(input.content ?? existing?.content ?? '').trim();
  if (!content) errors.push({ code: 9005, message: 'Content for the record is required.' });
  if (type === 'A' && isIP(content) !== 4)
    errors.push({ code: 9005, message: 'Content for A record must be a valid IPv4 address.' });
  if (type === 'AAAA' && isIP(content) !== 6)
    errors.push({ code: 9005, message: 'Content for AAAA record must be a valid IPv6 address.' });
  const proxied = Boolean(input.proxied ?? existing?.proxied ?? false);
  if (proxied && !PROXIABLE.has(type))
    errors.push({ code: 9004, message: `${type} records cannot be proxied.` });
  let ttl = input.ttl ?? existing?.ttl ?? 1;
  if (ttl !== 1 && (ttl < 30 || ttl > 86400))
    errors.push({ code: 9021, message: 'TTL must be between 30 and 86400 seconds, or 1 for Automatic.' });
  if (proxied) ttl = 1;
  if (errors.length) throw new ApiFailure(400, errors);
  const now = new Date().toISOString();
  return {
    id: existing?.id ?? newId(),
    zone_id: zone.id,
    zone_name: zone.name,
    name,
    type,
    content: type === 'CNAME' ? content.replace(/\.$/, '').toLowerCase() : content,
    ttl,
    proxied,
    proxiable: PROXIABLE.has(type),
    locked: false,
    comment: input.comment ?? existing?.comment ?? null,
    tags: input.tags ?? existing?.tags ?? [],
    created_on: existing?.created_on ?? now,
    modified_on: now,
  };
}

/** "A/AAAA records cannot exist on the same name as CNAME records", and a CNAME is alone at its name. */
export function checkConflicts(records: SimRecord[]): void {
  const byName = new Map<string, SimRecord[]>();
  for (const r of records) byName.set(r.name, [...(byName.get(r.name) ?? []), r]);
  for (const [name, list] of byName) {
    const cnames = list.filter((r) => r.type === 'CNAME');
    if (cnames.length && list.length > cnames.length) {
      throw new ApiFailure(400, [
        { code: 81053, message: `An A, AAAA, or CNAME record with that host already exists. (${name})` },
      ]);
    }
    if (cnames.length > 1)
      throw new ApiFailure(400, [
        { code: 81054, message: `A CNAME record with that host already exists. (${name})` },
      ]);
  }
}
