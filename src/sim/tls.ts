import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway certificate authority (openssl CLI) standing in for the one behind Fly's edge certificates,
 * for the DNS tests and the rehearsal. Bundles trust it through
 * NODE_EXTRA_CA_CERTS=`caFile`, as a runner would trust a corporate CA.
 */
export interface TestCa {
  dir: string;
  caFile: string;
  caPem: string;
  /** A leaf certificate for the given DNS names, signed by this CA. */
  issue(names: string[]): { key: string; cert: string };
  cleanup(): void;
}

export function createTestCa(): TestCa {
  const dir = mkdtempSync(join(tmpdir(), 'runway-ca-'));
  const caKey = join(dir, 'ca.key');
  const caFile = join(dir, 'ca.pem');
  const run = (args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  run([
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    caKey,
    '-out',
    caFile,
    '-days',
    '2',
    '-subj',
    '/CN=Runway Test CA',
  ]);
  let serial = 1;
  return {
    dir,
    caFile,
    caPem: readFileSync(caFile, 'utf8'),
    issue(names: string[]) {
      const base = join(dir, `leaf-${serial++}`);
      writeFileSync(
        `${base}.ext`,
        `subjectAltName=${names.map((n) => `DNS:${n}`).join(',')}\nextendedKeyUsage=serverAuth\n`,
      );
      run([
        'req',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        `${base}.key`,
        '-out',
        `${base}.csr`,
        '-subj',
        `/CN=${names[0]}`,
      ]);
      run([
        'x509',
        '-req',
        '-in',
        `${base}.csr`,
        '-CA',
        caFile,
        '-CAkey',
        caKey,
        '-CAcreateserial',
        '-out',
        `${base}.pem`,
        '-days',
        '1',
        '-extfile',
        `${base}.ext`,
      ]);
      return { key: readFileSync(`${base}.key`, 'utf8'), cert: readFileSync(`${base}.pem`, 'utf8') };
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface TlsTarget {
  port: number;
  /** Requests seen, newest last (path and Host header). */
  requests: { path: string; host: string }[];
  /** Changes what /health answers from now on. */
  setHealth(status: number): void;
  close(): Promise<void>;
}

/**
 * An HTTPS server standing in for the new target (the Fly edge): presents `cert` for whatever SNI it
 * is asked, answers /health with the current status, and optionally hands other paths to `handler`.
 */
export async function startTlsTarget(
  cert: { key: string; cert: string },
  options: {
    health?: number;
    healthSequence?: number[];
    /** Asks someone else for each /health status (an edge in front of an app). */
    healthFrom?: () => Promise<number>;
    handler?: (req: IncomingMessage, res: ServerResponse) => void;
  } = {},
): Promise<TlsTarget> {
  let health = options.health ?? 200;
  const sequence = [...(options.healthSequence ?? [])];
  const requests: TlsTarget['requests'] = [];
  const server = createServer({ key: cert.key, cert: cert.cert }, (req, res) => {
    requests.push({ path: req.url ?? '/', host: req.headers.host ?? '' });
    if (req.url?.startsWith('/health') && options.healthFrom) {
      options
        .healthFrom()
        .catch(() => 502)
        .then((status) =>
          res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'unhealthy'),
        );
      return;
    }
    if (req.url?.startsWith('/health')) {
      const status = sequence.length ? sequence.shift()! : health;
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'unhealthy');
      return;
    }
    if (options.handler) return options.handler(req, res);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    requests,
    setHealth: (status) => void (health = status),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
