import { describe, expect, test } from "vitest";
import { db } from "~/utils/db.server";
import { createDonation, createPublishedDay, createVendor } from "../../../tests/factories";
import { publish } from "../schedule/publish";
import { publicScheduleStamp } from "./public-page-stamp";

// The production server serves a stored /e/<slug> until this stamp changes, so
// every change an anonymous visitor could see must change it.
describe("publicScheduleStamp", () => {
  const noon = new Date("2027-03-12T18:00:30Z");

  test("is null for an unknown PD day and stable while nothing changes", async () => {
    const { event } = await createPublishedDay();
    expect(publicScheduleStamp("no-such-day", noon)).toBeNull();
    expect(publicScheduleStamp(event.slug, noon)).toBe(
      publicScheduleStamp(event.slug, new Date(noon.getTime() + 20_000)),
    );
  });

  test("changes when a new version is published", async () => {
    const { event, coordinator } = await createPublishedDay();
    const before = publicScheduleStamp(event.slug, noon);
    await publish(coordinator.id, event.id);
    expect(publicScheduleStamp(event.slug, noon)).not.toBe(before);
  });

  test("changes when the event's details change", async () => {
    const { event } = await createPublishedDay();
    const before = publicScheduleStamp(event.slug, noon);
    await db.event.update({ where: { id: event.id }, data: { description: "Bring a charged laptop." } });
    expect(publicScheduleStamp(event.slug, noon)).not.toBe(before);
  });

  test("changes when the sponsors' list changes: a vendor opts in, a donation is logged", async () => {
    const { event } = await createPublishedDay();
    const vendor = await createVendor(event.id, { thanksOptIn: false });
    const first = publicScheduleStamp(event.slug, noon);
    await db.vendor.update({ where: { id: vendor.id }, data: { thanksOptIn: true } });
    const second = publicScheduleStamp(event.slug, noon);
    expect(second).not.toBe(first);
    await createDonation(event.id, vendor.id, { itemName: "Coffee cart" });
    expect(publicScheduleStamp(event.slug, noon)).not.toBe(second);
  });

  test("changes every minute, so Now / Next moves on", async () => {
    const { event } = await createPublishedDay();
    expect(publicScheduleStamp(event.slug, noon)).not.toBe(
      publicScheduleStamp(event.slug, new Date(noon.getTime() + 60_000)),
    );
  });
});
