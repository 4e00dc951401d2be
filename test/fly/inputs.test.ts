import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputReader } from '../../src/core/inputs.js';
import { readDeployInputs } from '../../src/fly/inputs.js';
import { refusalOf } from './refusal.js';

const dir = mkdtempSync(join(tmpdir(), 'fly-inputs-'));
copyFileSync(new URL('../fixtures/fly/fly.toml', import.meta.url), join(dir, 'fly.toml'));
copyFileSync(new URL('../fixtures/fly/fly.staging.toml', import.meta.url), join(dir, 'fly.staging.toml'));
writeFileSync(join(dir, 'noapp.toml'), 'primary_region = "sin"\n');
writeFileSync(
  join(dir, 'nochecks.toml'),
  'app = "x"\nprimary_region = "sin"\n[http_service]\ninternal_port = 8080\n',
);

const read = (inputs: Record<string, string>, env: Record<string, string> = { FLY_API_TOKEN: 'fm2_token' }) =>
  readDeployInputs(new InputReader((name) => inputs[name]), env, dir);

const fails = (inputs: Record<string, string>, env?: Record<string, string>): string =>
  refusalOf(() => read(inputs, env));

describe('fly-deploy inputs', () => {
  it('takes defaults from fly.toml: app, image, strategy, max_unavailable, wait_timeout, primary region', () => {
    const inputs = read({});
    expect(inputs).toMatchObject({
      app: 'voice-bot',
      image: 'registry.fly.io/voice-bot:latest',
      strategy: 'bluegreen',
      maxUnavailable: 0.5,
      waitTimeoutMs: 120_000,
      regions: ['sin'],
      apiToken: 'fm2_token',
      apiUrl: 'https://api.machines.dev',
      publicUrl: 'https://voice-bot.fly.dev',
      rollback: true,
      proxySettleMs: 10_000,
    });
  });

  it('lets inputs win, and reads the staging config, secrets and regions', () => {
    const inputs = read({
      config: 'fly.staging.toml',
      image: 'registry.fly.io/voice-bot:v2',
      strategy: 'Canary',
      'wait-timeout': '90s',
      regions: 'sin, syd',
      secrets: 'DATABASE_URL=postgres://u:p@h/db?x=1\nAPI_KEY=abc123',
      'api-token': 'FlyV1 fm2_x',
      rollback: 'false',
    });
    expect(inputs).toMatchObject({
      app: 'voice-bot-staging',
      strategy: 'canary',
      waitTimeoutMs: 90_000,
      regions: ['sin', 'syd'],
      secrets: { DATABASE_URL: 'postgres://u:p@h/db?x=1', API_KEY: 'abc123' },
      apiToken: 'FlyV1 fm2_x',
      rollback: false,
    });
  });

  it.each([
    [{ config: 'noapp.toml', image: 'a:1' }, /^input 'app': is empty and noapp\.toml has no `app`/],
    [
      { strategy: 'yolo' },
      /^input 'strategy': "yolo" is not one of the accepted values\. Fix: use one of: rolling, bluegreen, canary, immediate\./,
    ],
    [{ regions: 'sin,cyn' }, /^input 'regions': "cyn" is not a Fly region code.*bom \(Mumbai, IN\)/],
    [{ config: 'missing.toml' }, /^input 'config': missing\.toml was not found/],
    [{ config: 'fly.staging.toml' }, /^input 'image': is required unless `build: true`/],
    [{ image: 'not an image' }, /^input 'image': "not an image" is not an image reference/],
    [{ 'wait-timeout': '5' }, /^input 'wait-timeout': "5" is not a duration/],
    [{ secrets: 'JUSTANAME' }, /^input 'secrets': line "JUSTANAME" is not NAME=VALUE/],
    [
      { config: 'nochecks.toml', image: 'a:1', strategy: 'bluegreen' },
      /^input 'strategy': bluegreen needs at least one health check/,
    ],
  ])('rejects %j before any API call', (inputs, pattern) => {
    expect(fails(inputs)).toMatch(pattern);
  });

  it('needs a token from api-token or FLY_API_TOKEN', () => {
    expect(fails({}, {})).toMatch(/^input 'api-token': is empty and FLY_API_TOKEN is not set/);
  });

  it('reads count and fallback-regions, and names them when they are wrong', () => {
    expect(read({ count: 'sin=2, bom=1', 'fallback-regions': 'bom,syd' })).toMatchObject({
      counts: [
        { region: 'sin', count: 2 },
        { region: 'bom', count: 1 },
      ],
      fallbackRegions: ['bom', 'syd'],
      addRegions: false,
    });
    expect(read({ regions: 'sin,bom' }).addRegions).toBe(true);
    expect(fails({ count: 'sin=x' })).toMatch(
      /^input 'count': "sin=x" is not a Machine count\..*Fix: write region=N entries/,
    );
    expect(fails({ count: 'db:sin=1' })).toMatch(
      /input 'count': names process group "db", which fly.toml does not define/,
    );
    expect(fails({ 'fallback-regions': 'bom,maa' })).toMatch(/^input 'fallback-regions': .*maa/);
  });
});
