/** REST answers built from the stand-in's records, with the fields and URLs the published contract lists. */
import type { SimComment, SimDeployment, SimDeploymentStatus, SimIssue, SimLabel, SimUser } from './model.js';
import type { GitHubState } from './state.js';

const renderUser = (s: GitHubState, u: SimUser) => ({
  login: u.login,
  id: u.id,
  node_id: `MDM6Qm90${u.id}`,
  type: u.type,
  site_admin: false,
  url: `${s.apiUrl}/users/${encodeURIComponent(u.login)}`,
  html_url: `https://github.com/apps/github-actions`,
});

export const renderDeployment = (s: GitHubState, d: SimDeployment) => ({
  url: `${s.repoUrl()}/deployments/${d.id}`,
  id: d.id,
  node_id: `DE_${Buffer.from(String(d.id)).toString('base64')}`,
  sha: d.sha,
  ref: d.ref,
  task: d.task,
  payload: d.payload,
  original_environment: d.original_environment,
  environment: d.environment,
  description: d.description,
  creator: renderUser(s, d.creator),
  created_at: d.created_at,
  updated_at: d.updated_at,
  statuses_url: `${s.repoUrl()}/deployments/${d.id}/statuses`,
  repository_url: s.repoUrl(),
  transient_environment: d.transient_environment,
  production_environment: d.production_environment,
  performed_via_github_app: null,
});

export const renderStatus = (s: GitHubState, d: SimDeployment, status: SimDeploymentStatus) => ({
  url: `${s.repoUrl()}/deployments/${d.id}/statuses/${status.id}`,
  id: status.id,
  node_id: `DES_${Buffer.from(String(status.id)).toString('base64')}`,
  state: status.state,
  creator: renderUser(s, status.creator),
  description: status.description,
  environment: status.environment,
  target_url: status.target_url,
  log_url: status.log_url,
  environment_url: status.environment_url,
  created_at: status.created_at,
  updated_at: status.created_at,
  deployment_url: `${s.repoUrl()}/deployments/${d.id}`,
  repository_url: s.repoUrl(),
  performed_via_github_app: null,
});

export const renderLabel = (s: GitHubState, l: SimLabel) => ({
  id: l.id,
  node_id: `LA_${l.id}`,
  url: `${s.repoUrl()}/labels/${encodeURIComponent(l.name)}`,
  name: l.name,
  color: l.color,
  default: false,
  description: l.description,
});

export const renderIssue = (s: GitHubState, i: SimIssue) => ({
  url: `${s.repoUrl()}/issues/${i.number}`,
  repository_url: s.repoUrl(),
  comments_url: `${s.repoUrl()}/issues/${i.number}/comments`,
  events_url: `${s.repoUrl()}/issues/${i.number}/events`,
  labels_url: `${s.repoUrl()}/issues/${i.number}/labels{/name}`,
  html_url: `${s.htmlRepoUrl}/issues/${i.number}`,
  id: i.id,
  node_id: `I_${i.id}`,
  number: i.number,
  title: i.title,
  body: i.body,
  user: renderUser(s, i.user),
  labels: i.labels.map((name) =>
    renderLabel(
      s,
      s.labels.find((l) => l.name === name)!,
    ),
  ),
  state: i.state,
  state_reason: i.state_reason,
  locked: false,
  assignee: null,
  assignees: [],
  milestone: null,
  comments: i.comments.length,
  created_at: i.created_at,
  updated_at: i.updated_at,
  closed_at: i.closed_at,
  author_association: 'NONE',
});

export const renderComment = (s: GitHubState, i: SimIssue, c: SimComment) => ({
  id: c.id,
  node_id: `IC_${c.id}`,
  url: `${s.repoUrl()}/issues/comments/${c.id}`,
  html_url: `${s.htmlRepoUrl}/issues/${i.number}#issuecomment-${c.id}`,
  issue_url: `${s.repoUrl()}/issues/${i.number}`,
  body: c.body,
  user: renderUser(s, c.user),
  created_at: c.created_at,
  updated_at: c.created_at,
  author_association: 'NONE',
});
