import {
  ApiFailure,
  buildRecord,
  checkConflicts,
  newZone,
  type RecordInput,
  type SimRecord,
  type SimZone,
} from './store.js';

export interface ZoneSeed {
  name: string;
  records?: RecordInput[];
  nameServers?: string[];
}

export interface SimCall {
  method: string;
  path: string;
  status: number;
  /** The query string's parameters as sent (`name`, `per_page`, …). */
  query: Record<string, string>;
  at: number;
}

export interface Fault {
  method?: string;
  /** Substring of the path (after /client/v4). */
  path?: string;
  status: number;
  times?: number;
  code?: number;
  message?: string;
  /** Armed only once a call matching this has succeeded ("reads fail right after the change"). */
  after?: { method?: string; path?: string };
  /** Carry the request out, then answer with the fault anyway (the answer lost after the change). */
  applied?: boolean;
}

/**
 * What the stand-in holds: the zones and their records as the API sees them, the records the DNS edge
 * serves (which lag the API by the propagation delay), the calls made and the faults waiting.
 */
export class CloudflareState {
  readonly zones: SimZone[];
  /** Zone id → the records DNS answers from (a snapshot taken when a change is published). */
  private readonly served: Map<string, SimRecord[]>;
  /** Name → epoch ms at which DNS began serving its current records. */
  readonly servedAt = new Map<string, number>();
  readonly calls: SimCall[] = [];
  readonly faults: Fault[] = [];

  constructor(
    readonly token: string,
    seeds: ZoneSeed[],
    public delayMs: number,
  ) {
    this.zones = seeds.map(seedZone);
    this.served = new Map(this.zones.map((z) => [z.id, z.records.map((r) => ({ ...r }))]));
  }

  /** Hands the zone's current records to DNS, after the propagation delay. */
  publish(zone: SimZone, names: string[]): void {
    const snapshot = zone.records.map((r) => ({ ...r }));
    const apply = () => {
      this.served.set(zone.id, snapshot);
      for (const n of names) this.servedAt.set(n, Date.now());
    };
    if (this.delayMs > 0) setTimeout(apply, this.delayMs).unref();
    else apply();
  }

  servedRecords = (zone: SimZone): SimRecord[] => this.served.get(zone.id) ?? [];

  zoneOr404(id: string): SimZone {
    const zone = this.zones.find((z) => z.id === id);
    if (!zone)
      throw new ApiFailure(404, [
        {
          code: 7003,
          message: `Could not route to /zones/${id}, perhaps your object identifier is invalid?`,
        },
      ]);
    return zone;
  }

  zoneByName(name: string): SimZone | undefined {
    return this.zones.find((z) => z.name === name.replace(/\.$/, '').toLowerCase());
  }
}

export function recordOr404(zone: SimZone, id: string): SimRecord {
  const record = zone.records.find((r) => r.id === id);
  if (!record) throw new ApiFailure(404, [{ code: 81044, message: 'Record does not exist.' }]);
  return record;
}

function seedZone(seed: ZoneSeed): SimZone {
  const zone = newZone(seed.name, seed.nameServers);
  zone.records = (seed.records ?? []).map((r) => buildRecord(zone, r));
  checkConflicts(zone.records);
  return zone;
}
