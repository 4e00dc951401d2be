/** What a handler answers: a status, an optional JSON body and extra headers. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** An API error with Fly's body: `{"error": "...", "status"?: "..."}`. */
export class FlyError extends Error {
  constructor(
    readonly httpStatus: number,
    message: string,
    readonly code?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const ok = (body: unknown = { ok: true }, status = 200): Reply => ({ status, body });
export const noContent = (): Reply => ({ status: 204 });

/** A thrown FlyError becomes Fly's error body; anything else is a 500 the client must treat as internal. */
export function errorReply(error: unknown): Reply {
  if (error instanceof FlyError) {
    return {
      status: error.httpStatus,
      body: { error: error.message, ...(error.code ? { status: error.code } : {}) },
      headers: error.headers,
    };
  }
  return {
    status: 500,
    body: {
      error: `internal error: ${error instanceof Error ? error.message : String(error)}`,
      status: 'unknown',
    },
  };
}
