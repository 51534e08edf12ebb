// Thank-you letters to vendors: one printable letter per vendor, mailed to each contact after the day.
import { db } from "~/utils/db.server";
import { formatCents, DONATION_KIND_LABELS, type DonationKind } from "~/schemas/donations";
import { recordAudit } from "../audit/audit";
import { NotFoundError, RuleError } from "../errors";
import { assertEventCoordinator } from "../events/permissions";
import { sendMail } from "../outbox/outbox";
import { donationTotals } from "./donations";

type LetterVendor = { company: string; contactName: string };
type LetterEvent = { name: string; date: string };
type LetterDonation = { itemName: string; kind: string; quantity: number; unitValueCents: number };

export function letterText(
  vendor: LetterVendor,
  event: LetterEvent,
  donations: readonly LetterDonation[],
  signer: string,
) {
  const total = donations.reduce((sum, d) => sum + d.quantity * d.unitValueCents, 0);
  return [
    `Dear ${vendor.contactName},`,
    "",
    `Thank you for ${vendor.company}'s generous support of ${event.name} on ${event.date}.`,
    "Your donations made the day better for every teacher who came:",
    "",
    ...donations.map(
      (d) =>
        `- ${d.quantity} × ${d.itemName} (${DONATION_KIND_LABELS[d.kind as DonationKind]?.split(" (")[0] ?? d.kind}), ` +
        `${formatCents(d.unitValueCents)} each: ${formatCents(d.quantity * d.unitValueCents)}`,
    ),
    "",
    `Total estimated value: ${formatCents(total)}`,
    "",
    "With our thanks,",
    signer,
  ].join("\n");
}

export async function thankYouLetter(actorId: string, eventId: string, vendorId: string) {
  const actor = await assertEventCoordinator(actorId, eventId);
  const vendor = await db.vendor.findFirst({
    where: { id: vendorId, eventId },
    include: { event: true, donations: { orderBy: { createdAt: "asc" } } },
  });
  if (!vendor) throw new NotFoundError("That vendor is not part of this PD day.");
  const total = donationTotals(vendor.donations).total;
  return { vendor, event: vendor.event, donations: vendor.donations, total, signer: actor.name };
}

/** After the day: one outbox message per vendor contact (or the invited contact email if nobody signed in). */
export async function sendThankYouLetters(actorId: string, eventId: string) {
  const actor = await assertEventCoordinator(actorId, eventId);
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId } });
  if (!["live", "archived"].includes(event.status)) {
    throw new RuleError("Thank-you letters go out once the PD day is happening or over.");
  }
  const vendors = await db.vendor.findMany({
    where: { eventId, donations: { some: {} } },
    include: { donations: { orderBy: { createdAt: "asc" } }, vendorContacts: { include: { user: true } } },
  });
  let sent = 0;
  for (const vendor of vendors) {
    const recipients = vendor.vendorContacts.length
      ? vendor.vendorContacts.map((c) => ({ email: c.user.email, name: c.user.name }))
      : [{ email: vendor.contactEmail, name: vendor.contactName }];
    for (const recipient of recipients) {
      await sendMail({
        eventId,
        to: recipient.email,
        subject: `Thank you from ${event.name}`,
        text: letterText({ company: vendor.company, contactName: recipient.name }, event, vendor.donations, actor.name),
      });
      sent += 1;
    }
  }
  await db.$transaction((tx) =>
    recordAudit(tx, {
      eventId,
      actorId,
      action: "vendor.thanks_sent",
      entity: "Event",
      entityId: eventId,
      detail: { sent },
    }),
  );
  return sent;
}
