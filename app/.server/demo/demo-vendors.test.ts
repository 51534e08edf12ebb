import { describe, expect, test } from "vitest";
import { db } from "~/utils/db.server";
import { addMember, createEvent, createUser } from "../../../tests/factories";
import { verifyDrawing } from "../drawings/drawings";
import { listSponsors } from "../vendors/vendors";
import { seedDemoVendors } from "./demo-vendors";
import { VENDORS } from "./demo-data";

describe("seedDemoVendors", () => {
  test("links contacts, logs donations in every state, opts in to thanks and finishes a verifiable drawing", async () => {
    const event = await createEvent({ status: "live" });
    const coordinator = await createUser();
    await addMember(event.id, coordinator.id, "coordinator");
    const bluebirdContact = await createUser({ email: "vendor@bluebirdcoffee.test" });
    await db.vendor.createMany({ data: VENDORS.map((v) => ({ ...v, eventId: event.id })) });
    for (let i = 0; i < 6; i++) await addMember(event.id, (await createUser()).id, "attendee");

    const result = await seedDemoVendors(event.id);
    expect(result).toMatchObject({ donations: 7, checkIns: 6, winners: 6 });

    const bluebird = await db.vendor.findFirstOrThrow({
      where: { eventId: event.id, company: "Bluebird Coffee Roasters" },
    });
    expect(await db.vendorContact.count({ where: { vendorId: bluebird.id, userId: bluebirdContact.id } })).toBe(1);
    const statuses = new Set((await db.donation.findMany({ where: { eventId: event.id } })).map((d) => d.status));
    expect(statuses).toEqual(new Set(["pledged", "delivered"]));
    expect((await listSponsors(event.id)).map((s) => s.company)).toHaveLength(3);
    const drawing = await db.drawing.findFirstOrThrow({ where: { eventId: event.id } });
    expect(drawing.status).toBe("drawn");
    expect(await verifyDrawing(drawing.id)).toMatchObject({ ok: true });
    expect(await seedDemoVendors(event.id)).toMatchObject({ donations: 0 });
  });
});
