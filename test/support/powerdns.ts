import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import dgram from 'node:dgram';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real PowerDNS Authoritative server (Debian pdns-server + gsqlite3) on loopback high ports, as
 * in the dns-latency reference recipe: its own --config-dir, no daemon, no guardian, API key auth.
 */
export interface PowerDns {
  apiUrl: string;
  apiKey: string;
  /** `127.0.0.1:port`, UDP and TCP. */
  dnsAddress: string;
  dir: string;
  createZone(
    name: string,
    rrsets: { name: string; type: string; ttl: number; records: string[] }[],
  ): Promise<void>;
  log(): string;
  stop(): Promise<void>;
}

const SCHEMA = '/usr/share/pdns-backend-sqlite3/schema/schema.sqlite3.sql';

/** A port free for both UDP and TCP right now (PowerDNS has no "port 0 and tell me"). */
async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const p = (server.address() as { port: number }).port;
        server.close(() => resolve(p));
      });
    });
    const udpFree = await new Promise<boolean>((resolve) => {
      const socket = dgram.createSocket('udp4');
      socket.once('error', () => resolve(false));
      socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(true)));
    });
    if (udpFree) return port;
  }
}

export async function startPowerDns(options: { apiKey?: string } = {}): Promise<PowerDns> {
  const apiKey = options.apiKey ?? `pdns-${Math.random().toString(36).slice(2, 12)}`;
  const dir = mkdtempSync(join(tmpdir(), 'runway-pdns-'));
  const db = join(dir, 'pdns.sqlite3');
  execFileSync('sqlite3', [db], { input: readFileSync(SCHEMA) });
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const dnsPort = await freePort();
    const apiPort = await freePort();
    writeFileSync(
      join(dir, 'pdns.conf'),
      [
        'launch=gsqlite3',
        `gsqlite3-database=${db}`,
        'local-address=127.0.0.1',
        `local-port=${dnsPort}`,
        'api=yes',
        `api-key=${apiKey}`,
        'webserver=yes',
        'webserver-address=127.0.0.1',
        `webserver-port=${apiPort}`,
        'webserver-allow-from=127.0.0.1',
        `socket-dir=${dir}`,
        'daemon=no',
        'guardian=no',
        'disable-syslog=yes',
        'security-poll-suffix=',
        'loglevel=4',
        'default-soa-content=ns1.@ hostmaster.@ 0 10800 3600 604800 60',
        '',
      ].join('\n'),
    );
    let output = '';
    const child: ChildProcess = spawn('/usr/sbin/pdns_server', [`--config-dir=${dir}`], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const deadline = Date.now() + 10_000;
    let ready = false;
    while (Date.now() < deadline && child.exitCode === null) {
      try {
        const res = await fetch(`${apiUrl}/api/v1/servers/localhost`, { headers: { 'x-api-key': apiKey } });
        if (res.ok) {
          ready = true;
          break;
        }
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 30));
    }
    if (!ready) {
      child.kill('SIGKILL');
      await exited;
      lastError = new Error(`pdns_server did not start: ${output.slice(-500)}`);
      continue;
    }
    const stop = async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      for (const f of readdirSync(dir))
        if (f.endsWith('.controlsocket')) rmSync(join(dir, f), { force: true });
      rmSync(dir, { recursive: true, force: true });
    };
    return {
      apiUrl,
      apiKey,
      dnsAddress: `127.0.0.1:${dnsPort}`,
      dir,
      log: () => output,
      stop,
      async createZone(name, rrsets) {
        const zone = name.endsWith('.') ? name : `${name}.`;
        const res = await fetch(`${apiUrl}/api/v1/servers/localhost/zones`, {
          method: 'POST',
          headers: { 'x-api-key': apiKey, 'content-type': 'application/json' },
          body: JSON.stringify({
            name: zone,
            kind: 'Native',
            nameservers: [`ns1.${zone}`],
            rrsets: [
              {
                name: `ns1.${zone}`,
                type: 'A',
                ttl: 300,
                records: [{ content: '127.0.0.1', disabled: false }],
              },
              ...rrsets.map((r) => ({
                name: r.name,
                type: r.type,
                ttl: r.ttl,
                records: r.records.map((content) => ({ content, disabled: false })),
              })),
            ],
          }),
        });
        if (res.status !== 201) throw new Error(`create zone ${zone}: ${res.status} ${await res.text()}`);
      },
    };
  }
  rmSync(dir, { recursive: true, force: true });
  throw lastError;
}
