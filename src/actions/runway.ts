import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { InputError, UserError } from '../core/errors.js';
import { InputReader } from '../core/inputs.js';
import { scrub } from '../core/secrets.js';
import { checkInputs, envInputs } from '../core/step.js';
import { readDeployInputs, type DeployInputs } from '../fly/inputs.js';
import { readProbeInputs } from '../probe/inputs.js';
import { FORWARDED_INPUTS, readRemoteSettings, STATE_MACHINE } from '../probe/remote-settings.js';
import type { ReleaseOutcome } from '../release/one-step.js';

/**
 * latency-probe's input names → the root action's: a `probe-` prefix where the names would clash, and the
 * deploy's own Fly inputs where latency-probe asks for the app and token of the probe Machine.
 */
const PROBE_NAMES: Record<string, string> = {
  url: 'probe-url',
  targets: 'probe-targets',
  timeout: 'probe-timeout',
  region: 'probe-region',
  'region-timeout': 'probe-region-timeout',
  'fly-app': 'app',
  'fly-api-token': 'api-token',
  'fly-api-url': 'api-url',
};

/** latency-probe's reader names its own inputs; here the user wrote `probe-url` and `probe-timeout`. */
function renamedInputErrors<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof InputError && error.input && PROBE_NAMES[error.input])
      throw new InputError(PROBE_NAMES[error.input], error.message, error.fix);
    throw error;
  }
}

/**
 * latency-probe's inputs as the root action's user wrote them. The deploy's public URL (what the deploy
 * reports as its url) stands in for an empty probe-url, unless named probe-targets replace it; the probe
 * Machine of probe-region lives in the deployed app, reached with the deploy's token.
 */
function probeReaderFor(inputs: InputReader, deployInputs: DeployInputs) {
  const explicitTargets =
    inputs.optional('probe-url') !== undefined || inputs.optional('probe-targets') !== undefined;
  const fromDeploy: Record<string, string> = {
    url: inputs.optional('probe-url') ?? (explicitTargets ? '' : deployInputs.publicUrl),
    'fly-app': deployInputs.app,
    'fly-api-token': deployInputs.apiToken,
    'fly-api-url': deployInputs.apiUrl,
  };
  const reader = new InputReader((name) => fromDeploy[name] ?? inputs.optional(PROBE_NAMES[name] ?? name));
  return { reader, explicitTargets };
}

// Deploy and probe inputs first, before the toolkit and the clients load: a bad one fails fast.
const inputs = envInputs();
if (process.env.STATE_isPost === 'true') await postStep();
else {
  const checked = checkInputs('runway', readChecked);
  if (checked) await releaseStep(checked);
}

function readChecked() {
  const deployInputs = readDeployInputs(inputs, process.env);
  const { reader, explicitTargets } = probeReaderFor(inputs, deployInputs);
  return {
    deployInputs,
    probeInputs: renamedInputErrors(() => readProbeInputs(reader)),
    remote: renamedInputErrors(() => readRemoteSettings(reader)),
    forwarded: Object.fromEntries(FORWARDED_INPUTS.map((name) => [name, reader.raw(name) ?? ''])),
    explicitTargets,
    schemaBackwardCompatible: inputs.bool('schema-backward-compatible', false),
  };
}

/** The post step: destroys a probe Machine a cancelled or crashed main step left in probe-region. */
async function postStep() {
  const machineId = process.env[`STATE_${STATE_MACHINE}`];
  if (!machineId) return;
  const { runAction } = await import('../core/action.js');
  await runAction('runway cleanup', async () => {
    const settings = readRemoteSettings(probeReaderFor(inputs, readDeployInputs(inputs, process.env)).reader);
    if (!settings) return;
    const core = await import('@actions/core');
    const { destroyLeftover } = await import('../probe/remote.js');
    await destroyLeftover(settings, machineId);
    core.warning(
      `runway: destroyed probe Machine ${machineId} left behind in ${settings.region} by the main step.`,
    );
  });
}

/** latency-probe's bundle, which runs the measurement inside the probe Machine; it ships beside this one. */
function latencyProbeBundle(): string {
  const path = join(dirname(process.argv[1]), '..', 'latency-probe', 'index.js');
  if (!existsSync(path))
    throw new UserError(`probe-region needs latency-probe's bundle at ${path}, and it is not there.`, {
      fix: 'use Runway from a release (its dist/ holds every bundle), or leave probe-region empty.',
    });
  return path;
}

async function releaseStep(checked: ReturnType<typeof readChecked>) {
  const { deployInputs, probeInputs, remote, forwarded, explicitTargets } = checked;
  const core = await import('@actions/core');
  const { runAction } = await import('../core/action.js');
  const { imageToDeploy } = await import('../fly/build.js');
  const { release } = await import('../release/one-step.js');
  const { recordTargetFromInputs } = await import('../release/record.js');
  await runAction('runway', async () => {
    core.saveState('isPost', 'true');
    const record = recordTargetFromInputs(inputs, deployInputs, process.env);
    const image = await imageToDeploy(deployInputs, (line) => core.info(line));

    const outcome = await release({
      deploy: { ...deployInputs, image, log: (l) => core.info(l), warn: (l) => core.warning(l) },
      probe: explicitTargets ? probeInputs.options : { ...probeInputs.options, urls: [], names: [] },
      thresholds: probeInputs.thresholds,
      rollbackOnBreach: deployInputs.rollback,
      schemaBackwardCompatible: checked.schemaBackwardCompatible,
      record,
      remote: remote && {
        settings: remote,
        bundlePath: latencyProbeBundle(),
        inputs: forwarded,
        track: {
          created: (id) => core.saveState(STATE_MACHINE, id),
          destroyed: () => core.saveState(STATE_MACHINE, ''),
        },
      },
      log: (l) => core.info(scrub(l)),
      warn: (l) => core.warning(scrub(l)),
    });
    await publishOutcome(outcome, deployInputs.app, remote !== undefined);
    if (outcome.deploy.rollbackFailure) {
      const { message, commands } = outcome.deploy.rollbackFailure;
      core.error(`${message}. Run by hand:\n${commands.join('\n')}`, { title: 'rollback failed' });
    }
    if (outcome.status === 'rolled-back') {
      throw new UserError(`the release was rolled back: ${outcome.reason}`, {
        fix: 'see the job summary; the previous image is serving.',
      });
    }
    if (outcome.status === 'failed') {
      if (outcome.deploy.error instanceof UserError) throw outcome.deploy.error;
      throw new UserError(`the release failed: ${outcome.reason ?? 'see the job summary'}`);
    }
    const p95 = outcome.probe?.targets[0]?.latency.p95;
    core.info(
      `released ${outcome.deploy.image} to ${deployInputs.app}; p95 ${p95} ms measured from ${outcome.measuredFrom}`,
    );
  });
}

/** The outputs, the JSON report and the job summary of one release. */
async function publishOutcome(outcome: ReleaseOutcome, app: string, fromRegion: boolean) {
  const { setOutputs, writeSummary } = await import('../core/action.js');
  const { renderDeploySummary } = await import('../fly/summary.js');
  const { targetOutputs, writeProbeReport } = await import('../probe/report.js');
  const { renderMeasuredFrom, renderProbeSummary } = await import('../probe/summary.js');
  let reportPath: string | undefined;
  if (outcome.probe) {
    reportPath = join(process.env.RUNNER_TEMP ?? process.cwd(), 'runway', 'probe-report.json');
    writeProbeReport(reportPath, outcome.probe, outcome.verdicts);
  }
  const first = outcome.probe?.targets[0];
  setOutputs({
    status: outcome.status,
    image: outcome.deploy.image,
    'previous-image': outcome.deploy.previousImage ?? '',
    'release-version': outcome.deploy.releaseVersion,
    url: outcome.deploy.url,
    'p95-ms': first?.latency.p95,
    'p99-ms': first?.latency.p99,
    'error-rate': first ? Number(first.errorRate.toFixed(6)) : undefined,
    passed: outcome.gatePassed === undefined ? 'false' : String(outcome.gatePassed),
    'probe-targets': outcome.probe
      ? JSON.stringify(targetOutputs(outcome.probe, outcome.verdicts))
      : undefined,
    'measured-from': outcome.measuredFrom,
    'machine-seconds': outcome.remote?.machineSeconds,
    'deployment-id': outcome.deploymentId,
    report: reportPath,
  });

  const parts = [headline(outcome, app), renderDeploySummary(outcome.deploy)];
  if (outcome.probe) parts.push(renderProbeSummary(outcome.probe, outcome.verdicts));
  // A probe Machine that could not measure is named in the headline's reason instead.
  if (outcome.remote || !fromRegion) parts.push(renderMeasuredFrom(outcome.remote));
  if (outcome.rollback)
    parts.push(
      `### The rollback\n\n${rollbackNote(outcome.restoredConfig)}\n\n${renderDeploySummary(outcome.rollback)}`,
    );
  await writeSummary(parts.join('\n'));
}

function headline(outcome: ReleaseOutcome, app: string): string {
  if (outcome.status === 'deployed') return `## ✅ Released ${app}: healthy and within its SLOs\n`;
  if (outcome.status === 'rolled-back')
    return `## ↩️ ${app} rolled back\n\n${outcome.reason ?? ''}. The previous image \`${outcome.deploy.previousImage ?? ''}\` is serving again.\n`;
  return `## ❌ Release of ${app} failed\n\n${outcome.reason ?? ''}\n`;
}

function rollbackNote(restoredConfig: boolean | undefined): string {
  return restoredConfig
    ? 'The previous release came back with the Machine config it recorded (as `restore-config` does), not only its image.'
    : 'Only the previous image came back: no config was recorded for it, so the current fly.toml applies.';
}
