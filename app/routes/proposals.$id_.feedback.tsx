import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { feedbackSummary } from "~/.server/attendees/feedback";
import { takeawaysForPresenter } from "~/.server/takeaways/takeaways";
import { ErrorMessage } from "~/components/error-message";
import { requireUser } from "~/utils/auth.server";
import { guard } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Feedback · ${data?.proposal.title ?? "Session"} · Dropin` },
];

// Presenters see counts and comments without names; the event's coordinators see names too.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const summary = await guard(feedbackSummary(user.id, params.id!));
  // Read only after feedbackSummary let this person see the session's feedback.
  return { ...summary, takeaways: await takeawaysForPresenter(summary.proposal.id) };
}

export default function SessionFeedback() {
  const { proposal, count, average, byRating, comments, takeaways } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={`/e/${proposal.event.slug}`}>← {proposal.event.name}</Link>
      </p>
      <h1>Feedback: {proposal.title}</h1>
      {count === 0 ? (
        <p className="card">No ratings yet. Attendees can rate a session once its block has ended.</p>
      ) : (
        <>
          <p className="card feedback-summary">
            <strong>
              {count} {count === 1 ? "rating" : "ratings"}, average {average} out of 5
            </strong>
          </p>
          <table className="table">
            <caption className="visually-hidden">Ratings by score</caption>
            <thead>
              <tr>
                <th scope="col">Rating</th>
                <th scope="col">People</th>
              </tr>
            </thead>
            <tbody>
              {byRating.map((r) => (
                <tr key={r.rating}>
                  <td>{r.rating} out of 5</td>
                  <td>{r.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>Comments</h2>
          {comments.length ? (
            <ul className="list-plain feedback-comments">
              {comments.map((c) => (
                <li key={c.id} className="card">
                  <p>{c.comment}</p>
                  <p className="muted">
                    Rated {c.rating} out of 5{c.by ? ` · ${c.by}` : ""}
                  </p>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">No comments yet.</p>
          )}
        </>
      )}
      <h2>Takeaways</h2>
      {takeaways.length ? (
        <ul className="list-plain feedback-comments">
          {takeaways.map((t) => (
            <li key={t.id} className="card">
              <p>{t.text}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No takeaways yet. People who were in the session post them from its page.</p>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
