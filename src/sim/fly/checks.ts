import http from 'node:http';
import net from 'node:net';
import { goDurationMs } from './duration.js';
import { objectOf, objectsOf, stringOf, type Json } from './json.js';

export interface CheckSpec {
  name: string;
  type: 'http' | 'tcp';
  port: number;
  path: string;
  method: string;
  headers: Record<string, string>;
  intervalMs: number;
  timeoutMs: number;
  graceMs: number;
  /** Service checks decide routing; top-level checks are only reported (fly.md §2.4). */
  service: boolean;
}

export interface CheckStatus {
  name: string;
  status: 'passing' | 'warning' | 'critical';
  output: string;
  updated_at: string;
}

function spec(name: string, raw: Json, fallbackPort: number, service: boolean): CheckSpec {
  const headers: Record<string, string> = {};
  for (const header of objectsOf(raw.headers)) {
    const headerName = stringOf(header.name);
    if (headerName)
      headers[headerName] = Array.isArray(header.values)
        ? header.values.join(', ')
        : String(header.values ?? '');
  }
  return {
    name,
    type: raw.type === 'tcp' ? 'tcp' : 'http',
    port: Number(raw.port ?? fallbackPort),
    path: stringOf(raw.path) || '/',
    method: stringOf(raw.method)?.toUpperCase() || 'GET',
    headers,
    intervalMs: goDurationMs(raw.interval, 15_000),
    timeoutMs: goDurationMs(raw.timeout, 2_000),
    graceMs: goDurationMs(raw.grace_period, 1_000),
    service,
  };
}

/**
 * Checks as flyd derives them: top-level `config.checks` keep their names; service checks are named
 * `servicecheck-NN-<type>-<port>` in the order they appear across services.
 */
export function checkSpecs(config: Json): CheckSpec[] {
  const result: CheckSpec[] = [];
  const services = objectsOf(config.services);
  const defaultPort = Number(services[0]?.internal_port ?? 8080);
  let n = 0;
  for (const service of services) {
    for (const raw of objectsOf(service.checks)) {
      const type = raw.type === 'tcp' ? 'tcp' : 'http';
      const port = Number(raw.port ?? service.internal_port ?? defaultPort);
      result.push(
        spec(`servicecheck-${String(n).padStart(2, '0')}-${type}-${port}`, { ...raw, port }, port, true),
      );
      n++;
    }
  }
  for (const [name, raw] of Object.entries(objectOf(config.checks)))
    result.push(spec(name, objectOf(raw), defaultPort, false));
  return result;
}

/** Runs one Machine's checks against its process: nothing reported until the grace period ends. */
export class CheckRunner {
  private readonly statuses = new Map<string, CheckStatus>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly specs: CheckSpec[],
    private readonly hostPort: (internal: number) => number | undefined,
    private readonly timeScale: number,
    private readonly onChange: () => void,
    /** Statuses a test forces (`FlySim.setCheck`), which win over what the probes see. */
    private readonly overrides: Map<string, CheckStatus['status']> = new Map(),
  ) {}

  start(): void {
    for (const check of this.specs) {
      const run = async () => {
        if (this.stopped) return;
        const result = await this.probe(check);
        if (this.stopped) return;
        const previous = this.statuses.get(check.name);
        this.statuses.set(check.name, { name: check.name, ...result, updated_at: new Date().toISOString() });
        if (previous?.status !== result.status) this.onChange();
        this.timers.set(check.name, setTimeout(run, Math.max(50, check.intervalMs * this.timeScale)));
      };
      this.timers.set(check.name, setTimeout(run, check.graceMs * this.timeScale));
    }
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  list(): CheckStatus[] {
    return this.specs.flatMap((check) => {
      const status = this.current(check.name);
      return status ? [{ ...status }] : [];
    });
  }

  /** Every service check has reported and passes (vacuously true without service checks). */
  servicePassing(): boolean {
    return this.specs.filter((c) => c.service).every((c) => this.current(c.name)?.status === 'passing');
  }

  private current(name: string): CheckStatus | undefined {
    const forced = this.overrides.get(name);
    if (forced)
      return {
        name,
        status: forced,
        output: `${forced} (set by the test)`,
        updated_at: new Date().toISOString(),
      };
    return this.statuses.get(name);
  }

  private probe(check: CheckSpec): Promise<{ status: CheckStatus['status']; output: string }> {
    const port = this.hostPort(check.port);
    if (port === undefined)
      return Promise.resolve({
        status: 'critical',
        output: `dial tcp [::]:${check.port}: connect: connection refused`,
      });
    return check.type === 'tcp' ? tcpProbe(port, check) : httpProbe(port, check);
  }
}

function tcpProbe(
  port: number,
  check: CheckSpec,
): Promise<{ status: CheckStatus['status']; output: string }> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ status: 'critical', output: `dial tcp :${check.port}: i/o timeout` });
    }, check.timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ status: 'passing', output: 'Success' });
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      resolve({ status: 'critical', output: `dial tcp :${check.port}: ${error.message}` });
    });
  });
}

function httpProbe(
  port: number,
  check: CheckSpec,
): Promise<{ status: CheckStatus['status']; output: string }> {
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: check.path,
        method: check.method,
        headers: check.headers,
        timeout: check.timeoutMs,
        agent: false,
      },
      (res) => {
        res.resume();
        const code = res.statusCode ?? 0;
        const ok = code >= 200 && code < 300;
        resolve({
          status: ok ? 'passing' : 'critical',
          output: `${ok ? 'Success' : 'Failed'}: ${check.method} ${check.path} responded ${code}`,
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('context deadline exceeded')));
    req.on('error', (error) =>
      resolve({ status: 'critical', output: `${check.method} ${check.path}: ${error.message}` }),
    );
    req.end();
  });
}
