import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { oneWayMs, startDelayRelay, type DelayRelay } from './distance.js';
import { FlyError, ok, type Reply } from './errors.js';
import { objectOf } from './json.js';
import type { SimMachine } from './machine.js';
import { M, type RouteDef } from './router.js';
import type { FlySimulator } from './server.js';
import { appOf, machineOf, type Call } from './state.js';

/** Loaded into every exec'd Node process: the Machine's view of the network (distance.ts). */
const NETWORK = fileURLToPath(new URL('./exec-network.mjs', import.meta.url));

/** flyd's default when the request names no timeout. An assumption: the spec gives none. */
export const DEFAULT_EXEC_TIMEOUT_S = 30;
/** Most output kept per stream, so a chatty command cannot exhaust the sim. */
const MAX_OUTPUT = 4 * 1024 * 1024;

interface ExecRequest {
  argv: string[];
  stdin?: string;
  timeoutS: number;
}

/** `MachineExecRequest`: `command` (array), or the deprecated `cmd` string split on spaces. */
function readExecRequest(call: Call): ExecRequest {
  const { command, cmd, stdin, timeout } = call.body;
  let argv: string[] | undefined;
  if (Array.isArray(command) && command.length && command.every((a) => typeof a === 'string'))
    argv = command as string[];
  else if (typeof cmd === 'string' && cmd.trim()) argv = cmd.trim().split(/\s+/);
  if (!argv) throw new FlyError(400, 'command is required: an array of strings (or cmd, a string)');
  if (stdin !== undefined && typeof stdin !== 'string') throw new FlyError(400, 'stdin must be a string');
  if (timeout !== undefined && (!Number.isInteger(timeout) || (timeout as number) < 0))
    throw new FlyError(400, 'timeout must be a whole number of seconds');
  return { argv, stdin, timeoutS: (timeout as number | undefined) || DEFAULT_EXEC_TIMEOUT_S };
}

/** A guest path → the file in this boot's rootfs, when it is there. */
function hostFile(machine: SimMachine, guestPath: string): string | undefined {
  if (!machine.rootfs || !guestPath.startsWith('/')) return undefined;
  const file = join(machine.rootfs, posix.normalize(guestPath));
  return file.startsWith(machine.rootfs) && existsSync(file) ? file : undefined;
}

/** The image's `node` is the sim's own Node; guest paths of the rootfs become their host files. */
function hostArgv(machine: SimMachine, argv: string[]): string[] | undefined {
  const [program, ...args] = argv;
  const node = program === 'node' || /^\/usr(\/local)?\/bin\/node$/.test(program);
  const executable = node ? process.execPath : hostFile(machine, program);
  if (!executable) return undefined;
  return [executable, ...args.map((a) => hostFile(machine, a) ?? a)];
}

/** The process environment flyd gives the Machine (config env plus FLY_*), as exec sees it. */
function machineEnv(call: Call, machine: SimMachine, netMap: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '' };
  for (const [k, v] of Object.entries(objectOf(machine.config.env))) env[k] = String(v);
  Object.assign(env, {
    FLY_APP_NAME: appOf(call).name,
    FLY_MACHINE_ID: machine.id,
    FLY_REGION: machine.region,
    FLY_PRIVATE_IP: machine.privateIp,
    SIM_NET_MAP: JSON.stringify(netMap),
    NODE_OPTIONS: `--import=${pathToFileURL(NETWORK).href}`,
  });
  return env;
}

/**
 * One relay per placed target, each adding the one-way delay between the Machine's region and the
 * target's place. App proxies are placed at the region of their app's first routable Machine.
 */
type Relay = DelayRelay & { target: string };

async function openRelays(sim: FlySimulator, machine: SimMachine): Promise<Relay[]> {
  const placed = new Map(sim.places.entries());
  for (const app of sim.apps.values()) {
    const home = [...app.machines.values()].find((m) => m.routable())?.region;
    if (home && app.proxy.url && !placed.has(new URL(app.proxy.url).host))
      placed.set(new URL(app.proxy.url).host, home);
  }
  const relays: Relay[] = [];
  for (const [address, place] of placed) {
    const relay = await startDelayRelay(address, oneWayMs(machine.region, place));
    relays.push(Object.assign(relay, { target: address }));
  }
  return relays;
}

interface ExecResult {
  stdout: string;
  stderr: string;
  exit_code: number;
  exit_signal?: number;
}

const SIGNALS: Record<string, number> = { SIGKILL: 9, SIGTERM: 15, SIGINT: 2 };

function run(argv: string[], env: NodeJS.ProcessEnv, cwd: string, req: ExecRequest): Promise<ExecResult> {
  return new Promise((resolve) => {
    const child = spawn(argv[0], argv.slice(1), { env, cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const keep = (into: Buffer[]) => (c: Buffer) => {
      if (into.reduce((n, b) => n + b.length, 0) < MAX_OUTPUT) into.push(c);
    };
    child.stdout.on('data', keep(out));
    child.stderr.on('data', keep(err));
    child.stdin.on('error', () => undefined);
    child.stdin.end(req.stdin ?? '');
    const timer = setTimeout(() => child.kill('SIGKILL'), req.timeoutS * 1000);
    child.on('error', (error) => err.push(Buffer.from(String(error))));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        exit_code: code ?? 128 + (SIGNALS[signal ?? ''] ?? 0),
        ...(signal ? { exit_signal: SIGNALS[signal] ?? 0 } : {}),
      });
    });
  });
}

/**
 * `POST …/exec`: runs a command in the started Machine's environment and answers its output. The working
 * directory is the rootfs's `/`, so relative paths resolve as they would from `/` in the guest; absolute
 * guest paths are mapped for the command's arguments only.
 */
async function execMachine(sim: FlySimulator, call: Call): Promise<Reply> {
  const machine = machineOf(call);
  const req = readExecRequest(call);
  if (machine.state !== 'started' || !machine.rootfs)
    throw new FlyError(412, `failed_precondition: machine not started (state: '${machine.state}')`);
  const argv = hostArgv(machine, req.argv);
  if (!argv)
    return ok({ stdout: '', stderr: `exec: "${req.argv[0]}": executable file not found\n`, exit_code: 127 });
  const relays = await openRelays(sim, machine);
  try {
    const netMap: Record<string, string> = {};
    for (const r of relays) netMap[r.target] = r.address;
    return ok(await run(argv, machineEnv(call, machine, netMap), machine.rootfs, req));
  } finally {
    await Promise.all(relays.map((r) => r.close()));
  }
}

export const EXEC_ROUTES: RouteDef[] = [
  { method: 'POST', path: `${M}/exec`, limit: 'mutation', handler: execMachine },
];
