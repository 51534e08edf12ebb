import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { acceptInvitation, findOpenInvitation } from "~/.server/events/invitations";
import { claimVendorContacts } from "~/.server/vendors/vendors";
import { Button } from "~/components/button";
import { ErrorMessage } from "~/components/error-message";
import { ROLE_LABELS, type Role } from "~/schemas/events";
import { getUser, requireUser } from "~/utils/auth.server";
import { formatEventDate } from "~/utils/dates";
import { guard } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { usePending } from "~/utils/use-pending";

export const meta: MetaFunction = () => [{ title: "Invitation · Dropin" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const [invitation, user] = await Promise.all([findOpenInvitation(params.token!), getUser(request)]);
  if (!invitation) return { invitation: null, user, returnTo: "" };
  const url = new URL(request.url);
  return {
    invitation: {
      email: invitation.email,
      role: invitation.role as Role,
      event: invitation.event,
    },
    user: user ? { email: user.email, name: user.name } : null,
    returnTo: url.pathname,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const accepted = await guard(acceptInvitation(params.token!, user.id));
  // A vendor's account is linked to its company now, not by a page load later.
  if (accepted.role === "vendor") await claimVendorContacts(user.id);
  // Vendors land in their portal, which also links their account to their company.
  const target =
    accepted.role === "coordinator"
      ? `/events/${accepted.event.slug}`
      : accepted.role === "vendor"
        ? "/vendor"
        : accepted.role === "door"
          ? `/events/${accepted.event.slug}/kiosk`
          : "/events";
  return redirectWithToast(target, {
    kind: "success",
    message: `You joined ${accepted.event.name} as ${ROLE_LABELS[accepted.role].toLowerCase()}.`,
  });
}

export default function Invite() {
  const { invitation, user, returnTo } = useLoaderData<typeof loader>();
  // The page's one form: its button waits for its post.
  const pending = usePending()();
  if (!invitation) {
    return (
      <section className="card narrow" aria-labelledby="invite-title">
        <h1 id="invite-title">This invitation no longer works</h1>
        <p>It has expired or was already used. Ask your PD coordinator to send a new one.</p>
      </section>
    );
  }
  const role = ROLE_LABELS[invitation.role].toLowerCase();
  // Both carry the invited address, so nobody retypes it (or types another by mistake).
  const query = new URLSearchParams({ redirectTo: returnTo, email: invitation.email }).toString();
  return (
    <section className="card narrow" aria-labelledby="invite-title">
      <h1 id="invite-title">Join {invitation.event.name}</h1>
      <p>
        You are invited as <strong>{role}</strong> for {formatEventDate(invitation.event.date)}.
      </p>
      {!user ? (
        <>
          <p>This invitation is for {invitation.email}. Sign in or create an account with that address to accept it.</p>
          <div className="form-actions">
            <Link className="button button-primary" to={`/signup?${query}`}>
              Create an account
            </Link>
            <Link className="button button-secondary" to={`/login?${query}`}>
              Sign in
            </Link>
          </div>
        </>
      ) : user.email !== invitation.email ? (
        <p className="form-errors" role="alert">
          You are signed in as {user.email}, but this invitation is for {invitation.email}. Sign out and sign in with
          that address to accept it.
        </p>
      ) : (
        <Form method="post">
          <Button disabled={pending}>Accept and join as {role}</Button>
        </Form>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
