/**
 * Local S3 servers for tests, the benchmark and the rehearsal (never used by the action itself):
 * s3rver (npm) and moto_server (Python, on this machine kind), both on loopback.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** A running local S3 server: where it listens, the credentials it accepts, and how to stop it. */
export interface LocalS3 {
  kind: 's3rver' | 'moto';
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** s3rver only: where it keeps objects on disk (tests flip bytes there to simulate bit rot). */
  directory?: string;
  stop(): Promise<void>;
}

/** The file s3rver keeps an object's bytes in; its ETag lives beside it, so changing these bytes is bit rot. */
export function s3rverObjectFile(directory: string, bucket: string, key: string): string {
  const parts = key.split('/');
  const name = parts.pop() ?? '';
  return join(directory, bucket, ...parts, `${name}._S3rver_object`);
}

const ROOT = resolve(process.env.RUNWAY_ROOT ?? process.cwd());

/**
 * s3rver in its own Node process: it encrypts continuation tokens with DES, which OpenSSL 3 refuses
 * unless the process runs with --openssl-legacy-provider, and the test process cannot change its own
 * OpenSSL provider after start. Port 0; the child prints the port it got.
 */
export async function startS3rver(options: { directory?: string } = {}): Promise<LocalS3> {
  const directory = options.directory ?? mkdtempSync(join(tmpdir(), 's3rver-'));
  const script = `
    const S3rver = require(${JSON.stringify(join(ROOT, 'node_modules/s3rver'))});
    const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: ${JSON.stringify(directory)} });
    server.run().then((info) => process.stdout.write(JSON.stringify({ port: info.port }) + '\\n'));
    process.on('SIGTERM', () => server.close().then(() => process.exit(0)));
  `;
  const child = spawn(process.execPath, ['--openssl-legacy-provider', '-e', script], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  const port = await new Promise<number>((resolvePort, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolvePort((JSON.parse(line) as { port: number }).port);
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`s3rver exited with ${code}: ${err}`)));
  });
  return {
    kind: 's3rver',
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-west-004',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    directory,
    stop: async () => {
      await stopChild(child);
      if (!options.directory) rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** Whether moto_server is on this machine (it ships with the image; tests skip without it). */
export function hasMoto(): boolean {
  return findOnPath('moto_server') !== undefined;
}

function findOnPath(binary: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    const candidate = join(dir, binary);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** A free loopback port: moto_server cannot report the port it bound, so we pick one first. */
export async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((ok) => server.close(() => ok()));
  return port;
}

/**
 * moto_server: the real multipart ETag form, versioning and lifecycle. Extra env (for example
 * INITIAL_NO_AUTH_ACTION_COUNT, which turns on IAM authorization after N calls) is passed through.
 */
export async function startMoto(options: { env?: Record<string, string> } = {}): Promise<LocalS3> {
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env },
    });
    let log = '';
    child.stdout!.on('data', (c: Buffer) => (log += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
    const endpoint = `http://127.0.0.1:${port}`;
    const up = await waitForHttp(endpoint, child, 30_000);
    if (up) {
      return {
        kind: 'moto',
        endpoint,
        region: 'us-west-004',
        accessKeyId: 'testing',
        secretAccessKey: 'testing',
        stop: () => stopChild(child),
      };
    }
    await stopChild(child);
    if (attempt >= 2) throw new Error(`moto_server did not start: ${log.slice(-500)}`);
  }
}

/**
 * Readiness by TCP connect, not HTTP: with INITIAL_NO_AUTH_ACTION_COUNT moto counts every request,
 * and a probe must not use up the unauthenticated calls the setup needs.
 */
async function waitForHttp(endpoint: string, child: ChildProcess, timeoutMs: number): Promise<boolean> {
  const { hostname, port } = new URL(endpoint);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) return false;
    const up = await new Promise<boolean>((resolve) => {
      const socket = connect(Number(port), hostname);
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (up) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((ok) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      ok();
    });
    child.kill('SIGTERM');
  });
}
