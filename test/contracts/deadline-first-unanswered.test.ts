import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { Deadline } from '../../src/core/deadline.js';
import { HttpClient } from '../../src/core/http.js';
import { deploy } from '../../src/fly/deploy.js';
import { startHostile, type HostileServer } from '../../src/sim/hostile/index.js';
import { deployOptions, seed, startFlySim, type FlySim } from '../fly/support.js';

/**
 * Issue 10: when the deadline stops a run, the message names the request where the server stopped
 * answering (the first that went unanswered), not whichever later call happened to run into the deadline.
 */
const servers: HostileServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function hanging(): Promise<HostileServer> {
  const server = await startHostile({
    rules: [{ match: ({ url }) => url.startsWith('/hang'), behaviour: 'hang' }],
  });
  servers.push(server);
  return server;
}

const client = (server: HostileServer, deadline: Deadline) =>
  new HttpClient({
    service: 'Test API',
    baseUrl: server.url,
    deadline,
    timeouts: { firstByteMs: 300, totalMs: 300 },
    retry: { retries: 0 },
  });

const caught = (promise: Promise<unknown>) =>
  promise.then(
    () => new Error('no failure'),
    (e: unknown) => e as Error,
  );

describe('the deadline message names the first request that went unanswered (core/http.ts)', () => {
  it('a call that timed out earlier leads the message of a later call the deadline stopped', async () => {
    const server = await hanging();
    const deadline = new Deadline(60_000, 'the test deadline');
    const http = client(server, deadline);
    // Generous for a loaded machine: only the calls to /hang are meant to time out.
    await http.request('GET', '/ok', { timeouts: { firstByteMs: 30_000, totalMs: 30_000 } });
    // A non-idempotent call that hangs ends (ambiguous, nothing to reconcile with); the caller carries on.
    const hung = await caught(http.request('POST', '/hang/create', { body: {} }));
    expect(hung.message).toMatch(/POST http:\/\/127\.0\.0\.1:\d+\/hang\/create stopped answering/);
    deadline.at = Date.now() - 1;
    const late = await caught(http.request('GET', '/later'));
    expect(late.message).toMatch(
      /^Test API POST http:\/\/127\.0\.0\.1:\d+\/hang\/create stopped answering: the whole request took too long after 300ms \(the first request that went unanswered\); then Test API GET http:\/\/127\.0\.0\.1:\d+\/later was not sent: the test deadline had passed$/,
    );
  });

  it('a call still waiting for its answer is named, with how long it has waited', async () => {
    const server = await hanging();
    const deadline = new Deadline(60_000, 'the test deadline');
    const http = new HttpClient({
      service: 'Test API',
      baseUrl: server.url,
      deadline,
      retry: { retries: 0 },
    });
    const waiting = caught(http.request('GET', '/hang/wait'));
    deadline.at = Date.now() - 1;
    const late = await caught(http.request('DELETE', '/later'));
    expect(late.message).toMatch(
      /^Test API GET http:\/\/127\.0\.0\.1:\d+\/hang\/wait had no answer after \d+ms \(the first request that went unanswered\); then Test API DELETE http:\/\/127\.0\.0\.1:\d+\/later was not sent: the test deadline had passed$/,
    );
    await server.close();
    servers.splice(0);
    await waiting;
  });

  it("a call's own hang is not repeated in its message", async () => {
    const server = await hanging();
    const http = client(server, new Deadline(60_000));
    const own = await caught(http.request('GET', '/hang/alone'));
    expect(own.message).not.toMatch(/first request that went unanswered/);
  });
});

describe('fly-deploy: the deadline names the Machine update that hung', () => {
  let sim: FlySim;
  beforeAll(async () => {
    sim = await startFlySim({});
  });
  afterAll(async () => {
    await sim?.close();
  });

  it('an update that never answers is the request the timeout message names, and the deploy rolls back', async () => {
    const app = 'deadline-first';
    await sim.createApp(app);
    await seed(sim, app, 'v1');
    // Everything reaches the real stand-in except the first Machine update, which never answers. The
    // update is not idempotent: after its timeout the client checks whether it landed (a GET), which the
    // passed deadline stops; that GET used to be the request the message named.
    const isUpdate = ({ method, url }: { method: string; url: string }) =>
      method === 'POST' && /^\/v1\/apps\/[^/]+\/machines\/[^/?]+$/.test(url);
    const hostile = await startHostile({
      upstream: sim.apiUrl,
      rules: [{ match: isUpdate, behaviour: 'hang', times: 1 }],
    });
    servers.push(hostile);
    // A 5 m wait-timeout and a 4 s deadline: only the deadline can end what hangs.
    const result = await deploy(
      deployOptions(sim, app, 'v2', {
        strategy: 'immediate',
        maxUnavailable: 0.33,
        waitTimeoutMs: 300_000,
        timeoutMs: 4000,
        apiUrl: hostile.url,
      }),
    );
    const hung = hostile.requests.find((r) => r.answer === 'hang')!;
    expect(hung.url).toMatch(/^\/v1\/apps\/deadline-first\/machines\/\w+$/);
    expect(result.status).toBe('rolled-back');
    expect(result.reason).toMatch(
      /^fly-deploy's timeout \(4\.0s\) passed: the Fly Machines API at http:\/\/127\.0\.0\.1:\d+ stopped answering \(Fly Machines API POST /,
    );
    // The update's own timeout ends it, or the deadline stops the check that follows it: either way the
    // update is named first, as the request that went unanswered.
    expect(result.reason).toMatch(
      new RegExp(
        `stopped answering \\(Fly Machines API POST ${hostile.url.replace(/\./g, '\\.')}${hung.url} (stopped answering|did not answer)`,
      ),
    );
  }, 120_000);
});
