/**
 * What `fly deploy` refuses in a whole file before it deploys (appconfig Validate), refused here too before
 * any call: each refusal whole, as the user reads it, and each limit at its edge.
 */
import { describe, expect, it } from '@jest/globals';
import { InputError } from '../../src/core/errors.js';
import { refuseCanaryWithMounts } from '../../src/fly/config/validate.js';
import { refusal, toml } from './config-fixtures.js';

// flyctl's own words (appconfig validateDeploySection), so a user can search them.
const WHY =
  '(error canary deployment strategy is not supported when using mounted volumes: Fly attaches a volume to one Machine only; flyctl refuses it too).';

describe('process groups named by services and restarts', () => {
  it.each([
    [
      '[processes]\napp = ""\nweb = "w"\n[http_service]\ninternal_port = 8080',
      'input \'config\': fly.toml: [http_service] has no processes set but [processes] defines 2 group(s) (flyctl refuses this too). Fix: set processes = ["app"] (the groups that serve it) in [http_service].',
    ],
    [
      '[processes]\nweb = "w"\n[http_service]\ninternal_port = 8080\nprocesses = ["web"]\n[[services]]\ninternal_port = 1\nprocesses = ["web"]\n[[services]]\ninternal_port = 2',
      'input \'config\': fly.toml: [[services]] #2 has no processes set but [processes] defines 1 group(s) (flyctl refuses this too). Fix: set processes = ["web"] (the groups that serve it) in [[services]] #2.',
    ],
    [
      '[processes]\napp = ""\n[[services]]\ninternal_port = 1\nprocesses = ["app", "api"]',
      'input \'config\': fly.toml: [[services]] #1 lists process group "api", which [processes] does not define. Fix: add api = "command" to [processes], or remove "api" from processes.',
    ],
    [
      '[processes]\napp = ""\n[[restart]]\npolicy = "always"\nprocesses = ["app"]\n[[restart]]\npolicy = "never"\nprocesses = ["cron"]',
      'input \'config\': fly.toml: [[restart]] #2 lists process group "cron", which [processes] does not define. Fix: add cron = "command" to [processes], or remove "cron" from processes.',
    ],
  ])('refuses %j', (text, message) => {
    expect(refusal(() => toml(text))).toBe(message);
  });

  it('accepts a service with no processes when the file has no [processes], and one naming only real groups', () => {
    expect(() => toml('[http_service]\ninternal_port = 8080\n[[services]]\ninternal_port = 1')).not.toThrow();
    expect(() =>
      toml(
        '[processes]\napp = ""\nweb = "w"\n[http_service]\ninternal_port = 8080\nprocesses = ["app", "web"]\n[[restart]]\npolicy = "always"\nprocesses = ["web"]',
      ),
    ).not.toThrow();
  });
});

describe('top-level check timings', () => {
  const check = (field: string) => `[checks.alive]\ntype = "tcp"\nport = 8080\n${field}`;

  it.each([
    ['interval = "2s"'],
    ['interval = 2000'],
    ['timeout = "60s"'],
    ['timeout = 60000'],
    ['timeout = "1ms"'],
  ])('accepts %s (at the limit)', (field) => {
    expect(() => toml(check(field))).not.toThrow();
  });

  it.each([
    [
      'interval = "1999ms"',
      'input \'config\': fly.toml: [checks.alive] interval is too short: 1999ms, the minimum is 2s. Fix: set interval = "2s" or more.',
    ],
    [
      'interval = 1999',
      'input \'config\': fly.toml: [checks.alive] interval is too short: 1999, the minimum is 2s. Fix: set interval = "2s" or more.',
    ],
    [
      'timeout = "60001ms"',
      'input \'config\': fly.toml: [checks.alive] timeout is too long: 60001ms, the maximum is 60s. Fix: set timeout = "60s" or less.',
    ],
  ])('refuses %s', (field, message) => {
    expect(refusal(() => toml(check(field)))).toBe(message);
  });
});

describe('[[mounts]] and canary', () => {
  const mounts =
    '[processes]\napp = ""\nworker = "w"\n[[mounts]]\nsource = "data"\ndestination = "/data"\nprocesses = ["app"]\n[[mounts]]\nsource = "jobs"\ndestination = "/jobs"\nprocesses = ["worker"]';

  it('checks every [[mounts]] entry, naming it by number', () => {
    expect(
      refusal(() =>
        toml('[[mounts]]\nsource = "a"\ndestination = "/a"\nprocesses = ["app"]\n[[mounts]]\nsource = "b"'),
      ),
    ).toMatch(/^input 'config': fly\.toml: \[\[mounts\]\] #2 needs destination\./);
  });

  it('refuses [deploy] strategy canary with mounts, naming them all', () => {
    expect(refusal(() => toml(`[deploy]\nstrategy = "canary"\n${mounts}`))).toBe(
      `input 'config': fly.toml: [deploy] strategy "canary" cannot be used with [[mounts]] (data, jobs) ${WHY} Fix: use strategy rolling (each Machine keeps its volume) or immediate.`,
    );
  });

  it('refuses the strategy input canary with mounts, on that input', () => {
    let error: unknown;
    try {
      refuseCanaryWithMounts(toml(mounts), 'canary', 'strategy');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).describe()).toBe(
      `input 'strategy': "canary" cannot be used with [[mounts]] (data, jobs) in fly.toml ${WHY} Fix: use strategy rolling (each Machine keeps its volume) or immediate.`,
    );
  });

  it('lets canary through without mounts, and every other strategy with them', () => {
    expect(() => refuseCanaryWithMounts(toml(''), 'canary', 'strategy')).not.toThrow();
    expect(() => toml('[deploy]\nstrategy = "canary"')).not.toThrow();
    for (const strategy of ['rolling', 'bluegreen', 'immediate'])
      expect(() => toml(`[deploy]\nstrategy = "${strategy}"\n${mounts}`)).not.toThrow();
  });
});
