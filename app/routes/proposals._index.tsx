import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { appLink } from "~/.server/outbox/outbox";
import { listMyProposals } from "~/.server/proposals/proposal-access";
import { STATE_LABELS, type ProposalState } from "~/.server/proposals/states";
import { myPresenterFeeds, resetPresenterFeed } from "~/.server/schedule/public-schedule";
import { Button } from "~/components/button";
import { ErrorMessage } from "~/components/error-message";
import { FormErrors } from "~/components/forms";
import { PresenterFeedResetSchema } from "~/schemas/attendees";
import { requireUser } from "~/utils/auth.server";
import { formatEventDate, formatTimestamp } from "~/utils/dates";
import { allMessages, parseSubmission } from "~/utils/forms";
import { guard, invalid } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { usePending } from "~/utils/use-pending";

export const meta: MetaFunction = () => [{ title: "My proposals · Dropin" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [proposals, feeds] = await Promise.all([listMyProposals(user.id), myPresenterFeeds(user.id)]);
  return {
    proposals: proposals.map((p) => ({ ...p, stateLabel: STATE_LABELS[p.state as ProposalState] ?? p.state })),
    feeds: feeds.map(({ event, token }) => ({
      event,
      feedUrl: token ? appLink(`/e/${event.slug}/presenters/${token}.ics`) : null,
      printUrl: token ? `/e/${event.slug}/presenters/${token}/print` : null,
    })),
  };
}

// The only form here: a new private address for one PD day's presenter feed and print page.
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseSubmission(PresenterFeedResetSchema, await request.formData());
  if (!submission.ok) return invalid(submission);
  const { replaced } = await guard(resetPresenterFeed(user.id, submission.data.eventId));
  return redirectWithToast("/proposals#presenter-feeds-title", {
    kind: "success",
    message: replaced
      ? "Your sessions have a new private address. The old calendar and print links no longer work."
      : "Here is the private address of your sessions.",
  });
}

function PresenterFeeds() {
  const { feeds } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const pending = usePending();
  if (feeds.length === 0) return null;
  return (
    <section className="card" aria-labelledby="presenter-feeds-title">
      <h2 id="presenter-feeds-title">Your sessions in your calendar</h2>
      <p>Private addresses for the days you present: subscribe in your calendar app, or print your day.</p>
      <FormErrors errors={failed && !failed.ok ? allMessages(failed) : []} />
      <ul className="list-plain">
        {feeds.map(({ event, feedUrl, printUrl }) => (
          <li key={event.id}>
            <h3>
              {event.name} · {formatEventDate(event.date)}
            </h3>
            {feedUrl && printUrl ? (
              <>
                <p className="break-anywhere">
                  <a href={feedUrl}>{feedUrl}</a>
                </p>
                <p>
                  <a href={printUrl}>Your schedule to print</a>
                </p>
              </>
            ) : null}
            <Form method="post">
              <input type="hidden" name="eventId" value={event.id} />
              <Button
                variant="secondary"
                name="intent"
                value="reset-feed"
                disabled={pending({ intent: "reset-feed", eventId: event.id })}
                aria-label={`${feedUrl ? "Reset these links" : "Get my links"} for ${event.name}`}
              >
                {feedUrl ? "Reset these links" : "Get my links"}
              </Button>
            </Form>
          </li>
        ))}
      </ul>
      <p className="muted">
        Shared a link by mistake? Resetting gives new addresses; the old ones stop working at once.
      </p>
    </section>
  );
}

export default function MyProposals() {
  const { proposals } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>My proposals</h1>
      {proposals.length === 0 ? (
        <section className="card">
          <p>You have not proposed a session yet. Open your PD day’s page and choose “Propose a session”.</p>
        </section>
      ) : (
        <ul className="list-plain card" aria-label="Proposals">
          {proposals.map((p) => (
            <li key={p.id} className="proposal-row">
              <Link to={`/proposals/${p.id}`} className="proposal-row-title">
                {p.title || "Untitled draft"}
              </Link>
              <span className={`tag tag-state-${p.state}`}>{p.stateLabel}</span>
              <span className="muted">
                {p.event.name} · {formatEventDate(p.event.date)}
                {p.isLead ? "" : " · co-presenting"} · updated {formatTimestamp(p.updatedAt, p.event.timeZone)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <PresenterFeeds />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
