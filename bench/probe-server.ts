// A delay server in its own process, so the load generators under test do not share an event loop
// with it. `node --import tsx bench/probe-server.ts [zero|stall:<request>:<ms>]`; prints its URL.
import { fixed, stallAtRequest, startDelayServer } from '../src/sim/http/delay-server.js';

const mode = process.argv[2] ?? 'zero';
const stall = /^stall:(\d+):(\d+):(\d+)$/.exec(mode);
const behaviour = stall
  ? stallAtRequest(fixed(Number(stall[3])), Number(stall[1]), Number(stall[2]))
  : fixed(0);
const server = await startDelayServer({ behaviour });
process.stdout.write(`${server.url}\n`);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
