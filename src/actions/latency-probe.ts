import { join } from 'node:path';
import type { InputReader } from '../core/inputs.js';
import { scrub } from '../core/secrets.js';
import { checkInputs, envInputs } from '../core/step.js';
import { readProbeInputs } from '../probe/inputs.js';
import {
  readRemoteSettings,
  REMOTE_FLAG,
  STATE_MACHINE,
  type RemoteSettings,
} from '../probe/remote-settings.js';
import type { RemoteRun } from '../probe/remote.js';
import type { ProbeReport } from '../probe/types.js';

/**
 * Three ways in: the measuring side inside a probe Machine (REMOTE_FLAG), the post step that destroys a
 * probe Machine a cancelled run left behind, and the step itself. Inputs are checked before the toolkit,
 * undici or the Fly client load, so a bad one fails fast.
 */
const remoteAt = process.argv.indexOf(REMOTE_FLAG);
if (remoteAt >= 0) await remoteStep(process.argv[remoteAt + 1] ?? '');
else if (process.env.STATE_isPost === 'true') await postStep();
else {
  const checked = checkInputs('latency-probe', readChecked);
  if (checked) await probeStep(checked);
}

async function remoteStep(encoded: string) {
  const { InputReader } = await import('../core/inputs.js');
  const { runRemoteMode } = await import('../probe/remote.js');
  const { probe } = await import('../probe/probe.js');
  await runRemoteMode(encoded, async (values) => {
    const { options } = readProbeInputs(new InputReader((name) => values[name] ?? ''));
    return probe({ ...options, log: (line) => process.stderr.write(`${scrub(line)}\n`) });
  });
}

/** The post step: destroys a probe Machine a cancelled or crashed main step left behind. */
async function postStep() {
  const machineId = process.env[`STATE_${STATE_MACHINE}`];
  if (!machineId) return;
  const { runAction } = await import('../core/action.js');
  await runAction('latency-probe cleanup', async () => {
    const settings = readRemoteSettings(envInputs());
    if (!settings) return;
    const core = await import('@actions/core');
    const { destroyLeftover } = await import('../probe/remote.js');
    await destroyLeftover(settings, machineId);
    core.warning(`latency-probe: destroyed probe Machine ${machineId} left behind by the main step.`);
  });
}

/** Measures on the runner, or from a Machine in `region` (that Machine runs this same bundle, remote mode). */
async function measure(
  inputs: InputReader,
  settings: RemoteSettings | undefined,
  options: ReturnType<typeof readProbeInputs>['options'],
  log: (line: string) => void,
): Promise<{ report: ProbeReport; remote?: RemoteRun }> {
  const { probe } = await import('../probe/probe.js');
  if (!settings) return { report: await probe({ ...options, log }) };
  const core = await import('@actions/core');
  const { setOutputs } = await import('../core/action.js');
  const { FORWARDED_INPUTS } = await import('../probe/remote-settings.js');
  const { probeFromRegion } = await import('../probe/remote.js');
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

async function probeStep(checked: NonNullable<ReturnType<typeof readChecked>>) {
  const { inputs, settings, options, thresholds, failOnBreach } = checked;
  const core = await import('@actions/core');
  const { runAction, setOutputs, writeSummary } = await import('../core/action.js');
  const { formatFigure, gatePassed, judge } = await import('../probe/judge.js');
  const { probeOutputs, writeProbeReport } = await import('../probe/report.js');
  const { renderMeasuredFrom, renderProbeSummary } = await import('../probe/summary.js');
  const log = (line: string) => core.info(scrub(line));
  await runAction('latency-probe', async () => {
    core.saveState('isPost', 'true');
    const { report, remote } = await measure(inputs, settings, options, log);
    const verdicts = judge(report, thresholds);
    const reportPath = join(process.env.RUNNER_TEMP ?? process.cwd(), 'latency-probe', 'report.json');
    writeProbeReport(reportPath, report, verdicts);
    setOutputs({
      ...probeOutputs(report, verdicts, reportPath),
      'measured-from': remote?.region ?? 'runner',
    });
    await writeSummary(renderProbeSummary(report, verdicts) + renderMeasuredFrom(remote));
    for (const t of report.targets) {
      log(
        `${t.url}: p50 ${t.latency.p50} ms, p95 ${t.latency.p95} ms, p99 ${t.latency.p99} ms, max ${t.latency.max} ms, ` +
          `errors ${t.errors}/${t.requests}${report.baseline ? ` (baseline p95 ${report.baseline.latency.p95} ms)` : ''}`,
      );
    }
    for (const v of verdicts) {
      const line = `${v.threshold} (${v.url}): ${v.outcome}, observed ${formatFigure(v.observed, v.unit)}. ${v.reason}`;
      if (v.outcome === 'pass') core.info(scrub(line));
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

function readChecked() {
  const inputs = envInputs();
  return { inputs, settings: readRemoteSettings(inputs), ...readProbeInputs(inputs) };
}
