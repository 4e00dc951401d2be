import { join } from 'node:path';
import { readBackupInputs } from '../backup/inputs.js';
import { registerSecret } from '../core/secrets.js';
import { checkInputs, envInputs } from '../core/step.js';

// Inputs first, before the toolkit and the AWS SDK load: a bad one fails fast.
const checked = checkInputs('backup-verify', () => readBackupInputs(envInputs(), process.env));
if (checked) await verifyStep(checked);

async function verifyStep(inputs: ReturnType<typeof readBackupInputs>) {
  const core = await import('@actions/core');
  const { runAction, setOutputs, writeSummary } = await import('../core/action.js');
  const { renderBackupSummary } = await import('../backup/summary.js');
  const { verifyBackups } = await import('../backup/verify.js');
  await runAction('backup-verify', async () => {
    registerSecret(inputs.connection.secretAccessKey);
    registerSecret(inputs.githubToken);
    const reportPath = join(process.env.RUNNER_TEMP ?? process.cwd(), 'backup-verify-report.json');
    const report = await verifyBackups({
      connection: inputs.connection,
      prefix: inputs.prefix,
      dateFrom: inputs.dateFrom,
      maxAgeMs: inputs.maxAgeMs,
      verify: inputs.verify,
      retention: inputs.retention,
      shard: inputs.shard,
      restoreCommand: inputs.restoreCommand,
      reportPath,
      log: (line) => core.info(line),
    });
    setOutputs({
      passed: report.passed,
      'latest-key': report.latestKey,
      'latest-age-hours': report.latestAgeHours,
      verified: report.counts.verified,
      failed: report.counts.failed,
      unverifiable: report.counts.unverifiable,
      'missing-days': report.counts.missingDays,
      'missing-months': report.counts.missingMonths,
      report: reportPath,
    });
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
  });
}
