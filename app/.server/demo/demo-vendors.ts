// The demo's vendors: contacts linked to their accounts, donations in every state,
// public thanks switched on, and one finished drawing with winners on record.
import { DrawingSchema } from "~/schemas/donations";
import { db } from "~/utils/db.server";
import { createDrawing, prizesToChoose, runDrawing } from "../drawings/drawings";

const DONATIONS: Record<
  string,
  Array<{
    kind: string;
    itemName: string;
    description?: string;
    quantity: number;
    unitValueCents: number;
    restrictions?: string;
    delivered: boolean;
  }>
> = {
  "Prairie Office Supply": [
    {
      kind: "prize",
      itemName: "Classroom supply kit",
      description: "Markers, sticky notes, chart paper and a label maker.",
      quantity: 3,
      unitValueCents: 4000,
      delivered: true,
    },
    { kind: "swag", itemName: "Tote bags", quantity: 120, unitValueCents: 300, delivered: false },
  ],
  "Bluebird Coffee Roasters": [
    {
      kind: "food",
      itemName: "Morning coffee service",
      description: "Two urns of house blend, cups and oat milk.",
      quantity: 1,
      unitValueCents: 18000,
      delivered: true,
    },
    {
      kind: "prize",
      itemName: "Bag of whole beans",
      quantity: 2,
      unitValueCents: 1800,
      restrictions: "must be present",
      delivered: true,
    },
    { kind: "prize", itemName: "Home espresso machine", quantity: 1, unitValueCents: 35000, delivered: false },
  ],
  "Lumen Learning Tech": [
    {
      kind: "prize",
      itemName: "Document camera",
      quantity: 1,
      unitValueCents: 12000,
      restrictions: "for a K-2 teacher",
      delivered: true,
    },
    { kind: "service", itemName: "One-year classroom license", quantity: 5, unitValueCents: 6000, delivered: false },
  ],
};

export async function seedDemoVendors(eventId: string) {
  const vendors = await db.vendor.findMany({ where: { eventId } });
  if (vendors.length === 0 || (await db.donation.count({ where: { eventId } })) > 0)
    return { donations: 0, winners: 0, checkIns: 0 };
  const coordinator = await db.membership.findFirstOrThrow({
    where: { eventId, role: "coordinator" },
    orderBy: { createdAt: "asc" },
  });
  await db.event.update({ where: { id: eventId }, data: { giftValueLimitCents: 25000 } });

  let donations = 0;
  for (const vendor of vendors) {
    const contact = await db.user.findUnique({ where: { email: vendor.contactEmail }, select: { id: true } });
    if (contact) {
      await db.vendorContact.upsert({
        where: { vendorId_userId: { vendorId: vendor.id, userId: contact.id } },
        create: { vendorId: vendor.id, userId: contact.id },
        update: {},
      });
    }
    await db.vendor.update({ where: { id: vendor.id }, data: { thanksOptIn: true } });
    for (const d of DONATIONS[vendor.company] ?? []) {
      await db.donation.create({
        data: {
          eventId,
          vendorId: vendor.id,
          kind: d.kind,
          itemName: d.itemName,
          description: d.description ?? "",
          quantity: d.quantity,
          unitValueCents: d.unitValueCents,
          restrictions: d.restrictions ?? "",
          status: d.delivered ? "delivered" : "pledged",
          deliveredAt: d.delivered ? new Date() : null,
        },
      });
      donations += 1;
    }
  }

  // Door check-ins belong to the check-in feature; if the demo has none yet, the
  // drawing needs a few, so the first attendees are checked in here.
  let checkIns = 0;
  if ((await db.doorCheckIn.count({ where: { eventId } })) === 0) {
    const attendees = await db.membership.findMany({
      where: { eventId, role: "attendee" },
      orderBy: { createdAt: "asc" },
      take: 15,
    });
    await db.doorCheckIn.createMany({ data: attendees.map((a) => ({ eventId, userId: a.userId, source: "search" })) });
    checkIns = attendees.length;
  }
  // The demo's drawing gives away every delivered prize (a coordinator chooses on the form).
  const prizeIds = (await prizesToChoose(coordinator.userId, eventId)).map((p) => p.id);
  if (prizeIds.length === 0) return { donations, winners: 0, checkIns };
  const drawing = await createDrawing(
    coordinator.userId,
    eventId,
    DrawingSchema.parse({ name: "Morning door-prize drawing", prizeIds }),
  );
  const winners = await runDrawing(coordinator.userId, drawing.id).catch(() => []);
  return { donations, winners: winners.length, checkIns };
}
