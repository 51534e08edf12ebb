// Coordinators reword the messages presenters get, per PD day. A saved row
// overrides the default; "reset" deletes the row so the default applies again.
import type { MailTemplateInput, TemplateKey } from "~/schemas/mail-templates";
import { formatEventDate } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { recordAudit } from "../audit/audit";
import { assertEventCoordinator } from "../events/permissions";
import { appLink } from "../outbox/outbox";
import { DEFAULT_TEMPLATES, renderTemplate, TEMPLATE_KEYS, type TemplateVars } from "./mail-templates";

export async function listTemplates(actorId: string, eventId: string) {
  await assertEventCoordinator(actorId, eventId);
  const custom = await db.mailTemplate.findMany({ where: { eventId } });
  return TEMPLATE_KEYS.map((key) => {
    const row = custom.find((t) => t.key === key);
    const fallback = DEFAULT_TEMPLATES[key];
    return {
      key,
      label: fallback.label,
      subject: row?.subject ?? fallback.subject,
      body: row?.body ?? fallback.body,
      customized: Boolean(row),
      updatedAt: row?.updatedAt ?? null,
    };
  });
}

/** Believable values, so a preview reads like the message a teacher would get. */
export async function sampleValues(eventId: string): Promise<Required<TemplateVars>> {
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId }, select: { name: true, date: true } });
  return {
    name: "Jordan Rivera",
    title: "Station rotation that runs itself",
    event: event.name,
    date: formatEventDate(event.date),
    link: appLink("/proposals/example"),
    presenter: "Maria Delgado",
  };
}

/** The message as it would be sent, without saving anything. */
export async function previewTemplate(
  actorId: string,
  eventId: string,
  input: Pick<MailTemplateInput, "subject" | "body">,
) {
  await assertEventCoordinator(actorId, eventId);
  const vars = await sampleValues(eventId);
  return { subject: renderTemplate(input.subject, vars), body: renderTemplate(input.body, vars) };
}

export async function saveTemplate(actorId: string, eventId: string, input: MailTemplateInput) {
  await assertEventCoordinator(actorId, eventId);
  return db.$transaction(async (tx) => {
    const saved = await tx.mailTemplate.upsert({
      where: { eventId_key: { eventId, key: input.key } },
      create: { eventId, key: input.key, subject: input.subject, body: input.body },
      update: { subject: input.subject, body: input.body },
    });
    await recordAudit(tx, {
      eventId,
      actorId,
      action: "mail_template.updated",
      entity: "MailTemplate",
      entityId: saved.id,
      detail: { key: input.key },
    });
    return saved;
  });
}

export async function resetTemplate(actorId: string, eventId: string, key: TemplateKey) {
  await assertEventCoordinator(actorId, eventId);
  await db.$transaction(async (tx) => {
    const removed = await tx.mailTemplate.deleteMany({ where: { eventId, key } });
    if (removed.count > 0) {
      await recordAudit(tx, {
        eventId,
        actorId,
        action: "mail_template.reset",
        entity: "MailTemplate",
        entityId: key,
        detail: { key },
      });
    }
  });
}
