// Vendors of a PD day and who may speak for them. A vendor contact sees only their
// own company's records; coordinators of the event see every vendor.
import type { VendorInviteInput } from "~/schemas/donations";
import { db } from "~/utils/db.server";
import { recordAudit } from "../audit/audit";
import { NotFoundError, RuleError } from "../errors";
import { inviteToEvent } from "../events/invitations";
import { assertEventCoordinator, coordinatesEvent, loadActor } from "../events/permissions";
import { appLink, sendMail } from "../outbox/outbox";

/**
 * The contact links that still speak for a vendor: the person must also still be a
 * vendor of its PD day. A link outlives the role (a coordinator removes it, or the
 * person leaves), and the company must not keep a voice it took back.
 */
const activeContact = (userId: string) =>
  ({ userId, vendor: { event: { memberships: { some: { userId, role: "vendor" } } } } }) as const;

/**
 * A contact of this vendor (still a vendor of its PD day), or a coordinator of its
 * event. Anyone else gets the same 404 as for a vendor that does not exist, so ids
 * cannot be probed for other companies.
 */
export async function assertVendorAccess(actorId: string, vendorId: string) {
  const actor = await loadActor(actorId);
  const vendor = await db.vendor.findUnique({ where: { id: vendorId }, include: { event: true } });
  if (vendor) {
    const contact = await db.vendorContact.findFirst({
      where: { vendorId, ...activeContact(actorId) },
      select: { id: true },
    });
    if (contact) return { vendor, asCoordinator: false };
    if (await coordinatesEvent(actor, vendor.eventId)) return { vendor, asCoordinator: true };
  }
  throw new NotFoundError("There is no vendor at that address, or it is not yours.");
}

/**
 * Creates the vendor and invites its contact as a "vendor" member of the PD day.
 * The VendorContact link cannot be made inside acceptInvitation (another module), so:
 * a user whose account has proven that email is linked now; anyone else is linked by
 * claimVendorContacts() when they accept the invitation or sign in, which requires
 * a proven address, the vendor membership (they accepted the emailed link) and the
 * vendor's contact email being theirs. An account that merely typed the address at
 * sign-up gets nothing.
 */
export async function inviteVendor(actorId: string, eventId: string, input: VendorInviteInput) {
  await assertEventCoordinator(actorId, eventId);
  const taken = await db.vendor.findUnique({
    where: { eventId_company: { eventId, company: input.company } },
    select: { id: true },
  });
  if (taken) throw new RuleError(`${input.company} is already a vendor of this PD day.`, "company");
  const existingUser = await db.user.findFirst({
    where: { email: input.contactEmail, emailVerifiedAt: { not: null } },
    select: { id: true },
  });
  const vendor = await db.$transaction(async (tx) => {
    const created = await tx.vendor.create({ data: { eventId, ...input } });
    if (existingUser) await tx.vendorContact.create({ data: { vendorId: created.id, userId: existingUser.id } });
    await recordAudit(tx, {
      eventId,
      actorId,
      action: "vendor.invited",
      entity: "Vendor",
      entityId: created.id,
      detail: { company: input.company, contactEmail: input.contactEmail },
    });
    return created;
  });
  const alreadyVendor = await db.membership.findFirst({
    where: { eventId, role: "vendor", user: { email: input.contactEmail } },
    select: { id: true },
  });
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId }, select: { name: true } });
  const subject = `Log ${input.company}'s donations for ${event.name}`;
  const thanks = `Thank you for supporting ${event.name}. You can log what ${input.company} is donating (prizes, food, swag or services) on Dropin.`;
  // One mail, never two: a new contact gets the invitation (its page lets someone without
  // an account create one), which lands them in the donation log once accepted; a contact
  // who is already this PD day's vendor gets the donation log's address.
  if (!alreadyVendor) {
    await inviteToEvent(
      actorId,
      eventId,
      { email: input.contactEmail, name: input.contactName, role: "vendor" },
      { subject, lines: [thanks, ""] },
    );
  } else {
    await sendMail({
      eventId,
      to: input.contactEmail,
      subject,
      text: [`Hello ${input.contactName},`, "", thanks, appLink(`/vendor/${vendor.id}`)].join("\n"),
    });
  }
  return vendor;
}

/**
 * Links a vendor member to the vendors whose contact email is their proven
 * address. A write: called when an invitation is accepted and at sign-in, never
 * by a page load.
 */
export async function claimVendorContacts(userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, emailVerifiedAt: true } });
  if (!user?.emailVerifiedAt) return;
  const candidates = await db.vendor.findMany({
    where: {
      contactEmail: user.email,
      vendorContacts: { none: { userId } },
      event: { memberships: { some: { userId, role: "vendor" } } },
    },
    select: { id: true },
  });
  for (const vendor of candidates) {
    await db.vendorContact.upsert({
      where: { vendorId_userId: { vendorId: vendor.id, userId } },
      create: { vendorId: vendor.id, userId },
      update: {},
    });
  }
}

/** The vendors this person speaks for. */
export async function listMyVendors(userId: string) {
  await loadActor(userId);
  return db.vendor.findMany({
    where: { vendorContacts: { some: activeContact(userId) } },
    include: { event: { select: { name: true, slug: true, date: true } } },
    orderBy: { createdAt: "desc" },
  });
}

export async function setGiftValueLimit(actorId: string, eventId: string, cents: number | undefined) {
  await assertEventCoordinator(actorId, eventId);
  await db.$transaction(async (tx) => {
    await tx.event.update({ where: { id: eventId }, data: { giftValueLimitCents: cents ?? null } });
    await recordAudit(tx, {
      eventId,
      actorId,
      action: "event.gift_limit_set",
      entity: "Event",
      entityId: eventId,
      detail: { cents: cents ?? null },
    });
  });
}

/** Only the vendor's own contacts decide whether the company is named in public. */
export async function setThanksOptIn(actorId: string, vendorId: string, optIn: boolean) {
  const { vendor } = await assertVendorAccess(actorId, vendorId);
  await db.$transaction(async (tx) => {
    await tx.vendor.update({ where: { id: vendorId }, data: { thanksOptIn: optIn } });
    await recordAudit(tx, {
      eventId: vendor.eventId,
      actorId,
      action: optIn ? "vendor.thanks_opted_in" : "vendor.thanks_opted_out",
      entity: "Vendor",
      entityId: vendorId,
    });
  });
}

/** The public "thanks to our sponsors" list: opted-in vendors only, with what they gave. */
export async function listSponsors(eventId: string) {
  const vendors = await db.vendor.findMany({
    where: { eventId, thanksOptIn: true },
    include: { donations: { select: { itemName: true, kind: true }, orderBy: { createdAt: "asc" } } },
    orderBy: { company: "asc" },
  });
  return vendors.map((v) => ({ id: v.id, company: v.company, items: v.donations.map((d) => d.itemName) }));
}
