import type { StepResult } from './types.js';

/** What a step found: whether it behaved as the rehearsal expects, and one sentence with its figures. */
export interface StepOutcome {
  ok: boolean;
  detail: string;
}

/**
 * Runs one step of a section and times it, so each section reads as its list of named steps. A drill
 * (a failure the rehearsal provokes on purpose) is marked, for the table's "failed as expected".
 */
export async function timed(
  step: string,
  fn: () => Promise<StepOutcome>,
  options: { drill?: boolean } = {},
): Promise<StepResult> {
  const started = Date.now();
  const { ok, detail } = await fn();
  return { step, ok, detail, ms: Date.now() - started, ...(options.drill ? { drill: true } : {}) };
}
