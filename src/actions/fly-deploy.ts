import { UserError } from '../core/errors.js';
import { checkInputs, envInputs } from '../core/step.js';
import { readDeployInputs } from '../fly/inputs.js';

// The deploy inputs and fly.toml first, before the toolkit and the clients load: a bad one fails fast.
const reader = envInputs();
const mode = checkInputs('fly-deploy', () => reader.enumOf('mode', ['deploy', 'doctor'], 'deploy'));
if (mode === 'doctor') await doctorStep();
else if (mode) {
  const checked = checkInputs('fly-deploy', () => readDeployInputs(reader, process.env));
  if (checked) await deployStep(checked);
}

/**
 * `mode: doctor`: name (and, when asked, repair) what an unfinished rollout left behind. The step fails
 * when a repair was asked for and something is still left, so a deploy never starts on a mess.
 */
async function doctorStep() {
  const core = await import('@actions/core');
  const { runAction, setOutputs, writeSummary } = await import('../core/action.js');
  const { doctorVerdict, renderDoctorSummary, runDoctor } = await import('../fly/doctor/index.js');
  const { readDoctorInputs } = await import('../fly/doctor/inputs.js');
  await runAction('fly-deploy', async () => {
    const options = readDoctorInputs(reader, process.env);
    const report = await runDoctor({ ...options, log: (line) => core.info(line) });
    const verdict = doctorVerdict(report, options.fix);
    setOutputs({
      'doctor-status': verdict.status,
      'doctor-findings': JSON.stringify(report.before),
      'doctor-left': JSON.stringify(report.after),
      'release-config': options.release ? JSON.stringify(options.release) : '',
    });
    await writeSummary(renderDoctorSummary(report));
    if (verdict.status === 'needs-repair') core.warning(verdict.message!);
    if (verdict.status === 'failed') throw new Error(verdict.message);
  });
}

async function deployStep(inputs: ReturnType<typeof readDeployInputs>) {
  const core = await import('@actions/core');
  const { runAction, setOutputs, writeSummary } = await import('../core/action.js');
  const { imageToDeploy } = await import('../fly/build.js');
  const { deploy } = await import('../fly/deploy.js');
  const { renderDeploySummary } = await import('../fly/summary.js');
  const { DeploymentRecorder, recordTargetFromInputs } = await import('../release/record.js');
  await runAction('fly-deploy', async () => {
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
}
