import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { feedbackSummary } from "~/.server/attendees/feedback";
import { ErrorMessage } from "~/components/error-message";
import { requireUser } from "~/utils/auth.server";
import { guard } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Feedback · ${data?.proposal.title ?? "Session"} · Dropin` }];

// Presenters see counts and comments without names; the event's coordinators see names too.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return guard(feedbackSummary(user.id, params.id!));
}

export default function SessionFeedback() {
  const { proposal, count, average, byRating, comments } = useLoaderData<typeof loader>();
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
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
