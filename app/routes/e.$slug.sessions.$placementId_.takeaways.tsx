// After the session: takeaways from the people who were there and resources from
// its presenters (links and files), for the session's people only. Coordinators
// may hide a post; presenters remove their session's resources. Its own page (linked from the session page) so the session page stays as light
// as the phone budget wants; here the forms are checked in the browser with the action's schemas first.
import {
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { hideSessionPost, postTakeaway, sessionPostsFor } from "~/.server/takeaways/takeaways";
import {
  addSessionResource,
  addSessionResourceFile,
  MAX_RESOURCE_FILE_BYTES,
  removeSessionResource,
} from "~/.server/takeaways/resources";
import { AttendeeNav, attendeeLinks } from "~/components/attendee";
import { ErrorMessage } from "~/components/error-message";
import { FormErrors, TextareaField } from "~/components/forms";
import { PostList, SessionResources } from "~/components/session-resources";
import { Button } from "~/components/button";
import { formatClock } from "~/components/schedule";
import { SessionPostSchema, TakeawaySchema, type SessionResourceFileInput } from "~/schemas/circles";
import { requireUser } from "~/utils/auth.server";
import {
  allMessages,
  failure,
  failureOf,
  formDataToObject,
  isFormFailure,
  parseSubmission,
  type FormFailure,
} from "~/utils/forms";
import { guard, guardForm, invalid } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { useValidatedForm } from "~/utils/use-validated-form";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Takeaways · ${data.session.title} · Dropin` : "Takeaways · Dropin" },
];
export const links: LinksFunction = attendeeLinks;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return guard(sessionPostsFor(user.id, params.slug!, params.placementId!));
}

const DONE = {
  takeaway: "Thanks — your takeaway is posted.",
  resource: "The resource is added.",
  file: "The file is added.",
  hide: "The post is hidden.",
  remove: "The resource is removed.",
} as const;

/** A resource file's form: multipart, with the file held in memory up to the limit (a larger one is refused on the field). */
async function readForm(request: Request) {
  if (!request.headers.get("Content-Type")?.startsWith("multipart/form-data")) return request.formData();
  return unstable_parseMultipartFormData(
    request,
    unstable_createMemoryUploadHandler({ maxPartSize: MAX_RESOURCE_FILE_BYTES }),
  ).catch(() => null);
}

async function uploadFile(
  userId: string,
  slug: string,
  placementId: string,
  input: SessionResourceFileInput,
  formData: FormData,
) {
  const file = formData.get("file");
  const upload =
    file instanceof File
      ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
      : { name: "", bytes: new Uint8Array() };
  return addSessionResourceFile(userId, slug, placementId, input, upload);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const slug = params.slug!;
  const placementId = params.placementId!;
  // Only the session's people get as far as the form.
  await guard(sessionPostsFor(user.id, slug, placementId));
  const formData = await readForm(request);
  if (!formData)
    return invalid(failure({ intent: "file" }, { fieldErrors: { file: ["Use a file of at most 10 MB."] } }));
  const submission = parseSubmission(SessionPostSchema, formData);
  if (!submission.ok) return invalid(submission);
  const input = submission.data;
  const work: Promise<unknown> =
    input.intent === "takeaway"
      ? postTakeaway(user.id, slug, placementId, input)
      : input.intent === "resource"
        ? addSessionResource(user.id, slug, placementId, input)
        : input.intent === "file"
          ? uploadFile(user.id, slug, placementId, input, formData)
          : input.intent === "remove"
            ? removeSessionResource(user.id, slug, placementId, input.postId)
            : hideSessionPost(user.id, slug, input.postId);
  const result = await guardForm(formDataToObject(formData), work);
  if (!result.ok) return invalid(result.result);
  return redirectWithToast(`/e/${slug}/sessions/${placementId}/takeaways`, {
    kind: "success",
    message: DONE[input.intent],
  });
}

function TakeawayForm({ failed }: { failed: FormFailure | null }) {
  const { field, onSubmit, formErrors, pending, intentField } = useValidatedForm(TakeawaySchema, {
    intent: "takeaway",
    lastResult: failed,
  });
  return (
    <Form method="post" noValidate onSubmit={onSubmit}>
      {intentField}
      <FormErrors errors={formErrors} />
      <TextareaField
        label="Your takeaway"
        hint="One thing you'll try on Monday, or what stuck with you. The session's people see it with your name."
        maxLength={500}
        {...field("text")}
      />
      <div className="form-actions">
        <Button disabled={pending}>Post takeaway</Button>
      </div>
    </Form>
  );
}

export default function Takeaways() {
  const { event, session, canTakeaway, canAddResource, canHide, canRemove, isOpen, takeaways, resources } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const takeawayFailed = failureOf(result, "takeaway");
  const resourceFailed = failureOf(result, "resource");
  const fileFailed = failureOf(result, "file");
  const other = isFormFailure(result) && !takeawayFailed && !resourceFailed && !fileFailed ? result : null;
  return (
    <>
      <AttendeeNav slug={event.slug} signedIn current="other" />
      <section className="card" aria-labelledby="takeaways-title">
        <p>
          <Link to={`/e/${event.slug}/sessions/${session.placementId}`}>← {session.title}</Link>
        </p>
        <h1 id="takeaways-title">Takeaways</h1>
        {other ? <FormErrors errors={allMessages(other)} /> : null}
        {!isOpen ? (
          <p className="muted">
            Takeaways and resources open when the session starts ({formatClock(session.startTime)}).
          </p>
        ) : null}
        <PostList posts={takeaways} canHide={canHide} empty="No takeaways yet.">
          {(t) => <p>{t.text}</p>}
        </PostList>
        {/* A refused post keeps its form, so the reason shows beside the field. */}
        {canTakeaway || takeawayFailed ? <TakeawayForm failed={takeawayFailed} /> : null}
      </section>
      <SessionResources
        base={`/e/${event.slug}/sessions/${session.placementId}`}
        resources={resources}
        canHide={canHide}
        canRemove={canRemove}
        canAdd={canAddResource}
        linkFailed={resourceFailed}
        fileFailed={fileFailed}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
