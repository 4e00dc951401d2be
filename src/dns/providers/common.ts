import { HttpClient, type HttpClientOptions } from '../../core/http.js';
import type { ProviderConfig } from '../provider.js';
import { CUTOVER_TYPES, withDot, type CutoverType, type RecordSet } from '../records.js';

/** Whether a record type is one the cutover moves (A, AAAA, CNAME); every other type at the name is left alone. */
export function isCutoverType(type: string): type is CutoverType {
  return (CUTOVER_TYPES as readonly string[]).includes(type);
}

/** A value as zone-file APIs want it: a CNAME's target is absolute, with its trailing dot. */
export function wireValue(set: RecordSet, value: string): string {
  return set.type === 'CNAME' ? withDot(value) : value;
}

/**
 * The HTTP client of a provider that speaks HTTP: the run's dispatcher, call observer and deadline, and the
 * same bounded waits for every provider (a DNS API that stops answering costs at most 30 s an attempt).
 */
export function providerHttp(
  config: ProviderConfig,
  own: Required<Pick<HttpClientOptions, 'service' | 'baseUrl' | 'headers' | 'retry' | 'describeError'>>,
): HttpClient {
  return new HttpClient({
    ...own,
    dispatcher: config.dispatcher,
    onCall: config.onCall,
    timeouts: { firstByteMs: 15_000, bodyIdleMs: 15_000, totalMs: 30_000 },
    deadline: config.deadline,
  });
}
