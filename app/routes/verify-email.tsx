// Proving a new account's address before it can sign in: type the mailed code,
// or open the mailed link and press the button (opening alone changes nothing).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { describeVerifyLink, verifyEmailByCode, verifyEmailByLink } from "~/.server/accounts/email-verification";
import { rateLimits, retryAfterHeaders, tooManyAttempts } from "~/.server/accounts/rate-limits";
import { Button } from "~/components/button";
import { ErrorMessage } from "~/components/error-message";
import { CodeField, Field, FormErrors } from "~/components/forms";
import { VerifyEmailCodeSchema, VerifyEmailLinkSchema } from "~/schemas/accounts";
import { requireAnonymous, signInAndRedirect } from "~/utils/auth.server";
import { failure, isFormFailure, parseSubmission, type FormFailure } from "~/utils/forms";
import { guardForm, guardRule, invalid } from "~/utils/http.server";
import { signupBrowserUser } from "~/utils/signup-browser.server";
import { toastCookie } from "~/utils/toast.server";
import { usePending } from "~/utils/use-pending";
import { useValidatedForm } from "~/utils/use-validated-form";

export const headers = retryAfterHeaders;
export const meta: MetaFunction = () => [{ title: "Confirm your email · Dropin" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const url = new URL(request.url);
  const token = url.searchParams.get("token");
  const redirectTo = url.searchParams.get("redirectTo") ?? "";
  if (token) {
    const pending = await guardRule(describeVerifyLink(token));
    if (!pending.ok) return { token: null, email: "", redirectTo, dead: pending.error.message };
    return { token, email: pending.value.email, redirectTo, dead: null };
  }
  return { token: null, email: url.searchParams.get("email") ?? "", redirectTo, dead: null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  if (formData.get("intent") === "link") {
    const submission = parseSubmission(VerifyEmailLinkSchema, formData);
    if (!submission.ok) return invalid(submission);
    const result = await guardForm(
      {},
      verifyEmailByLink(submission.data.token, { fromSignupBrowser: await signupBrowserUser(request) }),
    );
    if (!result.ok) return invalid(result.result);
    return confirmed(request, result.value, "");
  }
  const submission = parseSubmission(VerifyEmailCodeSchema, formData);
  if (!submission.ok) return invalid(submission);
  const { email, code, redirectTo } = submission.data;
  const typed = { email, code: "", redirectTo: redirectTo ?? "" };
  // Same limits as attendee codes: a 6-digit code must not be guessable by volume.
  const limited = await rateLimits.codeAttempt(email, context.clientIp);
  if (limited) return tooManyAttempts(typed, limited);
  const result = await guardForm(
    typed,
    verifyEmailByCode(email, code, { fromSignupBrowser: await signupBrowserUser(request) }),
  );
  if (!result.ok) return invalid(result.result);
  await rateLimits.codeSucceeded(email, context.clientIp);
  return confirmed(request, result.value, redirectTo ?? "");
}

/** Signed in; when the password set at sign-up was removed (confirmed from another browser), say why and what to do. */
async function confirmed(
  request: Request,
  proof: { userId: string; eventSlug: string | null; passwordRemoved: boolean },
  redirectTo: string,
) {
  const response = await signInAndRedirect(request, proof.userId, landing(proof.eventSlug, redirectTo));
  if (proof.passwordRemoved) {
    response.headers.append(
      "Set-Cookie",
      await toastCookie({
        kind: "info",
        message:
          "Your email is confirmed. The account was created in another browser, so its password was removed in case someone else chose it: use “Forgot your password?” on the sign-in page to set your own.",
      }),
    );
  }
  return response;
}

function landing(eventSlug: string | null, redirectTo: string) {
  return redirectTo || (eventSlug ? `/e/${eventSlug}` : "/events");
}

export default function VerifyEmail() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = isFormFailure(result) ? result : failure({}, {});
  const confirming = usePending()({ intent: "link" });
  if (page.dead) {
    return (
      <section className="card narrow" aria-labelledby="verify-title">
        <h1 id="verify-title">This link no longer works</h1>
        <p>{page.dead}</p>
        <p>
          <Link to="/login">Sign in</Link> with your email and password to get a new code.
        </p>
      </section>
    );
  }
  if (page.token) {
    return (
      <section className="card narrow" aria-labelledby="verify-title">
        <h1 id="verify-title">Confirm your email</h1>
        <FormErrors errors={failed.formErrors} />
        <p>
          Confirm that <strong>{page.email}</strong> is yours to finish creating your account.
        </p>
        <Form method="post">
          <input type="hidden" name="token" value={page.token} />
          <div className="form-actions">
            <Button name="intent" value="link" disabled={confirming}>
              Confirm and sign in
            </Button>
          </div>
        </Form>
      </section>
    );
  }
  return <CodeForm failed={isFormFailure(result) ? result : null} />;
}

function CodeForm({ failed }: { failed: FormFailure | null }) {
  const page = useLoaderData<typeof loader>();
  const { field, errorFor, onSubmit, formErrors, pending } = useValidatedForm(VerifyEmailCodeSchema, {
    defaultValues: { email: page.email, redirectTo: page.redirectTo },
    lastResult: failed,
  });
  const email = typeof failed?.values.email === "string" && failed.values.email ? failed.values.email : page.email;
  return (
    <section className="card narrow" aria-labelledby="verify-title">
      <h1 id="verify-title">Check your email</h1>
      <p role="status">
        We sent a 6-digit code and a link
        {email ? (
          <>
            {" "}
            to <strong>{email}</strong>
          </>
        ) : null}
        . Your account works once you confirm the address is yours.
      </p>
      <Form method="post" noValidate onSubmit={onSubmit}>
        <FormErrors errors={formErrors} />
        <input type="hidden" name="redirectTo" value={page.redirectTo} />
        {page.email ? (
          <input type="hidden" name="email" value={email} />
        ) : (
          <Field label="Email" type="email" autoComplete="email" required {...field("email")} />
        )}
        {/* With the address hidden, a message about it shows on the code. */}
        <CodeField {...field("code")} error={errorFor("code") ?? (page.email ? errorFor("email") : undefined)} />
        <div className="form-actions">
          <Button disabled={pending}>Confirm</Button>
        </div>
      </Form>
      <p className="muted">
        No email? Check spam, or <Link to="/login">sign in</Link> again to get a new code.
      </p>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
