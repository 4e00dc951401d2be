/**
 * One issue per recurring problem (a stale backup, a sustained latency breach): opened on the first
 * failure, commented on each repeat so the history stays in one thread, closed on recovery. The label is
 * the key, so a human can retitle the issue without breaking the link.
 */
import { InputError } from '../core/errors.js';
import { githubClient, idempotent, statusOf, type GitHubClient, type GitHubTarget } from './client.js';

export interface FailureReport extends GitHubTarget {
  label: string;
  title: string;
  body: string;
}

export interface RecoveryReport extends GitHubTarget {
  label: string;
  body?: string;
}

interface OpenIssue {
  number: number;
  html_url: string;
}

function checkLabel(label: string): void {
  if (!label || label.length > 50 || label.includes(',')) {
    throw new InputError(
      'label',
      `"${label}" is not a usable issue label.`,
      'use a short name without commas, e.g. runway:backup-integrity.',
    );
  }
}

/** Open issues carrying the label, oldest first: the oldest is the thread everyone already watches. */
async function openIssues(client: GitHubClient, label: string): Promise<OpenIssue[]> {
  const issues = await idempotent(client, () =>
    client.octokit.paginate(client.octokit.rest.issues.listForRepo, {
      owner: client.owner,
      repo: client.repo,
      labels: label,
      state: 'open',
      sort: 'created',
      direction: 'asc',
      per_page: 100,
    }),
  );
  // The issues list also returns pull requests; a PR carrying the label is not our thread.
  return issues
    .filter((issue) => !issue.pull_request)
    .map((issue) => ({ number: issue.number, html_url: issue.html_url }));
}

async function ensureLabel(client: GitHubClient, label: string): Promise<void> {
  try {
    await idempotent(client, () =>
      client.octokit.rest.issues.getLabel({ owner: client.owner, repo: client.repo, name: label }),
    );
    return;
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
  }
  try {
    await client.octokit.rest.issues.createLabel({
      owner: client.owner,
      repo: client.repo,
      name: label,
      color: 'b60205',
      description: 'Opened and closed automatically by Runway',
    });
  } catch (error) {
    // 422 already_exists: another run created it between our read and write; that is fine.
    if (statusOf(error) !== 422) throw error;
  }
}

export async function reportFailure(
  report: FailureReport,
): Promise<{ action: 'opened' | 'commented'; number: number; url: string }> {
  checkLabel(report.label);
  if (!report.title.trim()) throw new InputError('title', 'is empty.', 'give the issue a title.');
  const client = githubClient(report);
  const [existing] = await openIssues(client, report.label);
  if (existing) {
    await client.octokit.rest.issues.createComment({
      owner: client.owner,
      repo: client.repo,
      issue_number: existing.number,
      body: report.body,
    });
    return { action: 'commented', number: existing.number, url: existing.html_url };
  }
  await ensureLabel(client, report.label);
  const { data } = await client.octokit.rest.issues.create({
    owner: client.owner,
    repo: client.repo,
    title: report.title,
    body: report.body,
    labels: [report.label],
  });
  return { action: 'opened', number: data.number, url: data.html_url };
}

export async function reportRecovery(
  report: RecoveryReport,
): Promise<{ action: 'closed' | 'none'; number?: number }> {
  checkLabel(report.label);
  const client = githubClient(report);
  const open = await openIssues(client, report.label);
  if (open.length === 0) return { action: 'none' };
  const body = report.body?.trim() || `Recovered: the check passed at ${new Date().toISOString()}. Closing.`;
  // Normally one; if a race opened two, close them all so no stale alarm stays open.
  for (const issue of open) {
    await client.octokit.rest.issues.createComment({
      owner: client.owner,
      repo: client.repo,
      issue_number: issue.number,
      body,
    });
    await idempotent(client, () =>
      client.octokit.rest.issues.update({
        owner: client.owner,
        repo: client.repo,
        issue_number: issue.number,
        state: 'closed',
        state_reason: 'completed',
      }),
    );
  }
  return { action: 'closed', number: open[0].number };
}
