// A delay server in its own process, so the load generators under test do not share an event loop
// with it. `node --import tsx bench/probe-server.ts [zero|stall:<request>:<ms>:<base>|accuracy:<seed>]`;
// prints its URL, and on SIGTERM one `SERVED <json>` line: the server's own time for every answered
// request (arrival to response written, ms), the truth the accuracy section compares with.
import { fixed, seeded, stallAtRequest, startDelayServer } from '../src/sim/http/delay-server.js';

/** 80% uniform 10–30 ms, 20% a long tail uniform 50–150 ms: skewed and bimodal, like a real service. */
function bimodal(seed: number) {
  const random = seeded(seed);
  return () => ({ delayMs: random() < 0.8 ? 10 + random() * 20 : 50 + random() * 100 });
}

const mode = process.argv[2] ?? 'zero';
const stall = /^stall:(\d+):(\d+):(\d+)$/.exec(mode);
const accuracy = /^accuracy:(\d+)$/.exec(mode);
const behaviour = stall
  ? stallAtRequest(fixed(Number(stall[3])), Number(stall[1]), Number(stall[2]))
  : accuracy
    ? bimodal(Number(accuracy[1]))
    : fixed(0);
const server = await startDelayServer({ behaviour });
process.stdout.write(`${server.url}\n`);
process.on('SIGTERM', () => {
  process.stdout.write(
    `SERVED ${JSON.stringify(server.served)}\n`,
    () => void server.close().then(() => process.exit(0)),
  );
});
