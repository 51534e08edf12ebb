import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { requestPasswordReset } from "~/.server/accounts/accounts";
import { rateLimits, retryAfterHeaders, tooManyAttempts } from "~/.server/accounts/rate-limits";
import { Button } from "~/components/button";
import { Field, FormErrors } from "~/components/forms";
import { ForgotPasswordSchema } from "~/schemas/accounts";
import { passwordSignInForAdminsOnly } from "~/utils/district-sign-in.server";
import { formDataToObject, isFormFailure, parseSubmission } from "~/utils/forms";
import { invalid } from "~/utils/http.server";
import { useValidatedForm } from "~/utils/use-validated-form";

export const headers = retryAfterHeaders;
export const meta: MetaFunction = () => [{ title: "Reset your password · Dropin" }];

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseSubmission(ForgotPasswordSchema, formData);
  if (!submission.ok) return invalid(submission);
  const limited = await rateLimits.resetRequest(submission.data.email, context.clientIp);
  if (limited) return tooManyAttempts(formDataToObject(formData), limited);
  await requestPasswordReset(submission.data.email, { adminsOnly: passwordSignInForAdminsOnly() });
  // The same answer whether or not the address has an account.
  return { ok: true as const, email: submission.data.email };
}

export default function ForgotPassword() {
  const result = useActionData<typeof action>();
  const {
    field,
    onSubmit,
    formErrors,
    pending: busy,
  } = useValidatedForm(ForgotPasswordSchema, {
    lastResult: isFormFailure(result) ? result : null,
  });
  if (result?.ok) {
    return (
      <section className="card narrow" aria-labelledby="forgot-title">
        <h1 id="forgot-title">Check your email</h1>
        <p role="status">
          If {result.email} has a Dropin account, a link to choose a new password is on its way. It works for one hour.
        </p>
        <p>
          <Link to="/login">Back to sign in</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="card narrow" aria-labelledby="forgot-title">
      <h1 id="forgot-title">Reset your password</h1>
      <p>Enter the email you sign in with. We will send you a link to choose a new password.</p>
      <Form method="post" noValidate onSubmit={onSubmit}>
        <FormErrors errors={formErrors} />
        <Field label="Email" type="email" autoComplete="email" required {...field("email")} />
        <div className="form-actions">
          <Button disabled={busy}>Send reset link</Button>
          <Link to="/login">Back to sign in</Link>
        </div>
      </Form>
    </section>
  );
}
