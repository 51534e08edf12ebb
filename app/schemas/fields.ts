// Field rules reused by several forms, with messages written for teachers.
import { z } from "zod";

function emailFieldAsking(missing: string) {
  return z
    .string({ error: missing })
    .trim()
    .toLowerCase()
    .min(1, { error: missing })
    .max(254, { error: "That email address is too long" })
    .pipe(z.email({ error: "Enter an email address like name@school.org" }));
}

export const emailField = emailFieldAsking("Enter your email address");
/** Someone else's address (a vendor contact, a co-presenter): "your" would ask for the wrong person's. */
export const theirEmailField = emailFieldAsking("Enter their email address");

export const passwordField = z
  .string({ error: "Enter a password" })
  .min(10, { error: "Use at least 10 characters" })
  .max(200, { error: "Use at most 200 characters" });

function personNameAsking(missing: string) {
  return z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .max(100, { error: "Use at most 100 characters" });
}

export const personNameField = personNameAsking("Enter your name");
export const theirNameField = personNameAsking("Enter their name");

/** A mailed 6-digit code (attendee sign-in, confirming an address); spaces typed in it are dropped. */
export const sixDigitCodeField = z
  .string({ error: "Enter the 6-digit code from the email" })
  .transform((v) => v.replace(/\s+/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, { error: "Enter the 6-digit code from the email" }));

/** An optional text box: blank becomes undefined. */
export function optionalText(max: number) {
  return z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z
      .string()
      .trim()
      .max(max, { error: `Use at most ${max} characters` })
      .optional(),
  );
}

/** A check for refine()'s `when`: run only once the named fields parsed cleanly. */
export function fieldsValid(...names: string[]) {
  return (payload: { issues: ReadonlyArray<{ path?: PropertyKey[] }> }) =>
    !payload.issues.some((issue) => names.includes(String(issue.path?.[0])));
}
