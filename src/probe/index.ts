export { probe, redactHeaders } from './probe.js';
export { judge, gatePassed, percentileRatio, type Verdict, type Outcome } from './judge.js';
export { renderProbeSummary } from './summary.js';
export { parseThresholds, type Threshold } from './thresholds.js';
export { readProbeInputs, type ProbeInputs } from './inputs.js';
export { probeOutputs, writeProbeReport } from './report.js';
export type { ProbeOptions, ProbeReport, TargetReport } from './types.js';
