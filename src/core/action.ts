import * as core from '@actions/core';
import { InputReader } from './inputs.js';
import { installLogScrubber, scrub } from './secrets.js';
import { failStep } from './step.js';

/** Inputs as the runner passes them (`INPUT_<NAME>` env vars, read by @actions/core). */
export function actionInputs(): InputReader {
  return new InputReader((name) => core.getInput(name));
}

/** Every output passes through the scrubber: a masked value in an output would be dropped by the runner. */
export function setOutputs(outputs: Record<string, string | number | boolean | undefined>): void {
  for (const [name, value] of Object.entries(outputs)) {
    if (value === undefined) continue;
    core.setOutput(name, scrub(String(value)));
  }
}

export async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.info(scrub(markdown));
    return;
  }
  await core.summary.addRaw(scrub(markdown), true).write();
}

/**
 * The wrapper every action entry runs in (codeql-action's runWrapper idea): whatever escapes `main`
 * becomes a failed step. A user's mistake reads as one line that says what to change; an internal
 * fault says it is ours and keeps the stack in the debug log. Secrets are scrubbed from both, and from
 * every other line the step writes (installLogScrubber).
 */
export async function runAction(name: string, main: () => Promise<void>): Promise<void> {
  installLogScrubber();
  try {
    await main();
  } catch (error) {
    failStep(name, error);
  }
}
