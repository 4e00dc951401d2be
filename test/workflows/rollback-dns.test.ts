/**
 * The rollback's DNS half and its report, run with bash, curl and jq against the GitHub stand-in:
 * promote.yml's cutover saves the records it replaced on a runway:dns deployment record, rollback.yml
 * finds them there (nothing copied by hand), marks the record reverted, and tells stakeholders with
 * each step timed against the plan's hour.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startGitHubSim, type GitHubSim } from '../../src/sim/github/index.js';
import { runStep } from './run-step.js';

let sim: GitHubSim;
let env: Record<string, string>;
const SHA = 'b0a7'.padEnd(40, '0');
const PREVIOUS = JSON.stringify({
  name: 'api.example.com',
  records: [{ type: 'CNAME', content: 'voice-bot-alb-123.us-east-1.elb.amazonaws.com', ttl: 300 }],
});

beforeAll(async () => {
  sim = await startGitHubSim();
  env = { GITHUB_API_URL: sim.apiUrl, GITHUB_REPOSITORY: sim.repository };
});
afterAll(() => sim.close());

const save = (environment: string, previous = PREVIOUS) =>
  runStep(
    '.github/workflows/promote.yml',
    'cutover',
    'save',
    {
      'github.token': sim.token,
      'inputs.environment': environment,
      "needs.resolve.outputs.sha != '' && needs.resolve.outputs.sha || github.sha": SHA,
      'steps.apply.outputs.previous': previous,
      'inputs.dns-provider': 'cloudflare',
      'inputs.dns-api-url': '',
      'inputs.dns-zone': 'example.com',
      'inputs.dns-name': 'api.example.com',
      'needs.deploy.outputs.image': `registry.fly.io/voice-bot@sha256:${'a'.repeat(64)}`,
      'steps.apply.outputs.propagated': 'true',
      'steps.apply.outputs.propagation-ms': '4200',
    },
    env,
  );

const findRecord = (environment: string) =>
  runStep(
    '.github/workflows/rollback.yml',
    'dns',
    'record',
    { 'github.token': sim.token, 'inputs.environment': environment },
    env,
  );

describe('the DNS records a cutover replaced travel on the deployment record', () => {
  it('promote saves them; rollback reads them back as they were, then marks the record reverted', async () => {
    const saved = await save('production-dns');
    expect(saved.exitCode).toBe(0);
    expect(saved.summary).toContain(
      `| api.example.com | true (4200 ms) | deployment ${saved.outputs.id} (task runway:dns) |`,
    );
    const record = sim.deployments().find((d) => String(d.id) === saved.outputs.id)!;
    expect(record).toMatchObject({ task: 'runway:dns', production_environment: true });
    expect(record.statuses.map((s) => s.state)).toEqual(['success']);

    const found = await findRecord('production-dns');
    expect(found.exitCode).toBe(0);
    expect(found.outputs).toMatchObject({
      id: saved.outputs.id,
      provider: 'cloudflare',
      zone: 'example.com',
      name: 'api.example.com',
    });
    expect(JSON.parse(found.outputs.previous)).toEqual(JSON.parse(PREVIOUS));

    const marked = await runStep(
      '.github/workflows/rollback.yml',
      'dns',
      'Mark the DNS record reverted',
      {
        'github.token': sim.token,
        'steps.record.outputs.id': saved.outputs.id,
        'inputs.reason': 'p95 breach',
      },
      env,
    );
    expect(marked.exitCode).toBe(0);
    // Reverted once: a second rollback leaves DNS alone instead of replaying old records.
    const again = await findRecord('production-dns');
    expect(again.outputs.status).toBe('no-cutover');
    expect(again.outputs.id).toBeUndefined();
  });

  it('finds nothing to revert where no cutover was recorded', async () => {
    const found = await findRecord('production-never-moved');
    expect(found.exitCode).toBe(0);
    expect(found.outputs.status).toBe('no-cutover');
  });

  it('refuses to record a previous that is not JSON, and writes nothing', async () => {
    const before = sim.deployments().length;
    const res = await save('production-bad', 'not json');
    expect(res.exitCode).toBe(1);
    expect(res.log).toContain("::error title=DNS record::dns-cutover's 'previous' output is not JSON");
    expect(sim.deployments().length).toBe(before);
  });
});

describe('the rollback report', () => {
  let hook: Server;
  const received: unknown[] = [];
  beforeAll(async () => {
    hook = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.end('ok');
      });
    });
    await new Promise<void>((ok) => hook.listen(0, '127.0.0.1', ok));
  });
  afterAll(() => new Promise<void>((ok) => hook.close(() => ok())));

  const notify = (values: Record<string, string>) => {
    const now = Math.floor(Date.now() / 1000);
    return runStep(
      '.github/workflows/rollback.yml',
      'notify',
      'Report, comment and call the webhook',
      {
        'github.token': sim.token,
        'inputs.environment': 'production',
        'inputs.reason': 'p95 | breach',
        'inputs.issue': '',
        'secrets.webhook-url': `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`,
        'needs.find.outputs.started': String(now - 754),
        'needs.find.outputs.found': String(now - 740),
        'needs.deployed.outputs.at': String(now - 20),
        'needs.find.outputs.current-image': 'registry.fly.io/voice-bot@sha256:bad',
        'needs.find.outputs.image': 'registry.fly.io/voice-bot@sha256:good',
        'needs.dns.result': 'success',
        'needs.dns.outputs.status': 'restored',
        'needs.dns.outputs.seconds': '65',
        'needs.deploy.result': 'success',
        'needs.restore.result': 'skipped',
        'needs.restore.outputs.key': '',
        'needs.restore.outputs.seconds': '',
        ...values,
      },
      env,
    );
  };

  it('times each step against the hour, opens an issue and calls the webhook', async () => {
    const res = await notify({});
    expect(res.exitCode).toBe(0);
    expect(res.summary).toContain('### Rollback of production: done');
    expect(res.summary).toContain('| DNS back to the saved records | success (restored) | 1m 05s |');
    expect(res.summary).toContain('| success | 12m 00s |');
    expect(res.summary).toMatch(
      /\| \*\*Total\*\* \(plan: < 1 hour\) \| within the hour ✅ \| \*\*12m [34]\ds\*\* \|/,
    );
    expect(res.summary).toContain('Reason: p95 | breach');
    const issue = sim.issues().at(-1)!;
    expect(issue.title).toBe('Rollback of production: p95 | breach');
    expect(issue.body).toContain('| DNS back to the saved records |');
    expect(received.at(-1)).toMatchObject({ ok: true, text: expect.stringContaining('within the hour') });
  });

  it('fails and says so when a step failed or the hour was exceeded, commenting on the given issue', async () => {
    const opened = sim.issues().at(-1)!;
    const now = Math.floor(Date.now() / 1000);
    const res = await notify({
      'inputs.issue': String(opened.number),
      'needs.find.outputs.started': String(now - 3700),
      'needs.deploy.result': 'failure',
    });
    expect(res.exitCode).toBe(1);
    expect(res.summary).toContain('NEEDS ATTENTION');
    expect(res.summary).toContain('over the hour ❌');
    expect(sim.issues().at(-1)!.number).toBe(opened.number);
    expect(received.at(-1)).toMatchObject({ ok: false });
  });
});

describe('promote.yml lowers the TTL and waits out the old one before DNS moves', () => {
  const wait = (values: Record<string, string>) =>
    runStep(
      '.github/workflows/promote.yml',
      'dns-ttl',
      'Wait out the old TTL',
      {
        'steps.lower.outputs.wait-seconds': '0',
        'inputs.dns-max-wait': '3600',
        'steps.lower.outputs.status': 'ttl-lowered',
        'inputs.dns-ttl': '60',
        ...values,
      },
      env,
    );

  it('shows the lowered TTL and the wait in the summary', async () => {
    const res = await wait({});
    expect(res.exitCode).toBe(0);
    expect(res.summary).toContain('| Lower the TTL to 60 s | ttl-lowered |');
    expect(res.summary).toMatch(/\| Wait out the old TTL \| 0 s \(waited [01] s\) \|/);
  });

  it('stops with the time to run again when the old TTL is longer than dns-max-wait', async () => {
    const res = await wait({ 'steps.lower.outputs.wait-seconds': '86400' });
    expect(res.exitCode).toBe(1);
    expect(res.log).toMatch(
      /::error title=DNS TTL::The old TTL is 86400 s, longer than dns-max-wait \(3600 s\)\. The TTL is now 60 s; run the promotion again after \d\d:\d\d UTC/,
    );
  });

  it('refuses a wait that is not a number of seconds', async () => {
    const res = await wait({ 'steps.lower.outputs.wait-seconds': '1; rm -rf /' });
    expect(res.exitCode).toBe(1);
    expect(res.log).toContain("reported wait-seconds '1; rm -rf /', not a number of seconds");
  });
});
