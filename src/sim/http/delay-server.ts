import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

/** HTTPS delay servers present a throwaway certificate from the one certificate helper. */
export { selfSignedCertificate } from '../tls.js';

/** What the server does with one request: wait, then answer (or reset the connection, or never answer). */
export interface Behaviour {
  delayMs: number;
  status?: number;
  /** Destroy the socket instead of answering (a connection reset). */
  reset?: boolean;
  /** Never answer (the client's timeout has to end it). */
  hang?: boolean;
}

export interface DelayServerOptions {
  /** Decides each request's fate; `index` counts requests from 0, `now` is ms since the server started. */
  behaviour: (index: number, now: number) => Behaviour;
  tls?: { key: string; cert: string };
  host?: string;
  /** Sees every request as it arrives (tests check headers and arrival order). */
  onRequest?: (req: IncomingMessage) => void;
}

export interface DelayServer {
  url: string;
  port: number;
  /** Requests received so far. */
  count(): number;
  /** The delays the server asked for, in arrival order. */
  applied: number[];
  /** How long each answered request actually took inside the server (arrival to response written), ms. */
  served: number[];
  close(): Promise<void>;
}

/**
 * A local HTTP(S) server with injected latency, for tests, the benchmark and the rehearsal: the delay
 * is a timer, so the process stays responsive and many requests wait concurrently.
 */
export async function startDelayServer(options: DelayServerOptions): Promise<DelayServer> {
  let index = 0;
  const applied: number[] = [];
  const served: number[] = [];
  const started = performance.now();
  const sockets = new Set<Socket>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    options.onRequest?.(req);
    const arrived = performance.now();
    const b = options.behaviour(index++, performance.now() - started);
    applied.push(b.delayMs);
    req.resume();
    const act = () => {
      if (b.hang) return;
      if (b.reset) {
        req.socket.destroy();
        return;
      }
      const body = '{"ok":true}\n';
      res.writeHead(b.status ?? 200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      });
      res.end(body);
      served.push(performance.now() - arrived);
    };
    if (b.delayMs <= 0) act();
    else {
      const timer = setTimeout(() => {
        timers.delete(timer);
        act();
      }, b.delayMs);
      timers.add(timer);
    }
  };
  const server: Server = options.tls
    ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, handler)
    : createHttpServer(handler);
  server.keepAliveTimeout = 60_000;
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  if (options.tls) {
    server.on('secureConnection', (socket: Socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
  }
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${options.tls ? 'https' : 'http'}://${host}:${port}/`,
    port,
    count: () => index,
    applied,
    served,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A fixed delay. */
export const fixed =
  (ms: number): DelayServerOptions['behaviour'] =>
  () => ({ delayMs: ms });

/** A uniform spread [from, to], from a seeded generator so runs are repeatable. */
export function spread(from: number, to: number, seed = 1): DelayServerOptions['behaviour'] {
  const random = seeded(seed);
  return () => ({ delayMs: from + random() * (to - from) });
}

/**
 * A base behaviour with one stall: every request that arrives between `atMs` and `atMs + forMs` after
 * the server started is held until the stall ends, like a process frozen by a long GC or a lock.
 */
export function stallOnce(
  base: DelayServerOptions['behaviour'],
  atMs: number,
  forMs: number,
): DelayServerOptions['behaviour'] {
  return (index, now) => {
    const b = base(index, now);
    if (now >= atMs && now < atMs + forMs) return { ...b, delayMs: Math.max(b.delayMs, atMs + forMs - now) };
    return b;
  };
}

/** Like stallOnce, but the stall starts when request number `index` (from 0) arrives. */
export function stallAtRequest(
  base: DelayServerOptions['behaviour'],
  index: number,
  forMs: number,
): DelayServerOptions['behaviour'] {
  let start: number | undefined;
  return (i, now) => {
    const b = base(i, now);
    if (i === index) start = now;
    if (start !== undefined && now < start + forMs)
      return { ...b, delayMs: Math.max(b.delayMs, start + forMs - now) };
    return b;
  };
}

/** Mulberry32: small, fast, seeded. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
