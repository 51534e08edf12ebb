import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AttendeeNav, attendeeLinks } from "~/components/attendee";
import { myPrizes } from "~/.server/drawings/drawing-views";
import { getPublicEvent } from "~/.server/events/events";
import { ErrorMessage } from "~/components/error-message";
import { requireUser } from "~/utils/auth.server";
import { guard } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Prizes · ${data?.event.name ?? "PD day"} · Dropin` },
];

export const links: LinksFunction = attendeeLinks;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(getPublicEvent(params.slug!));
  const prizes = await myPrizes(user.id, event.id);
  return { event: { slug: event.slug, name: event.name }, ...prizes };
}

export default function Prizes() {
  const { event, won, drawings, prizes } = useLoaderData<typeof loader>();
  return (
    <>
      <AttendeeNav slug={event.slug} signedIn current="prizes" />
      <h1>Prizes</h1>
      {won.map((w) => (
        <p key={w.id} className="card prize-won" role="status">
          <strong>You won {w.itemName}!</strong> From {w.company}.{" "}
          {w.status === "claimed" ? "Claimed — enjoy!" : "Pick it up at the prize table before you leave."}
        </p>
      ))}
      {drawings.length > 0 ? (
        <section className="card" aria-labelledby="your-drawings">
          <h2 id="your-drawings">Drawings still to come</h2>
          <ul className="list-plain">
            {drawings.map((d) => (
              <li key={d.id}>
                <strong>{d.name}:</strong>{" "}
                {d.missing.length === 0 ? (
                  "You're in the drawing. Stay until the end!"
                ) : (
                  <>
                    not yet. <span>{d.missing.join(" ")}</span>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : won.length === 0 ? (
        <p className="card">
          No drawing is open right now. Check in at the door and give feedback on your sessions to take part.
        </p>
      ) : null}
      {prizes.length > 0 ? (
        <section className="card" aria-labelledby="prize-list">
          <h2 id="prize-list">Prizes donated today</h2>
          <ul className="list-plain">
            {prizes.map((p) => (
              <li key={p.id}>
                {p.quantity} × {p.itemName} <span className="muted">from {p.vendor.company}</span>
                {p.restrictions ? <span className="muted"> · {p.restrictions}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
