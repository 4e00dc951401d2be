import net from 'node:net';

/**
 * The distance between places, as round-trip times in milliseconds, and the network a simulated Machine
 * sees: a request from a Machine in region R to a target in place P is delayed by the one-way time
 * (half the round trip) in each direction.
 *
 * SOURCE — AN EXPLICIT ASSUMPTION, NOT A CITATION. No published round-trip table covering these exact
 * pairs could be found in the reference material available when this was written (searched: WonderNetwork /
 * WonderProxy "Miles per Millisecond", cloud inter-region heat maps such as bigbitbus.com 2018 and
 * latency.bluegoat.net; none of the stored excerpts gives US-East↔Singapore or Singapore↔Bangkok figures).
 * The figures below are therefore round, documented assumptions of the order such tables report for these
 * routes (trans-Pacific US-East↔Singapore about a quarter of a second; Singapore↔Bangkok, one short submarine
 * or terrestrial hop, a few tens of milliseconds). Replace them with measured figures, naming the source and
 * its date, before relying on the absolute values; the rehearsal and tests rely only on their ordering.
 *
 * Places are Fly region codes plus `bkk` (Bangkok, where the users are; Fly has no region there) and
 * `runner` (a GitHub-hosted runner, usually in US-East, so it is modelled as `iad`).
 */
export const ROUND_TRIP_MS: Record<string, Record<string, number>> = {
  iad: { sin: 230, bkk: 250 },
  sin: { bkk: 30 },
};

/** Round trip inside one place (same region or same city). Assumed, as above. */
export const SAME_PLACE_RTT_MS = 1;

const ALIASES: Record<string, string> = { runner: 'iad' };

const canonical = (place: string) => ALIASES[place.toLowerCase()] ?? place.toLowerCase();

/** Round trip between two places; undefined when the table has no figure for the pair. */
export function roundTripMs(a: string, b: string): number | undefined {
  const [x, y] = [canonical(a), canonical(b)];
  if (x === y) return SAME_PLACE_RTT_MS;
  return ROUND_TRIP_MS[x]?.[y] ?? ROUND_TRIP_MS[y]?.[x];
}

/** The delay added to each direction of a connection between two places (0 when the table has none). */
export function oneWayMs(a: string, b: string): number {
  return (roundTripMs(a, b) ?? 0) / 2;
}

export interface DelayRelay {
  /** `127.0.0.1:port` the relay listens on. */
  address: string;
  close(): Promise<void>;
}

/**
 * A TCP relay to `target` (host:port) that holds every chunk for `delayMs` in each direction, keeping order
 * (equal timeouts fire in the order they were set). It stands for the wide-area path between two places.
 */
export async function startDelayRelay(target: string, delayMs: number): Promise<DelayRelay> {
  const [host, portText] = splitHostPort(target);
  const sockets = new Set<net.Socket>();
  const later = (fn: () => void) => (delayMs > 0 ? setTimeout(fn, delayMs) : fn());
  const pipeDelayed = (from: net.Socket, to: net.Socket) => {
    from.on('data', (chunk) => later(() => !to.destroyed && to.write(chunk)));
    from.on('end', () => later(() => to.end()));
    from.on('error', () => to.destroy());
    from.on('close', () => later(() => to.destroy()));
  };
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(portText), host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    }
    pipeDelayed(client, upstream);
    pipeDelayed(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** `host:port` (IPv6 in brackets) → [host, port]. */
export function splitHostPort(address: string): [string, string] {
  const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(address);
  if (!m) throw new Error(`not a host:port address: ${address}`);
  return [m[1], m[2]];
}

/**
 * Where the sim's known targets are: `host:port` → place. Tests and the rehearsal place their servers
 * (e.g. a stand-in for the app as seen from Bangkok); app proxies are placed by exec.ts at the region of
 * the app's Machines.
 */
export class Places {
  private readonly byAddress = new Map<string, string>();

  set(url: string, place: string): void {
    this.byAddress.set(new URL(url).host, place);
  }

  entries(): [string, string][] {
    return [...this.byAddress.entries()];
  }
}
