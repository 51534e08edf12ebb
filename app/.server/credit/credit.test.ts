import { describe, expect, test } from "vitest";
import { addMember, createAttendee, createEvent, createPublishedDay, createUser } from "tests/factories";
import { db } from "~/utils/db.server";
import { checkIntoRoom, markAttendance } from "../checkin/rooms";
import { addWalkIn } from "../checkin/roster";
import { rememberAllCertificateCodes, verificationCode } from "./certificate-codes";
import { correctCredit, getEventCredit, getMyCredit } from "./credit";
import { minutesInside, toHours } from "./credit-lines";
import { hrRows } from "./hr-export";

// 2027-03-12 in Chicago is CST (UTC-6): Block 1 runs 15:00–15:50Z, Block 2 16:00–16:50Z.
const at = (hhmm: string) => new Date(`2027-03-12T${hhmm}:00Z`);

describe("minutes and hours", () => {
  test("overlapping visits count once, and never beyond the session", () => {
    const span = { start: at("15:00"), end: at("15:50") };
    expect(minutesInside(span, [{ start: at("14:40"), end: at("16:30") }])).toBe(50);
    expect(
      minutesInside(span, [
        { start: at("15:10"), end: at("15:30") },
        { start: at("15:20"), end: at("15:40") },
      ]),
    ).toBe(30);
    expect(minutesInside(span, [{ start: at("16:00"), end: at("16:30") }])).toBe(0);
  });
  test("hours round to the nearest quarter", () => {
    expect([toHours(50), toHours(37), toHours(22), toHours(60)]).toEqual([0.75, 0.5, 0.25, 1]);
  });
});

describe("room attendance and credit", () => {
  test("staying a whole block earns the block's length, counted to the block's end without a check-out", async () => {
    const day = await createPublishedDay();
    const { user } = await createAttendee(day.event.id);
    await checkIntoRoom(user.id, day.event.id, day.roomA.id, at("15:02"));
    const { lines, total } = await getMyCredit(user.id, day.event.id);
    expect(lines).toEqual([
      expect.objectContaining({ title: "Desmos for Algebra I", minutes: 48, hours: 0.75, counts: true }),
    ]);
    expect(total).toBe(0.75);
  });

  test("law of two feet: moving rooms in a block closes the first visit; a short stay does not count", async () => {
    const day = await createPublishedDay();
    const { user } = await createAttendee(day.event.id);
    await checkIntoRoom(user.id, day.event.id, day.roomA.id, at("15:00"));
    const move = await checkIntoRoom(user.id, day.event.id, day.roomB.id, at("15:15"));
    expect(move.moved).toBe(true);
    expect(await db.roomVisit.count({ where: { userId: user.id, leftAt: null } })).toBe(1);
    const { lines } = await getMyCredit(user.id, day.event.id);
    const byTitle = Object.fromEntries(lines.map((l) => [l.title, l]));
    // 15 minutes in Room A is under the 20-minute minimum; 35 in Room B counts.
    expect(byTitle["Desmos for Algebra I"]).toMatchObject({ minutes: 15, hours: 0, counts: false });
    expect(byTitle["Schoology rubrics"]).toMatchObject({ minutes: 35, hours: 0.5, counts: true });
  });

  test("scanning the same door twice does not open a second visit or double the minutes", async () => {
    const day = await createPublishedDay();
    const { user } = await createAttendee(day.event.id);
    await checkIntoRoom(user.id, day.event.id, day.roomA.id, at("15:00"));
    await checkIntoRoom(user.id, day.event.id, day.roomA.id, at("15:10"));
    expect(await db.roomVisit.count({ where: { userId: user.id } })).toBe(1);
    expect((await getMyCredit(user.id, day.event.id)).lines[0]!.minutes).toBe(50);
  });

  test("the minimum stay is the PD day's own setting", async () => {
    const day = await createPublishedDay({ minStayMinutes: 10 });
    const { user } = await createAttendee(day.event.id);
    await checkIntoRoom(user.id, day.event.id, day.roomA.id, at("15:00"));
    await checkIntoRoom(user.id, day.event.id, day.roomB.id, at("15:12"));
    const first = (await getMyCredit(user.id, day.event.id)).lines.find((l) => l.title === "Desmos for Algebra I")!;
    expect(first).toMatchObject({ minutes: 12, counts: true, hours: 0.25 });
  });

  test("outside a session block there is nothing to check in to; strangers cannot check in", async () => {
    const day = await createPublishedDay();
    const { user } = await createAttendee(day.event.id);
    await expect(checkIntoRoom(user.id, day.event.id, day.roomA.id, at("15:55"))).rejects.toThrow(
      "No session block is running",
    );
    const stranger = await createUser();
    await expect(checkIntoRoom(stranger.id, day.event.id, day.roomA.id, at("15:05"))).rejects.toThrow(
      "Join this PD day",
    );
  });

  test("presenters earn credit by the PD day's rule and can mark attendance in their own session only", async () => {
    const day = await createPublishedDay({ presenterCreditRule: "double" });
    const mine = await getMyCredit(day.presenter.id, day.event.id);
    expect(mine.lines.map((l) => [l.kind, l.minutes])).toEqual([
      ["presented", 100],
      ["presented", 100],
      ["presented", 100],
    ]);
    const { user } = await createAttendee(day.event.id);
    await markAttendance(day.presenter.id, day.event.id, day.a1.id, user.id, at("15:45"));
    expect((await getMyCredit(user.id, day.event.id)).lines[0]).toMatchObject({ minutes: 50, counts: true });
    const other = await createUser();
    await addMember(day.event.id, other.id, "presenter");
    await expect(markAttendance(other.id, day.event.id, day.a1.id, user.id)).rejects.toThrow(
      "Only this session's presenters",
    );

    const none = await createPublishedDay({ presenterCreditRule: "none" });
    expect((await getMyCredit(none.presenter.id, none.event.id)).lines).toEqual([]);
  });

  test("a coordinator's correction replaces the minutes and is audited; the HR rows follow", async () => {
    const day = await createPublishedDay({ presenterCreditRule: "none" });
    const { user } = await createAttendee(day.event.id, {
      staffId: "E-77",
      name: "Ana Ruiz",
      school: "Lincoln Elementary",
    });
    await checkIntoRoom(user.id, day.event.id, day.roomA.id, at("15:40"));
    expect(await hrRows(day.coordinator.id, day.event.id)).toEqual([]);
    await correctCredit(day.coordinator.id, day.event.id, {
      userId: user.id,
      placementId: day.a1.id,
      minutes: 45,
      reason: "Badge scanner was down",
    });
    expect(await hrRows(day.coordinator.id, day.event.id)).toEqual([
      [
        "E-77",
        "Ana Ruiz",
        "Lincoln Elementary",
        day.event.name,
        day.event.date,
        "Desmos for Algebra I",
        "",
        "",
        "",
        "45",
        "0.75",
      ],
    ]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { eventId: day.event.id, action: "credit.corrected" } });
    expect(JSON.parse(audit.detail)).toMatchObject({ minutes: 45, reason: "Badge scanner was down" });
    await correctCredit(day.coordinator.id, day.event.id, {
      userId: user.id,
      placementId: day.a1.id,
      minutes: 0,
      reason: "Left early after all",
    });
    expect(await hrRows(day.coordinator.id, day.event.id)).toEqual([]);
  });

  test("day A's HR export keeps the names day A's roster gave, whatever day B's coordinator types (issue 13, finding 3)", async () => {
    const day = await createPublishedDay({ presenterCreditRule: "none" });
    const { user } = await createAttendee(day.event.id, {
      staffId: "E-77",
      name: "Ana Ruiz",
      school: "Lincoln Elementary",
    });
    await correctCredit(day.coordinator.id, day.event.id, {
      userId: user.id,
      placementId: day.a1.id,
      minutes: 45,
      reason: "Scanner down",
    });
    const dayB = await createEvent();
    const coordinatorB = await createUser();
    await addMember(dayB.id, coordinatorB.id, "coordinator");

    await addWalkIn(coordinatorB.id, dayB.id, {
      name: "Someone Else",
      email: user.email,
      school: "Nowhere High",
      staffId: "X1",
    });

    expect(await hrRows(day.coordinator.id, day.event.id)).toEqual([
      [
        "E-77",
        "Ana Ruiz",
        "Lincoln Elementary",
        day.event.name,
        day.event.date,
        "Desmos for Algebra I",
        "",
        "",
        "",
        "45",
        "0.75",
      ],
    ]);
  });

  test("only the PD day's coordinators see everyone's credit or correct it", async () => {
    const day = await createPublishedDay();
    const { user } = await createAttendee(day.event.id);
    await expect(getEventCredit(user.id, day.event.id)).rejects.toThrow("coordinators");
    await expect(
      correctCredit(user.id, day.event.id, {
        userId: user.id,
        placementId: day.a1.id,
        minutes: 50,
        reason: "I was there",
      }),
    ).rejects.toThrow("coordinators");
    const otherEvent = await createEvent();
    await expect(getMyCredit(user.id, otherEvent.id)).rejects.toThrow("Only people on this PD day's list");
  });

  test("verification codes are 10 characters, stable, and differ per person and event", () => {
    const code = verificationCode("user-1", "event-1");
    expect(code).toMatch(/^[A-Z0-9]{10}$/);
    expect(verificationCode("user-1", "event-1")).toBe(code);
    expect(verificationCode("user-2", "event-1")).not.toBe(code);
    expect(verificationCode("user-1", "event-2")).not.toBe(code);
  });
});

describe("correction form", () => {
  test("a blank minutes box is an error, not zero minutes", async () => {
    const { CorrectionSchema } = await import("~/schemas/checkin");
    const blank = CorrectionSchema.safeParse({ userId: "u", placementId: "p", minutes: "", reason: "Scanner down" });
    expect(blank.success).toBe(false);
    expect(
      CorrectionSchema.parse({ userId: "u", placementId: "p", minutes: "0", reason: "Left at once" }).minutes,
    ).toBe(0);
  });
});

describe("certificate verification", () => {
  test("a certificate's code finds its person, PD day and hours; a made-up code does not", async () => {
    const { getCertificate, issueCertificate, verifyCertificate } = await import("./verify");
    const day = await createPublishedDay();
    const { user } = await createAttendee(day.event.id, { name: "Ana Ruiz" });
    await checkIntoRoom(user.id, day.event.id, day.roomA.id, at("15:00"));
    // The credit page shows the code; only making the certificate (a POST) stores it.
    const { code } = await getMyCredit(user.id, day.event.id);
    expect(code).toBe(verificationCode(user.id, day.event.id));
    await expect(verifyCertificate(code)).rejects.toThrow("No certificate has this verification code");
    // Reading the certificate page writes nothing (issue 13: no GET changes state).
    expect(await getCertificate(user.id, day.event.id)).toMatchObject({ issued: false });
    await expect(verifyCertificate(code)).rejects.toThrow("No certificate has this verification code");
    await issueCertificate(user.id, day.event.id);
    expect(await getCertificate(user.id, day.event.id)).toMatchObject({ issued: true });
    const result = await verifyCertificate(code.toLowerCase());
    expect(result).toMatchObject({ name: "Ana Ruiz", eventName: day.event.name, total: 0.75 });
    await expect(verifyCertificate("ABCDEFGHIJ")).rejects.toThrow("No certificate has this verification code");
  });

  test("certificates printed before codes were stored verify once Dropin has started", async () => {
    const { verifyCertificate } = await import("./verify");
    const day = await createPublishedDay();
    const { user } = await createAttendee(day.event.id, { name: "Ana Ruiz" });
    const printed = verificationCode(user.id, day.event.id);
    await expect(verifyCertificate(printed)).rejects.toThrow("No certificate has this verification code");
    expect(await rememberAllCertificateCodes()).toBeGreaterThanOrEqual(1);
    expect(await verifyCertificate(printed)).toMatchObject({ name: "Ana Ruiz" });
    // Only the missing ones the next time.
    expect(await rememberAllCertificateCodes()).toBe(0);
  });

  test("someone taken off the PD day's list no longer verifies", async () => {
    const { issueCertificate, verifyCertificate } = await import("./verify");
    const day = await createPublishedDay();
    const { user } = await createAttendee(day.event.id);
    const code = await issueCertificate(user.id, day.event.id);
    await db.membership.deleteMany({ where: { userId: user.id, eventId: day.event.id } });
    await expect(verifyCertificate(code)).rejects.toThrow("No certificate has this verification code");
  });
});

describe("before any room check-in", () => {
  test("the credit page knows the door check-in, which earns no hours", async () => {
    const day = await createPublishedDay();
    const { user } = await createAttendee(day.event.id);
    expect(await getMyCredit(user.id, day.event.id)).toMatchObject({ lines: [], total: 0, doorCheckedInAt: null });
    await db.doorCheckIn.create({ data: { eventId: day.event.id, userId: user.id, checkedInAt: at("14:52") } });
    expect(await getMyCredit(user.id, day.event.id)).toMatchObject({
      lines: [],
      total: 0,
      doorCheckedInAt: at("14:52"),
    });
  });

  test("a room check-in outside a block says when the next block starts, or that the day is over", async () => {
    const day = await createPublishedDay();
    const { user } = await createAttendee(day.event.id);
    await expect(checkIntoRoom(user.id, day.event.id, day.roomA.id, at("15:55"))).rejects.toThrow(
      "No session block is running right now, so there is nothing to check in to. Block 2 starts at 10:00 AM: come back then",
    );
    await expect(checkIntoRoom(user.id, day.event.id, day.roomA.id, new Date("2027-03-11T15:00:00Z"))).rejects.toThrow(
      "Block 1 starts at 9:00 AM on Friday, March 12",
    );
    await expect(checkIntoRoom(user.id, day.event.id, day.roomA.id, at("17:00"))).rejects.toThrow(
      "Today's sessions are over.",
    );
  });
});
