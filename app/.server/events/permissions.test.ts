import { describe, expect, test } from "vitest";
import { db } from "~/utils/db.server";
import { createEvent } from "../../../tests/factories";
import { eventById, findEventBySlug } from "./permissions";

// findEventBySlug reads the row with a prepared statement, not Prisma: every
// column must come back as Prisma gives it (booleans, dates, nulls), or a page
// would see `1` for true or a string for a date.
describe("the PD day's row read by its address", () => {
  test("is what Prisma reads, with every setting turned away from its default", async () => {
    const event = await createEvent({
      earlyCheckIn: true,
      feedbackForCredit: true,
      dailyCapMinutes: 300,
      giftValueLimitCents: 2500,
      allowedEmailDomain: "example.test",
      doorsOpenAt: "2027-03-12T07:00",
      proposalsOpenOn: "2027-01-01",
      creditCategories: "Math\nLiteracy",
    });
    const prisma = await db.event.findUniqueOrThrow({ where: { id: event.id } });
    expect(await findEventBySlug(event.slug)).toStrictEqual(prisma);
    expect(eventById(event.id)).toStrictEqual(prisma);
  });

  test("and with the settings left at their defaults", async () => {
    const event = await createEvent();
    expect(await findEventBySlug(event.slug)).toStrictEqual(
      await db.event.findUniqueOrThrow({ where: { id: event.id } }),
    );
  });

  test("an unknown address is the 404 the pages show", async () => {
    await expect(findEventBySlug("no-such-day")).rejects.toThrow("There is no PD day at that address.");
    expect(eventById("no-such-id")).toBeNull();
  });
});
