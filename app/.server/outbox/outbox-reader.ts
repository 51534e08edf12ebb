import { db } from "~/utils/db.server";
import { NotAllowedError } from "../errors";
import { coordinatedEventIds, loadActor } from "../events/permissions";
import { mailIsDelivered } from "./outbox";

const FIELDS = {
  id: true,
  to: true,
  subject: true,
  text: true,
  redactedSubject: true,
  redactedText: true,
  status: true,
  error: true,
  createdAt: true,
  event: { select: { timeZone: true } },
} as const;

/**
 * The messages a coordinator may read: a district coordinator reads everything
 * (account mail has no event); an event coordinator reads their events' mail.
 * Secrets (sign-in codes, join, reset and invitation links) are for their
 * recipient only: event coordinators always get the copy with them removed, so
 * adding someone to a roster and asking for their code gets a coordinator
 * nothing. Only without a mail server do district coordinators see them (the
 * message reaches nobody else then), and the page says mail is not delivered.
 */
export async function listOutbox(actorId: string, { take = 100 }: { take?: number } = {}) {
  const actor = await loadActor(actorId);
  const delivered = mailIsDelivered();
  if (actor.isDistrictCoordinator) {
    const rows = await db.outboxMessage.findMany({ orderBy: { createdAt: "desc" }, take, select: FIELDS });
    return { delivered, secretsShown: !delivered, messages: rows.map((row) => view(row, false)) };
  }
  const eventIds = await coordinatedEventIds(actorId);
  if (eventIds.length === 0) throw new NotAllowedError("Only coordinators can read the outbox.");
  const rows = await db.outboxMessage.findMany({
    where: { eventId: { in: eventIds } },
    orderBy: { createdAt: "desc" },
    take,
    select: FIELDS,
  });
  return { delivered, secretsShown: false, messages: rows.map((row) => view(row, true)) };
}

type Row = Awaited<ReturnType<typeof db.outboxMessage.findMany<{ select: typeof FIELDS }>>>[number];

function view({ redactedSubject, redactedText, subject, text, ...rest }: Row, redact: boolean) {
  return {
    ...rest,
    subject: redact ? (redactedSubject ?? subject) : subject,
    text: redact ? (redactedText ?? text) : text,
    holdsSecret: redactedText !== null,
  };
}
