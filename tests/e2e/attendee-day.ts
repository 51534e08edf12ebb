// The attendee specs' PD day: three rooms, three blocks around "now" (Block 2 runs
// now, Block 3 is next) and six sessions, with a coordinator, a presenter and an
// attendee; and the phone checks they share.
import type { Browser, Page } from "@playwright/test";
import { addMember, createEvent, createUser, db, expect, signIn } from "./support";

export const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

/**
 * A zone where it is around noon right now, so "Block 1" (08:00–09:00) has ended,
 * "Block 2" (12:00–13:00) is on now and "Block 3" is next, whenever the test runs.
 */
function noonZone(now = new Date()) {
  const offset = 12 - now.getUTCHours();
  const zone = offset === 0 ? "Etc/GMT" : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
  const local = new Date(now.getTime() + offset * 3_600_000);
  return { zone, date: local.toISOString().slice(0, 10) };
}

export async function seedDay() {
  const coordinator = await createUser({ name: "Dana Whitfield" });
  const event = await createEvent(coordinator.id, { name: "Spring Exchange", status: "live" });
  const { zone, date } = noonZone();
  await db().event.update({
    where: { id: event.id },
    data: { timeZone: zone, date, startTime: "08:00", endTime: "15:00" },
  });
  const rooms = await Promise.all(
    ["Library", "Room 114", "Room 115"].map((name, i) =>
      db().room.create({
        data: { eventId: event.id, name, building: "Main building", floor: String(i + 1), capacity: 30, sortOrder: i },
      }),
    ),
  );
  const block = (label: string, startTime: string, endTime: string) =>
    db().timeBlock.create({ data: { eventId: event.id, label, startTime, endTime } });
  const b1 = await block("Block 1", "08:00", "09:00");
  const b2 = await block("Block 2", "12:00", "13:00");
  const b3 = await block("Block 3", "13:10", "14:00");
  const maria = await createUser({ name: "Maria Delgado" });
  await addMember(event.id, maria.id, "presenter");
  const placed: Record<string, { proposalId: string; placementId: string }> = {};
  const session = async (title: string, audience: string, roomIndex: number, blockId: string) => {
    const proposal = await db().proposal.create({
      data: {
        eventId: event.id,
        presenterId: maria.id,
        title,
        summary: `${title}, hands on.`,
        audience,
        format: "hands_on",
        state: "confirmed",
      },
    });
    const placement = await db().placement.create({
      data: { eventId: event.id, proposalId: proposal.id, roomId: rooms[roomIndex]!.id, timeBlockId: blockId },
    });
    placed[title] = { proposalId: proposal.id, placementId: placement.id };
  };
  await session("Morning Desmos", "6-8", 0, b1.id);
  await session("Fractions with tiles", "6-8", 0, b2.id);
  await session("Station rotation", "6-8", 1, b2.id);
  await session("Phonics games", "K-2", 2, b2.id);
  await session("Exit tickets", "6-8", 0, b3.id);
  await session("Math talks", "6-8", 1, b3.id);
  const attendee = await createUser({ name: "Keisha Reyes" });
  await addMember(event.id, attendee.id, "attendee");
  return { coordinator, event, maria, attendee, placed };
}

export async function noSidewaysScroll(page: Page) {
  await page.setViewportSize({ width: 320, height: 640 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${page.url()} scrolls sideways at 320px`).toBeLessThanOrEqual(0);
  await page.setViewportSize(phone.viewport);
}

/** Version 1 of the day's schedule, published by its coordinator through the publish page. */
export async function publishDay(browser: Browser, baseURL: string, g: Awaited<ReturnType<typeof seedDay>>) {
  const staff = await browser.newContext();
  const staffPage = await staff.newPage();
  await signIn(staffPage, g.coordinator.id, baseURL);
  await staffPage.goto(`/events/${g.event.slug}/publish`);
  await staffPage.getByRole("button", { name: "Publish" }).click();
  await expect(staffPage.getByRole("status")).toContainText("Version 1 is published");
  await staff.close();
}

/** The published day with a second attendee, Ben; Keisha picked "Fractions with tiles", Ben "Station rotation". */
export async function dayWithTwoAttendees(browser: Browser, baseURL: string) {
  const g = await seedDay();
  await publishDay(browser, baseURL, g);
  const ben = await createUser({ name: "Benedikt Oyelaran" });
  await addMember(g.event.id, ben.id, "attendee");
  const pick = (userId: string, title: string, clientId: string) =>
    db().pick.create({
      data: {
        eventId: g.event.id,
        userId,
        placementId: g.placed[title]!.placementId,
        proposalId: g.placed[title]!.proposalId,
        clientId,
      },
    });
  await pick(g.attendee.id, "Fractions with tiles", "keisha-pick-tiles");
  await pick(ben.id, "Station rotation", "ben-pick-rotation");
  return { ...g, ben };
}
