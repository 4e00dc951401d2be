import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../s3/local-s3.js';

const run = promisify(execFile);

/**
 * A real PostgreSQL server (Debian's postgresql-15 binaries) in a temp directory, listening on a
 * loopback ephemeral port only, trust authentication for its own superuser. Stand-in for the AWS
 * RDS database, the Fly Postgres one and a workflow's `services: postgres` container.
 */
export interface LocalPostgres {
  /** `postgres://runway@127.0.0.1:PORT/postgres`, the maintenance database. */
  url: string;
  port: number;
  dir: string;
  /** URL of a database on this server. */
  urlOf(database: string): string;
  createDatabase(name: string): Promise<string>;
  /** Runs SQL (several statements allowed) in a database, stopping at the first error. */
  sql(database: string, text: string): Promise<string>;
  stop(): Promise<void>;
}

export const PG_BIN = process.env.RUNWAY_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export function hasPostgres(): boolean {
  return existsSync(join(PG_BIN, 'initdb')) && existsSync(join(PG_BIN, 'postgres'));
}

/**
 * PostgreSQL refuses to run as root (a container's user); then the server runs as the `postgres`
 * account Debian's package creates, which gets the temp directory.
 */
function serverAccount(dir: string): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('running as root and there is no postgres user to run PostgreSQL as');
  const [, , uid, gid] = line.split(':').map(Number);
  chownSync(dir, uid, gid);
  return { uid, gid };
}

/** initdb, then `postgres` in the foreground on a free port; ready when it accepts a query (bounded). */
export async function startPostgres(options: { readyTimeoutMs?: number } = {}): Promise<LocalPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'runway-pg-'));
  const data = join(dir, 'data');
  const account = serverAccount(dir);
  try {
    await run(
      join(PG_BIN, 'initdb'),
      ['-D', data, '-U', 'runway', '-A', 'trust', '-E', 'UTF8', '--locale=C'],
      {
        env: { ...process.env, LC_ALL: 'C' },
        cwd: dir,
        ...account,
      },
    );
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  let lastLog = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const child = spawn(
      join(PG_BIN, 'postgres'),
      [
        '-D',
        data,
        '-p',
        String(port),
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        `unix_socket_directories=${dir}`,
        // A throwaway server: durability costs time and buys nothing.
        '-c',
        'fsync=off',
        '-c',
        'synchronous_commit=off',
        '-c',
        'full_page_writes=off',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir, ...account },
    );
    let log = '';
    child.stdout!.on('data', (c: Buffer) => (log += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
    const base = `postgres://runway@127.0.0.1:${port}`;
    if (await waitReady(base, child, options.readyTimeoutMs ?? 30_000)) return handle(base, port, dir, child);
    lastLog = log;
    child.kill('SIGKILL');
  }
  rmSync(dir, { recursive: true, force: true });
  throw new Error(`PostgreSQL did not start in ${dir}: ${lastLog.slice(-2000)}`);
}

async function waitReady(base: string, child: ChildProcess, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      await run('psql', ['-XAtq', '-d', `${base}/postgres`, '-c', 'select 1']);
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return false;
}

function handle(base: string, port: number, dir: string, child: ChildProcess): LocalPostgres {
  const urlOf = (database: string) => `${base}/${database}`;
  const sql = async (database: string, text: string) =>
    (await run('psql', ['-XAtq', '-v', 'ON_ERROR_STOP=1', '-d', urlOf(database), '-c', text])).stdout;
  return {
    url: urlOf('postgres'),
    port,
    dir,
    urlOf,
    sql,
    async createDatabase(name) {
      await sql('postgres', `CREATE DATABASE "${name}"`);
      return urlOf(name);
    },
    async stop() {
      if (child.exitCode === null) {
        // SIGINT is PostgreSQL's "fast shutdown": no waiting for clients; bounded anyway.
        child.kill('SIGINT');
        const exited = new Promise((resolve) => child.once('exit', resolve));
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
