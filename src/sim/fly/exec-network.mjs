// The network a command run by `exec` sees inside a simulated Machine: loaded with `--import` (through
// NODE_OPTIONS, which exec.ts sets), it sends a connection to a placed target (SIM_NET_MAP: "host:port" →
// relay "host:port") through the relay that adds the distance between the Machine's region and the
// target's place (distance.ts). Every other connection is left alone. Plain .mjs, as machine-process.mjs.
import net from 'node:net';

const map = JSON.parse(process.env.SIM_NET_MAP ?? '{}');
const original = net.Socket.prototype.connect;

/** The relay for an options object's host:port, or undefined when the target is not placed. */
function relayFor(options) {
  if (!options || typeof options !== 'object' || options.path) return undefined;
  const host = options.host ?? 'localhost';
  const key = host.includes(':') ? `[${host}]:${options.port}` : `${host}:${options.port}`;
  const relay = map[key];
  if (!relay) return undefined;
  const at = relay.lastIndexOf(':');
  return { ...options, host: relay.slice(0, at), port: Number(relay.slice(at + 1)) };
}

net.Socket.prototype.connect = function connect(...args) {
  // net.connect/tls.connect hand over an already-normalised [options, callback] array.
  if (Array.isArray(args[0])) {
    const moved = relayFor(args[0][0]);
    if (moved) args[0][0] = moved;
  } else if (typeof args[0] === 'object') {
    args[0] = relayFor(args[0]) ?? args[0];
  } else if (typeof args[0] === 'number' || typeof args[0] === 'string') {
    const moved = relayFor({ port: args[0], host: typeof args[1] === 'string' ? args[1] : undefined });
    if (moved) {
      args[0] = moved.port;
      if (typeof args[1] === 'string') args[1] = moved.host;
      else args.splice(1, 0, moved.host);
    }
  }
  return original.apply(this, args);
};
