import type { Dispatcher } from 'undici';
import type { Deadline } from '../core/deadline.js';
import type { HttpCall } from '../core/http.js';
import type { ChangePlan } from './plan.js';
import type { RecordSet } from './records.js';

import type { ProviderName } from './providers/index.js';

// Names come from the registry in providers/index.ts, the one place a provider is added.
export { PROVIDER_NAMES, type ProviderName } from './providers/index.js';

export interface ZoneInfo {
  /** The zone apex without the trailing dot. */
  name: string;
  /** The provider's id for it (Cloudflare zone id, Route 53 hosted zone id, PowerDNS `zone.`). */
  id: string;
  /** Hostnames of the zone's authoritative servers as the provider lists them. */
  nameservers: string[];
}

export interface ApplyReceipt {
  /** When the provider accepted the change (epoch ms): propagation is timed from here. */
  acceptedAt: number;
  /** When the provider said every one of its servers has it (Route 53 INSYNC), if it says so. */
  inSyncAt?: number;
  changeId?: string;
  /** The change was accepted but the provider never said it reached all its servers (Route 53 still PENDING). */
  syncError?: string;
  requests: number;
}

export interface ProviderConfig {
  zone: string;
  apiUrl?: string;
  apiToken?: string;
  dispatcher?: Dispatcher;
  onCall?: (call: HttpCall) => void;
  log?: (line: string) => void;
  /** Longest wait for the provider's own sync signal (Route 53 INSYNC). */
  syncTimeoutMs?: number;
  /** The run's deadline: no request or retry starts after it, and each wait is clamped to it. */
  deadline?: Deadline;
}

/** Everything a cutover needs from a DNS provider; a new provider is one file implementing this plus its registry entry. */
export interface DnsProvider {
  readonly name: ProviderName;
  zone(): Promise<ZoneInfo>;
  /** The A/AAAA/CNAME rrsets at `name` (absolute, no trailing dot). */
  read(name: string): Promise<RecordSet[]>;
  /** Applies the plan as one atomic request where the provider allows it. */
  apply(plan: ChangePlan): Promise<ApplyReceipt>;
}

export type ProviderFactory = (config: ProviderConfig) => DnsProvider;
