import { readFileSync } from 'node:fs';

/** The parts of a latency gate's JSON report (latency-probe's, or the one-step action's) the rehearsal reads. */
export interface GateReport {
  targets: { latency: { p50: number; p95: number; p99: number }; errors: number; requests: number }[];
  baseline?: { latency: { p50: number; p95: number; p99: number }; errors: number; requests: number };
  verdicts: {
    threshold: string;
    outcome: string;
    observed: number | string;
    interval?: { lower: number | string; upper: number | string };
  }[];
}

/** The report a gate run wrote (its `report` output), or undefined when it wrote none. */
export function readGateReport(outputs: Record<string, string>): GateReport | undefined {
  if (!outputs.report) return undefined;
  try {
    return JSON.parse(readFileSync(outputs.report, 'utf8')) as GateReport;
  } catch {
    return undefined;
  }
}

/** `threshold: outcome` for every verdict, as the summary table shows them. */
export const verdictList = (report: GateReport | undefined): string =>
  report?.verdicts.map((v) => `${v.threshold}: ${v.outcome}`).join('; ') ?? 'no report';

/** The outcome of the verdict on one threshold (by its text), if the gate judged it. */
export const outcomeOf = (report: GateReport | undefined, threshold: string): string | undefined =>
  report?.verdicts.find((v) => v.threshold === threshold)?.outcome;

/**
 * The target against the baseline measured in the same run, with the ratio's interval when the gate
 * judged one: "p95 12.3 ms vs AWS 95.1 ms (ratio 0.13, 95% interval 0.10–0.17)".
 */
export function againstBaseline(
  report: GateReport | undefined,
  baselineName: string,
  threshold: string,
): string {
  const t = report?.targets[0];
  const b = report?.baseline;
  if (!t || !b) return 'no figures against the baseline';
  const v = report.verdicts.find((x) => x.threshold === threshold);
  const lower = Number(v?.interval?.lower);
  const upper = Number(v?.interval?.upper);
  const interval =
    v && Number.isFinite(lower) && Number.isFinite(upper)
      ? ` (ratio ${Number(v.observed).toFixed(2)}, 95% interval ${lower.toFixed(2)}–${upper.toFixed(2)})`
      : '';
  return `p95 ${t.latency.p95} ms vs ${baselineName} ${b.latency.p95} ms${interval}`;
}
