import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Tokens } from './auth.js';
import { SimDisk } from './disk.js';
import { Places } from './distance.js';
import { errorReply, FlyError, type Reply } from './errors.js';
import { Faults, type FaultReply } from './faults.js';
import { leaseNonce, requestId } from './ids.js';
import { configFiles, imageFiles, staticsOf } from './guest.js';
import { ImageRegistry } from './images.js';
import { imageString, type MachineContext, type SimMachine } from './machine.js';
import { AutoScaler } from './autostop.js';
import { AppProxy } from './proxy.js';
import { MUTATION_BUDGET, RateLimiter, READ_BUDGET } from './rate-limit.js';
import { Router, type RouteDef } from './router.js';
import { ROUTES } from './routes.js';
import type { AppState, Call, CallRecord, SimOptions } from './state.js';
import { parseBody } from './validation.js';
import { mountOf } from './volumes.js';

/**
 * The Fly Machines API stand-in: an HTTP server that authenticates, applies faults and rate limits,
 * looks up the app and Machine a path names, and hands the call to its resource's handler (handlers/).
 */
export class FlySimulator {
  readonly apps = new Map<string, AppState>();
  readonly registry = new ImageRegistry();
  readonly faults = new Faults();
  readonly limiter = new RateLimiter();
  readonly tokens: Tokens;
  readonly log: CallRecord[] = [];
  readonly disk = new SimDisk();
  /** Where targets outside the sim are, for the distance a Machine's exec'd command sees. */
  readonly places = new Places();
  private readonly router = new Router(ROUTES);
  private server?: http.Server;
  url = '';

  constructor(readonly options: SimOptions) {
    this.tokens = new Tokens(options.token);
  }

  async listen(): Promise<string> {
    const server = http.createServer((req, res) => void this.handle(req, res));
    server.keepAliveTimeout = 5000;
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, this.options.host, resolve));
    const { port } = server.address() as AddressInfo;
    this.url = `http://${this.options.host}:${port}`;
    return this.url;
  }

  async close(): Promise<void> {
    const apps = [...this.apps.values()];
    await Promise.all(apps.flatMap((app) => [...app.machines.values()].map((m) => m.shutdown())));
    await Promise.all(apps.map((app) => app.proxy.close()));
    const server = this.server;
    if (server) {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    }
    this.disk.close();
  }

  async createApp(name: string, org = 'personal'): Promise<AppState> {
    if (!/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(name)) {
      throw new FlyError(422, `invalid app name "${name}": use 3-63 lowercase letters, digits and dashes`);
    }
    if (this.apps.has(name)) throw new FlyError(422, 'Name has already been taken', 'name_taken');
    const machines: AppState['machines'] = new Map();
    const routable = () => [...machines.values()].filter((m) => m.routable());
    const proxy = new AppProxy(
      name,
      () =>
        routable().flatMap((m) => {
          const port = m.publicPort();
          return port ? [{ machineId: m.id, port }] : [];
        }),
      () => staticDirs(routable()),
    );
    const app: AppState = {
      name,
      id: randomBytes(8).toString('hex'),
      org,
      createdAt: new Date().toISOString(),
      machines,
      secrets: new Map(),
      secretsVersion: 0,
      volumes: new Map(),
      proxy,
    };
    this.apps.set(name, app);
    if (this.options.autoStopIdleMs > 0) {
      // Fly's proxy looks for idle Machines every few minutes; scaled like the sim's other delays.
      const idleMs = this.options.autoStopIdleMs * this.options.timeScale;
      proxy.scaler = new AutoScaler(() => [...machines.values()], idleMs);
      proxy.scaler.start(Math.max(100, idleMs / 4));
    }
    await proxy.listen(this.options.host);
    return app;
  }

  async deleteApp(app: AppState): Promise<void> {
    this.apps.delete(app.name);
    await Promise.all([...app.machines.values()].map((m) => m.shutdown()));
    await app.proxy.close();
  }

  /** What a Machine of this app needs from the platform: its disk at boot, its volume freed when destroyed. */
  machineContext(app: AppState): MachineContext {
    return {
      app: app.name,
      timeScale: this.options.timeScale,
      filesystem: (machine) => this.filesystemFor(app, machine),
      onDestroyed: (machine) => {
        for (const volume of app.volumes.values())
          if (volume.attachedMachineId === machine.id) volume.attachedMachineId = undefined;
      },
      privateNetwork: () => privateNetworkOf(app),
    };
  }

  /** A fresh rootfs (image files + `[[files]]`) and the mounted volume's directory, by guest path. */
  private filesystemFor(app: AppState, machine: SimMachine): Record<string, string> {
    const config = machine.config;
    const version = machine.current;
    const files = [...imageFiles(imageString(version.imageRef)), ...configFiles(config, version.secrets)];
    const filesystem: Record<string, string> = { '/': this.disk.freshRootfs(machine.id, files) };
    const mount = mountOf(config);
    const volume = mount && app.volumes.get(mount.volume);
    if (mount && volume) filesystem[mount.path] = volume.dir;
    return filesystem;
  }

  /** Test hook: another deploy holds the Machine's lease. */
  holdLease(app: string, id: string, owner: string, ttlSeconds: number): void {
    const machine = this.apps.get(app)?.machines.get(id);
    if (!machine || machine.state === 'destroyed') throw new Error(`no machine ${id} in app ${app}`);
    machine.lease = {
      nonce: leaseNonce(),
      owner,
      description: 'held by another deploy',
      expiresAt: Date.now() + ttlSeconds * 1000,
      version: machine.current.version,
    };
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sim');
    const method = (req.method ?? 'GET').toUpperCase();
    const record: CallRecord = { method, path: url.pathname, query: url.search, status: 0, at: Date.now() };
    this.log.push(record);
    let reply: Reply;
    try {
      const raw = await readBody(req);
      reply = await this.dispatch(method, url, raw, req.headers);
    } catch (error) {
      reply = errorReply(error);
    }
    record.status = reply.status;
    send(res, reply);
  }

  /** Route → auth → app → fault → rate limit → body → Machine → handler, in the order Fly answers errors. */
  private async dispatch(
    method: string,
    url: URL,
    raw: string,
    headers: http.IncomingHttpHeaders,
  ): Promise<Reply> {
    const { route, params } = this.route(method, url);
    const token = this.tokens.authenticate(headers.authorization);
    const call: Call = { params, query: url.searchParams, body: {}, headers, token };
    if (params.app_name !== undefined) call.app = this.appFor(call, params.app_name);
    const fault = this.faults.match(method, url.pathname, requestedRegion(raw));
    if (fault && !fault.createAnyway && !fault.revertUpdate) return faultReply(fault);
    this.rateLimit(route, params);
    call.body = parseBody(raw);
    if (params.machine_id !== undefined) call.machine = this.machineFor(call, route, params.machine_id);
    call.revertUpdate = fault?.revertUpdate;
    const reply = await route.handler(this, call);
    return fault?.createAnyway ? faultReply(fault) : reply;
  }

  private route(method: string, url: URL): { route: RouteDef; params: Record<string, string> } {
    if (!url.pathname.startsWith('/v1/')) throw new FlyError(404, 'not found');
    const path = url.pathname.slice(3).replace(/\/+$/, '') || '/';
    const matched = this.router.match(method, path);
    if (!matched) throw new FlyError(404, 'not found');
    if ('methodNotAllowed' in matched)
      throw new FlyError(405, `method ${method} not allowed on ${url.pathname}`);
    return matched;
  }

  private appFor(call: Call, name: string): AppState {
    this.tokens.authorize(call.token, name);
    const app = this.apps.get(name);
    if (!app) throw new FlyError(404, `app not found: ${name}`);
    return app;
  }

  private machineFor(call: Call, route: RouteDef, id: string) {
    const machine = call.app?.machines.get(id);
    // A destroyed Machine is gone for most routes but still answers /wait?state=destroyed and /events.
    const tombstoneOk = route.path.endsWith('/wait') || route.path.endsWith('/events');
    if (!machine || (machine.state === 'destroyed' && !tombstoneOk))
      throw new FlyError(404, 'machine not found');
    return machine;
  }

  private rateLimit(route: RouteDef, params: Record<string, string>): void {
    if (!this.options.rateLimits || route.limit === 'none') return;
    const key = `${route.method} ${route.path}|${params.app_name ?? ''}|${params.machine_id ?? ''}`;
    const wait = this.limiter.take(key, route.limit === 'read' ? READ_BUDGET : MUTATION_BUDGET);
    if (wait === undefined) return;
    throw new FlyError(
      429,
      'rate limit exceeded: too many requests for this action, retry after the Retry-After delay',
      undefined,
      { 'retry-after': String(wait) },
    );
  }
}

/** `[[statics]]` of the first routable Machine, resolved to directories of its rootfs. */
/** The app's 6PN: each listening Machine's internal ports by "[private ip]:port", as a command sees them. */
function privateNetworkOf(app: AppState): Record<string, string> {
  const net: Record<string, string> = {};
  for (const machine of app.machines.values())
    for (const [internal, host] of machine.process?.listening ? machine.process.ports : [])
      net[`[${machine.privateIp}]:${internal}`] = `127.0.0.1:${host}`;
  return net;
}

function staticDirs(machines: SimMachine[]): { urlPrefix: string; dir: string; index?: string }[] {
  const machine = machines.find((m) => m.rootfs);
  if (!machine?.rootfs) return [];
  const rootfs = machine.rootfs;
  return staticsOf(machine.config).map((s) => ({ ...s, dir: `${rootfs}${s.guestPath}` }));
}

/** The `region` a request body asks for, for region-scoped faults; undefined when there is none. */
function requestedRegion(raw: string): string | undefined {
  try {
    const region: unknown = JSON.parse(raw)?.region;
    return typeof region === 'string' ? region.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

function faultReply(fault: FaultReply): Reply {
  return { status: fault.status, body: fault.body, headers: fault.headers };
}

function send(res: http.ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = {
    'fly-request-id': requestId(),
    server: 'Fly/sim',
    via: '1.1 fly.io',
    ...reply.headers,
  };
  if (reply.body === undefined || reply.status === 204) {
    res.writeHead(reply.status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
