// Domain errors. Services throw these; routes turn them into HTTP answers with
// `guard()` from ~/utils/http.server. Services never know about Response.

export class DomainError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 403 | 404 | 409 | 429 | 503,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The actor is known but may not do this (wrong role, or another event). */
export class NotAllowedError extends DomainError {
  constructor(message = "You do not have permission to do that.") {
    super(message, 403);
  }
}

export class NotFoundError extends DomainError {
  constructor(message = "We could not find that.") {
    super(message, 404);
  }
}

/** A rule of the PD day blocks this (a taken slug, an expired link…). */
export class RuleError extends DomainError {
  constructor(
    message: string,
    /** The form field the problem belongs to, if any. */
    readonly field?: string,
  ) {
    super(message, 409);
  }
}

/** A service Dropin depends on (a district's sign-in provider) does not answer: try again later. */
export class UnavailableError extends DomainError {
  constructor(message: string) {
    super(message, 503);
  }
}

/** Over a rate limit: the answer says how long to wait (429 with Retry-After). */
export class TooManyRequestsError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, 429);
  }
}

/**
 * For the JSON answers the Express server sends itself (the hot paths, which never
 * reach a Remix route and its `guard`): a domain error becomes its status and
 * message, as `guard` makes it for a page. Anything else is a real bug.
 */
export async function jsonAnswer<T extends { status: number; body: unknown }>(
  work: () => Promise<T>,
): Promise<T | { status: DomainError["status"]; body: { message: string } }> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError) return { status: error.status, body: { message: error.message } };
    throw error;
  }
}
