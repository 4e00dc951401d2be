import { InputError } from '../core/errors.js';
import type { InputReader } from '../core/inputs.js';
import { parseConnectTo, type ConnectTo } from './preflight.js';
import { PROVIDER_NAMES, providerEntry, type ProviderName } from './providers/index.js';
import { parseServer } from './query.js';
import {
  absoluteName,
  isHostname,
  isInZone,
  parseTarget,
  stripDot,
  type RecordSet,
  type Target,
} from './records.js';
import { parseSnapshot, type Snapshot } from './snapshot.js';

export const MODES = ['plan', 'apply', 'rollback', 'lower-ttl'] as const;
export type Mode = (typeof MODES)[number];

export interface CutoverOptions {
  provider: ProviderName;
  apiUrl?: string;
  apiToken?: string;
  zone: string;
  /** Absolute, without the trailing dot. */
  name: string;
  mode: Mode;
  target?: Target;
  ttl: number;
  previous?: Snapshot;
  /** Servers or hostnames to ask directly; empty means the zone's own nameservers; `none` skips. */
  nameservers: string[] | 'none';
  resolvers: string[];
  verifyTimeoutMs: number;
  verifyIntervalMs?: number;
  tlsCheck: boolean;
  connectTo?: ConnectTo;
  healthUrl?: URL;
  maxChanges: number;
  force: boolean;
  /** Extra trusted CA (PEM) for the pre-flight, for in-process callers; the action relies on NODE_EXTRA_CA_CERTS. */
  ca?: string;
  log?: (line: string) => void;
  /**
   * Told the `previous` snapshot and whether the records are changed as soon as either is known, so the
   * caller can publish them even if the run later stops on an error.
   */
  onState?: (state: { changed: boolean; previous?: Snapshot }) => void;
  /** Addresses (`ip` or `ip:port`) of a nameserver hostname; defaults to the system resolver, port 53. */
  resolveNameserver?: (host: string) => Promise<string[]>;
}

export const TTL_RANGE = { min: 30, max: 86_400 };

/**
 * Reads and checks every input before anything is called: a mistake here is one line naming the input
 * and the fix, and nothing has been asked of any provider.
 */
export function readCutoverOptions(inputs: InputReader): CutoverOptions {
  const providerText = inputs.required('provider', 'cloudflare');
  const provider = PROVIDER_NAMES.find((p) => p === providerText.toLowerCase());
  if (!provider)
    throw new InputError(
      'provider',
      `"${providerText}" is not a supported DNS provider.`,
      `use one of: ${PROVIDER_NAMES.join(', ')}.`,
    );
  const mode = inputs.enumOf('mode', MODES, 'plan');
  const zone = stripDot(inputs.required('zone', 'example.com'));
  if (!isHostname(zone))
    throw new InputError('zone', `"${zone}" is not a domain name.`, 'write the zone apex, e.g. example.com.');
  const rawName = inputs.required('name', `api.${zone}`);
  const name = absoluteName(rawName, zone);
  if (!isInZone(name, zone) || !(isHostname(name) || name === zone)) {
    throw new InputError(
      'name',
      `"${rawName}" is not inside the zone ${zone}.`,
      `use a name ending in .${zone}, or a label such as api.`,
    );
  }
  const apiUrlText = inputs.optional('api-url');
  let apiUrl: string | undefined;
  if (apiUrlText) {
    try {
      const url = new URL(apiUrlText);
      if (!/^https?:$/.test(url.protocol)) throw new Error('protocol');
      apiUrl = url.href;
    } catch {
      throw new InputError(
        'api-url',
        `"${apiUrlText}" is not an http(s) URL.`,
        'e.g. http://127.0.0.1:8081 for PowerDNS.',
      );
    }
  }
  const apiToken = inputs.optional('api-token');
  const entry = providerEntry(provider);
  for (const [input, fix] of Object.entries(entry.requires)) {
    if (!(input === 'api-url' ? apiUrl : apiToken))
      throw new InputError(input, `is required for ${provider}.`, fix);
  }

  const ttlText = inputs.optional('ttl');
  const ttl = inputs.int('ttl', 60);
  const autoTtl = entry.autoTtl === true && ttl === 1;
  if (!autoTtl && (ttl < TTL_RANGE.min || ttl > TTL_RANGE.max)) {
    throw new InputError(
      'ttl',
      `${ttlText} is outside ${TTL_RANGE.min}–${TTL_RANGE.max} seconds.`,
      `use e.g. 60${entry.autoTtl ? ', or 1 for automatic' : ''}.`,
    );
  }

  let target: Target | undefined;
  const targetText = inputs.optional('target');
  if (mode === 'plan' || mode === 'apply') {
    if (!targetText)
      throw new InputError(
        'target',
        `is required in ${mode} mode.`,
        'e.g. voice-bot.fly.dev, or A=66.241.124.1,AAAA=2a09:8280:1::1.',
      );
    target = parseTarget(targetText);
    if (!target)
      throw new InputError(
        'target',
        `"${targetText}" is neither a hostname nor a list of addresses.`,
        'e.g. voice-bot.fly.dev, or A=66.241.124.1,AAAA=2a09:8280:1::1.',
      );
    if (target.kind === 'cname' && target.host === name)
      throw new InputError(
        'target',
        `points ${name} at itself.`,
        'name the new host, e.g. voice-bot.fly.dev.',
      );
    if (target.kind === 'cname' && name === zone) {
      throw new InputError(
        'target',
        `a CNAME cannot sit at the zone apex ${zone}.`,
        'give the Fly app addresses instead: A=…,AAAA=… (fly ips list).',
      );
    }
  }

  let previous: Snapshot | undefined;
  if (mode === 'rollback') {
    const text = inputs.required('previous', '${{ steps.cutover.outputs.previous }}');
    previous = parseSnapshot(text);
    if (previous.zone !== zone || previous.name !== name) {
      throw new InputError(
        'previous',
        `describes ${previous.name} in ${previous.zone}, not ${name} in ${zone}.`,
        'pass the previous output of the cutover of this name.',
      );
    }
    if (previous.provider !== provider)
      throw new InputError(
        'previous',
        `was taken from ${previous.provider}, not ${provider}.`,
        'use the same provider.',
      );
  }

  const nsText = inputs.list('nameservers', { commas: true });
  let nameservers: string[] | 'none';
  if (nsText.length === 1 && nsText[0].toLowerCase() === 'none') nameservers = 'none';
  else {
    for (const ns of nsText) {
      if (!parseServer(ns) && !isHostname(ns))
        throw new InputError(
          'nameservers',
          `"${ns}" is not an address, address:port or hostname.`,
          'e.g. 127.0.0.1:5300 or ns1.example.com; or none.',
        );
      if (parseServer(ns)?.kind === 'doh')
        throw new InputError(
          'nameservers',
          `"${ns}" is a DNS-over-HTTPS URL.`,
          'list DoH resolvers under resolvers; nameservers are asked directly over UDP.',
        );
    }
    nameservers = nsText;
  }
  const resolvers = inputs.list('resolvers', { commas: true });
  for (const r of resolvers) {
    if (!parseServer(r))
      throw new InputError(
        'resolvers',
        `"${r}" is neither ip[:port] nor a DNS-over-HTTPS URL.`,
        'e.g. 1.1.1.1 or https://cloudflare-dns.com/dns-query.',
      );
  }
  const verifyTimeoutMs = inputs.duration('verify-timeout', '5m', { min: 1000, max: 3_600_000 });
  const tlsCheck = inputs.bool('tls-check', true);
  const connectText = inputs.optional('connect-to');
  let connectTo: ConnectTo | undefined;
  if (connectText) {
    connectTo = parseConnectTo(connectText);
    if (!connectTo)
      throw new InputError(
        'connect-to',
        `"${connectText}" is not address:port.`,
        'e.g. 127.0.0.1:8443, [::1]:8443 or :8443.',
      );
  }
  const healthUrl = inputs.url('health-url');
  if (healthUrl && stripDot(healthUrl.hostname) !== name) {
    throw new InputError(
      'health-url',
      `is for ${healthUrl.hostname}, not ${name}.`,
      `use https://${name}/… so the check goes through the new target with the real hostname.`,
    );
  }
  const maxChanges = inputs.int('max-changes', 10, { min: 1, max: 1000 });
  const force = inputs.bool('force', false);
  return {
    provider,
    apiUrl,
    apiToken,
    zone,
    name,
    mode,
    target,
    ttl,
    previous,
    nameservers,
    resolvers,
    verifyTimeoutMs,
    tlsCheck,
    connectTo,
    healthUrl,
    maxChanges,
    force,
  };
}

export type { RecordSet };
