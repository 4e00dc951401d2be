import { join } from 'node:path';
import { InputError, UserError } from '../core/errors.js';
import { InputReader } from '../core/inputs.js';
import { scrub } from '../core/secrets.js';
import { checkInputs, envInputs } from '../core/step.js';
import { readDeployInputs } from '../fly/inputs.js';
import { readProbeInputs } from '../probe/inputs.js';

/** The root action's probe inputs carry a `probe-` prefix where latency-probe's names would clash. */
const PROBE_NAMES: Record<string, string> = {
  url: 'probe-url',
  targets: 'probe-targets',
  timeout: 'probe-timeout',
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

// Deploy and probe inputs first, before the toolkit and the clients load: a bad one fails fast.
const inputs = envInputs();
const checked = checkInputs('runway', () => {
  const deployInputs = readDeployInputs(inputs, process.env);
  // Validated now with the public URL standing in for an empty probe-url, so a bad threshold fails
  // before anything is deployed; the real target is the deployed app's URL.
  // Named probe-targets replace the public URL as the default target.
  const explicitTargets =
    inputs.optional('probe-url') !== undefined || inputs.optional('probe-targets') !== undefined;
  const probeReader = new InputReader((name) =>
    name === 'url'
      ? (inputs.optional('probe-url') ?? (explicitTargets ? '' : deployInputs.publicUrl))
      : inputs.optional(PROBE_NAMES[name] ?? name),
  );
  return {
    deployInputs,
    probeInputs: renamedInputErrors(() => readProbeInputs(probeReader)),
    explicitTargets,
  };
});
if (checked) await releaseStep(checked);

async function releaseStep({ deployInputs, probeInputs, explicitTargets }: NonNullable<typeof checked>) {
  const core = await import('@actions/core');
  const { runAction, setOutputs, writeSummary } = await import('../core/action.js');
  const { imageToDeploy } = await import('../fly/build.js');
  const { renderDeploySummary } = await import('../fly/summary.js');
  const { targetOutputs, writeProbeReport } = await import('../probe/report.js');
  const { renderProbeSummary } = await import('../probe/summary.js');
  const { release } = await import('../release/one-step.js');
  const { recordTargetFromInputs } = await import('../release/record.js');
  await runAction('runway', async () => {
    const record = recordTargetFromInputs(inputs, deployInputs, process.env);
    const image = await imageToDeploy(deployInputs, (line) => core.info(line));

    const outcome = await release({
      deploy: { ...deployInputs, image, log: (l) => core.info(l), warn: (l) => core.warning(l) },
      probe: explicitTargets ? probeInputs.options : { ...probeInputs.options, urls: [], names: [] },
      thresholds: probeInputs.thresholds,
      rollbackOnBreach: deployInputs.rollback,
      record,
      log: (l) => core.info(scrub(l)),
      warn: (l) => core.warning(scrub(l)),
    });

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
      'deployment-id': outcome.deploymentId,
      report: reportPath,
    });

    const headline =
      outcome.status === 'deployed'
        ? `## ✅ Released ${deployInputs.app}: healthy and within its SLOs\n`
        : outcome.status === 'rolled-back'
          ? `## ↩️ ${deployInputs.app} rolled back\n\n${outcome.reason ?? ''}. The previous image \`${outcome.deploy.previousImage ?? ''}\` is serving again.\n`
          : `## ❌ Release of ${deployInputs.app} failed\n\n${outcome.reason ?? ''}\n`;
    const parts = [headline, renderDeploySummary(outcome.deploy)];
    if (outcome.probe) parts.push(renderProbeSummary(outcome.probe, outcome.verdicts));
    if (outcome.rollback) parts.push(`### The rollback\n\n${renderDeploySummary(outcome.rollback)}`);
    await writeSummary(parts.join('\n'));

    if (outcome.deploy.rollbackFailure) {
      core.error(
        `${outcome.deploy.rollbackFailure.message}. Run by hand:\n${outcome.deploy.rollbackFailure.commands.join('\n')}`,
        {
          title: 'rollback failed',
        },
      );
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
    core.info(`released ${outcome.deploy.image} to ${deployInputs.app}; p95 ${first?.latency.p95} ms`);
  });
}
