import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, posix } from 'node:path';
import type { AutoScaler } from './autostop.js';
import { requestId } from './ids.js';

/** A `[[statics]]` entry resolved to a host directory. */
export interface StaticDir {
  urlPrefix: string;
  dir: string;
  index?: string;
}

export interface ProxyTarget {
  machineId: string;
  port: number;
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
]);

/** How long a request waits for some Machine to become routable before the proxy gives up. */
const NO_TARGET_WAIT_MS = 1000;
/** With a Machine started for it (autostart), as long as a boot and its first passing checks take. */
const WAKE_WAIT_MS = 15_000;

/**
 * The app's public edge, as Fly's proxy behaves for it: only Machines the app says are routable get
 * traffic (started, uncordoned, not being stopped/updated, service checks passing), round-robin, and a
 * request that fails to reach a Machine before any response is retried on another one.
 */
export class AppProxy {
  private server?: http.Server;
  private next = 0;
  url = '';
  /** auto_start_machines / auto_stop_machines, when the app's Machines ask for them. */
  scaler?: AutoScaler;

  constructor(
    private readonly app: string,
    private readonly targets: () => ProxyTarget[],
    private readonly statics: () => StaticDir[] = () => [],
  ) {}

  async listen(host: string): Promise<string> {
    const server = http.createServer((req, res) => void this.handle(req, res));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, host, resolve));
    const { port } = server.address() as AddressInfo;
    this.url = `http://${host}:${port}`;
    return this.url;
  }

  async close(): Promise<void> {
    this.scaler?.stop();
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (await this.serveStatic(req, res)) return;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const tried = new Set<string>();
    const started = Date.now();
    let waitMs = NO_TARGET_WAIT_MS;
    let lastError = '';
    for (;;) {
      const candidates = this.targets().filter((t) => !tried.has(t.machineId));
      if (candidates.length === 0) {
        if (this.scaler?.wake()) waitMs = WAKE_WAIT_MS;
        if (Date.now() - started < waitMs) {
          await new Promise((resolve) => setTimeout(resolve, 25));
          if (tried.size > 0 && this.targets().every((t) => tried.has(t.machineId))) tried.clear();
          continue;
        }
        res.writeHead(503, {
          'content-type': 'text/plain',
          'fly-request-id': requestId(),
          via: '1.1 fly.io',
        });
        res.end(
          `no healthy machines available for app ${this.app}${lastError ? ` (last error: ${lastError})` : ''}\n`,
        );
        return;
      }
      const target = candidates[this.next++ % candidates.length];
      const outcome = await this.forward(req, res, body, target);
      if (outcome === 'done') {
        this.scaler?.served(target.machineId);
        return;
      }
      tried.add(target.machineId);
      lastError = outcome;
    }
  }

  /**
   * `[[statics]]`: a GET under a url_prefix is answered by the proxy from the image's files, without
   * reaching the app (as Fly's proxy does); a path with no such file falls through to the app.
   */
  private async serveStatic(req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const path = posix.normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://proxy').pathname));
    for (const entry of this.statics()) {
      const prefix = entry.urlPrefix.replace(/\/+$/, '');
      if (path !== prefix && !path.startsWith(`${prefix}/`)) continue;
      let file = join(entry.dir, path.slice(prefix.length));
      const info = await stat(file).catch(() => undefined);
      if (info?.isDirectory()) file = join(file, entry.index ?? 'index.html');
      const content = await readFile(file).catch(() => undefined);
      if (!content) continue;
      res.writeHead(200, {
        'content-type': file.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/octet-stream',
        'content-length': String(content.length),
        'fly-request-id': requestId(),
        'x-runway-sim-static': 'true',
        via: '1.1 fly.io',
      });
      res.end(req.method === 'HEAD' ? undefined : content);
      return true;
    }
    return false;
  }

  /** 'done' once a response was relayed; otherwise the connection error, so the caller tries elsewhere. */
  private forward(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    body: Buffer,
    target: ProxyTarget,
  ): Promise<'done' | string> {
    return new Promise((resolve) => {
      const headers: http.OutgoingHttpHeaders = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (!HOP_BY_HOP.has(name) && value !== undefined) headers[name] = value;
      }
      headers['content-length'] = String(body.length);
      headers['fly-client-ip'] = req.socket.remoteAddress ?? '';
      headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
      headers['fly-forwarded-proto'] = 'http';
      const upstream = http.request(
        { host: '127.0.0.1', port: target.port, method: req.method, path: req.url, headers, agent: false },
        (response) => {
          const out: http.OutgoingHttpHeaders = {};
          for (const [name, value] of Object.entries(response.headers)) {
            if (!HOP_BY_HOP.has(name) && value !== undefined) out[name] = value;
          }
          out['fly-request-id'] = requestId();
          out.via = '1.1 fly.io';
          res.writeHead(response.statusCode ?? 502, out);
          response.pipe(res);
          response.on('error', () => res.destroy());
          resolve('done');
        },
      );
      upstream.on('error', (error) => resolve(error.message));
      upstream.end(body);
    });
  }
}
