// The posts of a session's takeaways page: takeaways and presenters' resources
// (links, and files served by /e/<slug>/sessions/<id>/resources/<postId>), with
// Hide for coordinators and Remove for the session's presenters. Every form is a
// plain post, so it works without JavaScript.
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { Button } from "~/components/button";
import { Field, FormErrors } from "~/components/forms";
import { SessionResourceFileSchema, SessionResourceSchema } from "~/schemas/circles";
import type { FormFailure } from "~/utils/forms";
import { usePending } from "~/utils/use-pending";
import { useValidatedForm } from "~/utils/use-validated-form";

function PostButton({
  intent,
  postId,
  label,
  name,
}: {
  intent: "hide" | "remove";
  postId: string;
  label: string;
  name?: string;
}) {
  const pending = usePending()({ intent, postId });
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="postId" value={postId} />
      <Button variant="secondary" disabled={pending} aria-label={name ? `${label} ${name}` : undefined}>
        {label}
      </Button>
    </Form>
  );
}

type Post = { id: string; text: string; by: string; hiddenAt: Date | string | null };

/** Takeaways or resources: each with its author, marked when hidden, with Hide for coordinators (and Remove, when given). */
export function PostList<P extends Post>({
  posts,
  canHide,
  canRemove = false,
  empty,
  children,
}: {
  posts: P[];
  canHide: boolean;
  canRemove?: boolean;
  empty: string;
  children: (post: P) => ReactNode;
}) {
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
          {canHide && !post.hiddenAt ? <PostButton intent="hide" postId={post.id} label="Hide" /> : null}
          {canRemove ? <PostButton intent="remove" postId={post.id} label="Remove" name={post.text} /> : null}
        </li>
      ))}
    </ul>
  );
}

type Resource = Post & { url: string; file: { name: string; type: string; bytes: number } | null };

const KIND: Record<string, string> = {
  "application/pdf": "PDF",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "PowerPoint",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel",
};

function fileSummary(file: { type: string; bytes: number }) {
  const kind = KIND[file.type] ?? "Picture";
  const size =
    file.bytes < 1_000_000
      ? `${Math.max(1, Math.round(file.bytes / 1000))} KB`
      : `${(file.bytes / 1_000_000).toFixed(1)} MB`;
  return `${kind}, ${size}`;
}

/** The resources section: the list, then (for presenters, once the session started) a link form and a file form. */
export function SessionResources({
  base,
  resources,
  canHide,
  canRemove,
  canAdd,
  linkFailed,
  fileFailed,
}: {
  /** The session's URL, /e/<slug>/sessions/<placementId>. */
  base: string;
  resources: Resource[];
  canHide: boolean;
  canRemove: boolean;
  canAdd: boolean;
  linkFailed: FormFailure | null;
  fileFailed: FormFailure | null;
}) {
  return (
    <section className="card" aria-labelledby="session-resources-title">
      <h2 id="session-resources-title">Resources from the presenters</h2>
      <PostList posts={resources} canHide={canHide} canRemove={canRemove} empty="No resources yet.">
        {(r) =>
          r.file ? (
            <p>
              <a href={`${base}/resources/${r.id}`}>{r.text}</a> <span className="muted">({fileSummary(r.file)})</span>
            </p>
          ) : (
            <p>
              <a href={r.url} rel="noopener noreferrer">
                {r.text}
              </a>
            </p>
          )
        }
      </PostList>
      {/* A refused post keeps its form, so the reason shows beside the field. */}
      {canAdd || linkFailed ? <LinkForm failed={linkFailed} /> : null}
      {canAdd || fileFailed ? <FileForm failed={fileFailed} /> : null}
    </section>
  );
}

function LinkForm({ failed }: { failed: FormFailure | null }) {
  const { field, onSubmit, formErrors, pending, intentField } = useValidatedForm(SessionResourceSchema, {
    intent: "resource",
    lastResult: failed,
  });
  return (
    <Form method="post" noValidate onSubmit={onSubmit} aria-labelledby="add-link-title">
      <h3 id="add-link-title">Add a link</h3>
      {intentField}
      <FormErrors errors={formErrors} />
      <Field label="Name" maxLength={120} {...field("label")} />
      <Field
        label="Link"
        type="url"
        hint="Slides, a handout or a folder, shared so the session's people can open it."
        {...field("url")}
      />
      <div className="form-actions">
        <Button disabled={pending}>Add resource</Button>
      </div>
    </Form>
  );
}

/** The file itself is checked by the server only (its type from its first bytes); its name here first. */
function FileForm({ failed }: { failed: FormFailure | null }) {
  const { field, errorFor, onSubmit, formErrors, pending, intentField } = useValidatedForm(SessionResourceFileSchema, {
    intent: "file",
    lastResult: failed,
  });
  return (
    <Form method="post" encType="multipart/form-data" noValidate onSubmit={onSubmit} aria-labelledby="add-file-title">
      <h3 id="add-file-title">Add a file</h3>
      {intentField}
      <FormErrors errors={formErrors} />
      <Field
        label="File name"
        maxLength={120}
        hint="What the session's people see, e.g. “Handout”."
        {...field("label")}
      />
      <Field
        label="File"
        name="file"
        type="file"
        accept=".pdf,.pptx,.docx,.xlsx,image/jpeg,image/png,image/webp"
        hint="PDF, PowerPoint, Word, Excel or a picture (JPEG, PNG, WebP), at most 10 MB."
        error={errorFor("file")}
      />
      <div className="form-actions">
        <Button disabled={pending}>Upload file</Button>
      </div>
    </Form>
  );
}
