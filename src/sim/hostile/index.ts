import { createServer, request as forward, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * The ways a server (or whatever sits in front of it: a captive portal, a proxy, a load balancer) can
 * misbehave. Each one is something a client met in the field; every client must end clearly on each.
 */
export const BEHAVIOURS = [
  'html-200',
  'echo-500',
  'hang',
  'stall-mid-body',
  'trickle',
  'truncated-json',
  'wrong-content-type',
  'redirect-loop',
  'huge-body',
  'reset',
] as const;
export type Behaviour = (typeof BEHAVIOURS)[number];

export interface RecordedRequest {
  index: number;
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** What the server did: a behaviour, `proxied` (to the upstream stand-in) or `ok` (the default answer). */
  answer: Behaviour | 'proxied' | 'ok';
}

export interface Rule {
  /** Which requests this rule takes (default: all). */
  match?: (req: { method: string; url: string; index: number }) => boolean;
  behaviour: Behaviour;
  /** How many matching requests it takes before it stops matching (default: all). */
  times?: number;
}

export interface HostileOptions {
  /** The behaviour for every request, or rules tried in order (the first match applies). */
  behaviour?: Behaviour;
  rules?: Rule[];
  /** Requests no rule takes go here (a real stand-in); without one they get `okBody` as JSON. */
  upstream?: string;
  okBody?: unknown;
  /** Bytes `huge-body` sends before ending (default 64 MiB); the client is meant to stop reading long before. */
  hugeBytes?: number;
  /** Interval between `trickle` bytes (default 100 ms). */
  trickleMs?: number;
  /**
   * The content type of the cut-off bodies (`truncated-json`, `stall-mid-body`, `trickle`) instead of JSON:
   * `application/xml` takes a truncated body past an XML client's content-type check, into its parser.
   */
  bodyType?: string;
}

export interface HostileServer {
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** Mutating requests (POST, PUT, PATCH, DELETE) that arrived after the first misbehaving answer. */
  mutatingAfterBad(): RecordedRequest[];
  /** Resolves once no client connection is open: every request the server held has been hung up on. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const PORTAL_HTML =
  '<!doctype html><html><head><title>Sign in to the network</title></head><body><h1>Welcome</h1><form action="/login">Accept the terms to continue</form></body></html>';

/**
 * A local HTTP server that misbehaves on purpose, and records every request it received (with what it
 * answered), so a test can prove that no mutating request followed a bad answer.
 */
export async function startHostile(options: HostileOptions): Promise<HostileServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<ReturnType<typeof setInterval>>();
  const used = new Map<Rule, number>();
  const rules: Rule[] = options.rules ?? (options.behaviour ? [{ behaviour: options.behaviour }] : []);

  const choose = (method: string, url: string, index: number): Behaviour | undefined => {
    for (const rule of rules) {
      if (rule.match && !rule.match({ method, url, index })) continue;
      const count = used.get(rule) ?? 0;
      if (rule.times !== undefined && count >= rule.times) continue;
      used.set(rule, count + 1);
      return rule.behaviour;
    }
    return undefined;
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const index = requests.length;
      const method = req.method ?? 'GET';
      const url = req.url ?? '/';
      const behaviour = choose(method, url, index);
      const body = Buffer.concat(chunks);
      const answer = behaviour ?? (options.upstream ? 'proxied' : 'ok');
      requests.push({ index, method, url, headers: req.headers, body: body.toString('utf8'), answer });
      if (behaviour) return misbehave(behaviour, req, res, options, timers);
      if (options.upstream) return proxy(options.upstream, req, res, body);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(options.okBody ?? {}));
    });
  });
  const idlers: (() => void)[] = [];
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      if (sockets.size === 0) for (const resolve of idlers.splice(0)) resolve();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    mutatingAfterBad() {
      const firstBad = requests.findIndex((r) => r.answer !== 'ok' && r.answer !== 'proxied');
      if (firstBad < 0) return [];
      return requests.slice(firstBad + 1).filter((r) => MUTATING.has(r.method));
    },
    idle: () =>
      sockets.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => idlers.push(resolve)),
    close: async () => {
      for (const timer of timers) clearInterval(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function misbehave(
  behaviour: Behaviour,
  req: IncomingMessage,
  res: ServerResponse,
  options: HostileOptions,
  timers: Set<ReturnType<typeof setInterval>>,
): void {
  switch (behaviour) {
    case 'html-200':
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return void res.end(PORTAL_HTML);
    case 'echo-500':
      // A debugging proxy that answers an error with the request it got, credentials included.
      res.writeHead(500, { 'content-type': 'application/json' });
      return void res.end(
        JSON.stringify({ error: 'internal error', request: { url: req.url, headers: req.headers } }),
      );
    case 'hang':
      return; // headers never come; the socket stays open until the client gives up or the server closes
    case 'stall-mid-body':
      res.writeHead(200, { 'content-type': options.bodyType ?? 'application/json' });
      return void res.write('[{"id":"');
    case 'trickle': {
      res.writeHead(200, { 'content-type': options.bodyType ?? 'application/json' });
      res.write('[');
      const timer = setInterval(() => res.write(' '), options.trickleMs ?? 100);
      timers.add(timer);
      res.on('close', () => clearInterval(timer));
      return;
    }
    case 'truncated-json': {
      const text = '[{"id":"3d8d9019b37e58","state":"started","config":{"image":"registry.fly.io/app:dep';
      res.writeHead(200, {
        'content-type': options.bodyType ?? 'application/json',
        'content-length': Buffer.byteLength(text),
      });
      return void res.end(text);
    }
    case 'wrong-content-type':
      res.writeHead(200, { 'content-type': 'text/plain' });
      return void res.end('[]');
    case 'redirect-loop':
      res.writeHead(302, { location: req.url ?? '/' });
      return void res.end();
    case 'huge-body':
      return hugeBody(res, options.hugeBytes ?? 64 * 1024 * 1024);
    case 'reset':
      return void req.socket.destroy();
  }
}

/** A valid-looking JSON array, streamed with backpressure until `total` bytes or the client hangs up. */
function hugeBody(res: ServerResponse, total: number): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  const chunk = Buffer.from(
    '"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",'.repeat(700),
  );
  let sent = 0;
  res.write('[');
  const pump = () => {
    while (sent < total && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end('""]');
  };
  pump();
}

function proxy(upstream: string, req: IncomingMessage, res: ServerResponse, body: Buffer): void {
  const target = new URL(req.url ?? '/', upstream);
  const out = forward(
    target,
    { method: req.method, headers: { ...req.headers, host: target.host } },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  out.on('error', () => res.destroy());
  out.end(body);
}
