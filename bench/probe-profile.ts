// `node --cpu-prof --cpu-prof-dir=<dir> --import tsx bench/probe-profile.ts [requests]` — not a test.
// Drives the probe's hot path (closed loop, 10 connections) against the zero-delay server in its own
// process, so a CPU profile of this process shows only the client's cost per request.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { probe } from '../src/probe/probe.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const requests = Number(process.argv[2] ?? 100_000);
const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'bench/probe-server.ts'), 'zero'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise<string>((resolve) =>
  child.stdout.once('data', (d) => resolve(String(d).trim())),
);
try {
  const cpu = process.cpuUsage();
  const report = await probe({
    urls: [new URL(url)],
    requests,
    rate: 0,
    concurrency: 10,
    warmup: 1000,
    timeoutMs: 10_000,
    method: 'GET',
    headers: {},
    expectStatus: [{ from: 200, to: 399 }],
  });
  const used = process.cpuUsage(cpu);
  const t = report.targets[0];
  console.log(
    `${t.requests} requests, ${t.achievedRate} req/s, ${((used.user + used.system) / (requests + 1000)).toFixed(1)} µs CPU per request, errors ${t.errors}`,
  );
} finally {
  child.kill('SIGTERM');
}
