/**
 * A local stand-in for the handful of GitHub REST endpoints Runway uses: deployments and their statuses,
 * issues, issue comments and labels. Shapes follow the published REST contract (docs.github.com/rest and
 * @octokit/openapi-types): status codes, field names, `Link` pagination, `{message, documentation_url}`
 * error bodies. It never imports the client code it stands in for. The routes are in handlers/ by
 * resource, the HTTP side in server.ts, the answers' shapes in render.ts.
 */
import type { AddressInfo } from 'node:net';
import type { SimCall, SimDeployment, SimIssue, SimLabel } from './model.js';
import { createApiServer } from './server.js';
import { GitHubState, hex } from './state.js';

export type {
  DeploymentState,
  SimCall,
  SimComment,
  SimDeployment,
  SimDeploymentStatus,
  SimIssue,
  SimLabel,
  SimUser,
} from './model.js';

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

export async function startGitHubSim(options: GitHubSimOptions = {}): Promise<GitHubSim> {
  const state = new GitHubState(
    options.token ?? `ghs_${hex(18)}`,
    options.repository ?? 'coconut-beach/voice-bot',
    options.refs ?? {},
  );
  const server = createApiServer(state);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: state.apiUrl,
    token: state.token,
    repository: state.repository,
    issues: () => state.issues.map((i) => ({ ...i, labels: [...i.labels], comments: [...i.comments] })),
    deployments: () =>
      [...state.deployments].sort((a, b) => b.id - a.id).map((d) => ({ ...d, statuses: [...d.statuses] })),
    labels: () => state.labels.map((l) => ({ ...l })),
    calls: () => [...state.calls],
    setRef: (name, sha, opts = {}) => void state.refs.set(name, { sha, behind: opts.behind ?? false }),
    setCommitStatus: (sha, context, commitState) => {
      const map = state.commitStatuses.get(sha) ?? new Map<string, string>();
      map.set(context, commitState);
      state.commitStatuses.set(sha, map);
    },
    failNext: ({ status, count = 1, path, method, retryAfter }) =>
      void state.faults.push({ status, count, path, method, retryAfter }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
