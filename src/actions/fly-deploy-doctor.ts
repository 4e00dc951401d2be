import * as core from '@actions/core';
import { setOutputs, writeSummary } from '../core/action.js';
import type { InputReader } from '../core/inputs.js';
import { renderDoctorSummary, runDoctor } from '../fly/doctor/index.js';
import { readDoctorInputs } from '../fly/doctor/inputs.js';

/**
 * fly-deploy `mode: doctor`: inspect the app, print the plan, repair when `doctor-fix` asks. The step
 * fails when a repair was asked for and something is still left, so a deploy never starts on a mess.
 */
export async function doctorMode(reader: InputReader): Promise<void> {
  const options = readDoctorInputs(reader, process.env);
  const report = await runDoctor({ ...options, log: (line) => core.info(line) });
  const status = !report.before.length
    ? 'clean'
    : report.after.length === 0
      ? 'repaired'
      : options.fix === 'none'
        ? 'needs-repair'
        : 'failed';
  setOutputs({
    'doctor-status': status,
    'doctor-findings': JSON.stringify(report.before),
    'doctor-left': JSON.stringify(report.after),
  });
  await writeSummary(renderDoctorSummary(report));
  if (status === 'needs-repair')
    core.warning(
      `${report.app}: an unfinished rollout left ${report.before.map((f) => f.kind).join(', ')}; run again with doctor-fix: auto (or finish / revert) to repair it.`,
    );
  if (status === 'failed')
    throw new Error(
      `the doctor could not repair ${report.app}: ${report.refused ?? report.failure ?? report.after.map((f) => f.text).join('; ')}`,
    );
}
