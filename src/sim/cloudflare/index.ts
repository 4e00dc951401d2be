import http from 'node:http';
import dgram from 'node:dgram';
import { randomBytes } from 'node:crypto';
import { answerQuery } from './dns.js';
import {
  ApiFailure,
  buildRecord,
  checkConflicts,
  newId,
  type CfError,
  type RecordInput,
  type SimRecord,
  type SimZone,
} from './store.js';

export interface CloudflareSimOptions {
  token?: string;
  zones?: { name: string; records?: RecordInput[]; nameServers?: string[] }[];
  /** Delay before a change is answered over DNS: Cloudflare's edge takes a moment, per record. */
  propagationDelayMs?: number;
}

export interface SimCall {
  method: string;
  path: string;
  status: number;
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

const PREFIX = '/client/v4';

/**
 * A stand-in for Cloudflare API v4 (zones and DNS records, including the transactional batch) built
 * from the published contract, that also answers DNS over UDP and DoH from the records it holds, so a
 * cutover against it can be verified the way the real one is. Every answer uses the v4 envelope.
 */
export async function startCloudflareSim(options: CloudflareSimOptions = {}): Promise<CloudflareSim> {
  const token = options.token ?? `cf-sim-${randomBytes(12).toString('hex')}`;
  let delay = options.propagationDelayMs ?? 0;
  const zones: SimZone[] = (options.zones ?? []).map((z) => {
    const zone: SimZone = {
      id: newId(),
      name: z.name.replace(/\.$/, '').toLowerCase(),
      status: 'active',
      name_servers: z.nameServers ?? ['ada.ns.cloudflare.com', 'bob.ns.cloudflare.com'],
      records: [],
    };
    zone.records = (z.records ?? []).map((r) => buildRecord(zone, r));
    checkConflicts(zone.records);
    return zone;
  });
  const served = new Map<string, SimRecord[]>(zones.map((z) => [z.id, z.records.map((r) => ({ ...r }))]));
  const servedAt = new Map<string, number>();
  const callLog: SimCall[] = [];
  const faults: Fault[] = [];

  const publish = (zone: SimZone, names: string[]) => {
    const snapshot = zone.records.map((r) => ({ ...r }));
    const apply = () => {
      served.set(zone.id, snapshot);
      for (const n of names) servedAt.set(n, Date.now());
    };
    if (delay > 0) setTimeout(apply, delay).unref();
    else apply();
  };

  const envelope = (result: unknown, extra: Record<string, unknown> = {}) => ({
    success: true,
    errors: [],
    messages: [],
    result,
    ...extra,
  });
  const failure = (errors: CfError[]) => ({ success: false, errors, messages: [], result: null });
  const page = <T>(items: T[], query: URLSearchParams) => {
    const perPage = Math.min(5000, Math.max(5, Number(query.get('per_page') ?? 100)));
    const p = Math.max(1, Number(query.get('page') ?? 1));
    const slice = items.slice((p - 1) * perPage, p * perPage);
    return envelope(slice, {
      result_info: {
        page: p,
        per_page: perPage,
        count: slice.length,
        total_count: items.length,
        total_pages: Math.max(1, Math.ceil(items.length / perPage)),
      },
    });
  };
  const zoneOr404 = (id: string) => {
    const zone = zones.find((z) => z.id === id);
    if (!zone)
      throw new ApiFailure(404, [
        {
          code: 7003,
          message: `Could not route to /zones/${id}, perhaps your object identifier is invalid?`,
        },
      ]);
    return zone;
  };
  const recordOr404 = (zone: SimZone, id: string) => {
    const record = zone.records.find((r) => r.id === id);
    if (!record) throw new ApiFailure(404, [{ code: 81044, message: 'Record does not exist.' }]);
    return record;
  };

  function route(
    method: string,
    path: string,
    query: URLSearchParams,
    body: Record<string, unknown>,
  ): { status: number; body: unknown } {
    if (method === 'GET' && path === '/zones') {
      const name = query.get('name')?.toLowerCase();
      return {
        status: 200,
        body: page(
          zones.filter((z) => !name || z.name === name).map(({ records: _r, ...z }) => z),
          query,
        ),
      };
    }
    let m = /^\/zones\/([^/]+)$/.exec(path);
    if (m && method === 'GET') {
      const { records: _r, ...zone } = zoneOr404(m[1]);
      return { status: 200, body: envelope(zone) };
    }
    m = /^\/zones\/([^/]+)\/dns_records$/.exec(path);
    if (m) {
      const zone = zoneOr404(m[1]);
      if (method === 'GET') {
        const exact = (query.get('name.exact') ?? query.get('name'))?.toLowerCase().replace(/\.$/, '');
        const type = query.get('type')?.toUpperCase();
        const content = query.get('content.exact') ?? query.get('content');
        const list = zone.records.filter(
          (r) =>
            (!exact || r.name === exact) && (!type || r.type === type) && (!content || r.content === content),
        );
        return { status: 200, body: page(list, query) };
      }
      if (method === 'POST') {
        const record = buildRecord(zone, body as RecordInput);
        const next = [...zone.records, record];
        checkConflicts(next);
        zone.records = next;
        publish(zone, [record.name]);
        return { status: 200, body: envelope(record) };
      }
    }
    m = /^\/zones\/([^/]+)\/dns_records\/batch$/.exec(path);
    if (m && method === 'POST') {
      const zone = zoneOr404(m[1]);
      // One transaction: deletes, patches, puts, posts, in that order, on a copy; committed only if all pass.
      let next = zone.records.map((r) => ({ ...r }));
      const result = {
        deletes: [] as SimRecord[],
        patches: [] as SimRecord[],
        puts: [] as SimRecord[],
        posts: [] as SimRecord[],
      };
      for (const d of (body.deletes as { id: string }[] | undefined) ?? []) {
        const found = next.find((r) => r.id === d.id);
        if (!found) throw new ApiFailure(404, [{ code: 81044, message: `Record ${d.id} does not exist.` }]);
        next = next.filter((r) => r.id !== d.id);
        result.deletes.push(found);
      }
      for (const [kind, merge] of [
        ['patches', true],
        ['puts', false],
      ] as const) {
        for (const p of (body[kind] as (RecordInput & { id: string })[] | undefined) ?? []) {
          const index = next.findIndex((r) => r.id === p.id);
          if (index < 0)
            throw new ApiFailure(404, [{ code: 81044, message: `Record ${p.id} does not exist.` }]);
          const updated = buildRecord(
            zone,
            p,
            merge ? next[index] : { ...next[index], comment: null, tags: [], proxied: false, ttl: 1 },
          );
          next[index] = updated;
          result[kind].push(updated);
        }
      }
      for (const p of (body.posts as RecordInput[] | undefined) ?? []) {
        const record = buildRecord(zone, p);
        next.push(record);
        result.posts.push(record);
      }
      checkConflicts(next);
      zone.records = next;
      publish(zone, [
        ...new Set(
          [...result.deletes, ...result.patches, ...result.puts, ...result.posts].map((r) => r.name),
        ),
      ]);
      return { status: 200, body: envelope(result) };
    }
    m = /^\/zones\/([^/]+)\/dns_records\/([^/]+)$/.exec(path);
    if (m) {
      const zone = zoneOr404(m[1]);
      const existing = recordOr404(zone, m[2]);
      if (method === 'GET') return { status: 200, body: envelope(existing) };
      if (method === 'DELETE') {
        zone.records = zone.records.filter((r) => r.id !== existing.id);
        publish(zone, [existing.name]);
        return { status: 200, body: envelope({ id: existing.id }) };
      }
      if (method === 'PUT' || method === 'PATCH') {
        const updated = buildRecord(
          zone,
          body as RecordInput,
          method === 'PATCH' ? existing : { ...existing, comment: null, tags: [], proxied: false, ttl: 1 },
        );
        const next = zone.records.map((r) => (r.id === existing.id ? updated : r));
        checkConflicts(next);
        zone.records = next;
        publish(zone, [existing.name, updated.name]);
        return { status: 200, body: envelope(updated) };
      }
    }
    return { status: 404, body: failure([{ code: 7000, message: 'No route for that URI' }]) };
  }

  const dnsSocket = dgram.createSocket('udp4');
  const servedRecords = (zone: SimZone) => served.get(zone.id) ?? [];
  dnsSocket.on('message', (msg, rinfo) => {
    const answer = answerQuery(msg, zones, servedRecords);
    if (answer.length) dnsSocket.send(answer, rinfo.port, rinfo.address);
  });
  await new Promise<void>((resolve) => dnsSocket.bind(0, '127.0.0.1', resolve));

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://sim');
      const method = req.method ?? 'GET';
      if (url.pathname === '/dns-query') {
        const wire =
          method === 'POST'
            ? Buffer.concat(chunks)
            : Buffer.from(url.searchParams.get('dns') ?? '', 'base64url');
        const answer = answerQuery(wire, zones, servedRecords);
        res.writeHead(answer.length ? 200 : 400, { 'content-type': 'application/dns-message' }).end(answer);
        return;
      }
      const send = (status: number, body: unknown) => {
        callLog.push({
          method,
          path: url.pathname.slice(PREFIX.length) || url.pathname,
          status,
          at: Date.now(),
        });
        if (status < 300)
          for (const f of faults)
            if (
              f.after &&
              (!f.after.method || f.after.method === method) &&
              (!f.after.path || url.pathname.includes(f.after.path))
            )
              f.after = undefined;
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      };
      if (!url.pathname.startsWith(PREFIX))
        return send(404, failure([{ code: 7000, message: 'No route for that URI' }]));
      const path = url.pathname.slice(PREFIX.length).replace(/\/$/, '');
      const auth = req.headers.authorization;
      if (!auth)
        return send(
          400,
          failure([{ code: 9106, message: 'Missing X-Auth-Key, X-Auth-Email or Authorization headers' }]),
        );
      if (auth !== `Bearer ${token}`)
        return send(403, failure([{ code: 9109, message: 'Invalid access token' }]));
      const fault = faults.find(
        (f) => !f.after && (!f.method || f.method === method) && (!f.path || path.includes(f.path)),
      );
      if (fault) {
        if (fault.times !== undefined && --fault.times <= 0) faults.splice(faults.indexOf(fault), 1);
        if (fault.applied) {
          try {
            route(
              method,
              path,
              url.searchParams,
              chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : {},
            );
          } catch {
            // The fault answer is sent whatever the request did.
          }
        }
        return send(
          fault.status,
          failure([
            {
              code: fault.code ?? (fault.status === 429 ? 971 : 10002),
              message:
                fault.message ??
                (fault.status === 429
                  ? 'Please wait and consider throttling your request speed'
                  : 'Internal server error'),
            },
          ]),
        );
      }
      let body: Record<string, unknown> = {};
      if (chunks.length) {
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        } catch {
          return send(400, failure([{ code: 6007, message: 'Malformed JSON in request body' }]));
        }
      }
      try {
        const out = route(method, path, url.searchParams, body);
        send(out.status, out.body);
      } catch (error) {
        if (error instanceof ApiFailure) send(error.status, failure(error.errors));
        else send(500, failure([{ code: 10002, message: (error as Error).message }]));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    apiUrl: `http://127.0.0.1:${port}${PREFIX}`,
    token,
    dnsAddress: `127.0.0.1:${(dnsSocket.address() as { port: number }).port}`,
    dohUrl: `http://127.0.0.1:${port}/dns-query`,
    records: (name) =>
      (zones.find((z) => z.name === name.replace(/\.$/, '').toLowerCase())?.records ?? []).map((r) => ({
        ...r,
      })),
    calls: () => [...callLog],
    fail: (fault) => void faults.push({ ...fault, after: fault.after && { ...fault.after } }),
    clearFaults: () => void faults.splice(0),
    setPropagationDelay: (ms) => void (delay = ms),
    servedSince: (name) => servedAt.get(name.replace(/\.$/, '').toLowerCase()),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await new Promise<void>((resolve) => dnsSocket.close(() => resolve()));
    },
  };
}
