import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { acceptCoPresenter, findCoPresenterInvite } from "~/.server/proposals/co-presenters";
import { Button } from "~/components/button";
import { ErrorMessage } from "~/components/error-message";
import { getUser, requireUser } from "~/utils/auth.server";
import { formatEventDate, formatTimestamp } from "~/utils/dates";
import { guard } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { usePending } from "~/utils/use-pending";

export const meta: MetaFunction = () => [{ title: "Co-present a session · Dropin" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const [invite, user] = await Promise.all([findCoPresenterInvite(params.token!), getUser(request)]);
  const usable = invite && (!invite.confirmedAt || invite.userId === user?.id);
  if (!invite || !usable) return { invite: null, user: null, returnTo: "" };
  return {
    invite: {
      email: invite.email,
      confirmed: Boolean(invite.confirmedAt),
      expiresOn: formatTimestamp(invite.expiresAt, invite.proposal.event.timeZone),
      expired: !invite.confirmedAt && invite.expiresAt <= new Date(),
      proposalId: invite.proposal.id,
      title: invite.proposal.title || "an untitled session",
      presenter: invite.proposal.presenter.name,
      event: invite.proposal.event,
    },
    user: user ? { email: user.email } : null,
    returnTo: new URL(request.url).pathname,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const proposal = await guard(acceptCoPresenter(params.token!, user.id));
  return redirectWithToast(`/proposals/${proposal.id}`, {
    kind: "success",
    message: "You are now a co-presenter. You can edit this proposal too.",
  });
}

export default function CoPresent() {
  const { invite, user, returnTo } = useLoaderData<typeof loader>();
  // The page's one form: its button waits for its post.
  const pending = usePending()();
  if (!invite) {
    return (
      <section className="card narrow" aria-labelledby="co-present-title">
        <h1 id="co-present-title">This invitation no longer works</h1>
        <p>It was already used or withdrawn. Ask the presenter to invite you again.</p>
      </section>
    );
  }
  const back = encodeURIComponent(returnTo);
  return (
    <section className="card narrow" aria-labelledby="co-present-title">
      <h1 id="co-present-title">Co-present “{invite.title}”</h1>
      <p>
        {invite.presenter} invited you to present this session with them at <strong>{invite.event.name}</strong> on{" "}
        {formatEventDate(invite.event.date)}.
      </p>
      {invite.confirmed ? (
        <p>
          You already confirmed. <Link to={`/proposals/${invite.proposalId}`}>Open the proposal</Link>
        </p>
      ) : invite.expired ? (
        <p className="form-errors" role="alert">
          This invitation expired on {invite.expiresOn}. Ask {invite.presenter} to invite you again.
        </p>
      ) : !user ? (
        <>
          <p>
            This invitation is for {invite.email} and works until {invite.expiresOn}. Sign in or create an account with
            that address to confirm.
          </p>
          <div className="form-actions">
            <Link className="button button-primary" to={`/signup?redirectTo=${back}`}>
              Create an account
            </Link>
            <Link className="button button-secondary" to={`/login?redirectTo=${back}`}>
              Sign in
            </Link>
          </div>
        </>
      ) : user.email !== invite.email ? (
        <p className="form-errors" role="alert">
          You are signed in as {user.email}, but this invitation is for {invite.email}. Sign out and sign in with that
          address to confirm.
        </p>
      ) : (
        <Form method="post">
          <p>This invitation works until {invite.expiresOn}.</p>
          <Button disabled={pending}>Confirm I’ll co-present</Button>
        </Form>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
