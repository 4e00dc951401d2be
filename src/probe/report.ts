import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { scrub } from '../core/secrets.js';
import { gatePassed, type Verdict } from './judge.js';
import type { ProbeReport } from './types.js';

/** The action's outputs, from the first target (the report has every target). */
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
