import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getEventForCoordinator } from "~/.server/events/events";
import { inviteToEvent, listPeople } from "~/.server/events/invitations";
import { Button } from "~/components/button";
import { ErrorMessage } from "~/components/error-message";
import { Field, FormErrors, SelectField } from "~/components/forms";
import { InviteSchema, ROLE_LABELS, ROLES, type Role } from "~/schemas/events";
import { requireUser } from "~/utils/auth.server";
import { formatTimestamp } from "~/utils/dates";
import { formDataToObject, isFormFailure, parseSubmission } from "~/utils/forms";
import { guard, guardForm, invalid } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { useValidatedForm } from "~/utils/use-validated-form";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `People · ${data.event.name} · Dropin` : "People · Dropin" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(getEventForCoordinator(user.id, params.slug!));
  const people = await guard(listPeople(user.id, event.id));
  return { event, ...people };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(getEventForCoordinator(user.id, params.slug!));
  const formData = await request.formData();
  const submission = parseSubmission(InviteSchema, formData);
  if (!submission.ok) return invalid(submission);
  const sent = await guardForm(formDataToObject(formData), inviteToEvent(user.id, event.id, submission.data));
  if (!sent.ok) return invalid(sent.result);
  return redirectWithToast(`/events/${event.slug}/people`, {
    kind: "success",
    message: `Invitation sent to ${submission.data.email}.`,
  });
}

export default function People() {
  const { event, memberships, invitations } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { field, onSubmit, formErrors } = useValidatedForm(InviteSchema, {
    defaultValues: { role: "presenter" },
    lastResult: isFormFailure(lastResult) ? lastResult : null,
  });
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <p>
        <Link to={`/events/${event.slug}`}>← {event.name}</Link>
      </p>
      <h1>People and invitations</h1>
      <section className="card" aria-labelledby="invite-title">
        <h2 id="invite-title">Invite someone</h2>
        <p className="muted">They get an email with a link to join this PD day in the role you choose.</p>
        <Form method="post" noValidate onSubmit={onSubmit}>
          <FormErrors errors={formErrors} />
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

      {invitations.length > 0 ? (
        <section className="card" aria-labelledby="pending-title">
          <h2 id="pending-title">Waiting for an answer</h2>
          <ul className="list-plain">
            {invitations.map((invitation) => (
              <li key={invitation.id}>
                {invitation.email} · {ROLE_LABELS[invitation.role as Role]}{" "}
                <span className="muted">· sent {formatTimestamp(invitation.createdAt, event.timeZone)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="card" aria-labelledby="members-title">
        <h2 id="members-title">Members ({memberships.length})</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">School</th>
                <th scope="col">Role</th>
              </tr>
            </thead>
            <tbody>
              {memberships.map((m) => (
                <tr key={m.id}>
                  <td>{m.user.name}</td>
                  <td>{m.user.email}</td>
                  <td>{m.user.school ?? ""}</td>
                  <td>{ROLE_LABELS[m.role as Role] ?? m.role}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
