// The old AWS app as one EC2 instance runs it: a process of its own (as a Fly Machine's app is, see
// src/sim/fly/machine-process.mjs) answering every request in 60–90 ms, the old endpoint's latency.
// Started by old-aws.ts behind its load balancer. Plain .mjs, so it starts as fast as a Machine's
// process does, under tsx and jest alike. It reports its port over IPC and exits with its parent.
import http from 'node:http';

// A seeded spread, so runs are repeatable (Park–Miller, as cheap as it gets).
let seed = 2;
const nextDelayMs = () => {
  seed = (seed * 16807) % 2147483647;
  return 60 + (seed / 2147483647) * 30;
};
const body = '{"ok":true}\n';
const server = http.createServer((req, res) => {
  req.resume();
  setTimeout(() => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  }, nextDelayMs());
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send?.({ type: 'listening', port: server.address().port }));
// Orphaned by a crashed rehearsal: do not linger.
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
