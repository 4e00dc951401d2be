import { describe, expect, it } from '@jest/globals';
import { machineConfigFor, tomlToMachineConfig } from '../../src/fly/machine-config.js';
import type { MachineConfig } from '../../src/fly/types.js';
import { configOf, refusal, toml } from './config-fixtures.js';

// The fly.toml conversion at edges the flyctl-parity, key and mutants cases leave open: the unit tier,
// imported from src, each case a value, a decision or a refusal as the user reads it.

const base64 = (text: string) => Buffer.from(text).toString('base64');

describe('[[vm]] sizing', () => {
  it('refuses a CPU count below one, which no memory fits', () => {
    expect(refusal(() => configOf('[[vm]]\ncpus = -1\nmemory_mb = 512'))).toBe(
      "input 'config': fly.toml: [[vm]] 512 MB on -1 shared CPU(s) is outside Fly's 256–2048 MB per CPU, so the Machines API would refuse it. Fix: change memory or cpus (or pick a size preset).",
    );
  });

  it('refuses memory_mb = nan before sizing, as flyctl refuses the file it reads', () => {
    expect(refusal(() => configOf('[[vm]]\ncpus = -1\nmemory_mb = nan'))).toBe(
      "input 'config': fly.toml: [[vm]] memory_mb nan is not a whole number. Fix: write it without quotes, e.g. memory_mb = 1024.",
    );
  });
});

describe('host dedication', () => {
  it('keeps the top-level host_dedication_id when the [[vm]] one is not text', () => {
    const config = configOf('host_dedication_id = "top"\n[[vm]]\nhost_dedication_id = 5');
    expect(config.guest?.host_dedication_id).toBe('top');
  });
});

describe('[[files]]', () => {
  it('refuses a local_path it cannot read, naming the entry, the error code and where it looked', () => {
    const text = '[[files]]\nguest_path = "/etc/a.json"\nlocal_path = "missing.json"';
    expect(
      refusal(() =>
        machineConfigFor(toml(text, '/nonexistent/app/fly.toml'), {
          image: 'img:1',
          group: 'app',
          releaseVersion: 2,
        }),
      ),
    ).toBe(
      `input 'config': /nonexistent/app/fly.toml: [[files]] #1 local_path "missing.json" cannot be read (ENOENT). Fix: commit the file at /nonexistent/app/missing.json, or use raw_value / secret_name.`,
    );
  });

  it('lets a later entry with a raw value replace an earlier one for the same guest_path', () => {
    const config = configOf(
      '[[files]]\nguest_path = "/c"\nsecret_name = "OLD"\n[[files]]\nguest_path = "/d"\nraw_value = "d"\n[[files]]\nguest_path = "/c"\nraw_value = "new"',
    );
    expect(config.files).toEqual([
      { guest_path: '/c', raw_value: base64('new') },
      { guest_path: '/d', raw_value: base64('d') },
    ]);
  });
});

describe('machine_config over the Machine', () => {
  it('clears a Machine setting it sets to null, as encoding/json does', () => {
    const existing = { dns: { skip_registration: true } } as unknown as MachineConfig;
    const config = tomlToMachineConfig(toml(`machine_config = '{"dns": null}'`), 'app', existing);
    expect((config as Record<string, unknown>).dns).toBeNull();
  });
});

describe('[processes] commands split as google/shlex splits them', () => {
  it('keeps a word that is only an escaped character, as in find -exec … \\;', () => {
    expect(configOf("[processes]\napp = 'find /tmp -name *.tmp -exec rm {} \\;'").init?.cmd).toEqual([
      'find',
      '/tmp',
      '-name',
      '*.tmp',
      '-exec',
      'rm',
      '{}',
      ';',
    ]);
  });

  it('ends the command at a comment on its last line', () => {
    expect(configOf('[processes]\napp = "run.sh --flag # started by fly"').init?.cmd).toEqual([
      'run.sh',
      '--flag',
    ]);
  });
});

describe('[http_service.concurrency]', () => {
  it('sends no type when the file writes one that is not text, leaving Fly to pick it', () => {
    const config = configOf(
      '[http_service]\ninternal_port = 8080\n[http_service.concurrency]\ntype = 5\nhard_limit = 30',
    );
    expect(config.services?.[0].concurrency).toEqual({ hard_limit: 30 });
  });
});
