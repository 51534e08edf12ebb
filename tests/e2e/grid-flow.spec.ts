// Issue 4's "Done means", walked end to end by one coordinator in one browser session:
// rooms and blocks typed in, eight sessions put on the grid (six dragged, two moved with
// the keyboard only), four kinds of warning raised and cleared, v1 published, one session
// moved with the grid's Move to… form, v2 published, and what everyone downstream sees:
// the changelog, the presenter's mail, the public page and both exports.
// Only the proposals (and the people behind them) are seeded; grid.spec.ts and
// publish.spec.ts cover each half in detail, this spec proves they connect.
import type { Page } from "@playwright/test";
import ICAL from "ical.js";
import { frabValidator, hasFrabSchema, parseIcs } from "../support/schedule-validators";
import { cell, dragTo, handle, keyboardDrop as dropByKeyboard, settled } from "./grid-helpers";
import { addMember, createEvent, createUser, db, expect, expectAccessible, signIn, test } from "./support";

const ROOMS = [
  { name: "Library", seats: "60", features: ["Projector"] },
  { name: "Room 203", seats: "30", features: ["Projector"] },
  { name: "STEM Lab", seats: "30", features: ["Projector", "Student devices"] },
  { name: "Art Room", seats: "25", features: [] },
];
const BLOCKS = [
  { label: "Block 1", start: "09:00", end: "09:50", kind: "sessions" },
  { label: "Block 2", start: "10:00", end: "10:50", kind: "sessions" },
  { label: "Lunch", start: "12:00", end: "12:45", kind: "lunch" },
  { label: "Block 3", start: "13:00", end: "13:50", kind: "sessions" },
];
const ROOM_NAMES = ROOMS.map((r) => r.name);
const BLOCK_LABELS = BLOCKS.map((b) => b.label);

/**
 * The proposals a review would have left behind: accepted or confirmed, each with a
 * presenter. Maria has two (so she can be in two places), Aisha's needs student devices,
 * Ben's takes two blocks. The event is in scheduling so its public page exists.
 */
async function seedProposals() {
  const coordinator = await createUser({ name: "Dana Whitfield" });
  const event = await createEvent(coordinator.id, { name: "Spring Exchange", status: "scheduling" });
  const people: Record<string, Awaited<ReturnType<typeof createUser>>> = {};
  for (const name of [
    "Maria Delgado",
    "Aisha Nguyen",
    "Ben Okafor",
    "Grace Kim",
    "James Okoye",
    "Luis Reyes",
    "Tom Schmidt",
  ]) {
    people[name] = await createUser({ name });
    await addMember(event.id, people[name]!.id, "presenter");
  }
  const proposal = (presenter: string, title: string, extra: Record<string, unknown> = {}) =>
    db().proposal.create({
      data: {
        eventId: event.id,
        presenterId: people[presenter]!.id,
        title,
        summary: `${title}, hands on.`,
        audience: "6-8",
        state: "accepted",
        ...extra,
      },
    });
  await proposal("Maria Delgado", "Station rotation", { state: "confirmed" });
  await proposal("Maria Delgado", "Podcasting");
  await proposal("Aisha Nguyen", "Chromebook basics", { techNeeds: "student_devices" });
  await proposal("Ben Okafor", "Robotics lab", { lengthBlocks: 2, state: "confirmed" });
  await proposal("Grace Kim", "Makerspace");
  await proposal("James Okoye", "Math talks", { state: "confirmed" });
  await proposal("Luis Reyes", "Spreadsheets");
  await proposal("Tom Schmidt", "Cheap chemistry labs");
  return { coordinator, event, james: people["James Okoye"]! };
}

const tray = (page: Page) => page.getByRole("region", { name: /Unplaced sessions/ });

/** Drag a session onto a cell and wait until the server has saved it there. */
async function dragAndSave(page: Page, title: string, room: string, block: string) {
  await dragTo(page, handle(page, title), cell(page, room, block));
  await expect(cell(page, room, block)).toContainText(title);
  await settled(page);
  await expect(handle(page, title)).toBeVisible();
}

/** Keyboard only (see grid-helpers), then wait until the server has saved it there. */
async function keyboardDrop(page: Page, title: string, room: string, block: string) {
  await dropByKeyboard(page, { rooms: ROOM_NAMES, blocks: BLOCK_LABELS }, title, room, block);
  await expect(cell(page, room, block)).toContainText(title);
  await settled(page);
}

test("a coordinator builds the grid, clears its warnings, publishes twice; mail, public page and exports follow", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const { coordinator, event, james } = await seedProposals();
  await page.setViewportSize({ width: 1400, height: 2400 });
  await signIn(page, coordinator.id, baseURL!);

  // Rooms, through the form.
  await page.goto(`/events/${event.slug}/rooms`);
  await expectAccessible(page);
  const addRoom = page.getByRole("region", { name: "Add a room" });
  for (const room of ROOMS) {
    await addRoom.getByLabel("Room name").fill(room.name);
    await addRoom.getByLabel("Seats").fill(room.seats);
    for (const feature of ["Projector", "Student devices", "Charging", "Strong wifi", "Sink / lab"]) {
      await addRoom.getByLabel(feature, { exact: true }).setChecked(room.features.includes(feature));
    }
    await addRoom.getByRole("button", { name: "Add room" }).click();
    await expect(page.getByRole("status")).toContainText(`${room.name} is saved.`);
  }
  const roomList = page.getByRole("region", { name: /Rooms \(4\)/ }).getByRole("listitem");
  await expect(roomList).toHaveText([
    /Library · seats 60/,
    /Room 203 · seats 30/,
    /STEM Lab · seats 30.*Student devices/,
    /Art Room · seats 25/,
  ]);
  await expectAccessible(page);

  // Time blocks, including a lunch that sessions must stay out of.
  await page.getByRole("link", { name: "Time blocks" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Time blocks");
  await expectAccessible(page);
  const addBlock = page.getByRole("region", { name: "Add a time block" });
  for (const block of BLOCKS) {
    await addBlock.getByLabel("Label").fill(block.label);
    await addBlock.getByLabel("Starts at").fill(block.start);
    await addBlock.getByLabel("Ends at").fill(block.end);
    await addBlock.getByLabel("What happens").selectOption(block.kind);
    await addBlock.getByRole("button", { name: "Add block" }).click();
    await expect(page.getByRole("status")).toContainText(`${block.label} is saved.`);
  }
  await expect(page.getByRole("region", { name: /Blocks \(4\)/ }).getByRole("listitem")).toHaveText([
    /Block 1 · 09:00–09:50/,
    /Block 2 · 10:00–10:50/,
    /Lunch · 12:00–12:45\s*Lunch/,
    /Block 3 · 13:00–13:50/,
  ]);
  await expectAccessible(page);

  // The grid: every accepted and confirmed proposal waits in the tray.
  await page.getByRole("link", { name: "Grid", exact: true }).first().click();
  await expect(tray(page)).toContainText("Unplaced sessions (8)");
  await expect(handle(page, "Station rotation")).toBeVisible();
  await expectAccessible(page);
  const list = page.getByRole("region", { name: /Warnings|No warnings/ });
  await expect(list).toContainText("Not on the grid: “Station rotation” is confirmed but not on the grid yet.");

  // The other kinds — presenter unavailable, room too small, unplaced confirmed, a co-presenter
  // in two places, a two-block session running into a clash — are raised and cleared in grid.spec.ts.

  // Drag 1.
  await dragAndSave(page, "Station rotation", "Library", "Block 1");
  await expect(list).not.toContainText("“Station rotation” is confirmed but not on the grid yet");

  // Drag 2: Maria in two places at once; fixed by dragging it on to Library, Block 2.
  await dragAndSave(page, "Podcasting", "Room 203", "Block 1");
  await expect(list).toContainText("Presenter in two places: Maria Delgado is in Library and Room 203 during Block 1.");
  await expect(cell(page, "Room 203", "Block 1")).toContainText("Presenter in two places");
  await dragAndSave(page, "Podcasting", "Library", "Block 2");
  await expect(list).not.toContainText("Presenter in two places");
  await expect(cell(page, "Room 203", "Block 1")).not.toContainText("Podcasting");

  // Drag 3: Room 203 has no student devices; the STEM Lab does.
  await dragAndSave(page, "Chromebook basics", "Room 203", "Block 1");
  await expect(list).toContainText(
    "Room lacks a feature: “Chromebook basics” needs student devices, but Room 203 does not have it.",
  );
  await expectAccessible(page);
  await dragAndSave(page, "Chromebook basics", "STEM Lab", "Block 1");
  await expect(list).not.toContainText("Room lacks a feature");

  // Drag 4: a session in the lunch block; dragged up into Block 2 instead.
  await dragAndSave(page, "Makerspace", "Room 203", "Lunch");
  await expect(list).toContainText(
    "Not a session block: “Makerspace” is placed in Lunch, which is a lunch block, not a session block.",
  );
  await dragAndSave(page, "Makerspace", "Room 203", "Block 2");
  await expect(list).not.toContainText("Not a session block");

  // Drag 5: two sessions in the Library during Block 2; one goes on to Block 3.
  await dragAndSave(page, "Spreadsheets", "Library", "Block 2");
  await expect(list).toContainText("Room double-booked: Library has 2 sessions during Block 2:");
  await expect(list.getByRole("listitem").filter({ hasText: "Room double-booked" })).toContainText(
    /“Podcasting” and “Spreadsheets”|“Spreadsheets” and “Podcasting”/,
  );
  await dragAndSave(page, "Spreadsheets", "Library", "Block 3");
  await expect(list).not.toContainText("Room double-booked");

  // Drag 6.
  await dragAndSave(page, "Math talks", "Room 203", "Block 1");

  // Keyboard only, twice: the two-block Robotics lab runs on past lunch into Block 3.
  await keyboardDrop(page, "Robotics lab", "STEM Lab", "Block 2");
  await expect(cell(page, "STEM Lab", "Block 3")).toContainText("Robotics labcontinued from Block 2");
  await keyboardDrop(page, "Cheap chemistry labs", "Room 203", "Block 3");

  await expect(tray(page)).toContainText("Unplaced sessions (0)");
  await expect(list).toContainText("No warnings");
  await expectAccessible(page);

  // Publish v1.
  await page.goto(`/events/${event.slug}/publish`);
  await expect(page.getByRole("heading", { name: "No warnings" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("status")).toContainText("Version 1 is published. 7 presenters notified.");
  await expect(page.getByText("Added: “Math talks” — Block 1 (09:00–09:50), Room 203")).toBeVisible();

  // The outbox before the move: James has his v1 mail only.
  await page.goto("/outbox");
  const messages = page.getByRole("list", { name: "Messages" }).getByRole("listitem");
  await expect(messages.filter({ hasText: `to ${james.email}` })).toHaveCount(1);
  await expectAccessible(page);

  // Move Math talks with the grid's Move to… form.
  await page.goto(`/events/${event.slug}/grid`);
  await page.getByRole("link", { name: "Move to… “Math talks”" }).click();
  await expect(page.getByRole("heading", { name: "Move “Math talks”" })).toBeFocused();
  await expectAccessible(page);
  await page.getByLabel("Room", { exact: true }).selectOption({ label: "Art Room (seats 25)" });
  await page.getByLabel("Time block", { exact: true }).selectOption({ label: "Block 1 (09:00–09:50)" });
  await page.getByRole("button", { name: "Move here" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Session moved." })).toBeVisible();
  await expect(cell(page, "Art Room", "Block 1")).toContainText("Math talks");
  await expect(cell(page, "Room 203", "Block 1")).not.toContainText("Math talks");

  // Still a draft: attendees see v1, Math talks in Room 203.
  await page.goto(`/e/${event.slug}`);
  await expect(page.getByText("Schedule version 1")).toBeVisible();
  const mathTalks = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Math talks" }) });
  await expect(mathTalks).toContainText("Room 203");
  await expectAccessible(page);

  // Publish v2: the changelog lists the move, from → to.
  await page.goto(`/events/${event.slug}/publish`);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("status")).toContainText("Version 2 is published. 1 presenter notified.");
  const v2 = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Version 2" }) });
  await expect(v2.getByRole("listitem")).toHaveText([
    "Moved: “Math talks” — from Block 1 (09:00–09:50), Room 203 to Block 1 (09:00–09:50), Art Room",
  ]);
  await expectAccessible(page);

  // James has exactly one new message, about the move; nobody else heard of a change.
  await page.goto("/outbox");
  await expect(messages.filter({ hasText: `to ${james.email}` })).toHaveCount(2);
  const change = messages.filter({ hasText: "Schedule change for your sessions at Spring Exchange" });
  await expect(change).toHaveCount(1);
  await expect(change).toContainText(`to ${james.email}`);
  await change.getByText("Schedule change for your sessions").click();
  await expect(change.locator("pre")).toContainText(
    "Moved: “Math talks” — from Block 1 (09:00–09:50), Room 203 to Block 1 (09:00–09:50), Art Room",
  );
  await expectAccessible(page);

  // The public page shows v2.
  await page.goto(`/e/${event.slug}`);
  await expect(page.getByText("Schedule version 2")).toBeVisible();
  await expect(mathTalks).toContainText("Art Room");
  await expect(mathTalks).not.toContainText("Room 203");
  await expectAccessible(page);

  // schedule.json validates against the shared frab schema and has the move.
  const json = await page.request.get(`/e/${event.slug}/schedule.json`);
  expect(json.status()).toBe(200);
  const doc = await json.json();
  if (hasFrabSchema) {
    const validate = frabValidator();
    expect(validate(doc), JSON.stringify(validate.errors, null, 2)).toBe(true);
  }
  expect(doc.schedule.version).toBe("v2");
  const talks = doc.schedule.conference.days
    .flatMap((day: { rooms: Record<string, { title: string; room: string }[]> }) => Object.values(day.rooms).flat())
    .filter((e: { title: string }) => e.title === "Math talks");
  expect(talks.map((e: { room: string }) => e.room)).toEqual(["Art Room"]);

  // schedule.ics parses as iCalendar and puts Math talks in the Art Room at 9:00 Chicago time.
  const ics = await page.request.get(`/e/${event.slug}/schedule.ics`);
  expect(ics.status()).toBe(200);
  const calendar = parseIcs(await ics.text());
  const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  expect(events).toHaveLength(8);
  const moved = events.filter((e) => e.summary === "Math talks");
  expect(moved).toHaveLength(1);
  expect(moved[0]!.location).toContain("Art Room");
  expect(moved[0]!.startDate.toJSDate().toISOString()).toBe("2027-02-13T15:00:00.000Z");
});
