import { z } from "zod";
import { fieldsValid, optionalText } from "./fields";

export const EVENT_STATUSES = ["draft", "proposals_open", "scheduling", "published", "live", "archived"] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const EVENT_STATUS_LABELS: Record<EventStatus, string> = {
  draft: "Draft",
  proposals_open: "Taking proposals",
  scheduling: "Building the schedule",
  published: "Schedule published",
  live: "Happening now",
  archived: "Archived",
};

// Reviewers read, score and note proposals; only coordinators decide them.
export const ROLES = ["coordinator", "reviewer", "presenter", "attendee", "vendor", "door"] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  coordinator: "Coordinator",
  reviewer: "Reviewer",
  presenter: "Presenter",
  attendee: "Attendee",
  vendor: "Vendor",
  door: "Door volunteer",
};

// US districts first; any IANA zone the runtime knows is accepted.
export const COMMON_TIME_ZONES = [
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Phoenix",
  "America/Los_Angeles",
  "America/Anchorage",
  "Pacific/Honolulu",
  "America/Toronto",
  "Europe/London",
  "UTC",
] as const;

const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const timePattern = /^([01]\d|2[0-3]):[0-5]\d$/;

function isRealDate(value: string) {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function isTimeZone(value: string) {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const dateField = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .regex(datePattern, { error: "Use a date like 2026-03-14" })
    .refine(isRealDate, { error: "That date does not exist" });

const optionalDate = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  z
    .string()
    .regex(datePattern, { error: "Use a date like 2026-03-14" })
    .refine(isRealDate, { error: "That date does not exist" })
    .optional(),
);

export const MAX_SUBJECT_TAGS = 30;
export const MAX_SUBJECT_TAG_LENGTH = 40;

/** The textarea's lines as tags: trimmed, blanks and repeats dropped. */
export function splitSubjectTags(value: string) {
  return [
    ...new Set(
      value
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    ),
  ];
}

// Proposals store their chosen tags comma-separated, so a comma inside a tag
// would split it in two.
const subjectTagsField = z.preprocess(
  (v) => (typeof v === "string" ? splitSubjectTags(v) : (v ?? [])),
  z
    .array(z.string())
    .max(MAX_SUBJECT_TAGS, { error: `Use at most ${MAX_SUBJECT_TAGS} tags` })
    .superRefine((tags, ctx) => {
      const long = tags.filter((tag) => tag.length > MAX_SUBJECT_TAG_LENGTH);
      if (long.length > 0) {
        ctx.addIssue({
          code: "custom",
          message: `Keep each tag to ${MAX_SUBJECT_TAG_LENGTH} characters: ${long.map((t) => `“${t}”`).join(", ")} is too long`,
        });
      }
      const withComma = tags.filter((tag) => tag.includes(","));
      if (withComma.length > 0) {
        ctx.addIssue({
          code: "custom",
          message: `Put each tag on its own line instead of using commas: ${withComma.map((t) => `“${t}”`).join(", ")}`,
        });
      }
    }),
);

const doorsOpenField = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, { error: "Use a date and time like 2027-03-12 07:00" })
    .refine((v) => isRealDate(v.slice(0, 10)), { error: "That date does not exist" })
    .optional(),
);

const timeField = (missing: string) =>
  z.string({ error: missing }).trim().min(1, { error: missing }).regex(timePattern, { error: "Use a time like 08:30" });

export const EventSchema = z
  .object({
    name: z
      .string({ error: "Give the PD day a name" })
      .trim()
      .min(1, { error: "Give the PD day a name" })
      .max(120, { error: "Use at most 120 characters" }),
    slug: z.preprocess(
      (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
      z
        .string()
        .trim()
        .toLowerCase()
        .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
          error: "Use lowercase letters, numbers and single dashes, e.g. spring-pd-2027",
        })
        .max(60, { error: "Use at most 60 characters" })
        .optional(),
    ),
    date: dateField("Choose the date of the PD day"),
    startTime: timeField("When does the day start?"),
    endTime: timeField("When does the day end?"),
    timeZone: z
      .string({ error: "Choose a time zone" })
      .min(1, { error: "Choose a time zone" })
      .refine(isTimeZone, { error: "Choose a time zone from the list" }),
    venue: optionalText(200),
    description: optionalText(2000),
    proposalsOpenOn: optionalDate,
    proposalsCloseOn: optionalDate,
    allowedEmailDomain: z.preprocess(
      (v) => (typeof v === "string" ? v.trim().replace(/^@/, "").toLowerCase() || undefined : v),
      z
        .string()
        .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, { error: "Use a domain like springfield.k12.us" })
        .optional(),
    ),
    subjectTags: subjectTagsField,
    // Blank: the day of the event, one hour before the first block (app/.server/checkin/doors.ts).
    doorsOpenAt: doorsOpenField,
    earlyCheckIn: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  })
  .refine((v) => v.endTime > v.startTime, {
    path: ["endTime"],
    error: "The day must end after it starts",
    when: fieldsValid("startTime", "endTime"),
  })
  .refine((v) => !v.proposalsOpenOn || !v.proposalsCloseOn || v.proposalsCloseOn >= v.proposalsOpenOn, {
    path: ["proposalsCloseOn"],
    error: "Proposals must close on or after the day they open",
    when: fieldsValid("proposalsOpenOn", "proposalsCloseOn"),
  })
  .refine((v) => !v.proposalsCloseOn || v.proposalsCloseOn <= v.date, {
    path: ["proposalsCloseOn"],
    error: "Proposals must close by the day of the event",
    when: fieldsValid("proposalsCloseOn", "date"),
  });

export type EventInput = z.infer<typeof EventSchema>;

export const EventStatusSchema = z.object({
  status: z.enum(EVENT_STATUSES, { error: "Choose a stage from the list" }),
});

export const InviteSchema = z.object({
  email: z
    .string({ error: "Enter their email address" })
    .trim()
    .toLowerCase()
    .min(1, { error: "Enter their email address" })
    .pipe(z.email({ error: "Enter an email address like name@school.org" })),
  name: optionalText(100),
  role: z.enum(ROLES, { error: "Choose a role" }),
});
export type InviteInput = z.infer<typeof InviteSchema>;
