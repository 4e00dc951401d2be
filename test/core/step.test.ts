import { describe, expect, it } from '@jest/globals';
import { envInputs, escapeCommandData } from '../../src/core/step.js';

// core/step.ts reads inputs and writes workflow commands without the toolkit (so a shell can fail on a
// bad input before the toolkit loads); what it reads and writes must be what the toolkit would.
describe('the light step helpers', () => {
  it('read INPUT_<NAME> as core.getInput does (spaces → underscores, upper case, trimmed)', () => {
    const inputs = envInputs({
      'INPUT_API-URL': '  https://x  ',
      INPUT_WAIT_TIMEOUT: '5m',
      INPUT_EMPTY: '   ',
    });
    expect(inputs.optional('api-url')).toBe('https://x');
    expect(inputs.optional('wait timeout')).toBe('5m');
    expect(inputs.optional('empty')).toBeUndefined();
    expect(() => inputs.required('url')).toThrow('is required but empty');
  });

  it('escape command data as the toolkit does (% first, then CR and LF)', () => {
    expect(escapeCommandData('a%b\r\nc%0A')).toBe('a%25b%0D%0Ac%250A');
  });
});
