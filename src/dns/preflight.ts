import tls from 'node:tls';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { lookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import { isHostname, type Target } from './records.js';

/** Like curl's --connect-to: where checks "through the new target" actually connect. */
export interface ConnectTo {
  address?: string;
  port?: number;
}

/** `127.0.0.1:8443`, `[::1]:8443`, `:8443` (address from the target), `10.0.0.5`. */
export function parseConnectTo(text: string): ConnectTo | undefined {
  const t = text.trim();
  const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(t);
  const plain = /^([^:[\]]*)(?::(\d+))?$/.exec(t);
  const [address, port] = bracket
    ? [bracket[1], bracket[2]]
    : plain
      ? [plain[1], plain[2]]
      : [undefined, undefined];
  if (!bracket && !plain) {
    if (isIP(t) === 6) return { address: t };
    return undefined;
  }
  const result: ConnectTo = {};
  if (address) {
    if (!isIP(address) && address !== 'localhost' && !isHostname(address)) return undefined;
    result.address = address;
  }
  if (port !== undefined) {
    const p = Number(port);
    if (!Number.isInteger(p) || p < 1 || p > 65535) return undefined;
    result.port = p;
  }
  return result.address || result.port ? result : undefined;
}

/** The address checks connect to: the given one, else the target's first address (a CNAME is looked up). */
export async function targetAddress(target: Target, connectTo?: ConnectTo): Promise<string> {
  if (connectTo?.address) {
    if (isIP(connectTo.address)) return connectTo.address;
    return (await lookup(connectTo.address)).address;
  }
  if (target.kind === 'addresses') return target.a[0] ?? target.aaaa[0];
  try {
    return (await lookup(target.host)).address;
  } catch (error) {
    throw new Error(
      `the target ${target.host} does not resolve (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      { cause: error },
    );
  }
}

export interface TlsReport {
  ok: boolean;
  address: string;
  port: number;
  servername: string;
  subject?: string;
  altNames?: string;
  issuer?: string;
  validTo?: string;
  error?: string;
  ms: number;
}

/**
 * A TLS handshake to `address:port` with SNI set to the hostname. The certificate must chain to a
 * trusted root (NODE_EXTRA_CA_CERTS counts) and cover the hostname; on Fly that happens only after
 * `fly certs add <host>` has issued it. The handshake is accepted whatever the outcome so the report
 * can name what the certificate does cover.
 */
export async function checkTls(
  address: string,
  port: number,
  servername: string,
  options: { ca?: string; timeoutMs?: number } = {},
): Promise<TlsReport> {
  const started = Date.now();
  const base = { address, port, servername };
  return new Promise<TlsReport>((resolve) => {
    const socket = tls.connect({
      host: address,
      port,
      servername,
      rejectUnauthorized: false,
      ...(options.ca ? { ca: [...tls.rootCertificates, options.ca] } : {}),
    });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({
        ...base,
        ok: false,
        error: `no TLS handshake within ${options.timeoutMs ?? 5000}ms`,
        ms: Date.now() - started,
      });
    }, options.timeoutMs ?? 5000);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      const cert = socket.getPeerCertificate();
      const info = {
        subject: cert.subject?.CN === undefined ? undefined : String(cert.subject.CN),
        altNames: cert.subjectaltname,
        issuer: String(cert.issuer?.CN ?? cert.issuer?.O ?? ''),
        validTo: cert.valid_to,
      };
      let error: string | undefined;
      if (!socket.authorized)
        error =
          String(socket.authorizationError) === 'CERT_HAS_EXPIRED'
            ? `certificate expired on ${cert.valid_to} (CERT_HAS_EXPIRED)`
            : `certificate not trusted (${String(socket.authorizationError)})`;
      const identity = tls.checkServerIdentity(servername, cert);
      if (identity)
        error = `certificate is not valid for ${servername}: it covers ${cert.subjectaltname ?? cert.subject?.CN ?? 'no names'}`;
      socket.end();
      resolve({ ...base, ...info, ok: !error, error, ms: Date.now() - started });
    });
    socket.once('error', (err) => {
      clearTimeout(timer);
      resolve({ ...base, ok: false, error: err.message, ms: Date.now() - started });
    });
  });
}

export interface HealthReport {
  ok: boolean;
  url: string;
  address: string;
  port: number;
  status?: number;
  error?: string;
  ms: number;
}

/**
 * GET the health URL with the connection pinned to `address` (and `port` when given), keeping the URL's
 * host for SNI and the Host header, as `curl --connect-to` does. 2xx passes.
 */
export async function checkHealth(
  url: URL,
  address: string,
  port: number | undefined,
  options: { ca?: string; timeoutMs?: number } = {},
): Promise<HealthReport> {
  const started = Date.now();
  const secure = url.protocol === 'https:';
  const usePort = port ?? (url.port ? Number(url.port) : secure ? 443 : 80);
  const family = isIP(address) === 6 ? 6 : 4;
  const pinned = ((_host: string, opts: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (opts?.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  }) as unknown as LookupFunction;
  const base = { url: url.href, address, port: usePort };
  return new Promise<HealthReport>((resolve) => {
    const req = (secure ? https : http).request(
      {
        protocol: url.protocol,
        hostname: url.hostname,
        port: usePort,
        path: `${url.pathname}${url.search}`,
        method: 'GET',
        lookup: pinned,
        servername: url.hostname,
        headers: { host: url.host, 'user-agent': 'runway-dns-cutover' },
        timeout: options.timeoutMs ?? 5000,
        agent: false,
        ...(secure && options.ca ? { ca: [...tls.rootCertificates, options.ca] } : {}),
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          resolve({
            ...base,
            ok: status >= 200 && status < 300,
            status,
            error: status >= 200 && status < 300 ? undefined : `answered ${status}`,
            ms: Date.now() - started,
          });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${options.timeoutMs ?? 5000}ms`)));
    req.on('error', (err) => resolve({ ...base, ok: false, error: err.message, ms: Date.now() - started }));
    req.end();
  });
}
