// Attack: a vendor's contact is taken off the PD day (the coordinator removes their
// vendor role, or they leave it), yet keeps speaking for the company: logging
// donations the coordinator will see as the vendor's, replacing photos, reading
// the company's pledges. Their contact link outlives the role, so the role is checked too.
import { describe, expect, test } from "vitest";
import { DonationSchema } from "~/schemas/donations";
import { db } from "~/utils/db.server";
import { addMember, createDonation, createEvent, createUser, createVendor } from "../../../tests/factories";
import { NotFoundError } from "../errors";
import { leaveEvent, removeMember } from "../events/people";
import { listVendorDonations, logDonation } from "./donations";
import { listMyVendors, setThanksOptIn } from "./vendors";

async function vendorWithContact() {
  const event = await createEvent({ status: "live" });
  const coordinator = await createUser();
  await addMember(event.id, coordinator.id, "coordinator");
  const vendor = await createVendor(event.id);
  const sam = await createUser({ name: "Sam Ortiz" });
  const membership = await addMember(event.id, sam.id, "vendor");
  await db.vendorContact.create({ data: { vendorId: vendor.id, userId: sam.id } });
  await createDonation(event.id, vendor.id);
  return { event, coordinator, vendor, sam, membership };
}

const pledge = DonationSchema.parse({ kind: "prize", itemName: "Gift card", quantity: "1", unitValue: "25" });

async function expectNoLongerTheirs(userId: string, vendorId: string) {
  await expect(listVendorDonations(userId, vendorId)).rejects.toBeInstanceOf(NotFoundError);
  await expect(logDonation(userId, vendorId, pledge)).rejects.toBeInstanceOf(NotFoundError);
  await expect(setThanksOptIn(userId, vendorId, true)).rejects.toBeInstanceOf(NotFoundError);
  expect(await listMyVendors(userId)).toEqual([]);
}

describe("a vendor contact taken off the PD day", () => {
  test("by the coordinator no longer reads or writes the vendor's donations", async () => {
    const { event, coordinator, vendor, sam, membership } = await vendorWithContact();
    expect(await listVendorDonations(sam.id, vendor.id)).toBeTruthy();
    await removeMember(coordinator.id, event.id, {
      intent: "remove-member",
      membershipId: membership.id,
      role: "vendor",
    });
    await expectNoLongerTheirs(sam.id, vendor.id);
    expect(await db.donation.count({ where: { vendorId: vendor.id } })).toBe(1);
  });

  test("who left it no longer reads or writes them either", async () => {
    const { event, vendor, sam } = await vendorWithContact();
    await leaveEvent(sam.id, event.id, ["vendor"]);
    await expectNoLongerTheirs(sam.id, vendor.id);
  });
});
