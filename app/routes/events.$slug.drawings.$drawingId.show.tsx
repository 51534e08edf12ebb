import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useNavigate } from "@remix-run/react";
import { useEffect } from "react";
import { getDrawingForShow } from "~/.server/drawings/drawing-views";
import { getEventForCoordinator } from "~/.server/events/events";
import { ErrorMessage } from "~/components/error-message";
import { requireUser } from "~/utils/auth.server";
import { guard } from "~/utils/http.server";
import { count } from "~/utils/plural";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.drawing.name} · Projector · Dropin` : "Projector · Dropin" },
];

// The reveal state lives in the URL (?shown=N), so "Next winner" is a plain link that
// works without JavaScript, and a reload never reveals more than the room has seen.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(getEventForCoordinator(user.id, params.slug!));
  const drawing = await guard(getDrawingForShow(user.id, event.id, params.drawingId!));
  const requested = Number.parseInt(new URL(request.url).searchParams.get("shown") ?? "0", 10);
  const shown = Math.min(Math.max(Number.isFinite(requested) ? requested : 0, 0), drawing.winners.length);
  return {
    event: { name: event.name, slug: event.slug },
    drawing: { name: drawing.name, poolSize: drawing.poolSize, status: drawing.status, total: drawing.winners.length },
    revealed: drawing.winners.slice(0, shown).map((w) => ({
      id: w.id,
      name: w.user.name,
      school: w.user.school,
      itemName: w.donation.itemName,
      company: w.donation.vendor.company,
    })),
    shown,
  };
}

export default function ProjectorView() {
  const { event, drawing, revealed, shown } = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  const hasNext = shown < drawing.total;
  const nextHref = `?shown=${shown + 1}`;
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (!hasNext || (e.key !== " " && e.key !== "ArrowRight")) return;
      // Space on a focused link or button already activates it; don't reveal twice.
      if (e.target instanceof HTMLElement && e.target.closest("a, button")) return;
      e.preventDefault();
      navigate(nextHref, { replace: true, preventScrollReset: true });
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [hasNext, navigate, nextHref]);
  const latest = revealed[revealed.length - 1];
  return (
    <div className="projector">
      <p className="projector-nav">
        <Link to={`/events/${event.slug}/drawings`}>← Drawings</Link>
      </p>
      <h1>{drawing.name}</h1>
      {drawing.status !== "drawn" ? (
        <p className="projector-big">Not drawn yet.</p>
      ) : (
        <>
          <div className="projector-stage" aria-live="polite">
            {latest ? (
              <>
                <p className="projector-big">{latest.name}</p>
                <p className="projector-prize">
                  wins {latest.itemName} <span>from {latest.company}</span>
                </p>
              </>
            ) : (
              <p className="projector-big">
                {count(drawing.total, "prize")} · {count(drawing.poolSize, "person", "people")} in the drawing
              </p>
            )}
          </div>
          {hasNext ? (
            <Link className="button button-primary projector-next" to={nextHref} replace preventScrollReset>
              {shown === 0 ? "Reveal the first winner" : "Next winner"}
            </Link>
          ) : (
            <p className="projector-done">
              {drawing.total === 1 ? "The winner is revealed." : `All ${count(drawing.total, "winner")} revealed.`}{" "}
              Congratulations!
            </p>
          )}
          {revealed.length > 1 ? (
            <ol className="projector-list">
              {revealed.slice(0, -1).map((w) => (
                <li key={w.id}>
                  {w.name} · {w.itemName}
                </li>
              ))}
            </ol>
          ) : null}
          <p className="projector-hint">Space or → shows the next winner.</p>
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
