/** The stand-in's records, kept in GitHub's own field names; render.ts turns them into REST answers. */

export const STATES = [
  'error',
  'failure',
  'inactive',
  'in_progress',
  'queued',
  'pending',
  'success',
] as const;
export type DeploymentState = (typeof STATES)[number];

export interface SimUser {
  login: string;
  id: number;
  type: 'User' | 'Bot';
}

/** Every write is made as the Actions token's bot user. */
export const BOT: SimUser = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };

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

/** A fault drill: the next `count` requests matching `path` (substring) and `method` answer `status`. */
export interface SimFault {
  status: number;
  count: number;
  path?: string;
  method?: string;
  retryAfter?: number;
}
