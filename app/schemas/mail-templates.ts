// The coordinator's wording for one templated message, and the one list of template
// keys and placeholders (app/.server/proposals/mail-templates.ts imports them).
import { z } from "zod";

export const TEMPLATE_KEYS = [
  "received",
  "accepted",
  "waitlisted",
  "declined",
  "co_presenter_invite",
  "draft_reminder",
] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export const PLACEHOLDERS = ["name", "title", "event", "date", "link", "presenter"] as const;

export const PLACEHOLDER_HINTS: Record<(typeof PLACEHOLDERS)[number], string> = {
  name: "the person receiving the message",
  title: "the session's title",
  event: "the PD day's name",
  date: "the PD day's date",
  link: "the link to the proposal",
  presenter: "the lead presenter's name",
};

/** Placeholders used in `text` that Dropin would not fill in (they would reach teachers as typed). */
export function unknownPlaceholders(text: string) {
  const used = [...text.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g)].map((m) => m[1]!);
  return [...new Set(used.filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name)))];
}

function placeholderCheck(text: string, ctx: z.core.$RefinementCtx<string>) {
  const unknown = unknownPlaceholders(text);
  if (unknown.length > 0) {
    ctx.addIssue({
      code: "custom",
      message: `Unknown placeholder${unknown.length > 1 ? "s" : ""} ${unknown.map((n) => `{{${n}}}`).join(", ")}. Use only ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(" ")}`,
    });
  }
}

export const MailTemplateSchema = z.object({
  key: z.enum(TEMPLATE_KEYS, { error: "Choose a message from the list" }),
  subject: z
    .string({ error: "Write a subject line" })
    .trim()
    .min(1, { error: "Write a subject line" })
    .max(200, { error: "Use at most 200 characters" })
    .superRefine(placeholderCheck),
  body: z
    .string({ error: "Write the message" })
    .trim()
    .min(1, { error: "Write the message" })
    .max(5000, { error: "Use at most 5000 characters" })
    .superRefine(placeholderCheck),
});
export type MailTemplateInput = z.infer<typeof MailTemplateSchema>;
