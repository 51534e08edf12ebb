import crypto from "node:crypto";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { leaveFeedback } from "~/.server/attendees/feedback";
import { mySessionPart } from "~/.server/attendees/personal-parts";
import { overlapQuestion, overlapsOfSession, viewerPicks } from "~/.server/attendees/picks";
import { getPublishedSession, sessionEnded } from "~/.server/attendees/schedule";
import { AttendeeNav, OverlapQuestion, PickButton, attendeeLinks, useOwnPicks } from "~/components/attendee";
import { AskOwnPartEarly, NoScriptOwnPage, useOwnPart, withNoJs } from "~/components/own-part";
import { ErrorMessage } from "~/components/error-message";
import { audienceText, formatText, placeText, timeRange } from "~/components/schedule";
import { FeedbackSchema } from "~/schemas/attendees";
import { getUser, requireUser } from "~/utils/auth.server";
import { parseSubmission } from "~/utils/forms";
import { guard, guardForm, invalid } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { useLazyValidatedForm } from "~/utils/use-validated-form-lazy";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.session.title} · ${data.event.name} · Dropin` : "Session · Dropin" },
];
export const links: LinksFunction = attendeeLinks;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  // Set when the production server stores this render for every viewer of one kind
  // (server/public-page-cache.ts): nothing of the person goes in; the page asks for their part.
  const shared = context.sharedViewer;
  const [view, user] = await Promise.all([
    guard(getPublishedSession(params.slug!, params.placementId!)),
    shared ? null : getUser(request),
  ]);
  const { event, session } = view;
  const { canPick, picks } = shared
    ? { canPick: shared.canPick, picks: null }
    : await viewerPicks(user?.id ?? null, event.id);
  const ended = sessionEnded(event, session, new Date());
  const url = new URL(request.url);
  const [overlapIds, overlap] = canPick
    ? await Promise.all([
        overlapsOfSession(event.id, session.placementId),
        user ? overlapQuestion(user.id, event.id, url.searchParams.get("overlap")) : null,
      ])
    : [[], null];
  // Rating opens once the block is over; members only.
  const canRate = canPick && ended;
  return {
    event: { slug: event.slug, name: event.name },
    session,
    room: view.room,
    repeats: view.repeats,
    resources: view.resources,
    signedIn: Boolean(user || shared),
    canPick,
    // Undefined on a stored render: the pick button asks GET my-picks (useOwnPicks).
    pickClientId: picks ? (picks[session.placementId] ?? null) : undefined,
    overlaps: overlapIds.map((id) => ({ placementId: id, picked: picks ? id in picks : undefined })),
    overlap,
    formNonce: crypto.randomUUID(),
    canRate,
    mine: user ? await mySessionPart(user.id, session, canRate) : null,
    mineLater: Boolean(shared),
    noScriptHref: shared ? withNoJs(url) : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseSubmission(FeedbackSchema, await request.formData());
  if (!submission.ok) return invalid(submission);
  const result = await guardForm(
    { rating: String(submission.data.rating), comment: submission.data.comment ?? "" },
    leaveFeedback(user.id, params.slug!, params.placementId!, submission.data),
  );
  if (!result.ok) return invalid(result.result);
  return redirectWithToast(`/e/${params.slug}/sessions/${params.placementId}`, {
    kind: "success",
    message: "Thanks — your rating is saved.",
  });
}

type Feedback = { rating: number; comment: string | null } | null;

// Checked in the browser by the same schema, loaded on first focus (useLazyValidatedForm):
// zod and the schema would take this page past the phone JavaScript budget.
function FeedbackForm({ feedback }: { feedback: Feedback }) {
  const failed = useActionData<typeof action>();
  // The page's other forms post to /e/<slug>/picks: any post to this route is this form's.
  const refused = failed && !failed.ok ? failed : null;
  const { formProps, errorFor, pending } = useLazyValidatedForm("FeedbackSchema", refused);
  const rating = refused ? String(refused.values.rating ?? "") : String(feedback?.rating ?? "");
  const ratingError = errorFor("rating");
  const commentError = errorFor("comment");
  return (
    <section className="card" aria-labelledby="rate-title">
      <h2 id="rate-title">{feedback ? "Your rating" : "How was it?"}</h2>
      <p className="muted">Presenters see ratings and comments without your name.</p>
      <Form method="post" {...formProps}>
        {refused?.formErrors.length ? (
          <div className="form-errors" role="alert">
            {refused.formErrors.map((m) => (
              <p key={m}>{m}</p>
            ))}
          </div>
        ) : null}
        <fieldset className="rating" aria-describedby={ratingError ? "rating-error" : undefined}>
          <legend>Rating</legend>
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="rating-choice">
              <input type="radio" name="rating" value={n} defaultChecked={rating === String(n)} /> {n}
              <span className="visually-hidden"> out of 5</span>
            </label>
          ))}
          {ratingError ? (
            <p id="rating-error" className="field-error">
              {ratingError}
            </p>
          ) : null}
        </fieldset>
        {/* Plain markup rather than ~/components/forms: it keeps this page inside the phone JS budget. */}
        <div className="field">
          <label htmlFor="feedback-comment">Comment (optional)</label>
          <textarea
            id="feedback-comment"
            name="comment"
            rows={4}
            defaultValue={refused ? String(refused.values.comment ?? "") : (feedback?.comment ?? "")}
            aria-invalid={commentError ? true : undefined}
            aria-describedby={commentError ? "feedback-comment-error" : undefined}
          />
          {commentError ? (
            <p id="feedback-comment-error" className="field-error">
              {commentError}
            </p>
          ) : null}
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={pending}>
            {feedback ? "Update rating" : "Send rating"}
          </button>
        </div>
      </Form>
    </section>
  );
}

export default function SessionPage() {
  const {
    event,
    session,
    room,
    repeats,
    resources,
    signedIn,
    canPick,
    pickClientId,
    overlaps,
    overlap,
    formNonce,
    canRate,
    mine,
    mineLater,
    noScriptHref,
  } = useLoaderData<typeof loader>();
  useOwnPicks(event.slug, mineLater && canPick);
  const own = useOwnPart(event.slug, `session/${session.placementId}`, mine, mineLater).part;
  // A refused rating (sent before rating opened, or invalid) keeps its form so the message shows beside the field.
  const failed = useActionData<typeof action>();
  const place = placeText(room ?? undefined);
  return (
    <>
      <AttendeeNav slug={event.slug} signedIn={signedIn} current="other" />
      <AskOwnPartEarly slug={event.slug} path={`session/${session.placementId}`} later={mineLater} />
      <NoScriptOwnPage href={noScriptHref} />
      {overlap ? (
        <OverlapQuestion
          slug={event.slug}
          question={overlap}
          formClientId={`${formNonce}-overlap`}
          returnTo={`/e/${event.slug}/sessions/${session.placementId}`}
        />
      ) : null}
      <article className="card" aria-labelledby="session-title">
        <p className="session-meta">
          {session.blockLabel} · {timeRange(session.startTime, session.endTime)}
        </p>
        <h1 id="session-title">{session.title}</h1>
        <p>
          <Link to={`/e/${event.slug}/rooms/${session.roomId}`}>{session.roomName}</Link>
          {place ? ` — ${place}` : ""}
        </p>
        <p>With {session.presenters.map((p) => p.name).join(", ")}</p>
        {session.summary ? <p>{session.summary}</p> : null}
        <p className="session-meta">
          {[
            session.audience.length ? `For: ${audienceText(session.audience)}` : "",
            formatText(session.format),
            ...session.tags,
          ]
            .filter(Boolean)
            .join(" · ")}
        </p>
        {canPick ? (
          <PickButton
            slug={event.slug}
            placementId={session.placementId}
            title={session.title}
            pickClientId={pickClientId}
            formClientId={`${formNonce}-${session.placementId}`.slice(0, 64)}
            returnTo={`/e/${event.slug}/sessions/${session.placementId}`}
            overlaps={overlaps}
          />
        ) : null}
      </article>
      {repeats.length ? (
        <section className="card" aria-labelledby="repeats-title">
          <h2 id="repeats-title">Also runs</h2>
          <ul className="list-plain">
            {repeats.map((r) => (
              <li key={r.placementId}>
                <Link to={`/e/${event.slug}/sessions/${r.placementId}`}>
                  {r.blockLabel}, {timeRange(r.startTime, r.endTime)}
                </Link>{" "}
                in {r.roomName}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {resources.length ? (
        <section className="card" aria-labelledby="resources-title">
          <h2 id="resources-title">Slides and handouts</h2>
          <ul>
            {resources.map((r) => (
              <li key={r.id}>
                <a href={r.url} rel="noopener noreferrer">
                  {r.label}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {signedIn ? (
        <p>
          <Link to={`/e/${event.slug}/sessions/${session.placementId}/takeaways`}>Takeaways and resources</Link>
        </p>
      ) : null}
      {own?.isPresenter ? (
        <p>
          <Link to={`/proposals/${session.proposalId}/feedback`}>Feedback on your session</Link>
        </p>
      ) : null}
      {/* Keyed on the rating: a stored render's form gets the person's own rating once it arrives. */}
      {canRate || (failed && !failed.ok) ? (
        <FeedbackForm key={own?.feedback ? "rated" : "new"} feedback={own?.feedback ?? null} />
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
