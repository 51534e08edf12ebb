// Forms of the check-in and PD-credit screens (roster import, walk-ins, kiosk,
// credit corrections). Shared by the browser and the actions.
import { z } from "zod";

const optionalText = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() : v),
  z.string().max(200).optional().default(""),
);

export const PersonSchema = z.object({
  name: z.string().trim().min(1, { error: "Enter the person's name." }).max(120),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "Enter a valid email address." })),
  school: optionalText,
  staffId: optionalText,
});
export type PersonInput = z.infer<typeof PersonSchema>;

// HR and SIS exports often split a name over two columns: `name` then takes the
// first name and `lastName` the last, joined as "First Last".
export const ROSTER_FIELDS = ["name", "lastName", "email", "school", "staffId"] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];
export const ROSTER_FIELD_LABELS: Record<RosterField, string> = {
  name: "Name (or first name)",
  lastName: "Last name, if in its own column",
  email: "Email",
  school: "School",
  staffId: "Staff ID",
};

/** Which CSV column feeds each person field; "" means "not in this file". */
export const RosterMappingSchema = z.object({
  name: z.string().min(1, { error: "Choose the column with names." }),
  lastName: z.string().optional().default(""),
  email: z.string().min(1, { error: "Choose the column with email addresses." }),
  school: z.string().optional().default(""),
  staffId: z.string().optional().default(""),
});
export type RosterMapping = z.infer<typeof RosterMappingSchema>;

/** The import step's form: a pending upload (kept on the server) and its column matching. */
export const RosterImportSchema = RosterMappingSchema.extend({
  uploadId: z.string().trim().min(1, { error: "Choose a roster file first." }).max(100),
});

/** The roster list: a page of 100 and an optional name or email search. */
export const RosterListQuerySchema = z.object({
  q: z.string().trim().max(200).catch(""),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export const CorrectionSchema = z.object({
  userId: z.string().min(1, { error: "Choose a person." }),
  placementId: z.string().min(1, { error: "Choose a session." }),
  // A blank box is a mistake, not zero minutes.
  minutes: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce
      .number({ error: "Enter the minutes to credit." })
      .int({ error: "Enter whole minutes." })
      .min(0, { error: "Minutes cannot be negative." })
      .max(600),
  ),
  reason: z.string().trim().min(3, { error: "Say why, for the audit log." }).max(500),
});
export type CorrectionInput = z.infer<typeof CorrectionSchema>;
