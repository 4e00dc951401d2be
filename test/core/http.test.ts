import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpClient, type HttpCall } from '../../src/core/http.js';
import { ApiError } from '../../src/core/errors.js';
import { registerSecret, scrub } from '../../src/core/secrets.js';

let server: Server;
let base: string;
const hits: Record<string, number> = {};

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '';
    hits[path] = (hits[path] ?? 0) + 1;
    if (path === '/flaky' && hits[path] < 3) {
      res.writeHead(429, { 'retry-after': '0', 'content-type': 'application/json' });
      return res.end('{"error":"rate limited"}');
    }
    if (path === '/unauthorized') {
      res.writeHead(401, { 'content-type': 'application/json' });
      return res.end('{"error":"Authenticate: token validation error"}');
    }
    if (path === '/always-503') {
      res.writeHead(503);
      return res.end('unavailable');
    }
    if (path === '/reset') {
      req.socket.destroy();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ path, auth: req.headers.authorization }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('HttpClient against a real server', () => {
  it('retries 429 and succeeds, recording each attempt', async () => {
    const calls: HttpCall[] = [];
    const client = new HttpClient({ baseUrl: base, onCall: (c) => calls.push(c), retry: { baseMs: 1 } });
    const response = await client.request<{ path: string }>('GET', '/flaky');
    expect(response.body.path).toBe('/flaky');
    expect(calls.map((c) => c.status)).toEqual([429, 429, 200]);
  });

  it('does not retry a 401 and describes it in the user terms given', async () => {
    const client = new HttpClient({
      baseUrl: base,
      describeError: (status) => (status === 401 ? 'the API token was rejected' : 'other'),
    });
    await expect(client.request('GET', '/unauthorized')).rejects.toThrow('the API token was rejected');
    expect(hits['/unauthorized']).toBe(1);
  });

  it('gives up on persistent 5xx with an ApiError', async () => {
    const client = new HttpClient({ baseUrl: base, retry: { retries: 2, baseMs: 1 } });
    const error = await client.request('GET', '/always-503').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(hits['/always-503']).toBe(3);
  });

  it('does not retry a POST that may have been applied unless asked', async () => {
    const client = new HttpClient({ baseUrl: base, retry: { retries: 3, baseMs: 1 } });
    await expect(client.request('POST', '/reset', { body: {} })).rejects.toBeInstanceOf(ApiError);
    expect(hits['/reset']).toBe(1);
  });

  it('scrubs registered secrets from errors', async () => {
    const token = 'fo1_supersecrettokenvalue';
    registerSecret(token);
    const client = new HttpClient({
      baseUrl: base,
      headers: { authorization: `Bearer ${token}` },
      describeError: () => `bad token ${token}`,
    });
    const error = (await client.request('GET', '/unauthorized').catch((e: unknown) => e)) as Error;
    expect(error.message).toBe('bad token ***');
    expect(scrub(`x ${Buffer.from(token).toString('base64')} y`)).toBe('x *** y');
    const ok = await client.request<{ auth: string }>('GET', '/ok');
    expect(ok.body.auth).toBe(`Bearer ${token}`);
  });
});
