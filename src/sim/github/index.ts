/**
 * A local stand-in for the handful of GitHub REST endpoints Runway uses: deployments and their statuses,
 * issues, issue comments and labels. Shapes follow the published REST contract (docs.github.com/rest and
 * @octokit/openapi-types): status codes, field names, `Link` pagination, `{message, documentation_url}`
 * error bodies. It never imports the client code it stands in for.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';

const DOCS = 'https://docs.github.com/rest';
const STATES = ['error', 'failure', 'inactive', 'in_progress', 'queued', 'pending', 'success'] as const;
export type DeploymentState = (typeof STATES)[number];

export interface SimUser {
  login: string;
  id: number;
  type: 'User' | 'Bot';
}

const BOT: SimUser = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };

export interface SimDeploymentStatus {
  id: number;
  state: DeploymentState;
  description: string;
  environment: string;
  log_url: string;
  target_url: string;
  environment_url: string;
  created_at: string;
  creator: SimUser;
}

export interface SimDeployment {
  id: number;
  sha: string;
  ref: string;
  task: string;
  payload: unknown;
  original_environment: string;
  environment: string;
  description: string | null;
  transient_environment: boolean;
  production_environment: boolean;
  created_at: string;
  updated_at: string;
  creator: SimUser;
  /** Newest last (insertion order); the REST list returns them newest first. */
  statuses: SimDeploymentStatus[];
}

export interface SimComment {
  id: number;
  body: string;
  created_at: string;
  user: SimUser;
}

export interface SimLabel {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

export interface SimIssue {
  number: number;
  id: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  state_reason: string | null;
  labels: string[];
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  user: SimUser;
  comments: SimComment[];
}

export interface SimCall {
  method: string;
  path: string;
  status: number;
  query: Record<string, string>;
  body?: unknown;
}

export interface GitHubSimOptions {
  token?: string;
  /** owner/name */
  repository?: string;
  /** Branch/tag name → commit SHA. `main` exists by default. */
  refs?: Record<string, string>;
}

export interface GitHubSim {
  apiUrl: string;
  token: string;
  repository: string;
  issues(): SimIssue[];
  deployments(): SimDeployment[];
  labels(): SimLabel[];
  calls(): SimCall[];
  /** Adds or moves a branch; `behind: true` makes it lag the default branch (auto_merge then merges). */
  setRef(name: string, sha: string, options?: { behind?: boolean }): void;
  /** A commit status on a SHA; deployments without `required_contexts: []` require all to be success. */
  setCommitStatus(sha: string, context: string, state: 'success' | 'failure' | 'pending' | 'error'): void;
  /** The next `count` requests matching `path` (substring, optional) answer `status` (fault drills). */
  failNext(options: {
    status: number;
    count?: number;
    path?: string;
    method?: string;
    retryAfter?: number;
  }): void;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const isSha = (text: string) => /^[0-9a-f]{40}$/i.test(text);

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function validationFailed(
  resource: string,
  field: string,
  code = 'missing_field',
  message?: string,
): HttpError {
  return new HttpError(422, 'Validation Failed', {
    errors: [{ resource, field, code, ...(message ? { message } : {}) }],
  });
}

export async function startGitHubSim(options: GitHubSimOptions = {}): Promise<GitHubSim> {
  const token = options.token ?? `ghs_${hex(18)}`;
  const repository = options.repository ?? 'coconut-beach/voice-bot';
  const [owner, repo] = repository.split('/');
  if (!owner || !repo) throw new Error(`repository must be owner/name, got "${repository}"`);

  const refs = new Map<string, { sha: string; behind: boolean }>();
  refs.set('main', { sha: hex(20), behind: false });
  for (const [name, sha] of Object.entries(options.refs ?? {})) refs.set(name, { sha, behind: false });
  const commitStatuses = new Map<string, Map<string, string>>();

  const deployments: SimDeployment[] = [];
  const issues: SimIssue[] = [];
  const labels: SimLabel[] = [];
  const calls: SimCall[] = [];
  const faults: { status: number; count: number; path?: string; method?: string; retryAfter?: number }[] = [];
  let nextId = 1000;
  // Timestamps strictly increase so "newest first" is well defined even within one millisecond.
  let clock = Date.now();
  const now = () => {
    clock = Math.max(clock + 1000, Date.now());
    return new Date(clock).toISOString().replace(/\.\d{3}Z$/, 'Z');
  };

  let apiUrl = '';
  const repoUrl = () => `${apiUrl}/repos/${repository}`;
  const htmlRepoUrl = `https://github.com/${repository}`;

  const renderUser = (u: SimUser) => ({
    login: u.login,
    id: u.id,
    node_id: `MDM6Qm90${u.id}`,
    type: u.type,
    site_admin: false,
    url: `${apiUrl}/users/${encodeURIComponent(u.login)}`,
    html_url: `https://github.com/apps/github-actions`,
  });

  const renderDeployment = (d: SimDeployment) => ({
    url: `${repoUrl()}/deployments/${d.id}`,
    id: d.id,
    node_id: `DE_${Buffer.from(String(d.id)).toString('base64')}`,
    sha: d.sha,
    ref: d.ref,
    task: d.task,
    payload: d.payload,
    original_environment: d.original_environment,
    environment: d.environment,
    description: d.description,
    creator: renderUser(d.creator),
    created_at: d.created_at,
    updated_at: d.updated_at,
    statuses_url: `${repoUrl()}/deployments/${d.id}/statuses`,
    repository_url: repoUrl(),
    transient_environment: d.transient_environment,
    production_environment: d.production_environment,
    performed_via_github_app: null,
  });

  const renderStatus = (d: SimDeployment, s: SimDeploymentStatus) => ({
    url: `${repoUrl()}/deployments/${d.id}/statuses/${s.id}`,
    id: s.id,
    node_id: `DES_${Buffer.from(String(s.id)).toString('base64')}`,
    state: s.state,
    creator: renderUser(s.creator),
    description: s.description,
    environment: s.environment,
    target_url: s.target_url,
    log_url: s.log_url,
    environment_url: s.environment_url,
    created_at: s.created_at,
    updated_at: s.created_at,
    deployment_url: `${repoUrl()}/deployments/${d.id}`,
    repository_url: repoUrl(),
    performed_via_github_app: null,
  });

  const renderLabel = (l: SimLabel) => ({
    id: l.id,
    node_id: `LA_${l.id}`,
    url: `${repoUrl()}/labels/${encodeURIComponent(l.name)}`,
    name: l.name,
    color: l.color,
    default: false,
    description: l.description,
  });

  const renderIssue = (i: SimIssue) => ({
    url: `${repoUrl()}/issues/${i.number}`,
    repository_url: repoUrl(),
    comments_url: `${repoUrl()}/issues/${i.number}/comments`,
    events_url: `${repoUrl()}/issues/${i.number}/events`,
    labels_url: `${repoUrl()}/issues/${i.number}/labels{/name}`,
    html_url: `${htmlRepoUrl}/issues/${i.number}`,
    id: i.id,
    node_id: `I_${i.id}`,
    number: i.number,
    title: i.title,
    body: i.body,
    user: renderUser(i.user),
    labels: i.labels.map((name) => renderLabel(labels.find((l) => l.name === name)!)),
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

  const renderComment = (i: SimIssue, c: SimComment) => ({
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${repoUrl()}/issues/comments/${c.id}`,
    html_url: `${htmlRepoUrl}/issues/${i.number}#issuecomment-${c.id}`,
    issue_url: `${repoUrl()}/issues/${i.number}`,
    body: c.body,
    user: renderUser(c.user),
    created_at: c.created_at,
    updated_at: c.created_at,
    author_association: 'NONE',
  });

  const ensureLabel = (name: string, color = 'ededed', description: string | null = null): SimLabel => {
    const existing = labels.find((l) => l.name.toLowerCase() === name.toLowerCase());
    if (existing) return existing;
    const label = { id: nextId++, name, color, description };
    labels.push(label);
    return label;
  };

  /** A page of `items` with the `Link` header GitHub sends (next/last/first/prev, only those that apply). */
  const paginate = <T>(items: T[], query: URLSearchParams, url: URL): { page: T[]; link?: string } => {
    const perPage = Math.min(100, Math.max(1, Number(query.get('per_page') ?? 30) || 30));
    const page = Math.max(1, Number(query.get('page') ?? 1) || 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const pageUrl = (n: number) => {
      const u = new URL(url.toString());
      u.searchParams.set('per_page', String(perPage));
      u.searchParams.set('page', String(n));
      return `${apiUrl}${u.pathname}${u.search}`;
    };
    const parts: string[] = [];
    if (page > 1) parts.push(`<${pageUrl(page - 1)}>; rel="prev"`);
    if (page < last) parts.push(`<${pageUrl(page + 1)}>; rel="next"`, `<${pageUrl(last)}>; rel="last"`);
    if (page > 1) parts.push(`<${pageUrl(1)}>; rel="first"`);
    return { page: slice, link: parts.length ? parts.join(', ') : undefined };
  };

  const findDeployment = (id: string) => {
    const d = deployments.find((x) => String(x.id) === id);
    if (!d) throw new HttpError(404, 'Not Found');
    return d;
  };
  const findIssue = (n: string) => {
    const i = issues.find((x) => String(x.number) === n);
    if (!i) throw new HttpError(404, 'Not Found');
    return i;
  };

  const resolveRef = (ref: string): { sha: string; branch?: string } => {
    const known = refs.get(ref);
    if (known) return { sha: known.sha, branch: ref };
    if (isSha(ref)) return { sha: ref.toLowerCase() };
    throw new HttpError(422, `No ref found for: ${ref}`);
  };

  const createDeployment = (body: Record<string, unknown>) => {
    if (typeof body.ref !== 'string' || body.ref === '') throw validationFailed('Deployment', 'ref');
    const { sha, branch } = resolveRef(body.ref);
    const autoMerge = body.auto_merge === undefined ? true : body.auto_merge === true;
    if (autoMerge && branch && branch !== 'main' && refs.get(branch)?.behind) {
      // GitHub merges the default branch into the ref and asks the client to try again.
      refs.set(branch, { sha: hex(20), behind: false });
      return { status: 202, body: { message: `Auto-merged main into ${branch} on deployment.` } };
    }
    const statuses = commitStatuses.get(sha) ?? new Map<string, string>();
    const required = Array.isArray(body.required_contexts)
      ? (body.required_contexts as unknown[]).map(String)
      : [...statuses.keys()];
    const failing = required.filter((context) => statuses.get(context) !== 'success');
    if (failing.length > 0) {
      throw new HttpError(409, `Conflict: Commit status checks failed for ${body.ref}.`, {
        errors: failing.map((context) => ({
          contexts: [{ context, state: statuses.get(context) ?? 'missing' }],
        })),
      });
    }
    let payload: unknown = body.payload ?? {};
    if (typeof payload === 'string') {
      try {
        payload = payload === '' ? {} : JSON.parse(payload);
      } catch {
        throw validationFailed('Deployment', 'payload', 'invalid', 'payload is not valid JSON');
      }
    }
    if (typeof payload !== 'object' || payload === null)
      throw validationFailed('Deployment', 'payload', 'invalid');
    const environment =
      typeof body.environment === 'string' && body.environment ? body.environment : 'production';
    const created = now();
    const deployment: SimDeployment = {
      id: nextId++,
      sha,
      ref: body.ref,
      task: typeof body.task === 'string' && body.task ? body.task : 'deploy',
      payload,
      original_environment: environment,
      environment,
      description: typeof body.description === 'string' ? body.description : null,
      transient_environment: body.transient_environment === true,
      production_environment:
        typeof body.production_environment === 'boolean'
          ? body.production_environment
          : environment === 'production',
      created_at: created,
      updated_at: created,
      creator: BOT,
      statuses: [],
    };
    deployments.push(deployment);
    return { status: 201, body: renderDeployment(deployment) };
  };

  const createStatus = (d: SimDeployment, body: Record<string, unknown>) => {
    const state = body.state;
    if (typeof state !== 'string' || !(STATES as readonly string[]).includes(state)) {
      throw validationFailed('DeploymentStatus', 'state', state === undefined ? 'missing_field' : 'invalid');
    }
    const description = typeof body.description === 'string' ? body.description : '';
    if (description.length > 140) {
      throw validationFailed(
        'DeploymentStatus',
        'description',
        'custom',
        'description is too long (maximum is 140 characters)',
      );
    }
    if (typeof body.environment === 'string' && body.environment) d.environment = body.environment;
    const created = now();
    const logUrl =
      typeof body.log_url === 'string'
        ? body.log_url
        : typeof body.target_url === 'string'
          ? body.target_url
          : '';
    const status: SimDeploymentStatus = {
      id: nextId++,
      state: state as DeploymentState,
      description,
      environment: d.environment,
      log_url: logUrl,
      target_url: logUrl,
      environment_url: typeof body.environment_url === 'string' ? body.environment_url : '',
      created_at: created,
      creator: BOT,
    };
    d.statuses.push(status);
    d.updated_at = created;
    const autoInactive = body.auto_inactive === undefined ? true : body.auto_inactive === true;
    if (state === 'success' && autoInactive) {
      // Docs: "Adds a new inactive status to all prior non-transient, non-production environment
      // deployments with the same repository and environment name ... that had a success state."
      for (const other of deployments) {
        if (other === d || other.id > d.id || other.environment !== d.environment) continue;
        if (other.transient_environment || other.production_environment) continue;
        if (other.statuses.at(-1)?.state !== 'success') continue;
        other.statuses.push({
          ...status,
          id: nextId++,
          state: 'inactive',
          description: '',
          environment_url: '',
        });
        other.updated_at = created;
      }
    }
    return { status: 201, body: renderStatus(d, status) };
  };

  const labelNames = (value: unknown): string[] => {
    if (value === undefined) return [];
    if (!Array.isArray(value)) throw validationFailed('Issue', 'labels', 'invalid');
    return value.map((l) => (typeof l === 'string' ? l : String((l as { name?: unknown })?.name ?? '')));
  };

  const route = async (method: string, url: URL, body: Record<string, unknown>) => {
    const q = url.searchParams;
    const prefix = `/repos/${owner}/${repo}`;
    const m = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(url.pathname);
    if (!m) throw new HttpError(404, 'Not Found');
    if (`/repos/${m[1]}/${m[2]}`.toLowerCase() !== prefix.toLowerCase())
      throw new HttpError(404, 'Not Found');
    const rest = m[3] ?? '/';
    let p: RegExpExecArray | null;

    if (rest === '/deployments' && method === 'POST') return createDeployment(body);
    if (rest === '/deployments' && method === 'GET') {
      const filtered = deployments
        .filter((d) => !q.get('sha') || d.sha === q.get('sha'))
        .filter((d) => !q.get('ref') || d.ref === q.get('ref'))
        .filter((d) => !q.get('task') || d.task === q.get('task'))
        .filter((d) => !q.get('environment') || d.environment === q.get('environment'))
        .sort((a, b) => b.id - a.id);
      const { page, link } = paginate(filtered, q, url);
      return { status: 200, body: page.map(renderDeployment), link };
    }
    if ((p = /^\/deployments\/(\d+)$/.exec(rest)) && method === 'GET') {
      return { status: 200, body: renderDeployment(findDeployment(p[1])) };
    }
    if ((p = /^\/deployments\/(\d+)\/statuses$/.exec(rest))) {
      const d = findDeployment(p[1]);
      if (method === 'POST') return createStatus(d, body);
      if (method === 'GET') {
        const { page, link } = paginate([...d.statuses].reverse(), q, url);
        return { status: 200, body: page.map((s) => renderStatus(d, s)), link };
      }
    }

    if (rest === '/issues' && method === 'POST') {
      if (typeof body.title !== 'string' || body.title.trim() === '')
        throw validationFailed('Issue', 'title');
      const names = labelNames(body.labels).map((name) => ensureLabel(name).name);
      const created = now();
      const issue: SimIssue = {
        number: issues.length + 1,
        id: nextId++,
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
      issues.push(issue);
      return { status: 201, body: renderIssue(issue) };
    }
    if (rest === '/issues' && method === 'GET') {
      const state = q.get('state') ?? 'open';
      if (!['open', 'closed', 'all'].includes(state)) throw validationFailed('Issue', 'state', 'invalid');
      const wanted = (q.get('labels') ?? '')
        .split(',')
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean);
      const direction = q.get('direction') ?? 'desc';
      const sort = q.get('sort') ?? 'created';
      const key = (i: SimIssue) =>
        sort === 'updated'
          ? i.updated_at
          : sort === 'comments'
            ? String(i.comments.length).padStart(9, '0')
            : i.created_at;
      const filtered = issues
        .filter((i) => state === 'all' || i.state === state)
        .filter((i) => wanted.every((w) => i.labels.some((l) => l.toLowerCase() === w)))
        .filter((i) => !q.get('creator') || i.user.login === q.get('creator'))
        .sort(
          (a, b) =>
            (key(a) === key(b) ? a.number - b.number : key(a) < key(b) ? -1 : 1) *
            (direction === 'asc' ? 1 : -1),
        );
      const { page, link } = paginate(filtered, q, url);
      return { status: 200, body: page.map(renderIssue), link };
    }
    if ((p = /^\/issues\/(\d+)$/.exec(rest))) {
      const issue = findIssue(p[1]);
      if (method === 'GET') return { status: 200, body: renderIssue(issue) };
      if (method === 'PATCH') {
        if (body.state !== undefined && body.state !== 'open' && body.state !== 'closed') {
          throw validationFailed('Issue', 'state', 'invalid');
        }
        if (typeof body.title === 'string') issue.title = body.title;
        if (typeof body.body === 'string') issue.body = body.body;
        if (body.labels !== undefined) issue.labels = labelNames(body.labels).map((n) => ensureLabel(n).name);
        issue.updated_at = now();
        if (body.state === 'closed' && issue.state === 'open') {
          issue.state = 'closed';
          issue.closed_at = issue.updated_at;
          issue.state_reason = typeof body.state_reason === 'string' ? body.state_reason : 'completed';
        } else if (body.state === 'open' && issue.state === 'closed') {
          issue.state = 'open';
          issue.closed_at = null;
          issue.state_reason = 'reopened';
        }
        return { status: 200, body: renderIssue(issue) };
      }
    }
    if ((p = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
      const issue = findIssue(p[1]);
      if (method === 'POST') {
        if (typeof body.body !== 'string' || body.body === '') throw validationFailed('IssueComment', 'body');
        const comment: SimComment = { id: nextId++, body: body.body, created_at: now(), user: BOT };
        issue.comments.push(comment);
        issue.updated_at = comment.created_at;
        return { status: 201, body: renderComment(issue, comment) };
      }
      if (method === 'GET') {
        const { page, link } = paginate(issue.comments, q, url);
        return { status: 200, body: page.map((c) => renderComment(issue, c)), link };
      }
    }

    if (rest === '/labels' && method === 'POST') {
      if (typeof body.name !== 'string' || body.name === '') throw validationFailed('Label', 'name');
      if (labels.some((l) => l.name.toLowerCase() === String(body.name).toLowerCase())) {
        throw validationFailed('Label', 'name', 'already_exists');
      }
      const color = typeof body.color === 'string' ? body.color.replace(/^#/, '') : 'ededed';
      if (!/^[0-9a-f]{6}$/i.test(color)) throw validationFailed('Label', 'color', 'invalid');
      const label = ensureLabel(
        body.name,
        color,
        typeof body.description === 'string' ? body.description : null,
      );
      return { status: 201, body: renderLabel(label) };
    }
    if (rest === '/labels' && method === 'GET') {
      const { page, link } = paginate(labels, q, url);
      return { status: 200, body: page.map(renderLabel), link };
    }
    if ((p = /^\/labels\/([^/]+)$/.exec(rest)) && method === 'GET') {
      const name = decodeURIComponent(p[1]);
      const label = labels.find((l) => l.name.toLowerCase() === name.toLowerCase());
      if (!label) throw new HttpError(404, 'Not Found');
      return { status: 200, body: renderLabel(label) };
    }
    throw new HttpError(404, 'Not Found');
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://sim.invalid');
    const text = await readBody(req);
    const call: SimCall = {
      method,
      path: url.pathname,
      status: 0,
      query: Object.fromEntries(url.searchParams),
    };
    calls.push(call);
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      call.status = status;
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'x-github-media-type': 'github.v3; format=json',
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '4999',
        ...headers,
      });
      res.end(payload === undefined ? '' : JSON.stringify(payload));
    };
    const fail = (
      status: number,
      message: string,
      extra: Record<string, unknown> = {},
      headers?: Record<string, string>,
    ) => send(status, { message, ...extra, documentation_url: DOCS, status: String(status) }, headers);

    const fault = faults.find(
      (f) =>
        f.count > 0 &&
        (!f.path || url.pathname.includes(f.path)) &&
        (!f.method || f.method.toUpperCase() === method),
    );
    if (fault) {
      fault.count--;
      return fail(
        fault.status,
        fault.status === 429 ? 'API rate limit exceeded' : 'Server Error',
        {},
        fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {},
      );
    }
    const auth = req.headers.authorization ?? '';
    const presented = /^(?:token|bearer)\s+(.+)$/i.exec(auth)?.[1];
    if (presented !== token) return fail(401, auth ? 'Bad credentials' : 'Requires authentication');

    let body: Record<string, unknown> = {};
    if (text) {
      try {
        body = JSON.parse(text) as Record<string, unknown>;
      } catch {
        return fail(400, 'Problems parsing JSON');
      }
      call.body = body;
    }
    try {
      const result = await route(method, url, body);
      send(result.status, result.body, 'link' in result && result.link ? { link: result.link } : {});
    } catch (error) {
      if (error instanceof HttpError) return fail(error.status, error.message, error.extra);
      fail(500, error instanceof Error ? error.message : String(error));
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(JSON.stringify({ message: String(error), documentation_url: DOCS }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl,
    token,
    repository,
    issues: () => issues.map((i) => ({ ...i, labels: [...i.labels], comments: [...i.comments] })),
    deployments: () =>
      [...deployments].sort((a, b) => b.id - a.id).map((d) => ({ ...d, statuses: [...d.statuses] })),
    labels: () => labels.map((l) => ({ ...l })),
    calls: () => [...calls],
    setRef: (name, sha, opts = {}) => refs.set(name, { sha, behind: opts.behind ?? false }),
    setCommitStatus: (sha, context, state) => {
      const map = commitStatuses.get(sha) ?? new Map<string, string>();
      map.set(context, state);
      commitStatuses.set(sha, map);
    },
    failNext: ({ status, count = 1, path, method, retryAfter }) =>
      faults.push({ status, count, path, method, retryAfter }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
