import { describe, expect, it } from '@jest/globals';
import { githubRunnerEnv, useFlySim, useGitHubSim } from './fly-sims.js';
import { readFileSync } from 'node:fs';
import type { GitHubSim } from '../../src/sim/github/index.js';
import { deployBundle, image, startRecorder, visibleLog, workspace, type FlySim } from '../fly/support.js';

const STAGING = readFileSync(new URL('../fixtures/fly/fly.staging.toml', import.meta.url), 'utf8');
const tomlWith = (env: string, releaseCommand?: string) =>
  STAGING.replace('NODE_ENV = "staging"', `NODE_ENV = "${env}"`).replace(
    'strategy = "rolling"',
    `strategy = "rolling"${releaseCommand ? `\n  release_command = "${releaseCommand}"` : ''}`,
  );

let fly: FlySim;
let github: GitHubSim;
useFlySim((started) => (fly = started));
useGitHubSim((started) => (github = started));

const runnerEnv = () => githubRunnerEnv(github, 'c'.repeat(40));
const payloadOf = (id: string) => github.deployments().find((d) => String(d.id) === id)?.payload;
const nodeEnvs = (app: string) =>
  new Set(fly.machines(app).map((m) => (m.config as { env?: Record<string, string> }).env?.NODE_ENV));

describe('fly-deploy restore-config (bundle, Fly and GitHub stand-ins)', () => {
  it('records the release config, refuses a restore over a migration without confirmation, and restores config and image together', async () => {
    const app = 'restore-app';
    await fly.createApp(app);
    const v1 = await deployBundle(
      fly,
      app,
      { image: image(app, 'v1'), environment: 'staging' },
      { env: runnerEnv(), cwd: workspace({ 'fly.toml': tomlWith('old') }) },
    );
    expect(v1.exitCode).toBe(0);
    const recorded = payloadOf(v1.outputs['deployment-id']) as {
      image: string;
      release: { configs: Record<string, { env: Record<string, string>; image?: string }> };
    };
    expect(recorded.image).toBe(v1.outputs.image);
    expect(Object.keys(recorded.release.configs)).toEqual(['app']);
    expect(recorded.release.configs.app.env.NODE_ENV).toBe('old');
    expect(recorded.release.configs.app.image).toBeUndefined();

    const migrating = workspace({ 'fly.toml': tomlWith('new', 'bin/migrate') });
    const v2 = await deployBundle(
      fly,
      app,
      { image: image(app, 'v2'), environment: 'staging' },
      { env: runnerEnv(), cwd: migrating },
    );
    expect(v2.exitCode).toBe(0);
    expect(payloadOf(v2.outputs['deployment-id'])).toMatchObject({
      release: { releaseCommand: 'bin/migrate' },
    });
    expect(nodeEnvs(app)).toEqual(new Set(['new']));

    // Without the confirmation: stopped before any Fly call, naming the input.
    const calls = await startRecorder(fly.apiUrl);
    try {
      const refused = await deployBundle(
        fly,
        app,
        { 'restore-config': JSON.stringify(recorded), environment: 'staging' },
        { env: runnerEnv(), cwd: migrating, apiUrl: calls.url },
      );
      expect(refused.exitCode).not.toBe(0);
      expect(visibleLog(refused.log)).toMatch(/schema-backward-compatible[\s\S]*bin\/migrate/);
      expect(calls.requests).toEqual([]);
    } finally {
      await calls.close();
    }
    expect(nodeEnvs(app)).toEqual(new Set(['new']));

    const restored = await deployBundle(
      fly,
      app,
      {
        'restore-config': JSON.stringify(recorded),
        'schema-backward-compatible': 'true',
        environment: 'staging',
      },
      { env: runnerEnv(), cwd: migrating },
    );
    expect(restored.exitCode).toBe(0);
    expect(restored.outputs.image).toBe(recorded.image);
    expect(visibleLog(restored.log)).not.toContain('running release_command');
    expect(nodeEnvs(app)).toEqual(new Set(['old']));
    for (const m of fly.machines(app)) expect(m.digest).toBe(recorded.image.split('@')[1]);
  });
});
