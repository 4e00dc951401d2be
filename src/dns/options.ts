import { InputError } from '../core/errors.js';
import { shown, type InputReader } from '../core/inputs.js';
import { parseConnectTo, type ConnectTo } from './preflight.js';
import { PROVIDER_NAMES, providerEntry, type ProviderName } from './providers/index.js';
import { parseServer } from './query.js';
import {
  absoluteName,
  hostnameProblem,
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

/** What each mode needs beyond the common options: a target to move to, or a snapshot to restore. */
export type ModeOptions =
  | { mode: 'plan' | 'apply'; target: Target }
  | { mode: 'rollback'; previous: Snapshot }
  | { mode: 'lower-ttl' };

export interface CommonOptions {
  provider: ProviderName;
  apiUrl?: string;
  apiToken?: string;
  zone: string;
  /** Absolute, without the trailing dot. */
  name: string;
  ttl: number;
  /** Servers or hostnames to ask directly; empty means the zone's own nameservers; `none` skips. */
  nameservers: string[] | 'none';
  resolvers: string[];
  verifyTimeoutMs: number;
  verifyIntervalMs?: number;
  /**
   * The whole run's limit: reading, the change and its verification (default: see cutoverBudgetMs). A
   * rollback after a failure gets its own ROLLBACK_BUDGET on top, so a late failure is still undone.
   */
  timeoutMs?: number;
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

export type CutoverOptions = CommonOptions & ModeOptions;

/** API calls around the verification (zone, read, change, read-back) get this much on top of it. */
export const API_ALLOWANCE_MS = 60_000;

/**
 * The default `timeout`: verify-timeout for the propagation wait plus a minute for the API calls
 * around it. A server that never answers ends the run at this limit at the latest.
 */
export function cutoverBudgetMs(options: Pick<CommonOptions, 'verifyTimeoutMs' | 'timeoutMs'>): number {
  return options.timeoutMs ?? options.verifyTimeoutMs + API_ALLOWANCE_MS;
}

export const TTL_RANGE = { min: 30, max: 86_400 };

/**
 * Reads and checks every input before anything is called: a mistake here is one line naming the input
 * and the fix, and nothing has been asked of any provider.
 */
export function readCutoverOptions(inputs: InputReader): CutoverOptions {
  const provider = readProvider(inputs);
  const mode = inputs.enumOf('mode', MODES, 'plan');
  const { zone, name } = readZoneAndName(inputs);
  return {
    provider,
    ...readProviderAccess(inputs, provider),
    zone,
    name,
    ...readModeOptions(inputs, mode, provider, zone, name),
    ttl: readTtl(inputs, provider),
    ...readVerification(inputs),
    ...readTargetChecks(inputs, name),
    maxChanges: inputs.int('max-changes', 10, { min: 1, max: 1000 }),
    force: inputs.bool('force', false),
  };
}

function readProvider(inputs: InputReader): ProviderName {
  const providerText = inputs.required('provider', 'cloudflare');
  const provider = PROVIDER_NAMES.find((p) => p === providerText.toLowerCase());
  if (!provider)
    throw new InputError(
      'provider',
      `${shown(providerText)} is not a supported DNS provider.`,
      `use one of: ${PROVIDER_NAMES.join(', ')}.`,
    );
  return provider;
}

/** The zone apex and the absolute name to move, each a valid DNS name, the name inside the zone. */
function readZoneAndName(inputs: InputReader): { zone: string; name: string } {
  const zoneText = inputs.required('zone', 'example.com');
  const zone = stripDot(zoneText);
  const zoneProblem = hostnameProblem(zone);
  if (zoneProblem)
    throw new InputError(
      'zone',
      `${shown(zoneText)} is not a domain name: ${zoneProblem}.`,
      'write the zone apex, e.g. example.com.',
    );
  const rawName = inputs.required('name', `api.${zone}`);
  const name = absoluteName(rawName, zone);
  const nameProblem = name === zone ? undefined : hostnameProblem(name);
  if (nameProblem)
    throw new InputError(
      'name',
      `${shown(rawName)} is not a DNS name: ${nameProblem}.`,
      `use a label such as api, or a name ending in .${zone}.`,
    );
  if (!isInZone(name, zone))
    throw new InputError(
      'name',
      `${shown(rawName)} is not inside the zone ${zone}.`,
      `use a name ending in .${zone}, or a label such as api.`,
    );
  return { zone, name };
}

/** api-url and api-token, with what this provider cannot work without. */
function readProviderAccess(
  inputs: InputReader,
  provider: ProviderName,
): { apiUrl?: string; apiToken?: string } {
  // Credentials belong in api-token; a URL carrying them is refused like any other input that cannot be sent.
  const apiUrl = inputs.url('api-url')?.href;
  const apiToken = inputs.optional('api-token');
  for (const [input, fix] of Object.entries(providerEntry(provider).requires)) {
    if (!(input === 'api-url' ? apiUrl : apiToken))
      throw new InputError(input, `is required for ${provider}.`, fix);
  }
  return { apiUrl, apiToken };
}

function readTtl(inputs: InputReader, provider: ProviderName): number {
  const entry = providerEntry(provider);
  const ttl = inputs.int('ttl', 60);
  const autoTtl = entry.autoTtl === true && ttl === 1;
  if (!autoTtl && (ttl < TTL_RANGE.min || ttl > TTL_RANGE.max))
    throw new InputError(
      'ttl',
      `${inputs.optional('ttl')} is outside ${TTL_RANGE.min}–${TTL_RANGE.max} seconds.`,
      `use e.g. 60${entry.autoTtl ? ', or 1 for automatic' : ''}.`,
    );
  return ttl;
}

/** Where and how long the change is verified, and the run's overall timeout. */
function readVerification(
  inputs: InputReader,
): Pick<CommonOptions, 'nameservers' | 'resolvers' | 'verifyTimeoutMs' | 'timeoutMs'> {
  return {
    nameservers: readNameservers(inputs),
    resolvers: readResolvers(inputs),
    verifyTimeoutMs: inputs.duration('verify-timeout', '5m', { min: 1000, max: 3_600_000 }),
    timeoutMs: inputs.optional('timeout')
      ? inputs.duration('timeout', '6m', { min: 1000, max: 6 * 3_600_000 })
      : undefined,
  };
}

function readNameservers(inputs: InputReader): string[] | 'none' {
  const nsText = inputs.list('nameservers', { commas: true });
  if (nsText.length === 1 && nsText[0].toLowerCase() === 'none') return 'none';
  for (const ns of nsText) {
    if (!parseServer(ns) && !isHostname(ns))
      throw new InputError(
        'nameservers',
        `${shown(ns)} is not an address, address:port or hostname.`,
        'e.g. 127.0.0.1:5300 or ns1.example.com; or none.',
      );
    if (parseServer(ns)?.kind === 'doh')
      throw new InputError(
        'nameservers',
        `${shown(ns)} is a DNS-over-HTTPS URL.`,
        'list DoH resolvers under resolvers; nameservers are asked directly over UDP.',
      );
  }
  return nsText;
}

function readResolvers(inputs: InputReader): string[] {
  const resolvers = inputs.list('resolvers', { commas: true });
  for (const r of resolvers) {
    if (!parseServer(r))
      throw new InputError(
        'resolvers',
        `${shown(r)} is neither ip[:port] nor a DNS-over-HTTPS URL.`,
        'e.g. 1.1.1.1 or https://cloudflare-dns.com/dns-query.',
      );
  }
  return resolvers;
}

/** The TLS and health checks through the new target: whether, where they connect, and the URL. */
function readTargetChecks(
  inputs: InputReader,
  name: string,
): Pick<CommonOptions, 'tlsCheck' | 'connectTo' | 'healthUrl'> {
  const tlsCheck = inputs.bool('tls-check', true);
  const connectText = inputs.optional('connect-to');
  const connectTo = connectText ? parseConnectTo(connectText) : undefined;
  if (connectText && !connectTo)
    throw new InputError(
      'connect-to',
      `${shown(connectText)} is not address:port (the address must be an IP address or a full hostname, the port 1–65535).`,
      'e.g. 127.0.0.1:8443, [::1]:8443 or :8443.',
    );
  const healthUrl = inputs.url('health-url');
  if (healthUrl && stripDot(healthUrl.hostname) !== name)
    throw new InputError(
      'health-url',
      `is for ${healthUrl.hostname}, not ${name}.`,
      `use https://${name}/… so the check goes through the new target with the real hostname.`,
    );
  return { tlsCheck, connectTo, healthUrl };
}

/** What the mode needs: a target for plan and apply, the previous snapshot for rollback. */
function readModeOptions(
  inputs: InputReader,
  mode: Mode,
  provider: ProviderName,
  zone: string,
  name: string,
): ModeOptions {
  if (mode === 'rollback') return { mode, previous: readPrevious(inputs, provider, zone, name) };
  if (mode === 'lower-ttl') return { mode };
  const targetText = inputs.optional('target');
  if (!targetText)
    throw new InputError(
      'target',
      `is required in ${mode} mode.`,
      'e.g. voice-bot.fly.dev, or A=66.241.124.1,AAAA=2a09:8280:1::1.',
    );
  const target = parseTarget(targetText);
  if (!target)
    throw new InputError(
      'target',
      `${shown(targetText)} is neither a hostname nor a list of addresses${targetText.includes('=') || targetText.includes(',') ? '' : ` (as a hostname: ${hostnameProblem(targetText) ?? 'unknown'})`}.`,
      'e.g. voice-bot.fly.dev, or A=66.241.124.1,AAAA=2a09:8280:1::1.',
    );
  if (target.kind === 'cname' && target.host === name)
    throw new InputError('target', `points ${name} at itself.`, 'name the new host, e.g. voice-bot.fly.dev.');
  if (target.kind === 'cname' && name === zone) {
    throw new InputError(
      'target',
      `a CNAME cannot sit at the zone apex ${zone}.`,
      'give the Fly app addresses instead: A=…,AAAA=… (fly ips list).',
    );
  }
  return { mode, target };
}

function readPrevious(inputs: InputReader, provider: ProviderName, zone: string, name: string): Snapshot {
  const text = inputs.required('previous', '${{ steps.cutover.outputs.previous }}');
  const previous = parseSnapshot(text);
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
  return previous;
}

export type { RecordSet };
