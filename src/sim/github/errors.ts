/** An answer other than success: GitHub's `{message, documentation_url}` body, with `extra` fields such as `errors`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const notFound = (): HttpError => new HttpError(404, 'Not Found');

/** GitHub's 422 for a bad field: one entry in `errors` naming the resource, field and code. */
export function validationFailed(
  resource: string,
  field: string,
  code = 'missing_field',
  message?: string,
): HttpError {
  return new HttpError(422, 'Validation Failed', {
    errors: [{ resource, field, code, ...(message ? { message } : {}) }],
  });
}
