// Forms for the grid's building blocks: rooms, time blocks, and the grid's own
// place/move/swap/remove posts. Shared by the browser and the actions.
import { z } from "zod";
import { fieldsValid, optionalText } from "./fields";
import { TECH_NEEDS, type TechNeed } from "./proposals";

// The same words as Proposal.techNeeds, so "room lacks a needed feature" is a set difference.
// (Labels differ: a room "has strong Wi-Fi", a session "uses Wi-Fi heavily".)
export const ROOM_FEATURES = TECH_NEEDS;
export type RoomFeature = TechNeed;
export const ROOM_FEATURE_LABELS: Record<RoomFeature, string> = {
  projector: "Projector",
  student_devices: "Student devices",
  charging: "Charging",
  wifi_heavy: "Strong wifi",
  sink_lab: "Sink / lab",
};
/** How a missing feature reads in a sentence: "needs a projector". */
export const ROOM_FEATURE_PHRASES: Record<RoomFeature, string> = {
  projector: "a projector",
  student_devices: "student devices",
  charging: "charging stations",
  wifi_heavy: "strong wifi",
  sink_lab: "a sink or lab space",
};

export const BLOCK_KINDS = ["sessions", "break", "lunch", "keynote"] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];
export const BLOCK_KIND_LABELS: Record<BlockKind, string> = {
  sessions: "Sessions",
  break: "Break",
  lunch: "Lunch",
  keynote: "Keynote / all-hands",
};

/** A comma-, semicolon- or pipe-separated list (CSV) or a checkbox group (form) → words. */
export function splitList(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(splitList);
  if (typeof value !== "string") return [];
  return value
    .split(/[,;|]/)
    .map((word) =>
      word
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, "_"),
    )
    .filter(Boolean);
}

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "yes" || v === "true", z.boolean());

export const RoomSchema = z.object({
  name: z
    .string({ error: "Give the room a name" })
    .trim()
    .min(1, { error: "Give the room a name" })
    .max(80, { error: "Use at most 80 characters" }),
  building: optionalText(80),
  floor: optionalText(20),
  capacity: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce
      .number({ error: "Enter the number of seats, e.g. 30" })
      .int({ error: "Use a whole number of seats" })
      .min(1, { error: "A room seats at least 1 person" })
      .max(2000, { error: "Use at most 2000 seats" }),
  ),
  features: z.preprocess(
    splitList,
    z.array(z.enum(ROOM_FEATURES, { error: `Features must be from: ${ROOM_FEATURES.join(", ")}` })),
  ),
  accessible: checkbox,
});
export type RoomInput = z.infer<typeof RoomSchema>;

const timePattern = /^([01]\d|2[0-3]):[0-5]\d$/;
const time = (missing: string) =>
  z.string({ error: missing }).trim().min(1, { error: missing }).regex(timePattern, { error: "Use a time like 08:30" });

export const BlockSchema = z
  .object({
    label: z
      .string({ error: "Give the block a label, e.g. Block 1" })
      .trim()
      .min(1, { error: "Give the block a label, e.g. Block 1" })
      .max(60, { error: "Use at most 60 characters" }),
    startTime: time("When does it start?"),
    endTime: time("When does it end?"),
    kind: z.enum(BLOCK_KINDS, { error: "Choose what happens in this block" }),
  })
  .refine((v) => v.endTime > v.startTime, {
    path: ["endTime"],
    error: "A block must end after it starts",
    when: fieldsValid("startTime", "endTime"),
  });
export type BlockInput = z.infer<typeof BlockSchema>;

/** Short badge text per conflict kind (ConflictKind in app/.server/schedule/conflicts.ts). */
export const CONFLICT_LABELS = {
  presenter_double_booked: "Presenter in two places",
  presenter_unavailable: "Presenter unavailable",
  room_double_booked: "Room double-booked",
  room_missing_feature: "Room lacks a feature",
  room_too_small: "Room too small",
  placed_in_break: "Not a session block",
  unplaced_confirmed: "Not on the grid",
} as const;

const id = (missing: string) => z.string({ error: missing }).min(1, { error: missing });

/** The grid's posts, one shape per intent (the no-JS forms and the drag-and-drop fetcher send the same fields). */
export const GridActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("place"),
    proposalId: id("Choose a session"),
    roomId: id("Choose a room"),
    timeBlockId: id("Choose a time block"),
  }),
  z.object({
    intent: z.literal("move"),
    placementId: id("Choose a session"),
    roomId: id("Choose a room"),
    timeBlockId: id("Choose a time block"),
    version: z.coerce.number().int(),
  }),
  // The version the coordinator saw: a stale swap or remove is refused like a stale move.
  z.object({
    intent: z.literal("swap"),
    placementId: id("Choose a session"),
    otherPlacementId: id("Choose a session to swap with"),
    version: z.coerce.number().int().optional(),
  }),
  z.object({
    intent: z.literal("remove"),
    placementId: id("Choose a session"),
    version: z.coerce.number().int().optional(),
  }),
  z.object({ intent: z.literal("undo") }),
]);
export type GridAction = z.infer<typeof GridActionSchema>;

/** "Copy rooms (or time blocks) from another PD day": which day; the service checks it is one the coordinator runs. */
export const CopyFromEventSchema = z.object({
  intent: z.literal("copy"),
  sourceEventId: z
    .string({ error: "Choose a PD day to copy from" })
    .trim()
    .min(1, { error: "Choose a PD day to copy from" })
    .max(64),
});
