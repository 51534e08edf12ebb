// Forms of "after the day": takeaways and resources on a session, and follow-up
// circles (the coordinator's settings, swap and publish; an attendee's opt-in; a
// circle's posts and next meeting; leaving). Choices that come from the PD day
// (subjects, the district's roles) are checked again by the services.
import { z } from "zod";
import { AUDIENCES, ResourceSchema } from "./proposals";

const webLink = ResourceSchema.shape.url;
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const requiredText = (max: number, empty: string) =>
  z
    .string({ error: empty })
    .trim()
    .min(1, { error: empty })
    .max(max, { error: `Use at most ${max} characters` });

const wholeNumber = (min: number, max: number, message: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v),
    z.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message }),
  );

/** A version read with the page, carried by every change to the preview. */
const versionField = wholeNumber(1, 1_000_000_000, "Reload the page and try again.");

export const TakeawaySchema = z.object({
  intent: z.literal("takeaway"),
  text: requiredText(500, "Write your takeaway, e.g. “One thing I’ll try on Monday: …”"),
});
export type TakeawayInput = z.output<typeof TakeawaySchema>;

export const SessionResourceSchema = z.object({
  intent: z.literal("resource"),
  label: requiredText(120, "Name the resource, e.g. “Slides”"),
  url: webLink,
});
export type SessionResourceInput = z.output<typeof SessionResourceSchema>;

/** A resource file's name; the file itself is checked by the service (size, and type from its first bytes). */
export const SessionResourceFileSchema = z.object({
  intent: z.literal("file"),
  label: requiredText(120, "Name the file, e.g. “Handout”"),
});
export type SessionResourceFileInput = z.output<typeof SessionResourceFileSchema>;

const postIdField = (empty: string) => z.string({ error: empty }).trim().min(1, { error: empty }).max(64);

export const HidePostSchema = z.object({ intent: z.literal("hide"), postId: postIdField("Choose a post to hide.") });

export const RemoveResourceSchema = z.object({
  intent: z.literal("remove"),
  postId: postIdField("Choose a resource to remove."),
});

export const SessionPostSchema = z.discriminatedUnion(
  "intent",
  [TakeawaySchema, SessionResourceSchema, SessionResourceFileSchema, HidePostSchema, RemoveResourceSchema],
  {
    error: "Choose what to post.",
  },
);

/** The district's roles, one a line: at least two, so people have a choice. */
export function parseRoles(text: string) {
  return [
    ...new Set(
      text
        .split(/\r?\n/)
        .map((r) => r.trim())
        .filter(Boolean),
    ),
  ];
}

export const DEFAULT_ROLES = [
  "Classroom teacher",
  "Instructional coach",
  "Librarian",
  "Counsellor",
  "Special education",
  "Administrator",
];

export const CircleSettingsSchema = z.object({
  intent: z.literal("settings"),
  groupSize: wholeNumber(4, 6, "Choose a circle size from 4 to 6"),
  reminderWeeks: wholeNumber(1, 12, "Choose 1 to 12 weeks"),
  roles: z
    .string({ error: "List the roles people choose from, one a line" })
    .max(2000, { error: "Use at most 2000 characters" })
    .refine((v) => parseRoles(v).length >= 2, { error: "List at least two roles, one a line" })
    .refine((v) => parseRoles(v).every((r) => r.length <= 60), { error: "Keep each role to 60 characters" }),
});
export type CircleSettingsInput = z.output<typeof CircleSettingsSchema>;

export const FormCirclesSchema = z.object({ intent: z.literal("form"), version: versionField });

export const SwapSchema = z
  .object({
    intent: z.literal("swap"),
    version: versionField,
    first: z.string({ error: "Choose the first person" }).trim().min(1, { error: "Choose the first person" }).max(64),
    second: z
      .string({ error: "Choose the second person" })
      .trim()
      .min(1, { error: "Choose the second person" })
      .max(64),
  })
  .refine((v) => v.first !== v.second, { error: "Choose two different people", path: ["second"] });
export type SwapInput = z.output<typeof SwapSchema>;

export const PublishCirclesSchema = z.object({ intent: z.literal("publish"), version: versionField });

export const CircleBoardSchema = z.discriminatedUnion(
  "intent",
  [CircleSettingsSchema, FormCirclesSchema, SwapSchema, PublishCirclesSchema],
  {
    error: "Choose what to do.",
  },
);

export const OptInSchema = z.object({
  intent: z.literal("opt-in"),
  subject: requiredText(60, "Choose a subject"),
  gradeBand: z.enum(AUDIENCES, { error: "Choose a grade band" }),
  role: requiredText(60, "Choose your role"),
  // A checkbox: "on" when ticked, absent when not.
  otherSchools: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});
export type OptInInput = z.output<typeof OptInSchema>;

export const CirclePostSchema = z.object({
  intent: z.literal("post"),
  text: requiredText(1000, "Write something for your circle"),
  url: z.preprocess(blankToUndefined, webLink.optional()),
});
export type CirclePostInput = z.output<typeof CirclePostSchema>;

export const NextMeetingSchema = z.object({
  intent: z.literal("meeting"),
  nextMeetingOn: z
    .string({ error: "Choose a date" })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Choose a date" })
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), { error: "Choose a real date" }),
  /** The date the page showed (blank: none yet), so two members setting it at once do not overwrite each other unseen. */
  was: z.string().trim().max(10).optional(),
});
export type NextMeetingInput = z.output<typeof NextMeetingSchema>;

export const LeaveCircleSchema = z.object({ intent: z.literal("leave") });

export const CirclePageSchema = z.discriminatedUnion(
  "intent",
  [CirclePostSchema, NextMeetingSchema, LeaveCircleSchema],
  {
    error: "Choose what to do.",
  },
);
