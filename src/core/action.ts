import * as core from '@actions/core';
import { errorMessage, isUserError } from './errors.js';
import { InputReader } from './inputs.js';
import { installLogScrubber, scrub } from './secrets.js';

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
 * Our own bugs surface as the built-in error types (a TypeError reading a field of undefined...): only
 * those are reported as "failed unexpectedly". Errors raised on purpose (a service's fault, a store
 * error) carry a message written for the user.
 */
function isProgrammingError(error: unknown): boolean {
  return (
    !(error instanceof Error) ||
    error instanceof TypeError ||
    error instanceof RangeError ||
    error instanceof ReferenceError ||
    error instanceof SyntaxError ||
    error instanceof EvalError ||
    error instanceof URIError ||
    !error.message
  );
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
    const message = scrub(errorMessage(error));
    if (isUserError(error) || !isProgrammingError(error)) {
      // The caller's mistake, or a server that failed: the message already says which and what to do.
      core.setFailed(message);
    } else {
      if (error instanceof Error && error.stack) core.debug(scrub(error.stack));
      core.setFailed(`${name} failed unexpectedly: ${message}`);
    }
    try {
      if (process.env.GITHUB_STEP_SUMMARY) {
        await core.summary
          .addRaw(`### ❌ ${name} stopped\n\n${message.replace(/</g, '&lt;')}\n`, true)
          .write();
      }
    } catch {
      // The summary is a courtesy; the step has already failed with the real message.
    }
  }
}
