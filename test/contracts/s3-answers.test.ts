import { afterEach, describe, expect, it } from '@jest/globals';
import { createS3Store, SMALL_ANSWER_TIMEOUT_MS } from '../../src/backup/s3.js';
import { runBundle } from '../../src/harness/run-bundle.js';
import {
  PORTAL_HTML,
  startHostile,
  type HostileOptions,
  type HostileServer,
} from '../../src/sim/hostile/index.js';

/**
 * Issue 10: an S3 endpoint that does not answer as S3 does is a contract error naming the service, the
 * URL without secrets, what was expected and what came, first bytes included; and backup-verify's
 * deadline ends the requests in flight, naming the server that stopped answering.
 */
const SECRET = 's3ContractSecret/8c1e2f';
const servers: HostileServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function hostile(options: HostileOptions): Promise<HostileServer> {
  const server = await startHostile(options);
  servers.push(server);
  return server;
}

const store = (server: HostileServer) =>
  createS3Store({
    endpoint: server.url,
    region: 'us-east-1',
    bucket: 'backups',
    accessKeyId: 'AKIACONTRACTTEST',
    secretAccessKey: SECRET,
    forcePathStyle: true,
  });

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error as Error,
  );

/** The request URL as the message must show it: the endpoint, the bucket's path and the listing query. */
const listingUrl = (server: HostileServer) =>
  new RegExp(`S3 at ${server.url.replace(/\./g, '\\.')}/backups/\\?list-type=2`);

describe('S3 answers that are not S3 (in process)', () => {
  it('HTML where a listing was due: the URL, "wanted an XML answer", the status, type and first bytes', async () => {
    const server = await hostile({ behaviour: 'html-200' });
    const error = await failure((await store(server)).list(''));
    expect(error.message).toMatch(listingUrl(server));
    expect(error.message).toContain('did not answer ListObjectsV2 as expected: wanted an XML answer');
    expect(error.message).toContain(
      'got HTTP 200 text/html; charset=utf-8 "<!doctype html><html><head><title>Sign in to the network',
    );
    expect(error.message).not.toContain(SECRET);
  });

  it('the wrong content type: its first bytes are quoted', async () => {
    const server = await hostile({ behaviour: 'wrong-content-type' });
    const error = await failure((await store(server)).check());
    expect(error.message).toMatch(/wanted an XML answer, got HTTP 200 text\/plain "\[\]"/);
  });

  it('garbage under an XML content type: "wanted a well-formed XML answer" with what the parser choked on', async () => {
    const server = await hostile({ behaviour: 'truncated-json', bodyType: 'application/xml' });
    const error = await failure((await store(server)).list('db/'));
    expect(error.message).toMatch(listingUrl(server));
    expect(error.message).toContain(
      'wanted a well-formed XML answer, got HTTP 200 application/xml "[{\\"id\\":\\"3d8d9019b37e58\\"',
    );
  });

  it('an error page on a read: the failing status comes with the body it carried, the echoed credentials scrubbed', async () => {
    const server = await hostile({ behaviour: 'echo-500' });
    const error = await failure((await store(server)).getText('db/SHA256SUMS'));
    expect(error.message).toContain('(HTTP 500)');
    expect(error.message).toMatch(
      /the answer was HTTP 500 application\/json "\{\\"error\\":\\"internal error\\"/,
    );
    expect(error.message).not.toContain(SECRET);
  });
});

describe('backup-verify bundle against a store that misbehaves', () => {
  const inputs = (server: HostileServer, extra: Record<string, string> = {}) => ({
    endpoint: server.url,
    region: 'us-east-1',
    bucket: 'backups',
    'access-key-id': 'AKIACONTRACTTEST',
    'secret-access-key': SECRET,
    'force-path-style': 'true',
    'issue-on-failure': 'false',
    ...extra,
  });
  const errors = (run: Awaited<ReturnType<typeof runBundle>>) =>
    run.annotations
      .filter((a) => a.level === 'error')
      .map((a) => a.message)
      .join('\n');

  it('an HTML answer: exit 1, the error quotes the page and names the URL; nothing but reads was sent', async () => {
    const server = await hostile({ behaviour: 'html-200' });
    const run = await runBundle('backup-verify', {
      inputs: inputs(server),
      env: { AWS_EC2_METADATA_DISABLED: 'true' },
      timeoutMs: 90_000,
      removeWorkDir: true,
    });
    expect(run.exitCode).toBe(1);
    expect(errors(run)).toMatch(listingUrl(server));
    expect(errors(run)).toContain(JSON.stringify(PORTAL_HTML.slice(0, 40)).slice(0, -1));
    // ::add-mask:: hands the secret to the runner on purpose; every other line must not carry it.
    expect(run.log.replace(/^::add-mask::.*$/gm, '')).not.toContain(SECRET);
    expect(server.requests.every((r) => ['GET', 'HEAD'].includes(r.method))).toBe(true);
  }, 120_000);

  it('a store that never answers: the action ends at its timeout, names the server, and hangs up on it', async () => {
    const server = await hostile({ behaviour: 'hang' });
    const run = await runBundle('backup-verify', {
      inputs: inputs(server, { timeout: '2s' }),
      env: { AWS_EC2_METADATA_DISABLED: 'true' },
      timeoutMs: 90_000,
      removeWorkDir: true,
    });
    expect(run.exitCode).toBe(1);
    expect(errors(run)).toMatch(
      new RegExp(
        `timeout \\(2\\.0s\\) passed while listing the bucket, waiting for the store at ${server.url.replace(/\./g, '\\.')} to answer`,
      ),
    );
    // Before the deadline aborted requests in flight, the step lived on until the listing's own 20 s bound.
    // Loose (the machine is shared): the whole process, start-up included, well under that bound.
    console.log(`backup-verify against a hanging store, timeout 2s: the step took ${run.durationMs} ms`);
    expect(run.durationMs).toBeLessThan(SMALL_ANSWER_TIMEOUT_MS - 5000);
    await server.idle();
  }, 120_000);
});
