/** The backup verifier's in-process API (the promote gate and the root action call it directly). */
export { verifyBackups, type VerifyOptions } from './verify.js';
export { renderBackupSummary } from './summary.js';
export { readBackupInputs, type BackupInputs } from './inputs.js';
export { parseRetention, parseShard, parseVerifyMode } from './policy.js';
export type { BackupEntry, BackupReport, SeriesReport, Verdict } from './report.js';
export type { S3Connection } from './s3.js';
