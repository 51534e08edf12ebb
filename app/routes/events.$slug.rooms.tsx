import {
  data,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getEventForCoordinator } from "~/.server/events/events";
import {
  copyRoomsFromEvent,
  copySources,
  createRoom,
  deleteRoom,
  importRoomsCsv,
  listRooms,
  moveRoom,
  updateRoom,
  type ImportError,
} from "~/.server/schedule/rooms";
import { Button } from "~/components/button";
import { ErrorMessage } from "~/components/error-message";
import { FormErrors, TextareaField } from "~/components/forms";
import { CopyFromEvent } from "~/components/grid/copy-from-event";
import { RoomFields } from "~/components/grid/room-fields";
import { CopyFromEventSchema, ROOM_FEATURE_LABELS, RoomSchema, splitList, type RoomFeature } from "~/schemas/schedule";
import { requireUser } from "~/utils/auth.server";
import { failureOf, formDataToObject, parseSubmission, postedText } from "~/utils/forms";
import { guard, guardForm, invalid } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";
import { useValidatedForm } from "~/utils/use-validated-form";
import { count } from "~/utils/plural";
import { usePending } from "~/utils/use-pending";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Rooms · ${data.event.name} · Dropin` : "Rooms · Dropin" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(getEventForCoordinator(user.id, params.slug!));
  const [rooms, sources] = await Promise.all([guard(listRooms(user.id, event.id)), copySources(user.id, event.id)]);
  const editing = new URL(request.url).searchParams.get("edit");
  return { event, rooms, sources: sources.filter((s) => s._count.rooms > 0), editing };
}

const MAX_CSV_BYTES = 256 * 1024;

/** The CSV upload posts multipart; everything else is a plain form post. */
async function readForm(request: Request) {
  if (!request.headers.get("Content-Type")?.startsWith("multipart/form-data")) return request.formData();
  return unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_CSV_BYTES }));
}

type ImportOutcome = { intent: "import"; created: number; updated: number; errors: ImportError[]; message?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const event = await guard(getEventForCoordinator(user.id, params.slug!));
  const here = `/events/${event.slug}/rooms`;
  let formData: FormData;
  try {
    formData = await readForm(request);
  } catch {
    return data<ImportOutcome>(
      {
        intent: "import",
        created: 0,
        updated: 0,
        errors: [],
        message: "That file is too large: keep room lists under 256 KB.",
      },
      { status: 400 },
    );
  }
  const raw = formDataToObject(formData);
  const roomId = String(raw.roomId ?? "");
  switch (raw.intent) {
    case "create":
    case "update": {
      const submission = parseSubmission(RoomSchema, formData);
      if (!submission.ok) return invalid(submission);
      const saved = await guardForm(
        raw,
        raw.intent === "create"
          ? createRoom(user.id, event.id, submission.data)
          : updateRoom(user.id, roomId, submission.data),
      );
      if (!saved.ok) return invalid(saved.result);
      return redirectWithToast(here, { kind: "success", message: `${saved.value.name} is saved.` });
    }
    case "delete": {
      const room = await guard(deleteRoom(user.id, roomId));
      return redirectWithToast(here, {
        kind: "success",
        message: `${room.name} is deleted; its sessions went back to the tray.`,
      });
    }
    case "up":
    case "down":
      await guard(moveRoom(user.id, roomId, raw.intent));
      return redirectWithToast(here, { kind: "info", message: "Room order changed." });
    case "copy": {
      const submission = parseSubmission(CopyFromEventSchema, formData);
      if (!submission.ok) return invalid(submission);
      const copied = await guardForm(raw, copyRoomsFromEvent(user.id, event.id, submission.data.sourceEventId));
      if (!copied.ok) return invalid(copied.result);
      const { copied: n, skipped } = copied.value;
      return redirectWithToast(here, {
        kind: "success",
        message: `Copied ${n} room${n === 1 ? "" : "s"}${skipped ? ` (${skipped} already here)` : ""}.`,
      });
    }
    case "import": {
      const file = formData.get("csvFile");
      const text = file instanceof File && file.size > 0 ? await file.text() : String(raw.csv ?? "");
      if (!text.trim()) {
        return data<ImportOutcome>(
          { intent: "import", created: 0, updated: 0, errors: [], message: "Choose a CSV file or paste the rows." },
          { status: 400 },
        );
      }
      const imported = await guardForm(raw, importRoomsCsv(user.id, event.id, text));
      if (!imported.ok) {
        return data<ImportOutcome>(
          {
            intent: "import",
            created: 0,
            updated: 0,
            errors: [],
            message: imported.result.fieldErrors.csv?.[0] ?? imported.result.formErrors[0],
          },
          { status: 400 },
        );
      }
      const { created, updated, errors } = imported.value;
      if (errors.length > 0) return data<ImportOutcome>({ intent: "import", created, updated, errors });
      return redirectWithToast(here, {
        kind: "success",
        message: `Imported ${created} new room${created === 1 ? "" : "s"}, updated ${updated}.`,
      });
    }
    default:
      throw data({ message: "Unknown action." }, { status: 400 });
  }
}

function describeRoom(room: { building: string; floor: string }) {
  return [room.building, room.floor ? `floor ${room.floor}` : ""].filter(Boolean).join(", ");
}

export default function Rooms() {
  const { event, rooms, sources, editing: editParam } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const pending = usePending();
  const createFailure = failureOf(result, "create");
  const {
    field,
    form,
    errorFor,
    onSubmit,
    formErrors,
    values,
    pending: adding,
    intentField,
  } = useValidatedForm(RoomSchema, { intent: "create", lastResult: createFailure });
  const importOutcome = result && "intent" in result && result.intent === "import" ? (result as ImportOutcome) : null;
  // A failed update re-opens the form of the room it names, wherever it was posted
  // from: ?edit= is only how the form is opened, and a no-JS post does not carry it.
  const updateFailure = failureOf(result, "update");
  const editing = updateFailure ? postedText(updateFailure.values.roomId) : editParam;
  const editFailure = updateFailure && rooms.some((r) => r.id === editing) ? updateFailure : null;
  const lostUpdate =
    updateFailure && !editFailure ? ["That room no longer exists: it may have been deleted. Nothing was saved."] : [];

  return (
    <>
      <p>
        <Link to={`/events/${event.slug}`}>← {event.name}</Link> ·{" "}
        <Link to={`/events/${event.slug}/blocks`}>Time blocks</Link> ·{" "}
        <Link to={`/events/${event.slug}/grid`}>Grid</Link>
      </p>
      <h1>Rooms</h1>

      <section className="card" aria-labelledby="rooms-title">
        <h2 id="rooms-title">Rooms ({rooms.length})</h2>
        <FormErrors errors={lostUpdate} />
        {rooms.length === 0 ? (
          <p className="muted">No rooms yet. Add them below, import a CSV, or copy them from another PD day.</p>
        ) : null}
        <ul className="list-plain room-list">
          {rooms.map((room, index) =>
            editing === room.id ? (
              <li key={room.id}>
                <Form method="post" noValidate aria-label={`Edit ${room.name}`}>
                  <input type="hidden" name="roomId" value={room.id} />
                  <FormErrors errors={editFailure?.formErrors ?? []} />
                  <RoomFields
                    idPrefix={`edit-${room.id}`}
                    bind={(name) => ({
                      name,
                      defaultValue: editFailure ? postedText(editFailure.values[name]) : String(room[name]),
                      error: editFailure?.fieldErrors[name]?.[0],
                    })}
                    checked={{
                      features: editFailure ? splitList(editFailure.values.features) : splitList(room.features),
                      accessible: editFailure ? Boolean(editFailure.values.accessible) : room.accessible,
                    }}
                    featuresError={editFailure?.fieldErrors.features?.[0]}
                  />
                  <div className="form-actions">
                    <Button name="intent" value="update" disabled={pending({ intent: "update", roomId: room.id })}>
                      Save {room.name}
                    </Button>
                    <Link to=".">Cancel</Link>
                  </div>
                </Form>
              </li>
            ) : (
              <li key={room.id} className="room-row">
                <div>
                  <strong>{room.name}</strong> · seats {room.capacity}
                  {room.accessible ? " · accessible" : " · not wheelchair accessible"}
                  <br />
                  <span className="muted">
                    {[
                      describeRoom(room),
                      splitList(room.features)
                        .map((f) => ROOM_FEATURE_LABELS[f as RoomFeature] ?? f)
                        .join(", "),
                    ]
                      .filter(Boolean)
                      .join(" · ") || "No features listed"}
                  </span>
                </div>
                <Form method="post" className="row-actions">
                  <input type="hidden" name="roomId" value={room.id} />
                  <Link to={`?edit=${room.id}`} className="button button-secondary">
                    Edit <span className="visually-hidden">{room.name}</span>
                  </Link>
                  {index > 0 ? (
                    <Button variant="secondary" name="intent" value="up">
                      Move left <span className="visually-hidden">{room.name}</span>
                    </Button>
                  ) : null}
                  {index < rooms.length - 1 ? (
                    <Button variant="secondary" name="intent" value="down">
                      Move right <span className="visually-hidden">{room.name}</span>
                    </Button>
                  ) : null}
                  <Button variant="danger" name="intent" value="delete">
                    Delete <span className="visually-hidden">{room.name}</span>
                  </Button>
                </Form>
              </li>
            ),
          )}
        </ul>
      </section>

      <section className="card" aria-labelledby="add-room-title">
        <h2 id="add-room-title">Add a room</h2>
        <Form method="post" noValidate onSubmit={onSubmit}>
          <FormErrors errors={formErrors} />
          <RoomFields
            idPrefix="new-room"
            bind={(name) => field(name)}
            register={(name) => form.register(name)}
            checked={{
              features: splitList(values.features),
              accessible: createFailure ? Boolean(values.accessible) : true,
            }}
            featuresError={errorFor("features")}
          />
          <div className="form-actions">
            {intentField}
            <Button disabled={adding}>Add room</Button>
          </div>
        </Form>
      </section>

      <section className="card" aria-labelledby="import-title">
        <h2 id="import-title">Import rooms from a spreadsheet</h2>
        <p className="muted">
          Save it as CSV with the columns <code>name, building, floor, capacity, features, accessible</code>. Separate
          features with semicolons (<code>projector;charging</code>); accessible is yes or no. A row with the name of an
          existing room updates it.
        </p>
        {importOutcome ? (
          <div className={importOutcome.errors.length || importOutcome.message ? "form-errors" : ""} role="alert">
            {importOutcome.message ? <p>{importOutcome.message}</p> : null}
            {importOutcome.errors.length > 0 ? (
              <>
                <p>
                  Imported {importOutcome.created} new room{importOutcome.created === 1 ? "" : "s"} and updated{" "}
                  {importOutcome.updated}. {count(importOutcome.errors.length, "row")}{" "}
                  {importOutcome.errors.length === 1 ? "needs" : "need"} fixing:
                </p>
                <ul>
                  {importOutcome.errors.map((error) => (
                    <li key={error.row}>
                      Row {error.row}: {error.message}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        ) : null}
        <Form method="post" encType="multipart/form-data">
          <div className="field">
            <label htmlFor="csv-file">CSV file</label>
            <input id="csv-file" type="file" name="csvFile" accept=".csv,text/csv" />
          </div>
          <TextareaField
            label="Or paste the rows (optional)"
            name="csv"
            rows={5}
            placeholder="name,capacity,features&#10;Library,60,projector;charging"
          />
          <div className="form-actions">
            <Button name="intent" value="import" disabled={pending({ intent: "import" })}>
              Import rooms
            </Button>
          </div>
        </Form>
      </section>

      <CopyFromEvent
        what="rooms"
        sources={sources.map((s) => ({
          value: s.id,
          label: `${s.name} (${s.date}) · ${count(s._count.rooms, "room")}`,
        }))}
        failure={failureOf(result, "copy")}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
