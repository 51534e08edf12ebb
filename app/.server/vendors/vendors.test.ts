import { describe, expect, test } from "vitest";
import { DonationSchema, VendorInviteSchema, formatCents } from "~/schemas/donations";
import { db } from "~/utils/db.server";
import { addMember, createDonation, createEvent, createUser, createVendor } from "../../../tests/factories";
import { NotAllowedError, NotFoundError, RuleError } from "../errors";
import {
  donationTotals,
  isOverGiftLimit,
  listEventDonations,
  listVendorDonations,
  logDonation,
  markDelivered,
  sniffImage,
  attachDonationPhoto,
  readDonationPhoto,
} from "./donations";
import { letterText, sendThankYouLetters, thankYouLetter } from "./thanks";
import {
  assertVendorAccess,
  claimVendorContacts,
  inviteVendor,
  listMyVendors,
  listSponsors,
  setThanksOptIn,
} from "./vendors";

async function eventWithCoordinator() {
  const event = await createEvent({ name: "Spring Teacher-Led PD Day", status: "live" });
  const coordinator = await createUser({ name: "Dana Whitfield" });
  await addMember(event.id, coordinator.id, "coordinator");
  return { event, coordinator };
}

const donation = (overrides: Record<string, string> = {}) =>
  DonationSchema.parse({
    kind: "prize",
    itemName: "Coffee for a year",
    quantity: "2",
    unitValue: "49.99",
    ...overrides,
  });

describe("inviteVendor", () => {
  test("creates the vendor, invites the contact as a vendor member, and links an existing account at once", async () => {
    const { event, coordinator } = await eventWithCoordinator();
    const existing = await createUser({ email: "sam@bluebird.test" });
    const vendor = await inviteVendor(
      coordinator.id,
      event.id,
      VendorInviteSchema.parse({
        company: "Bluebird Coffee",
        contactName: "Sam Ortiz",
        contactEmail: "Sam@Bluebird.test",
      }),
    );
    expect(vendor).toMatchObject({ company: "Bluebird Coffee", contactEmail: "sam@bluebird.test" });
    expect(await db.vendorContact.count({ where: { vendorId: vendor.id, userId: existing.id } })).toBe(1);
    // One mail: the invitation, saying what it is for.
    const mails = await db.outboxMessage.findMany({ where: { to: "sam@bluebird.test" } });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(`Log Bluebird Coffee's donations for ${event.name}`);
    expect(mails[0]!.text).toContain("/invite/");
    expect(mails[0]!.text).toContain("log what Bluebird Coffee is donating");
    await expect(
      inviteVendor(
        coordinator.id,
        event.id,
        VendorInviteSchema.parse({ company: "Bluebird Coffee", contactName: "X", contactEmail: "x@y.test" }),
      ),
    ).rejects.toMatchObject({ field: "company" });
  });

  test("a new user is linked (at sign-in) only once they are a vendor member with the contact email", async () => {
    const { event, coordinator } = await eventWithCoordinator();
    const vendor = await inviteVendor(
      coordinator.id,
      event.id,
      VendorInviteSchema.parse({ company: "Lakeside Books", contactName: "Ana", contactEmail: "ana@lakeside.test" }),
    );
    const ana = await createUser({ email: "ana@lakeside.test" });
    await claimVendorContacts(ana.id);
    expect(await listMyVendors(ana.id)).toEqual([]);
    await addMember(event.id, ana.id, "vendor");
    await claimVendorContacts(ana.id);
    expect((await listMyVendors(ana.id)).map((v) => v.id)).toEqual([vendor.id]);
  });

  test("an address typed at sign-up but never proven claims no vendor, whenever the vendor is invited", async () => {
    const { event, coordinator } = await eventWithCoordinator();
    // The stranger signs up as Acme's contact before the coordinator invites Acme.
    const stranger = await createUser({ email: "contact@acme.test", emailVerifiedAt: null });
    const vendor = await inviteVendor(
      coordinator.id,
      event.id,
      VendorInviteSchema.parse({ company: "Acme", contactName: "Pat", contactEmail: "contact@acme.test" }),
    );
    await addMember(event.id, stranger.id, "vendor");
    await claimVendorContacts(stranger.id);
    expect(await db.vendorContact.count({ where: { vendorId: vendor.id } })).toBe(0);
    await expect(assertVendorAccess(stranger.id, vendor.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  test("a contact who is already this PD day's vendor gets one mail with the donation log's address", async () => {
    const { event, coordinator } = await eventWithCoordinator();
    const gwen = await createUser({ email: "gwen@prairie.test" });
    await addMember(event.id, gwen.id, "vendor");
    const vendor = await inviteVendor(
      coordinator.id,
      event.id,
      VendorInviteSchema.parse({
        company: "Prairie Office Supply",
        contactName: "Gwen",
        contactEmail: "gwen@prairie.test",
      }),
    );
    const mails = await db.outboxMessage.findMany({ where: { to: "gwen@prairie.test" } });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain(`/vendor/${vendor.id}`);
    expect(mails[0]!.text).not.toContain("/invite/");
  });

  test("only coordinators invite vendors", async () => {
    const { event } = await eventWithCoordinator();
    const teacher = await createUser();
    await expect(
      inviteVendor(
        teacher.id,
        event.id,
        VendorInviteSchema.parse({ company: "A", contactName: "B", contactEmail: "c@d.test" }),
      ),
    ).rejects.toBeInstanceOf(NotAllowedError);
  });
});

describe("vendor isolation", () => {
  test("a contact of vendor A cannot read or write vendor B's records; coordinators can", async () => {
    const { event, coordinator } = await eventWithCoordinator();
    const a = await createVendor(event.id);
    const b = await createVendor(event.id);
    const samOfA = await createUser();
    await addMember(event.id, samOfA.id, "vendor");
    await db.vendorContact.create({ data: { vendorId: a.id, userId: samOfA.id } });
    const bGift = await createDonation(event.id, b.id, { photoPath: null });

    expect((await assertVendorAccess(samOfA.id, a.id)).asCoordinator).toBe(false);
    await expect(listVendorDonations(samOfA.id, b.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(logDonation(samOfA.id, b.id, donation())).rejects.toBeInstanceOf(NotFoundError);
    await expect(setThanksOptIn(samOfA.id, b.id, true)).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      attachDonationPhoto(samOfA.id, bGift.id, new Uint8Array([0xff, 0xd8, 0xff, 0])),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(markDelivered(samOfA.id, bGift.id)).rejects.toBeInstanceOf(NotAllowedError);
    expect((await listVendorDonations(coordinator.id, b.id)).donations.map((d) => d.id)).toEqual([bGift.id]);
  });
});

describe("donations", () => {
  test("the schema turns dollars into cents and explains bad input", () => {
    expect(donation({ unitValue: "$24.5" }).unitValue).toBe(2450);
    expect(donation({ unitValue: "0.29" }).unitValue).toBe(29);
    const bad = DonationSchema.safeParse({ kind: "car", itemName: " ", quantity: "0", unitValue: "lots" });
    expect(bad.success).toBe(false);
    const messages = Object.fromEntries(bad.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(messages).toMatchObject({
      kind: "Choose what kind of donation this is",
      itemName: "Name the item",
      quantity: "Enter how many, from 1 to 1000",
      unitValue: "Enter dollars like 25 or 24.99",
    });
    expect(DonationSchema.safeParse({ ...donation(), quantity: "1001", unitValue: "5" }).success).toBe(false);
  });

  test("a contact logs a pledge; a coordinator confirms delivery once, with an audit entry", async () => {
    const { event, coordinator } = await eventWithCoordinator();
    const vendor = await createVendor(event.id);
    const sam = await createUser();
    await addMember(event.id, sam.id, "vendor");
    await db.vendorContact.create({ data: { vendorId: vendor.id, userId: sam.id } });
    const logged = await logDonation(sam.id, vendor.id, donation({ restrictions: "must be present" }));
    expect(logged).toMatchObject({
      status: "pledged",
      quantity: 2,
      unitValueCents: 4999,
      restrictions: "must be present",
    });

    await expect(markDelivered(sam.id, logged.id)).rejects.toBeInstanceOf(NotAllowedError);
    await markDelivered(coordinator.id, logged.id);
    const delivered = await db.donation.findUniqueOrThrow({ where: { id: logged.id } });
    expect(delivered.status).toBe("delivered");
    expect(delivered.deliveredAt).toBeInstanceOf(Date);
    await expect(markDelivered(coordinator.id, logged.id)).rejects.toBeInstanceOf(RuleError);
    expect(await db.auditLog.count({ where: { entityId: logged.id, action: "donation.delivered" } })).toBe(1);
  });

  test("totals by vendor and kind, and the gift limit flags items worth more per unit", async () => {
    const { event, coordinator } = await eventWithCoordinator();
    await db.event.update({ where: { id: event.id }, data: { giftValueLimitCents: 5000 } });
    const a = await createVendor(event.id);
    const b = await createVendor(event.id);
    await createDonation(event.id, a.id, { kind: "prize", quantity: 2, unitValueCents: 2500 });
    const pricey = await createDonation(event.id, a.id, { kind: "prize", quantity: 1, unitValueCents: 29900 });
    await createDonation(event.id, b.id, { kind: "food", quantity: 40, unitValueCents: 350 });
    const { totals, overLimit } = await listEventDonations(coordinator.id, event.id);
    expect(totals.byVendor).toEqual({ [a.id]: 34900, [b.id]: 14000 });
    expect(totals.byKind).toEqual({ prize: 34900, food: 14000 });
    expect(formatCents(totals.total)).toBe("$489.00");
    expect(overLimit).toEqual([pricey.id]);
    expect(isOverGiftLimit(5000, 5000)).toBe(false);
    expect(isOverGiftLimit(5001, null)).toBe(false);
    expect(donationTotals([]).total).toBe(0);
  });

  test("photos: only real JPEG/PNG/WebP bytes are stored, under a random name, readable by those with access", async () => {
    const { event, coordinator } = await eventWithCoordinator();
    const vendor = await createVendor(event.id);
    const gift = await createDonation(event.id, vendor.id);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    expect(sniffImage(png)?.type).toBe("image/png");
    await expect(
      attachDonationPhoto(coordinator.id, gift.id, new TextEncoder().encode("<svg onload=alert(1)>")),
    ).rejects.toMatchObject({
      field: "photo",
    });
    await attachDonationPhoto(coordinator.id, gift.id, png);
    const stored = await db.donation.findUniqueOrThrow({ where: { id: gift.id } });
    expect(stored.photoPath).toMatch(/^[0-9a-f]{32}\.png$/);
    const photo = await readDonationPhoto(coordinator.id, gift.id);
    expect(photo.type).toBe("image/png");
    expect([...photo.bytes]).toEqual([...png]);
    const stranger = await createUser();
    await expect(readDonationPhoto(stranger.id, gift.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("thank-you letters and sponsors", () => {
  test("the letter lists each donation and the total; sending mails every contact once", async () => {
    const { event, coordinator } = await eventWithCoordinator();
    const vendor = await createVendor(event.id, { company: "Bluebird Coffee", contactName: "Sam Ortiz" });
    const sam = await createUser({ name: "Sam Ortiz" });
    const lee = await createUser({ name: "Lee Park" });
    await db.vendorContact.createMany({
      data: [
        { vendorId: vendor.id, userId: sam.id },
        { vendorId: vendor.id, userId: lee.id },
      ],
    });
    await createDonation(event.id, vendor.id, { itemName: "Gift card", quantity: 3, unitValueCents: 2500 });
    await createDonation(event.id, vendor.id, {
      itemName: "Coffee urns",
      kind: "food",
      quantity: 2,
      unitValueCents: 4000,
    });

    const letter = await thankYouLetter(coordinator.id, event.id, vendor.id);
    expect(letter.total).toBe(15500);
    const text = letterText(letter.vendor, letter.event, letter.donations, letter.signer);
    expect(text).toContain("3 × Gift card (Prize), $25.00 each: $75.00");
    expect(text).toContain("Total estimated value: $155.00");

    expect(await sendThankYouLetters(coordinator.id, event.id)).toBe(2);
    const mails = await db.outboxMessage.findMany({ where: { subject: `Thank you from ${event.name}` } });
    expect(mails.map((m) => m.to).sort()).toEqual([sam.email, lee.email].sort());
    expect(mails.find((m) => m.to === lee.email)!.text).toContain("Dear Lee Park,");
  });

  test("letters wait until the day is live; the public list shows opted-in vendors only", async () => {
    const event = await createEvent({ status: "published" });
    const coordinator = await createUser();
    await addMember(event.id, coordinator.id, "coordinator");
    await expect(sendThankYouLetters(coordinator.id, event.id)).rejects.toBeInstanceOf(RuleError);

    const shy = await createVendor(event.id, { company: "Quiet Co" });
    const proud = await createVendor(event.id, { company: "Bluebird Coffee" });
    const sam = await createUser();
    await addMember(event.id, sam.id, "vendor");
    await db.vendorContact.create({ data: { vendorId: proud.id, userId: sam.id } });
    await setThanksOptIn(sam.id, proud.id, true);
    await createDonation(event.id, shy.id);
    expect(await listSponsors(event.id)).toEqual([{ id: proud.id, company: "Bluebird Coffee", items: [] }]);
  });
});
