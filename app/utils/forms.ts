// Shared by the browser and the server: one zod schema per form is parsed here on
// the server (plain POST, works without JavaScript) and by react-hook-form in the
// browser (see useValidatedForm).
import type { z } from "zod";

export type FieldErrors = Record<string, string[] | undefined>;
export type FormValues = Record<string, string | string[]>;

/** What an action returns when a submission fails validation. */
export type FormFailure = {
  ok: false;
  fieldErrors: FieldErrors;
  formErrors: string[];
  values: FormValues;
};

// Never echo these back into the page, even on a failed submit.
const SECRET_FIELDS = new Set(["password", "confirmPassword", "currentPassword"]);

/** FormData → plain object; a name sent several times (checkbox groups) becomes an array. */
export function formDataToObject(formData: FormData): FormValues {
  const values: FormValues = {};
  for (const key of new Set(formData.keys())) {
    const all = formData.getAll(key).filter((v): v is string => typeof v === "string");
    values[key] = all.length > 1 || key.endsWith("[]") ? all : (all[0] ?? "");
  }
  return values;
}

export function parseSubmission<S extends z.ZodType>(
  schema: S,
  formData: FormData,
): { ok: true; data: z.output<S> } | FormFailure {
  const raw = formDataToObject(formData);
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  return failure(raw, issuesToErrors(result.error.issues));
}

/** A failure with errors the schema could not know (e.g. "email already registered"). */
export function failure(raw: FormValues, errors: { fieldErrors?: FieldErrors; formErrors?: string[] }): FormFailure {
  const values: FormValues = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!SECRET_FIELDS.has(key)) values[key] = value;
  }
  return {
    ok: false,
    fieldErrors: errors.fieldErrors ?? {},
    formErrors: errors.formErrors ?? [],
    values,
  };
}

export function issuesToErrors(issues: readonly z.core.$ZodIssue[]) {
  const fieldErrors: FieldErrors = {};
  const formErrors: string[] = [];
  for (const issue of issues) {
    const key = issue.path[0];
    if (typeof key === "string") (fieldErrors[key] ??= []).push(issue.message);
    else formErrors.push(issue.message);
  }
  return { fieldErrors, formErrors };
}

export function isFormFailure(value: unknown): value is FormFailure {
  // `values` too: other answers say `ok: false` (a proposal's autosave), but are no form's.
  return (
    typeof value === "object" &&
    value !== null &&
    (value as FormFailure).ok === false &&
    typeof (value as FormFailure).values === "object"
  );
}

/** The failure of the form whose button posted one of these intents, on a page with several. */
export function failureOf(result: unknown, ...intents: string[]): FormFailure | null {
  return isFormFailure(result) && intents.includes(String(result.values.intent)) ? result : null;
}

/** Every message of a failure, once each: for forms whose fields are hidden or have no room for their own. */
export function allMessages(failure: FormFailure) {
  return [
    ...new Set([...failure.formErrors, ...Object.values(failure.fieldErrors).flatMap((messages) => messages ?? [])]),
  ];
}

/** One posted field as text (the first, if repeated): what a failed form shows back. */
export function postedText(value: string | string[] | undefined) {
  return Array.isArray(value) ? (value[0] ?? "") : (value ?? "");
}
