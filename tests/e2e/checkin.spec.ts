import crypto from "node:crypto";
import { sameOrigin } from "../support/same-origin";
import { createEvent, createUser, db, expect, expectAccessible, signIn, test, unique } from "./support";

const ZONE = "America/Chicago";
const token = () => crypto.randomBytes(16).toString("base64url");

async function addAttendee(eventId: string, name: string, extra: { school?: string; staffId?: string } = {}) {
  const user = await db().user.create({
    data: {
      name,
      email: `${unique("att")}@springfield.k12.test`.toLowerCase(),
      school: extra.school ?? "Lincoln Elementary",
      staffId: extra.staffId ?? null,
    },
  });
  const membership = await db().membership.create({
    data: { eventId, userId: user.id, role: "attendee", badgeToken: token() },
  });
  return { user, token: membership.badgeToken! };
}

function clockTime(at: Date) {
  return at.toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit", timeZone: ZONE });
}

test.describe("check-in and PD credit", () => {
  test("roster import: 300 rows with 3 bad ones shows each error by row and brings the 297 good ones in", async ({
    page,
    baseURL,
  }) => {
    // A long journey: about 30 s on a slow 2-core machine, so it gets four times that.
    test.setTimeout(120_000);
    const coordinator = await createUser({ name: "Dana Whitfield" });
    const event = await createEvent(coordinator.id, { name: "Roster Day" });
    await signIn(page, coordinator.id, baseURL!);
    const tag = unique("r");
    const lines = ["Full name,Email,School,Employee ID"];
    for (let i = 1; i <= 300; i++) {
      if (i === 10) lines.push(`Bad Email ${i},not-an-email,Lincoln Elementary,E${i}`);
      else if (i === 150) lines.push(`,missing.name.${tag}@springfield.k12.test,Jefferson High,E${i}`);
      else if (i === 290) lines.push(`Also Bad ${i},also@bad@example,Roosevelt Middle,E${i}`);
      else lines.push(`Teacher ${i},t${i}.${tag}@springfield.k12.test,School ${i % 7},E${i}`);
    }
    await page.goto(`/events/${event.slug}/roster`);
    await expect(page.getByRole("heading", { name: "Attendee roster" })).toBeVisible();
    await expectAccessible(page);
    await page
      .getByLabel("CSV file (optional)")
      .setInputFiles({ name: "roster.csv", mimeType: "text/csv", buffer: Buffer.from(lines.join("\n")) });
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByText("300 rows found")).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Email" })).toHaveValue("Email");
    await expect(page.getByRole("combobox", { name: "Staff ID (optional)" })).toHaveValue("Employee ID");
    await expect(page.getByRole("cell", { name: "Teacher 1", exact: true })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Import 300 rows" }).click();
    // The import runs on its own thread, which first loads its modules: under load (three
    // test workers on two cores) that alone passed 15 s once.
    await expect(page.getByText("297 imported, 3 errors")).toBeVisible({ timeout: 60_000 });
    // Row numbers as a spreadsheet shows them: the header is row 1.
    await expect(page.getByText("Row 11: Enter a valid email address.")).toBeVisible();
    await expect(page.getByText("Row 151: Enter the person's name.")).toBeVisible();
    await expect(page.getByText("Row 291: Enter a valid email address.")).toBeVisible();
    await expect(page.getByRole("heading", { name: "On the roster (297)" })).toBeVisible();
    await expectAccessible(page);
    const members = await db().membership.findMany({ where: { eventId: event.id, role: "attendee" } });
    expect(members).toHaveLength(297);
    expect(new Set(members.map((m) => m.badgeToken)).size).toBe(297);

    await page.goto(`/events/${event.slug}/badges`);
    await expect(page.getByRole("img", { name: "Check-in code for Teacher 1", exact: true })).toBeVisible();
    await expectAccessible(page);
  });

  test("kiosk: check in by badge code and by name; a duplicate says when; attendees cannot use it", async ({
    page,
    baseURL,
    browser,
  }) => {
    const coordinator = await createUser({ name: "Val Volunteer" });
    const event = await createEvent(coordinator.id, { name: "Kiosk Day" });
    const keisha = await addAttendee(event.id, "Keisha Reyes", { school: "Roosevelt Middle" });
    const tom = await addAttendee(event.id, "Tomasz Kowalski", { school: "Jefferson High" });
    await signIn(page, coordinator.id, baseURL!);

    await page.goto(`/events/${event.slug}/kiosk`);
    await expect(page.getByRole("heading", { name: "Door check-in" })).toBeVisible();
    await expectAccessible(page);
    // What the badge QR carries: the kiosk link with the token.
    await page.getByLabel("Badge code").fill(`${baseURL}/events/${event.slug}/kiosk?token=${keisha.token}`);
    await page.getByRole("button", { name: "Check in", exact: true }).click();
    const status = page.getByRole("status").filter({ hasText: /Checked in|Already|Not on/ });
    await expect(status).toContainText("Checked in");
    await expect(status).toContainText("Keisha Reyes");
    await expectAccessible(page);
    const row = await db().doorCheckIn.findUniqueOrThrow({
      where: { eventId_userId: { eventId: event.id, userId: keisha.user.id } },
    });

    await page.getByLabel("Badge code").fill(keisha.token);
    await page.getByRole("button", { name: "Check in", exact: true }).click();
    await expect(status).toContainText(`Already checked in at ${clockTime(row.checkedInAt)}`);
    await expectAccessible(page);
    expect(await db().doorCheckIn.count({ where: { eventId: event.id } })).toBe(1);

    await page.getByLabel("Badge code").fill("not-a-real-token");
    await page.getByRole("button", { name: "Check in", exact: true }).click();
    await expect(status).toContainText("Not on this PD day's list");

    await page.getByRole("searchbox", { name: "Name or school" }).fill("Kowal");
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("button", { name: "Check in Tomasz Kowalski" }).click();
    await expect(status).toContainText("Checked in");
    await expect(status).toContainText("Tomasz Kowalski");
    expect(
      await db().doorCheckIn.findFirst({ where: { eventId: event.id, userId: tom.user.id, source: "search" } }),
    ).not.toBeNull();

    await page.getByRole("textbox", { name: "Name" }).fill("Walt Inn");
    await page.getByRole("textbox", { name: "Email" }).fill(`${unique("walt")}@springfield.k12.test`);
    await page.getByRole("button", { name: "Register and check in" }).click();
    await expect(status).toContainText("Checked in");
    await expect(status).toContainText("Walt Inn");
    expect(await db().doorCheckIn.count({ where: { eventId: event.id, source: "walk_in" } })).toBe(1);
    await expect(page.getByText("3 of 3 on the roster checked in.")).toBeVisible();

    // An attendee has no business at the kiosk.
    const attendeeContext = await browser.newContext();
    const attendeePage = await attendeeContext.newPage();
    await signIn(attendeePage, tom.user.id, baseURL!);
    const response = await attendeePage.goto(`${baseURL}/events/${event.slug}/kiosk`);
    expect(response?.status()).toBe(403);
    expect(
      (
        await attendeePage.request.post(`${baseURL}/events/${event.slug}/kiosk/sync`, {
          headers: sameOrigin(baseURL!),
          data: { scans: [] },
        })
      ).status(),
    ).toBe(403);
    await attendeeContext.close();
  });

  test("offline kiosk: 5 scans queue locally and sync to exactly 5 check-ins", async ({ page, baseURL, context }) => {
    const coordinator = await createUser({ name: "Val Volunteer" });
    const event = await createEvent(coordinator.id, { name: "Offline Day" });
    const people: Array<Awaited<ReturnType<typeof addAttendee>>> = [];
    for (let i = 1; i <= 5; i++) people.push(await addAttendee(event.id, `Offline Person ${i}`));
    await signIn(page, coordinator.id, baseURL!);
    await page.goto(`/events/${event.slug}/kiosk`);
    await expect(page.getByRole("heading", { name: "Door check-in" })).toBeVisible();

    await context.setOffline(true);
    for (const [i, person] of people.entries()) {
      await page.getByLabel("Badge code").fill(person.token);
      await page.getByRole("button", { name: "Check in", exact: true }).click();
      await expect(page.getByText(`${i + 1} ${i === 0 ? "scan" : "scans"} waiting to sync`)).toBeVisible();
    }
    await expect(page.getByText("Saved offline")).toBeVisible();
    await expectAccessible(page);
    expect(await db().doorCheckIn.count({ where: { eventId: event.id } })).toBe(0);

    await context.setOffline(false);
    await expect.poll(() => db().doorCheckIn.count({ where: { eventId: event.id } }), { timeout: 10_000 }).toBe(5);
    await expect(page.getByText("5 queued scans synced")).toBeVisible();
    await expect(page.getByText(/waiting to sync/)).toHaveCount(0);
    const rows = await db().doorCheckIn.findMany({ where: { eventId: event.id } });
    expect(new Set(rows.map((r) => r.userId))).toEqual(new Set(people.map((p) => p.user.id)));
    expect(rows.every((r) => r.clientId)).toBe(true);
    // A repeat upload of the same queue (a lost response) changes nothing.
    const again = await page.request.post(`/events/${event.slug}/kiosk/sync`, {
      headers: sameOrigin(baseURL!),
      data: {
        scans: rows.map((r, i) => ({
          clientId: r.clientId,
          token: people[i]!.token,
          scannedAt: new Date().toISOString(),
        })),
      },
    });
    expect(again.ok()).toBe(true);
    expect(await db().doorCheckIn.count({ where: { eventId: event.id } })).toBe(5);
  });

  test("room attendance: room A then room B in one block earns credit in B only; certificate and HR CSV agree", async ({
    page,
    baseURL,
    browser,
  }) => {
    // Two browsers, a publish, a certificate and the HR export: 20–28 s on a quiet
    // machine, so twice the default to keep half the budget spare on one 2× slower.
    test.setTimeout(120_000);
    const coordinator = await createUser({ name: "Dana Whitfield" });
    const presenter = await createUser({ name: "Maria Delgado" });
    // The block runs from 29 minutes ago to 31 from now on today's date, which cannot cross
    // midnight: near Chicago's midnight the day is held in Tokyo (14–15 hours ahead), so the
    // test runs at any hour instead of skipping itself.
    const now = new Date();
    const wallClock = (timeZone: string) => {
      const [hh, mm] = now
        .toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone })
        .split(":")
        .map(Number) as [number, number];
      return hh * 60 + mm;
    };
    const nearMidnight = (m: number) => m < 30 || m > 23 * 60 + 20;
    const zone = nearMidnight(wallClock(ZONE)) ? "Asia/Tokyo" : ZONE;
    const minutes = wallClock(zone);
    expect(nearMidnight(minutes)).toBe(false);
    const today = new Intl.DateTimeFormat("en-CA", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    }).format(now);
    const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
    // A block that started 29 minutes ago and ends in 31: staying from now to its end is 30 minutes.
    const blockStart = clock(minutes - 29);
    const blockEnd = clock(minutes + 31);
    const event = await db().event.create({
      data: {
        slug: unique("live-day"),
        name: "Drop-in Day",
        date: today,
        startTime: "00:00",
        endTime: "23:59",
        timeZone: zone,
        status: "live",
        minStayMinutes: 20,
        presenterCreditRule: "session",
        memberships: {
          create: [
            { userId: coordinator.id, role: "coordinator" },
            { userId: presenter.id, role: "presenter" },
          ],
        },
      },
    });
    const roomA = await db().room.create({ data: { eventId: event.id, name: "Library", capacity: 40, sortOrder: 0 } });
    const roomB = await db().room.create({ data: { eventId: event.id, name: "Room 114", capacity: 1, sortOrder: 1 } });
    const block = await db().timeBlock.create({
      data: { eventId: event.id, label: "Block 1", startTime: blockStart, endTime: blockEnd },
    });
    const place = async (title: string, roomId: string) => {
      const proposal = await db().proposal.create({
        data: {
          eventId: event.id,
          presenterId: presenter.id,
          title,
          summary: `${title}.`,
          audience: "6-8",
          state: "confirmed",
        },
      });
      await db().placement.create({
        data: { eventId: event.id, proposalId: proposal.id, roomId, timeBlockId: block.id },
      });
    };
    await place("Desmos for Algebra I", roomA.id);
    await place("Schoology rubrics", roomB.id);

    // The coordinator publishes the grid the ordinary way.
    await signIn(page, coordinator.id, baseURL!);
    await page.goto(`/events/${event.slug}/publish`);
    await page.getByRole("button", { name: "Publish" }).click();
    await expect(page.getByRole("status")).toContainText("Version 1 is published");

    const ana = await addAttendee(event.id, "Ana Ruiz", { school: "Lincoln Elementary", staffId: "E-4471" });
    const attendeeContext = await browser.newContext();
    const phone = await attendeeContext.newPage();
    await signIn(phone, ana.user.id, baseURL!);

    await phone.goto(`${baseURL}/e/${event.slug}/rooms/${roomA.id}`);
    await expectAccessible(phone);
    await phone.getByRole("button", { name: "Check in to this room" }).click();
    await expect(phone.getByRole("status")).toContainText("Checked in to “Desmos for Algebra I” for Block 1.");
    await expect(phone.getByText(/You are checked in here since/)).toBeVisible();

    await phone.goto(`${baseURL}/e/${event.slug}/rooms/${roomB.id}`);
    await phone.getByRole("button", { name: "Check in to this room" }).click();
    await expect(phone.getByRole("status")).toContainText(
      "Checked in to “Schoology rubrics” for Block 1. Your previous room is checked out.",
    );
    // Room 114 seats one: the next person at its door is pointed to the Library.
    await expect(phone.getByText("This room is full right now.")).toBeVisible();
    await expect(phone.getByRole("link", { name: "Desmos for Algebra I" })).toBeVisible();
    await expectAccessible(phone);
    const visits = await db().roomVisit.findMany({
      where: { eventId: event.id, userId: ana.user.id },
      orderBy: { enteredAt: "asc" },
    });
    expect(visits.map((v) => [v.roomId, v.leftAt === null])).toEqual([
      [roomA.id, false],
      [roomB.id, true],
    ]);

    // Seconds in the Library stay under the 20-minute minimum; Room 114 runs to the block's end.
    await phone.goto(`${baseURL}/e/${event.slug}/credit`);
    await expect(phone.getByText("0.50 hours")).toBeVisible();
    await expect(
      phone.getByRole("row", { name: /Desmos for Algebra I.*Under the 20-minute minimum stay/ }),
    ).toBeVisible();
    await expectAccessible(phone);
    await phone.getByRole("button", { name: "Certificate (print or save as PDF)" }).click();
    await expect(phone.getByRole("heading", { name: "Ana Ruiz" })).toBeVisible();
    await expect(phone.locator(".certificate-hours")).toHaveText("0.50 hours");
    await expect(phone.getByText("Schoology rubrics")).toBeVisible();
    await expect(phone.getByText("Desmos for Algebra I")).toHaveCount(0);
    await expect(phone.getByText("Maria Delgado")).toBeVisible();
    await expect(phone.getByText(/Verification code: [A-Z0-9]{10}/)).toBeVisible();
    await expectAccessible(phone);
    const code = (await phone.locator(".certificate-code strong").textContent())!;
    const verifierContext = await browser.newContext();
    const verifier = await verifierContext.newPage();
    await verifier.goto(`${baseURL}/verify/${code}`);
    await expect(verifier.getByText("Ana Ruiz (Lincoln Elementary) earned 0.50 hours")).toBeVisible();
    await expectAccessible(verifier);
    await verifierContext.close();
    await phone.goto(`${baseURL}/e/${event.slug}/my-badge`);
    await expect(phone.getByRole("img", { name: "Your check-in code" })).toBeVisible();
    // The typed fallback is the short code (issue 20), not the long token.
    const { shortCode } = await db().membership.findFirstOrThrow({
      where: { eventId: event.id, userId: ana.user.id, role: "attendee" },
    });
    await expect(phone.getByText(`Code: ${shortCode!.slice(0, 4)}-${shortCode!.slice(4)}`)).toBeVisible();
    await expectAccessible(phone);
    await attendeeContext.close();

    const csv = await (await page.request.get(`/events/${event.slug}/credit.csv`)).text();
    const csvLines = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(csvLines[0]).toBe(
      "Staff ID,Name,School,PD day,Date,Session,Categories,Provider,Provider number,Minutes,Hours",
    );
    expect(
      csvLines.filter((l) => /^E-4471,Ana Ruiz,Lincoln Elementary,.*,Schoology rubrics,.*,30,0\.50$/.test(l)),
    ).toHaveLength(1);
    expect(csvLines.some((l) => l.includes("Ana Ruiz") && l.includes("Desmos"))).toBe(false);
    // The presenter is credited for presenting both sessions (60 minutes each).
    expect(csvLines.filter((l) => l.startsWith(",Maria Delgado,,"))).toHaveLength(2);

    await page.goto(`/events/${event.slug}/credit`);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Correct Ana Ruiz, Desmos for Algebra I" }).click();
    await expect(page.getByLabel("Person")).toHaveValue(ana.user.id);
    await page.getByRole("button", { name: "Save correction" }).click();
    await expect(page.getByText("Enter the minutes to credit.")).toBeVisible();
    await page.getByLabel("Minutes").fill("25");
    await page.getByLabel("Reason").fill("Stayed, phone died");
    await page.getByRole("button", { name: "Save correction" }).click();
    await expect(page.getByRole("status")).toContainText("Credit corrected");
    const corrected = await (await page.request.get(`/events/${event.slug}/credit.csv`)).text();
    expect(corrected).toMatch(/^E-4471,Ana Ruiz,Lincoln Elementary,.*,Desmos for Algebra I,.*,25,0\.50\r?$/m);
    expect(await db().auditLog.count({ where: { eventId: event.id, action: "credit.corrected" } })).toBe(1);

    await page.goto(`/events/${event.slug}/live`);
    await expect(page.getByRole("heading", { name: "Rooms now: Block 1" })).toBeVisible();
    await expect(page.getByText("1 / 1 · full")).toBeVisible();
    await expectAccessible(page);
  });
});
