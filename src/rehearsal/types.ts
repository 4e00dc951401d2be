import type { BundleOptions, BundleRun } from '../harness/run-bundle.js';

/** One line of the rehearsal's closing table. */
export interface StepResult {
  step: string;
  /** The step did what the rehearsal expected (a drill that failed the way it should counts as ok). */
  ok: boolean;
  /** One sentence: what happened, with the figures that matter. */
  detail: string;
  ms: number;
  /** True for failure drills, so the table can say "failed as expected". */
  drill?: boolean;
}

export interface RehearsalContext {
  /** Scratch directory for this rehearsal run (config files, seeded data, reports). */
  workDir: string;
  log: (line: string) => void;
  /** Runs a built bundle through the harness, streaming its log lines with a prefix. */
  runAction: (name: string, options: BundleOptions) => Promise<BundleRun>;
  /** Registers a teardown; run in reverse order at the end unless --keep. */
  onCleanup: (fn: () => Promise<void> | void) => void;
  /** Endpoints the sections publish for each other (e.g. the Fly sim API URL, the S3 endpoint). */
  endpoints: Record<string, string>;
  /** Values sections hand on (e.g. the staging image digest promoted to production). */
  shared: Record<string, unknown>;
  /**
   * Environment every bundle run gets, as a runner job would (GITHUB_REPOSITORY, GITHUB_API_URL pointing
   * at the GitHub stand-in...). A section's own `env` wins.
   */
  runnerEnv: Record<string, string>;
}

/** A section of the rehearsal: starts what it needs, runs its actions, returns one result per step. */
export type RehearsalSection = (ctx: RehearsalContext) => Promise<StepResult[]>;
