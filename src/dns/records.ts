import { isIP } from 'node:net';

/** The record types a cutover moves: the name either aliases the target (CNAME) or holds its addresses. */
export type CutoverType = 'A' | 'AAAA' | 'CNAME';
export const CUTOVER_TYPES: readonly CutoverType[] = ['A', 'AAAA', 'CNAME'];

/**
 * One rrset at the cutover name, in provider-neutral form. Names and CNAME targets are absolute
 * without the trailing dot (`api.example.com`). `providerData` carries what a provider needs to put a
 * record back exactly as it was (a Route 53 alias, a Cloudflare record id and comment).
 */
export interface RecordSet {
  name: string;
  type: CutoverType;
  ttl: number;
  values: string[];
  proxied?: boolean;
  providerData?: unknown;
}

/** What the name should point at after the cutover. */
export type Target = { kind: 'cname'; host: string } | { kind: 'addresses'; a: string[]; aaaa: string[] };

export const stripDot = (name: string): string => name.trim().replace(/\.$/, '').toLowerCase();
export const withDot = (name: string): string => `${stripDot(name)}.`;

const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/i;

/**
 * Why `text` cannot be a DNS hostname (RFC 1035 §2.3.4: labels of 1–63 octets, names up to 253
 * characters), in words that name the offending label; undefined when it is one.
 */
export function hostnameProblem(text: string): string | undefined {
  const name = stripDot(text);
  if (name.length === 0) return 'it is empty';
  if (name.length > 253) return `it is ${name.length} characters long; a DNS name is at most 253`;
  if (isIP(name)) return 'it is an IP address, not a name';
  const labels = name.split('.');
  if (labels.length < 2) return 'it has a single label; write the full name (e.g. api.example.com)';
  for (const label of labels) {
    const cut = label.length > 20 ? `${label.slice(0, 20)}…` : label;
    if (label.length === 0) return 'it has an empty label (two dots in a row)';
    if (label.length > 63)
      return `its label "${cut}" is ${label.length} characters long; a DNS label is at most 63`;
    if (!LABEL.test(label))
      return `its label "${cut}" may hold only letters, digits, hyphens and underscores, and not start or end with a hyphen`;
  }
  if (/^\d+$/.test(labels[labels.length - 1])) return 'its last label is all digits';
  return undefined;
}

export function isHostname(text: string): boolean {
  return hostnameProblem(text) === undefined;
}

/**
 * `api` → `api.example.com`; `@` is the apex. A name with a dot in it is taken as absolute: appending
 * the zone to `api.example.org` would silently move a different name than the one the user wrote.
 */
export function absoluteName(name: string, zone: string): string {
  const z = stripDot(zone);
  const bare = stripDot(name);
  if (bare === '@' || bare === z) return z;
  return bare.includes('.') ? bare : `${bare}.${z}`;
}

export function isInZone(name: string, zone: string): boolean {
  const n = stripDot(name);
  const z = stripDot(zone);
  return n === z || n.endsWith(`.${z}`);
}

/** Canonical text of an address, so `2001:DB8::1` and `2001:db8:0::1` compare equal. */
export function canonicalAddress(address: string): string {
  if (isIP(address) !== 6) return address.trim();
  // isIP() answers 6 only for text without surrounding whitespace, so there is nothing to trim here.
  const url = new URL(`http://[${address}]/`);
  return url.hostname.slice(1, -1);
}

/** `voice-bot.fly.dev`, or `A=1.2.3.4,AAAA=2a09::1` (types may repeat), or bare IP literals. */
export function parseTarget(text: string): Target | undefined {
  // A hostname holds no `=`, `,` or inner space, and isHostname trims and refuses empty text.
  if (isHostname(text)) return { kind: 'cname', host: stripDot(text) };
  const a: string[] = [];
  const aaaa: string[] = [];
  for (const part of text.split(/[,\s]/).filter(Boolean)) {
    const eq = part.indexOf('=');
    // `=192.0.2.1` names the type '', which is neither A nor AAAA, so it is refused below.
    const type = eq === -1 ? undefined : part.slice(0, eq).toUpperCase();
    const value = part.slice(eq + 1);
    const family = isIP(value);
    if (family === 4 && (type === undefined || type === 'A')) a.push(value);
    else if (family === 6 && (type === undefined || type === 'AAAA')) aaaa.push(canonicalAddress(value));
    else return undefined;
  }
  if (a.length + aaaa.length === 0) return undefined;
  return { kind: 'addresses', a: [...new Set(a)].sort(), aaaa: [...new Set(aaaa)].sort() };
}

export function describeTarget(target: Target): string {
  if (target.kind === 'cname') return `CNAME ${target.host}`;
  return [...target.a.map((v) => `A ${v}`), ...target.aaaa.map((v) => `AAAA ${v}`)].join(', ');
}

/** The rrsets a target asks for at `name`. */
export function desiredRecords(name: string, target: Target, ttl: number): RecordSet[] {
  if (target.kind === 'cname') return [{ name, type: 'CNAME', ttl, values: [target.host] }];
  const sets: RecordSet[] = [];
  if (target.a.length) sets.push({ name, type: 'A', ttl, values: target.a });
  if (target.aaaa.length) sets.push({ name, type: 'AAAA', ttl, values: target.aaaa });
  return sets;
}

export function normalizeValue(type: CutoverType, value: string): string {
  if (type === 'CNAME') return stripDot(value);
  return canonicalAddress(value);
}

export function sameValues(a: string[], b: string[]): boolean {
  const x = [...a].sort();
  const y = [...b].sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

export function formatRecordSet(set: RecordSet): string {
  const ttl = set.ttl === 1 ? 'auto' : `${set.ttl}s`;
  return `${set.type} ${set.values.join(', ')} (TTL ${ttl}${set.proxied ? ', proxied' : ''})`;
}
