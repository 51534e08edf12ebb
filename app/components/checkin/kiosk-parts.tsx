// Pieces of the door kiosk page: what its panels say for the JSON API's answers,
// the list of scans waiting to sync, the name-search results, and the service
// worker that lets the page open again after a reload with the server down.
import { Form } from "@remix-run/react";
import { useEffect, type FormEvent } from "react";
import { Button } from "~/components/button";
import { Field, FormErrors } from "~/components/forms";
import type { PersonSchema } from "~/schemas/checkin";
import type { useValidatedForm } from "~/utils/use-validated-form";
import type { KioskPanel } from "./kiosk-client";
import type { QueuedScan, ScanAnswer } from "./kiosk-queue";

export function panelFor(answer: ScanAnswer): KioskPanel {
  const who = [answer.name, answer.school].filter(Boolean).join(" · ");
  switch (answer.status) {
    case "checked_in":
      return { status: "checked_in", title: "Checked in", detail: who };
    case "already":
      return { status: "already", title: `Already checked in at ${answer.time}`, detail: who };
    case "closed":
      return { status: "closed", title: "Doors are not open yet", detail: answer.message };
    case "unknown":
      return {
        status: "unknown",
        title: "Not on this PD day's list",
        detail: "Check the badge is for this PD day, or register them as a walk-in.",
      };
  }
}

export function queuedPanel(name: string | undefined): KioskPanel {
  return {
    status: "queued",
    title: "Saved offline",
    detail: `${name ? `${name}: ` : ""}the server did not answer. This check-in is kept on this device and sent by itself when the server is back.`,
  };
}

/** After queued scans went through: how many, and what became of them. */
export function syncedPanel(answers: ScanAnswer[]): KioskPanel {
  const count = (status: ScanAnswer["status"]) => answers.filter((a) => a.status === status).length;
  const refused = [
    count("unknown") ? `${count("unknown")} not on the list` : "",
    count("closed") ? `${count("closed")} before the doors opened (not checked in)` : "",
  ].filter(Boolean);
  return {
    status: "synced",
    title: `${answers.length} queued ${answers.length === 1 ? "scan" : "scans"} synced`,
    detail: [
      `${count("checked_in")} checked in.`,
      count("already") ? `${count("already")} already in.` : "",
      refused.join(", "),
    ]
      .filter(Boolean)
      .join(" "),
  };
}

function scanLabel(scan: QueuedScan) {
  return scan.name ?? `Badge code …${(scan.token ?? "").slice(-6)}`;
}

/** Whose check-ins are waiting on this device, oldest first. */
export function WaitingList({ waiting }: { waiting: QueuedScan[] }) {
  if (waiting.length === 0) return null;
  return (
    <section className="card kiosk-queue" aria-labelledby="waiting-title">
      <h2 id="waiting-title">Waiting to sync ({waiting.length})</h2>
      <ul className="list-plain">
        {waiting.map((scan) => (
          <li key={scan.clientId}>
            {scanLabel(scan)}
            <span className="muted">
              {" "}
              · {new Date(scan.scannedAt).toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit" })}
            </span>
          </li>
        ))}
      </ul>
      <p className="muted">
        Kept on this device and sent by itself when the server answers. Keep checking people in; do not clear this
        browser&apos;s data.
      </p>
    </section>
  );
}

export type PersonRow = { id: string; name: string; school: string | null; checkedInAt: string | null };

/**
 * Search results, each with its own check-in form. Without JavaScript the form
 * posts to the page; with it, `onCheckIn` sends the check-in through the queue.
 */
export function PersonResults({
  people,
  onCheckIn,
}: {
  people: PersonRow[];
  onCheckIn?: (person: PersonRow, event: FormEvent<HTMLFormElement>) => void;
}) {
  return (
    <ul className="list-plain kiosk-results">
      {people.map((person) => (
        <li key={person.id}>
          <span>
            <strong>{person.name}</strong>
            {person.school ? ` · ${person.school}` : ""}
            {person.checkedInAt ? <span className="muted"> · in at {person.checkedInAt}</span> : null}
          </span>
          <form method="post" onSubmit={onCheckIn ? (e) => onCheckIn(person, e) : undefined}>
            <input type="hidden" name="intent" value="user" />
            <input type="hidden" name="userId" value={person.id} />
            <Button variant="secondary" aria-label={`Check in ${person.name}`}>
              Check in
            </Button>
          </form>
        </li>
      ))}
    </ul>
  );
}

/**
 * The kiosk registers the service worker for its own address and asks it to keep
 * this page and the build files it loaded, so a reload with the server down still
 * opens the kiosk (public/sw.js). Staff pages elsewhere are never cached.
 */
export function useKioskServiceWorker(slug: string) {
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    const shell = `/events/${slug}/kiosk`;
    const assets = performance
      .getEntriesByType("resource")
      .map((entry) => entry.name)
      .filter((name) => new URL(name).pathname.startsWith("/assets/"));
    navigator.serviceWorker
      .register("/sw.js", { scope: shell })
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => registration.active?.postMessage({ type: "warm", urls: [shell, ...assets] }))
      .catch(() => {});
  }, [slug]);
}

/**
 * Register a walk-in: a plain post without JavaScript; with it, the form (its
 * `send`) queues the checked walk-in like a scan.
 */
export function WalkInForm({ form }: { form: ReturnType<typeof useValidatedForm<typeof PersonSchema>> }) {
  return (
    <section className="card" aria-labelledby="walkin-title">
      <h2 id="walkin-title">Register a walk-in</h2>
      <Form method="post" onSubmit={form.onSubmit} noValidate>
        {form.intentField}
        <FormErrors errors={form.formErrors} />
        <div className="form-row">
          <Field label="Name" required {...form.field("name")} />
          <Field label="Email" type="email" required {...form.field("email")} />
          <Field label="School (optional)" {...form.field("school")} />
        </div>
        <div className="form-actions">
          <Button variant="secondary" disabled={form.pending}>
            Register and check in
          </Button>
        </div>
      </Form>
    </section>
  );
}
