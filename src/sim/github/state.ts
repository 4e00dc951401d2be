import { randomBytes } from 'node:crypto';
import { HttpError, notFound } from './errors.js';
import type { SimCall, SimDeployment, SimFault, SimIssue, SimLabel } from './model.js';

export const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const isSha = (text: string) => /^[0-9a-f]{40}$/i.test(text);

interface Ref {
  sha: string;
  /** The branch lags the default branch: a deployment with auto_merge merges it first. */
  behind: boolean;
}

/** Everything the stand-in holds for its one repository, and the lookups the handlers share. */
export class GitHubState {
  readonly owner: string;
  readonly repo: string;
  readonly refs = new Map<string, Ref>();
  /** SHA → context → state of the commit statuses set on it. */
  readonly commitStatuses = new Map<string, Map<string, string>>();
  readonly deployments: SimDeployment[] = [];
  readonly issues: SimIssue[] = [];
  readonly labels: SimLabel[] = [];
  readonly calls: SimCall[] = [];
  readonly faults: SimFault[] = [];
  /** Set once the server listens; the URLs in answers are built from it. */
  apiUrl = '';
  private lastId = 999;
  private clock = Date.now();

  constructor(
    readonly token: string,
    readonly repository: string,
    refs: Record<string, string>,
  ) {
    const [owner, repo] = repository.split('/');
    if (!owner || !repo) throw new Error(`repository must be owner/name, got "${repository}"`);
    this.owner = owner;
    this.repo = repo;
    this.refs.set('main', { sha: hex(20), behind: false });
    for (const [name, sha] of Object.entries(refs)) this.refs.set(name, { sha, behind: false });
  }

  /** One counter for every kind of object, so no two objects share an id. */
  nextId(): number {
    return ++this.lastId;
  }

  /** Timestamps strictly increase so "newest first" is well defined even within one millisecond. */
  now(): string {
    this.clock = Math.max(this.clock + 1000, Date.now());
    return new Date(this.clock).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  /** A commit SHA no one has seen (a branch moved by a merge). */
  newSha(): string {
    return hex(20);
  }

  repoUrl(): string {
    return `${this.apiUrl}/repos/${this.repository}`;
  }

  get htmlRepoUrl(): string {
    return `https://github.com/${this.repository}`;
  }

  ensureLabel(name: string, color = 'ededed', description: string | null = null): SimLabel {
    const existing = this.labels.find((l) => l.name.toLowerCase() === name.toLowerCase());
    if (existing) return existing;
    const label = { id: this.nextId(), name, color, description };
    this.labels.push(label);
    return label;
  }

  findDeployment(id: string): SimDeployment {
    const d = this.deployments.find((x) => String(x.id) === id);
    if (!d) throw notFound();
    return d;
  }

  findIssue(n: string): SimIssue {
    const i = this.issues.find((x) => String(x.number) === n);
    if (!i) throw notFound();
    return i;
  }

  /** A branch this repository has, or a full commit SHA; anything else is GitHub's 422. */
  resolveRef(ref: string): { sha: string; branch?: string } {
    const known = this.refs.get(ref);
    if (known) return { sha: known.sha, branch: ref };
    if (isSha(ref)) return { sha: ref.toLowerCase() };
    throw new HttpError(422, `No ref found for: ${ref}`);
  }
}
