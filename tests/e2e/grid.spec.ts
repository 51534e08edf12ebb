import type { Page } from "@playwright/test";
import { sameOrigin } from "../support/same-origin";
import { cell, dragTo, handle, keyboardDrop as dropByKeyboard, settled } from "./grid-helpers";
import { addMember, createEvent, createUser, db, expect, expectAccessible, signIn, test } from "./support";

const ROOMS = ["Library", "Room 203", "STEM Lab"];
const BLOCKS = ["Block 1", "Block 2", "Lunch", "Block 3"];

/** A PD day with three rooms, four blocks and the proposals the grid tests place. */
async function seedDay() {
  const coordinator = await createUser({ name: "Dana Whitfield" });
  const event = await createEvent(coordinator.id, { name: "Grid Day", status: "scheduling" });
  const eventId = event.id;
  const rooms = await Promise.all([
    db().room.create({ data: { eventId, name: "Library", capacity: 60, features: "projector", sortOrder: 1 } }),
    db().room.create({ data: { eventId, name: "Room 203", capacity: 20, features: "projector", sortOrder: 2 } }),
    db().room.create({
      data: { eventId, name: "STEM Lab", capacity: 30, features: "projector,student_devices", sortOrder: 3 },
    }),
  ]);
  const times = [
    ["09:00", "09:50", "sessions"],
    ["10:00", "10:50", "sessions"],
    ["12:00", "12:45", "lunch"],
    ["13:00", "13:50", "sessions"],
  ];
  const blocks = await Promise.all(
    BLOCKS.map((label, i) =>
      db().timeBlock.create({
        data: { eventId, label, startTime: times[i]![0]!, endTime: times[i]![1]!, kind: times[i]![2]!, sortOrder: i },
      }),
    ),
  );
  const maria = await createUser({ name: "Maria Delgado" });
  const james = await createUser({ name: "James Okafor" });
  const aisha = await createUser({ name: "Aisha Nguyen" });
  const grace = await createUser({ name: "Grace Kim" });
  for (const user of [maria, james, aisha, grace]) await addMember(eventId, user.id, "presenter");
  const proposal = (presenterId: string, title: string, extra: Record<string, unknown> = {}) =>
    db().proposal.create({ data: { eventId, presenterId, title, state: "accepted", audience: "K-2", ...extra } });
  const robotics = await proposal(aisha.id, "Robotics lab", { lengthBlocks: 2, audience: "6-8" });
  await db().proposalCoPresenter.create({
    data: {
      proposalId: robotics.id,
      email: "james@x.test",
      userId: james.id,
      tokenHash: `t-${robotics.id}`,
      confirmedAt: new Date(),
    },
  });
  await proposal(maria.id, "Station rotation", { state: "confirmed" });
  await proposal(maria.id, "Podcasting");
  await proposal(aisha.id, "Chromebook basics", { techNeeds: "student_devices" });
  await proposal(grace.id, "Makerspace", { maxParticipants: 30 });
  await proposal(aisha.id, "Read-aloud");
  await proposal(aisha.id, "Book talk");
  await proposal(james.id, "Math talks", { unavailableBlockIds: blocks[1]!.id });
  const coding = await proposal(grace.id, "Coding club", { audience: "9-12" });
  // Already on the grid: Coding club in Room 203, Block 3.
  await db().placement.create({
    data: { eventId, proposalId: coding.id, roomId: rooms[1]!.id, timeBlockId: blocks[3]!.id },
  });
  await proposal(maria.id, "Not yet decided", { state: "submitted" });
  return { coordinator, event };
}

const warnings = (page: Page) => page.getByRole("region", { name: /Warnings|No warnings/ });
const keyboardDrop = (page: Page, title: string, room: string, block: string) =>
  dropByKeyboard(page, { rooms: ROOMS, blocks: BLOCKS }, title, room, block);

async function moveWithForm(page: Page, title: string, room: string, block: string) {
  await page.getByRole("link", { name: `Move to… “${title}”` }).click();
  await expect(page.getByRole("heading", { name: `Move “${title}”` })).toBeFocused();
  await page.getByLabel("Room", { exact: true }).selectOption({ label: room });
  await page.getByLabel("Time block", { exact: true }).selectOption({ label: block });
  await page.getByRole("button", { name: "Move here" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Session moved." })).toBeVisible();
}

test.describe("rooms and time blocks", () => {
  test("a coordinator adds rooms, imports a CSV with a bad row, and lays out the blocks", async ({ page, baseURL }) => {
    // A long journey: about 30 s on a slow 2-core machine, so it gets four times that.
    test.setTimeout(120_000);
    const coordinator = await createUser({ name: "Dana Whitfield" });
    const event = await createEvent(coordinator.id, { name: "Rooms Day" });
    await signIn(page, coordinator.id, baseURL!);

    await page.goto(`/events/${event.slug}/rooms`);
    await expectAccessible(page);
    const addRoom = page.getByRole("region", { name: "Add a room" });
    await addRoom.getByRole("button", { name: "Add room" }).click();
    await expect(addRoom.getByText("Give the room a name")).toBeVisible();
    await addRoom.getByLabel("Room name").fill("Library");
    await addRoom.getByLabel("Seats").fill("60");
    await addRoom.getByLabel("Projector").check();
    await addRoom.getByRole("button", { name: "Add room" }).click();
    await expect(page.getByRole("status")).toContainText("Library is saved.");
    await expect(page.getByRole("region", { name: /Rooms \(1\)/ })).toContainText("seats 60 · accessible");

    await page
      .getByLabel("Or paste the rows (optional)")
      .fill(
        "name,capacity,features,accessible\nRoom 203,28,projector,no\nGym,many,,yes\nLibrary,75,projector;charging,yes",
      );
    await page.getByRole("button", { name: "Import rooms" }).click();
    await expect(page.getByRole("alert")).toContainText("Imported 1 new room and updated 1. 1 row needs fixing:");
    await expect(page.getByRole("alert")).toContainText("Row 3: capacity: Enter the number of seats, e.g. 30");
    await expect(page.getByRole("region", { name: /Rooms \(2\)/ })).toContainText(
      "Room 203 · seats 28 · not wheelchair accessible",
    );
    await expect(page.getByRole("region", { name: /Rooms \(2\)/ })).toContainText("Library · seats 75");
    await expectAccessible(page);

    // Edit inline, reorder, delete.
    await page.getByRole("link", { name: "Edit Room 203" }).click();
    const edit = page.getByRole("form", { name: "Edit Room 203" });
    await edit.getByLabel("Seats").fill("0");
    await edit.getByRole("button", { name: "Save Room 203" }).click();
    await expect(
      page.getByRole("form", { name: "Edit Room 203" }).getByText("A room seats at least 1 person"),
    ).toBeVisible();
    await page.getByRole("form", { name: "Edit Room 203" }).getByLabel("Seats").fill("32");
    await page.getByRole("form", { name: "Edit Room 203" }).getByLabel("Wheelchair accessible").check();
    await page.getByRole("button", { name: "Save Room 203" }).click();
    await expect(page.getByRole("status")).toContainText("Room 203 is saved.");
    const roomList = page.getByRole("region", { name: /Rooms \(2\)/ }).getByRole("listitem");
    await expect(roomList).toHaveText([/Library/, /Room 203 · seats 32 · accessible/]);
    await page.getByRole("button", { name: "Move left Room 203" }).click();
    await expect(roomList).toHaveText([/Room 203/, /Library/]);
    await page.getByRole("button", { name: "Delete Room 203" }).click();
    await expect(page.getByRole("status")).toContainText("Room 203 is deleted");
    await expect(page.getByRole("region", { name: /Rooms \(1\)/ })).toBeVisible();

    // The same import from a file upload.
    await page.getByLabel("CSV file").setInputFiles({
      name: "rooms.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("name,capacity,features\nArt Room,25,sink_lab\n"),
    });
    await page.getByRole("button", { name: "Import rooms" }).click();
    await expect(page.getByRole("status")).toContainText("Imported 1 new room, updated 0.");
    await expect(page.getByRole("region", { name: /Rooms \(2\)/ })).toContainText("Art Room · seats 25");

    await page.getByRole("link", { name: "Time blocks" }).first().click();
    await expectAccessible(page);
    const addBlock = page.getByRole("region", { name: "Add a time block" });
    for (const [label, start, end, kind] of [
      ["Block 1", "09:00", "09:50", "sessions"],
      ["Lunch", "12:00", "12:45", "lunch"],
    ] as const) {
      await addBlock.getByLabel("Label").fill(label);
      await addBlock.getByLabel("Starts at").fill(start);
      await addBlock.getByLabel("Ends at").fill(end);
      await addBlock.getByLabel("What happens").selectOption(kind);
      await addBlock.getByRole("button", { name: "Add block" }).click();
      await expect(page.getByRole("status")).toContainText(`${label} is saved.`);
    }
    await addBlock.getByLabel("Label").fill("Block 2");
    await addBlock.getByLabel("Starts at").fill("09:30");
    await addBlock.getByLabel("Ends at").fill("10:20");
    await addBlock.getByRole("button", { name: "Add block" }).click();
    await expect(addBlock.getByText("This overlaps Block 1 (09:00–09:50).")).toBeVisible();
    await expect(addBlock.getByLabel("Label")).toHaveValue("Block 2");
    await expectAccessible(page);
    await expect(page.getByRole("region", { name: /Blocks \(2\)/ }).getByRole("listitem")).toHaveText([
      /Block 1 · 09:00–09:50/,
      /Lunch · 12:00–12:45/,
    ]);
  });
});

test.describe("the grid editor", () => {
  test("drag-and-drop and keyboard placement, every warning appearing and clearing, undo", async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const { coordinator, event } = await seedDay();
    await page.setViewportSize({ width: 1400, height: 2400 });
    await signIn(page, coordinator.id, baseURL!);
    await page.goto(`/events/${event.slug}/grid`);
    await expect(handle(page, "Station rotation")).toBeVisible();
    await expectAccessible(page);
    const list = warnings(page);
    await expect(list).toContainText("Not on the grid: “Station rotation” is confirmed but not on the grid yet.");
    await expect(page.getByRole("region", { name: /Unplaced sessions/ })).not.toContainText("Not yet decided");

    // 1. Drag: the confirmed session is placed and its "not on the grid" warning goes.
    await dragTo(page, handle(page, "Station rotation"), cell(page, "Library", "Block 1"));
    await expect(cell(page, "Library", "Block 1")).toContainText("Station rotation");
    await settled(page);
    await expect(list).not.toContainText("is confirmed but not on the grid yet");

    // 2. Drag: Maria in two places at once.
    await dragTo(page, handle(page, "Podcasting"), cell(page, "Room 203", "Block 1"));
    await expect(list).toContainText(
      "Presenter in two places: Maria Delgado is in Library and Room 203 during Block 1.",
    );
    await expect(cell(page, "Room 203", "Block 1")).toContainText("Presenter in two places");

    // 3. Drag: a room without the student devices the session needs.
    await dragTo(page, handle(page, "Chromebook basics"), cell(page, "Library", "Block 2"));
    await expect(list).toContainText(
      "Room lacks a feature: “Chromebook basics” needs student devices, but Library does not have it.",
    );
    await settled(page);
    // Fixed by dragging it on to the STEM Lab.
    await dragTo(page, handle(page, "Chromebook basics"), cell(page, "STEM Lab", "Block 1"));
    await expect(cell(page, "STEM Lab", "Block 1")).toContainText("Chromebook basics");
    await expect(list).not.toContainText("needs student devices");
    await settled(page);

    // 4. Drag: too many people for Room 203.
    await dragTo(page, handle(page, "Makerspace"), cell(page, "Room 203", "Block 2"));
    await expect(list).toContainText("Room too small: “Makerspace” takes up to 30 people, but Room 203 seats 20.");
    await settled(page);

    // 5. Drag: a session in the lunch block.
    await dragTo(page, handle(page, "Read-aloud"), cell(page, "Library", "Lunch"));
    await expect(list).toContainText(
      "Not a session block: “Read-aloud” is placed in Lunch, which is a lunch block, not a session block.",
    );
    await settled(page);

    // 6. Drag: two sessions in one room and block — and undo takes it back off.
    await dragTo(page, handle(page, "Book talk"), cell(page, "Library", "Block 1"));
    await expect(list).toContainText(
      "Room double-booked: Library has 2 sessions during Block 1: “Station rotation” and “Book talk”.",
    );
    await settled(page);
    await page.getByRole("button", { name: "Undo last move" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Last change undone." })).toBeVisible();
    await expect(cell(page, "Library", "Block 1")).not.toContainText("Book talk");
    await expect(list).not.toContainText("Room double-booked");
    await expect(page.getByRole("region", { name: /Unplaced sessions/ })).toContainText("Book talk");

    // Keyboard 1: Math talks into Block 2, which James marked unavailable; then on to Block 3.
    await keyboardDrop(page, "Math talks", "STEM Lab", "Block 2");
    await expect(list).toContainText(
      "Presenter unavailable: James Okafor marked Block 2 as a time they cannot present, but “Math talks” is placed then.",
    );
    await settled(page);
    // From STEM Lab, Block 2 to Library, Block 3: exactly one cell per arrow press, the
    // first press included (it used to land on the card's own cell), with the keys on screen.
    await expect(page.getByText("By keyboard: Tab to a session’s")).toBeVisible();
    await handle(page, "Math talks").focus();
    await page.keyboard.press("Space");
    const live = page.locator("[id^=DndLiveRegion-]");
    // The first arrow waits for the sensor to find the card's own cell: pressed while the live
    // region still says "Picked up", the key was lost once in CI.
    await expect(live).toHaveText("“Math talks” is over STEM Lab, Block 2.");
    for (const [key, where] of [
      ["ArrowDown", "STEM Lab, Lunch"],
      ["ArrowDown", "STEM Lab, Block 3"],
      ["ArrowLeft", "Room 203, Block 3"],
      ["ArrowLeft", "Library, Block 3"],
    ] as const) {
      await page.keyboard.press(key);
      await expect(live).toHaveText(`“Math talks” is over ${where}.`);
    }
    await page.keyboard.press("Space");
    await expect(live).toHaveText("“Math talks” dropped in Library, Block 3.");
    await expect(cell(page, "Library", "Block 3")).toContainText("Math talks");
    await expect(list).not.toContainText("Presenter unavailable");
    await settled(page);

    // Keyboard 2: the two-block Robotics lab, co-presented by James, runs on past lunch into
    // Block 3, where James now has Math talks.
    await keyboardDrop(page, "Robotics lab", "STEM Lab", "Block 2");
    await expect(cell(page, "STEM Lab", "Block 3")).toContainText("Robotics labcontinued from Block 2");
    await expect(list).toContainText(
      "Presenter in two places: James Okafor is in Library and STEM Lab during Block 3.",
    );
    await settled(page);

    // Fix the rest with the keyboard-only Move to… form and Remove.
    await page.getByRole("link", { name: "Move to… “Makerspace”" }).click();
    await expect(page.getByRole("heading", { name: "Move “Makerspace”" })).toBeFocused();
    await expectAccessible(page);
    await page.getByLabel("Room", { exact: true }).selectOption({ label: "Library (seats 60)" });
    await page.getByRole("button", { name: "Move here" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Session moved." })).toBeVisible();
    await expect(list).not.toContainText("Room too small");

    await moveWithForm(page, "Podcasting", "Room 203 (seats 20)", "Block 2 (10:00–10:50)");
    await expect(list).not.toContainText("Maria Delgado is in");
    await moveWithForm(page, "Math talks", "Room 203 (seats 20)", "Block 1 (09:00–09:50)");
    await expect(list).not.toContainText("James Okafor is in");

    await cell(page, "Library", "Lunch").getByRole("button", { name: "Remove “Read-aloud”" }).click();
    await expect(page.getByRole("status").filter({ hasText: "back in the tray" })).toBeVisible();
    await expect(list).toContainText("No warnings");
    await expectAccessible(page);
  });

  test("without JavaScript, Place in… and Move to… forms work", async ({ browser, baseURL }) => {
    const { coordinator, event } = await seedDay();
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, coordinator.id, baseURL!);
    await page.goto(`/events/${event.slug}/grid`);
    await expect(page.getByRole("button", { name: /Drag/ })).toHaveCount(0);

    await page.getByRole("link", { name: "Place in… “Station rotation”" }).click();
    await page.getByLabel("Room", { exact: true }).selectOption({ label: "Library (seats 60)" });
    await page.getByLabel("Time block", { exact: true }).selectOption({ label: "Block 2 (10:00–10:50)" });
    await page.getByRole("button", { name: "Place here" }).click();
    await expect(page.getByRole("status")).toContainText("Session placed.");
    await expect(cell(page, "Library", "Block 2")).toContainText("Station rotation");

    await page.getByRole("link", { name: "Move to… “Station rotation”" }).click();
    await page.getByLabel("Room", { exact: true }).selectOption({ label: "STEM Lab (seats 30)" });
    await page.getByRole("button", { name: "Move here" }).click();
    await expect(page.getByRole("status")).toContainText("Session moved.");
    await expect(cell(page, "STEM Lab", "Block 2")).toContainText("Station rotation");
    await expect(cell(page, "Library", "Block 2")).not.toContainText("Station rotation");

    await page.getByRole("link", { name: "Move to… “Station rotation”" }).click();
    await page.getByLabel("Or swap places with").selectOption({ label: "Coding club — Room 203, Block 3" });
    await page.getByRole("button", { name: "Swap" }).click();
    await expect(page.getByRole("status")).toContainText("Sessions swapped.");
    await expect(cell(page, "Room 203", "Block 3")).toContainText("Station rotation");
    await expect(cell(page, "STEM Lab", "Block 2")).toContainText("Coding club");

    // A two-block session cannot start in the last block: the reason comes back as a message.
    await page.getByRole("link", { name: "Place in… “Robotics lab”" }).click();
    await page.getByLabel("Time block", { exact: true }).selectOption({ label: "Block 3 (13:00–13:50)" });
    await page.getByRole("button", { name: "Place here" }).click();
    await expect(page.getByRole("status")).toContainText(
      "“Robotics lab” takes two blocks, but there is no session block after Block 3.",
    );
    await context.close();
  });

  test("at 320px the rooms, blocks and grid pages never scroll sideways; the grid scrolls in its own region", async ({
    page,
    baseURL,
  }) => {
    const { coordinator, event } = await seedDay();
    await page.setViewportSize({ width: 320, height: 800 });
    await signIn(page, coordinator.id, baseURL!);
    for (const path of ["rooms", "blocks", "grid"]) {
      await page.goto(`/events/${event.slug}/${path}`);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    }
    const region = page.getByRole("region", { name: "Working grid: rooms across, time blocks down" });
    await region.focus();
    await expect(region).toBeFocused();
    await expectAccessible(page);
  });

  test("a presenter cannot open the grid or post to it", async ({ page, baseURL }) => {
    const { event } = await seedDay();
    const presenter = await createUser({ name: "Kevin Osei" });
    await addMember(event.id, presenter.id, "presenter");
    await signIn(page, presenter.id, baseURL!);
    expect((await page.goto(`/events/${event.slug}/grid`))?.status()).toBe(403);
    const post = await page.request.post(`/events/${event.slug}/grid`, {
      headers: sameOrigin(baseURL!),
      form: { intent: "undo" },
    });
    expect(post.status()).toBe(403);
  });
});
