import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { findUsableReset, resetPassword } from "~/.server/accounts/accounts";
import { rateLimits, retryAfterHeaders, tooManyAttempts } from "~/.server/accounts/rate-limits";
import { Button } from "~/components/button";
import { Field, FormErrors } from "~/components/forms";
import { ResetPasswordSchema } from "~/schemas/accounts";
import { formDataToObject, isFormFailure, parseSubmission } from "~/utils/forms";
import { guardForm, invalid } from "~/utils/http.server";
import { useValidatedForm } from "~/utils/use-validated-form";

export const headers = retryAfterHeaders;
export const meta: MetaFunction = () => [{ title: "Choose a new password · Dropin" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const usable = token ? Boolean(await findUsableReset(token)) : false;
  return { token, usable };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseSubmission(ResetPasswordSchema, formData);
  if (!submission.ok) return invalid(submission);
  const limited = await rateLimits.resetSubmit(context.clientIp);
  if (limited) return tooManyAttempts(formDataToObject(formData), limited);
  const done = await guardForm(
    formDataToObject(formData),
    resetPassword(submission.data.token, submission.data.password),
  );
  if (!done.ok) return invalid(done.result);
  return redirect("/login?reset=1");
}

export default function ResetPassword() {
  const { token, usable } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const {
    field,
    onSubmit,
    formErrors,
    pending: busy,
  } = useValidatedForm(ResetPasswordSchema, {
    lastResult: isFormFailure(lastResult) ? lastResult : null,
    // The token travels in a hidden input; react-hook-form validates it from here.
    defaultValues: { token },
  });
  if (!usable) {
    return (
      <section className="card narrow" aria-labelledby="reset-title">
        <h1 id="reset-title">This link no longer works</h1>
        {/* Posted without a usable link: say what the server refused. */}
        {isFormFailure(lastResult) ? (
          <FormErrors errors={[...new Set([...(lastResult.fieldErrors.token ?? []), ...lastResult.formErrors])]} />
        ) : null}
        <p>Reset links work once, for one hour.</p>
        <p>
          <Link to="/forgot-password">Ask for a new link</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="card narrow" aria-labelledby="reset-title">
      <h1 id="reset-title">Choose a new password</h1>
      <Form method="post" noValidate onSubmit={onSubmit}>
        <FormErrors errors={formErrors} />
        <input type="hidden" name="token" value={token} />
        <Field
          label="New password"
          type="password"
          autoComplete="new-password"
          required
          hint="At least 10 characters."
          {...field("password")}
        />
        <Field
          label="New password again"
          type="password"
          autoComplete="new-password"
          required
          {...field("confirmPassword")}
        />
        <div className="form-actions">
          <Button disabled={busy}>Save new password</Button>
        </div>
      </Form>
    </section>
  );
}
