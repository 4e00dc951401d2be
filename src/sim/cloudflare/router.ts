import { NO_ROUTE } from './envelope.js';
import type { CloudflareState } from './state.js';
import { ApiFailure } from './store.js';

export interface Reply {
  status: number;
  body: unknown;
}

/** One request after authentication: the path below /client/v4 and the parsed JSON body. */
export interface Call {
  params: Record<string, string>;
  query: URLSearchParams;
  body: Record<string, unknown>;
}

type Handler = (state: CloudflareState, call: Call) => Reply;

export interface RouteDef {
  /** Undefined: any method (a route that looks its objects up, then has nothing for this method). */
  method?: string;
  /** Path as the API reference writes it, e.g. `/zones/{zone_id}/dns_records`. */
  path: string;
  handler: Handler;
}

/** Routes in order: the first whose path and method match answers; none is Cloudflare's 404 7000. */
export function router(
  routes: RouteDef[],
): (
  state: CloudflareState,
  method: string,
  path: string,
  query: URLSearchParams,
  body: Record<string, unknown>,
) => Reply {
  const compiled = routes.map((route) => ({
    route,
    names: [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
    regex: new RegExp(`^${route.path.replace(/\{\w+\}/g, '([^/]+)')}$`),
  }));
  return (state, method, path, query, body) => {
    for (const { route, names, regex } of compiled) {
      const m = regex.exec(path);
      if (!m || (route.method && route.method !== method)) continue;
      const params = Object.fromEntries(names.map((name, i) => [name, m[i + 1]]));
      return route.handler(state, { params, query, body });
    }
    throw new ApiFailure(404, [NO_ROUTE]);
  };
}

/** The end of a route that looked its objects up (404s first) and serves nothing for this method. */
export const noRoute = (): never => {
  throw new ApiFailure(404, [NO_ROUTE]);
};
