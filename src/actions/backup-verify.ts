import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  readBackupInputs,
  type BackupInputs,
  type CompareInputs,
  type JoinInputs,
} from '../backup/inputs.js';
import type { BackupReport } from '../backup/report.js';
import { registerSecret } from '../core/secrets.js';
import { checkInputs, envInputs } from '../core/step.js';

// Inputs first, before the toolkit and the AWS SDK load: a bad one fails fast.
const checked = checkInputs('backup-verify', () => readBackupInputs(envInputs(), process.env));
if (checked) await backupStep(checked);

async function backupStep(inputs: ReturnType<typeof readBackupInputs>) {
  const { runAction } = await import('../core/action.js');
  await runAction('backup-verify', async () => {
    if (inputs.mode === 'compare-databases') await compareDatabasesStep(inputs);
    else if (inputs.mode === 'join') await joinStep(inputs);
    else await verifyStep(inputs);
  });
}

/** A database URL and its password, masked in every log line and file. */
function registerDatabase(url: string | undefined) {
  if (!url) return;
  registerSecret(url);
  registerSecret(decodeURIComponent(new URL(url).password));
}

async function compareDatabasesStep(inputs: CompareInputs) {
  registerDatabase(inputs.sourceDatabase);
  registerDatabase(inputs.targetDatabase);
  const core = await import('@actions/core');
  const { setOutputs, writeSummary } = await import('../core/action.js');
  const { compareDatabases } = await import('../backup/tables.js');
  const { renderComparison } = await import('../backup/summary.js');
  const comparison = await compareDatabases(inputs.sourceDatabase, inputs.targetDatabase);
  core.info(comparison.summary);
  setOutputs({
    passed: comparison.equal,
    tables: comparison.tables,
    rows: comparison.rows,
    'tables-differing': comparison.differences.length,
  });
  await writeSummary(
    `## ${comparison.equal ? '✅' : '❌'} Databases ${comparison.equal ? 'equal' : 'DIFFER'}\n\n${renderComparison(comparison)}`,
  );
  if (!comparison.equal) core.setFailed(`the databases differ: ${comparison.summary}`);
}

function reportPath(): string {
  return join(process.env.RUNNER_TEMP ?? process.cwd(), 'backup-verify-report.json');
}

async function joinStep(inputs: JoinInputs) {
  registerSecret(inputs.githubToken);
  const core = await import('@actions/core');
  const { joinShardReports, readShardReports } = await import('../backup/join.js');
  const report = joinShardReports(readShardReports(inputs.shardReports));
  writeFileSync(reportPath(), JSON.stringify(report, null, 2));
  core.info(
    `Joined ${report.shard} shard reports: ${report.counts.verified} verified, ${report.counts.failed} failed.`,
  );
  await publish(report, inputs);
}

async function verifyStep(inputs: BackupInputs) {
  registerSecret(inputs.connection.secretAccessKey);
  registerSecret(inputs.githubToken);
  registerDatabase(inputs.restoreTo);
  registerDatabase(inputs.sourceDatabase);
  const core = await import('@actions/core');
  const { setOutputs } = await import('../core/action.js');
  const { verifyBackups } = await import('../backup/verify.js');
  const report = await verifyBackups({
    connection: inputs.connection,
    prefix: inputs.prefix,
    dateFrom: inputs.dateFrom,
    maxAgeMs: inputs.maxAgeMs,
    timeoutMs: inputs.timeoutMs,
    verify: inputs.verify,
    retention: inputs.retention,
    shard: inputs.shard,
    restoreCommand: inputs.restoreCommand,
    restoreTo: inputs.restoreTo,
    restoreKey: inputs.restoreKey,
    compareWith: inputs.sourceDatabase,
    reportPath: reportPath(),
    log: (line) => core.info(line),
  });
  setOutputs({
    'restored-key': report.restore?.ok ? report.restore.key : undefined,
    tables: report.restore?.comparison?.tables,
    rows: report.restore?.comparison?.rows,
    'tables-differing': report.restore?.comparison?.differences.length,
  });
  await publish(report, inputs);
}

/** Outputs, the job summary, the issue (when asked), annotations and the verdict. */
async function publish(report: BackupReport, inputs: BackupInputs | JoinInputs) {
  const core = await import('@actions/core');
  const { setOutputs, writeSummary } = await import('../core/action.js');
  setOutputs({
    passed: report.passed,
    'latest-key': report.latestKey,
    'latest-age-hours': report.latestAgeHours,
    verified: report.counts.verified,
    failed: report.counts.failed,
    unverifiable: report.counts.unverifiable,
    'missing-days': report.counts.missingDays,
    'missing-months': report.counts.missingMonths,
    report: reportPath(),
  });
  const { renderBackupSummary } = await import('../backup/summary.js');
  const summary = renderBackupSummary(report);
  if (inputs.issueOnFailure) {
    const { syncFailureIssue } = await import('../backup/issue.js');
    const outcome = await syncFailureIssue(report, summary, {
      token: inputs.githubToken!,
      repository: process.env.GITHUB_REPOSITORY,
      apiUrl: process.env.GITHUB_API_URL,
      runUrl:
        process.env.GITHUB_SERVER_URL && process.env.GITHUB_REPOSITORY && process.env.GITHUB_RUN_ID
          ? `${process.env.GITHUB_SERVER_URL}/${process.env.GITHUB_REPOSITORY}/actions/runs/${process.env.GITHUB_RUN_ID}`
          : undefined,
    });
    if (outcome.ok) core.info(outcome.line);
    else core.warning(outcome.line);
    await writeSummary(`${summary}\n${outcome.line}\n`);
  } else {
    await writeSummary(summary);
  }
  for (const warning of report.warnings) core.warning(warning);
  for (const failure of report.failures.slice(0, 10)) core.error(failure);
  if (!report.passed) {
    core.setFailed(
      `backup verification failed: ${report.failures[0]}${report.failures.length > 1 ? ` (and ${report.failures.length - 1} more; see the summary)` : ''}`,
    );
  }
}
