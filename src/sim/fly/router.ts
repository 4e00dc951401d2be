import type { Reply } from './errors.js';
import type { FlySimulator } from './server.js';
import type { Call } from './state.js';

/** Which request budget a route draws from (rate-limit.ts). */
export type Limit = 'read' | 'mutation' | 'none';

export type Handler = (sim: FlySimulator, call: Call) => Reply | Promise<Reply>;

export interface RouteDef {
  method: string;
  /** Path as the OpenAPI spec writes it (without the /v1 prefix the live API serves it under). */
  path: string;
  limit: Limit;
  handler: Handler;
}

/** The Machine routes' common prefix. */
export const M = '/apps/{app_name}/machines/{machine_id}';

export type Match = { route: RouteDef; params: Record<string, string> } | { methodNotAllowed: true };

/** Matches a path against spec-style templates; a known path with the wrong method is a 405, not a 404. */
export class Router {
  private readonly compiled: { route: RouteDef; names: string[]; regex: RegExp }[];

  constructor(readonly routes: RouteDef[]) {
    this.compiled = routes.map((route) => ({
      route,
      names: [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
      regex: new RegExp(`^${route.path.replace(/\{\w+\}/g, '([^/]+)')}$`),
    }));
  }

  match(method: string, path: string): Match | undefined {
    let pathMatched = false;
    for (const { route, names, regex } of this.compiled) {
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
}
