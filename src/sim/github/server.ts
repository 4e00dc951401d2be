import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { HttpError } from './errors.js';
import { DEPLOYMENT_ROUTES } from './handlers/deployments.js';
import { ISSUE_ROUTES } from './handlers/issues.js';
import { LABEL_ROUTES } from './handlers/labels.js';
import type { SimCall, SimFault } from './model.js';
import { router } from './router.js';
import type { GitHubState } from './state.js';

const DOCS = 'https://docs.github.com/rest';

/** Every route the stand-in serves, grouped by resource (handlers/<resource>.ts). */
const route = router([...DEPLOYMENT_ROUTES, ...ISSUE_ROUTES, ...LABEL_ROUTES]);

type Fail = (
  status: number,
  message: string,
  extra?: Record<string, unknown>,
  headers?: Record<string, string>,
) => void;

/** The REST server: each request is logged, meets a waiting fault or authentication, then its route. */
export function createApiServer(state: GitHubState): Server {
  return createServer((req, res) => {
    handle(state, req, res).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(JSON.stringify({ message: String(error), documentation_url: DOCS }));
    });
  });
}

async function handle(state: GitHubState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const url = new URL(req.url ?? '/', 'http://sim.invalid');
  const text = await readBody(req);
  const call: SimCall = {
    method,
    path: url.pathname,
    status: 0,
    query: Object.fromEntries(url.searchParams),
  };
  state.calls.push(call);
  const send = responder(call, res);
  const fail: Fail = (status, message, extra = {}, headers) =>
    send(status, { message, ...extra, documentation_url: DOCS, status: String(status) }, headers);

  const fault = takeFault(state.faults, method, url.pathname);
  if (fault) return answerFault(fault, fail);
  const auth = req.headers.authorization ?? '';
  const presented = /^(?:token|bearer)\s+(.+)$/i.exec(auth)?.[1];
  if (presented !== state.token) return fail(401, auth ? 'Bad credentials' : 'Requires authentication');
  let body: Record<string, unknown> = {};
  if (text) {
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return fail(400, 'Problems parsing JSON');
    }
    call.body = body;
  }
  try {
    const result = route(state, method, url, body);
    send(result.status, result.body, result.link ? { link: result.link } : {});
  } catch (error) {
    if (error instanceof HttpError) return fail(error.status, error.message, error.extra);
    fail(500, error instanceof Error ? error.message : String(error));
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Writes a JSON answer with the headers GitHub sends on every response, and records its status. */
function responder(call: SimCall, res: ServerResponse) {
  return (status: number, payload: unknown, headers: Record<string, string> = {}) => {
    call.status = status;
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'x-github-media-type': 'github.v3; format=json',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      ...headers,
    });
    res.end(payload === undefined ? '' : JSON.stringify(payload));
  };
}

/** The first fault with requests left that matches; taking it uses one of them. */
function takeFault(faults: SimFault[], method: string, path: string): SimFault | undefined {
  const fault = faults.find(
    (f) =>
      f.count > 0 && (!f.path || path.includes(f.path)) && (!f.method || f.method.toUpperCase() === method),
  );
  if (fault) fault.count--;
  return fault;
}

function answerFault(fault: SimFault, fail: Fail): void {
  fail(
    fault.status,
    fault.status === 429 ? 'API rate limit exceeded' : 'Server Error',
    {},
    fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {},
  );
}
