// "Copy rooms / time blocks from another PD day": the form on the rooms and blocks
// pages, with JavaScript (checked in the browser first) and without (a plain post).
import { createEvent, createUser, db, expect, signIn, test } from "./support";

/** A coordinator with last fall's day (two rooms, two blocks) and a new, empty day. */
async function twoDays() {
  const coordinator = await createUser({ name: "Dana Whitfield" });
  const fall = await createEvent(coordinator.id, { name: "Fall Institute" });
  const spring = await createEvent(coordinator.id, { name: "Spring Institute" });
  await db().room.createMany({
    data: [
      { eventId: fall.id, name: "Library", capacity: 60, sortOrder: 1 },
      { eventId: fall.id, name: "Room 203", capacity: 28, sortOrder: 2 },
    ],
  });
  await db().timeBlock.createMany({
    data: [
      { eventId: fall.id, label: "Block 1", startTime: "09:00", endTime: "09:50", sortOrder: 0 },
      { eventId: fall.id, label: "Lunch", startTime: "12:00", endTime: "12:45", kind: "lunch", sortOrder: 1 },
    ],
  });
  return { coordinator, fall, spring };
}

test("a coordinator copies last fall's rooms into a new PD day, and copying again skips them", async ({
  page,
  baseURL,
}) => {
  const { coordinator, spring } = await twoDays();
  await signIn(page, coordinator.id, baseURL!);
  await page.goto(`/events/${spring.slug}/rooms`);
  const copy = page.getByRole("region", { name: "Copy rooms from another PD day" });
  await copy.getByLabel("PD day").selectOption({ label: "Fall Institute (2027-02-13) · 2 rooms" });
  await copy.getByRole("button", { name: "Copy rooms" }).click();
  await expect(page.getByRole("status")).toContainText("Copied 2 rooms.");
  await expect(page.getByRole("region", { name: /Rooms \(2\)/ })).toContainText("Room 203");

  await copy.getByRole("button", { name: "Copy rooms" }).click();
  await expect(page.getByRole("status")).toContainText("Copied 0 rooms (2 already here).");
});

test("without JavaScript, a coordinator copies last fall's time blocks", async ({ browser, baseURL }) => {
  const { coordinator, spring } = await twoDays();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, coordinator.id, baseURL!);
  await page.goto(`${baseURL}/events/${spring.slug}/blocks`);
  const copy = page.getByRole("region", { name: "Copy time blocks from another PD day" });
  await copy.getByRole("button", { name: "Copy time blocks" }).click();
  await expect(page.getByRole("status")).toContainText("Copied 2 time blocks.");
  expect(await db().timeBlock.count({ where: { eventId: spring.id } })).toBe(2);
  await context.close();
});
