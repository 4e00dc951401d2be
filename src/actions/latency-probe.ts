import { join } from 'node:path';
import * as core from '@actions/core';
import { actionInputs, runAction, setOutputs, writeSummary } from '../core/action.js';
import { InputReader } from '../core/inputs.js';
import { scrub } from '../core/secrets.js';
import { formatFigure, gatePassed, judge } from '../probe/judge.js';
import { readProbeInputs } from '../probe/inputs.js';
import { probe } from '../probe/probe.js';
import {
  destroyLeftover,
  FORWARDED_INPUTS,
  probeFromRegion,
  readRemoteSettings,
  REMOTE_FLAG,
  runRemoteMode,
  STATE_MACHINE,
  type RemoteRun,
} from '../probe/remote.js';
import { probeOutputs, writeProbeReport } from '../probe/report.js';
import { renderProbeSummary } from '../probe/summary.js';
import type { ProbeReport } from '../probe/types.js';

const log = (line: string) => core.info(scrub(line));

/** Measures on the runner, or from a Machine in `region` (that Machine runs this same bundle, remote mode). */
async function measure(inputs: InputReader): Promise<{ report: ProbeReport; remote?: RemoteRun }> {
  const settings = readRemoteSettings(inputs);
  const { options } = readProbeInputs(inputs);
  if (!settings) return { report: await probe({ ...options, log }) };
  const forwarded: Record<string, string> = {};
  for (const name of FORWARDED_INPUTS) forwarded[name] = inputs.raw(name) ?? '';
  const remote = await probeFromRegion(
    settings,
    process.argv[1],
    forwarded,
    {
      created: (id) => core.saveState(STATE_MACHINE, id),
      destroyed: (id, seconds) => {
        core.saveState(STATE_MACHINE, '');
        setOutputs({ 'machine-seconds': seconds });
        log(`probe Machine ${id} destroyed; cost ${seconds} Machine-seconds`);
      },
    },
    log,
  );
  return { report: remote.report, remote };
}

function remoteSummary(remote: RemoteRun | undefined): string {
  if (!remote) return '\n\nMeasured from: the runner.\n';
  return (
    `\n\n| Measured from | Machine | Size | Machine-seconds |\n|---|---|---|---|\n` +
    `| Fly region \`${remote.region}\` | ${remote.machineId} (destroyed) | shared-cpu-1x, 256 MB | ${remote.machineSeconds} |\n`
  );
}

async function main(): Promise<void> {
  core.saveState('isPost', 'true');
  const inputs = actionInputs();
  const { thresholds, failOnBreach } = readProbeInputs(inputs);
  const { report, remote } = await measure(inputs);
  const verdicts = judge(report, thresholds);
  const reportPath = join(process.env.RUNNER_TEMP ?? process.cwd(), 'latency-probe', 'report.json');
  writeProbeReport(reportPath, report, verdicts);
  setOutputs({ ...probeOutputs(report, verdicts, reportPath), 'measured-from': remote?.region ?? 'runner' });
  await writeSummary(renderProbeSummary(report, verdicts) + remoteSummary(remote));
  for (const t of report.targets) {
    log(
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
}

/** The post step: destroys a probe Machine a cancelled or crashed main step left behind. */
async function post(): Promise<void> {
  const machineId = core.getState(STATE_MACHINE);
  if (!machineId) return;
  const settings = readRemoteSettings(actionInputs());
  if (!settings) return;
  await destroyLeftover(settings, machineId);
  core.warning(`latency-probe: destroyed probe Machine ${machineId} left behind by the main step.`);
}

const remoteAt = process.argv.indexOf(REMOTE_FLAG);
if (remoteAt >= 0) {
  await runRemoteMode(process.argv[remoteAt + 1] ?? '', async (values) => {
    const { options } = readProbeInputs(new InputReader((name) => values[name] ?? ''));
    return probe({ ...options, log: (line) => process.stderr.write(`${scrub(line)}\n`) });
  });
} else if (core.getState('isPost') === 'true') {
  await runAction('latency-probe cleanup', post);
} else {
  await runAction('latency-probe', main);
}
