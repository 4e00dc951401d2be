import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../../src/core/errors.js';
import { InputReader } from '../../src/core/inputs.js';
import { parseFlyToml } from '../../src/fly/fly-toml.js';
import { readDeployInputs } from '../../src/fly/inputs.js';
import { releaseConfigOf } from '../../src/fly/release-record.js';

// Issue 15 §3: whether a restore needs `schema-backward-compatible` is decided by what the release being
// rolled back ran, read from its own deployment record, not from the fly.toml checked out for the
// restore (in rollback.yml that file belongs to the older commit being restored).
const STAGING = readFileSync(new URL('../fixtures/fly/fly.staging.toml', import.meta.url), 'utf8');
const migrating = STAGING.replace(
  'strategy = "rolling"',
  'strategy = "rolling"\n  release_command = "bin/migrate"',
);
const DIGEST = `registry.fly.io/voice-bot@sha256:${'a'.repeat(64)}`;
const record = (release: object | undefined, image = DIGEST) =>
  JSON.stringify({
    type: 'runway-deploy',
    app: 'voice-bot',
    image,
    strategy: 'rolling',
    ...(release ? { release } : {}),
  });
const restore = record(releaseConfigOf(parseFlyToml(STAGING, 'fly.toml')));
const current = (toml: string) => releaseConfigOf(parseFlyToml(toml, 'fly.toml'));

function readWith(toml: string, inputs: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'rolled-back-'));
  writeFileSync(join(dir, 'fly.toml'), toml);
  return readDeployInputs(new InputReader((name) => inputs[name]), { FLY_API_TOKEN: 'fm2_t' }, dir);
}

function failure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as UserError).describe();
  }
  throw new Error('expected a UserError');
}

describe('rolled-back-release: the release_command check reads the rolled-back release’s record', () => {
  it('refuses when the record says its release ran release_command, though the checked-out fly.toml has none', () => {
    const message = failure(() =>
      readWith(STAGING, { 'restore-config': restore, 'rolled-back-release': record(current(migrating)) }),
    );
    expect(message).toContain("input 'schema-backward-compatible'");
    expect(message).toContain('`bin/migrate` (as its deployment record says');
    const confirmed = readWith(STAGING, {
      'restore-config': restore,
      'rolled-back-release': record(current(migrating)),
      'schema-backward-compatible': 'true',
    });
    expect(confirmed.restoreConfig).toBeDefined();
  });

  it('proceeds when the record says no release_command ran, though the checked-out fly.toml has one', () => {
    const inputs = readWith(migrating, {
      'restore-config': restore,
      'rolled-back-release': record(current(STAGING)),
    });
    expect(inputs.restoreConfig?.app).toBeDefined();
    expect(inputs.skipReleaseCommand).toBe(true);
  });

  it('falls back to fly.toml, and says so, when the record kept no release or none is given', () => {
    for (const extra of [{ 'rolled-back-release': record(undefined) }, {}] as Record<string, string>[]) {
      const message = failure(() => readWith(migrating, { 'restore-config': restore, ...extra }));
      expect(message).toContain('`bin/migrate` (as fly.toml says; ');
    }
    expect(
      readWith(STAGING, { 'restore-config': restore, 'rolled-back-release': record(undefined) })
        .restoreConfig,
    ).toBeDefined();
  });

  it('names the input when it is not JSON', () => {
    expect(
      failure(() => readWith(STAGING, { 'restore-config': restore, 'rolled-back-release': '{nope' })),
    ).toMatch(/input 'rolled-back-release': is not JSON\..*Fix: pass the `payload`/s);
  });
});
