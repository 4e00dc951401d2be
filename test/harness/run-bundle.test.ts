import { describe, expect, it } from '@jest/globals';
import { buildInputEnv, parseCommandFile } from '../../src/harness/run-bundle.js';
import { inputEnvName } from '../../src/harness/metadata.js';

describe('runner conventions', () => {
  it('names input variables as the runner does', () => {
    expect(inputEnvName('api-token')).toBe('INPUT_API-TOKEN');
    expect(inputEnvName('my input')).toBe('INPUT_MY_INPUT');
  });

  it('applies action.yml defaults, evaluating github.token, and lets given inputs win', () => {
    const env = buildInputEnv(
      {
        name: 'x',
        description: '',
        runs: { using: 'node24' },
        outputs: {},
        inputs: {
          'github-token': { default: '${{ github.token }}' },
          rate: { default: '10' },
          url: { required: true },
        },
      },
      { rate: 5 },
      { GITHUB_TOKEN: 'tok' },
    );
    expect(env).toEqual({ 'INPUT_GITHUB-TOKEN': 'tok', INPUT_RATE: '5' });
  });

  it('parses heredoc and plain lines from GITHUB_OUTPUT', () => {
    const text = 'a<<ghadelimiter_1\nline1\nline2\nghadelimiter_1\nb=2\n';
    expect(parseCommandFile(text)).toEqual({ a: 'line1\nline2', b: '2' });
  });
});
