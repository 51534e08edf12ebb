import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { badgesPage } from "~/.server/checkin/badges";
import { getEventForCoordinator } from "~/.server/events/events";
import { ErrorMessage } from "~/components/error-message";
import { requireUser } from "~/utils/auth.server";
import { guard } from "~/utils/http.server";
import { count } from "~/utils/plural";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data ? `Badges ${data.sheet.page} of ${data.sheet.pages} · ${data.event.name} · Dropin` : "Badges · Dropin",
  },
];

/** Badges per page of the sheet (the service's page size; kept here for the links' words). */
const BADGES_PER_PAGE = 100;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(getEventForCoordinator(user.id, params.slug!));
  const page = Number(new URL(request.url).searchParams.get("page") ?? "1");
  const sheet = await guard(badgesPage(user.id, event.id, event.slug, page, BADGES_PER_PAGE));
  return { event: { slug: event.slug, name: event.name }, sheet };
}

function Pages({ slug, page, pages }: { slug: string; page: number; pages: number }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Badge pages" className="no-print">
      <p>
        {page > 1 ? <Link to={`/events/${slug}/badges?page=${page - 1}`}>← Previous {BADGES_PER_PAGE}</Link> : null}
        {page > 1 && page < pages ? " · " : null}
        {page < pages ? <Link to={`/events/${slug}/badges?page=${page + 1}`}>Next {BADGES_PER_PAGE} →</Link> : null}
      </p>
    </nav>
  );
}

export default function Badges() {
  const { event, sheet } = useLoaderData<typeof loader>();
  const { badges, page, pages, total } = sheet;
  const first = (page - 1) * BADGES_PER_PAGE + 1;
  return (
    <div className="print-page">
      <p className="no-print">
        <Link to={`/events/${event.slug}/roster`}>← Roster</Link> · {count(total, "badge")}, eight to a sheet
        {pages > 1 ? `, printed ${BADGES_PER_PAGE} at a time` : ""}. Use your browser’s Print command.
      </p>
      <h1 className="no-print">Badges for {event.name}</h1>
      {pages > 1 ? (
        <p className="no-print">
          Page {page} of {pages}: badges {first}–{first + badges.length - 1} of {total}.
        </p>
      ) : null}
      <Pages slug={event.slug} page={page} pages={pages} />
      {badges.length === 0 ? <p>Nobody is on the roster yet.</p> : null}
      <ul className="list-plain badge-sheet">
        {badges.map((b) => (
          <li key={b.id} className="badge">
            <p className="badge-name">{b.name}</p>
            {b.school ? <p className="badge-school">{b.school}</p> : null}
            <div
              className="qr badge-qr"
              role="img"
              aria-label={`Check-in code for ${b.name}`}
              // The SVG comes from the qrcode library, built from our own URL.
              dangerouslySetInnerHTML={{ __html: b.qrSvg }}
            />
            {/* What the door volunteer types when the QR will not scan. */}
            <p className="badge-code">Code {b.code}</p>
            <p className="badge-event">{event.name}</p>
          </li>
        ))}
      </ul>
      <Pages slug={event.slug} page={page} pages={pages} />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
