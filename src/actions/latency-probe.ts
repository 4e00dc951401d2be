import { join } from 'node:path';
import { scrub } from '../core/secrets.js';
import { checkInputs, envInputs } from '../core/step.js';
import { readProbeInputs } from '../probe/inputs.js';

// Inputs first, before the toolkit and the probe (undici, HDR histogram) load: a bad one fails fast.
const inputs = checkInputs('latency-probe', () => readProbeInputs(envInputs()));
if (inputs) await probeStep(inputs);

async function probeStep({ options, thresholds, failOnBreach }: ReturnType<typeof readProbeInputs>) {
  const core = await import('@actions/core');
  const { runAction, setOutputs, writeSummary } = await import('../core/action.js');
  const { formatFigure, gatePassed, judge } = await import('../probe/judge.js');
  const { probe } = await import('../probe/probe.js');
  const { probeOutputs, writeProbeReport } = await import('../probe/report.js');
  const { renderProbeSummary } = await import('../probe/summary.js');
  await runAction('latency-probe', async () => {
    const report = await probe({ ...options, log: (line) => core.info(scrub(line)) });
    const verdicts = judge(report, thresholds);
    const reportPath = join(process.env.RUNNER_TEMP ?? process.cwd(), 'latency-probe', 'report.json');
    writeProbeReport(reportPath, report, verdicts);
    setOutputs(probeOutputs(report, verdicts, reportPath));
    await writeSummary(renderProbeSummary(report, verdicts));
    for (const t of report.targets) {
      core.info(
        `${t.url}: p50 ${t.latency.p50} ms, p95 ${t.latency.p95} ms, p99 ${t.latency.p99} ms, max ${t.latency.max} ms, ` +
          `errors ${t.errors}/${t.requests}${report.baseline ? ` (baseline p95 ${report.baseline.latency.p95} ms)` : ''}`,
      );
    }
    for (const v of verdicts) {
      const line = `${v.threshold} (${v.url}): ${v.outcome}, observed ${formatFigure(v.observed, v.unit)}. ${v.reason}`;
      if (v.outcome === 'pass') core.info(line);
      else if (failOnBreach) core.error(scrub(line));
      else core.warning(scrub(line));
    }
    if (!gatePassed(verdicts)) {
      const breaches = verdicts.filter((v) => v.outcome === 'breach').length;
      const unsure = verdicts.filter((v) => v.outcome === 'inconclusive').length;
      const message = `Latency gate not passed: ${breaches} threshold(s) breached, ${unsure} inconclusive.`;
      if (failOnBreach) core.setFailed(message);
      else core.warning(`${message} Not failing the step because fail-on-breach is false.`);
    }
  });
}
