import { afterAll, beforeAll } from '@jest/globals';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { startFlySim } from '../../src/sim/fly/index.js';
import { runBundle, type BundleRun } from '../../src/harness/run-bundle.js';
import { deploy, type DeployOptions, type DeployResult } from '../../src/fly/deploy.js';
import { parseFlyToml } from '../../src/fly/fly-toml.js';

export type FlySim = Awaited<ReturnType<typeof startFlySim>>;

const STAGING = new URL('../fixtures/fly/fly.staging.toml', import.meta.url);

/** A checkout with the staging fly.toml (as fly.toml and fly.staging.toml) plus any extra files. */
export function workspace(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'fly-deploy-ws-'));
  copyFileSync(STAGING, join(dir, 'fly.toml'));
  copyFileSync(STAGING, join(dir, 'fly.staging.toml'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

export const image = (app: string, tag: string) => `registry.fly.io/${app}:${tag}`;

/** Runs the built bundle the way the runner does, pointed at the simulator. */
export function deployBundle(
  sim: FlySim,
  app: string,
  inputs: Record<string, string | undefined>,
  options: { cwd?: string; apiUrl?: string; env?: Record<string, string | undefined> } = {},
): Promise<BundleRun> {
  return runBundle('fly-deploy', {
    cwd: options.cwd ?? workspace(),
    env: options.env,
    inputs: {
      app,
      'api-url': options.apiUrl ?? sim.apiUrl,
      'api-token': sim.token,
      'public-url': app ? sim.appUrl(app) : undefined,
      'proxy-settle': '0s',
      'wait-timeout': '8s',
      ...inputs,
    },
    timeoutMs: 120_000,
  });
}

/** The staging fly.toml's text, the file most tests deploy (alone or with a few lines added). */
export const STAGING_TOML = readFileSync(STAGING, 'utf8');

/**
 * The options an in-process deploy() test starts from: `text` as fly.toml (the staging file by default),
 * `image(app, tag)`, rolling one Machine at a time in sin, pointed at the simulator; `extra` overrides.
 */
export function deployOptions(
  sim: FlySim,
  app: string,
  tag: string,
  extra: Partial<DeployOptions> = {},
  text = STAGING_TOML,
): DeployOptions {
  return {
    app,
    toml: parseFlyToml(text, 'fly.toml'),
    image: image(app, tag),
    strategy: 'rolling',
    maxUnavailable: 1,
    waitTimeoutMs: 15_000,
    regions: ['sin'],
    apiToken: sim.token,
    apiUrl: sim.apiUrl,
    rollback: true,
    publicUrl: sim.appUrl(app),
    proxySettleMs: 0,
    ...extra,
  };
}

/** A first deploy done in-process (faster than a bundle run) to give a test an app with Machines. */
export async function seed(
  sim: FlySim,
  app: string,
  tag = 'v1',
  extra: Partial<DeployOptions> = {},
): Promise<DeployResult> {
  const lines: string[] = [];
  const result = await deploy({
    ...deployOptions(sim, app, tag, { maxUnavailable: 0.33, log: (line) => lines.push(line), ...extra }),
    toml: extra.toml ?? parseFlyToml(STAGING_TOML, 'fly.staging.toml'),
  });
  if (result.status !== 'deployed')
    throw new Error(`seeding ${app} failed: ${result.reason}\n${lines.join('\n')}`);
  return result;
}

/**
 * The changes sent to the sim since call number `from` (`sim.calls().length` taken before): everything
 * but reads and the lease calls a deploy makes before it changes anything.
 */
export const mutationsSince = (sim: FlySim, from: number) =>
  sim
    .calls()
    .slice(from)
    .filter((c) => c.method !== 'GET' && !c.path.endsWith('/lease'));

/** The log as a reader sees it: the runner consumes `::add-mask::` lines. */
export const visibleLog = (log: string) =>
  log
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

/** A pass-through proxy in front of the simulator that records each request with its headers and body. */
export async function startRecorder(
  target: string,
  gate: {
    /** Forwards the request once this resolves (dropped if the client gave up meanwhile). */
    hold?: (req: { method: string; path: string }) => Promise<void> | undefined;
    /** Called once the upstream answered the request. */
    answered?: (req: { method: string; path: string; status: number }) => void;
  } = {},
): Promise<{ url: string; requests: RecordedRequest[]; close: () => Promise<void> }> {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      await gate.hold?.({ method: req.method ?? 'GET', path: req.url ?? '/' });
      if (res.closed || req.socket.destroyed) return;
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = { ...req.headers };
      delete headers.host;
      delete headers.connection;
      try {
        const upstream = await request(new URL(req.url ?? '/', target), {
          method: req.method as 'GET',
          headers: headers as Record<string, string>,
          body: body || undefined,
        });
        const text = await upstream.body.text();
        requests.push({
          method: req.method ?? 'GET',
          path: req.url ?? '/',
          headers: req.headers,
          body,
          status: upstream.statusCode,
        });
        gate.answered?.({ method: req.method ?? 'GET', path: req.url ?? '/', status: upstream.statusCode });
        const outHeaders: Record<string, string> = {};
        for (const [k, v] of Object.entries(upstream.headers))
          if (typeof v === 'string' && !['transfer-encoding', 'connection', 'content-length'].includes(k))
            outHeaders[k] = v;
        res.writeHead(upstream.statusCode, outHeaders);
        res.end(text);
      } catch (error) {
        res.writeHead(502);
        res.end(String(error));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export { startFlySim };

/**
 * One simulator for a whole test file: started before its first test, closed after its last. The
 * returned handle forwards to it, so a test file reads `sim.createApp(…)` as if it held the sim itself.
 */
export function suiteSim(options: Parameters<typeof startFlySim>[0] = {}): FlySim {
  let started: FlySim | undefined;
  beforeAll(async () => {
    started = await startFlySim(options);
  });
  afterAll(async () => {
    await started?.close();
  });
  return new Proxy({} as FlySim, {
    get(_target, key) {
      if (!started) throw new Error('the Fly simulator is used before beforeAll started it');
      const value: unknown = Reflect.get(started, key, started);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(started) : value;
    },
  });
}

/**
 * The leases still held on the app's Machines, read through the API (GET …/lease, 404 when free). A deploy
 * must release every lease it took on every path; leases outlive it by their TTL otherwise.
 */
export async function heldLeases(
  sim: FlySim,
  app: string,
): Promise<{ id: string; owner: string; description: string }[]> {
  const held: { id: string; owner: string; description: string }[] = [];
  for (const m of sim.machines(app)) {
    const res = await fetch(`${sim.apiUrl}/v1/apps/${app}/machines/${m.id}/lease`, {
      headers: { authorization: `Bearer ${sim.token}` },
    });
    const body = (await res.json()) as { data?: { owner?: string; description?: string } };
    if (res.status === 404) continue;
    if (res.status !== 200) throw new Error(`GET lease of ${m.id} returned ${res.status}`);
    held.push({ id: m.id, owner: body.data?.owner ?? '', description: body.data?.description ?? '' });
  }
  return held;
}

/** Resolves once `predicate` holds for the app's Machines (polled every 50ms), for steering a running deploy. */
export async function whenMachines(
  sim: FlySim,
  app: string,
  predicate: (machines: ReturnType<FlySim['machines']>) => boolean,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate(sim.machines(app))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting on the Machines of ${app}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
