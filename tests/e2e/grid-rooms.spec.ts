// The grid editor on a 60-room day: one room group (a building's floor) on screen at
// a time, warnings for the whole day, and keyboard, drag and no-JS placement still
// working, including into a room of a group that is not on screen.
import { cell, keyboardDrop, settled } from "./grid-helpers";
import { addMember, createEvent, createUser, db, expect, expectAccessible, signIn, test } from "./support";

const ROOMS = Array.from({ length: 60 }, (_, i) => `Room ${100 + i}`);
const BLOCKS = ["Block 1", "Block 2", "Block 3", "Block 4", "Block 5", "Block 6"];
const GROUPS = [
  "Main, floor 1",
  "Main, floor 2",
  "Main, floor 3",
  "East wing, floor 1",
  "East wing, floor 2",
  "East wing, floor 3",
];

/** 60 rooms: Main and East wing, three floors each, ten rooms a floor (Room 100–109 on Main floor 1). */
async function seedBigDay() {
  const coordinator = await createUser({ name: "Dana Whitfield" });
  const event = await createEvent(coordinator.id, { name: "Big Grid Day", status: "scheduling" });
  const eventId = event.id;
  await db().room.createMany({
    data: ROOMS.map((name, i) => ({
      eventId,
      name,
      building: i < 30 ? "Main" : "East wing",
      floor: String(1 + (Math.floor(i / 10) % 3)),
      capacity: 30,
      features: "projector",
      sortOrder: i,
    })),
  });
  await db().timeBlock.createMany({
    data: BLOCKS.map((label, i) => ({
      eventId,
      label,
      startTime: `${String(9 + i).padStart(2, "0")}:00`,
      endTime: `${String(9 + i).padStart(2, "0")}:50`,
      sortOrder: i,
    })),
  });
  const rooms = await db().room.findMany({ where: { eventId }, orderBy: { sortOrder: "asc" } });
  const blocks = await db().timeBlock.findMany({ where: { eventId }, orderBy: { sortOrder: "asc" } });
  const presenter = await createUser({ name: "Aisha Nguyen" });
  await addMember(eventId, presenter.id, "presenter");
  const proposal = (title: string, extra: Record<string, unknown> = {}) =>
    db().proposal.create({
      data: { eventId, presenterId: presenter.id, title, state: "accepted", audience: "K-2", ...extra },
    });
  const coding = await proposal("Coding club");
  await db().placement.create({
    data: { eventId, proposalId: coding.id, roomId: rooms[0]!.id, timeBlockId: blocks[0]!.id },
  });
  // Needs a sink; Room 157 (East wing, floor 3) has none: a warning in a group not on screen.
  const science = await proposal("Kitchen science", { techNeeds: "sink_lab" });
  await db().placement.create({
    data: { eventId, proposalId: science.id, roomId: rooms[57]!.id, timeBlockId: blocks[2]!.id },
  });
  await proposal("Station rotation");
  return { coordinator, event };
}

test.describe("grid with 60 rooms", () => {
  test("shows one floor at a time, the warning on another floor counted and linked; keyboard moves work", async ({
    page,
    baseURL,
  }) => {
    const { coordinator, event } = await seedBigDay();
    await signIn(page, coordinator.id, baseURL!);
    await page.goto(`/events/${event.slug}/grid`);

    const nav = page.getByRole("navigation", { name: "Room groups" });
    await expect(nav.getByRole("link")).toHaveText(
      GROUPS.map((g, i) => new RegExp(`^${g}10 rooms${i === 5 ? " · ⚠ 1 warning" : ""}$`)),
    );
    await expect(nav.getByRole("link", { name: /Main, floor 1/ })).toHaveAttribute("aria-current", "page");
    // Ten rooms side by side, not sixty.
    await expect(page.getByRole("columnheader")).toHaveCount(10);
    await expect(page.getByRole("table")).toContainText("Working grid (Main, floor 1)");

    const warnings = page.getByRole("region", { name: /Warnings/ });
    await expect(warnings.getByRole("heading", { level: 2 })).toHaveText("Warnings (1 for the day)");
    await expect(warnings).toContainText("None in Main, floor 1");
    await expectAccessible(page);

    await keyboardDrop(page, { rooms: ROOMS.slice(0, 10), blocks: BLOCKS }, "Coding club", "Room 101", "Block 2");
    await settled(page);
    await expect(page.getByRole("status").filter({ hasText: "Session moved." })).toBeVisible();
    await expect(cell(page, "Room 101", "Block 2")).toContainText("Coding club");
    await expect(cell(page, "Room 100", "Block 1")).not.toContainText("Coding club");

    await warnings.getByRole("link", { name: "East wing, floor 3: 1 warning" }).click();
    await expect(nav.getByRole("link", { name: /East wing, floor 3/ })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("columnheader")).toHaveText(ROOMS.slice(50, 60).map((name) => new RegExp(`^${name}`)));
    await expect(warnings).toContainText("“Kitchen science” needs a sink or lab space, but Room 157 does not have it.");
    await expect(cell(page, "Room 157", "Block 3").getByRole("list", { name: "Warnings" })).toContainText(
      "Room lacks a feature",
    );
    await expectAccessible(page);
  });

  test("without JavaScript, a session is placed into a room on another floor and the grid stays on the floor shown", async ({
    browser,
    baseURL,
  }) => {
    const { coordinator, event } = await seedBigDay();
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, coordinator.id, baseURL!);
    await page.goto(`/events/${event.slug}/grid?rooms=main-floor-2`);
    await expect(page.getByRole("table")).toContainText("Working grid (Main, floor 2)");

    await page.getByRole("link", { name: "Place in… “Station rotation”" }).click();
    await page.getByLabel("Room", { exact: true }).selectOption({ label: "Room 145 (seats 30)" });
    await page.getByLabel("Time block", { exact: true }).selectOption({ label: "Block 4 (12:00–12:50)" });
    await page.getByRole("button", { name: "Place here" }).click();
    await expect(page.getByRole("status")).toContainText("Session placed.");
    await expect(page.getByRole("table")).toContainText("Working grid (Main, floor 2)");

    await page
      .getByRole("navigation", { name: "Room groups" })
      .getByRole("link", { name: /East wing, floor 2/ })
      .click();
    await expect(cell(page, "Room 145", "Block 4")).toContainText("Station rotation");
    await context.close();
  });
});
