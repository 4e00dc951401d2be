// "The image" a simulated Machine runs: one real process per started Machine, spawned by the Fly sim
// (src/sim/fly/runtime.ts) with process.execPath. Plain .mjs so it runs the same under jest and tsx.
// Behaviour comes from the image reference (see images.ts): crash, never-healthy, slow, laggy, release-fail,
// healthy.
import http from 'node:http';

const env = process.env;
const behaviour = env.SIM_BEHAVIOUR ?? 'healthy';
const scale = Number(env.SIM_TIME_SCALE ?? '1') || 1;
const ports = JSON.parse(env.SIM_PORTS ?? '[8080]');
const checkPaths = new Set(JSON.parse(env.SIM_CHECK_PATHS ?? '[]'));
const command = JSON.parse(env.SIM_CMD ?? '[]');

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

send({ type: 'booted' });
if (env.SIM_MODE === 'command') {
  const text = command.join(' ');
  const explicit = /\bexit\s+(\d+)\b/.exec(text);
  let code = explicit ? Number(explicit[1]) : 0;
  if (behaviour === 'release-fail' || behaviour === 'crash') code = code || 1;
  console.log(`running: ${text}`);
  if (code !== 0) console.error(`command failed with exit code ${code}`);
  setTimeout(() => process.exit(code), Math.round(150 * scale));
} else if (behaviour === 'crash') {
  console.error('fatal: the app crashed during boot');
  setTimeout(() => process.exit(1), Math.round(300 * scale));
} else {
  setTimeout(serve, behaviour === 'slow' ? Math.round(2500 * scale) : 0);
}
