// "Propose now": the edcamp-style offer a teacher makes from their phone on the day.
// Deliberately short — title, a line or two, who it is for — so it takes a minute.
import { z } from "zod";
import { AUDIENCES } from "./proposals";

// No JS: absent, one string or several. react-hook-form: an array, or false when none is checked.
const asArray = (value: unknown) =>
  value === undefined || value === "" || value === false || value === null
    ? []
    : Array.isArray(value)
      ? value
      : [value];

export const ProposeNowSchema = z.object({
  title: z
    .string({ error: "Give your session a title" })
    .trim()
    .min(1, { error: "Give your session a title" })
    .max(120, { error: "Use at most 120 characters" }),
  summary: z
    .string({ error: "Say in a sentence or two what you will do" })
    .trim()
    .min(1, { error: "Say in a sentence or two what you will do" })
    .max(300, { error: "Use at most 300 characters" }),
  audience: z.preprocess(
    asArray,
    z.array(z.enum(AUDIENCES, { error: "Choose from the list" })).min(1, { error: "Choose who it is for" }),
  ),
});
export type ProposeNowInput = z.output<typeof ProposeNowSchema>;

/** The coordinator's second tap: this offer, in this room, in this block. */
export const PlaceDayOfSchema = z.object({
  proposalId: z.string().min(1),
  roomId: z.string().min(1),
  timeBlockId: z.string().min(1),
});
