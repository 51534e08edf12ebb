// Attendee forms: joining by email code, picking sessions, rating them, and the
// schedule's filter bar. Attendee pages check their forms in the browser with these
// loaded on first focus (useLazyValidatedForm), to keep zod out of the phone's initial JavaScript.
import { z } from "zod";
import { emailField, sixDigitCodeField } from "./fields";
import { AUDIENCES, FORMATS } from "./proposals";

export const JoinSchema = z.object({ email: emailField });

export const CodeSchema = z.object({
  email: emailField,
  code: sixDigitCodeField,
});

export const PickSchema = z.object({
  intent: z.enum(["pick", "unpick"]),
  placementId: z.string().min(1).max(64),
  // Made by the page or the offline queue; a replay with the same id adds nothing.
  clientId: z.string().min(8).max(64),
  returnTo: z.string().optional(),
  // The answer to "this overlaps a session you picked": keep both, or replace it.
  overlap: z.enum(["keep", "replace"]).optional(),
});

/** "Reset this link" under the private calendar address on "My day". */
export const FeedResetSchema = z.object({
  intent: z.literal("reset-feed", { error: "Choose “Reset this link” to get a new calendar address." }),
});

/** The same for a presenter's own feed, on "My proposals": which PD day's link. */
export const PresenterFeedResetSchema = FeedResetSchema.extend({
  eventId: z
    .string({ error: "Choose the PD day whose link to reset." })
    .trim()
    .min(1, { error: "Choose the PD day whose link to reset." })
    .max(64),
});

export const FeedbackSchema = z.object({
  rating: z.preprocess(
    (v) => (typeof v === "string" && v !== "" ? Number(v) : v),
    z
      .number({ error: "Choose a rating from 1 to 5" })
      .int()
      .min(1, { error: "Choose a rating from 1 to 5" })
      .max(5, { error: "Choose a rating from 1 to 5" }),
  ),
  comment: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.string().trim().max(1000, { error: "Use at most 1000 characters" }).optional(),
  ),
});
export type FeedbackInput = z.output<typeof FeedbackSchema>;

const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    (v) => (typeof v === "string" && (values as readonly string[]).includes(v) ? v : undefined),
    z.enum(values).optional(),
  );

/** The filter bar is a GET form: unknown or blank values are simply ignored. */
export const ScheduleFilterSchema = z.object({
  audience: optionalChoice(AUDIENCES),
  format: optionalChoice(FORMATS),
  subject: z.preprocess(
    (v) => (typeof v === "string" && v.trim() ? v.trim().slice(0, 60) : undefined),
    z.string().optional(),
  ),
  q: z.preprocess(
    (v) => (typeof v === "string" && v.trim() ? v.trim().slice(0, 100) : undefined),
    z.string().optional(),
  ),
});
