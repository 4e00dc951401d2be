import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isGoDuration, goDurationMs } from './duration.js';
import { Faults } from './faults.js';
import { leaseNonce, machineId as newMachineId, requestId, ulid } from './ids.js';
import { behaviourOf, ImageRegistry } from './images.js';
import { normalizeSignal, SETTLED_STATES, SimMachine, type VersionRecord } from './machine.js';
import { AppProxy } from './proxy.js';
import { MUTATION_BUDGET, RateLimiter, READ_BUDGET } from './rate-limit.js';
import { NEAREST_REGION, REGIONS, regionProblem } from './regions.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

export interface SimOptions {
  token: string;
  host: string;
  timeScale: number;
  rateLimits: boolean;
}

export interface Secret {
  value: string;
  digest: string;
  created_at: string;
  updated_at: string;
}

export interface AppState {
  name: string;
  id: string;
  org: string;
  createdAt: string;
  machines: Map<string, SimMachine>;
  secrets: Map<string, Secret>;
  secretsVersion: number;
  proxy: AppProxy;
}

export interface CallRecord {
  method: string;
  path: string;
  query: string;
  status: number;
  at: number;
}

interface TokenInfo {
  owner: string;
  /** Undefined for an org token; otherwise the apps a deploy token is scoped to. */
  apps?: Set<string>;
}

interface Call {
  params: Record<string, string>;
  query: URLSearchParams;
  body: any;
  headers: http.IncomingHttpHeaders;
  token: TokenInfo;
  app?: AppState;
  machine?: SimMachine;
  /** A `revertUpdate` fault matched: the update is made, then reverted by "flyd". */
  revertUpdate?: boolean;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** An API error with Fly's body: `{"error": "...", "status"?: "..."}`. */
export class FlyError extends Error {
  constructor(
    readonly httpStatus: number,
    message: string,
    readonly code?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

type Limit = 'read' | 'mutation' | 'none';

interface RouteDef {
  method: string;
  /** Path as the OpenAPI spec writes it (without the /v1 prefix the live API serves it under). */
  path: string;
  limit: Limit;
  handler: (sim: FlyApi, call: Call) => Reply | Promise<Reply>;
}

const ok = (body: unknown = { ok: true }, status = 200): Reply => ({ status, body });
const noContent = (): Reply => ({ status: 204 });

const STOP_SIGNALS = ['SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGKILL', 'SIGUSR1', 'SIGUSR2', 'SIGTERM'];
const WAIT_STATES = ['started', 'stopped', 'suspended', 'destroyed', 'failed', 'settled'];

export class FlyApi {
  readonly apps = new Map<string, AppState>();
  readonly registry = new ImageRegistry();
  readonly faults = new Faults();
  readonly limiter = new RateLimiter();
  readonly log: CallRecord[] = [];
  private readonly tokens = new Map<string, TokenInfo>();
  private server?: http.Server;
  url = '';

  constructor(readonly options: SimOptions) {
    this.tokens.set(options.token, { owner: 'runway-sim@example.com' });
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
  }

  async createApp(name: string, org = 'personal'): Promise<AppState> {
    if (!/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(name)) {
      throw new FlyError(422, `invalid app name "${name}": use 3-63 lowercase letters, digits and dashes`);
    }
    if (this.apps.has(name)) throw new FlyError(422, 'Name has already been taken', 'name_taken');
    const app: AppState = {
      name,
      id: randomBytes(8).toString('hex'),
      org,
      createdAt: new Date().toISOString(),
      machines: new Map(),
      secrets: new Map(),
      secretsVersion: 0,
      proxy: undefined as unknown as AppProxy,
    };
    app.proxy = new AppProxy(name, () =>
      [...app.machines.values()]
        .filter((m) => m.routable())
        .flatMap((m) => {
          const port = m.publicPort();
          return port ? [{ machineId: m.id, port }] : [];
        }),
    );
    this.apps.set(name, app);
    await app.proxy.listen(this.options.host);
    return app;
  }

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

  // ---- HTTP plumbing -----------------------------------------------------------------------------------

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

  private async dispatch(
    method: string,
    url: URL,
    raw: string,
    headers: http.IncomingHttpHeaders,
  ): Promise<Reply> {
    if (!url.pathname.startsWith('/v1/')) throw new FlyError(404, 'not found');
    const path = url.pathname.slice(3).replace(/\/+$/, '') || '/';
    const matched = matchRoute(method, path);
    if (!matched) throw new FlyError(404, 'not found');
    if ('methodNotAllowed' in matched)
      throw new FlyError(405, `method ${method} not allowed on ${url.pathname}`);
    const { route, params } = matched;

    const token = this.authenticate(headers.authorization);
    const call: Call = { params, query: url.searchParams, body: undefined, headers, token };
    if (params.app_name !== undefined) {
      if (token.apps && !token.apps.has(params.app_name))
        throw new FlyError(401, 'unauthorized: token is not allowed to access this app');
      call.app = this.apps.get(params.app_name);
      if (!call.app) throw new FlyError(404, `app not found: ${params.app_name}`);
    }

    const fault = this.faults.match(method, url.pathname);
    if (fault && !fault.createAnyway && !fault.revertUpdate)
      return { status: fault.status, body: fault.body, headers: fault.headers };

    if (this.options.rateLimits && route.limit !== 'none') {
      const key = `${route.method} ${route.path}|${params.app_name ?? ''}|${params.machine_id ?? ''}`;
      const wait = this.limiter.take(key, route.limit === 'read' ? READ_BUDGET : MUTATION_BUDGET);
      if (wait !== undefined) {
        throw new FlyError(
          429,
          'rate limit exceeded: too many requests for this action, retry after the Retry-After delay',
          undefined,
          { 'retry-after': String(wait) },
        );
      }
    }

    if (raw.trim()) {
      try {
        call.body = JSON.parse(raw);
      } catch {
        throw new FlyError(400, 'invalid request body: could not parse JSON');
      }
    }
    if (params.machine_id !== undefined && call.app) {
      const machine = call.app.machines.get(params.machine_id);
      // A destroyed Machine is gone for most routes but still answers /wait?state=destroyed and /events.
      const tombstoneOk = route.path.endsWith('/wait') || route.path.endsWith('/events');
      if (!machine || (machine.state === 'destroyed' && !tombstoneOk))
        throw new FlyError(404, 'machine not found');
      call.machine = machine;
    }
    call.revertUpdate = fault?.revertUpdate;
    const reply = await route.handler(this, call);
    if (fault?.createAnyway) return { status: fault.status, body: fault.body, headers: fault.headers };
    return reply;
  }

  private authenticate(header: string | undefined): TokenInfo {
    const match = /^\s*(bearer|flyv1)\s+(.+)$/i.exec(header ?? '');
    if (match) {
      for (const piece of match[2].split(',')) {
        const info = this.tokens.get(piece.trim().replace(/^(flyv1|bearer)\s+/i, ''));
        if (info) return info;
      }
    }
    throw new FlyError(401, 'Authenticate: token validation error');
  }

  // ---- helpers used by handlers ------------------------------------------------------------------------

  issueDeployToken(app: string): string {
    const token = `fm2_${randomBytes(24).toString('base64url')}`;
    this.tokens.set(token, {
      owner: `${randomBytes(6).toString('hex')}@tokens.fly.io`,
      apps: new Set([app]),
    });
    return `FlyV1 ${token}`;
  }

  /** Validates a create/update body and builds the version it describes. */
  buildVersion(app: AppState, body: any): VersionRecord {
    const config = body?.config;
    if (!config || typeof config !== 'object' || Array.isArray(config))
      throw new FlyError(400, 'invalid request: config is required');
    if (typeof config.image !== 'string' || !config.image.trim())
      throw new FlyError(400, 'invalid machine config: image is required');
    validateConfig(config);
    if (body.min_secrets_version !== undefined && body.min_secrets_version !== null) {
      const wanted = Number(body.min_secrets_version);
      if (!Number.isInteger(wanted) || wanted < 0)
        throw new FlyError(400, 'invalid min_secrets_version: must be a whole number');
      if (wanted > app.secretsVersion) {
        throw new FlyError(
          412,
          `failed_precondition: min_secrets_version ${wanted} is newer than the app's secrets version ${app.secretsVersion}; secrets have not propagated yet, retry shortly`,
        );
      }
    }
    const resolved = this.registry.resolve(config.image);
    if ('error' in resolved) throw new FlyError(422, resolved.error);
    const secrets: Record<string, string> = {};
    if (!body.skip_secrets) for (const [name, secret] of app.secrets) secrets[name] = secret.value;
    return {
      version: ulid(),
      config: structuredClone(config),
      imageRef: resolved.imageRef,
      behaviour: behaviourOf(resolved.source),
      secrets,
      createdAt: new Date().toISOString(),
    };
  }

  /** Mutations on a leased Machine need the lease's nonce (fly.md §1.4). */
  requireLease(call: Call): void {
    const lease = activeLease(call.machine!);
    if (!lease) return;
    if (call.headers['fly-machine-lease-nonce'] === lease.nonce) return;
    throw leaseHeld(call.machine!);
  }
}

// ---- routes -------------------------------------------------------------------------------------------

const M = '/apps/{app_name}/machines/{machine_id}';

export const ROUTES: RouteDef[] = [
  { method: 'GET', path: '/apps', limit: 'read', handler: listApps },
  { method: 'POST', path: '/apps', limit: 'mutation', handler: createAppRoute },
  { method: 'GET', path: '/apps/{app_name}', limit: 'read', handler: (_s, c) => ok(appJson(c.app!)) },
  { method: 'DELETE', path: '/apps/{app_name}', limit: 'mutation', handler: deleteApp },
  {
    method: 'POST',
    path: '/apps/{app_name}/deploy_token',
    limit: 'mutation',
    handler: (s, c) => ok({ token: s.issueDeployToken(c.app!.name) }),
  },
  { method: 'GET', path: '/apps/{app_name}/machines', limit: 'read', handler: listMachines },
  { method: 'POST', path: '/apps/{app_name}/machines', limit: 'mutation', handler: createMachine },
  { method: 'GET', path: M, limit: 'read', handler: (_s, c) => ok(machineJson(c.machine!)) },
  { method: 'POST', path: M, limit: 'mutation', handler: updateMachine },
  { method: 'DELETE', path: M, limit: 'mutation', handler: destroyMachine },
  { method: 'POST', path: `${M}/start`, limit: 'mutation', handler: startMachine },
  { method: 'POST', path: `${M}/stop`, limit: 'mutation', handler: stopMachine },
  { method: 'POST', path: `${M}/restart`, limit: 'mutation', handler: restartMachine },
  { method: 'POST', path: `${M}/suspend`, limit: 'mutation', handler: suspendMachine },
  { method: 'POST', path: `${M}/signal`, limit: 'mutation', handler: signalMachine },
  { method: 'POST', path: `${M}/cordon`, limit: 'mutation', handler: (s, c) => cordon(s, c, true) },
  { method: 'POST', path: `${M}/uncordon`, limit: 'mutation', handler: (s, c) => cordon(s, c, false) },
  { method: 'GET', path: `${M}/wait`, limit: 'read', handler: waitMachine },
  { method: 'GET', path: `${M}/events`, limit: 'read', handler: listEvents },
  { method: 'GET', path: `${M}/versions`, limit: 'read', handler: listVersions },
  { method: 'GET', path: `${M}/lease`, limit: 'read', handler: getLease },
  { method: 'POST', path: `${M}/lease`, limit: 'mutation', handler: acquireLease },
  { method: 'DELETE', path: `${M}/lease`, limit: 'mutation', handler: releaseLease },
  {
    method: 'GET',
    path: `${M}/metadata`,
    limit: 'read',
    handler: (_s, c) => ok({ ...(c.machine!.config.metadata ?? {}) }),
  },
  { method: 'PUT', path: `${M}/metadata`, limit: 'mutation', handler: bulkMetadata },
  { method: 'PATCH', path: `${M}/metadata`, limit: 'mutation', handler: bulkMetadata },
  { method: 'GET', path: `${M}/metadata/{key}`, limit: 'read', handler: getMetadataKey },
  { method: 'POST', path: `${M}/metadata/{key}`, limit: 'mutation', handler: setMetadataKey },
  { method: 'DELETE', path: `${M}/metadata/{key}`, limit: 'mutation', handler: deleteMetadataKey },
  { method: 'GET', path: '/apps/{app_name}/secrets', limit: 'read', handler: listSecrets },
  { method: 'POST', path: '/apps/{app_name}/secrets', limit: 'mutation', handler: updateSecrets },
  { method: 'GET', path: '/apps/{app_name}/secrets/{secret_name}', limit: 'read', handler: getSecret },
  { method: 'POST', path: '/apps/{app_name}/secrets/{secret_name}', limit: 'mutation', handler: setSecret },
  {
    method: 'DELETE',
    path: '/apps/{app_name}/secrets/{secret_name}',
    limit: 'mutation',
    handler: deleteSecret,
  },
  {
    method: 'GET',
    path: '/platform/regions',
    limit: 'read',
    handler: () => ok({ nearest: NEAREST_REGION, regions: REGIONS }),
  },
];

/** Every (method, spec path) the sim serves, for the contract test against the OpenAPI spec. */
export const SERVED_ROUTES = ROUTES.map(({ method, path }) => ({ method, path }));

const COMPILED = ROUTES.map((route) => ({
  route,
  names: [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
  regex: new RegExp(`^${route.path.replace(/\{\w+\}/g, '([^/]+)')}$`),
}));

function matchRoute(
  method: string,
  path: string,
): { route: RouteDef; params: Record<string, string> } | { methodNotAllowed: true } | undefined {
  let pathMatched = false;
  for (const { route, names, regex } of COMPILED) {
    const m = regex.exec(path);
    if (!m) continue;
    pathMatched = true;
    if (route.method !== method) continue;
    const params: Record<string, string> = {};
    names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1])));
    return { route, params };
  }
  return pathMatched ? { methodNotAllowed: true } : undefined;
}

// ---- handlers -----------------------------------------------------------------------------------------

function listApps(sim: FlyApi, call: Call): Reply {
  const org = call.query.get('org_slug');
  if (!org) throw new FlyError(400, 'org_slug is required');
  const apps = [...sim.apps.values()].filter(
    (a) => a.org === org && (!call.token.apps || call.token.apps.has(a.name)),
  );
  return ok({ total_apps: apps.length, apps: apps.map(appJson) });
}

async function createAppRoute(sim: FlyApi, call: Call): Promise<Reply> {
  if (call.token.apps) throw new FlyError(401, 'unauthorized: a deploy token cannot create apps');
  const name = call.body?.app_name ?? call.body?.name;
  if (typeof name !== 'string' || !name) throw new FlyError(400, 'app_name is required');
  const app = await sim.createApp(
    name,
    typeof call.body?.org_slug === 'string' ? call.body.org_slug : 'personal',
  );
  return ok(appJson(app), 201);
}

async function deleteApp(sim: FlyApi, call: Call): Promise<Reply> {
  const app = call.app!;
  sim.apps.delete(app.name);
  await Promise.all([...app.machines.values()].map((m) => m.shutdown()));
  await app.proxy.close();
  return { status: 202 };
}

function appJson(app: AppState) {
  const machines = [...app.machines.values()].filter((m) => m.state !== 'destroyed');
  return {
    id: app.id,
    name: app.name,
    machine_count: machines.length,
    volume_count: 0,
    network: 'default',
    status: machines.some((m) => m.state === 'started') ? 'deployed' : 'pending',
    organization: { name: app.org, slug: app.org },
  };
}

function listMachines(_sim: FlyApi, call: Call): Reply {
  const q = call.query;
  const includeDeleted = q.get('include_deleted') === 'true';
  const region = q.get('region');
  const states = q
    .getAll('state')
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  const summary = q.get('summary') === 'true';
  const metadata = [...q.entries()]
    .filter(([k]) => k.startsWith('metadata.'))
    .map(([k, v]) => [k.slice(9), v] as const);
  const machines = [...call.app!.machines.values()].filter((m) => {
    // Destroying Machines are still listed (flyctl filters them out itself); destroyed ones only on request.
    if (!includeDeleted && m.state === 'destroyed') return false;
    if (region && m.region !== region) return false;
    if (states.length && !states.includes(m.state)) return false;
    return metadata.every(([k, v]) => (m.config.metadata ?? {})[k] === v);
  });
  return ok(machines.map((m) => machineJson(m, { summary })));
}

function createMachine(sim: FlyApi, call: Call): Reply {
  const app = call.app!;
  const body = call.body ?? {};
  const region = body.region ?? NEAREST_REGION;
  if (typeof region !== 'string') throw new FlyError(400, 'invalid region: must be a string');
  const problem = regionProblem(region);
  if (problem) throw new FlyError(400, problem);
  let leaseTtl: number | undefined;
  if (body.lease_ttl !== undefined && body.lease_ttl !== null) {
    leaseTtl = Number(body.lease_ttl);
    if (!Number.isFinite(leaseTtl) || leaseTtl <= 0) {
      throw new FlyError(400, 'invalid lease_ttl: must be a positive number of seconds');
    }
  }
  const version = sim.buildVersion(app, body);
  const id = newMachineId();
  const name = typeof body.name === 'string' && body.name ? body.name : `sim-${id.slice(0, 8)}`;
  const machine = new SimMachine(
    { app: app.name, timeScale: sim.options.timeScale },
    id,
    name,
    region.toLowerCase(),
    version,
    body.skip_service_registration === true,
  );
  app.machines.set(id, machine);
  let nonce: string | undefined;
  if (leaseTtl !== undefined) {
    nonce = leaseNonce();
    machine.lease = {
      nonce,
      owner: call.token.owner,
      description: '',
      expiresAt: Date.now() + leaseTtl * 1000,
      version: version.version,
    };
  }
  machine.create(body.skip_launch === true, sim.registry.firstPull(version.imageRef.digest) ? 1500 : 300);
  return ok({ ...machineJson(machine), ...(nonce ? { nonce } : {}) });
}

function updateMachine(sim: FlyApi, call: Call): Reply {
  const machine = call.machine!;
  sim.requireLease(call);
  const body = call.body ?? {};
  if (machine.state === 'replacing')
    throw new FlyError(
      409,
      'unable to update machine configuration: concurrent update in progress, wait for the machine to settle',
    );
  if (machine.state === 'destroying')
    throw new FlyError(412, "failed_precondition: unable to update machine from current state: 'destroying'");
  if (body.current_version && body.current_version !== machine.current.version) {
    throw new FlyError(
      412,
      `failed_precondition: machine version mismatch: current version is ${machine.current.version}, request expected ${body.current_version}`,
    );
  }
  if (body.region && String(body.region).toLowerCase() !== machine.region) {
    const problem = regionProblem(String(body.region));
    if (problem) throw new FlyError(400, problem);
    throw new FlyError(
      400,
      `invalid region: a Machine cannot move from ${machine.region} to ${body.region}; create a new Machine instead`,
    );
  }
  const version = sim.buildVersion(call.app!, body);
  if (typeof body.name === 'string' && body.name) machine.name = body.name;
  if (body.skip_service_registration === true) machine.cordoned = true;
  machine.update(
    version,
    body.skip_launch === true,
    sim.registry.firstPull(version.imageRef.digest) ? 1500 : 300,
    call.revertUpdate === true,
  );
  return ok(machineJson(machine));
}

function destroyMachine(sim: FlyApi, call: Call): Reply {
  const machine = call.machine!;
  sim.requireLease(call);
  // The spec names `force`; flyctl sends `kill` (fly.md §1.2). Both are honoured.
  const force = call.query.get('force') === 'true' || call.query.get('kill') === 'true';
  if (!force && ['started', 'starting', 'restarting', 'replacing', 'stopping'].includes(machine.state)) {
    throw new FlyError(409, 'unable to destroy machine, not currently stopped');
  }
  machine.destroy(force);
  return ok();
}

function startMachine(sim: FlyApi, call: Call): Reply {
  const machine = call.machine!;
  sim.requireLease(call);
  if (machine.state === 'replacing')
    throw new FlyError(412, 'failed_precondition: machine getting replaced, refusing to start');
  if (['created', 'stopping', 'suspending', 'destroying'].includes(machine.state)) {
    throw new FlyError(
      412,
      `failed_precondition: unable to start machine from current state: '${machine.state}'`,
    );
  }
  return ok(machine.start());
}

function stopOptions(call: Call): { signal?: string; timeoutMs?: number } {
  const body = call.body ?? {};
  const signal = body.signal ?? call.query.get('signal') ?? undefined;
  if (signal !== undefined && !STOP_SIGNALS.includes(String(signal).toUpperCase())) {
    throw new FlyError(400, `invalid signal "${signal}": use one of ${STOP_SIGNALS.join(', ')}`);
  }
  const timeout = body.timeout ?? call.query.get('timeout') ?? undefined;
  let timeoutMs: number | undefined;
  if (timeout !== undefined && timeout !== '') {
    if (typeof timeout === 'number' || /^\d+$/.test(String(timeout))) timeoutMs = Number(timeout) * 1000;
    else if (isGoDuration(timeout)) timeoutMs = goDurationMs(timeout, 5000);
    else throw new FlyError(400, `invalid timeout "${timeout}": use a duration such as "10s"`);
  }
  return { signal: signal === undefined ? undefined : String(signal).toUpperCase(), timeoutMs };
}

function refuseWhileReplacing(machine: SimMachine, action: string): void {
  if (machine.state === 'replacing' || machine.state === 'destroying') {
    throw new FlyError(
      412,
      `failed_precondition: unable to ${action} machine from current state: '${machine.state}'`,
    );
  }
}

function stopMachine(sim: FlyApi, call: Call): Reply {
  sim.requireLease(call);
  refuseWhileReplacing(call.machine!, 'stop');
  const { signal, timeoutMs } = stopOptions(call);
  call.machine!.stop(signal, timeoutMs);
  return ok();
}

function suspendMachine(sim: FlyApi, call: Call): Reply {
  sim.requireLease(call);
  refuseWhileReplacing(call.machine!, 'suspend');
  call.machine!.stop(undefined, undefined, 'suspended');
  return ok();
}

function restartMachine(sim: FlyApi, call: Call): Reply {
  const machine = call.machine!;
  sim.requireLease(call);
  if (!['started', 'starting'].includes(machine.state)) {
    throw new FlyError(
      412,
      `failed_precondition: unable to restart machine from current state: '${machine.state}'`,
    );
  }
  const options = stopOptions(call);
  // flyctl sends force_stop=true to skip the graceful signal (fly.md §1.2).
  const signal = call.query.get('force_stop') === 'true' ? 'SIGKILL' : options.signal;
  machine.restart(signal, options.timeoutMs);
  return ok();
}

function signalMachine(sim: FlyApi, call: Call): Reply {
  sim.requireLease(call);
  const raw = call.body?.signal;
  if (raw === undefined || raw === null || raw === '') throw new FlyError(400, 'signal is required');
  if (call.machine!.state !== 'started')
    throw new FlyError(412, `failed_precondition: machine is not running (state '${call.machine!.state}')`);
  call.machine!.signal(normalizeSignal(raw));
  return ok();
}

function cordon(sim: FlyApi, call: Call, value: boolean): Reply {
  sim.requireLease(call);
  call.machine!.cordoned = value;
  call.machine!.notify();
  return ok();
}

async function waitMachine(_sim: FlyApi, call: Call): Promise<Reply> {
  const machine = call.machine!;
  const q = call.query;
  const wanted = q
    .getAll('state')
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  if (wanted.length === 0) wanted.push('started');
  for (const state of wanted) {
    if (!WAIT_STATES.includes(state))
      throw new FlyError(400, `invalid state "${state}": use one of ${WAIT_STATES.join(', ')}`);
  }
  const version = q.get('version') ?? q.get('instance_id') ?? undefined;
  if (wanted.includes('stopped') && !version) {
    throw new FlyError(400, 'instance_id (version) is required when waiting for the stopped state');
  }
  if (version && machine.stateOf(version) === undefined)
    throw new FlyError(404, `machine version ${version} not found`);
  const rawTimeout = q.get('timeout');
  let timeoutS = 60;
  if (rawTimeout !== null && rawTimeout !== '') {
    timeoutS = /^\d+$/.test(rawTimeout) ? Number(rawTimeout) : goDurationMs(rawTimeout, NaN) / 1000;
    if (!Number.isFinite(timeoutS))
      throw new FlyError(400, `invalid timeout "${rawTimeout}": seconds as a whole number`);
  }
  timeoutS = Math.min(Math.max(timeoutS, 0), 60);

  const check = (): Reply | undefined => {
    const state = machine.stateOf(version)!;
    const reached =
      wanted.includes(state) ||
      (wanted.includes('settled') && SETTLED_STATES.has(state)) ||
      // A destroyed Machine has certainly stopped: an auto_destroy Machine may pass `stopped` before the wait.
      (state === 'destroyed' && wanted.includes('stopped'));
    if (reached)
      return ok({
        ok: true,
        state,
        version: version ?? machine.current.version,
        event_id: machine.events[0]?.id ?? '',
      });
    if (state === 'destroyed') throw new FlyError(404, 'machine not found');
    return undefined;
  };
  const immediate = check();
  if (immediate) return immediate;
  return new Promise<Reply>((resolve, reject) => {
    const onChange = () => {
      try {
        const reply = check();
        if (reply) finish(reply);
      } catch (error) {
        cleanup();
        reject(error);
      }
    };
    const timer = setTimeout(() => {
      const state = machine.stateOf(version);
      finish(
        errorReply(
          new FlyError(
            408,
            `deadline_exceeded: machine failed to reach desired state, ${wanted.join(',')}, currently ${state}`,
          ),
        ),
      );
    }, timeoutS * 1000);
    // A pending wait must not keep a closing sim (or the CLI process) alive.
    timer.unref();
    const cleanup = () => {
      clearTimeout(timer);
      machine.changes.off('change', onChange);
    };
    const finish = (reply: Reply) => {
      cleanup();
      resolve(reply);
    };
    machine.changes.on('change', onChange);
  });
}

function listEvents(_sim: FlyApi, call: Call): Reply {
  const raw = Number(call.query.get('limit') ?? 20);
  const limit = Number.isInteger(raw) && raw > 0 ? Math.min(raw, 50) : 20;
  return ok(call.machine!.events.slice(0, limit));
}

function listVersions(_sim: FlyApi, call: Call): Reply {
  return ok(
    [...call.machine!.versions].reverse().map((v) => ({ version: v.version, user_config: v.config })),
  );
}

function activeLease(machine: SimMachine) {
  if (machine.lease && machine.lease.expiresAt <= Date.now()) machine.lease = undefined;
  return machine.lease;
}

function leaseHeld(machine: SimMachine): FlyError {
  const lease = machine.lease!;
  return new FlyError(
    409,
    `machine ID ${machine.id} lease currently held by ${lease.owner}, expires at ${new Date(lease.expiresAt).toISOString().replace(/\.\d+Z$/, 'Z')}`,
  );
}

/** The live API wraps leases in `{status, data}` (the spec's flat Lease schema is wrong; fly.md §1.4). */
function leaseEnvelope(machine: SimMachine) {
  const lease = machine.lease!;
  return {
    status: 'success',
    data: {
      nonce: lease.nonce,
      expires_at: Math.floor(lease.expiresAt / 1000),
      owner: lease.owner,
      description: lease.description,
      version: lease.version,
    },
  };
}

function getLease(_sim: FlyApi, call: Call): Reply {
  if (!activeLease(call.machine!)) throw new FlyError(404, 'lease not found');
  return ok(leaseEnvelope(call.machine!));
}

function acquireLease(_sim: FlyApi, call: Call): Reply {
  const machine = call.machine!;
  // flyctl sends `?ttl=N` and no body; the spec documents a JSON body. Both work.
  const rawTtl = call.query.get('ttl') ?? call.body?.ttl;
  const ttl = rawTtl === undefined || rawTtl === null || rawTtl === '' ? 30 : Number(rawTtl);
  if (!Number.isFinite(ttl) || ttl <= 0)
    throw new FlyError(400, `invalid ttl "${rawTtl}": seconds as a positive number`);
  const nonce = call.headers['fly-machine-lease-nonce'];
  const lease = activeLease(machine);
  if (lease) {
    if (nonce !== lease.nonce) throw leaseHeld(machine);
    lease.expiresAt = Date.now() + ttl * 1000;
    if (typeof call.body?.description === 'string') lease.description = call.body.description;
    return ok(leaseEnvelope(machine), 201);
  }
  machine.lease = {
    nonce: leaseNonce(),
    owner: call.token.owner,
    description: typeof call.body?.description === 'string' ? call.body.description : '',
    expiresAt: Date.now() + ttl * 1000,
    version: machine.current.version,
  };
  return ok(leaseEnvelope(machine), 201);
}

function releaseLease(_sim: FlyApi, call: Call): Reply {
  const machine = call.machine!;
  const nonce = call.headers['fly-machine-lease-nonce'];
  if (!nonce) throw new FlyError(400, 'fly-machine-lease-nonce header is required to release a lease');
  const lease = activeLease(machine);
  if (!lease) throw new FlyError(404, 'lease not found');
  if (lease.nonce !== nonce) throw leaseHeld(machine);
  machine.lease = undefined;
  return ok({ status: 'success', data: { ok: true } });
}

function metadataOf(machine: SimMachine): Record<string, string> {
  machine.config.metadata ??= {};
  return machine.config.metadata;
}

function bulkMetadata(_sim: FlyApi, call: Call): Reply {
  const machine = call.machine!;
  const body = call.body ?? {};
  if (!body.metadata || typeof body.metadata !== 'object' || Array.isArray(body.metadata))
    throw new FlyError(400, 'metadata is required: an object of key → value');
  if (body.machine_version && body.machine_version !== machine.current.version) {
    throw new FlyError(
      412,
      `failed_precondition: machine_version ${body.machine_version} does not match the current version ${machine.current.version}`,
    );
  }
  const metadata = metadataOf(machine);
  for (const [key, value] of Object.entries(body.metadata)) {
    if (value === null || value === '') delete metadata[key];
    else if (typeof value === 'string') metadata[key] = value;
    else throw new FlyError(400, `metadata value for "${key}" must be a string or null`);
  }
  return noContent();
}

function getMetadataKey(_sim: FlyApi, call: Call): Reply {
  const value = metadataOf(call.machine!)[call.params.key];
  if (value === undefined) throw new FlyError(404, `metadata key "${call.params.key}" not found`);
  return ok({ value });
}

function setMetadataKey(_sim: FlyApi, call: Call): Reply {
  const value = call.body?.value;
  if (typeof value !== 'string') throw new FlyError(400, 'value is required and must be a string');
  if (value === '') delete metadataOf(call.machine!)[call.params.key];
  else metadataOf(call.machine!)[call.params.key] = value;
  return noContent();
}

function deleteMetadataKey(_sim: FlyApi, call: Call): Reply {
  delete metadataOf(call.machine!)[call.params.key];
  return noContent();
}

function secretJson(name: string, secret: Secret, withValue: boolean) {
  return {
    name,
    digest: secret.digest,
    created_at: secret.created_at,
    updated_at: secret.updated_at,
    ...(withValue ? { value: secret.value } : {}),
  };
}

function putSecret(app: AppState, name: string, value: string): Secret {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
    throw new FlyError(
      400,
      `invalid secret name "${name}": letters, digits and underscores, not starting with a digit`,
    );
  const now = new Date().toISOString();
  const secret: Secret = {
    value,
    digest: createHash('sha256').update(value).digest('hex').slice(0, 16),
    created_at: app.secrets.get(name)?.created_at ?? now,
    updated_at: now,
  };
  app.secrets.set(name, secret);
  return secret;
}

function listSecrets(_sim: FlyApi, call: Call): Reply {
  const withValues = call.query.get('show_secrets') === 'true';
  return ok({ secrets: [...call.app!.secrets].map(([name, s]) => secretJson(name, s, withValues)) });
}

function updateSecrets(_sim: FlyApi, call: Call): Reply {
  const app = call.app!;
  const values = call.body?.values;
  if (!values || typeof values !== 'object' || Array.isArray(values))
    throw new FlyError(400, 'values is required: an object of NAME → value (null deletes)');
  for (const [name, value] of Object.entries(values)) {
    if (value !== null && typeof value !== 'string')
      throw new FlyError(400, `secret "${name}" must be a string or null`);
  }
  for (const [name, value] of Object.entries(values)) {
    if (value === null) app.secrets.delete(name);
    else putSecret(app, name, value as string);
  }
  app.secretsVersion++;
  return ok({
    secrets: [...app.secrets].map(([name, s]) => secretJson(name, s, false)),
    version: app.secretsVersion,
    Version: app.secretsVersion,
  });
}

function getSecret(_sim: FlyApi, call: Call): Reply {
  const secret = call.app!.secrets.get(call.params.secret_name);
  if (!secret) throw new FlyError(404, `secret ${call.params.secret_name} not found`);
  return ok(secretJson(call.params.secret_name, secret, call.query.get('show_secrets') === 'true'));
}

function setSecret(_sim: FlyApi, call: Call): Reply {
  const app = call.app!;
  const value = call.body?.value;
  if (typeof value !== 'string') throw new FlyError(400, 'value is required and must be a string');
  const secret = putSecret(app, call.params.secret_name, value);
  app.secretsVersion++;
  return ok(
    {
      ...secretJson(call.params.secret_name, secret, false),
      version: app.secretsVersion,
      Version: app.secretsVersion,
    },
    201,
  );
}

function deleteSecret(_sim: FlyApi, call: Call): Reply {
  const app = call.app!;
  if (!app.secrets.delete(call.params.secret_name))
    throw new FlyError(404, `secret ${call.params.secret_name} not found`);
  app.secretsVersion++;
  return ok({ version: app.secretsVersion, Version: app.secretsVersion });
}

// ---- shapes -------------------------------------------------------------------------------------------

/** The API still answers booleans for autostop "off"/"stop" (spec description of fly.MachineService). */
function responseConfig(config: any): any {
  const copy = structuredClone(config);
  for (const service of Array.isArray(copy.services) ? copy.services : []) {
    if (service.autostop === 'off') service.autostop = false;
    else if (service.autostop === 'stop') service.autostop = true;
  }
  return copy;
}

export function machineJson(machine: SimMachine, options: { summary?: boolean } = {}) {
  const version = machine.current;
  const base = {
    id: machine.id,
    name: machine.name,
    state: machine.state,
    region: machine.region,
    instance_id: version.version,
    version: version.version,
    private_ip: machine.privateIp,
    image_ref: version.imageRef,
    created_at: machine.createdAt,
    updated_at: machine.updatedAt,
    cordoned: machine.cordoned,
  };
  if (options.summary) return base;
  return {
    ...base,
    config: responseConfig(version.config),
    events: machine.events.slice(0, 20),
    checks: machine.checkStatuses(),
    host_status: 'ok',
  };
}

function validateConfig(config: any): void {
  if (config.services !== undefined && !Array.isArray(config.services))
    throw new FlyError(400, 'invalid machine config: services must be an array');
  for (const service of config.services ?? []) {
    if (
      service.internal_port !== undefined &&
      (!Number.isInteger(service.internal_port) || service.internal_port < 1 || service.internal_port > 65535)
    ) {
      throw new FlyError(
        400,
        `invalid machine config: services.internal_port ${JSON.stringify(service.internal_port)} is not a port number`,
      );
    }
    for (const check of service.checks ?? []) validateCheck(check, 'services.checks');
  }
  if (config.checks !== undefined) {
    if (typeof config.checks !== 'object' || Array.isArray(config.checks))
      throw new FlyError(400, 'invalid machine config: checks must be an object of name → check');
    for (const check of Object.values(config.checks)) validateCheck(check, 'checks');
  }
  const policy = config.restart?.policy;
  if (policy !== undefined && !['no', 'always', 'on-failure', 'spot-price'].includes(policy)) {
    throw new FlyError(
      400,
      `invalid machine config: restart.policy "${policy}" must be one of no, always, on-failure, spot-price`,
    );
  }
  if (config.env !== undefined) {
    if (typeof config.env !== 'object' || Array.isArray(config.env))
      throw new FlyError(400, 'invalid machine config: env must be an object of strings');
    for (const [k, v] of Object.entries(config.env)) {
      if (typeof v !== 'string') throw new FlyError(400, `invalid machine config: env.${k} must be a string`);
    }
  }
  if (config.metadata !== undefined) {
    for (const [k, v] of Object.entries(config.metadata ?? {})) {
      if (typeof v !== 'string')
        throw new FlyError(400, `invalid machine config: metadata.${k} must be a string`);
    }
  }
}

function validateCheck(check: any, where: string): void {
  for (const field of ['interval', 'timeout', 'grace_period']) {
    if (check?.[field] !== undefined && !isGoDuration(check[field])) {
      throw new FlyError(
        400,
        `invalid machine config: ${where}.${field} ${JSON.stringify(check[field])} is not a duration such as "15s"`,
      );
    }
  }
  if (check?.type !== undefined && !['http', 'tcp'].includes(check.type))
    throw new FlyError(400, `invalid machine config: ${where}.type must be http or tcp`);
}

function errorReply(error: unknown): Reply {
  if (error instanceof FlyError) {
    return {
      status: error.httpStatus,
      body: { error: error.message, ...(error.code ? { status: error.code } : {}) },
      headers: error.headers,
    };
  }
  return {
    status: 500,
    body: {
      error: `internal error: ${error instanceof Error ? error.message : String(error)}`,
      status: 'unknown',
    },
  };
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
