import { ApiError, UserError } from '../core/errors.js';

/** A non-2xx answer from the Machines API, with Fly's own `error` text and status code. */
export class FlyApiError extends ApiError {
  constructor(
    message: string,
    status: number,
    readonly flyError: string,
    readonly flyStatus?: string,
  ) {
    super(message, status, flyError);
    this.name = 'FlyApiError';
  }
}

/** Another deploy (or a crashed one) holds a Machine's lease: not retried, the holder is named. */
export class LeaseHeldError extends UserError {
  constructor(
    readonly machineId: string,
    readonly holder: string,
    app: string,
  ) {
    super(
      `Machine ${machineId} is leased by ${holder}, so another deploy (or a crashed one) is working on ${app}.`,
      {
        fix: `wait for it to finish (serialise deploys with a \`concurrency:\` group per app), or clear the lease with \`fly machine lease clear ${machineId} -a ${app}\`.`,
      },
    );
    this.name = 'LeaseHeldError';
  }
}

/** Fly could not place a Machine: not our bug and not the user's config, so it is said plainly. */
export class CapacityError extends UserError {
  constructor(region: string, detail: string) {
    super(`Fly has no capacity for this Machine in ${region}: ${detail}`, {
      fix: 'retry later, or deploy to a neighbouring region with the `regions` input.',
    });
    this.name = 'CapacityError';
  }
}

const CAPACITY_PATTERNS = [
  /insufficient[_ ]capacity/i,
  /could not reserve resource/i,
  /insufficient (resources|memory)/i,
  /temporarily disabled/i,
  /over the allowed quota/i,
];

export function isCapacityError(error: unknown): error is FlyApiError {
  return (
    error instanceof FlyApiError &&
    (error.flyStatus === 'insufficient_capacity' || CAPACITY_PATTERNS.some((p) => p.test(error.flyError)))
  );
}

/** Parses "machine ID <id> lease currently held by <owner>, expires at <time>". */
export function leaseHolder(text: string): string | undefined {
  const match = /lease currently held by (.+?)(?:, expires at (.+))?$/i.exec(text.trim());
  if (!match) return undefined;
  return match[2] ? `${match[1]} (until ${match[2]})` : match[1];
}
