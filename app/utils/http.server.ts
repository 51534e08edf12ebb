import { data } from "@remix-run/node";
import { DomainError, RuleError } from "~/.server/errors";
import { failure, type FormFailure, type FormValues } from "./forms";

function toResponse(error: unknown): unknown {
  return error instanceof DomainError ? data({ message: error.message }, { status: error.status }) : error;
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
 * For form actions: a RuleError (a taken slug, an existing email) is shown beside
 * its field with the typed values kept, like any validation error.
 */
export async function guardForm<T>(
  raw: FormValues,
  work: Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; result: FormFailure }> {
  try {
    return { ok: true, value: await work };
  } catch (error) {
    if (error instanceof RuleError) {
      const result = error.field
        ? failure(raw, { fieldErrors: { [error.field]: [error.message] } })
        : failure(raw, { formErrors: [error.message] });
      return { ok: false, result };
    }
    throw toResponse(error);
  }
}

/** A failed submission goes back to the page with 400 and everything typed. */
export function invalid(result: FormFailure) {
  return data(result, { status: 400 });
}
