import { connect as tcpConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { ResponseReader } from './http1.js';
import type { ErrorKind } from './types.js';

/** Connection set-up phases, measured on the socket's own events. */
export interface ConnectTiming {
  dnsMs?: number;
  connectMs: number;
  tlsMs?: number;
}

export interface Exchange {
  /** performance.now() when the request was handed to the connection. */
  sentAt: number;
  ttfbAt?: number;
  endAt: number;
  status?: number;
  error?: ErrorKind;
  errorMessage?: string;
  /** Set when this exchange opened the connection it ran on. */
  connect?: ConnectTiming;
}

export interface RequestSpec {
  path: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  accept: (status: number) => boolean;
}

/** Where a connection goes, and the request it sends, serialised once. */
export interface Wire {
  host: string;
  port: number;
  tls: boolean;
  /** SNI and certificate name: the host name, never an IP literal. */
  servername?: string;
  ca?: string;
  request: Buffer;
  /** A HEAD response announces a body it does not carry. */
  head: boolean;
  accept: (status: number) => boolean;
}

/** With no `Keep-Alive: timeout=` from the server, an idle connection is reused for this long. */
const DEFAULT_IDLE_MS = 30_000;

class ProbeTimeout extends Error {
  constructor(ms: number) {
    super(`no complete response before the timeout (${Math.round(ms)} ms left of it)`);
    this.name = 'ProbeTimeout';
  }
}

/** The request as bytes: written as is for every exchange, so nothing is rebuilt per request. */
export function serialiseRequest(url: URL, spec: RequestSpec): Wire {
  const body = spec.body === undefined ? undefined : Buffer.from(spec.body);
  const names = new Set(Object.keys(spec.headers).map((n) => n.toLowerCase()));
  let head = `${spec.method} ${spec.path} HTTP/1.1\r\n`;
  if (!names.has('host')) head += `host: ${url.host}\r\n`;
  for (const [name, value] of Object.entries(spec.headers)) head += `${name}: ${value}\r\n`;
  if (body && !names.has('content-length')) head += `content-length: ${body.length}\r\n`;
  const request = Buffer.concat([Buffer.from(`${head}\r\n`, 'latin1'), ...(body ? [body] : [])]);
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const tls = url.protocol === 'https:';
  return {
    host: hostname,
    port: Number(url.port || (tls ? 443 : 80)),
    tls,
    servername: tls && isIP(hostname) === 0 ? hostname : undefined,
    request,
    head: spec.method === 'HEAD',
    accept: spec.accept,
  };
}

interface Pending {
  result: Exchange;
  resolve: (exchange: Exchange) => void;
  /** performance.now() by which the response must be complete. */
  deadline: number;
  timeoutMs: number;
}

/**
 * One connection of the probe, carrying a single request at a time: a socket of its own, the request
 * written as prepared bytes, the response read by ResponseReader (http1.ts) without a string. Owning each
 * connection is what lets a request's DNS/connect/TLS time be charged to exactly the request that waited
 * for them, and doing no more per request than write, parse and time is what keeps the probe as fast as
 * a dedicated load generator.
 */
export class ProbeConnection {
  private socket?: Socket;
  private reader: ResponseReader;
  private pending?: Pending;
  private idleMs = DEFAULT_IDLE_MS;
  private keepAlive = true;
  private lastDone = 0;
  /** One watchdog timer per connection, re-armed only when it would fire too late (see `watch`). */
  private watchdog?: ReturnType<typeof setTimeout>;
  private watchdogAt = Number.POSITIVE_INFINITY;
  /** When the socket read being parsed arrived (undefined outside a 'data' event). */
  private readAt?: number;
  opened = 0;

  constructor(private readonly wire: Wire) {
    this.reader = this.createReader();
  }

  private createReader(): ResponseReader {
    return new ResponseReader(
      {
        onHead: (status, keepAlive, keepAliveTimeoutS) => {
          if (this.pending) this.pending.result.status = status;
          this.keepAlive = keepAlive;
          // Honour the server's idle limit (minus a second), so a request never races the close.
          if (keepAliveTimeoutS !== undefined) this.idleMs = Math.max(0, keepAliveTimeoutS * 1000 - 1000);
        },
        onComplete: () => {
          // `Connection: close`: drop the socket now, so the next request cannot be written into it.
          if (!this.keepAlive) this.drop();
          const status = this.pending?.result.status;
          if (status !== undefined && !this.wire.accept(status)) this.finish('status', `HTTP ${status}`);
          else this.finish();
        },
      },
      this.wire.head,
    );
  }

  private open(result: Exchange): Socket {
    const started = performance.now();
    let lookedUp: number | undefined;
    let connected: number | undefined;
    const { host, port, servername, ca } = this.wire;
    const socket: Socket = this.wire.tls
      ? tlsConnect({ host, port, servername, ...(ca ? { ca } : {}) })
      : tcpConnect({ host, port });
    socket.setNoDelay(true);
    // `lookup` does not fire for an IP literal: then there was no DNS phase at all.
    socket.once('lookup', () => (lookedUp = performance.now()));
    socket.once('connect', () => {
      connected = performance.now();
      if (!this.wire.tls) ready();
    });
    const ready = () => {
      const done = performance.now();
      const tcpDone = connected ?? done;
      result.connect = {
        dnsMs: lookedUp === undefined ? undefined : lookedUp - started,
        connectMs: tcpDone - (lookedUp ?? started),
        tlsMs: this.wire.tls ? done - tcpDone : undefined,
      };
      this.opened++;
    };
    if (this.wire.tls) socket.once('secureConnect', ready);
    socket.on('data', (chunk: Buffer) => {
      if (socket !== this.socket) return;
      // One timestamp per socket read, taken first: a response completed by this chunk ends here, not
      // after the parser (and whatever else this turn of the event loop ran) got to it.
      const at = performance.now();
      const pending = this.pending;
      if (pending && pending.result.ttfbAt === undefined) pending.result.ttfbAt = at;
      this.readAt = at;
      const problem = this.reader.feed(chunk);
      this.readAt = undefined;
      if (problem) this.fail('connection', `invalid HTTP response: ${problem}`);
    });
    socket.on('error', (error) => {
      if (socket === this.socket) this.fail('connection', describeNetworkError(error));
    });
    socket.on('close', () => {
      if (socket !== this.socket) return;
      // A body without a length ends with the connection.
      if (this.pending) this.reader.closed();
      this.fail('connection', 'the server closed the connection before a complete response');
    });
    return socket;
  }

  /** Forgets the socket (and its parser state), so the next exchange opens a fresh connection. */
  private drop(): void {
    const socket = this.socket;
    this.socket = undefined;
    this.reader = this.createReader();
    this.keepAlive = true;
    socket?.destroy();
  }

  /** Ends the current exchange (if any) with an error and drops the socket. */
  private fail(kind: ErrorKind, message: string): void {
    this.drop();
    this.finish(kind, message);
  }

  private finish(error?: ErrorKind, message?: string): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    const result = pending.result;
    result.endAt = this.lastDone = this.readAt ?? performance.now();
    if (error) {
      result.error = error;
      result.errorMessage = message;
    }
    pending.resolve(result);
  }

  /**
   * Makes sure the watchdog fires by `deadline`. Back-to-back requests with the same timeout leave the
   * armed timer alone (it fires before their deadlines and re-arms for the one then in flight), so a
   * fast run creates about one timer per connection per timeout period instead of one per request.
   */
  private watch(deadline: number): void {
    if (this.watchdog && this.watchdogAt <= deadline + 1) return;
    if (this.watchdog) clearTimeout(this.watchdog);
    const delay = Math.max(0, Math.ceil(deadline - performance.now()) + 1);
    this.watchdogAt = performance.now() + delay;
    this.watchdog = setTimeout(() => this.onWatchdog(), delay);
  }

  private onWatchdog(): void {
    this.watchdog = undefined;
    this.watchdogAt = Number.POSITIVE_INFINITY;
    const pending = this.pending;
    if (!pending) return;
    if (performance.now() >= pending.deadline)
      this.fail('timeout', new ProbeTimeout(pending.timeoutMs).message);
    else this.watch(pending.deadline);
  }

  /** Sends the request and settles (never rejects) when it has fully completed, failed or timed out. */
  exchange(timeoutMs: number): Promise<Exchange> {
    return new Promise((resolve) => {
      const result: Exchange = { sentAt: performance.now(), endAt: 0 };
      if (this.socket && result.sentAt - this.lastDone > this.idleMs) this.drop();
      const deadline = result.sentAt + timeoutMs;
      this.pending = { result, resolve, deadline, timeoutMs };
      this.reader.reset();
      this.watch(deadline);
      this.socket ??= this.open(result);
      // Written before the connection is up it waits in the socket's buffer, as any client's would.
      this.socket.write(this.wire.request);
    });
  }

  async close(): Promise<void> {
    if (this.watchdog) clearTimeout(this.watchdog);
    this.watchdog = undefined;
    this.drop();
  }
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: string }).code;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const detail = cause?.code ?? code;
  return detail && !error.message.includes(detail) ? `${error.message} (${detail})` : error.message;
}
