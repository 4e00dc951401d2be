import dgram from 'node:dgram';
import { randomBytes } from 'node:crypto';
import { answerQuery } from './dns.js';
import { createApiServer, PREFIX } from './server.js';
import { CloudflareState, type Fault, type SimCall, type ZoneSeed } from './state.js';
import type { SimRecord } from './store.js';

export type { Fault, SimCall } from './state.js';

export interface CloudflareSimOptions {
  token?: string;
  zones?: ZoneSeed[];
  /** Delay before a change is answered over DNS: Cloudflare's edge takes a moment, per record. */
  propagationDelayMs?: number;
}

export interface CloudflareSim {
  apiUrl: string;
  token: string;
  /** `127.0.0.1:port`: authoritative DNS over UDP from the same records. */
  dnsAddress: string;
  /** DNS-over-HTTPS (RFC 8484 wire format) from the same records. */
  dohUrl: string;
  records(zone: string): SimRecord[];
  calls(): SimCall[];
  /** Makes the next matching API calls fail with `status` (429 and 5xx test retries; others test errors). */
  fail(fault: Fault): void;
  /** Drops every pending fault. */
  clearFaults(): void;
  setPropagationDelay(ms: number): void;
  /** Epoch ms at which the DNS server began serving the current records of a name (bench baseline). */
  servedSince(name: string): number | undefined;
  close(): Promise<void>;
}

/**
 * A stand-in for Cloudflare API v4 (zones and DNS records, including the transactional batch) built
 * from the published contract, that also answers DNS over UDP and DoH from the records it holds, so a
 * cutover against it can be verified the way the real one is. Every answer uses the v4 envelope.
 * The routes are in handlers/ by resource, the HTTP side in server.ts, DNS answers in dns.ts.
 */
export async function startCloudflareSim(options: CloudflareSimOptions = {}): Promise<CloudflareSim> {
  const token = options.token ?? `cf-sim-${randomBytes(12).toString('hex')}`;
  const state = new CloudflareState(token, options.zones ?? [], options.propagationDelayMs ?? 0);
  const dnsSocket = await startDnsServer(state);
  const server = createApiServer(state);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    apiUrl: `http://127.0.0.1:${port}${PREFIX}`,
    token,
    dnsAddress: `127.0.0.1:${(dnsSocket.address() as { port: number }).port}`,
    dohUrl: `http://127.0.0.1:${port}/dns-query`,
    records: (name) => (state.zoneByName(name)?.records ?? []).map((r) => ({ ...r })),
    calls: () => [...state.calls],
    fail: (fault) => void state.faults.push({ ...fault, after: fault.after && { ...fault.after } }),
    clearFaults: () => void state.faults.splice(0),
    setPropagationDelay: (ms) => void (state.delayMs = ms),
    servedSince: (name) => state.servedAt.get(name.replace(/\.$/, '').toLowerCase()),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await new Promise<void>((resolve) => dnsSocket.close(() => resolve()));
    },
  };
}

/** Authoritative DNS over UDP on loopback, from the records the edge serves. */
async function startDnsServer(state: CloudflareState): Promise<dgram.Socket> {
  const socket = dgram.createSocket('udp4');
  socket.on('message', (msg, rinfo) => {
    const answer = answerQuery(msg, state.zones, state.servedRecords);
    if (answer.length) socket.send(answer, rinfo.port, rinfo.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return socket;
}
