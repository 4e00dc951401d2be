/**
 * Top-level [checks] as flyctl's validateChecksSection takes them (toplevelcheck.go toMachineCheck at
 * flyctl ad0172face303b77584eea95b46fa3ddc61d5ddd): http or tcp only. A check that runs in its own Machine
 * is a [[machine_checks]] entry, not a [checks] type; the refusal says so when it is asked for, before any call.
 */
import { describe, expect, it } from '@jest/globals';
import { InputError } from '../../src/core/errors.js';
import { parseFlyToml } from '../../src/fly/fly-toml.js';

const file = (check: string) =>
  `app = "a"\nprimary_region = "sin"\n[http_service]\ninternal_port = 8080\n[checks.smoke]\n${check}\n`;

function refusal(check: string): InputError {
  try {
    parseFlyToml(file(check), 'fly.toml');
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('[checks] type', () => {
  it.each([
    ['type = "machine"', /^a check that runs in its own Machine is a \[\[machine_checks\]\] entry/],
    ['port = 8080', /^set type = "http"\.$/],
  ])('%s is refused naming the key', (check, fix) => {
    const error = refusal(check);
    expect([error.input, error.message]).toEqual([
      'config',
      'fly.toml: [checks.smoke] type must be "tcp" or "http".',
    ]);
    expect(error.fix).toMatch(fix);
  });

  it.each(['type = "http"\npath = "/"', 'type = "tcp"'])('%s is accepted', (check) => {
    expect(Object.keys(parseFlyToml(file(check), 'fly.toml').checks)).toEqual(['smoke']);
  });
});
