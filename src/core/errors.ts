/**
 * Two kinds of failure, reported differently: a UserError is the caller's to fix and reads as one line
 * naming the input, what was wrong and the fix; anything else is ours and keeps its stack for the log.
 */
export class UserError extends Error {
  readonly input?: string;
  readonly fix?: string;
  constructor(message: string, options: { input?: string; fix?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'UserError';
    this.input = options.input;
    this.fix = options.fix;
  }

  /** The one line a user sees: `input 'rate': "-1" is not a number ≥ 0. Fix: use e.g. 50.` */
  describe(): string {
    const where = this.input ? `input '${this.input}': ` : '';
    const fix = this.fix ? ` Fix: ${this.fix}` : '';
    return `${where}${this.message}${fix}`;
  }
}

/** An input failed validation. Thrown before any API call, so nothing has been changed. */
export class InputError extends UserError {
  constructor(input: string, problem: string, fix?: string) {
    super(problem, { input, fix });
    this.name = 'InputError';
  }
}

/** A remote API said no in a way that retrying cannot change (bad token, no such bucket...). */
export class ApiError extends Error {
  readonly status: number;
  readonly body: string;
  constructor(message: string, status: number, body = '') {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof UserError) return error.describe();
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/**
 * Our own bugs surface as the built-in error types (a TypeError reading a field of undefined...): only
 * those are reported as "failed unexpectedly". Errors raised on purpose (a service's fault, a store
 * error) carry a message written for the user.
 */
export function isProgrammingError(error: unknown): boolean {
  if (isUserError(error)) return false;
  return (
    !(error instanceof Error) ||
    error instanceof TypeError ||
    error instanceof RangeError ||
    error instanceof ReferenceError ||
    error instanceof SyntaxError ||
    error instanceof EvalError ||
    error instanceof URIError ||
    !error.message
  );
}
