import type { BackupReport } from './report.js';

export const ISSUE_LABEL = 'backup-verify';

export interface IssueTarget {
  token: string;
  repository?: string;
  apiUrl?: string;
  runUrl?: string;
}

/** The body of the tracking issue (or its follow-up comment): what failed, then the full summary. */
export function issueBody(report: BackupReport, summary: string, runUrl?: string): string {
  const head = `Backup verification of \`${report.store}\` prefix \`${report.prefix}\` failed at ${report.checkedAt}${runUrl ? ` ([run](${runUrl}))` : ''}.`;
  const list = report.failures
    .slice(0, 20)
    .map((f) => `- ${f}`)
    .join('\n');
  const body = `${head}\n\n${list}\n\n<details><summary>Full report</summary>\n\n${summary}\n</details>\n`;
  // GitHub caps an issue body at 65,536 characters.
  return body.length > 60_000
    ? `${body.slice(0, 60_000)}\n\n…(truncated; the JSON report is in the run's log)\n`
    : body;
}

export function issueTitle(report: BackupReport): string {
  return `Backup verification failing: ${report.bucket}/${report.prefix}`;
}

/**
 * Keeps one issue per failing store (found again by its label): opened on the first failing run,
 * commented on each repeat, closed by the next passing run. A failure to reach GitHub is reported but
 * does not change the verification verdict.
 */
export async function syncFailureIssue(
  report: BackupReport,
  summary: string,
  target: IssueTarget,
): Promise<{ line: string; ok: boolean }> {
  const { reportFailure, reportRecovery } = await import('../github/issue-tracker.js');
  if (!target.repository)
    return { line: 'issue-on-failure: GITHUB_REPOSITORY is not set; no issue updated.', ok: false };
  const common = {
    token: target.token,
    repository: target.repository,
    apiUrl: target.apiUrl,
    label: ISSUE_LABEL,
  };
  try {
    if (!report.passed) {
      const outcome = await reportFailure({
        ...common,
        title: issueTitle(report),
        body: issueBody(report, summary, target.runUrl),
      });
      return {
        line:
          outcome.action === 'opened'
            ? `Opened issue #${outcome.number} (${outcome.url}) with the report.`
            : `Commented on the open issue #${outcome.number} (${outcome.url}): still failing.`,
        ok: true,
      };
    }
    const outcome = await reportRecovery({
      ...common,
      body: `Backups verified again at ${report.checkedAt}: ${report.counts.verified} ok, newest \`${report.latestKey}\` ${report.latestAgeHours} h old${target.runUrl ? ` ([run](${target.runUrl}))` : ''}. Closing.`,
    });
    return {
      line:
        outcome.action === 'closed'
          ? `Closed issue #${outcome.number}: the backups pass again.`
          : 'No open backup-verify issue to close.',
      ok: true,
    };
  } catch (error) {
    return {
      line: `Could not update the backup-verify issue: ${error instanceof Error ? error.message : String(error)}`,
      ok: false,
    };
  }
}
