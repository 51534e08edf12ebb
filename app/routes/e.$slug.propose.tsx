import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getPublicEvent } from "~/.server/events/events";
import { callState } from "~/.server/proposals/call-for-proposals";
import { createDraft } from "~/.server/proposals/proposals";
import { Button } from "~/components/button";
import { ErrorMessage } from "~/components/error-message";
import { FormErrors } from "~/components/forms";
import { getUser, requireUser } from "~/utils/auth.server";
import { formatEventDate } from "~/utils/dates";
import { isFormFailure } from "~/utils/forms";
import { guard, guardForm, invalid } from "~/utils/http.server";
import { usePending } from "~/utils/use-pending";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Propose a session · ${data.event.name} · Dropin` : "Propose a session · Dropin" },
];

// The public call for proposals: anyone can read it; starting a proposal needs an account.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const [event, user] = await Promise.all([guard(getPublicEvent(params.slug!)), getUser(request)]);
  return {
    event: {
      slug: event.slug,
      name: event.name,
      date: event.date,
      proposalsOpenOn: event.proposalsOpenOn,
      proposalsCloseOn: event.proposalsCloseOn,
      allowedEmailDomain: event.allowedEmailDomain,
    },
    call: callState(event),
    signedIn: Boolean(user),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const created = await guardForm({}, createDraft(user.id, params.slug!));
  if (!created.ok) return invalid(created.result);
  return redirect(`/proposals/${created.value.id}`);
}

function windowText(openOn: string | null, closeOn: string | null) {
  if (openOn && closeOn)
    return `Proposals are taken from ${formatEventDate(openOn)} through ${formatEventDate(closeOn)}.`;
  if (closeOn) return `Proposals are taken through ${formatEventDate(closeOn)}.`;
  if (openOn) return `Proposals are taken from ${formatEventDate(openOn)}.`;
  return null;
}

export default function Propose() {
  const { event, call, signedIn } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  // The page's one form that posts.
  const busy = usePending()();
  const here = `/e/${event.slug}/propose`;
  const windowNote = windowText(event.proposalsOpenOn, event.proposalsCloseOn);
  return (
    <section className="card narrow" aria-labelledby="propose-title">
      <h1 id="propose-title">Propose a session</h1>
      <p>
        <strong>{event.name}</strong> · {formatEventDate(event.date)}
      </p>
      <p>
        Teach your colleagues something that works in your classroom: a tool, a routine, a lesson. Sessions are short
        and practical, and you can bring a co-presenter.
      </p>
      {windowNote ? <p>{windowNote}</p> : null}
      {call === "closed" ? (
        <p className="notice">The call for proposals is closed. Thank you to everyone who offered a session!</p>
      ) : call === "not_yet" ? (
        <p className="notice">
          The call for proposals is not open yet. You can start a draft now and submit it once it opens.
        </p>
      ) : (
        <p className="notice notice-open">The call for proposals is open.</p>
      )}
      {call !== "closed" && event.slug ? (
        signedIn ? (
          <Form method="post">
            <FormErrors errors={isFormFailure(result) ? result.formErrors : []} />
            <Button disabled={busy}>Start a proposal</Button>
          </Form>
        ) : (
          <>
            <p>
              Sign in or create an account to start.
              {event.allowedEmailDomain ? <> Use your {event.allowedEmailDomain} email address.</> : null}
            </p>
            <div className="form-actions">
              <Link
                className="button button-primary"
                to={`/signup?event=${encodeURIComponent(event.slug)}&redirectTo=${encodeURIComponent(here)}`}
              >
                Create an account
              </Link>
              <Link className="button button-secondary" to={`/login?redirectTo=${encodeURIComponent(here)}`}>
                Sign in
              </Link>
            </div>
          </>
        )
      ) : null}
      <p>
        <Link to={`/e/${event.slug}`}>About {event.name}</Link>
      </p>
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
