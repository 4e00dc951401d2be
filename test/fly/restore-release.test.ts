import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputReader } from '../../src/core/inputs.js';
import { parseFlyToml } from '../../src/fly/fly-toml.js';
import { readDeployInputs } from '../../src/fly/inputs.js';
import { releaseConfigOf } from '../../src/fly/release-record.js';
import { refusalOf } from './refusal.js';
import { seed, suiteSim } from './support.js';

const STAGING = readFileSync(new URL('../fixtures/fly/fly.staging.toml', import.meta.url), 'utf8');
const withEnv = (value: string, extra = '') =>
  STAGING.replace('NODE_ENV = "staging"', `NODE_ENV = "${value}"`) + extra;

const DIGEST = `registry.fly.io/voice-bot@sha256:${'a'.repeat(64)}`;
const oldRelease = releaseConfigOf(parseFlyToml(withEnv('old'), 'fly.toml'));
const payload = JSON.stringify({
  type: 'runway-deploy',
  app: 'x',
  image: DIGEST,
  strategy: 'rolling',
  release: oldRelease,
});

function readWith(toml: string, inputs: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'restore-inputs-'));
  writeFileSync(join(dir, 'fly.toml'), toml);
  return readDeployInputs(new InputReader((name) => inputs[name]), { FLY_API_TOKEN: 'fm2_t' }, dir);
}

const failure = refusalOf;

describe('the recorded release (payload)', () => {
  it('holds one config per process group, without image, volumes or release data', () => {
    expect(Object.keys(oldRelease.configs)).toEqual(['app']);
    const config = oldRelease.configs.app;
    expect(config.env?.NODE_ENV).toBe('old');
    expect(config.image).toBeUndefined();
    expect(config.metadata?.fly_release_version).toBeUndefined();
    expect(oldRelease.releaseCommand).toBeUndefined();
    const migrating = releaseConfigOf(
      parseFlyToml(
        STAGING.replace('strategy = "rolling"', 'strategy = "rolling"\n  release_command = "bin/migrate"'),
        'fly.toml',
      ),
    );
    expect(migrating.releaseCommand).toBe('bin/migrate');
  });
});

describe('restore-config input', () => {
  const migrating = STAGING.replace(
    'strategy = "rolling"',
    'strategy = "rolling"\n  release_command = "bin/migrate"',
  );

  it('deploys the recorded image with the recorded configs and skips release_command', () => {
    const inputs = readWith(withEnv('new'), { 'restore-config': payload });
    expect(inputs.image).toBe(DIGEST);
    expect(inputs.restoreConfig?.app.env?.NODE_ENV).toBe('old');
    expect(inputs.skipReleaseCommand).toBe(true);
  });

  it('refuses, naming schema-backward-compatible, when the release being rolled back ran release_command', () => {
    const message = failure(() => readWith(migrating, { 'restore-config': payload }));
    expect(message).toContain('schema-backward-compatible');
    expect(message).toContain('bin/migrate');
    const confirmed = readWith(migrating, {
      'restore-config': payload,
      'schema-backward-compatible': 'true',
    });
    expect(confirmed.restoreConfig?.app.env?.NODE_ENV).toBe('old');
  });

  it('rejects a payload without a recorded release, and an image other than the recorded one', () => {
    expect(failure(() => readWith(STAGING, { 'restore-config': '{"image":"x"}' }))).toContain(
      'restore-config',
    );
    expect(failure(() => readWith(STAGING, { 'restore-config': 'nope' }))).toContain('restore-config');
    expect(
      failure(() => readWith(STAGING, { 'restore-config': payload, image: 'registry.fly.io/x:v9' })),
    ).toContain('image');
  });

  it('without restore-config a deploy carries no restore', () => {
    const inputs = readWith(STAGING, { image: 'registry.fly.io/x:v1' });
    expect(inputs.restoreConfig).toBeUndefined();
    expect(inputs.skipReleaseCommand).toBeUndefined();
  });
});

const sim = suiteSim();

describe('a restore against the Fly stand-in', () => {
  it('puts the recorded config back together with the recorded image; a plain rollback keeps the new config', async () => {
    const app = 'restore-inproc';
    await sim.createApp(app);
    const v1 = await seed(sim, app, 'v1', { toml: parseFlyToml(withEnv('old'), 'fly.toml') });
    const newToml = parseFlyToml(withEnv('new'), 'fly.toml');
    await seed(sim, app, 'v2', { toml: newToml });
    const envs = () =>
      sim.machines(app).map((m) => (m.config as { env?: Record<string, string> }).env?.NODE_ENV);
    expect(new Set(envs())).toEqual(new Set(['new']));

    // Image only (as before): the new release's config stays.
    await seed(sim, app, 'v1', { toml: newToml });
    expect(new Set(envs())).toEqual(new Set(['new']));

    const restored = await seed(sim, app, 'v1', {
      toml: newToml,
      image: v1.image,
      restoreConfig: oldRelease.configs,
    });
    expect(restored.status).toBe('deployed');
    const machines = sim.machines(app);
    expect(machines.length).toBeGreaterThan(0);
    for (const m of machines) {
      expect((m.config as { env?: Record<string, string> }).env?.NODE_ENV).toBe('old');
      expect(m.digest).toBe(v1.image.split('@')[1]);
    }
  });
});
