// Forms of the PD-credit rules page (coordinators) and the PD record (everyone).
// Shared by react-hook-form in the browser and the actions/loaders.
import { z } from "zod";

export const MAX_CREDIT_CATEGORIES = 20;
export const MAX_CREDIT_CATEGORY_LENGTH = 60;

/** The textarea's lines as categories: trimmed, blanks and repeats dropped. */
export function splitCategoryLines(value: string) {
  return [
    ...new Set(
      value
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    ),
  ];
}

const text = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : (v ?? "")),
    z.string().max(max, { error: `Keep it to ${max} characters.` }),
  );

export const CreditSettingsSchema = z.object({
  providerName: text(120),
  providerNumber: text(60),
  creditCategories: z.preprocess(
    (v) => (typeof v === "string" ? splitCategoryLines(v) : (v ?? [])),
    z
      .array(z.string())
      .max(MAX_CREDIT_CATEGORIES, { error: `Use at most ${MAX_CREDIT_CATEGORIES} categories.` })
      .refine((list) => list.every((c) => c.length <= MAX_CREDIT_CATEGORY_LENGTH), {
        error: `Keep each category to ${MAX_CREDIT_CATEGORY_LENGTH} characters.`,
      }),
  ),
  feedbackForCredit: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  // Hours in the box, minutes in the database; blank means no cap.
  dailyCapHours: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : v),
    z
      .union([
        z.null(),
        z.coerce
          .number({ error: "Enter the hours as a number, or leave it blank for no cap." })
          .min(0.25, { error: "A cap must be at least a quarter hour." })
          .max(24, { error: "A day has at most 24 hours." })
          .refine((h) => Number.isInteger(h * 4), { error: "Use quarter hours (e.g. 6.5)." }),
      ])
      .default(null),
  ),
  // The settings as the coordinator read them: a save over someone else's is refused.
  version: z
    .string()
    .max(40, { error: "Reload the page and try again." })
    .refine((v) => !Number.isNaN(Date.parse(v)), { error: "Reload the page and try again." }),
});
export type CreditSettingsInput = z.infer<typeof CreditSettingsSchema>;

export const SessionCategoriesSchema = z.object({
  proposalId: z.string().min(1, { error: "Choose a session." }).max(40, { error: "Choose a session." }),
  categories: z.preprocess(
    (v) => (Array.isArray(v) ? v : typeof v === "string" && v ? [v] : []),
    z.array(z.string().max(MAX_CREDIT_CATEGORY_LENGTH)).max(MAX_CREDIT_CATEGORIES),
  ),
  // The categories the form showed, one per line: a change made meanwhile is refused.
  // (A browser posts a hidden field's line breaks as CRLF.)
  was: z.preprocess(
    (v) => (typeof v === "string" ? v.replace(/\r\n?/g, "\n") : (v ?? "")),
    z.string().max(MAX_CREDIT_CATEGORIES * (MAX_CREDIT_CATEGORY_LENGTH + 1)),
  ),
});
export type SessionCategoriesInput = z.infer<typeof SessionCategoriesSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Enter a date." });

/** The PD record's span (a GET form, so the address can be bookmarked). */
export const RecordSpanSchema = z
  .object({ from: isoDate, to: isoDate })
  .refine((s) => s.from <= s.to, { error: "The start must be on or before the end.", path: ["to"] });
