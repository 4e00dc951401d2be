import type http from 'node:http';
import type { Json } from './json.js';
import type { SimMachine } from './machine.js';
import type { AppProxy } from './proxy.js';
import type { SimVolume } from './volumes.js';

export interface SimOptions {
  token: string;
  host: string;
  timeScale: number;
  rateLimits: boolean;
  /** Idle time (ms, before timeScale) after which the proxy auto-stops a Machine; 0 = autostop/autostart off. */
  autoStopIdleMs: number;
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
  volumes: Map<string, SimVolume>;
  proxy: AppProxy;
}

export interface CallRecord {
  method: string;
  path: string;
  query: string;
  status: number;
  at: number;
}

export interface TokenInfo {
  owner: string;
  /** Undefined for an org token; otherwise the apps a deploy token is scoped to. */
  apps?: Set<string>;
}

/** One authenticated request, with the app and Machine its path names already looked up. */
export interface Call {
  params: Record<string, string>;
  query: URLSearchParams;
  /** The JSON body (an empty object when the request had none). */
  body: Json;
  headers: http.IncomingHttpHeaders;
  token: TokenInfo;
  app?: AppState;
  machine?: SimMachine;
  /** A `revertUpdate` fault matched: the update is made, then reverted by "flyd". */
  revertUpdate?: boolean;
}

/** The app a route under /apps/{app_name} acts on (the router has looked it up). */
export function appOf(call: Call): AppState {
  if (!call.app) throw new Error(`route ${JSON.stringify(call.params)} has no app`);
  return call.app;
}

/** The Machine a route under /machines/{machine_id} acts on (the router has looked it up). */
export function machineOf(call: Call): SimMachine {
  if (!call.machine) throw new Error(`route ${JSON.stringify(call.params)} has no machine`);
  return call.machine;
}
