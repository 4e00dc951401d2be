/**
 * The light half of an action step: inputs read straight from the runner's `INPUT_*` variables and a
 * failure reported with the runner's own workflow commands — nothing from the toolkit, so a shell can
 * check every input and stop on a bad one before anything heavy (the toolkit, undici, the AWS SDK)
 * loads. `runAction` (core/action.ts) reports failures through `failStep` too: one way to fail a step.
 */
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';
import { errorMessage, isProgrammingError } from './errors.js';
import { InputReader } from './inputs.js';
import { scrub } from './secrets.js';

/** `core.getInput(name)`'s source: INPUT_<NAME>, spaces as underscores, upper case. */
export function envInputs(env: NodeJS.ProcessEnv = process.env): InputReader {
  return new InputReader((name) => env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '');
}

/** Workflow-command data escaping, as the toolkit does it (% first, then CR and LF). */
export const escapeCommandData = (text: string) =>
  text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/**
 * Fails the step the way `core.setFailed` does (exit code 1, an `::error::` annotation) and adds a
 * "stopped" section to the job summary. A user's mistake or a service's failure reads as its own message;
 * a programming error (the built-in error types) says it is ours and keeps the stack for the debug log.
 * Secrets are scrubbed from both.
 */
export function failStep(name: string, error: unknown): void {
  const message = scrub(errorMessage(error));
  // The caller's mistake, or a server that failed, reads as its own message: it says which and what to do.
  const shown = isProgrammingError(error) ? `${name} failed unexpectedly: ${message}` : message;
  if (isProgrammingError(error) && error instanceof Error && error.stack)
    process.stdout.write(`::debug::${escapeCommandData(scrub(error.stack))}${EOL}`);
  process.exitCode = 1;
  process.stdout.write(`::error::${escapeCommandData(shown)}${EOL}`);
  const summary = process.env.GITHUB_STEP_SUMMARY;
  if (!summary) return;
  try {
    appendFileSync(summary, `### ❌ ${name} stopped\n\n${message.replace(/</g, '&lt;')}\n${EOL}`);
  } catch {
    // The summary is a courtesy; the step has already failed with the real message.
  }
}

/**
 * Reads and checks the inputs; on a bad one fails the step and returns undefined, so the shell stops
 * before it imports anything heavy.
 */
export function checkInputs<T>(name: string, read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    failStep(name, error);
    return undefined;
  }
}
