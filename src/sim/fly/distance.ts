import net from 'node:net';

/**
 * The distance between places, as round-trip times in milliseconds, and the network a simulated Machine
 * sees: a request from a Machine in region R to a target in place P is delayed by the one-way time
 * (half the round trip) in each direction.
 *
 * SOURCES (each figure names where it comes from; looked up 2026-12-02):
 * - iad ↔ sin 216.7 ms: the average round trip US East (N. Virginia) ↔ Asia Pacific (Singapore) in the table
 *   "Latency Between AWS Global Regions", republished at
 *   https://acomputerscientistlearnsaws.blogspot.com/2017/04/aws-regions.html (April 2017; the table gives
 *   216.7 ms in both directions). AWS us-east-1 and Fly's iad are both in Ashburn/Northern Virginia.
 * - sin ↔ bkk 30 ms: DERIVED, no direct Bangkok ↔ Singapore figure was found. Commons Host, "Udon Thani,
 *   Thailand" (https://dev.to/commonshost/udon-thani-thailand--39jn, 2018-10-15) measured Udon Thani ↔
 *   Bangkok 12 ms and Udon Thani ↔ StarHub Singapore 42 ms (peered at an exchange in Singapore). Assuming
 *   that route leaves Thailand through Bangkok, as the article shows for Vientiane, 42 − 12 = 30 ms is the
 *   Bangkok ↔ Singapore leg.
 * - iad ↔ bkk 246.7 ms: NO SOURCE FOUND. Modelled as the two legs above in series (216.7 + 30), i.e. a route
 *   through Singapore; real routes may cross the Pacific instead.
 * - same place 1 ms: the intra-region diagonal of the AWS Region Latency Matrix, https://cloudping.co/
 *   (af-south-1 0.96 ms, ap-east-1 1.08 ms; read 2026-12-02).
 * - `runner` = iad: an assumption, not a citation. GitHub-hosted runners are usually in US East; a runner
 *   elsewhere sees other figures.
 * Searched without a usable figure: WonderProxy "Miles per Millisecond" (2011; no Asian cities), WonderNetwork
 * ping pages, cloudping.co's Singapore and Thailand (ap-southeast-7) rows (not in the stored copy).
 *
 * Places are Fly region codes plus `bkk` (Bangkok, where the users are; Fly has no region there) and
 * `runner` (a GitHub-hosted runner, modelled as `iad`).
 */
/** The cited legs, named once so the derived pair is visibly their sum. */
const IAD_SIN_MS = 216.7;
const SIN_BKK_MS = 30;

export const ROUND_TRIP_MS: Record<string, Record<string, number>> = {
  iad: { sin: IAD_SIN_MS, bkk: IAD_SIN_MS + SIN_BKK_MS },
  sin: { bkk: SIN_BKK_MS },
};

/** Round trip inside one place (same region or same city): cloudping.co's intra-region diagonal, as above. */
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
