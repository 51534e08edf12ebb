// useValidatedForm's variant for the attendee pages held to the phone budget (90 KB
// of gzipped JavaScript, `npm run bench:attendee-js`): the same zod schema checks the
// form in the browser, with the same field messages, but the check (./form-check with
// zod and the schema) arrives by dynamic import() when the person first focuses the
// form, so the page's initial JavaScript carries none of it. Until then, and without
// JavaScript, the form is a plain form post and the server's answer (field errors,
// typed values) shows the same way. No react-hook-form: its hooks would have to be in
// the initial bundle. Kept this small on purpose: every byte here is on the phone budget.
import { useSubmit } from "@remix-run/react";
import { useEffect, useRef, useState, type SyntheticEvent } from "react";
import type { formChecker, LazySchema } from "./form-check";
import type { FormFailure } from "./forms";
import { usePending, type PostedFields } from "./use-pending";

type Step = "focus" | "blur" | "change" | "submit";

/**
 * `schema` names the form's schema in app/schemas/attendees.ts (the action parses the same one);
 * `lastResult` is the action's result if it was a validation failure; `posts` tells this form's
 * post from the page's other forms' (see usePending).
 */
export function useLazyValidatedForm(schema: LazySchema, lastResult?: FormFailure | null, posts?: PostedFields) {
  const [errors, setErrors] = useState(lastResult?.fieldErrors ?? {});
  // A new answer from the server replaces what the browser found.
  useEffect(() => setErrors(lastResult?.fieldErrors ?? {}), [lastResult]);
  const submit = useSubmit();
  const checker = useRef<Promise<ReturnType<typeof formChecker> | null>>();

  // The event's form, field and button are read now: React clears currentTarget after the handler.
  const on = (step: Step) => (event: SyntheticEvent<HTMLFormElement>) => {
    if (step === "submit") event.preventDefault();
    const { currentTarget: form, target } = event;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    // A failed import (offline, a new deployment) leaves the checking to the server.
    void (checker.current ??= import("./form-check")
      .then(({ formChecker }) => formChecker(schema, setErrors, (to) => void submit(to)))
      .catch(() => null)).then((check) =>
      check ? check[step](form, target, submitter, errors) : step === "submit" && submit(submitter ?? form),
    );
  };

  return {
    /** Spread on the <Form>: loads the check on first focus, checks on leaving and editing a field. */
    formProps: {
      noValidate: true,
      onFocus: on("focus"),
      onBlur: on("blur"),
      onChange: on("change"),
      onSubmit: on("submit"),
    },
    errorFor: (name: string): string | undefined => errors[name]?.[0],
    /** This form's post is under way (not another form's on the page): disable its button. */
    pending: usePending()(posts),
  };
}
