import { validationFailed } from '../errors.js';
import { BOT, type SimComment, type SimIssue } from '../model.js';
import { paginate } from '../paginate.js';
import { renderComment, renderIssue } from '../render.js';
import type { Call, Reply, RouteDef } from '../router.js';
import type { GitHubState } from '../state.js';

type Body = Record<string, unknown>;

/** Label names from `labels`: strings or `{name}` objects, as the REST API accepts both. */
function labelNames(value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw validationFailed('Issue', 'labels', 'invalid');
  return value.map((l) => (typeof l === 'string' ? l : String((l as { name?: unknown })?.name ?? '')));
}

/** The labels an issue names; any that do not exist yet are created with the default colour. */
const ensureLabels = (state: GitHubState, value: unknown) =>
  labelNames(value).map((name) => state.ensureLabel(name).name);

function createIssue(state: GitHubState, { body }: Call): Reply {
  if (typeof body.title !== 'string' || body.title.trim() === '') throw validationFailed('Issue', 'title');
  const names = ensureLabels(state, body.labels);
  const created = state.now();
  const issue: SimIssue = {
    number: state.issues.length + 1,
    id: state.nextId(),
    title: body.title,
    body: typeof body.body === 'string' ? body.body : null,
    state: 'open',
    state_reason: null,
    labels: names,
    created_at: created,
    updated_at: created,
    closed_at: null,
    user: BOT,
    comments: [],
  };
  state.issues.push(issue);
  return { status: 201, body: renderIssue(state, issue) };
}

/** `state` (open by default), every one of `labels`, `creator`; sorted by `sort` in `direction`. */
function listIssues(state: GitHubState, { query: q, url }: Call): Reply {
  const wantedState = q.get('state') ?? 'open';
  if (!['open', 'closed', 'all'].includes(wantedState)) throw validationFailed('Issue', 'state', 'invalid');
  const wanted = (q.get('labels') ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const filtered = state.issues
    .filter((i) => wantedState === 'all' || i.state === wantedState)
    .filter((i) => wanted.every((w) => i.labels.some((l) => l.toLowerCase() === w)))
    .filter((i) => !q.get('creator') || i.user.login === q.get('creator'))
    .sort(issueOrder(q.get('sort') ?? 'created', q.get('direction') ?? 'desc'));
  const { page, link } = paginate(state.apiUrl, filtered, q, url);
  return { status: 200, body: page.map((i) => renderIssue(state, i)), link };
}

/** Order by created, updated or comment count; ties by number; `desc` unless `asc` is asked. */
function issueOrder(sort: string, direction: string): (a: SimIssue, b: SimIssue) => number {
  const key = (i: SimIssue) =>
    sort === 'updated'
      ? i.updated_at
      : sort === 'comments'
        ? String(i.comments.length).padStart(9, '0')
        : i.created_at;
  return (a, b) =>
    (key(a) === key(b) ? a.number - b.number : key(a) < key(b) ? -1 : 1) * (direction === 'asc' ? 1 : -1);
}

function getIssue(state: GitHubState, { params }: Call): Reply {
  return { status: 200, body: renderIssue(state, state.findIssue(params.issue_number)) };
}

/** Edit title, body and labels, and close (default reason completed) or reopen. */
function updateIssue(state: GitHubState, { params, body }: Call): Reply {
  const issue = state.findIssue(params.issue_number);
  if (body.state !== undefined && body.state !== 'open' && body.state !== 'closed') {
    throw validationFailed('Issue', 'state', 'invalid');
  }
  if (typeof body.title === 'string') issue.title = body.title;
  if (typeof body.body === 'string') issue.body = body.body;
  if (body.labels !== undefined) issue.labels = ensureLabels(state, body.labels);
  issue.updated_at = state.now();
  changeState(issue, body);
  return { status: 200, body: renderIssue(state, issue) };
}

function changeState(issue: SimIssue, body: Body): void {
  if (body.state === 'closed' && issue.state === 'open') {
    issue.state = 'closed';
    issue.closed_at = issue.updated_at;
    issue.state_reason = typeof body.state_reason === 'string' ? body.state_reason : 'completed';
  } else if (body.state === 'open' && issue.state === 'closed') {
    issue.state = 'open';
    issue.closed_at = null;
    issue.state_reason = 'reopened';
  }
}

function createComment(state: GitHubState, { params, body }: Call): Reply {
  const issue = state.findIssue(params.issue_number);
  if (typeof body.body !== 'string' || body.body === '') throw validationFailed('IssueComment', 'body');
  const comment: SimComment = { id: state.nextId(), body: body.body, created_at: state.now(), user: BOT };
  issue.comments.push(comment);
  issue.updated_at = comment.created_at;
  return { status: 201, body: renderComment(state, issue, comment) };
}

function listComments(state: GitHubState, { params, query, url }: Call): Reply {
  const issue = state.findIssue(params.issue_number);
  const { page, link } = paginate(state.apiUrl, issue.comments, query, url);
  return { status: 200, body: page.map((c) => renderComment(state, issue, c)), link };
}

export const ISSUE_ROUTES: RouteDef[] = [
  { method: 'POST', path: '/issues', handler: createIssue },
  { method: 'GET', path: '/issues', handler: listIssues },
  { method: 'GET', path: '/issues/{issue_number}', handler: getIssue },
  { method: 'PATCH', path: '/issues/{issue_number}', handler: updateIssue },
  { method: 'POST', path: '/issues/{issue_number}/comments', handler: createComment },
  { method: 'GET', path: '/issues/{issue_number}/comments', handler: listComments },
];
