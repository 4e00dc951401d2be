import { InputError } from '../../src/core/errors.js';
import { InputReader } from '../../src/core/inputs.js';

/** Action inputs as the runner would give them: a missing key is an input left out. */
export const readerOf = (values: Record<string, string>): InputReader =>
  new InputReader((name) => values[name]);

/** The InputError `fn` throws; any other error is rethrown, and no error at all fails the test. */
export function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError, but nothing was thrown');
}
