/**
 * How long dns-cutover takes to *see* a change, against how long the server took to *serve* it.
 *
 * For each provider, repeated switches between two targets. Per switch, two clocks start when the
 * provider accepts the change (the API call returns):
 *   - verified: cutover()'s own verification (API read-back, then every nameserver and resolver asked
 *     every `verifyIntervalMs`) reports all servers answering the new records;
 *   - served (baseline): when the DNS server itself first served the new answer, from a poller asking
 *     it every ~2 ms in parallel (PowerDNS), or the stand-in's own record of when its edge switched
 *     (Cloudflare stand-in, which serves changes after a simulated edge delay).
 * The difference is what the action's polling adds. Results: bench/results/dns.json.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { cutover } from '../src/dns/cutover.js';
import type { CutoverOptions } from '../src/dns/options.js';
import { parseServer, queryDns } from '../src/dns/query.js';
import { parseTarget } from '../src/dns/records.js';
import { startCloudflareSim } from '../src/sim/cloudflare/index.js';
import { startPowerDns } from '../test/support/powerdns.js';

const ITERATIONS = Number(process.env.DNS_BENCH_ITERATIONS ?? 15);
const TARGETS = ['A=192.0.2.10', 'A=192.0.2.20'];

interface Sample {
  verifiedMs: number;
  servedMs: number;
  totalMs: number;
}

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};
const stats = (values: number[]) => ({
  p50: pct(values, 50),
  p95: pct(values, 95),
  max: Math.max(...values),
  min: Math.min(...values),
});

/** Asks `server` as fast as it answers until it serves `address`; returns the epoch ms it first did. */
function watchServe(
  server: string,
  name: string,
  address: string,
): { result: Promise<number>; stop: () => void } {
  let stopped = false;
  const result = (async () => {
    const target = parseServer(server)!;
    while (!stopped) {
      const answer = await queryDns(target, name, 'A', { timeoutMs: 500 }).catch(() => undefined);
      if (answer?.records.some((r) => r.name === name && r.data === address)) return Date.now();
      await new Promise((r) => setTimeout(r, 2));
    }
    return Number.NaN;
  })();
  return { result, stop: () => void (stopped = true) };
}

async function runSeries(
  label: string,
  base: Omit<CutoverOptions, 'target' | 'mode'>,
  served: (name: string, address: string) => { result: Promise<number>; stop: () => void },
): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (let i = 0; i < ITERATIONS + 1; i++) {
    const targetText = TARGETS[i % 2];
    const address = targetText.slice(2);
    const watcher = served(base.name, address);
    const started = Date.now();
    const result = await cutover({ ...base, mode: 'apply', target: parseTarget(targetText)! });
    const servedAt = await Promise.race([
      watcher.result,
      new Promise<number>((r) => setTimeout(() => r(Number.NaN), 5000)),
    ]);
    watcher.stop();
    if (!result.ok || !result.receipt || !result.verify)
      throw new Error(`${label}: iteration ${i} ${result.status}: ${result.failure}`);
    // The first switch warms connections and caches; it is not counted.
    if (i === 0) continue;
    samples.push({
      verifiedMs: result.verify.elapsedMs,
      servedMs: servedAt - result.receipt.acceptedAt,
      totalMs: Date.now() - started,
    });
  }
  return samples;
}

const summarise = (samples: Sample[]) => ({
  iterations: samples.length,
  verifiedMs: stats(samples.map((s) => s.verifiedMs)),
  servedMs: stats(samples.map((s) => s.servedMs)),
  addedByVerificationMs: stats(samples.map((s) => s.verifiedMs - s.servedMs)),
  wholeCutoverMs: stats(samples.map((s) => s.totalMs)),
});

const results: Record<string, unknown> = {};
const common = {
  ttl: 60,
  resolvers: [],
  verifyTimeoutMs: 10_000,
  tlsCheck: false,
  maxChanges: 10,
  force: false,
  nameservers: [] as string[],
};

const pdns = await startPowerDns();
try {
  await pdns.createZone('bench.test', [
    { name: 'api.bench.test.', type: 'A', ttl: 60, records: ['192.0.2.1'] },
  ]);
  for (const interval of [250, 50]) {
    const samples = await runSeries(
      `powerdns/${interval}`,
      {
        ...common,
        provider: 'powerdns',
        apiUrl: pdns.apiUrl,
        apiToken: pdns.apiKey,
        zone: 'bench.test',
        name: 'api.bench.test',
        nameservers: [pdns.dnsAddress],
        verifyIntervalMs: interval,
      },
      (name, address) => watchServe(pdns.dnsAddress, name, address),
    );
    results[`powerdns, verify every ${interval}ms`] = summarise(samples);
  }
} finally {
  await pdns.stop();
}

for (const edgeDelay of [0, 400]) {
  const cf = await startCloudflareSim({
    zones: [{ name: 'bench.example', records: [{ type: 'A', name: 'api', content: '192.0.2.1', ttl: 60 }] }],
    propagationDelayMs: edgeDelay,
  });
  try {
    const samples = await runSeries(
      `cloudflare/${edgeDelay}`,
      {
        ...common,
        provider: 'cloudflare',
        apiUrl: cf.apiUrl,
        apiToken: cf.token,
        zone: 'bench.example',
        name: 'api.bench.example',
        nameservers: [cf.dnsAddress],
        resolvers: [cf.dohUrl],
        verifyIntervalMs: 250,
      },
      (name) => {
        const before = cf.servedSince(name) ?? 0;
        let stopped = false;
        return {
          result: (async () => {
            while (!stopped) {
              const at = cf.servedSince(name);
              if (at && at > before) return at;
              await new Promise((r) => setTimeout(r, 1));
            }
            return Number.NaN;
          })(),
          stop: () => void (stopped = true),
        };
      },
    );
    results[`cloudflare stand-in (edge delay ${edgeDelay}ms), UDP + DoH, verify every 250ms`] =
      summarise(samples);
  } finally {
    await cf.close();
  }
}

const report = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  iterationsPerSeries: ITERATIONS,
  results,
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/dns.json', `${JSON.stringify(report, null, 2)}\n`);
for (const [label, r] of Object.entries(results)) {
  const s = r as ReturnType<typeof summarise>;
  console.log(
    `${label}: verified p50 ${s.verifiedMs.p50}ms p95 ${s.verifiedMs.p95}ms | server served p50 ${s.servedMs.p50}ms p95 ${s.servedMs.p95}ms | added by polling p50 ${s.addedByVerificationMs.p50}ms p95 ${s.addedByVerificationMs.p95}ms | whole cutover p50 ${s.wholeCutoverMs.p50}ms`,
  );
}
