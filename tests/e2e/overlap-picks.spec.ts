import type { Browser } from "@playwright/test";
import { addMember, createEvent, createUser, db, expect, expectAccessible, signIn, test } from "./support";

// A two-block workshop (Block 1 and Block 2) and a one-block talk in Block 2, in other rooms.
async function seedOverlap(browser: Browser, baseURL: string) {
  const coordinator = await createUser({ name: "Dana Whitfield" });
  const event = await createEvent(coordinator.id, { name: "Overlap Exchange", status: "live" });
  const [lab, library] = await Promise.all(
    ["Lab", "Library"].map((name, i) =>
      db().room.create({ data: { eventId: event.id, name, capacity: 30, sortOrder: i } }),
    ),
  );
  const b1 = await db().timeBlock.create({
    data: { eventId: event.id, label: "Block 1", startTime: "09:00", endTime: "09:50" },
  });
  const b2 = await db().timeBlock.create({
    data: { eventId: event.id, label: "Block 2", startTime: "10:00", endTime: "10:50" },
  });
  const maria = await createUser({ name: "Maria Delgado" });
  await addMember(event.id, maria.id, "presenter");
  const place = async (title: string, lengthBlocks: number, roomId: string, timeBlockId: string) => {
    const proposal = await db().proposal.create({
      data: {
        eventId: event.id,
        presenterId: maria.id,
        title,
        summary: "Hands on.",
        format: "hands_on",
        state: "confirmed",
        lengthBlocks,
      },
    });
    return db().placement.create({ data: { eventId: event.id, proposalId: proposal.id, roomId, timeBlockId } });
  };
  const workshop = await place("Makerspace workshop", 2, lab!.id, b1.id);
  const talk = await place("Number talks", 1, library!.id, b2.id);
  const attendee = await createUser({ name: "Keisha Reyes" });
  await addMember(event.id, attendee.id, "attendee");

  const staff = await browser.newContext();
  const staffPage = await staff.newPage();
  await signIn(staffPage, coordinator.id, baseURL);
  await staffPage.goto(`/events/${event.slug}/publish`);
  await staffPage.getByRole("button", { name: "Publish" }).click();
  await expect(staffPage.getByRole("status")).toContainText("Version 1 is published");
  await staff.close();
  return { event, attendee, workshop, talk };
}

const pickedIds = async (userId: string) =>
  (await db().pick.findMany({ where: { userId } })).map((p) => p.placementId).sort();

test("without JavaScript, an overlapping pick asks first: keep both, then My day marks the overlap; replace swaps them", async ({
  browser,
  baseURL,
}) => {
  const g = await seedOverlap(browser, baseURL!);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, g.attendee.id, baseURL!);

  await page.goto(`/e/${g.event.slug}`);
  await page.getByRole("button", { name: "Pick “Makerspace workshop”" }).click();
  await expect(page.getByRole("button", { name: "Picked “Makerspace workshop”" })).toBeVisible();
  await page.getByRole("button", { name: "Pick “Number talks”" }).click();

  // Held back, with the question: nothing written yet.
  const question = page.getByRole("region", { name: "“Number talks” overlaps a session you picked" });
  await expect(question).toContainText("runs at the same time as “Makerspace workshop” (9:00 AM–10:50 AM)");
  expect(await pickedIds(g.attendee.id)).toEqual([g.workshop.id]);

  await question.getByRole("button", { name: "Keep both" }).click();
  await expect(page.getByRole("button", { name: "Picked “Number talks”" })).toBeVisible();
  await expect(question).toHaveCount(0);
  expect(await pickedIds(g.attendee.id)).toEqual([g.workshop.id, g.talk.id].sort());

  await page.goto(`/e/${g.event.slug}/my-day`);
  await expect(page.getByText("Overlaps “Number talks”: you can be in only one of them.")).toBeVisible();
  await expect(page.getByText("Overlaps “Makerspace workshop”: you can be in only one of them.")).toBeVisible();

  // From the session's own page: replace the talk with the workshop.
  await page.getByRole("button", { name: "Picked “Makerspace workshop”" }).click();
  // The no-JS unpick redirects back to My day; going on before it lands interrupts that navigation.
  await expect(page.getByRole("button", { name: "Picked “Makerspace workshop”" })).toHaveCount(0);
  expect(await pickedIds(g.attendee.id)).toEqual([g.talk.id]);
  await page.goto(`/e/${g.event.slug}/sessions/${g.workshop.id}`);
  await page.getByRole("button", { name: "Pick “Makerspace workshop”" }).click();
  await page.getByRole("button", { name: "Pick “Makerspace workshop” instead" }).click();
  await expect(page.getByRole("button", { name: "Picked “Makerspace workshop”" })).toBeVisible();
  expect(await pickedIds(g.attendee.id)).toEqual([g.workshop.id]);
  await context.close();
});

test("with JavaScript, the pick button asks the same question instead of queueing the overlapping pick", async ({
  browser,
  baseURL,
}) => {
  const g = await seedOverlap(browser, baseURL!);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, g.attendee.id, baseURL!);
  await page.goto(`/e/${g.event.slug}`);
  await expect(page.locator("nav.attendee-nav[data-ready]")).toBeAttached();
  await page.getByRole("button", { name: "Pick “Makerspace workshop”" }).click();
  await expect.poll(() => pickedIds(g.attendee.id)).toEqual([g.workshop.id]);
  await page.getByRole("button", { name: "Pick “Number talks”" }).click();
  const question = page.getByRole("region", { name: "“Number talks” overlaps a session you picked" });
  await expect(question).toBeVisible();
  await expectAccessible(page);
  await question.getByRole("link", { name: "Don’t pick it" }).click();
  await expect(question).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Pick “Number talks”" })).toBeVisible();
  expect(await pickedIds(g.attendee.id)).toEqual([g.workshop.id]);

  // Asked again, kept both: My day marks the overlap.
  await page.getByRole("button", { name: "Pick “Number talks”" }).click();
  await question.getByRole("button", { name: "Keep both" }).click();
  await expect(page.getByRole("button", { name: "Picked “Number talks”" })).toBeVisible();
  await page.getByRole("link", { name: "My day" }).click();
  await expect(page.getByText("Overlaps “Makerspace workshop”: you can be in only one of them.")).toBeVisible();
  await expectAccessible(page);
  await page.setViewportSize({ width: 320, height: 640 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await context.close();
});
