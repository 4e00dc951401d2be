import { randomBytes } from 'node:crypto';
import { FlyError } from './errors.js';
import { FlySimulator } from './server.js';
import type { FaultRule } from './faults.js';
import type { CheckStatus } from './checks.js';

/**
 * A local stand-in for the Fly Machines API (https://api.machines.dev/v1), built from the published
 * OpenAPI spec and the live behaviours in shared/reference/fly.md (§8 checklist). Each started Machine is a
 * real child process running "the image" (machine-process.mjs), and each app has a public proxy URL that
 * routes like Fly's proxy. Image references select behaviours (see images.ts):
 * `crash`, `never-healthy`, `slow`, `release-fail`, anything else healthy.
 */
export type { FaultRule } from './faults.js';
export { SERVED_ROUTES } from './routes.js';

export interface FlySimOptions {
  token?: string;
  apps?: string[];
  /** Default 127.0.0.1. */
  host?: string;
  /**
   * Speeds up the sim's own delays, check grace periods/intervals and the slow image's boot. Either
   * reading works: 0.2 (durations × 0.2) and 5 (five times faster) mean the same; 1 is real time.
   */
  timeScale?: number;
  /** The published request budgets (429 past them). Default true. */
  rateLimits?: boolean;
  /**
   * The proxy's auto_stop_machines / auto_start_machines: a Machine idle this long (ms, scaled by
   * timeScale) is stopped, a request with nowhere to go starts one. Off (0) unless asked for, so tests
   * that expect Machines to stay as a deploy left them are not raced by the proxy.
   */
  autoStopIdleMs?: number;
}

export interface SimMachineView {
  id: string;
  name: string;
  region: string;
  state: string;
  image: string;
  digest: string;
  version: string;
  cordoned: boolean;
  checks: Pick<CheckStatus, 'name' | 'status'>[];
  metadata: Record<string, string>;
  config: unknown;
  /** Routed by the app's public proxy right now. */
  routable: boolean;
  /** Last lines the Machine's process printed. */
  logs: string[];
}

export interface FlySim {
  apiUrl: string;
  token: string;
  createApp(name: string, org?: string): Promise<void>;
  appUrl(app: string): string;
  /** Places a server (by its URL's host:port) at a place of distance.ts, e.g. `bkk`, for exec'd commands. */
  place(url: string, place: string): void;
  faults: { inject(rule: FaultRule): void; clear(): void };
  holdLease(app: string, machineId: string, owner: string, ttlSeconds: number): Promise<void>;
  machines(app: string): SimMachineView[];
  /**
   * Forces one check of a Machine to a status ("per test script", fly.md §8.6), e.g. a healthy Machine
   * turning `critical` mid-load or a `warning`. `null` hands the check back to its probe.
   */
  setCheck(
    app: string,
    machineId: string,
    name: string,
    status: 'passing' | 'warning' | 'critical' | null,
  ): void;
  calls(): { method: string; path: string; query: string; status: number; at: number }[];
  close(): Promise<void>;
}

/** Values above 1 read as "n times faster", values up to 1 as a factor on durations: both speed up. */
export function durationFactor(timeScale: number | undefined): number {
  if (timeScale === undefined || !Number.isFinite(timeScale) || timeScale <= 0) return 1;
  return timeScale > 1 ? 1 / timeScale : timeScale;
}

export async function startFlySim(options: FlySimOptions = {}): Promise<FlySim> {
  const token = options.token ?? `fm2_sim${randomBytes(18).toString('base64url')}`;
  const api = new FlySimulator({
    token,
    host: options.host ?? '127.0.0.1',
    timeScale: durationFactor(options.timeScale),
    rateLimits: options.rateLimits ?? true,
    autoStopIdleMs: options.autoStopIdleMs ?? 0,
  });
  const apiUrl = await api.listen();
  for (const app of options.apps ?? []) await api.createApp(app);
  let closed: Promise<void> | undefined;
  return {
    apiUrl,
    token,
    async createApp(name, org) {
      await api.createApp(name, org);
    },
    appUrl(app) {
      const state = api.apps.get(app);
      if (!state) throw new Error(`the Fly sim has no app named ${app}`);
      return state.proxy.url;
    },
    place(url, place) {
      api.places.set(url, place);
    },
    faults: {
      inject: (rule) => api.faults.inject(rule),
      clear: () => api.faults.clear(),
    },
    async holdLease(app, machineId, owner, ttlSeconds) {
      try {
        api.holdLease(app, machineId, owner, ttlSeconds);
      } catch (error) {
        throw error instanceof FlyError ? new Error(error.message) : error;
      }
    },
    machines(app) {
      const state = api.apps.get(app);
      if (!state) throw new Error(`the Fly sim has no app named ${app}`);
      return [...state.machines.values()]
        .filter((m) => m.state !== 'destroyed')
        .map((m) => {
          return {
            id: m.id,
            name: m.name,
            region: m.region,
            state: m.state,
            image: String(m.config.image),
            digest: m.current.imageRef.digest,
            version: m.current.version,
            cordoned: m.cordoned,
            checks: m.checkStatuses().map(({ name, status }) => ({ name, status })),
            metadata: { ...(m.config.metadata as Record<string, string> | undefined) },
            config: structuredClone(m.config),
            routable: m.routable(),
            logs: [...(m.process?.log ?? [])],
          };
        });
    },
    setCheck(app, machineId, name, status) {
      const machine = api.apps.get(app)?.machines.get(machineId);
      if (!machine) throw new Error(`the Fly sim has no machine ${machineId} in app ${app}`);
      if (status) machine.checkOverrides.set(name, status);
      else machine.checkOverrides.delete(name);
      machine.notify();
    },
    calls() {
      return api.log.map((c) => ({ ...c }));
    },
    close() {
      closed ??= api.close();
      return closed;
    },
  };
}
