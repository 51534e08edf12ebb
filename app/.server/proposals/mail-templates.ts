// The messages presenters receive about their proposals. Coordinators may reword
// each one per PD day (MailTemplate rows); absent rows use these defaults.
import { db } from "~/utils/db.server";
import { sendMail } from "../outbox/outbox";

// The keys and placeholders live with the editor's schema, which the browser can
// import too; this server module adds the wording and the sending.
import { PLACEHOLDERS, TEMPLATE_KEYS, type TemplateKey } from "~/schemas/mail-templates";

export { PLACEHOLDERS, TEMPLATE_KEYS, type TemplateKey };

/** Values for the placeholders; unknown ones are left as typed. */
export type TemplateVars = Partial<Record<(typeof PLACEHOLDERS)[number], string>>;

export const DEFAULT_TEMPLATES: Record<TemplateKey, { label: string; subject: string; body: string }> = {
  received: {
    label: "Proposal received",
    subject: "We received your session: {{title}}",
    body: "Hello {{name}},\n\nThank you for offering “{{title}}” for {{event}} ({{date}}). The PD team will review proposals after the call closes and let you know.\n\nYou can still edit it until then:\n{{link}}",
  },
  accepted: {
    label: "Accepted — please confirm",
    subject: "Accepted: {{title}} — please confirm",
    body: "Hello {{name}},\n\nGood news: “{{title}}” is accepted for {{event}} ({{date}}). Please confirm you will present it (or withdraw if you can't):\n{{link}}",
  },
  waitlisted: {
    label: "Waitlisted",
    subject: "Waitlisted: {{title}}",
    body: "Hello {{name}},\n\n“{{title}}” is on the waitlist for {{event}}. If a slot opens we will let you know right away.\n\n{{link}}",
  },
  declined: {
    label: "Not this time",
    subject: "About your session: {{title}}",
    body: "Hello {{name}},\n\nThank you for proposing “{{title}}”. We could not fit it into {{event}} this time, and we hope you will offer it again.\n\n{{link}}",
  },
  co_presenter_invite: {
    label: "Co-presenter invitation",
    subject: "{{presenter}} invited you to co-present “{{title}}”",
    body: "Hello {{name}},\n\n{{presenter}} would like you to co-present “{{title}}” at {{event}} ({{date}}). Confirm here within 14 days (sign in or create an account with this email address):\n{{link}}",
  },
  draft_reminder: {
    label: "Reminder to finish a draft",
    subject: "Your draft “{{title}}” is not submitted yet",
    body: "Hello {{name}},\n\nYour session idea “{{title}}” for {{event}} is still a draft. Submit it before the call closes:\n{{link}}",
  },
};

export function renderTemplate(text: string, vars: TemplateVars) {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => vars[key as keyof TemplateVars] ?? whole);
}

/** The event's wording for a message, or the default. */
export async function templateFor(eventId: string, key: TemplateKey) {
  const custom = await db.mailTemplate.findUnique({ where: { eventId_key: { eventId, key } } });
  const fallback = DEFAULT_TEMPLATES[key];
  return { subject: custom?.subject ?? fallback.subject, body: custom?.body ?? fallback.body };
}

/** Render a template and send it through the outbox; `secrets` as for sendMail. */
export async function sendTemplated(
  eventId: string,
  key: TemplateKey,
  to: string,
  vars: TemplateVars,
  { secrets }: { secrets?: string[] } = {},
) {
  const template = await templateFor(eventId, key);
  return sendMail({
    eventId,
    to,
    secrets,
    subject: renderTemplate(template.subject, vars),
    text: renderTemplate(template.body, vars),
  });
}
