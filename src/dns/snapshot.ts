import { InputError } from '../core/errors.js';
import { CUTOVER_TYPES, type RecordSet } from './records.js';

/** The records at a name before a change: the `previous` output, and the input of `rollback`. */
export interface Snapshot {
  version: 1;
  provider: string;
  zone: string;
  name: string;
  capturedAt: string;
  records: RecordSet[];
}

export function makeSnapshot(provider: string, zone: string, name: string, records: RecordSet[]): Snapshot {
  return { version: 1, provider, zone, name, capturedAt: new Date().toISOString(), records };
}

export function parseSnapshot(text: string): Snapshot {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new InputError(
      'previous',
      'is not JSON.',
      "pass the 'previous' output of an earlier run unchanged.",
    );
  }
  const s = parsed as Partial<Snapshot>;
  const valid =
    s &&
    s.version === 1 &&
    typeof s.zone === 'string' &&
    typeof s.name === 'string' &&
    typeof s.provider === 'string' &&
    Array.isArray(s.records) &&
    s.records.every(
      (r) =>
        r &&
        (CUTOVER_TYPES as readonly string[]).includes(r.type) &&
        typeof r.ttl === 'number' &&
        Array.isArray(r.values) &&
        r.values.every((v) => typeof v === 'string') &&
        typeof r.name === 'string',
    );
  if (!valid)
    throw new InputError(
      'previous',
      'is not a dns-cutover snapshot (version, provider, zone, name, records).',
      "pass the 'previous' output of an earlier run unchanged.",
    );
  return s as Snapshot;
}
