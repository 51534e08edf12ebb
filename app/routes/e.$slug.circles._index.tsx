// Follow-up circles for an attendee or presenter: opt in (or change one's choices)
// while circles are open; once published, a link to one's circle.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { circlesForMember, optIntoCircles } from "~/.server/circles/opt-in";
import { AttendeeNav, attendeeLinks } from "~/components/attendee";
import { Button } from "~/components/button";
import { ErrorMessage } from "~/components/error-message";
import { FormErrors, SelectField } from "~/components/forms";
import { OptInSchema } from "~/schemas/circles";
import { AUDIENCES } from "~/schemas/proposals";
import { requireUser } from "~/utils/auth.server";
import { formDataToObject, isFormFailure, parseSubmission } from "~/utils/forms";
import { guard, guardForm, invalid } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { useValidatedForm } from "~/utils/use-validated-form";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Circles · ${data?.event.name ?? "PD day"} · Dropin` },
];
export const links: LinksFunction = attendeeLinks;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return guard(circlesForMember(user.id, params.slug!));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  // Members only, before the form is read.
  await guard(circlesForMember(user.id, params.slug!));
  const formData = await request.formData();
  const submission = parseSubmission(OptInSchema, formData);
  if (!submission.ok) return invalid(submission);
  const saved = await guardForm(formDataToObject(formData), optIntoCircles(user.id, params.slug!, submission.data));
  if (!saved.ok) return invalid(saved.result);
  return redirectWithToast(`/e/${params.slug}/circles`, {
    kind: "success",
    message: "You're in. We'll email you when your circle is ready.",
  });
}

const GRADE_OPTIONS = [
  { value: "", label: "Choose…" },
  ...AUDIENCES.map((a) => ({ value: a, label: a === "all" ? "All grades" : `Grades ${a}` })),
];

function OptInForm() {
  const { subjects, roles, optIn } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = isFormFailure(result) ? result : null;
  const { form, field, onSubmit, formErrors, values, pending, intentField } = useValidatedForm(OptInSchema, {
    intent: "opt-in",
    // After a refused post, only what was posted: an unticked box is not posted at all.
    defaultValues: failed
      ? {}
      : {
          subject: optIn?.subject ?? "",
          gradeBand: optIn?.gradeBand ?? "",
          role: optIn?.role ?? "",
          ...((optIn?.otherSchools ?? true) ? { otherSchools: "on" } : {}),
        },
    lastResult: failed,
  });
  const choose = (list: string[]) => [{ value: "", label: "Choose…" }, ...list.map((v) => ({ value: v, label: v }))];
  return (
    <Form method="post" noValidate onSubmit={onSubmit}>
      {intentField}
      <FormErrors errors={formErrors} />
      <SelectField label="Subject" options={choose(subjects)} {...field("subject")} />
      <SelectField label="Grade band" options={GRADE_OPTIONS} {...field("gradeBand")} />
      <SelectField label="Your role" options={choose(roles)} {...field("role")} />
      <div className="field">
        <label>
          <input type="checkbox" {...form.register("otherSchools")} defaultChecked={values.otherSchools === "on"} /> I'd
          like people from other schools in my circle
        </label>
      </div>
      <div className="form-actions">
        <Button disabled={pending}>{optIn ? "Update my choices" : "Join a circle"}</Button>
      </div>
    </Form>
  );
}

export default function Circles() {
  const { event, status, optIn, circles } = useLoaderData<typeof loader>();
  // A refused opt-in (circles published meanwhile) keeps its form, so the reason shows.
  const failed = isFormFailure(useActionData<typeof action>());
  return (
    <>
      <AttendeeNav slug={event.slug} signedIn current="circles" />
      <section className="card" aria-labelledby="circles-title">
        <h1 id="circles-title">Follow-up circles</h1>
        <p>
          A small group of 4–6 colleagues who keep learning together after {event.name}: meet now and then, share what
          you tried, hold each other to it.
        </p>
        {status === null ? (
          <p className="muted">Circles are not open yet. Your coordinators will say when they are.</p>
        ) : null}
        {status === "open" || failed ? (
          <>
            {optIn ? <p>You're in. You can change your choices until the circles are formed.</p> : null}
            <OptInForm />
          </>
        ) : null}
        {status === "published" ? (
          circles.length ? (
            <ul className="list-plain">
              {circles.map((c) => (
                <li key={c.id}>
                  <Link to={`/e/${event.slug}/circles/${c.id}`}>Your circle (circle {c.number})</Link>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">
              The circles are formed{optIn ? "; you are no longer in one" : ", and you did not join one this time"}.
            </p>
          )
        ) : null}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
