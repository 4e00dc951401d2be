import { notFound } from './errors.js';
import type { GitHubState } from './state.js';

export interface Reply {
  status: number;
  body: unknown;
  /** The `Link` header of a paginated list. */
  link?: string;
}

/** One authenticated request below /repos/{owner}/{repo}. */
export interface Call {
  params: Record<string, string>;
  query: URLSearchParams;
  url: URL;
  body: Record<string, unknown>;
}

type Handler = (state: GitHubState, call: Call) => Reply;

export interface RouteDef {
  method: string;
  /** Path below /repos/{owner}/{repo}, as the REST reference writes it: `/deployments/{deployment_id}`. */
  path: string;
  handler: Handler;
}

/** The first route whose method and path match answers; anything else, another repository included, is a 404. */
export function router(
  routes: RouteDef[],
): (state: GitHubState, method: string, url: URL, body: Record<string, unknown>) => Reply {
  const compiled = routes.map((route) => ({
    route,
    names: [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
    regex: new RegExp(`^${route.path.replace(/\{\w+\}/g, '([^/]+)')}$`),
  }));
  return (state, method, url, body) => {
    const rest = pathInRepository(state, url.pathname);
    for (const { route, names, regex } of compiled) {
      const m = route.method === method ? regex.exec(rest) : null;
      if (!m) continue;
      const params = Object.fromEntries(names.map((name, i) => [name, m[i + 1]]));
      return route.handler(state, { params, query: url.searchParams, url, body });
    }
    throw notFound();
  };
}

/** The path below /repos/{owner}/{repo} when it names this repository (case-insensitively, as GitHub does). */
function pathInRepository(state: GitHubState, pathname: string): string {
  const m = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(pathname);
  if (!m || `${m[1]}/${m[2]}`.toLowerCase() !== `${state.owner}/${state.repo}`.toLowerCase())
    throw notFound();
  return m[3] ?? '/';
}
