// "The image" a simulated Machine runs: one real process per started Machine, spawned by the Fly sim
// (src/sim/fly/runtime.ts) with process.execPath. Plain .mjs so it runs the same under jest and tsx.
// Behaviour comes from the image reference (see images.ts): crash, never-healthy, slow, laggy, release-fail,
// healthy.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { dirname, join, posix } from 'node:path';

const env = process.env;
const behaviour = env.SIM_BEHAVIOUR ?? 'healthy';
const scale = Number(env.SIM_TIME_SCALE ?? '1') || 1;
const ports = JSON.parse(env.SIM_PORTS ?? '[8080]');
const checkPaths = new Set(JSON.parse(env.SIM_CHECK_PATHS ?? '[]'));
const command = JSON.parse(env.SIM_CMD ?? '[]');
const init = JSON.parse(env.SIM_INIT ?? '{}');
// Guest path prefix → host directory: '/' is this boot's rootfs, a volume's mount path its data.
const filesystem = JSON.parse(env.SIM_FS ?? '{}');

/** The host file behind a guest path, through the longest matching mount; undefined outside any. */
function hostPath(guestPath) {
  const clean = posix.normalize(`/${guestPath}`);
  const prefix = Object.keys(filesystem)
    .filter((p) => p === '/' || clean === p || clean.startsWith(`${p}/`))
    .sort((a, b) => b.length - a.length)[0];
  if (prefix === undefined) return undefined;
  return join(filesystem[prefix], prefix === '/' ? clean : clean.slice(prefix.length));
}

/** `GET|PUT /__sim/fs/<guest path>`: the app reading and writing its own disk (rootfs or volume). */
function fileRoute(req, res, guestPath) {
  const file = hostPath(guestPath);
  const reply = (status, body, type = 'text/plain') => {
    res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };
  if (!file) return reply(404, 'no filesystem\n');
  if (req.method === 'PUT') {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, Buffer.concat(chunks));
      reply(201, 'written\n');
    });
    return;
  }
  req.resume();
  try {
    reply(200, readFileSync(file), 'application/octet-stream');
  } catch {
    reply(404, `${guestPath}: no such file\n`);
  }
}

const send = (message) => {
  if (process.connected && process.send) process.send(message);
};
// Orphaned by a crashed sim: do not linger.
process.on('disconnect', () => process.exit(0));

function isCheckPath(pathname) {
  return checkPaths.has(pathname) || /health|ready|live/i.test(pathname);
}

function handler(req, res) {
  const url = new URL(req.url ?? '/', 'http://machine');
  if (behaviour === 'never-healthy' && isCheckPath(url.pathname)) {
    res.writeHead(500, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        ok: false,
        error: 'never healthy',
        image: env.FLY_IMAGE_REF,
        version: env.FLY_MACHINE_VERSION,
      }),
    );
    return;
  }
  if (url.pathname.startsWith('/__sim/fs/'))
    return fileRoute(req, res, decodeURIComponent(url.pathname.slice(9)));
  if (url.pathname === '/__sim/init') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(init));
    return;
  }
  if (url.pathname === '/__sim/env') {
    // Names only: lets a test prove secrets reach the process at boot without echoing values.
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ names: Object.keys(env).sort() }));
    return;
  }
  req.resume();
  const body = JSON.stringify({
    ok: true,
    image: env.FLY_IMAGE_REF,
    version: env.FLY_MACHINE_VERSION,
    machine_id: env.FLY_MACHINE_ID,
    region: env.FLY_REGION,
    path: url.pathname,
  });
  const respond = () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };
  // Not scaled by timeScale: this is the latency users would see, which the SLO gate must catch.
  if (behaviour === 'laggy' && !isCheckPath(url.pathname)) setTimeout(respond, 250);
  else respond();
}

const servers = [];

function serve() {
  const mapping = {};
  let pending = ports.length;
  for (const internal of ports) {
    const server = http.createServer(handler);
    server.keepAliveTimeout = 2000;
    servers.push(server);
    server.listen(0, '127.0.0.1', () => {
      mapping[internal] = server.address().port;
      if (--pending === 0) {
        console.log(
          `listening on ${Object.entries(mapping)
            .map(([i, p]) => `${i}->${p}`)
            .join(', ')}`,
        );
        send({ type: 'listening', ports: mapping });
      }
    });
  }
}

// A well-behaved app drains: stop accepting, finish what is in flight, exit 0.
function drain(signal) {
  console.log(`received ${signal}, draining`);
  if (servers.length === 0) process.exit(0);
  let open = servers.length;
  for (const server of servers) {
    server.close(() => {
      if (--open === 0) process.exit(0);
    });
    server.closeIdleConnections();
  }
}
if (env.SIM_MODE !== 'command') {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGQUIT', 'SIGHUP']) process.on(signal, () => drain(signal));
}

/** `$NAME` / `${NAME}` from the Machine's env, as a shell would expand them in the command. */
const expand = (text) => text.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_m, name) => env[name] ?? '');

/**
 * A command that names an http URL on the app's private network (`curl -f http://[$FLY_TEST_MACHINE_IP]:8080/`,
 * the machine_checks shape) fetches it there: exit 0 on a 2xx, 22 on another status (curl -f), 7 when
 * nothing answers (curl's "failed to connect"). undefined when the command names no such URL.
 */
async function probe(text) {
  const url = /https?:\/\/(\[[^\]]*\]:\d+|[^/\s:]+:\d+)(\/\S*)?/.exec(text);
  if (!url) return undefined;
  const net = JSON.parse(env.SIM_PRIVATE_NET ?? '{}');
  const target = net[url[1]];
  if (!target) {
    console.error(`curl: (7) Failed to connect to ${url[1]}: no Machine listens there`);
    return 7;
  }
  try {
    const res = await fetch(`http://${target}${url[2] ?? '/'}`, { signal: AbortSignal.timeout(10_000) });
    await res.arrayBuffer();
    console.log(`GET ${url[0]} -> ${res.status}`);
    return res.ok ? 0 : 22;
  } catch (error) {
    console.error(`curl: (7) Failed to connect to ${url[1]}: ${error.message}`);
    return 7;
  }
}

async function runCommand() {
  const text = expand(command.join(' '));
  console.log(`running: ${text}`);
  const explicit = /\bexit\s+(\d+)\b/.exec(text);
  let code = explicit ? Number(explicit[1]) : ((await probe(text)) ?? 0);
  if (behaviour === 'release-fail' || behaviour === 'crash') code = code || 1;
  if (code !== 0) console.error(`command failed with exit code ${code}`);
  setTimeout(() => process.exit(code), Math.round(150 * scale));
}

send({ type: 'booted' });
if (env.SIM_MODE === 'command') {
  void runCommand();
} else if (behaviour === 'crash') {
  console.error('fatal: the app crashed during boot');
  setTimeout(() => process.exit(1), Math.round(300 * scale));
} else {
  const argv = [...(init.entrypoint ?? []), ...(init.cmd ?? [])];
  if (argv.length || init.exec?.length)
    console.log(`running: ${(init.exec?.length ? init.exec : argv).join(' ')}`);
  setTimeout(serve, behaviour === 'slow' ? Math.round(2500 * scale) : 0);
}
