import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getEventForCoordinator } from "~/.server/events/events";
import { copyBlocksFromEvent, createBlock, deleteBlock, listBlocks, updateBlock } from "~/.server/schedule/blocks";
import { copySources } from "~/.server/schedule/rooms";
import { Button } from "~/components/button";
import { ErrorMessage } from "~/components/error-message";
import { Field, FormErrors, SelectField } from "~/components/forms";
import { CopyFromEvent } from "~/components/grid/copy-from-event";
import { BLOCK_KIND_LABELS, BLOCK_KINDS, BlockSchema, CopyFromEventSchema, type BlockKind } from "~/schemas/schedule";
import { requireUser } from "~/utils/auth.server";
import { failureOf, formDataToObject, parseSubmission, postedText } from "~/utils/forms";
import { guard, guardForm, invalid } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { useValidatedForm } from "~/utils/use-validated-form";
import { count } from "~/utils/plural";
import { usePending } from "~/utils/use-pending";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Time blocks · ${data.event.name} · Dropin` : "Time blocks · Dropin" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(getEventForCoordinator(user.id, params.slug!));
  const [blocks, sources] = await Promise.all([guard(listBlocks(user.id, event.id)), copySources(user.id, event.id)]);
  const editing = new URL(request.url).searchParams.get("edit");
  return { event, blocks, sources: sources.filter((s) => s._count.timeBlocks > 0), editing };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(getEventForCoordinator(user.id, params.slug!));
  const here = `/events/${event.slug}/blocks`;
  const formData = await request.formData();
  const raw = formDataToObject(formData);
  const blockId = String(raw.blockId ?? "");
  switch (raw.intent) {
    case "create":
    case "update": {
      const submission = parseSubmission(BlockSchema, formData);
      if (!submission.ok) return invalid(submission);
      const saved = await guardForm(
        raw,
        raw.intent === "create"
          ? createBlock(user.id, event.id, submission.data)
          : updateBlock(user.id, blockId, submission.data),
      );
      if (!saved.ok) return invalid(saved.result);
      return redirectWithToast(here, { kind: "success", message: `${saved.value.label} is saved.` });
    }
    case "delete": {
      const block = await guard(deleteBlock(user.id, blockId));
      return redirectWithToast(here, {
        kind: "success",
        message: `${block.label} is deleted; its sessions went back to the tray.`,
      });
    }
    case "copy": {
      const submission = parseSubmission(CopyFromEventSchema, formData);
      if (!submission.ok) return invalid(submission);
      const copied = await guardForm(raw, copyBlocksFromEvent(user.id, event.id, submission.data.sourceEventId));
      if (!copied.ok) return invalid(copied.result);
      const { copied: n, skipped } = copied.value;
      return redirectWithToast(here, {
        kind: "success",
        message: `Copied ${n} time block${n === 1 ? "" : "s"}${skipped ? ` (${skipped} overlapped blocks already here)` : ""}.`,
      });
    }
    default:
      throw data({ message: "Unknown action." }, { status: 400 });
  }
}

const KIND_OPTIONS = BLOCK_KINDS.map((kind) => ({ value: kind, label: BLOCK_KIND_LABELS[kind] }));

export default function Blocks() {
  const { event, blocks, sources, editing: editParam } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const pending = usePending();
  const createFailure = failureOf(result, "create");
  const {
    field,
    onSubmit,
    formErrors,
    pending: adding,
    intentField,
  } = useValidatedForm(BlockSchema, {
    intent: "create",
    defaultValues: { kind: "sessions" },
    lastResult: createFailure,
  });
  // A failed update re-opens the form of the block it names, wherever it was posted
  // from: ?edit= is only how the form is opened, and a no-JS post does not carry it.
  const updateFailure = failureOf(result, "update");
  const editing = updateFailure ? postedText(updateFailure.values.blockId) : editParam;
  const editFailure = updateFailure && blocks.some((b) => b.id === editing) ? updateFailure : null;
  const lostUpdate =
    updateFailure && !editFailure
      ? ["That time block no longer exists: it may have been deleted. Nothing was saved."]
      : [];

  return (
    <>
      <p>
        <Link to={`/events/${event.slug}`}>← {event.name}</Link> · <Link to={`/events/${event.slug}/rooms`}>Rooms</Link>{" "}
        · <Link to={`/events/${event.slug}/grid`}>Grid</Link>
      </p>
      <h1>Time blocks</h1>
      <p className="muted">
        The rows of the grid, in the order of the day ({event.startTime}–{event.endTime}). Sessions go in session
        blocks; a session placed in a break, lunch or keynote gets a warning.
      </p>

      <section className="card" aria-labelledby="blocks-title">
        <h2 id="blocks-title">Blocks ({blocks.length})</h2>
        <FormErrors errors={lostUpdate} />
        {blocks.length === 0 ? <p className="muted">No time blocks yet.</p> : null}
        <ul className="list-plain">
          {blocks.map((block) =>
            editing === block.id ? (
              <li key={block.id}>
                <Form method="post" noValidate aria-label={`Edit ${block.label}`}>
                  <input type="hidden" name="blockId" value={block.id} />
                  <FormErrors errors={editFailure?.formErrors ?? []} />
                  <div className="form-row">
                    {(["label", "startTime", "endTime"] as const).map((name) => (
                      <Field
                        key={name}
                        id={`edit-${block.id}-${name}`}
                        label={name === "label" ? "Label" : name === "startTime" ? "Starts at" : "Ends at"}
                        type={name === "label" ? "text" : "time"}
                        name={name}
                        defaultValue={editFailure ? postedText(editFailure.values[name]) : block[name]}
                        error={editFailure?.fieldErrors[name]?.[0]}
                      />
                    ))}
                    <SelectField
                      id={`edit-${block.id}-kind`}
                      label="What happens"
                      name="kind"
                      options={KIND_OPTIONS}
                      defaultValue={editFailure ? postedText(editFailure.values.kind) : block.kind}
                      error={editFailure?.fieldErrors.kind?.[0]}
                    />
                  </div>
                  <div className="form-actions">
                    <Button name="intent" value="update" disabled={pending({ intent: "update", blockId: block.id })}>
                      Save {block.label}
                    </Button>
                    <Link to=".">Cancel</Link>
                  </div>
                </Form>
              </li>
            ) : (
              <li key={block.id} className="room-row">
                <div>
                  <strong>{block.label}</strong> · {block.startTime}–{block.endTime}
                  <br />
                  <span className="muted">{BLOCK_KIND_LABELS[block.kind as BlockKind] ?? block.kind}</span>
                </div>
                <Form method="post" className="row-actions">
                  <input type="hidden" name="blockId" value={block.id} />
                  <Link to={`?edit=${block.id}`} className="button button-secondary">
                    Edit <span className="visually-hidden">{block.label}</span>
                  </Link>
                  <Button variant="danger" name="intent" value="delete">
                    Delete <span className="visually-hidden">{block.label}</span>
                  </Button>
                </Form>
              </li>
            ),
          )}
        </ul>
      </section>

      <section className="card" aria-labelledby="add-block-title">
        <h2 id="add-block-title">Add a time block</h2>
        <Form method="post" noValidate onSubmit={onSubmit}>
          <FormErrors errors={formErrors} />
          <div className="form-row">
            <Field id="new-block-label" label="Label" placeholder="Block 1" {...field("label")} />
            <Field id="new-block-start" label="Starts at" type="time" {...field("startTime")} />
            <Field id="new-block-end" label="Ends at" type="time" {...field("endTime")} />
            <SelectField id="new-block-kind" label="What happens" options={KIND_OPTIONS} {...field("kind")} />
          </div>
          <div className="form-actions">
            {intentField}
            <Button disabled={adding}>Add block</Button>
          </div>
        </Form>
      </section>

      <CopyFromEvent
        what="time blocks"
        sources={sources.map((s) => ({
          value: s.id,
          label: `${s.name} (${s.date}) · ${count(s._count.timeBlocks, "block")}`,
        }))}
        failure={failureOf(result, "copy")}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
