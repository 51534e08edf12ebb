// After the session: takeaways from the people who were there and resources from
// its presenters, for the session's people only. Coordinators may hide a post.
// Its own page (linked from the session page) so the session page stays as light
// as the phone budget wants; forms are plain posts, parsed on the server.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { addSessionResource, hideSessionPost, postTakeaway, sessionPostsFor } from "~/.server/takeaways/takeaways";
import { AttendeeNav, attendeeLinks } from "~/components/attendee";
import { ErrorMessage } from "~/components/error-message";
import { Field, FormErrors, TextareaField } from "~/components/forms";
import { SessionPostSchema } from "~/schemas/circles";
import { requireUser } from "~/utils/auth.server";
import { allMessages, failureOf, formDataToObject, isFormFailure, parseSubmission, postedText } from "~/utils/forms";
import { guard, guardForm, invalid } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Takeaways · ${data.session.title} · Dropin` : "Takeaways · Dropin" },
];
export const links: LinksFunction = attendeeLinks;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return guard(sessionPostsFor(user.id, params.slug!, params.placementId!));
}

const DONE = { takeaway: "Thanks — your takeaway is posted.", resource: "The resource is added.", hide: "The post is hidden." } as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const slug = params.slug!;
  const placementId = params.placementId!;
  // Only the session's people get as far as the form.
  await guard(sessionPostsFor(user.id, slug, placementId));
  const formData = await request.formData();
  const submission = parseSubmission(SessionPostSchema, formData);
  if (!submission.ok) return invalid(submission);
  const input = submission.data;
  const work: Promise<unknown> =
    input.intent === "takeaway"
      ? postTakeaway(user.id, slug, placementId, input)
      : input.intent === "resource"
        ? addSessionResource(user.id, slug, placementId, input)
        : hideSessionPost(user.id, slug, input.postId);
  const result = await guardForm(formDataToObject(formData), work);
  if (!result.ok) return invalid(result.result);
  return redirectWithToast(`/e/${slug}/sessions/${placementId}/takeaways`, { kind: "success", message: DONE[input.intent] });
}

function HideButton({ postId }: { postId: string }) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value="hide" />
      <input type="hidden" name="postId" value={postId} />
      <button type="submit" className="button button-secondary">
        Hide
      </button>
    </Form>
  );
}

type Post = { id: string; text: string; url: string; by: string; hiddenAt: Date | string | null };

/** Takeaways or resources: each with its author, marked when hidden, with Hide for coordinators. */
function PostList({ posts, canHide, empty, children }: { posts: Post[]; canHide: boolean; empty: string; children: (post: Post) => ReactNode }) {
  if (posts.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="list-plain post-list">
      {posts.map((post) => (
        <li key={post.id} className={post.hiddenAt ? "muted" : undefined}>
          {children(post)}
          <p className="session-meta">
            {post.by}
            {post.hiddenAt ? " · hidden" : ""}
          </p>
          {canHide && !post.hiddenAt ? <HideButton postId={post.id} /> : null}
        </li>
      ))}
    </ul>
  );
}

export default function Takeaways() {
  const { event, session, canTakeaway, canAddResource, canHide, isOpen, takeaways, resources } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const takeawayFailed = failureOf(result, "takeaway");
  const resourceFailed = failureOf(result, "resource");
  const other = isFormFailure(result) && !takeawayFailed && !resourceFailed ? result : null;
  return (
    <>
      <AttendeeNav slug={event.slug} signedIn current="other" />
      <section className="card" aria-labelledby="takeaways-title">
        <p>
          <Link to={`/e/${event.slug}/sessions/${session.placementId}`}>← {session.title}</Link>
        </p>
        <h1 id="takeaways-title">Takeaways</h1>
        {other ? <FormErrors errors={allMessages(other)} /> : null}
        {!isOpen ? <p className="muted">Takeaways and resources open when the session starts ({session.startTime}).</p> : null}
        <PostList posts={takeaways} canHide={canHide} empty="No takeaways yet.">
          {(t) => <p>{t.text}</p>}
        </PostList>
        {/* A refused post keeps its form, so the reason shows beside the field. */}
        {canTakeaway || takeawayFailed ? (
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="takeaway" />
            <FormErrors errors={takeawayFailed?.formErrors ?? []} />
            <TextareaField
              label="Your takeaway"
              name="text"
              hint="One thing you'll try on Monday, or what stuck with you. The session's people see it with your name."
              maxLength={500}
              defaultValue={postedText(takeawayFailed?.values.text)}
              error={takeawayFailed?.fieldErrors.text?.[0]}
            />
            <div className="form-actions">
              <button type="submit" className="button button-primary">
                Post takeaway
              </button>
            </div>
          </Form>
        ) : null}
      </section>
      <section className="card" aria-labelledby="session-resources-title">
        <h2 id="session-resources-title">Resources from the presenters</h2>
        <PostList posts={resources} canHide={canHide} empty="No resources yet.">
          {(r) => (
            <p>
              <a href={r.url} rel="noopener noreferrer">
                {r.text}
              </a>
            </p>
          )}
        </PostList>
        {canAddResource || resourceFailed ? (
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="resource" />
            <FormErrors errors={resourceFailed?.formErrors ?? []} />
            <Field label="Name" name="label" maxLength={120} defaultValue={postedText(resourceFailed?.values.label)} error={resourceFailed?.fieldErrors.label?.[0]} />
            <Field
              label="Link"
              name="url"
              type="url"
              hint="Slides, a handout or a folder, shared so the session's people can open it."
              defaultValue={postedText(resourceFailed?.values.url)}
              error={resourceFailed?.fieldErrors.url?.[0]}
            />
            <div className="form-actions">
              <button type="submit" className="button button-primary">
                Add resource
              </button>
            </div>
          </Form>
        ) : null}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
