import type { Socket } from 'node:net';
import { buildConnector, Client, type Dispatcher } from 'undici';
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
  method: Dispatcher.HttpMethod;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  accept: (status: number) => boolean;
}

class ProbeTimeout extends Error {
  constructor(ms: number) {
    super(`no complete response before the timeout (${Math.round(ms)} ms left of it)`);
    this.name = 'ProbeTimeout';
  }
}

/**
 * One connection of the probe: an undici Client that carries a single request at a time. Owning each
 * connection (instead of an Agent's pool) is what lets a request's DNS/connect/TLS time be charged to
 * exactly the request that waited for them, because undici's pool does not say which request a new
 * socket served (its diagnostics channels give connect events with no request).
 */
export class ProbeConnection {
  private client: Client;
  private pendingConnect?: ConnectTiming;
  opened = 0;

  constructor(
    private readonly origin: string,
    private readonly connectTimeoutMs: number,
    private readonly ca?: string,
  ) {
    this.client = this.createClient();
  }

  private createClient(): Client {
    const base = buildConnector({ timeout: this.connectTimeoutMs, ...(this.ca ? { ca: this.ca } : {}) });
    const connect: buildConnector.connector = (options, callback) => {
      const started = performance.now();
      let lookedUp: number | undefined;
      let connected: number | undefined;
      const socket = base(options, (error, ready) => {
        if (!error) {
          const done = performance.now();
          const tcpDone = connected ?? done;
          this.pendingConnect = {
            dnsMs: lookedUp === undefined ? undefined : lookedUp - started,
            connectMs: tcpDone - (lookedUp ?? started),
            tlsMs: options.protocol === 'https:' ? done - tcpDone : undefined,
          };
          this.opened++;
        }
        if (error) callback(error, null);
        else callback(null, ready as Socket);
      }) as unknown as Socket;
      // `lookup` does not fire for an IP literal: then there was no DNS phase at all.
      socket.once('lookup', () => (lookedUp = performance.now()));
      socket.once('connect', () => (connected = performance.now()));
      return socket;
    };
    return new Client(this.origin, {
      connect,
      pipelining: 1,
      // Our own timer bounds the request; undici's would fire with a less useful message.
      headersTimeout: 0,
      bodyTimeout: 0,
      keepAliveTimeout: 30_000,
    });
  }

  /** Sends one request and settles (never rejects) when it has fully completed, failed or timed out. */
  exchange(spec: RequestSpec): Promise<Exchange> {
    return new Promise((resolve) => {
      const result: Exchange = { sentAt: performance.now(), endAt: 0 };
      let settled = false;
      const finish = (error?: ErrorKind, message?: string) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        result.endAt = performance.now();
        if (error) {
          result.error = error;
          result.errorMessage = message;
        }
        resolve(result);
      };
      const timer = setTimeout(
        () => {
          finish('timeout', new ProbeTimeout(spec.timeoutMs).message);
          // The request may still be connecting; a fresh client is the only sure way to drop it.
          const old = this.client;
          this.client = this.createClient();
          this.pendingConnect = undefined;
          old.destroy().catch(() => undefined);
        },
        Math.ceil(spec.timeoutMs) + 1,
      );
      const takeConnect = () => {
        if (this.pendingConnect) {
          result.connect = this.pendingConnect;
          this.pendingConnect = undefined;
        }
      };
      try {
        this.client.dispatch(
          { path: spec.path, method: spec.method, headers: spec.headers, body: spec.body },
          // undici's original handler callbacks: with them it neither wraps the handler nor turns the
          // raw response headers into an object, which a probe that never reads them would waste.
          {
            onConnect: () => takeConnect(),
            onHeaders: (statusCode: number) => {
              result.ttfbAt = performance.now();
              result.status = statusCode;
              return true;
            },
            onData: () => true,
            onComplete: () => {
              if (result.status !== undefined && !spec.accept(result.status))
                finish('status', `HTTP ${result.status}`);
              else finish();
            },
            onError: (error: Error) => {
              takeConnect();
              finish('connection', describeNetworkError(error));
            },
          },
        );
      } catch (error) {
        finish('connection', describeNetworkError(error));
      }
    });
  }

  async close(): Promise<void> {
    await this.client.destroy().catch(() => undefined);
  }
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: string }).code;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const detail = cause?.code ?? code;
  return detail && !error.message.includes(detail) ? `${error.message} (${detail})` : error.message;
}
