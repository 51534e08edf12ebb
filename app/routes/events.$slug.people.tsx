import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { qrSvg } from "~/.server/checkin/badges";
import { getEventForCoordinator } from "~/.server/events/events";
import { inviteToEvent, listPeople } from "~/.server/events/invitations";
import { createKioskLink, listKioskLinks, revokeKioskLink } from "~/.server/events/kiosk-links";
import { changeMemberRole, removeMember, REMOVAL_KEEPS_DATA, revokeInvitation } from "~/.server/events/people";
import { Button } from "~/components/button";
import { ErrorMessage } from "~/components/error-message";
import { Field, FormErrors, SelectField } from "~/components/forms";
import { KioskLinks, type NewKioskLink } from "~/components/people/kiosk-links";
import { MemberTable } from "~/components/people/member-table";
import { RowAction } from "~/components/people/row-action";
import { InviteSchema, ROLE_LABELS, ROLES, type Role } from "~/schemas/events";
import {
  ChangeRoleSchema,
  KioskLinkSchema,
  RemoveMemberSchema,
  RevokeInvitationSchema,
  RevokeKioskLinkSchema,
} from "~/schemas/people";
import { requireUser } from "~/utils/auth.server";
import { formatTimestamp } from "~/utils/dates";
import { allMessages, failureOf, formDataToObject, isFormFailure, parseSubmission } from "~/utils/forms";
import { guard, guardForm, invalid } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { useValidatedForm } from "~/utils/use-validated-form";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `People · ${data.event.name} · Dropin` : "People · Dropin" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(getEventForCoordinator(user.id, params.slug!));
  const [people, kioskLinks] = await Promise.all([
    guard(listPeople(user.id, event.id)),
    guard(listKioskLinks(user.id, event.id)),
  ]);
  return { event, ...people, kioskLinks, keepsData: REMOVAL_KEEPS_DATA };
}

const SCHEMAS = {
  invite: InviteSchema,
  "revoke-invitation": RevokeInvitationSchema,
  "change-role": ChangeRoleSchema,
  "remove-member": RemoveMemberSchema,
  "kiosk-link": KioskLinkSchema,
  "revoke-kiosk-link": RevokeKioskLinkSchema,
} as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(getEventForCoordinator(user.id, params.slug!));
  const formData = await request.formData();
  const raw = formDataToObject(formData);
  // The invitation form predates intents: a post without one is an invitation.
  const intent = (
    typeof raw.intent === "string" && raw.intent in SCHEMAS ? raw.intent : "invite"
  ) as keyof typeof SCHEMAS;
  const here = `/events/${event.slug}/people`;
  const done = (message: string) => redirectWithToast(here, { kind: "success", message });
  switch (intent) {
    case "invite": {
      const submission = parseSubmission(InviteSchema, formData);
      if (!submission.ok) return invalid(submission);
      const sent = await guardForm(raw, inviteToEvent(user.id, event.id, submission.data));
      if (!sent.ok) return invalid(sent.result);
      return done(`Invitation sent to ${submission.data.email}.`);
    }
    case "revoke-invitation": {
      const submission = parseSubmission(RevokeInvitationSchema, formData);
      if (!submission.ok) return invalid(submission);
      const revoked = await guardForm(raw, revokeInvitation(user.id, event.id, submission.data.invitationId));
      if (!revoked.ok) return invalid(revoked.result);
      return done(`The invitation to ${revoked.value.email} no longer works.`);
    }
    case "change-role": {
      const submission = parseSubmission(ChangeRoleSchema, formData);
      if (!submission.ok) return invalid(submission);
      const changed = await guardForm(raw, changeMemberRole(user.id, event.id, submission.data));
      if (!changed.ok) return invalid(changed.result);
      return done(`${changed.value.name} is now ${ROLE_LABELS[changed.value.role].toLowerCase()}.`);
    }
    case "remove-member": {
      const submission = parseSubmission(RemoveMemberSchema, formData);
      if (!submission.ok) return invalid(submission);
      const removed = await guardForm(raw, removeMember(user.id, event.id, submission.data));
      if (!removed.ok) return invalid(removed.result);
      return done(
        `${removed.value.name} is no longer ${ROLE_LABELS[removed.value.role].toLowerCase()}. ${REMOVAL_KEEPS_DATA}`,
      );
    }
    case "kiosk-link": {
      const submission = parseSubmission(KioskLinkSchema, formData);
      if (!submission.ok) return invalid(submission);
      const made = await guardForm(raw, createKioskLink(user.id, event.id, submission.data.label));
      if (!made.ok) return invalid(made.result);
      // Shown once, in this answer: only the code's hash is kept.
      const { label, url, expiresAt } = made.value;
      return data({
        created: { label, url, expiresAt: expiresAt.toISOString(), qrSvg: await qrSvg(url) } satisfies NewKioskLink,
      });
    }
    case "revoke-kiosk-link": {
      const submission = parseSubmission(RevokeKioskLinkSchema, formData);
      if (!submission.ok) return invalid(submission);
      const revoked = await guardForm(raw, revokeKioskLink(user.id, event.id, submission.data.kioskLinkId));
      if (!revoked.ok) return invalid(revoked.result);
      return done(`The kiosk link “${revoked.value.label}” no longer works; devices using it are signed out.`);
    }
  }
}

export default function People() {
  const { event, memberships, invitations, kioskLinks, keepsData } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const created = lastResult && "created" in lastResult ? lastResult.created : null;
  const kioskFailure = failureOf(lastResult, "kiosk-link");
  const rowFailure = failureOf(lastResult, "revoke-invitation", "change-role", "remove-member", "revoke-kiosk-link");
  // A failure of no other form is the invitation's (a post without an intent is one).
  const {
    field,
    onSubmit,
    formErrors,
    pending: busy,
    intentField,
  } = useValidatedForm(InviteSchema, {
    intent: "invite",
    defaultValues: { role: "presenter" },
    lastResult: isFormFailure(lastResult) && !kioskFailure && !rowFailure ? lastResult : null,
  });
  return (
    <>
      <p>
        <Link to={`/events/${event.slug}`}>← {event.name}</Link>
      </p>
      <h1>People and invitations</h1>
      {rowFailure ? <FormErrors errors={allMessages(rowFailure)} /> : null}
      <section className="card" aria-labelledby="invite-title">
        <h2 id="invite-title">Invite someone</h2>
        <p className="muted">
          They get an email with a link to join this PD day in the role you choose. Door volunteers reach the door kiosk
          and the live view only.
        </p>
        <Form method="post" noValidate onSubmit={onSubmit}>
          <FormErrors errors={formErrors} />
          {intentField}
          <div className="form-row">
            <Field label="Email" type="email" required autoComplete="off" {...field("email")} />
            <Field label="Name (optional)" {...field("name")} />
            <SelectField
              label="Role"
              options={ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
              {...field("role")}
            />
          </div>
          <div className="form-actions">
            <Button disabled={busy}>Send invitation</Button>
          </div>
        </Form>
      </section>

      <section className="card" aria-labelledby="pending-title">
        <h2 id="pending-title">Waiting for an answer ({invitations.length})</h2>
        {invitations.length === 0 ? (
          <p className="muted">No invitation is waiting.</p>
        ) : (
          <ul className="list-plain">
            {invitations.map((invitation) => (
              <li key={invitation.id} className="row-with-action">
                <span>
                  <span className="break-anywhere">{invitation.email}</span> · {ROLE_LABELS[invitation.role as Role]}{" "}
                  <span className="muted">· sent {formatTimestamp(invitation.createdAt, event.timeZone)}</span>
                </span>
                <RowAction intent="revoke-invitation" fields={{ invitationId: invitation.id }}>
                  Revoke<span className="visually-hidden"> the invitation to {invitation.email}</span>
                </RowAction>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="members-title">
        <h2 id="members-title">Members ({memberships.length})</h2>
        <MemberTable memberships={memberships} keepsData={keepsData} />
      </section>

      <KioskLinks links={kioskLinks} created={created} timeZone={event.timeZone} failure={kioskFailure} />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
