import { HttpError, validationFailed } from '../errors.js';
import { BOT, STATES, type DeploymentState, type SimDeployment, type SimDeploymentStatus } from '../model.js';
import { paginate } from '../paginate.js';
import { renderDeployment, renderStatus } from '../render.js';
import type { Call, Reply, RouteDef } from '../router.js';
import type { GitHubState } from '../state.js';

type Body = Record<string, unknown>;

/** Create a deployment: a ref GitHub knows, merged first if behind, with its required contexts green. */
function createDeployment(state: GitHubState, { body }: Call): Reply {
  if (typeof body.ref !== 'string' || body.ref === '') throw validationFailed('Deployment', 'ref');
  const { sha, branch } = state.resolveRef(body.ref);
  const autoMerge = body.auto_merge === undefined ? true : body.auto_merge === true;
  if (autoMerge && branch && branch !== 'main' && state.refs.get(branch)?.behind) {
    // GitHub merges the default branch into the ref and asks the client to try again.
    state.refs.set(branch, { sha: state.newSha(), behind: false });
    return { status: 202, body: { message: `Auto-merged main into ${branch} on deployment.` } };
  }
  requireContexts(state, sha, body);
  const deployment = newDeployment(state, body, sha, payloadOf(body.payload));
  state.deployments.push(deployment);
  return { status: 201, body: renderDeployment(state, deployment) };
}

/** `required_contexts` (every context set on the SHA when absent) must all be success, else 409. */
function requireContexts(state: GitHubState, sha: string, body: Body): void {
  const statuses = state.commitStatuses.get(sha) ?? new Map<string, string>();
  const required = Array.isArray(body.required_contexts)
    ? (body.required_contexts as unknown[]).map(String)
    : [...statuses.keys()];
  const failing = required.filter((context) => statuses.get(context) !== 'success');
  if (failing.length > 0) {
    throw new HttpError(409, `Conflict: Commit status checks failed for ${String(body.ref)}.`, {
      errors: failing.map((context) => ({
        contexts: [{ context, state: statuses.get(context) ?? 'missing' }],
      })),
    });
  }
}

/** The payload as an object: JSON text is parsed (empty text is `{}`), anything but an object is a 422. */
function payloadOf(value: unknown): object {
  let payload: unknown = value ?? {};
  if (typeof payload === 'string') {
    try {
      payload = payload === '' ? {} : JSON.parse(payload);
    } catch {
      throw validationFailed('Deployment', 'payload', 'invalid', 'payload is not valid JSON');
    }
  }
  if (typeof payload !== 'object' || payload === null)
    throw validationFailed('Deployment', 'payload', 'invalid');
  return payload;
}

function newDeployment(state: GitHubState, body: Body, sha: string, payload: object): SimDeployment {
  const environment =
    typeof body.environment === 'string' && body.environment ? body.environment : 'production';
  const created = state.now();
  return {
    id: state.nextId(),
    sha,
    ref: String(body.ref),
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
}

function listDeployments(state: GitHubState, { query: q, url }: Call): Reply {
  const filtered = state.deployments
    .filter((d) => !q.get('sha') || d.sha === q.get('sha'))
    .filter((d) => !q.get('ref') || d.ref === q.get('ref'))
    .filter((d) => !q.get('task') || d.task === q.get('task'))
    .filter((d) => !q.get('environment') || d.environment === q.get('environment'))
    .sort((a, b) => b.id - a.id);
  const { page, link } = paginate(state.apiUrl, filtered, q, url);
  return { status: 200, body: page.map((d) => renderDeployment(state, d)), link };
}

function getDeployment(state: GitHubState, { params }: Call): Reply {
  return { status: 200, body: renderDeployment(state, state.findDeployment(params.deployment_id)) };
}

/** Create a deployment status; a success marks earlier deployments of the environment inactive. */
function createStatus(state: GitHubState, { params, body }: Call): Reply {
  const d = state.findDeployment(params.deployment_id);
  const { status, description } = statusInput(body);
  if (typeof body.environment === 'string' && body.environment) d.environment = body.environment;
  const created = state.now();
  const logUrl =
    typeof body.log_url === 'string'
      ? body.log_url
      : typeof body.target_url === 'string'
        ? body.target_url
        : '';
  const added: SimDeploymentStatus = {
    id: state.nextId(),
    state: status,
    description,
    environment: d.environment,
    log_url: logUrl,
    target_url: logUrl,
    environment_url: typeof body.environment_url === 'string' ? body.environment_url : '',
    created_at: created,
    creator: BOT,
  };
  d.statuses.push(added);
  d.updated_at = created;
  const autoInactive = body.auto_inactive === undefined ? true : body.auto_inactive === true;
  if (status === 'success' && autoInactive) markPriorInactive(state, d, added);
  return { status: 201, body: renderStatus(state, d, added) };
}

/** `state` one of the documented states; `description` at most 140 characters. */
function statusInput(body: Body): { status: DeploymentState; description: string } {
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
  return { status: state as DeploymentState, description };
}

/**
 * Docs: "Adds a new inactive status to all prior non-transient, non-production environment
 * deployments with the same repository and environment name ... that had a success state."
 */
function markPriorInactive(state: GitHubState, d: SimDeployment, success: SimDeploymentStatus): void {
  for (const other of state.deployments) {
    if (other === d || other.id > d.id || other.environment !== d.environment) continue;
    if (other.transient_environment || other.production_environment) continue;
    if (other.statuses.at(-1)?.state !== 'success') continue;
    other.statuses.push({
      ...success,
      id: state.nextId(),
      state: 'inactive',
      description: '',
      environment_url: '',
    });
    other.updated_at = success.created_at;
  }
}

function listStatuses(state: GitHubState, { params, query, url }: Call): Reply {
  const d = state.findDeployment(params.deployment_id);
  const { page, link } = paginate(state.apiUrl, [...d.statuses].reverse(), query, url);
  return { status: 200, body: page.map((s) => renderStatus(state, d, s)), link };
}

export const DEPLOYMENT_ROUTES: RouteDef[] = [
  { method: 'POST', path: '/deployments', handler: createDeployment },
  { method: 'GET', path: '/deployments', handler: listDeployments },
  { method: 'GET', path: '/deployments/{deployment_id}', handler: getDeployment },
  { method: 'POST', path: '/deployments/{deployment_id}/statuses', handler: createStatus },
  { method: 'GET', path: '/deployments/{deployment_id}/statuses', handler: listStatuses },
];
