// The review team's forms: the board's filters (a GET form kept in the URL), a
// reviewer's score and note, and the coordinators' decisions (single or bulk).
import { z } from "zod";
import { AUDIENCES, FORMATS, TECH_NEEDS } from "./proposals";

// Drafts are the teacher's unfinished work and never appear on the board.
export const BOARD_STATES = ["submitted", "accepted", "waitlisted", "declined", "confirmed", "withdrawn"] as const;

export const BOARD_SORTS = ["newest", "oldest", "title", "score", "presenter"] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];
export const BOARD_SORT_LABELS: Record<BoardSort, string> = {
  newest: "Newest first",
  oldest: "Oldest first",
  title: "Title A–Z",
  score: "Highest average score",
  presenter: "Presenter A–Z",
};

// A filter is a link someone may have bookmarked or edited: an unknown value
// is ignored rather than turned into an error page.
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);
const choice = <T extends string>(values: readonly T[]) =>
  z.preprocess((v) => (values.includes(v as T) ? v : undefined), z.enum(values as [T, ...T[]]).optional());
const text = z.preprocess(blankToUndefined, z.string().max(200).optional());

export const BoardFilterSchema = z.object({
  state: choice(BOARD_STATES),
  audience: choice(AUDIENCES),
  tag: text,
  format: choice(FORMATS),
  tech: choice(TECH_NEEDS),
  presenter: text,
  q: text,
  sort: z.preprocess((v) => (BOARD_SORTS.includes(v as BoardSort) ? v : "newest"), z.enum(BOARD_SORTS)),
});
export type BoardFilters = z.infer<typeof BoardFilterSchema>;

export function parseBoardFilters(searchParams: URLSearchParams): BoardFilters {
  return BoardFilterSchema.parse(Object.fromEntries(searchParams));
}

export const REVIEW_NOTE_MAX = 4000;

export const ReviewSchema = z
  .object({
    score: z.preprocess(
      (v) => (v === undefined || v === null || v === "" ? undefined : Number(v)),
      z
        .number({ error: "Choose a score from 1 to 5" })
        .int({ error: "Choose a score from 1 to 5" })
        .min(1, { error: "Choose a score from 1 to 5" })
        .max(5, { error: "Choose a score from 1 to 5" })
        .optional(),
    ),
    note: z.preprocess(
      (v) => (typeof v === "string" ? v : ""),
      z
        .string()
        .trim()
        .max(REVIEW_NOTE_MAX, { error: `Use at most ${REVIEW_NOTE_MAX} characters` }),
    ),
  })
  .refine((v) => v.score !== undefined || v.note !== "", {
    path: ["note"],
    error: "Give a score or write a note",
  });
export type ReviewInput = z.infer<typeof ReviewSchema>;

export const DECISION_INTENTS = ["accept", "waitlist", "decline"] as const;
/** The board's bulk buttons: the decisions, and clearing a staged one. */
export const BULK_INTENTS = [...DECISION_INTENTS, "unstage"] as const;
export const DECISION_FOR_INTENT = {
  accept: "accepted",
  waitlist: "waitlisted",
  decline: "declined",
} as const;

// A single checked box arrives as a string, several as an array.
const idList = z.preprocess(
  (v) => (Array.isArray(v) ? v : typeof v === "string" && v !== "" ? [v] : []),
  z.array(z.string().min(1).max(40)).min(1, { error: "Select at least one proposal first" }).max(500),
);

const stageBox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

/** What the coordinator ticks on the board: checked in the browser before the post. */
export const BulkSelectionSchema = z.object({
  ids: idList,
  stage: stageBox,
});

/** The post: the ticks, and the pressed button's intent (which the browser's check cannot see). */
export const BulkDecisionSchema = BulkSelectionSchema.extend({
  intent: z.enum(BULK_INTENTS, { error: "Choose what to do with the selected proposals" }),
});

export const SingleDecisionSchema = z.object({
  intent: z.enum(DECISION_INTENTS),
  stage: stageBox,
});
