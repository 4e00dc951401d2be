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

/** Opens/comments on the failure issue, or closes it once a run passes. */
export async function syncFailureIssue(
  report: BackupReport,
  summary: string,
  target: IssueTarget,
): Promise<{ line: string }> {
  void report;
  void summary;
  void target;
  throw new Error('issue-on-failure is not available in this build yet');
}
