/**
 * Deployment records (actions.md §8.4): each deploy creates a GitHub Deployment whose payload carries the
 * exact image digest, so promotion redeploys what staging ran and rollback finds what production ran
 * before. Records not written by Runway (the ones GitHub creates for `environment:` jobs, other tools')
 * are recognised by their payload and ignored.
 */
import { InputError } from '../core/errors.js';
import { githubClient, idempotent, type GitHubClient, type GitHubTarget } from './client.js';

/** Marks our payloads; a reader ignores anything without it. */
export const PAYLOAD_TYPE = 'runway-deploy';

export interface DeploymentPayload {
  app: string;
  /** Digest reference: registry.fly.io/voice-bot@sha256:… */
  image: string;
  releaseVersion?: number;
  strategy: string;
  /** The Machine config the release applied per process group, and its release_command (rollback restores them). */
  release?: RecordedRelease;
}

export interface RecordedRelease {
  configs: Record<string, Record<string, unknown>>;
  releaseCommand?: string;
}

export interface RecordedPayload extends DeploymentPayload {
  type: typeof PAYLOAD_TYPE;
  actor?: string;
  runId?: string;
}

export interface StartDeployment extends GitHubTarget {
  ref: string;
  environment: string;
  payload: DeploymentPayload;
  description?: string;
  logUrl?: string;
  /** Defaults to true for `production`/`prod`, false otherwise; GitHub only guesses for the literal `production`. */
  production?: boolean;
}

export interface FinishDeployment extends GitHubTarget {
  state: 'success' | 'failure' | 'error';
  environmentUrl?: string;
  description?: string;
  logUrl?: string;
}

export interface SuccessfulDeployment {
  id: number;
  payload: RecordedPayload;
  sha: string;
  ref: string;
  createdAt: string;
  environmentUrl?: string;
}

const DIGEST_REF = /^[a-z0-9.-]+(?::\d+)?(?:\/[a-z0-9._-]+)+@sha256:[0-9a-f]{64}$/;

export function isDigestRef(image: string): boolean {
  return DIGEST_REF.test(image);
}

export function isProductionName(environment: string): boolean {
  return /^prod(uction)?$/i.test(environment);
}

/** GitHub caps status descriptions at 140 characters and answers 422 beyond that. */
function clip(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  return text.length <= 140 ? text : `${text.slice(0, 139)}…`;
}

function defaultLogUrl(repository: string): string | undefined {
  const runId = process.env.GITHUB_RUN_ID;
  if (!runId) return undefined;
  const server = process.env.GITHUB_SERVER_URL || 'https://github.com';
  return `${server}/${repository}/actions/runs/${runId}`;
}

/** Reads a payload back; anything malformed or written by another tool is not ours (undefined). */
export function parsePayload(payload: unknown): RecordedPayload | undefined {
  let value = payload;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const p = value as Record<string, unknown>;
  if (p.type !== PAYLOAD_TYPE) return undefined;
  if (typeof p.app !== 'string' || !p.app) return undefined;
  if (typeof p.image !== 'string' || !isDigestRef(p.image)) return undefined;
  if (typeof p.strategy !== 'string') return undefined;
  if (p.releaseVersion !== undefined && typeof p.releaseVersion !== 'number') return undefined;
  return {
    type: PAYLOAD_TYPE,
    app: p.app,
    image: p.image,
    strategy: p.strategy,
    ...(typeof p.releaseVersion === 'number' ? { releaseVersion: p.releaseVersion } : {}),
    ...(isRecordedRelease(p.release) ? { release: p.release } : {}),
    ...(typeof p.actor === 'string' ? { actor: p.actor } : {}),
    ...(typeof p.runId === 'string' ? { runId: p.runId } : {}),
  };
}

function isRecordedRelease(value: unknown): value is RecordedRelease {
  if (!value || typeof value !== 'object') return false;
  const { configs, releaseCommand } = value as Record<string, unknown>;
  return (
    !!configs &&
    typeof configs === 'object' &&
    !Array.isArray(configs) &&
    (releaseCommand === undefined || typeof releaseCommand === 'string')
  );
}

export async function startDeployment(options: StartDeployment): Promise<{ id: number }> {
  const { payload } = options;
  if (!options.ref)
    throw new InputError('ref', 'is empty.', 'pass the commit SHA being deployed (github.sha).');
  if (!options.environment)
    throw new InputError('environment', 'is empty.', 'name the environment, e.g. staging.');
  if (!payload?.app) throw new InputError('app', 'is empty.', 'name the Fly app, e.g. voice-bot.');
  if (!isDigestRef(payload.image ?? '')) {
    throw new InputError(
      'image',
      `"${payload.image}" is not a digest reference.`,
      'record registry/app@sha256:<64 hex>, never a tag.',
    );
  }
  const client = githubClient(options);
  const recorded: RecordedPayload = {
    type: PAYLOAD_TYPE,
    app: payload.app,
    image: payload.image,
    strategy: payload.strategy,
    ...(payload.releaseVersion !== undefined ? { releaseVersion: payload.releaseVersion } : {}),
    ...(payload.release ? { release: payload.release } : {}),
    ...(process.env.GITHUB_ACTOR ? { actor: process.env.GITHUB_ACTOR } : {}),
    ...(process.env.GITHUB_RUN_ID ? { runId: process.env.GITHUB_RUN_ID } : {}),
  };
  const created = await client.octokit.rest.repos.createDeployment({
    owner: client.owner,
    repo: client.repo,
    ref: options.ref,
    task: 'deploy',
    environment: options.environment,
    // Never merge the default branch into the ref: we deploy exactly what was built.
    auto_merge: false,
    // CI gating happened before this workflow ran; the digest is already tested.
    required_contexts: [],
    payload: recorded as unknown as Record<string, unknown>,
    description: clip(
      options.description ?? `${payload.app} ${payload.image.split('@')[1]?.slice(0, 19) ?? ''}`,
    ),
    transient_environment: false,
    production_environment: options.production ?? isProductionName(options.environment),
  });
  if (created.status !== 201 || !('id' in created.data)) {
    throw new Error(
      `GitHub did not create the deployment (HTTP ${created.status}: ${JSON.stringify(created.data).slice(0, 200)})`,
    );
  }
  const id = created.data.id;
  await client.octokit.rest.repos.createDeploymentStatus({
    owner: client.owner,
    repo: client.repo,
    deployment_id: id,
    state: 'in_progress',
    log_url: options.logUrl ?? defaultLogUrl(options.repository),
    description: clip(`Deploying ${payload.app} (${payload.strategy})`),
  });
  return { id };
}

export async function finishDeployment(id: number, options: FinishDeployment): Promise<void> {
  if (!Number.isInteger(id) || id <= 0)
    throw new InputError(
      'deployment-id',
      `"${id}" is not a deployment id.`,
      'pass the id startDeployment returned.',
    );
  const client = githubClient(options);
  const { data: deployment } = await idempotent(client, () =>
    client.octokit.rest.repos.getDeployment({ owner: client.owner, repo: client.repo, deployment_id: id }),
  );
  await client.octokit.rest.repos.createDeploymentStatus({
    owner: client.owner,
    repo: client.repo,
    deployment_id: id,
    state: options.state,
    log_url: options.logUrl ?? defaultLogUrl(options.repository),
    description: clip(options.description),
    // environment_url only on success: a failed deploy has no URL worth linking.
    ...(options.state === 'success' && options.environmentUrl
      ? { environment_url: options.environmentUrl }
      : {}),
    auto_inactive: true,
  });
  // auto_inactive skips production environments (docs), so the previous production record would stay
  // "active" beside the new one; retire our own earlier successes explicitly.
  if (options.state === 'success' && deployment.production_environment) {
    await retirePrevious(client, deployment.environment, id);
  }
}

async function retirePrevious(client: GitHubClient, environment: string, currentId: number): Promise<void> {
  const older = await idempotent(client, () =>
    client.octokit.rest.repos.listDeployments({
      owner: client.owner,
      repo: client.repo,
      environment,
      per_page: 20,
    }),
  );
  for (const d of older.data) {
    if (d.id >= currentId || !parsePayload(d.payload)) continue;
    const { data: statuses } = await idempotent(client, () =>
      client.octokit.rest.repos.listDeploymentStatuses({
        owner: client.owner,
        repo: client.repo,
        deployment_id: d.id,
        per_page: 1,
      }),
    );
    if (statuses[0]?.state !== 'success') continue;
    await client.octokit.rest.repos.createDeploymentStatus({
      owner: client.owner,
      repo: client.repo,
      deployment_id: d.id,
      state: 'inactive',
      description: `Superseded by deployment ${currentId}`,
    });
  }
}

/**
 * Our deployments to `environment` that succeeded, newest first. A production record retired to
 * `inactive` by a newer deploy still counts (it is what rollback wants); one marked failure does not.
 * `excludeImage` skips records of a given digest (rollback wants the image before the current one).
 */
export async function successfulDeployments(
  options: GitHubTarget & {
    environment: string;
    excludeImage?: string;
    limit?: number;
    scan?: number;
    pageSize?: number;
  },
): Promise<SuccessfulDeployment[]> {
  if (!options.environment)
    throw new InputError('environment', 'is empty.', 'name the environment, e.g. staging.');
  const client = githubClient(options);
  const scan = options.scan ?? 100;
  const limit = options.limit ?? 1;
  const perPage = Math.min(100, options.pageSize ?? 100);
  const found: SuccessfulDeployment[] = [];
  let page = 1;
  let seen = 0;
  while (seen < scan && found.length < limit) {
    const { data } = await idempotent(client, () =>
      client.octokit.rest.repos.listDeployments({
        owner: client.owner,
        repo: client.repo,
        environment: options.environment,
        per_page: perPage,
        page,
      }),
    );
    if (data.length === 0) break;
    // Don't rely on API order (actions.md §4.7): sort by creation time, id as tie-break.
    const sorted = [...data].sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id);
    for (const d of sorted) {
      seen++;
      const payload = parsePayload(d.payload);
      if (!payload || d.environment !== options.environment) continue;
      if (options.excludeImage && payload.image === options.excludeImage) continue;
      const statuses = await idempotent(client, () =>
        client.octokit.paginate(client.octokit.rest.repos.listDeploymentStatuses, {
          owner: client.owner,
          repo: client.repo,
          deployment_id: d.id,
          per_page: 100,
        }),
      );
      // The newest status that is not `inactive` decides: a record later marked failure (rolled back)
      // no longer counts, while one merely retired by a newer deploy still does.
      const newestFirst = [...statuses].sort(
        (a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id,
      );
      const decisive = newestFirst.find((s) => s.state !== 'inactive');
      if (decisive?.state !== 'success') continue;
      const success = decisive;
      found.push({
        id: d.id,
        payload,
        sha: d.sha,
        ref: d.ref,
        createdAt: d.created_at,
        ...(success.environment_url ? { environmentUrl: success.environment_url } : {}),
      });
      if (found.length >= limit || seen >= scan) break;
    }
    if (data.length < perPage) break;
    page++;
  }
  return found;
}

export async function lastSuccessfulDeployment(
  options: GitHubTarget & { environment: string; excludeImage?: string },
): Promise<SuccessfulDeployment | undefined> {
  const [latest] = await successfulDeployments({ ...options, limit: 1 });
  return latest;
}
