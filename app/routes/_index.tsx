import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { hasAnyAccount } from "~/.server/accounts/accounts";
import { listPublicEvents } from "~/.server/events/events";
import { getUser } from "~/utils/auth.server";
import { formatEventDate } from "~/utils/dates";

export const meta: MetaFunction = () => [
  { title: "Dropin · teacher-led PD days" },
  { name: "description", content: "Plan and run drop-in professional-development days, by teachers for teachers." },
];

export async function loader({ request }: LoaderFunctionArgs) {
  if (!(await hasAnyAccount())) throw redirect("/setup");
  if (await getUser(request)) throw redirect("/events");
  return { events: await listPublicEvents() };
}

export default function Index() {
  const { events } = useLoaderData<typeof loader>();
  return (
    <>
      <section className="card" aria-labelledby="welcome-title">
        <h1 id="welcome-title">PD days by teachers, for teachers</h1>
        <p>
          Dropin runs your district’s come-as-you-go professional-development days: colleagues propose sessions,
          coordinators build the grid, and everyone picks, attends and earns credit from their phone.
        </p>
        <div className="form-actions">
          <Link className="button button-primary" to="/login">
            Sign in
          </Link>
          <Link className="button button-secondary" to="/signup">
            Create an account
          </Link>
        </div>
      </section>
      {events.length > 0 ? (
        <section className="card" aria-labelledby="upcoming-title">
          <h2 id="upcoming-title">PD days</h2>
          <ul className="list-plain">
            {events.map((event) => (
              <li key={event.slug}>
                <Link to={`/e/${event.slug}`}>{event.name}</Link>{" "}
                <span className="muted">
                  · {formatEventDate(event.date)}
                  {event.venue ? ` · ${event.venue}` : ""}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
