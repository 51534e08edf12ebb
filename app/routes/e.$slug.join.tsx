import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { rateLimits, retryAfterHeaders, tooManyAttempts } from "~/.server/accounts/rate-limits";
import { joinHelp } from "~/.server/attendees/join-help";
import { requestCode, verifyCode } from "~/.server/attendees/sign-in";
import { getPublicEvent } from "~/.server/events/events";
import { attendeeLinks } from "~/components/attendee";
import { Button } from "~/components/button";
import { ErrorMessage } from "~/components/error-message";
import { CodeField, Field, FormErrors } from "~/components/forms";
import { CodeSchema, JoinSchema } from "~/schemas/attendees";
import { signInAndRedirect } from "~/utils/auth.server";
import { parseSubmission, type FormFailure } from "~/utils/forms";
import { guard, guardForm, invalid } from "~/utils/http.server";
import { useLazyValidatedForm } from "~/utils/use-validated-form-lazy";

export const headers = retryAfterHeaders;
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Join ${data?.event.name ?? "a PD day"} · Dropin` },
];
export const links: LinksFunction = attendeeLinks;

export async function loader({ params }: LoaderFunctionArgs) {
  const event = await guard(getPublicEvent(params.slug!));
  return { event: { slug: event.slug, name: event.name }, help: await joinHelp(event) };
}

// The forms are checked in the browser by the same schemas, loaded on first focus
// (useLazyValidatedForm): this page stays inside the phone JavaScript budget.
export async function action({ request, params, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  if (formData.get("intent") === "verify") {
    const submission = parseSubmission(CodeSchema, formData);
    if (!submission.ok) return invalid(submission);
    const { email, code } = submission.data;
    const typed = { email, code: "", intent: "verify" };
    const limited = await rateLimits.codeAttempt(email, context.clientIp);
    if (limited) return tooManyAttempts(typed, limited);
    const result = await guardForm(typed, verifyCode(email, code, params.slug!));
    if (!result.ok) return invalid(result.result);
    await rateLimits.codeSucceeded(email, context.clientIp);
    return signInAndRedirect(request, result.value, `/e/${params.slug}`);
  }
  const submission = parseSubmission(JoinSchema, formData);
  if (!submission.ok) return invalid(submission);
  const limited = await rateLimits.codeRequest(submission.data.email, context.clientIp);
  if (limited) return tooManyAttempts({ email: submission.data.email }, limited);
  const { message } = await guard(requestCode(submission.data.email, params.slug!));
  return { ok: true as const, email: submission.data.email, message };
}

function CodeForm({ email, failed }: { email: string; failed?: FormFailure }) {
  const { formProps, errorFor, pending } = useLazyValidatedForm("CodeSchema", failed, { intent: "verify" });
  return (
    <Form method="post" {...formProps}>
      <input type="hidden" name="email" value={email} />
      <CodeField error={errorFor("code")} />
      <div className="form-actions">
        <Button name="intent" value="verify" disabled={pending}>
          Sign in
        </Button>
      </div>
    </Form>
  );
}

/** Why a code may not come, and whom to ask: the same words whatever the address. */
function NoCodeHelp({ email }: { email: string }) {
  const { event, help } = useLoaderData<typeof loader>();
  return (
    <div className="join-help">
      <h2>No email after a few minutes?</h2>
      <p>
        A code is sent only if <strong>{email}</strong> is on the list for {event.name}
        {help.walkUpDomain ? <> or is an @{help.walkUpDomain} address</> : null}. Check the spelling and your spam
        folder.
      </p>
      <p>
        {help.contacts.length > 0 ? (
          <>
            To be added to the list, ask{" "}
            {help.contacts.map((c, i) => (
              <span key={c.email}>
                {i > 0 ? " or " : ""}
                {c.name} (<a href={`mailto:${c.email}`}>{c.email}</a>)
              </span>
            ))}
            , who {help.contacts.length > 1 ? "run" : "runs"} this PD day.
          </>
        ) : (
          "To be added to the list, ask the coordinator of this PD day."
        )}
      </p>
    </div>
  );
}

export default function Join() {
  const { event } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : null;
  // The email form is the only form on its page (the code form shows once it is answered).
  const emailForm = useLazyValidatedForm("JoinSchema", failed);
  if (result && "message" in result) {
    return (
      <section className="card narrow" aria-labelledby="join-title">
        <h1 id="join-title">Check your email</h1>
        <p role="status">{result.message}</p>
        <p>Tap the link in the email, or type the code here:</p>
        <CodeForm email={result.email} />
        <NoCodeHelp email={result.email} />
        <p>
          <Link to={`/e/${event.slug}/join`}>Use a different email</Link>
        </p>
      </section>
    );
  }
  // A wrong code comes back here with the email kept, so the code form shows again.
  if (failed && failed.values.intent === "verify" && typeof failed.values.email === "string" && failed.values.email) {
    return (
      <section className="card narrow" aria-labelledby="join-title">
        <h1 id="join-title">Check your email</h1>
        <FormErrors errors={failed.formErrors} />
        <CodeForm email={failed.values.email} failed={failed} />
        <p>
          <Link to={`/e/${event.slug}/join`}>Send a new code</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="card narrow" aria-labelledby="join-title">
      <h1 id="join-title">Join {event.name}</h1>
      <p>Enter your school email. We will send you a sign-in link and a 6-digit code — no password needed.</p>
      <Form method="post" {...emailForm.formProps}>
        <FormErrors errors={failed?.formErrors ?? []} />
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={typeof failed?.values.email === "string" ? failed.values.email : ""}
          error={emailForm.errorFor("email")}
        />
        <div className="form-actions">
          <Button disabled={emailForm.pending}>Send me a code</Button>
        </div>
      </Form>
      <p>
        Staff with a password can <Link to={`/login?redirectTo=/e/${event.slug}`}>sign in here</Link>.
      </p>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
