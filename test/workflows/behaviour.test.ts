/**
 * The wiring issue #6 describes, read from the workflow files themselves: which job waits for which,
 * when the rollback, DNS cutover and monitor issue run (their `if:` evaluated, not string-matched),
 * the inputs and defaults that decide promotion and the backup check, the callers' triggers, and the
 * shell steps that decide something (the SLO list, the e2e command), run with bash.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runs, type Context, type Status } from './expression.js';
import { runStep } from './run-step.js';
import { readWorkflow } from './workflow-files.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const W = (name: string) => `.github/workflows/${name}.yml`;
const E = (name: string) => `examples/workflows/${name}.yml`;
const wf = (path: string): Json => readWorkflow(path) as Json;
const job = (path: string, id: string): Json => {
  const j = wf(path).jobs?.[id] as Json | undefined;
  if (!j) throw new Error(`${path}: no job "${id}"`);
  return j;
};
const step = (path: string, jobId: string, id: string): Json => {
  const s = (job(path, jobId).steps as Json[]).find((x) => x.id === id || x.name === id);
  if (!s) throw new Error(`${path}: no step ${jobId}/${id}`);
  return s;
};
const needs = (j: Json): string[] => (j.needs === undefined ? [] : [j.needs].flat());
/** Every job a job waits for, directly or through others. */
const upstream = (path: string, id: string): Set<string> => {
  const seen = new Set<string>();
  const visit = (j: string) => {
    for (const n of needs(job(path, j))) {
      if (seen.has(n)) continue;
      seen.add(n);
      visit(n);
    }
  };
  visit(id);
  return seen;
};
const expr = (inner: string) =>
  new RegExp(`^\\$\\{\\{\\s*${inner.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\}\\}$`);
const inputs = (path: string): Json => wf(path).on.workflow_call.inputs as Json;
const PREVIOUS = 'registry.fly.io/voice-bot@sha256:' + 'b'.repeat(64);

const temp: string[] = [];
afterAll(() => {
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

describe('deploy.yml: gate, rollback, cutover', () => {
  const deployCtx = (o: {
    deploy?: string;
    passed?: string;
    previous?: string;
    dnsName?: string;
  }): Context => ({
    inputs: { 'dns-name': o.dnsName ?? '', app: 'voice-bot' },
    steps: {
      deploy: { outcome: o.deploy ?? 'success', outputs: { 'previous-image': o.previous ?? PREVIOUS } },
      gate: { outputs: o.passed === undefined ? {} : { passed: o.passed } } as Context,
    },
  });
  const stepStatus = (deploy: string) => ({
    status: deploy === 'success' ? ('success' as const) : ('failure' as const),
  });

  it('rolls back when the gate did not pass (breach or no measurement), never after a pass', () => {
    const rollback = step(W('deploy'), 'deploy', 'rollback');
    expect(rollback.uses).toMatch(/\/actions\/fly-deploy@/);
    expect(rollback.with.image).toMatch(expr('steps.deploy.outputs.previous-image'));
    const when = (o: Parameters<typeof deployCtx>[0], status: Status = stepStatus(o.deploy ?? 'success')) =>
      runs(rollback.if, deployCtx(o), status);
    expect(when({ passed: 'false' })).toBe(true);
    // The gate step errored: with fail-on-breach off that is a failure of the job's steps so far.
    expect(when({}, { status: 'failure' })).toBe(true);
    expect(when({ passed: 'true' })).toBe(false);
    expect(when({ passed: 'false', previous: '' })).toBe(false); // first deploy: nothing to go back to
    expect(when({ deploy: 'failure', passed: '' })).toBe(false); // fly-deploy undid its own rollout
    expect(when({ passed: 'false' }, { status: 'cancelled' })).toBe(false);
  });

  it('moves DNS only after the gate passed, and only when a name is given', () => {
    const cutover = step(W('deploy'), 'deploy', 'cutover');
    expect(cutover.uses).toMatch(/\/actions\/dns-cutover@/);
    expect(cutover.with.mode).toBe('apply');
    const when = (o: Parameters<typeof deployCtx>[0], status: Status = stepStatus(o.deploy ?? 'success')) =>
      runs(cutover.if, deployCtx(o), status);
    expect(when({ passed: 'true', dnsName: 'api.example.com' })).toBe(true);
    expect(when({ passed: 'true', dnsName: '' })).toBe(false);
    expect(when({ passed: 'false', dnsName: 'api.example.com' })).toBe(false);
    expect(when({ dnsName: 'api.example.com' }, { status: 'failure' })).toBe(false);
    expect(when({ deploy: 'failure', dnsName: 'api.example.com' })).toBe(false);
    // The cutover comes after the gate and before the verdict that reads its outcome.
    const ids = (job(W('deploy'), 'deploy').steps as Json[]).map((s) => s.id);
    expect(ids.indexOf('gate')).toBeLessThan(ids.indexOf('cutover'));
    expect(ids.indexOf('rollback')).toBeLessThan(ids.indexOf('cutover'));
    expect(ids.indexOf('cutover')).toBeLessThan(ids.indexOf('verdict'));
  });

  const slo = (baselineUrl: string) =>
    runStep(
      W('deploy'),
      'deploy',
      'slo',
      {
        'inputs.thresholds': inputs(W('deploy')).thresholds.default.trimEnd(),
        'inputs.baseline-url': baselineUrl,
        'inputs.baseline-threshold': inputs(W('deploy'))['baseline-threshold'].default,
      },
      {},
    );

  it('adds the baseline threshold to the gate only when a baseline URL is given', async () => {
    expect(inputs(W('deploy'))['baseline-threshold'].default).toBe('p95 < baseline * 1.10');
    const withBaseline = await slo('https://aws-api.example.com');
    expect(withBaseline.exitCode).toBe(0);
    expect(withBaseline.outputs.thresholds.split('\n')).toEqual([
      'p95 < 200ms',
      'error-rate < 1%',
      'p95 < baseline * 1.10',
    ]);
    const alone = await slo('');
    expect(alone.outputs.thresholds.split('\n')).toEqual(['p95 < 200ms', 'error-rate < 1%']);
    // The gate probes with exactly that list, against the old endpoint when there is one.
    const gate = step(W('deploy'), 'deploy', 'gate');
    expect(gate.uses).toMatch(/\/actions\/latency-probe@/);
    expect(gate.with.thresholds).toMatch(expr('steps.slo.outputs.thresholds'));
    expect(gate.with['baseline-url']).toContain('inputs.baseline-url');
    expect(gate.with['fail-on-breach']).toBe('false');
  });

  it('runs in the named environment, one deploy per environment, none cancelled', () => {
    const deploy = job(W('deploy'), 'deploy');
    expect(deploy.environment.name).toMatch(expr('inputs.environment'));
    expect(deploy.concurrency.group).toContain('${{ inputs.environment }}');
    expect(deploy.concurrency['cancel-in-progress']).toBe(false);
    expect(wf(W('deploy')).on.workflow_call.outputs.image.value).toMatch(expr('jobs.deploy.outputs.image'));
  });
});

describe('promote.yml', () => {
  it('touches production only after the backup gate and the image lookup', () => {
    const deploy = job(W('promote'), 'deploy');
    expect(deploy.uses).toMatch(/\/\.github\/workflows\/deploy\.yml@/);
    expect([...upstream(W('promote'), 'deploy')].sort()).toEqual([
      'backups',
      'data-gate',
      'dns-ttl',
      'resolve',
    ]);
    // A skipped or failed backup job must stop the deploy: no status function that would override it.
    expect(runs(deploy.if, {}, { status: 'failure' })).toBe(false);
    // The TTL and data-gate jobs may be skipped (no cutover, no gate), never failed.
    const result = (dnsTtl: string, dataGate: string, backups = 'success') => ({
      needs: {
        resolve: { result: 'success' },
        backups: { result: backups },
        'dns-ttl': { result: dnsTtl },
        'data-gate': { result: dataGate },
      },
    });
    expect(runs(deploy.if, result('skipped', 'skipped'))).toBe(true);
    expect(runs(deploy.if, result('success', 'success'))).toBe(true);
    expect(runs(deploy.if, result('success', 'failure'), { status: 'failure' })).toBe(false);
    expect(runs(deploy.if, result('failure', 'skipped'), { status: 'failure' })).toBe(false);
    expect(runs(deploy.if, result('skipped', 'skipped', 'skipped'))).toBe(false);
    expect(deploy.with.image).toMatch(expr('needs.resolve.outputs.image'));
    expect(deploy.with.environment).toMatch(expr('inputs.environment'));
    expect(inputs(W('promote')).environment.default).toBe('production');
    expect(deploy.with['baseline-url']).toMatch(expr('inputs.baseline-url'));
  });

  it('gates on the freshness of the latest backup (verify latest), not a full download', () => {
    const gate = job(W('promote'), 'backups').steps as Json[];
    const verify = gate.filter((s) => /\/actions\/backup-verify@/.test(String(s.uses)));
    expect(verify).toHaveLength(1);
    expect(verify[0].with.verify).toBe('latest');
    expect(verify[0].with['max-age']).toMatch(expr('inputs.backup-max-age'));
    expect(verify[0].if).toBeUndefined();
    expect(inputs(W('promote'))['backup-max-age'].default).toBe('26h');
  });

  it('deploys blue-green by default', () => {
    expect(inputs(W('promote')).strategy.default).toBe('bluegreen');
    expect(job(W('promote'), 'deploy').with.strategy).toMatch(expr('inputs.strategy'));
    expect(job(W('promote'), 'resolve').steps.find((s: Json) => s.id === 'find').if).toBe(
      "inputs.image == ''",
    );
  });
});

describe('staging.yml', () => {
  it('builds once and deploys that same digest; e2e tests the deployed URL and image', () => {
    const jobs = wf(W('staging')).jobs as Json;
    const builders = Object.entries(jobs).filter(([, j]) =>
      ((j as Json).steps ?? []).some((s: Json) =>
        /flyctl deploy|docker (buildx )?build/.test(String(s.run ?? '')),
      ),
    );
    expect(builders.map(([id]) => id)).toEqual(['build']);
    expect(step(W('staging'), 'build', 'push').run).toMatch(/flyctl deploy --build-only --push/);
    expect(job(W('staging'), 'build').outputs.image).toMatch(expr('steps.push.outputs.image'));
    const deploy = job(W('staging'), 'deploy');
    expect(needs(deploy)).toContain('build');
    expect(deploy.with.image).toMatch(expr('needs.build.outputs.image'));
    expect(deploy.with.environment).toBe('staging');
  });

  it('runs the end-to-end job after the deploy, against its URL, when a command is found', () => {
    const e2e = job(W('staging'), 'e2e');
    expect(needs(e2e)).toContain('deploy');
    expect(runs(e2e.if, { needs: { deploy: { result: 'success' } } })).toBe(true);
    const run = step(W('staging'), 'e2e', 'Run the end-to-end tests');
    expect(run.env.BASE_URL).toMatch(expr('needs.deploy.outputs.url'));
    expect(run.env.IMAGE).toMatch(expr('needs.deploy.outputs.image'));
    expect(run.env.COMMAND).toMatch(expr('steps.find.outputs.command'));
    const ctx = (command: string) => ({ steps: { find: { outputs: { command } } } });
    expect(runs(run.if, ctx('npm ci && npm run e2e'))).toBe(true);
    expect(runs(run.if, ctx(''))).toBe(false);
    expect(run.run).toMatch(/bash -eo pipefail -c "\$COMMAND"/);
  });

  const lookup = async (input: string, packageJson?: object) => {
    const dir = mkdtempSync(join(tmpdir(), 'runway-e2e-'));
    temp.push(dir);
    if (packageJson) writeFileSync(join(dir, 'package.json'), JSON.stringify(packageJson));
    const res = await runStep(W('staging'), 'e2e', 'find', { 'inputs.e2e-command': input }, {}, { cwd: dir });
    expect(res.exitCode).toBe(0);
    return res;
  };

  it('finds the e2e command: the input, else test:e2e, else e2e from package.json, else skips', async () => {
    expect((await lookup('npx cypress run', { scripts: { e2e: 'x' } })).outputs.command).toBe(
      'npx cypress run',
    );
    expect((await lookup('', { scripts: { 'test:e2e': 'a', e2e: 'b' } })).outputs.command).toBe(
      'npm ci && npm run test:e2e',
    );
    expect((await lookup('', { scripts: { e2e: 'b', test: 'jest' } })).outputs.command).toBe(
      'npm ci && npm run e2e',
    );
    const none = await lookup('', { scripts: { test: 'jest' } });
    expect(none.outputs.command).toBe('');
    expect(none.log).toMatch(/::notice title=End-to-end::/);
    expect((await lookup('')).outputs.command).toBe('');
  });
});

describe('rollback.yml', () => {
  it('requires a reason and records it on the redeploy and on the retired record', () => {
    expect(inputs(W('rollback')).reason.required).toBe(true);
    const deploy = job(W('rollback'), 'deploy');
    expect(deploy.uses).toMatch(/\/\.github\/workflows\/deploy\.yml@/);
    expect(String(deploy.with.reason)).toMatch(/\$\{\{\s*inputs\.reason\s*\}\}/);
    expect(deploy.with.image).toMatch(expr('needs.find.outputs.image'));
    expect(needs(deploy)).toContain('find');
    const retire = job(W('rollback'), 'retire');
    expect(needs(retire)).toEqual(expect.arrayContaining(['find', 'deploy']));
    expect(retire.steps[0].env.REASON).toMatch(expr('inputs.reason'));
    // Only after the redeploy succeeded, and only when there was a record to retire.
    expect(runs(retire.if, { needs: { find: { outputs: { 'current-id': '41' } } } })).toBe(true);
    expect(
      runs(retire.if, { needs: { find: { outputs: { 'current-id': '41' } } } }, { status: 'failure' }),
    ).toBe(false);
    expect(runs(retire.if, { needs: { find: { outputs: { 'current-id': '' } } } })).toBe(false);
  });

  it('rolls back the release, not only the image: restore-config and the rolled-back record reach fly-deploy', () => {
    const deploy = job(W('rollback'), 'deploy');
    expect(deploy.with['restore-config']).toMatch(expr('needs.find.outputs.restore-config'));
    expect(deploy.with['rolled-back-release']).toMatch(expr('needs.find.outputs.rolled-back-release'));
    expect(deploy.with['schema-backward-compatible']).toMatch(expr('inputs.schema-backward-compatible'));
    expect(inputs(W('rollback'))['schema-backward-compatible']).toMatchObject({
      type: 'boolean',
      default: false,
    });
    const ship = step(W('deploy'), 'deploy', 'deploy');
    for (const name of ['restore-config', 'rolled-back-release', 'schema-backward-compatible'])
      expect(ship.with[name]).toMatch(expr(`inputs.${name}`));
  });
});

describe('monitor.yml', () => {
  const issueRuns = (verdict: string, status: 'success' | 'failure' = 'success') =>
    runs(
      job(W('monitor'), 'issue').if,
      { needs: { probe: { outputs: { verdict }, result: status } } },
      { status },
    );

  it('opens or closes the issue on a sustained breach or a clear run, never on a mixed or failed run', () => {
    expect(needs(job(W('monitor'), 'issue'))).toEqual(['probe']);
    expect(issueRuns('breach')).toBe(true);
    expect(issueRuns('clear')).toBe(true);
    expect(issueRuns('mixed')).toBe(false);
    expect(issueRuns('', 'failure')).toBe(false);
    expect(step(W('monitor'), 'issue', 'Update the issue').env.VERDICT).toMatch(
      expr('needs.probe.outputs.verdict'),
    );
    const probes = (job(W('monitor'), 'probe').steps as Json[]).filter((s) =>
      /latency-probe@/.test(String(s.uses)),
    );
    expect(probes).toHaveLength(3);
    for (const p of probes) expect(p.with['fail-on-breach']).toBe('false');
  });
});

describe('backup-integrity.yml', () => {
  it('verifies every backup and audits retention by default, with one issue on failure', () => {
    expect(inputs(W('backup-integrity')).verify.default).toBe('all');
    expect(inputs(W('backup-integrity')).retention.default).toBe('daily=30,monthly=12');
    const verify = step(W('backup-integrity'), 'verify', 'verify');
    expect(verify.uses).toMatch(/\/actions\/backup-verify@/);
    expect(verify.with.verify).toMatch(expr('inputs.verify'));
    expect(verify.with.retention).toMatch(expr('inputs.retention'));
    // One job keeps the issue: the verify job itself, or the join job when the set is sharded.
    expect(verify.with['issue-on-failure']).toMatch(expr("inputs.shards == 1 && 'true' || 'false'"));
    expect(step(W('backup-integrity'), 'join', 'join').with['issue-on-failure']).toBe('true');
    expect(verify.if).toBeUndefined();
  });
});

describe('the example callers', () => {
  const on = (path: string): Json => wf(path).on as Json;
  const reusable = (path: string, name: string) => {
    const jobs = Object.values(wf(path).jobs as Json) as Json[];
    expect(jobs.map((j) => String(j.uses))).toEqual([
      expect.stringMatching(new RegExp(`/\\.github/workflows/${name}\\.yml@[0-9a-f]{40}$`)),
    ]);
    return jobs[0];
  };
  /** A five-field cron that fires exactly once a day. */
  const daily = (cron: string) => {
    const [minute, hour, dom, month, dow] = cron.trim().split(/\s+/);
    return /^\d+$/.test(minute) && /^\d+$/.test(hour) && dom === '*' && month === '*' && dow === '*';
  };

  it('staging deploys on every push to main', () => {
    expect(on(E('staging')).push.branches).toEqual(['main']);
    reusable(E('staging'), 'staging');
  });

  it('promotion and rollback are buttons; rollback asks for a reason and passes it on', () => {
    expect(Object.keys(on(E('promote')))).toEqual(['workflow_dispatch']);
    expect(reusable(E('promote'), 'promote').with.strategy ?? 'bluegreen').toBe('bluegreen');
    expect(Object.keys(on(E('rollback')))).toEqual(['workflow_dispatch']);
    expect(on(E('rollback')).workflow_dispatch.inputs.reason.required).toBe(true);
    expect(reusable(E('rollback'), 'rollback').with.reason).toMatch(expr('inputs.reason'));
  });

  it('backup integrity runs daily and on demand, auditing retention over every backup', () => {
    const triggers = on(E('backup-integrity'));
    expect(triggers).toHaveProperty('workflow_dispatch');
    expect((triggers.schedule ?? []).map((s: Json) => s.cron).filter(daily)).toHaveLength(1);
    const call = reusable(E('backup-integrity'), 'backup-integrity');
    expect(call.with.verify ?? 'all').toBe('all');
    expect(call.with.retention).toBe('daily=30,monthly=12');
  });

  it('the monitor runs on a schedule', () => {
    expect(on(E('monitor')).schedule.length).toBeGreaterThan(0);
    reusable(E('monitor'), 'monitor');
  });
});
