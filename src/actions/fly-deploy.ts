import * as core from '@actions/core';
import { actionInputs, runAction, setOutputs, writeSummary } from '../core/action.js';
import { UserError } from '../core/errors.js';
import { imageToDeploy } from '../fly/build.js';
import { deploy } from '../fly/deploy.js';
import { readDeployInputs } from '../fly/inputs.js';
import { renderDeploySummary } from '../fly/summary.js';
import { doctorMode } from './fly-deploy-doctor.js';
import { DeploymentRecorder, recordTargetFromInputs } from '../release/record.js';

await runAction('fly-deploy', async () => {
  const reader = actionInputs();
  if (reader.enumOf('mode', ['deploy', 'doctor'], 'deploy') === 'doctor') return doctorMode(reader);
  const inputs = readDeployInputs(reader, process.env);
  const recordTarget = recordTargetFromInputs(reader, inputs, process.env);
  const recorder = recordTarget
    ? new DeploymentRecorder(recordTarget, (line) => core.warning(line))
    : undefined;
  const image = await imageToDeploy(inputs, (line) => core.info(line));
  await recorder?.begin(image);
  const result = await deploy({
    ...inputs,
    image,
    log: (line) => core.info(line),
    warn: (line) => core.warning(line),
  });
  await recorder?.finish(result);
  setOutputs({
    'deployment-id': recorder?.deploymentId,
    image: result.image,
    'previous-image': result.previousImage ?? '',
    'release-version': result.releaseVersion,
    machines: JSON.stringify(
      result.machines.map(({ id, region, version, state }) => ({ id, region, version, state })),
    ),
    url: result.url,
    status: result.status,
  });
  await writeSummary(renderDeploySummary(result));
  if (result.rollbackFailure) {
    core.error(
      `${result.rollbackFailure.message}. Run by hand:\n${result.rollbackFailure.commands.join('\n')}`,
      { title: 'fly-deploy rollback failed' },
    );
  }
  if (result.status === 'rolled-back') {
    throw new UserError(`the new release was rolled back: ${result.reason}`, {
      fix: 'see the job summary; the app still runs the previous image.',
    });
  }
  if (result.status === 'failed') {
    if (result.error instanceof UserError) throw result.error;
    throw new Error(result.reason ?? 'deploy failed');
  }
  core.info(
    `deployed ${result.image} to ${result.app} (release v${result.releaseVersion}, ${result.machines.length} Machine(s))`,
  );
});
