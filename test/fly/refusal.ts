// Kept apart from support.ts so unit tests can use it without being counted as server tests (jest.config).
import { expect } from '@jest/globals';
import { UserError } from '../../src/core/errors.js';

/** What `fn` refused with, as the user reads it (UserError.describe()); the test fails if it did not refuse. */
export function refusalOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as UserError).describe();
  }
  throw new Error('expected a UserError');
}
