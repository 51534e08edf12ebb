import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { getEventForCoordinator, updateEvent } from "~/.server/events/events";
import { ErrorMessage } from "~/components/error-message";
import { EventForm } from "~/components/event-form";
import { EventSchema } from "~/schemas/events";
import { requireUser } from "~/utils/auth.server";
import { formDataToObject, isFormFailure, parseSubmission } from "~/utils/forms";
import { guard, guardForm, invalid } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Settings · ${data.event.name} · Dropin` : "Settings · Dropin" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(getEventForCoordinator(user.id, params.slug!));
  return { event };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(getEventForCoordinator(user.id, params.slug!));
  const formData = await request.formData();
  const submission = parseSubmission(EventSchema, formData);
  if (!submission.ok) return invalid(submission);
  const saved = await guardForm(formDataToObject(formData), updateEvent(user.id, event.id, submission.data));
  if (!saved.ok) return invalid(saved.result);
  return redirectWithToast(`/events/${saved.value.slug}`, { kind: "success", message: "Changes saved." });
}

export default function EventSettings() {
  const { event } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <section className="card narrow" aria-labelledby="settings-title">
      <p>
        <Link to={`/events/${event.slug}`}>← {event.name}</Link>
      </p>
      <h1 id="settings-title">Settings</h1>
      {event.status === "archived" ? (
        <p className="toast toast-info">This PD day is archived. Restore it from its dashboard to edit it.</p>
      ) : null}
      <EventForm
        defaultValues={{
          name: event.name,
          slug: event.slug,
          date: event.date,
          startTime: event.startTime,
          endTime: event.endTime,
          timeZone: event.timeZone,
          venue: event.venue,
          description: event.description,
          proposalsOpenOn: event.proposalsOpenOn ?? "",
          proposalsCloseOn: event.proposalsCloseOn ?? "",
          allowedEmailDomain: event.allowedEmailDomain ?? "",
          subjectTags: event.subjectTags,
          doorsOpenAt: event.doorsOpenAt ?? "",
          earlyCheckIn: event.earlyCheckIn ? "on" : "",
        }}
        lastResult={isFormFailure(lastResult) ? lastResult : null}
        submitLabel="Save changes"
      />
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
