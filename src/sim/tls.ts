import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';

/** PEM key and certificate, as node:https and node:tls take them. */
export interface KeyAndCertificate {
  key: string;
  cert: string;
}

/** When a certificate is valid: by default from an hour ago for `days` days. */
export interface Validity {
  notBefore: Date;
  notAfter: Date;
}

function validFor(days: number): Validity {
  const now = Date.now();
  return { notBefore: new Date(now - 3_600_000), notAfter: new Date(now + days * 86_400_000) };
}

/** Node makes the key (fast, native); node-forge assembles and signs the X.509 certificate. */
function rsaKeyPair(): { pem: string; key: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  return {
    pem: privateKey,
    key: forge.pki.privateKeyFromPem(privateKey),
    publicKey: forge.pki.publicKeyFromPem(publicKey),
  };
}

/** Subject alternative names: IP addresses as IP entries, everything else as DNS names. */
function altNames(names: string[]): { type: number; value?: string; ip?: string }[] {
  return names.map((name) => (isIP(name) ? { type: 7, ip: name } : { type: 2, value: name }));
}

interface CertificateRequest {
  commonName: string;
  names: string[];
  validity: Validity;
  publicKey: forge.pki.rsa.PublicKey;
  /** The signer; a self-signed certificate when absent. */
  issuer?: { cert: forge.pki.Certificate; key: forge.pki.rsa.PrivateKey };
  authority?: boolean;
}

function signCertificate(
  request: CertificateRequest,
  ownKey: forge.pki.rsa.PrivateKey,
): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = request.publicKey;
  // A positive serial: a leading 01 byte keeps the DER integer's sign bit clear.
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = request.validity.notBefore;
  cert.validity.notAfter = request.validity.notAfter;
  cert.setSubject([{ name: 'commonName', value: request.commonName }]);
  cert.setIssuer(request.issuer ? request.issuer.cert.subject.attributes : cert.subject.attributes);
  cert.setExtensions(
    request.authority
      ? [
          { name: 'basicConstraints', cA: true, critical: true },
          { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
        ]
      : [
          { name: 'basicConstraints', cA: false },
          { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
          { name: 'extKeyUsage', serverAuth: true },
          { name: 'subjectAltName', altNames: altNames(request.names) },
        ],
  );
  cert.sign(request.issuer?.key ?? ownKey, forge.md.sha256.create());
  return cert;
}

/**
 * A throwaway certificate authority standing in for the one behind Fly's edge certificates, for the DNS
 * tests and the rehearsal. Bundles trust it through NODE_EXTRA_CA_CERTS=`caFile`, as a runner would trust
 * a corporate CA.
 */
export interface TestCa {
  dir: string;
  caFile: string;
  caPem: string;
  /** A leaf certificate for the given DNS names, signed by this CA (valid one day unless `validity` says). */
  issue(names: string[], validity?: Validity): KeyAndCertificate;
  cleanup(): void;
}

export function createTestCa(): TestCa {
  const dir = mkdtempSync(join(tmpdir(), 'runway-ca-'));
  const caKeys = rsaKeyPair();
  const caCert = signCertificate(
    {
      commonName: 'Runway Test CA',
      names: [],
      validity: validFor(2),
      publicKey: caKeys.publicKey,
      authority: true,
    },
    caKeys.key,
  );
  const caPem = forge.pki.certificateToPem(caCert);
  const caFile = join(dir, 'ca.pem');
  writeFileSync(caFile, caPem);
  return {
    dir,
    caFile,
    caPem,
    issue(names: string[], validity = validFor(1)) {
      const leaf = rsaKeyPair();
      const cert = signCertificate(
        {
          commonName: names[0],
          names,
          validity,
          publicKey: leaf.publicKey,
          issuer: { cert: caCert, key: caKeys.key },
        },
        leaf.key,
      );
      return { key: leaf.pem, cert: forge.pki.certificateToPem(cert) };
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A throwaway self-signed certificate for localhost and 127.0.0.1, with its PEM file path. */
export function selfSignedCertificate(): KeyAndCertificate & { certPath: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'runway-cert-'));
  const keys = rsaKeyPair();
  const cert = forge.pki.certificateToPem(
    signCertificate(
      {
        commonName: 'localhost',
        names: ['localhost', '127.0.0.1'],
        validity: validFor(2),
        publicKey: keys.publicKey,
      },
      keys.key,
    ),
  );
  const certPath = join(dir, 'cert.pem');
  writeFileSync(certPath, cert);
  return { key: keys.pem, cert, certPath, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
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
