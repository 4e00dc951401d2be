import type { HttpCall } from '../core/http.js';
import type { RetryOptions } from '../core/retry.js';
import type { FlyToml, Strategy } from './fly-toml.js';
import type { CountEntry } from './placement.js';
import type { MachineReport } from './report.js';
import type { MachineConfig } from './types.js';

export type DeployStatus = 'deployed' | 'rolled-back' | 'failed';

export interface DeployOptions {
  app: string;
  toml: FlyToml;
  image: string;
  strategy: Strategy;
  /** ≥ 1 a count, below 1 a fraction of each group. */
  maxUnavailable: number;
  /** Per Machine (or per green set), as flyctl's `--wait-timeout`. */
  waitTimeoutMs: number;
  /** The whole deploy's limit: no call, retry or wait goes past it (default: phases × wait-timeout + 2m). */
  timeoutMs?: number;
  /**
   * Where Machines are created (validated live codes; the first is the primary region): a first deploy
   * or a new process group in each, and an existing group gains one in a listed region it lacks.
   */
  regions: string[];
  /** `regions` was given explicitly: an existing group gains a Machine in each listed region it lacks. */
  addRegions?: boolean;
  /** The `count` input: Machines per region (and group), scaled up or down as `fly scale count`. */
  counts?: CountEntry[];
  /** Where a Machine goes, in order, when Fly has no capacity for it in its region. */
  fallbackRegions?: string[];
  secrets?: Record<string, string>;
  apiToken: string;
  apiUrl: string;
  rollback: boolean;
  environment?: string;
  publicUrl: string;
  /** How long the proxy needs to notice a cordon or uncordon before blue-green stops blue (flyctl: 10 s). */
  proxySettleMs?: number;
  leaseTtlSeconds?: number;
  releaseCommandTimeoutMs?: number;
  /** A recorded release's Machine config per process group, restored instead of fly.toml's. */
  restoreConfig?: Record<string, MachineConfig>;
  /** A rollback redeploy must not re-run migrations from the old image. */
  skipReleaseCommand?: boolean;
  /** `fly deploy --ha`: two Machines in the primary region on a first deploy. */
  ha?: boolean;
  retry?: RetryOptions;
  log?: (line: string) => void;
  warn?: (line: string) => void;
  onCall?: (call: HttpCall) => void;
}

export interface DeployResult {
  status: DeployStatus;
  app: string;
  environment?: string;
  strategy: Strategy;
  /** The deployed reference pinned to its digest (`repo@sha256:…`); the requested one if Fly gave none. */
  image: string;
  requestedImage: string;
  previousImage?: string;
  releaseVersion: number;
  firstDeploy: boolean;
  url: string;
  machines: { id: string; region: string; version?: string; state: string; image?: string }[];
  report: MachineReport[];
  /** Why the deploy did not complete (the summary's one line). */
  reason?: string;
  error?: unknown;
  /** The rollback itself failed: what is left broken and the commands to fix it by hand. */
  rollbackFailure?: { message: string; commands: string[] };
  warnings: string[];
  timeline: { atMs: number; text: string }[];
  apiCalls: number;
  durationMs: number;
}
