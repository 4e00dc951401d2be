import http from 'node:http';
import { answerQuery } from './dns.js';
import { failure, NO_ROUTE } from './envelope.js';
import { route } from './routes.js';
import type { CloudflareState, Fault } from './state.js';
import { ApiFailure, type CfError } from './store.js';

export const PREFIX = '/client/v4';

interface Request {
  method: string;
  url: URL;
  /** The path below /client/v4, without a trailing slash. */
  path: string;
  raw: Buffer;
  headers: http.IncomingHttpHeaders;
}

type Send = (status: number, body: unknown) => void;

/**
 * The HTTP side of the stand-in: DNS-over-HTTPS at /dns-query, and the v4 API under /client/v4, which
 * authenticates, applies a waiting fault, parses the body and hands the call to its route.
 */
export function createApiServer(state: CloudflareState): http.Server {
  return http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://sim');
      const method = req.method ?? 'GET';
      const raw = Buffer.concat(chunks);
      if (url.pathname === '/dns-query') return answerDoh(state, method, url, raw, res);
      const path = url.pathname.slice(PREFIX.length).replace(/\/$/, '');
      answerApi(state, { method, url, path, raw, headers: req.headers }, recorder(state, method, url, res));
    });
  });
}

/** RFC 8484: the DNS message is the POST body, or base64url in `?dns=` on a GET. */
function answerDoh(state: CloudflareState, method: string, url: URL, raw: Buffer, res: http.ServerResponse) {
  const wire = method === 'POST' ? raw : Buffer.from(url.searchParams.get('dns') ?? '', 'base64url');
  const answer = answerQuery(wire, state.zones, state.servedRecords);
  res.writeHead(answer.length ? 200 : 400, { 'content-type': 'application/dns-message' }).end(answer);
}

/** Sends a JSON answer and logs the call; a success arms the faults waiting for it (`after`). */
function recorder(state: CloudflareState, method: string, url: URL, res: http.ServerResponse): Send {
  return (status, body) => {
    state.calls.push({
      method,
      path: url.pathname.slice(PREFIX.length) || url.pathname,
      status,
      query: Object.fromEntries(url.searchParams),
      at: Date.now(),
    });
    if (status < 300) armFaultsWaitingFor(state.faults, method, url.pathname);
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
}

function armFaultsWaitingFor(faults: Fault[], method: string, pathname: string): void {
  for (const f of faults)
    if (
      f.after &&
      (!f.after.method || f.after.method === method) &&
      (!f.after.path || pathname.includes(f.after.path))
    )
      f.after = undefined;
}

function answerApi(state: CloudflareState, request: Request, send: Send): void {
  if (!request.url.pathname.startsWith(PREFIX)) return send(404, failure([NO_ROUTE]));
  const denied = authenticate(request.headers.authorization, state.token);
  if (denied) return send(denied.status, failure([denied.error]));
  const fault = takeFault(state.faults, request.method, request.path);
  if (fault) return answerFault(state, fault, request, send);
  let body: Record<string, unknown> = {};
  if (request.raw.length) {
    try {
      body = JSON.parse(request.raw.toString('utf8')) as Record<string, unknown>;
    } catch {
      return send(400, failure([{ code: 6007, message: 'Malformed JSON in request body' }]));
    }
  }
  try {
    const out = route(state, request.method, request.path, request.url.searchParams, body);
    send(out.status, out.body);
  } catch (error) {
    if (error instanceof ApiFailure) send(error.status, failure(error.errors));
    else send(500, failure([{ code: 10002, message: (error as Error).message }]));
  }
}

function authenticate(
  auth: string | undefined,
  token: string,
): { status: number; error: CfError } | undefined {
  if (!auth)
    return {
      status: 400,
      error: { code: 9106, message: 'Missing X-Auth-Key, X-Auth-Email or Authorization headers' },
    };
  if (auth !== `Bearer ${token}`)
    return { status: 403, error: { code: 9109, message: 'Invalid access token' } };
  return undefined;
}

/** The first armed fault matching the call; one with `times` is dropped when they are used up. */
function takeFault(faults: Fault[], method: string, path: string): Fault | undefined {
  const fault = faults.find(
    (f) => !f.after && (!f.method || f.method === method) && (!f.path || path.includes(f.path)),
  );
  if (fault?.times !== undefined && --fault.times <= 0) faults.splice(faults.indexOf(fault), 1);
  return fault;
}

function answerFault(state: CloudflareState, fault: Fault, request: Request, send: Send): void {
  if (fault.applied) {
    try {
      const body = request.raw.length ? (JSON.parse(request.raw.toString()) as Record<string, unknown>) : {};
      route(state, request.method, request.path, request.url.searchParams, body);
    } catch {
      // The fault answer is sent whatever the request did.
    }
  }
  const throttled = fault.status === 429;
  send(
    fault.status,
    failure([
      {
        code: fault.code ?? (throttled ? 971 : 10002),
        message:
          fault.message ??
          (throttled ? 'Please wait and consider throttling your request speed' : 'Internal server error'),
      },
    ]),
  );
}
