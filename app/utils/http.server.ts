import { data } from "@remix-run/node";
import { DomainError, RuleError, TooManyRequestsError } from "~/.server/errors";
import { failure, type FormFailure, type FormValues } from "./forms";

/** Headers a domain error's answer carries: how long to wait, for a rate limit. */
export function errorHeaders(error: DomainError): Record<string, string> {
  return error instanceof TooManyRequestsError ? { "Retry-After": String(error.retryAfterSeconds) } : {};
}

function toResponse(error: unknown): unknown {
  return error instanceof DomainError
    ? data({ message: error.message }, { status: error.status, headers: errorHeaders(error) })
    : error;
}

/**
 * Run a service call; its NotAllowed/NotFound errors become 403/404 responses the
 * route's ErrorBoundary shows in plain language. Anything else is a real bug.
 */
export async function guard<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw toResponse(error);
  }
}

/**
 * Run a service call whose refusal the page shows itself: a RuleError (or what
 * `shown` picks, e.g. a grid move onto a vanished session) comes back as a value;
 * every other domain error becomes the error page's answer, as with `guard`.
 * The one place besides `guard` that catches domain errors: routes never catch them.
 */
export async function guardRule<T>(
  work: Promise<T>,
  shown: (error: DomainError) => boolean = (error) => error instanceof RuleError,
): Promise<{ ok: true; value: T } | { ok: false; error: DomainError }> {
  try {
    return { ok: true, value: await work };
  } catch (error) {
    if (error instanceof DomainError && shown(error)) return { ok: false, error };
    throw toResponse(error);
  }
}

/**
 * For form actions: a RuleError (a taken slug, an existing email) is shown beside
 * its field with the typed values kept, like any validation error; one without a
 * field (or on a form without fields: pass `{}`) above the form. `shown` picks
 * other refusals the form shows the same way, as for `guardRule`.
 */
export async function guardForm<T>(
  raw: FormValues,
  work: Promise<T>,
  shown?: (error: DomainError) => boolean,
): Promise<{ ok: true; value: T } | { ok: false; result: FormFailure }> {
  const outcome = await guardRule(work, shown);
  if (outcome.ok) return outcome;
  const { error } = outcome;
  const field = error instanceof RuleError ? error.field : undefined;
  const result = field
    ? failure(raw, { fieldErrors: { [field]: [error.message] } })
    : failure(raw, { formErrors: [error.message] });
  return { ok: false, result };
}

/** A failed submission goes back to the page with 400 and everything typed. */
export function invalid(result: FormFailure) {
  return data(result, { status: 400 });
}
