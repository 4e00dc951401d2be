import type { ContentResult } from './content.js';
import type { EvidenceResult } from './digest.js';
import type { DateSource, RetentionPolicy } from './policy.js';
import type { TableComparison } from './tables.js';

export type Verdict = 'ok' | 'failed' | 'unverifiable' | 'not-verified';

export interface BackupEntry {
  key: string;
  series: string;
  /** The backup's date (ISO), from its key or its LastModified. */
  date: string;
  dateSource: DateSource;
  lastModified: string;
  size: number;
  verdict: Verdict;
  /** Pieces of evidence and whether the bytes agreed with each. */
  evidence: EvidenceResult[];
  /** Short names of the evidence that proved the object (empty unless ok). */
  provedBy: string[];
  content?: ContentResult;
  /** Why it failed or could not be verified, in words. */
  problems: string[];
  bytesRead?: number;
  ms?: number;
  restore?: { command: string; exitCode: number; ok: boolean; output: string };
  /** Set when the download broke off (network), which is worth one more read. */
  interrupted?: string;
  /** 2 when the first read broke off and the object was read again. */
  attempts?: number;
}

export interface SeriesReport {
  series: string;
  count: number;
  newestKey: string;
  newestDate: string;
  ageHours: number;
  fresh: boolean;
  size: { newest: number; median?: number; ratio?: number; ok: boolean; detail: string };
  retention: {
    window: { from: string; to: string };
    missingDays: string[];
    /** Day → why it is missing (deleted by a delete marker, never uploaded), when versions are readable. */
    missingDayNotes?: Record<string, string>;
    missingMonths: string[];
    expired: string[];
    keptCount: number;
    /** Day → count of backups, for the calendar. */
    days: Record<string, number>;
  };
}

export interface BackupReport {
  passed: boolean;
  checkedAt: string;
  store: string;
  bucket: string;
  prefix: string;
  policy: RetentionPolicy;
  maxAgeHours: number;
  verifyMode: string;
  shard: string;
  latestKey?: string;
  latestAgeHours?: number;
  counts: {
    backups: number;
    selected: number;
    verified: number;
    failed: number;
    unverifiable: number;
    missingDays: number;
    missingMonths: number;
    expired: number;
  };
  backups: BackupEntry[];
  series: SeriesReport[];
  lifecycle: { ok: boolean; detail: string; rules: string[] };
  /** Every reason the run failed, most important first, in words. */
  failures: string[];
  warnings: string[];
  throughput?: { bytes: number; ms: number; mbPerSecond: number };
  /** The restore into a real database and what came back, when restore-to was given. */
  restore?: RestoreReport;
}

export interface RestoreReport {
  key: string;
  /** The target database, password removed. */
  database: string;
  ok: boolean;
  tool?: 'pg_restore' | 'psql';
  ms?: number;
  mbPerSecond?: number;
  /** What the tables were compared with: the manifest's key, or the source database (password removed). */
  comparedWith?: string;
  comparison?: TableComparison;
  /** Why the restore did not happen or failed, in words. */
  problem?: string;
}
