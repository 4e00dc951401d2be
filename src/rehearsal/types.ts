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
  runAction: (name: string, options: BundleOptions) => Promise<RehearsalRun>;
  /** What the HTML report's charts draw; sections fill in their part (absent in section tests). */
  charts?: ChartData;
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

/**
 * A bundle run as the rehearsal saw it: its log lines with the time each arrived (epoch ms). Optional,
 * so a section test may hand in a plain runBundle; the charts then have less to draw.
 */
export interface RehearsalRun extends BundleRun {
  startedAt?: number;
  lines?: { at: number; text: string }[];
}

/** The figures the report's charts draw; each section fills in what it measured (src/rehearsal/charts-data.ts). */
export interface ChartData {
  latency?: LatencyChart;
  deploy?: DeployTimeline;
  backups?: BackupCalendar;
  dns?: DnsTimeline;
}

export interface LatencyChart {
  /** Response times (ms) of each endpoint, probed interleaved in one run. */
  series: { label: string; url: string; sortedMs: number[]; p95: number }[];
}

export interface DeployTimeline {
  app: string;
  strategy: string;
  startedAt: number;
  endedAt: number;
  /** When traffic left the old Machines (blue cordoned), if the deploy got that far. */
  trafficMovedAt?: number;
  marks: { at: number; text: string }[];
  machines: { id: string; region: string; spans: { from: number; to: number; state: string }[] }[];
}

export interface BackupCalendar {
  prefix: string;
  days: { date: string; status: 'verified' | 'failed' | 'missing'; key?: string }[];
}

export interface DnsTimeline {
  name: string;
  target: string;
  /** Per nameserver/resolver: when it first answered with the new target, from the change (ms). */
  servers: { server: string; matchedAfterMs?: number; answer: string }[];
  totalMs: number;
}

/** A section of the rehearsal: starts what it needs, runs its actions, returns one result per step. */
export type RehearsalSection = (ctx: RehearsalContext) => Promise<StepResult[]>;
