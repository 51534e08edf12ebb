import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { createEvent } from "~/.server/events/events";
import { assertDistrictCoordinator } from "~/.server/events/permissions";
import { EventForm } from "~/components/event-form";
import { EventSchema } from "~/schemas/events";
import { requireUser } from "~/utils/auth.server";
import { formDataToObject, isFormFailure, parseSubmission } from "~/utils/forms";
import { guard, guardForm, invalid } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "New PD day · Dropin" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  await guard(assertDistrictCoordinator(user.id));
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await guard(assertDistrictCoordinator(user.id));
  const formData = await request.formData();
  const submission = parseSubmission(EventSchema, formData);
  if (!submission.ok) return invalid(submission);
  const created = await guardForm(formDataToObject(formData), createEvent(user.id, submission.data));
  if (!created.ok) return invalid(created.result);
  return redirectWithToast(`/events/${created.value.slug}`, {
    kind: "success",
    message: `${created.value.name} is created. Next: add rooms, time blocks and open proposals.`,
  });
}

export default function NewEvent() {
  const lastResult = useActionData<typeof action>();
  return (
    <section className="card narrow" aria-labelledby="new-event-title">
      <h1 id="new-event-title">New PD day</h1>
      <EventForm
        defaultValues={{ timeZone: "America/Chicago", startTime: "08:00", endTime: "15:00" }}
        lastResult={isFormFailure(lastResult) ? lastResult : null}
        submitLabel="Create PD day"
      />
    </section>
  );
}
