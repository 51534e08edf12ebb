// Forms of the vendor portal and prize drawings, shared by browser and server.
import { z } from "zod";
import { optionalText, theirEmailField, theirNameField } from "./fields";

export const DONATION_KINDS = ["prize", "food", "swag", "service"] as const;
export type DonationKind = (typeof DONATION_KINDS)[number];
export const DONATION_KIND_LABELS: Record<DonationKind, string> = {
  prize: "Prize (goes into drawings)",
  food: "Food",
  swag: "Swag",
  service: "Service",
};

export const DONATION_STATUS_LABELS: Record<string, string> = { pledged: "Pledged", delivered: "Delivered" };

/** Whole cents → "$1,234.50"; values are stored as cents so totals never drift. */
export function formatCents(cents: number) {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(cents / 100);
}

const dollars = z
  .string({ error: "Enter the estimated value per item, in dollars" })
  .trim()
  .min(1, { error: "Enter the estimated value per item, in dollars" })
  .regex(/^\$?\d{1,6}(\.\d{1,2})?$/, { error: "Enter dollars like 25 or 24.99" })
  // Parse the digits, never a float: 0.1 + 0.2 must not turn into 30 cents and a bit.
  .transform((value) => {
    const [whole, fraction = ""] = value.replace("$", "").split(".");
    return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  });

export const DonationSchema = z.object({
  kind: z.enum(DONATION_KINDS, { error: "Choose what kind of donation this is" }),
  itemName: z
    .string({ error: "Name the item" })
    .trim()
    .min(1, { error: "Name the item" })
    .max(120, { error: "Use at most 120 characters" }),
  description: optionalText(1000),
  quantity: z.coerce
    .number({ error: "Enter how many, from 1 to 1000" })
    .int({ error: "Enter a whole number" })
    .min(1, { error: "Enter how many, from 1 to 1000" })
    .max(1000, { error: "Enter how many, from 1 to 1000" }),
  unitValue: dollars,
  restrictions: optionalText(300),
});
export type DonationInput = z.output<typeof DonationSchema>;

export const VendorInviteSchema = z.object({
  company: z
    .string({ error: "Enter the company name" })
    .trim()
    .min(1, { error: "Enter the company name" })
    .max(120, { error: "Use at most 120 characters" }),
  contactName: theirNameField,
  contactEmail: theirEmailField,
});
export type VendorInviteInput = z.output<typeof VendorInviteSchema>;

export const GiftLimitSchema = z.object({
  giftLimit: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z
      .string()
      .trim()
      .regex(/^\$?\d{1,6}(\.\d{1,2})?$/, { error: "Enter dollars like 50, or leave blank for no limit" })
      .transform((value) => Math.round(Number(value.replace("$", "")) * 100))
      .optional(),
  ),
});

export const GRADE_BANDS = ["K-2", "3-5", "6-8", "9-12"] as const;
export type GradeBand = (typeof GRADE_BANDS)[number];

const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

export const DrawingSchema = z.object({
  name: z
    .string({ error: "Name the drawing" })
    .trim()
    .min(1, { error: "Name the drawing" })
    .max(120, { error: "Use at most 120 characters" }),
  minSessions: z.preprocess(
    (v) => (v === "" || v === undefined ? 0 : v),
    z.coerce
      .number({ error: "Enter a number of sessions from 0 to 20" })
      .int({ error: "Enter a whole number" })
      .min(0, { error: "Enter a number of sessions from 0 to 20" })
      .max(20, { error: "Enter a number of sessions from 0 to 20" }),
  ),
  requireFeedback: checkbox,
  school: optionalText(120),
  gradeBand: z.preprocess((v) => (v === "" ? undefined : v), z.enum(GRADE_BANDS).optional()),
  excludePresenters: checkbox,
  allowMultiplePrizes: checkbox,
  // Which delivered prizes this drawing gives away: chosen, never "whatever is left".
  prizeIds: z.preprocess(
    (v) => (Array.isArray(v) ? v : typeof v === "string" && v !== "" ? [v] : []),
    z.array(z.string().min(1).max(64)).min(1, { error: "Choose at least one prize to draw" }).max(500),
  ),
});
export type DrawingInput = z.output<typeof DrawingSchema>;
