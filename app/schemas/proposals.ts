// A teacher's session proposal: the vocabularies (shared with the review board's
// filters), the full schema a submit must pass, and the lenient one autosave uses
// so a half-typed draft is never refused.
import { z } from "zod";
import { optionalText, theirEmailField } from "./fields";

export const AUDIENCES = ["K-2", "3-5", "6-8", "9-12", "all"] as const;
export type Audience = (typeof AUDIENCES)[number];
export const AUDIENCE_LABELS: Record<Audience, string> = {
  "K-2": "Grades K–2",
  "3-5": "Grades 3–5",
  "6-8": "Grades 6–8",
  "9-12": "Grades 9–12",
  all: "All staff",
};

export const FORMATS = ["hands_on", "demo", "discussion", "playground"] as const;
export type Format = (typeof FORMATS)[number];
export const FORMAT_LABELS: Record<Format, string> = {
  hands_on: "Hands-on",
  demo: "Demo",
  discussion: "Discussion",
  playground: "Playground / open lab",
};

export const EXPERIENCE_LEVELS = ["any", "beginner", "intermediate", "advanced"] as const;
export type ExperienceLevel = (typeof EXPERIENCE_LEVELS)[number];
export const EXPERIENCE_LABELS: Record<ExperienceLevel, string> = {
  any: "Any level",
  beginner: "Beginner",
  intermediate: "Intermediate",
  advanced: "Advanced",
};

// The same words as Room.features, so a room can be matched to what a session needs.
export const TECH_NEEDS = ["projector", "student_devices", "charging", "wifi_heavy", "sink_lab"] as const;
export type TechNeed = (typeof TECH_NEEDS)[number];
export const TECH_NEED_LABELS: Record<TechNeed, string> = {
  projector: "Projector",
  student_devices: "Student devices",
  charging: "Charging",
  wifi_heavy: "Heavy Wi-Fi use",
  sink_lab: "Sink / lab",
};

export const LENGTH_LABELS: Record<"1" | "2", string> = {
  "1": "One block",
  "2": "Two blocks in a row",
};

export const MAX_CO_PRESENTERS = 3;
export const TITLE_MAX = 120;
export const SUMMARY_MAX = 300;
export const DETAILS_MAX = 4000;
export const NOTES_MAX = 2000;

/** The multi-valued columns are comma-separated in the database. */
export function splitList(value: string | null | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
}

export function joinList(values: readonly string[]) {
  return values.join(",");
}

/** Event.subjectTags holds one tag per line; an empty text means no tags to choose. */
export function parseSubjectTags(text: string | null | undefined): string[] {
  return [
    ...new Set(
      (text ?? "")
        .split(/\r?\n/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

// A checkbox group posts nothing (none checked), one string (one checked) or an
// array; react-hook-form or a lone checkbox may also give a boolean.
function toArray(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.filter((v) => typeof v === "string" && v !== "");
  if (typeof value === "string" && value !== "") return [value];
  return [];
}

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

const requiredText = (max: number, missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .max(max, { error: `Use at most ${max} characters` });

const textUpTo = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v : ""),
    z
      .string()
      .trim()
      .max(max, { error: `Use at most ${max} characters` }),
  );

export const ProposalSchema = z.object({
  title: requiredText(TITLE_MAX, "Give your session a title"),
  summary: requiredText(SUMMARY_MAX, "Write a short description for the schedule"),
  details: requiredText(DETAILS_MAX, "Tell the reviewers what participants will do"),
  audience: z.preprocess(
    toArray,
    z.array(z.enum(AUDIENCES, { error: "Choose from the list" })).min(1, { error: "Choose at least one audience" }),
  ),
  tags: z.preprocess(toArray, z.array(z.string().max(60))),
  format: z.enum(FORMATS, { error: "Choose a format" }),
  experienceLevel: z.enum(EXPERIENCE_LEVELS, { error: "Choose an experience level" }),
  lengthBlocks: z.preprocess(
    (v) => (v === "1" || v === 1 ? 1 : v === "2" || v === 2 ? 2 : v),
    z.union([z.literal(1), z.literal(2)], { error: "Choose one block or two" }),
  ),
  maxParticipants: z.preprocess(
    (v) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? undefined : Number(v)),
    z
      .number({ error: "Enter a number, or leave it blank" })
      .int({ error: "Enter a whole number" })
      .min(1, { error: "Enter at least 1" })
      .max(500, { error: "Enter at most 500" })
      .optional(),
  ),
  techNeeds: z.preprocess(toArray, z.array(z.enum(TECH_NEEDS, { error: "Choose from the list" }))),
  willingToRepeat: checkbox,
  unavailableBlockIds: z.preprocess(toArray, z.array(z.string().max(40))),
  notesToCoordinator: textUpTo(NOTES_MAX),
});
export type ProposalInput = z.infer<typeof ProposalSchema>;

function keepKnown<T extends string>(vocabulary: readonly T[]) {
  return z.preprocess((v) => toArray(v).filter((x): x is T => vocabulary.includes(x as T)), z.array(z.string()));
}

function oneOf<T extends string>(vocabulary: readonly T[], fallback: T) {
  return z.preprocess((v) => (vocabulary.includes(v as T) ? v : fallback), z.enum(vocabulary as [T, ...T[]]));
}

/**
 * Autosave keeps whatever is there: nothing is required, and a half-typed number
 * or an unknown choice is dropped rather than refused. Only lengths are limited.
 */
export const ProposalDraftSchema = z.object({
  title: textUpTo(TITLE_MAX),
  summary: textUpTo(SUMMARY_MAX),
  details: textUpTo(DETAILS_MAX),
  audience: keepKnown(AUDIENCES),
  tags: z.preprocess(toArray, z.array(z.string().max(60))),
  format: oneOf(FORMATS, "hands_on"),
  experienceLevel: oneOf(EXPERIENCE_LEVELS, "any"),
  lengthBlocks: z.preprocess((v) => (v === "2" || v === 2 ? 2 : 1), z.union([z.literal(1), z.literal(2)])),
  maxParticipants: z.preprocess((v) => {
    const n = typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
    return Number.isInteger(n) && n >= 1 && n <= 500 ? n : undefined;
  }, z.number().optional()),
  techNeeds: keepKnown(TECH_NEEDS),
  willingToRepeat: checkbox,
  unavailableBlockIds: z.preprocess(toArray, z.array(z.string().max(40))),
  notesToCoordinator: textUpTo(NOTES_MAX),
});
export type ProposalDraftInput = z.infer<typeof ProposalDraftSchema>;

export const CoPresenterInviteSchema = z.object({
  email: theirEmailField,
  name: optionalText(100),
});
export type CoPresenterInviteInput = z.infer<typeof CoPresenterInviteSchema>;

export const ResourceSchema = z.object({
  label: requiredText(120, "Name the link, e.g. “Slides”"),
  url: z
    .string({ error: "Paste the link" })
    .trim()
    .min(1, { error: "Paste the link" })
    .max(2000, { error: "That link is too long" })
    .refine(
      (v) => {
        try {
          const url = new URL(v);
          return url.protocol === "https:" || url.protocol === "http:";
        } catch {
          return false;
        }
      },
      { error: "Use a web link that starts with https://" },
    ),
});
export type ResourceInput = z.infer<typeof ResourceSchema>;

type StoredProposal = {
  title: string;
  summary: string;
  details: string;
  audience: string;
  tags: string;
  format: string;
  experienceLevel: string;
  lengthBlocks: number;
  maxParticipants: number | null;
  techNeeds: string;
  willingToRepeat: boolean;
  unavailableBlockIds: string;
  notesToCoordinator: string;
};

/** A stored proposal as the form's starting values (the shape a POST would carry). */
export function proposalFormValues(p: StoredProposal): Record<string, string | string[]> {
  return {
    title: p.title,
    summary: p.summary,
    details: p.details,
    audience: splitList(p.audience),
    tags: splitList(p.tags),
    format: p.format,
    experienceLevel: p.experienceLevel,
    lengthBlocks: String(p.lengthBlocks),
    maxParticipants: p.maxParticipants == null ? "" : String(p.maxParticipants),
    techNeeds: splitList(p.techNeeds),
    willingToRepeat: p.willingToRepeat ? "on" : "",
    unavailableBlockIds: splitList(p.unavailableBlockIds),
    notesToCoordinator: p.notesToCoordinator,
  };
}

/** Form input → the columns it is stored in. */
export function proposalColumns(input: ProposalInput | ProposalDraftInput) {
  return {
    title: input.title,
    summary: input.summary,
    details: input.details,
    audience: joinList(input.audience),
    tags: joinList(input.tags),
    format: input.format,
    experienceLevel: input.experienceLevel,
    lengthBlocks: input.lengthBlocks,
    maxParticipants: input.maxParticipants ?? null,
    techNeeds: joinList(input.techNeeds),
    willingToRepeat: input.willingToRepeat,
    unavailableBlockIds: joinList(input.unavailableBlockIds),
    notesToCoordinator: input.notesToCoordinator,
  };
}
