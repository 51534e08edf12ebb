import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useEffect } from "react";
import { verifyLogin } from "~/.server/accounts/accounts";
import { sendEmailVerification } from "~/.server/accounts/email-verification";
import { rateLimits, retryAfterHeaders, tooManyAttempts } from "~/.server/accounts/rate-limits";
import { Button } from "~/components/button";
import { clearKioskRosters } from "~/components/checkin/kiosk-roster";
import { DistrictSignInButtons } from "~/components/district-sign-in";
import { Field, FormErrors } from "~/components/forms";
import { LoginSchema } from "~/schemas/accounts";
import { rememberSignupBrowser } from "~/utils/signup-browser.server";
import { requireAnonymous, signInAndRedirect } from "~/utils/auth.server";
import { districtButtons, passwordSignInForAdminsOnly } from "~/utils/district-sign-in.server";
import { failure, formDataToObject, isFormFailure, parseSubmission } from "~/utils/forms";
import { invalid } from "~/utils/http.server";
import { useValidatedForm } from "~/utils/use-validated-form";

export const headers = retryAfterHeaders;
export const meta: MetaFunction = () => [{ title: "Sign in · Dropin" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return { district: districtButtons(), adminsOnly: passwordSignInForAdminsOnly() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseSubmission(LoginSchema, formData);
  if (!submission.ok) return invalid(submission);
  const { email, password } = submission.data;
  // Counted before the password is checked; a right password hands the try back.
  const limited = await rateLimits.signInAttempt(email, context.clientIp);
  if (limited) return tooManyAttempts(formDataToObject(formData), limited);
  const adminsOnly = passwordSignInForAdminsOnly();
  const user = await verifyLogin(email, password, { adminsOnly });
  if (!user) {
    const message = adminsOnly
      ? "That email and password do not match an administrator account. Everyone else signs in with the district account above."
      : "That email and password do not match an account.";
    return invalid(failure(formDataToObject(formData), { formErrors: [message] }));
  }
  await rateLimits.signInSucceeded(email, context.clientIp);
  if (!user.proven) {
    // The right password, but the address was never proven: mail a code instead of signing in.
    await sendEmailVerification(user.id);
    const next = new URLSearchParams({ email });
    if (submission.data.redirectTo) next.set("redirectTo", submission.data.redirectTo);
    // The right password was typed here: a confirmation from this browser keeps it.
    return redirect(`/verify-email?${next}`, { headers: { "Set-Cookie": await rememberSignupBrowser(user.id) } });
  }
  return signInAndRedirect(request, user.id, submission.data.redirectTo ?? "/events");
}

// Keep the PD day (and so its email-domain rule and membership) when a visitor
// switches from signing in to creating an account.
function signupLink(redirectTo: string, event: string | null, email: string) {
  const params = new URLSearchParams();
  if (redirectTo) params.set("redirectTo", redirectTo);
  if (email) params.set("email", email);
  const slug = event ?? redirectTo.match(/^\/e\/([a-z0-9-]+)/)?.[1];
  if (slug) params.set("event", slug);
  const query = params.toString();
  return `/signup${query ? `?${query}` : ""}`;
}

export default function Login() {
  const { district, adminsOnly } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const redirectTo = searchParams.get("redirectTo") ?? "";
  // An invitation's "Sign in" passes the invited address.
  const invitedEmail = searchParams.get("email") ?? "";
  const {
    field,
    onSubmit,
    formErrors,
    pending: busy,
  } = useValidatedForm(LoginSchema, {
    defaultValues: { email: invitedEmail },
    lastResult: isFormFailure(lastResult) ? lastResult : null,
  });
  const signedOut = Boolean(searchParams.get("signedOut"));
  // However the person signed out, drop the pages the service worker cached for
  // them (attendee pages, the door kiosk), so the next person on a shared phone cannot read them offline.
  useEffect(() => {
    if (!signedOut) return;
    // A door kiosk's copy of the roster too (its queued check-ins stay: they must still sync).
    clearKioskRosters();
    if (!("serviceWorker" in navigator)) return;
    void navigator.serviceWorker.getRegistrations().then((registrations) => {
      for (const registration of registrations) registration.active?.postMessage({ type: "clear-personal" });
    });
  }, [signedOut]);
  const passwordForm = (
    <Form method="post" noValidate onSubmit={onSubmit}>
      <FormErrors errors={formErrors} />
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <Field label="Email" type="email" autoComplete="email" required {...field("email")} />
      <Field label="Password" type="password" autoComplete="current-password" required {...field("password")} />
      <div className="form-actions">
        <Button disabled={busy}>{busy ? "Signing in…" : "Sign in"}</Button>
        <Link to="/forgot-password">Forgot your password?</Link>
      </div>
    </Form>
  );
  return (
    <section className="card narrow" aria-labelledby="login-title">
      <h1 id="login-title">Sign in</h1>
      {signedOut ? <p className="toast toast-info">You are signed out.</p> : null}
      {searchParams.get("reset") ? (
        <p className="toast toast-success">Your password is changed. Sign in with the new one.</p>
      ) : null}
      <DistrictSignInButtons buttons={district} redirectTo={redirectTo} />
      {adminsOnly ? (
        <>
          <p>
            Teachers and staff sign in with their district account. Dropin passwords are turned off, except for its
            administrators.
          </p>
          {/* Open when an administrator's attempt came back with an error, so they see it. */}
          <details open={Boolean(lastResult)}>
            <summary>Administrator sign-in with a password</summary>
            {passwordForm}
          </details>
        </>
      ) : (
        <>
          {district.length > 0 ? <h2 className="district-sign-in-or">Or with a Dropin password</h2> : null}
          {passwordForm}
          <p className="muted" style={{ marginTop: "1.5rem" }}>
            New here?{" "}
            <Link to={signupLink(redirectTo, searchParams.get("event"), invitedEmail)}>Create an account</Link>
          </p>
        </>
      )}
    </section>
  );
}
