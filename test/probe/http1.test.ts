import { afterAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ResponseReader } from '../../src/probe/http1.js';
import { probe } from '../../src/probe/probe.js';

interface Read {
  heads: { status: number; keepAlive: boolean; timeout?: number }[];
  completed: number;
  error?: string;
}

/** Feeds the response in pieces of `step` bytes (1 = every byte on its own), as a socket might. */
function read(
  text: string,
  step = Number.POSITIVE_INFINITY,
  head = false,
): Read & { reader: ResponseReader } {
  const out: Read = { heads: [], completed: 0 };
  const reader = new ResponseReader(
    {
      onHead: (status, keepAlive, timeout) => out.heads.push({ status, keepAlive, timeout }),
      onComplete: () => out.completed++,
    },
    head,
  );
  const bytes = Buffer.from(text, 'latin1');
  for (let at = 0; at < bytes.length && !out.error; at += Math.min(step, bytes.length)) {
    out.error = reader.feed(bytes.subarray(at, Math.min(bytes.length, at + step)));
  }
  return Object.assign(out, { reader });
}

const CASES: [string, string, Partial<Read>][] = [
  [
    'Content-Length',
    'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\ncontent-length: 5\r\nKeep-Alive: timeout=5\r\n\r\nhello',
    { heads: [{ status: 200, keepAlive: true, timeout: 5 }], completed: 1 },
  ],
  [
    'chunked with an extension and a trailer',
    'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;x=1\r\nhello\r\nA\r\n0123456789\r\n0\r\nX-T: 1\r\n\r\n',
    { heads: [{ status: 200, keepAlive: true, timeout: undefined }], completed: 1 },
  ],
  [
    'an interim 103 before the final response',
    'HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n',
    { heads: [{ status: 404, keepAlive: true, timeout: undefined }], completed: 1 },
  ],
  [
    '204 without a length',
    'HTTP/1.1 204 No Content\r\nDate: x\r\n\r\n',
    { heads: [{ status: 204, keepAlive: true, timeout: undefined }], completed: 1 },
  ],
  [
    'Connection: close',
    'HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok',
    { heads: [{ status: 200, keepAlive: false, timeout: undefined }], completed: 1 },
  ],
  [
    'HTTP/1.0 without keep-alive',
    'HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok',
    { heads: [{ status: 200, keepAlive: false, timeout: undefined }], completed: 1 },
  ],
];

describe('ResponseReader', () => {
  it.each(CASES)('reads %s, whole or byte by byte', (_name, text, expected) => {
    for (const step of [Number.POSITIVE_INFINITY, 7, 1]) {
      const got = read(text, step);
      expect({ heads: got.heads, completed: got.completed, error: got.error }).toEqual({
        ...expected,
        error: undefined,
      });
    }
  });

  it('waits for the close when a body has no length, and ends there', () => {
    const got = read('HTTP/1.1 200 OK\r\n\r\nsome body');
    expect(got.heads).toEqual([{ status: 200, keepAlive: false, timeout: undefined }]);
    expect(got.completed).toBe(0);
    expect(got.reader.closed()).toBe(true);
    expect(got.completed).toBe(1);
  });

  it('knows a cut-short body from a complete one when the connection closes', () => {
    const got = read('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort');
    expect(got.completed).toBe(0);
    expect(got.reader.closed()).toBe(false);
  });

  it('reads no body after a HEAD request', () => {
    const got = read('HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n', Number.POSITIVE_INFINITY, true);
    expect(got.completed).toBe(1);
  });

  it.each([
    ['SSH-2.0-OpenSSH\r\n\r\n', /no HTTP\/1.x status line/],
    ['HTTP/1.1 2x0 OK\r\n\r\n', /malformed status line/],
    ['HTTP/1.1 200 OK\r\nBroken\r\n\r\n', /without a colon/],
    ['HTTP/1.1 200 OK\r\nContent-Length: -3\r\n\r\n', /invalid Content-Length/],
    ['HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n', /invalid chunk size/],
  ])('refuses %j', (text, message) => {
    expect(read(text).error).toMatch(message);
  });
});

describe('the probe against node:http in every framing', () => {
  let server: Server;
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('completes chunked, sized, empty and close-delimited responses, each on its own connection use', async () => {
    let n = 0;
    server = createServer((_req, res) => {
      const kind = n++ % 4;
      if (kind === 0)
        res.end('sized body'); // Content-Length
      else if (kind === 1) {
        res.write('chunk one, '); // chunked
        setImmediate(() => res.end('chunk two'));
      } else if (kind === 2) res.writeHead(204).end();
      else {
        res.writeHead(200, { connection: 'close' }); // until the close
        res.end('closing');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const report = await probe({
      urls: [new URL(`http://127.0.0.1:${port}/`)],
      requests: 40,
      rate: 0,
      concurrency: 1,
      warmup: 0,
      timeoutMs: 2000,
      method: 'GET',
      headers: {},
      expectStatus: [{ from: 200, to: 299 }],
    });
    const t = report.targets[0];
    expect(t.errors).toBe(0);
    expect(t.statusCounts).toEqual({ '200': 30, '204': 10 });
    // One connection at a time; every fourth response closes it, so a new one opens for the next.
    expect(t.connections).toBe(10);
  });
});
