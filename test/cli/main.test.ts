import { describe, expect, it } from '@jest/globals';
import { parseActionArgs } from '../../src/cli/main.js';
import { LogRenderer } from '../../src/harness/log-renderer.js';

describe('runway CLI arguments', () => {
  const known = ['url', 'thresholds', 'rate'];

  it('maps --input value and --input=value to inputs, repeating as new lines', () => {
    const parsed = parseActionArgs(
      ['--url', 'https://a', '--url=https://b', '--rate', '5', '--env', 'X=1=2', '--verbose'],
      known,
    );
    expect(parsed.inputs).toEqual({ url: 'https://a\nhttps://b', rate: '5' });
    expect(parsed.env).toEqual({ X: '1=2' });
    expect(parsed.flags.has('verbose')).toBe(true);
  });

  it('rejects unknown inputs naming the accepted ones', () => {
    expect(() => parseActionArgs(['--urls', 'x'], known)).toThrow(
      "unknown input --urls; this action's inputs are: url, thresholds, rate",
    );
    expect(() => parseActionArgs(['--url'], known)).toThrow('--url needs a value');
    expect(() => parseActionArgs(['stray'], known)).toThrow('unexpected argument');
  });
});

describe('log rendering', () => {
  it('applies masks to later lines, hides debug, renders annotations', () => {
    const renderer = new LogRenderer();
    expect(renderer.render('::add-mask::s3cr3t-token')).toBeUndefined();
    expect(renderer.render('using s3cr3t-token now')).toBe('using *** now');
    expect(renderer.render('::debug::hidden')).toBeUndefined();
    expect(renderer.render('::error title=x::bad s3cr3t-token%0Anext')).toBe('Error: bad ***\nnext');
    expect(new LogRenderer({ verbose: true }).render('::debug::shown')).toBe('debug: shown');
  });
});
