import { afterEach, describe, expect, it } from '@jest/globals';
import { HttpClient } from '../../src/core/http.js';
import { ContractError, pathId } from '../../src/core/contract.js';
import { Deadline } from '../../src/core/deadline.js';
import { ApiError } from '../../src/core/errors.js';
import { BEHAVIOURS, startHostile, type Behaviour, type HostileServer } from '../../src/sim/hostile/index.js';

let server: HostileServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const timeouts = { connectMs: 1000, firstByteMs: 800, bodyIdleMs: 500, totalMs: 1500 };
const SECRET = 'sk_live_hostile_secret_0123456789';

function client(url: string) {
  return new HttpClient({
    service: 'Test API',
    baseUrl: `${url}/v1`,
    headers: { authorization: `Bearer ${SECRET}` },
    timeouts,
    maxBodyBytes: 1024 * 1024,
    retry: { retries: 2, baseMs: 1, maxMs: 5 },
  });
}

/** Expected message fragment per behaviour: each names what went wrong in words a user can act on. */
const EXPECTED: Record<Behaviour, RegExp> = {
  'html-200': /wanted a JSON answer.*text\/html.*Sign in to the network/,
  'echo-500': /returned 500/,
  hang: /did not answer \(no response headers within 800ms\)/,
  'stall-mid-body': /stopped sending its answer mid-body|stopped answering/,
  trickle: /stopped answering: the whole request took too long/,
  'truncated-json': /complete JSON document/,
  'wrong-content-type': /wanted a JSON answer.*text\/plain/,
  'redirect-loop': /returned 302 \(a redirect to .*redirects are not followed\)/,
  'huge-body': /wanted an answer under 1024 KiB/,
  reset: /failed: .*(socket|closed|ECONNRESET)/i,
};

describe('HttpClient against every hostile behaviour', () => {
  for (const behaviour of BEHAVIOURS) {
    it(`${behaviour}: a clear error naming the service, bounded in time, secrets scrubbed`, async () => {
      server = await startHostile({ behaviour, trickleMs: 50 });
      const started = Date.now();
      const error = (await client(server.url)
        .request('GET', 'apps/demo/machines', { query: { api_key: SECRET } })
        .catch((e: unknown) => e)) as Error;
      const elapsed = Date.now() - started;
      expect(error).toBeInstanceOf(ApiError);
      expect(error.message).toMatch(/^Test API/);
      expect(error.message).toContain(`${server.url}/v1/apps/demo/machines?api_key=***`);
      expect(error.message).toMatch(EXPECTED[behaviour]);
      expect(error.message).not.toContain(SECRET);
      expect((error as ApiError).body).not.toContain(SECRET);
      // Bounded: a few attempts of at most totalMs each, never the 60 s defaults.
      expect(elapsed).toBeLessThan(6000);
    });
  }

  it('never retries an answer that broke the contract (one request for HTML 200)', async () => {
    server = await startHostile({ behaviour: 'html-200' });
    await client(server.url)
      .request('GET', 'x')
      .catch(() => undefined);
    expect(server.requests).toHaveLength(1);
  });

  it('does not wait twice for a server that has never answered', async () => {
    server = await startHostile({ behaviour: 'hang' });
    await client(server.url)
      .request('GET', 'x')
      .catch(() => undefined);
    expect(server.requests).toHaveLength(1);
  });

  it('retries a lost answer from a server that had answered before, within the deadline', async () => {
    server = await startHostile({ rules: [{ match: (r) => r.index === 1, behaviour: 'hang' }], okBody: [] });
    const http = new HttpClient({
      service: 'Test API',
      baseUrl: server.url,
      timeouts,
      deadline: new Deadline(10_000),
      retry: { retries: 3, baseMs: 1, maxMs: 5 },
    });
    await http.request('GET', 'first');
    const second = await http.request('GET', 'second');
    expect(second.body).toEqual([]);
    expect(server.requests.map((r) => r.answer)).toEqual(['ok', 'hang', 'ok']);
  });

  it('stops retrying at the deadline and says so', async () => {
    server = await startHostile({ behaviour: 'echo-500' });
    const http = new HttpClient({
      service: 'Test API',
      baseUrl: server.url,
      timeouts,
      deadline: new Deadline(300, "the step's timeout (300ms)"),
      retry: { retries: 50, baseMs: 100, maxMs: 100, random: () => 1 },
    });
    const started = Date.now();
    const error = (await http.request('GET', 'x').catch((e: unknown) => e)) as Error;
    expect(Date.now() - started).toBeLessThan(1500);
    expect(error.message).toMatch(/stopped at the step's timeout \(300ms\) after \d attempts/);
    expect(server.requests.length).toBeLessThan(5);
  });

  it('does not resend a POST after a 500 unless told it is safe', async () => {
    server = await startHostile({ behaviour: 'echo-500' });
    await client(server.url)
      .request('POST', 'apps/demo/machines', { body: {} })
      .catch(() => undefined);
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('checks the fields the caller needs and refuses an answer without them', async () => {
    server = await startHostile({ okBody: [{ name: 'no id here' }] });
    const error = await client(server.url)
      .request('GET', 'x', {
        check: (b) => (Array.isArray(b) && b.every((m) => m.id) ? undefined : 'Machines with ids'),
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractError);
    expect((error as Error).message).toMatch(
      /wanted Machines with ids, got HTTP 200 application\/json "\[\{\\"name/,
    );
  });
});

describe('pathId', () => {
  it.each([undefined, '', 'a/b', '../x', 'a b', 'x'.repeat(300), 'id?x=1', 'id#frag'])(
    'refuses %p as an id in a URL',
    (value) => {
      expect(() => pathId('Machine id', value)).toThrow(/non-empty, URL-safe Machine id/);
    },
  );
  it.each(['3d8d9019b37e58', 'example.com.', '023e105f4ecef8ad9ca31a8372d0c353'])('accepts %p', (value) => {
    expect(pathId('id', value)).toBe(value);
  });
});
