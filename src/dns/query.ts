import dgram from 'node:dgram';
import { isIP } from 'node:net';
import { randomInt } from 'node:crypto';
import * as packet from 'dns-packet';

/** Where a question goes: a UDP server (`ip` or `ip:port`) or a DNS-over-HTTPS URL (RFC 8484). */
export type DnsServer =
  { kind: 'udp'; host: string; port: number; label: string } | { kind: 'doh'; url: string; label: string };

export interface DnsAnswer {
  rcode: string;
  authoritative: boolean;
  records: { name: string; type: string; ttl: number; data: string }[];
  ms: number;
}

/** `1.2.3.4`, `1.2.3.4:5300`, `[::1]:5300`, `::1`, `https://dns.example/dns-query`; undefined if none of these. */
export function parseServer(text: string): DnsServer | undefined {
  const t = text.trim();
  if (/^https?:\/\//i.test(t)) {
    try {
      const url = new URL(t);
      return { kind: 'doh', url: url.href, label: url.href };
    } catch {
      return undefined;
    }
  }
  const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(t);
  if (bracket && isIP(bracket[1]) === 6) return udp(bracket[1], bracket[2]);
  if (isIP(t)) return udp(t);
  const hostPort = /^([^:]+):(\d+)$/.exec(t);
  if (hostPort && isIP(hostPort[1]) === 4) return udp(hostPort[1], hostPort[2]);
  return undefined;
}

function udp(host: string, port?: string): DnsServer | undefined {
  const p = port === undefined ? 53 : Number(port);
  if (!Number.isInteger(p) || p < 1 || p > 65535) return undefined;
  const label = p === 53 ? host : isIP(host) === 6 ? `[${host}]:${p}` : `${host}:${p}`;
  return { kind: 'udp', host, port: p, label };
}

function dataText(answer: packet.Answer): string {
  const data = (answer as { data?: unknown }).data;
  if (typeof data === 'string') return data;
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data))
    return data.map((d) => (Buffer.isBuffer(d) ? d.toString('utf8') : String(d))).join('');
  return JSON.stringify(data);
}

function decode(buffer: Buffer, started: number): DnsAnswer {
  const message = packet.decode(buffer);
  const flags = message.flags ?? 0;
  return {
    rcode: (message as { rcode?: string }).rcode ?? 'NOERROR',
    authoritative: (flags & packet.AUTHORITATIVE_ANSWER) !== 0,
    records: (message.answers ?? []).map((a) => ({
      name: String(a.name).replace(/\.$/, '').toLowerCase(),
      type: a.type,
      ttl: (a as { ttl?: number }).ttl ?? 0,
      data: dataText(a).replace(/\.$/, '').toLowerCase(),
    })),
    ms: Date.now() - started,
  };
}

function encodeQuestion(name: string, type: string, recursion: boolean, id: number): Buffer {
  return packet.encode({
    type: 'query',
    id,
    flags: recursion ? packet.RECURSION_DESIRED : 0,
    questions: [{ type: type as packet.RecordType, name, class: 'IN' }],
  });
}

/**
 * One question, one answer. Authoritative servers are asked without recursion (the answer must carry
 * AA), resolvers with it. Built on dns-packet rather than node:dns because node:dns hides the AA flag
 * and the TTL of CNAME answers, both of which the propagation report shows.
 */
export async function queryDns(
  server: DnsServer,
  name: string,
  type: string,
  options: { recursion?: boolean; timeoutMs?: number } = {},
): Promise<DnsAnswer> {
  const timeoutMs = options.timeoutMs ?? 1500;
  const started = Date.now();
  if (server.kind === 'doh') {
    const body = encodeQuestion(name, type, true, 0);
    // Loaded on first use: parseServer (input checking) must not pull undici in (cold start).
    const { request } = await import('undici');
    const response = await request(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/dns-message', accept: 'application/dns-message' },
      body,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    const bytes = Buffer.from(await response.body.arrayBuffer());
    if (response.statusCode !== 200) throw new Error(`DoH ${server.url} returned ${response.statusCode}`);
    return decode(bytes, started);
  }
  const id = randomInt(1, 65535);
  const socket = dgram.createSocket(isIP(server.host) === 6 ? 'udp6' : 'udp4');
  try {
    return await new Promise<DnsAnswer>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no answer from ${server.label} within ${timeoutMs}ms`)),
        timeoutMs,
      );
      socket.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      socket.on('message', (message) => {
        try {
          if (message.readUInt16BE(0) !== id) return;
          clearTimeout(timer);
          resolve(decode(message, started));
        } catch (error) {
          clearTimeout(timer);
          reject(error);
        }
      });
      socket.send(encodeQuestion(name, type, options.recursion ?? false, id), server.port, server.host);
    });
  } finally {
    socket.close();
  }
}
