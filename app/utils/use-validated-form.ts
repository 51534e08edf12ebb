// react-hook-form wired to a Remix <Form>: the same zod schema validates in the
// browser before posting, and the server's answer (field errors, typed values)
// is shown the same way. Without JavaScript the <Form> posts normally and the
// server-rendered errors and values are all the user sees, so nothing is lost.
//
// We do not use remix-hook-form: it posts JSON-encoded values, which would give
// the server two wire formats (JS and no-JS) to parse. Here both are plain form posts.
import { zodResolver } from "@hookform/resolvers/zod";
import { useSubmit } from "@remix-run/react";
import { createElement, useEffect, useState, type FormEvent } from "react";
import { useForm, type FieldValues, type Mode, type Path, type Resolver } from "react-hook-form";
import type { z } from "zod";
import type { FormValues, FormFailure } from "./forms";
import { usePending, type PostedFields } from "./use-pending";

type Options<S extends z.ZodType<FieldValues, FieldValues>> = {
  defaultValues?: FormValues;
  /** The action's result, if it was a validation failure. */
  lastResult?: FormFailure | null;
  /**
   * The form's one `intent`, named once: it goes into the default values (so the schema's
   * `intent` passes in the browser), into `posts`, and into the returned `intentField`, the
   * hidden input the action reads, with or without JavaScript. A form whose buttons carry
   * several intents names them on the buttons and in `posts` instead.
   */
  intent?: string;
  /** What else tells this form's post from the page's others' (its buttons' intents, if several): see usePending. */
  posts?: PostedFields;
  /**
   * Whether the button that was pressed checks the form first (default: every
   * button). A draft's "Save draft" checks nothing: its post goes as it is.
   */
  checks?: (submitter: HTMLButtonElement | null) => boolean;
  /**
   * Where a checked form goes instead of a page post, with JavaScript: the kiosk's
   * walk-in goes to its offline queue, so a dead server never shows an error page.
   * The form is emptied for the next entry. Without JavaScript it posts as usual.
   */
  send?: (values: z.output<S>) => unknown;
  /**
   * When a field's message first appears (react-hook-form's `mode`): on leaving the
   * field by default; "onSubmit" for a form mostly saved as a draft, where a blank
   * field is no mistake until it is submitted. Either way, after a submit a fixed
   * field's message goes as it is fixed.
   */
  mode?: Mode;
};

export function useValidatedForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  { defaultValues = {}, lastResult, intent, posts, checks, send, mode = "onTouched" }: Options<S> = {},
) {
  const values: FormValues = { ...defaultValues, ...(intent ? { intent } : {}), ...lastResult?.values };
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    // zod's input and output types differ (coercions); the resolver validates the input.
    resolver: zodResolver(schema as never) as unknown as Resolver<z.input<S>, unknown, z.output<S>>,
    defaultValues: values as never,
    mode,
  });
  const submit = useSubmit();
  const pending = usePending()(intent ? { ...posts, intent } : posts);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  // Show the server's errors through react-hook-form, so they clear as the user fixes them.
  useEffect(() => {
    if (!lastResult) return;
    for (const [name, messages] of Object.entries(lastResult.fieldErrors)) {
      if (messages?.[0]) form.setError(name as Path<z.input<S>>, { type: "server", message: messages[0] });
    }
  }, [lastResult, form]);

  function errorFor(name: string): string | undefined {
    if (!hydrated) return lastResult?.fieldErrors[name]?.[0];
    const error = (form.formState.errors as Record<string, { message?: string } | undefined>)[name];
    return error?.message;
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const formElement = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    // Not prevented: Remix's <Form> posts it as it is.
    if (checks && !checks(submitter)) return;
    void form.handleSubmit(async (checked) => {
      if (!send) return submit(submitter ?? formElement);
      form.reset();
      await send(checked);
    })(event);
  }

  /** Props for a text-like input: registered with RHF and server-rendered with its value. */
  function field(name: Path<z.input<S>> & string) {
    const value = values[name];
    return {
      ...form.register(name),
      defaultValue: typeof value === "string" ? value : undefined,
      error: errorFor(name),
    };
  }

  const errorCount = hydrated
    ? Object.keys(form.formState.errors).length
    : Object.values(lastResult?.fieldErrors ?? {}).filter((messages) => messages?.length).length;

  return {
    form,
    field,
    errorFor,
    /** How many fields have a message: for the form's ErrorSummary. */
    errorCount,
    onSubmit,
    values,
    /** This form's post is under way (not another form's on the page): disable its button. */
    pending,
    formErrors: lastResult?.formErrors ?? [],
    /** The hidden `intent` input to render in the form (null without the `intent` option). */
    intentField: intent ? createElement("input", { type: "hidden", name: "intent", value: intent }) : null,
  };
}
