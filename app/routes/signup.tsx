import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { signUp } from "~/.server/accounts/accounts";
import { rateLimits, retryAfterHeaders, tooManyAttempts } from "~/.server/accounts/rate-limits";
import { NewAccountFields } from "~/components/account-fields";
import { Button } from "~/components/button";
import { FormErrors } from "~/components/forms";
import { SignupSchema } from "~/schemas/accounts";
import { rememberSignupBrowser } from "~/utils/signup-browser.server";
import { requireAnonymous, signInAndRedirect } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { passwordSignInForAdminsOnly } from "~/utils/district-sign-in.server";
import { formDataToObject, isFormFailure, parseSubmission } from "~/utils/forms";
import { guardForm, invalid } from "~/utils/http.server";
import { useValidatedForm } from "~/utils/use-validated-form";

export const headers = retryAfterHeaders;
export const meta: MetaFunction = () => [{ title: "Create an account · Dropin" }];

// With PASSWORD_SIGNIN=admins-only, accounts come from the district's sign-in:
// /login explains it and offers the district buttons.
function refuseWhenDistrictOnly(request: Request) {
  if (!passwordSignInForAdminsOnly()) return;
  const redirectTo = new URL(request.url).searchParams.get("redirectTo");
  throw redirect(redirectTo ? `/login?${new URLSearchParams({ redirectTo })}` : "/login");
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  refuseWhenDistrictOnly(request);
  const url = new URL(request.url);
  const slug = url.searchParams.get("event");
  const event = slug
    ? await db.event.findUnique({ where: { slug }, select: { slug: true, name: true, allowedEmailDomain: true } })
    : null;
  // An invitation's "Create an account" passes the invited address, so it is already typed.
  return { event, redirectTo: url.searchParams.get("redirectTo") ?? "", email: url.searchParams.get("email") ?? "" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  refuseWhenDistrictOnly(request);
  const formData = await request.formData();
  const submission = parseSubmission(SignupSchema, formData);
  if (!submission.ok) return invalid(submission);
  const limited = await rateLimits.signup(context.clientIp);
  if (limited) return tooManyAttempts(formDataToObject(formData), limited);
  const { event, redirectTo, ...account } = submission.data;
  const created = await guardForm(
    formDataToObject(formData),
    signUp({ ...account, eventSlug: event || undefined, fromPath: redirectTo }),
  );
  if (!created.ok) return invalid(created.result);
  // Signed up from an invitation mailed to this address: the link proved it.
  if (created.value.proven)
    return signInAndRedirect(request, created.value.id, redirectTo || (event ? `/e/${event}` : "/events"));
  // No session yet: the account signs in once the mailed code proves the address.
  const next = new URLSearchParams({ email: created.value.email });
  if (redirectTo) next.set("redirectTo", redirectTo);
  // This browser chose the password: a confirmation from it keeps the password.
  return redirect(`/verify-email?${next}`, {
    headers: { "Set-Cookie": await rememberSignupBrowser(created.value.id) },
  });
}

export default function Signup() {
  const { event, redirectTo, email } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const {
    field,
    onSubmit,
    formErrors,
    pending: busy,
  } = useValidatedForm(SignupSchema, {
    defaultValues: { email },
    lastResult: isFormFailure(lastResult) ? lastResult : null,
  });
  return (
    <section className="card narrow" aria-labelledby="signup-title">
      <h1 id="signup-title">Create your Dropin account</h1>
      {event ? (
        <p>
          For <strong>{event.name}</strong>
          {event.allowedEmailDomain ? <> — use your {event.allowedEmailDomain} email address.</> : null}
        </p>
      ) : null}
      <Form method="post" noValidate onSubmit={onSubmit}>
        <FormErrors errors={formErrors} />
        {event ? <input type="hidden" name="event" value={event.slug} /> : null}
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <NewAccountFields field={field} />
        <div className="form-actions">
          <Button disabled={busy}>Create account</Button>
        </div>
      </Form>
      <p className="muted" style={{ marginTop: "1.5rem" }}>
        Already have an account? <Link to="/login">Sign in</Link>
      </p>
    </section>
  );
}
