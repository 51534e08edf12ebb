import { addMember, createEvent, createUser, db, expect, expectAccessible, signIn, test } from "./support";

async function seedGrid(status = "published") {
  const coordinator = await createUser({ name: "Dana Whitfield" });
  const event = await createEvent(coordinator.id, { name: "Grid Day", status });
  const library = await db().room.create({ data: { eventId: event.id, name: "Library", capacity: 40, sortOrder: 0 } });
  const lab = await db().room.create({ data: { eventId: event.id, name: "Room 114", capacity: 30, sortOrder: 1 } });
  const b1 = await db().timeBlock.create({
    data: { eventId: event.id, label: "Block 1", startTime: "09:00", endTime: "10:00" },
  });
  await db().timeBlock.create({
    data: { eventId: event.id, label: "Lunch", startTime: "10:00", endTime: "10:15", kind: "lunch" },
  });
  const b2 = await db().timeBlock.create({
    data: { eventId: event.id, label: "Block 2", startTime: "10:15", endTime: "11:15" },
  });
  const maria = await createUser({ name: "Maria Delgado" });
  const ben = await createUser({ name: "Ben Okafor" });
  const proposal = async (presenterId: string, title: string) => {
    await addMember(event.id, presenterId, "presenter");
    return db().proposal.create({
      data: {
        eventId: event.id,
        presenterId,
        title,
        summary: `${title}, hands on.`,
        audience: "6-8",
        state: "confirmed",
      },
    });
  };
  const desmos = await proposal(maria.id, "Desmos for Algebra I");
  const rubrics = await proposal(ben.id, "Schoology rubrics");
  const pDesmos = await db().placement.create({
    data: { eventId: event.id, proposalId: desmos.id, roomId: library.id, timeBlockId: b1.id },
  });
  const pRubrics = await db().placement.create({
    data: { eventId: event.id, proposalId: rubrics.id, roomId: lab.id, timeBlockId: b1.id },
  });
  return { coordinator, event, library, lab, b1, b2, maria, ben, pDesmos, pRubrics };
}

test.describe("publishing the grid", () => {
  test("publish v1, move a session, publish v2: changelog, mail, public page, exports, printables", async ({
    page,
    baseURL,
  }) => {
    // A long journey: about 30 s on a slow 2-core machine, so it gets four times that.
    test.setTimeout(120_000);
    // Still taking proposals when the coordinator publishes: publishing moves the day on.
    const g = await seedGrid("proposals_open");
    await signIn(page, g.coordinator.id, baseURL!);

    await page.goto(`/e/${g.event.slug}`);
    await expect(page.getByText("No schedule published yet")).toBeVisible();
    expect((await page.request.get(`/e/${g.event.slug}/schedule.json`)).status()).toBe(404);

    await page.goto(`/events/${g.event.slug}/publish`);
    await expect(page.getByRole("heading", { name: "Publish the schedule" })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("Note to presenters (optional)").fill("Welcome aboard!");
    await page.getByRole("button", { name: "Publish" }).click();
    await expect(page.getByRole("status")).toContainText("Version 1 is published. 2 presenters notified.");
    await expect(page.getByText("Added: “Desmos for Algebra I” — Block 1 (09:00–10:00), Library")).toBeVisible();

    // The dashboard agrees: the stage is "Schedule published", the step forward starts the
    // day and the step back says it goes back. Counts read as words ("1 coordinator").
    await page.goto(`/events/${g.event.slug}`);
    const stage = page.getByRole("region", { name: "Stage" });
    await expect(stage).toContainText("Now: Schedule published.");
    await expect(stage).toContainText("Attendees see schedule version 1");
    await expect(stage.getByRole("button")).toHaveText([
      "Start the day",
      "Back to “Building the schedule”",
      "Archive this PD day",
    ]);
    await expect(page.getByText("attendees · 2 presenters · 1 coordinator", { exact: true })).toBeVisible();
    await expectAccessible(page);
    await page.goto(`/events/${g.event.slug}/publish`);

    // The coordinator moves Ben's session on the grid, then publishes again.
    await db().placement.update({ where: { id: g.pRubrics.id }, data: { roomId: g.library.id, timeBlockId: g.b2.id } });
    await page.getByRole("button", { name: "Publish" }).click();
    await expect(page.getByRole("status")).toContainText("Version 2 is published. 1 presenter notified.");
    await expect(
      page.getByText(
        "Moved: “Schoology rubrics” — from Block 1 (09:00–10:00), Room 114 to Block 2 (10:15–11:15), Library",
      ),
    ).toBeVisible();
    await expect(page.getByRole("heading", { name: "Version 2" })).toBeVisible();
    await expectAccessible(page);

    const benMail = await db().outboxMessage.findFirst({
      where: { eventId: g.event.id, to: g.ben.email, subject: { contains: "Schedule change" } },
    });
    expect(benMail?.text).toContain("from Block 1 (09:00–10:00), Room 114 to Block 2 (10:15–11:15), Library");
    expect(
      await db().outboxMessage.count({
        where: { eventId: g.event.id, to: g.maria.email, subject: { contains: "Schedule change" } },
      }),
    ).toBe(0);

    // An unpublished draft move is not what attendees see.
    await db().placement.update({ where: { id: g.pDesmos.id }, data: { roomId: g.lab.id } });
    await page.goto(`/e/${g.event.slug}`);
    const desmos = page
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { name: "Desmos for Algebra I" }) });
    await expect(desmos).toContainText("Library");
    await expect(desmos).not.toContainText("Room 114");
    await expect(page.getByText("Schedule version 2")).toBeVisible();
    await expectAccessible(page);
    await desmos.getByRole("link", { name: "Library" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Library" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Schoology rubrics" })).toBeVisible();
    await expectAccessible(page);

    const json = await page.request.get(`/e/${g.event.slug}/schedule.json`);
    expect(json.status()).toBe(200);
    expect(json.headers()["content-type"]).toContain("application/json");
    const doc = await json.json();
    expect(doc.schedule.version).toBe("v2");
    const etag = json.headers()["etag"]!;
    const again = await page.request.get(`/e/${g.event.slug}/schedule.json`, { headers: { "If-None-Match": etag } });
    expect(again.status()).toBe(304);
    const ics = await page.request.get(`/e/${g.event.slug}/schedule.ics`);
    expect(ics.headers()["content-type"]).toContain("text/calendar");
    expect(await ics.text()).toContain("DTSTART;TZID=America/Chicago:20270213T101500");
    const csv = await page.request.get(`/e/${g.event.slug}/grid.csv`);
    expect(csv.headers()["content-type"]).toContain("text/csv");

    // Printables.
    await page.goto(`/events/${g.event.slug}/print/grid`);
    await expect(page.getByRole("columnheader", { name: "Room 114" })).toBeVisible();
    await expectAccessible(page);
    await page.goto(`/events/${g.event.slug}/print/door-signs`);
    await expect(page.getByRole("heading", { name: "Library" })).toBeVisible();
    await expect(
      page.getByRole("img", { name: /QR code for this room's schedule: .*\/rooms\// }).first(),
    ).toBeVisible();
    await expectAccessible(page);

    // Ben's private links from his mail: a printable page and his own calendar.
    const printLink = benMail!.text.match(/http:\/\/\S+\/print/)![0];
    await page.goto(new URL(printLink).pathname);
    await expect(page.getByRole("heading", { name: "Ben Okafor’s sessions" })).toBeVisible();
    await expect(page.getByText("Schoology rubrics")).toBeVisible();
    await expectAccessible(page);
    const feed = benMail!.text.match(/http:\/\/\S+\.ics/)![0];
    const mine = await page.request.get(new URL(feed).pathname);
    expect(mine.headers()["content-type"]).toContain("text/calendar");
    const mineText = await mine.text();
    expect(mineText).toContain("Schoology rubrics");
    expect(mineText).not.toContain("Desmos");
    expect(
      (await page.request.get(new URL(feed).pathname.replace(/[A-Za-z0-9_-]{5}\.ics$/, "AAAAA.ics"))).status(),
    ).toBe(404);
  });

  test("a presenter cannot open the publish page", async ({ page, baseURL }) => {
    const g = await seedGrid();
    await signIn(page, g.maria.id, baseURL!);
    const response = await page.goto(`/events/${g.event.slug}/publish`);
    expect(response?.status()).toBe(403);
  });

  test("day-of: a teacher proposes from a phone; the coordinator places and publishes it in two taps", async ({
    browser,
    baseURL,
  }) => {
    // A long journey: about 30 s on a slow 2-core machine, so it gets four times that.
    test.setTimeout(120_000);
    const g = await seedGrid();
    const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

    const coordinatorContext = await browser.newContext(phone);
    const coordinatorPage = await coordinatorContext.newPage();
    await signIn(coordinatorPage, g.coordinator.id, baseURL!);
    await coordinatorPage.goto(`/events/${g.event.slug}/publish`);
    await coordinatorPage.getByRole("button", { name: "Publish" }).click();
    await expect(coordinatorPage.getByRole("status")).toContainText("Version 1 is published");

    const teacher = await createUser({ name: "Keisha Reyes" });
    await addMember(g.event.id, teacher.id, "attendee");
    const teacherContext = await browser.newContext(phone);
    const teacherPage = await teacherContext.newPage();
    await signIn(teacherPage, teacher.id, baseURL!);
    await teacherPage.goto(`/e/${g.event.slug}`);
    await teacherPage.getByRole("link", { name: "Offer a session now" }).click();
    await expectAccessible(teacherPage);
    await teacherPage.getByRole("button", { name: "Offer this session" }).click();
    await expect(teacherPage.getByText("Give your session a title")).toBeVisible();
    await expect(teacherPage.getByText("Choose who it is for")).toBeVisible();
    await teacherPage.getByLabel("Title").fill("Kahoot tricks");
    await teacherPage.getByLabel("What will you do?").fill("Ten minutes of tips, then we play.");
    await teacherPage.getByLabel("Grades 6–8").check();
    await teacherPage.getByRole("button", { name: "Offer this session" }).click();
    await expect(teacherPage.getByRole("status")).toContainText("A coordinator will find a room for “Kahoot tricks”");

    await coordinatorPage.goto(`/events/${g.event.slug}/day-of`);
    await expectAccessible(coordinatorPage);
    await coordinatorPage.getByRole("link", { name: "Kahoot tricks" }).tap();
    await expect(coordinatorPage.getByRole("heading", { name: "Where should “Kahoot tricks” go?" })).toBeVisible();
    await expectAccessible(coordinatorPage);
    await coordinatorPage.getByRole("button", { name: /^Place here and publish\W+Room 114, Block 2$/ }).tap();
    await expect(coordinatorPage.getByRole("status")).toContainText(
      "Published: “Kahoot tricks” in Room 114 (version 2)",
    );

    await teacherPage.goto(`/e/${g.event.slug}`);
    const offered = teacherPage
      .getByRole("listitem")
      .filter({ has: teacherPage.getByRole("heading", { name: /Kahoot tricks/ }) });
    await expect(offered).toContainText("New today");
    await expect(offered).toContainText("Room 114");
    await expectAccessible(teacherPage);
    await coordinatorContext.close();
    await teacherContext.close();
  });
});
