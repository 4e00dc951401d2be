import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { scrub } from '../core/secrets.js';
import { gatePassed, type Verdict } from './judge.js';
import type { ProbeReport } from './types.js';

/** Each target's figures and verdict, keyed by its name: the `targets` output (JSON). */
export function targetOutputs(report: ProbeReport, verdicts: readonly Verdict[]): Record<string, unknown> {
  return Object.fromEntries(
    report.targets.map((t) => {
      const name = t.name ?? t.url;
      const own = verdicts.filter((v) => v.target === name);
      return [
        name,
        {
          url: t.url,
          passed: gatePassed(own),
          'p50-ms': t.latency.p50,
          'p95-ms': t.latency.p95,
          'p99-ms': t.latency.p99,
          'mean-ms': t.latency.mean,
          'max-ms': t.latency.max,
          'error-rate': Number(t.errorRate.toFixed(6)),
          requests: t.requests,
          breached: own.filter((v) => v.outcome === 'breach').map((v) => v.threshold),
          inconclusive: own.filter((v) => v.outcome === 'inconclusive').map((v) => v.threshold),
        },
      ];
    }),
  );
}

/** The action's outputs: the first target's figures, every target's in `targets` (the report has all). */
export function probeOutputs(
  report: ProbeReport,
  verdicts: readonly Verdict[],
  reportPath: string,
): Record<string, string | number> {
  const first = report.targets[0];
  return {
    'p50-ms': first.latency.p50,
    'p90-ms': first.latency.p90,
    'p95-ms': first.latency.p95,
    'p99-ms': first.latency.p99,
    'max-ms': first.latency.max,
    'mean-ms': first.latency.mean,
    'error-rate': Number(first.errorRate.toFixed(6)),
    requests: first.requests,
    passed: String(gatePassed(verdicts)),
    targets: JSON.stringify(targetOutputs(report, verdicts)),
    report: reportPath,
  };
}

/** Writes the JSON report (every figure, phases, histogram, verdicts), scrubbed of registered secrets. */
export function writeProbeReport(path: string, report: ProbeReport, verdicts: readonly Verdict[]): void {
  mkdirSync(dirname(path), { recursive: true });
  const json = JSON.stringify(
    { ...report, passed: gatePassed(verdicts), verdicts },
    (_key, value) => (typeof value === 'number' && !Number.isFinite(value) ? String(value) : value),
    2,
  );
  writeFileSync(path, scrub(json));
}
