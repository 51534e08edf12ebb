// What vendors give: logged by a vendor contact (or a coordinator for them),
// confirmed on delivery by a coordinator, summed by vendor and kind.
import type { DonationInput } from "~/schemas/donations";
import { db } from "~/utils/db.server";
import { recordAudit } from "../audit/audit";
import { NotFoundError, RuleError } from "../errors";
import { assertEventCoordinator } from "../events/permissions";
import { JPEG, PNG, readUpload, removeUpload, sniffFile, storeUpload, WEBP } from "../uploads/stored-files";
import { assertVendorAccess } from "./vendors";

export async function logDonation(actorId: string, vendorId: string, input: DonationInput) {
  const { vendor } = await assertVendorAccess(actorId, vendorId);
  return db.$transaction(async (tx) => {
    const donation = await tx.donation.create({
      data: {
        eventId: vendor.eventId,
        vendorId,
        kind: input.kind,
        itemName: input.itemName,
        description: input.description ?? "",
        quantity: input.quantity,
        unitValueCents: input.unitValue,
        restrictions: input.restrictions ?? "",
      },
    });
    await recordAudit(tx, {
      eventId: vendor.eventId,
      actorId,
      action: "donation.logged",
      entity: "Donation",
      entityId: donation.id,
      detail: { vendor: vendor.company, itemName: input.itemName, quantity: input.quantity },
    });
    return donation;
  });
}

/** A vendor's donations, through the same access check as everything else of theirs. */
export async function listVendorDonations(actorId: string, vendorId: string) {
  const access = await assertVendorAccess(actorId, vendorId);
  const donations = await db.donation.findMany({ where: { vendorId }, orderBy: { createdAt: "asc" } });
  return { ...access, donations };
}

/** Only a coordinator confirms receipt: that is what makes a prize drawable. */
export async function markDelivered(actorId: string, donationId: string) {
  const donation = await db.donation.findUnique({ where: { id: donationId } });
  if (!donation) throw new NotFoundError("That donation does not exist.");
  await assertEventCoordinator(actorId, donation.eventId);
  await db.$transaction(async (tx) => {
    const moved = await tx.donation.updateMany({
      where: { id: donationId, status: "pledged" },
      data: { status: "delivered", deliveredAt: new Date() },
    });
    if (moved.count !== 1) throw new RuleError(`${donation.itemName} is already marked delivered.`);
    await recordAudit(tx, {
      eventId: donation.eventId,
      actorId,
      action: "donation.delivered",
      entity: "Donation",
      entityId: donationId,
      detail: { itemName: donation.itemName },
    });
  });
}

type Summable = { vendorId: string; kind: string; quantity: number; unitValueCents: number };

/** Totals in cents by vendor and by kind; a donation's value is quantity × value per unit. */
export function donationTotals(donations: readonly Summable[]) {
  const byVendor: Record<string, number> = {};
  const byKind: Record<string, number> = {};
  let total = 0;
  for (const d of donations) {
    const value = d.quantity * d.unitValueCents;
    byVendor[d.vendorId] = (byVendor[d.vendorId] ?? 0) + value;
    byKind[d.kind] = (byKind[d.kind] ?? 0) + value;
    total += value;
  }
  return { byVendor, byKind, total };
}

/** The district's gift rule is per item: a unit worth more than the limit is flagged. */
export function isOverGiftLimit(unitValueCents: number, limitCents: number | null | undefined) {
  return limitCents != null && unitValueCents > limitCents;
}

/** Every vendor with its donations, totals and gift-limit flags, for the coordinator. */
export async function listEventDonations(actorId: string, eventId: string) {
  await assertEventCoordinator(actorId, eventId);
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId } });
  const vendors = await db.vendor.findMany({
    where: { eventId },
    include: {
      donations: { orderBy: { createdAt: "asc" } },
      vendorContacts: { include: { user: { select: { name: true, email: true } } } },
    },
    orderBy: { company: "asc" },
  });
  const totals = donationTotals(vendors.flatMap((v) => v.donations));
  const overLimit = vendors
    .flatMap((v) => v.donations)
    .filter((d) => isOverGiftLimit(d.unitValueCents, event.giftValueLimitCents))
    .map((d) => d.id);
  return { vendors, totals, overLimit };
}

export const MAX_PHOTO_BYTES = 2_000_000;
const PHOTO_TYPES = [JPEG, PNG, WEBP];

export function sniffImage(bytes: Uint8Array) {
  return sniffFile(bytes, PHOTO_TYPES);
}

export async function attachDonationPhoto(actorId: string, donationId: string, bytes: Uint8Array) {
  const donation = await db.donation.findUnique({ where: { id: donationId } });
  if (!donation) throw new NotFoundError("That donation does not exist.");
  await assertVendorAccess(actorId, donation.vendorId);
  if (bytes.byteLength === 0) throw new RuleError("Choose a photo to upload.", "photo");
  if (bytes.byteLength > MAX_PHOTO_BYTES) throw new RuleError("Use a photo of at most 2 MB.", "photo");
  const image = sniffImage(bytes);
  if (!image) throw new RuleError("Use a JPEG, PNG or WebP photo.", "photo");
  const fileName = await storeUpload(bytes, image);
  await db.$transaction(async (tx) => {
    await tx.donation.update({ where: { id: donationId }, data: { photoPath: fileName } });
    await recordAudit(tx, {
      eventId: donation.eventId,
      actorId,
      action: "donation.photo_added",
      entity: "Donation",
      entityId: donationId,
    });
  });
  if (donation.photoPath) await removeUpload(donation.photoPath);
}

export async function readDonationPhoto(actorId: string, donationId: string) {
  const donation = await db.donation.findUnique({ where: { id: donationId } });
  if (!donation?.photoPath) throw new NotFoundError("That photo does not exist.");
  await assertVendorAccess(actorId, donation.vendorId);
  const bytes = await readUpload(donation.photoPath);
  return { bytes, type: sniffImage(bytes)?.type ?? "application/octet-stream" };
}
