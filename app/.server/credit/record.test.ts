import { describe, expect, test } from "vitest";
import { addMember, createAttendee, createPublishedDay, createUser } from "tests/factories";
import { db } from "~/utils/db.server";
import { leaveFeedback } from "../attendees/feedback";
import { wallClockToInstant } from "../schedule/times";
import { correctCredit, getMyCredit } from "./credit";
import { HR_COLUMNS, hrRows, yearlyHrRows } from "./hr-export";
import { getPdRecord, issueTranscript, transcriptCode, verifyTranscript } from "./record";
import { getCertificate, verifyCode } from "./verify";

type Day = Awaited<ReturnType<typeof createPublishedDay>>;
// Each test publishes two or three PD days: room on a busy two-core machine.
const SLOW = { timeout: 30_000 };
const NOW = new Date("2026-12-01T18:00:00Z");
const FIVE_YEARS = { from: "2022-07-01", to: "2027-06-30" };

/** A stay in a session's room from `from` to `to` (wall clock on the day). */
async function stay(
  day: Day,
  userId: string,
  placement: { id: string; roomId: string; timeBlockId: string },
  from: string,
  to: string,
) {
  const instant = (t: string) => wallClockToInstant(day.event.date, t, day.event.timeZone);
  await db.roomVisit.create({
    data: {
      eventId: day.event.id,
      userId,
      roomId: placement.roomId,
      timeBlockId: placement.timeBlockId,
      placementId: placement.id,
      enteredAt: instant(from),
      leftAt: instant(to),
    },
  });
}

async function tag(day: Day, placement: { proposalId: string }, categories: string[]) {
  await db.event.update({
    where: { id: day.event.id },
    data: { creditCategories: "Technology\nAct 48\nLanguage acquisition (CTLE)" },
  });
  await db.proposal.update({ where: { id: placement.proposalId }, data: { creditCategories: categories.join("\n") } });
}

async function twoDays() {
  // March 2026 is school year 2025–26; October 2026 is 2026–27.
  const spring = await createPublishedDay({
    date: "2026-03-12",
    presenterCreditRule: "none",
    providerName: "Springfield USD",
    providerNumber: "PA-1234",
  });
  const fall = await createPublishedDay({
    date: "2026-10-15",
    presenterCreditRule: "none",
    providerName: "Springfield USD",
    providerNumber: "PA-1234",
  });
  const { user } = await createAttendee(spring.event.id, { name: "Ana Ruiz", staffId: "E-77" });
  await addMember(fall.event.id, user.id, "attendee");
  await tag(spring, spring.a1, ["Technology", "Act 48"]);
  await tag(spring, spring.a2, ["Act 48"]);
  await tag(fall, fall.a1, ["Language acquisition (CTLE)"]);
  await stay(spring, user.id, spring.a1, "09:00", "09:50");
  await stay(spring, user.id, spring.a2, "10:00", "10:50");
  await stay(fall, user.id, fall.a1, "09:00", "09:50");
  return { spring, fall, user };
}

describe("My PD record", SLOW, () => {
  test("a transcript across two PD days: hours per session and day, per school year and per category", async () => {
    const { spring, fall, user } = await twoDays();
    // A day still ahead is not on the record yet, even if the person is on its list.
    const future = await createPublishedDay({ date: "2027-03-12" });
    await addMember(future.event.id, user.id, "attendee");

    const record = await getPdRecord(user.id, FIVE_YEARS, { now: NOW });
    expect(record.days.map((d) => [d.name, d.schoolYear, d.hours])).toEqual([
      [spring.event.name, "2025–26", 1.5],
      [fall.event.name, "2026–27", 0.75],
    ]);
    expect(record.days[0]!.lines.map((l) => [l.title, l.hours, l.categories])).toEqual([
      ["Desmos for Algebra I", 0.75, ["Technology", "Act 48"]],
      ["Reading conferences", 0.75, ["Act 48"]],
    ]);
    expect(record.total).toBe(2.25);
    expect(record.byYear).toEqual([
      { label: "2025–26", hours: 1.5 },
      { label: "2026–27", hours: 0.75 },
    ]);
    expect(record.byCategory).toEqual([
      { label: "Act 48", hours: 1.5 },
      { label: "Language acquisition (CTLE)", hours: 0.75 },
      { label: "Technology", hours: 0.75 },
    ]);

    const thisYear = await getPdRecord(user.id, { from: "2026-07-01", to: "2027-06-30" }, { now: NOW });
    expect(thisYear.days.map((d) => d.name)).toEqual([fall.event.name]);
    expect(thisYear.total).toBe(0.75);
  });

  test("someone else's PD days never show on a person's record", async () => {
    const { spring } = await twoDays();
    const stranger = await createUser();
    expect((await getPdRecord(stranger.id, FIVE_YEARS, { now: NOW })).days).toEqual([]);
    // The day's presenter is on its list too, but presenting earns nothing on these days and they attended nothing.
    expect((await getPdRecord(spring.presenter.id, FIVE_YEARS, { now: NOW })).days).toEqual([]);
  });
});

describe("credit rules", SLOW, () => {
  test("feedback-gated credit is pending until the session's feedback is given, then counts at once", async () => {
    const day = await createPublishedDay({ presenterCreditRule: "none", feedbackForCredit: true });
    const { user } = await createAttendee(day.event.id, { staffId: "E-5" });
    await stay(day, user.id, day.a1, "09:00", "09:50");

    const before = await getMyCredit(user.id, day.event.id);
    expect(before.lines[0]).toMatchObject({ pending: true, counts: false, hours: 0 });
    expect(before.lines[0]!.note).toMatch(/Pending feedback/);
    expect(before.total).toBe(0);
    expect(await hrRows(day.coordinator.id, day.event.id)).toEqual([]);

    await leaveFeedback(
      user.id,
      day.event.slug,
      day.a1.id,
      { rating: 4, comment: "" },
      new Date("2027-03-12T18:00:00Z"),
    );

    const after = await getMyCredit(user.id, day.event.id);
    expect(after.lines[0]).toMatchObject({ pending: false, counts: true, hours: 0.75 });
    expect(after.total).toBe(0.75);
    expect(await hrRows(day.coordinator.id, day.event.id)).toHaveLength(1);
  });

  test("a daily cap trims the hours past it", async () => {
    const day = await createPublishedDay({ presenterCreditRule: "none", dailyCapMinutes: 60 });
    const { user } = await createAttendee(day.event.id);
    await stay(day, user.id, day.a1, "09:00", "09:50");
    await stay(day, user.id, day.a2, "10:00", "10:50");
    const { lines, total } = await getMyCredit(user.id, day.event.id);
    expect(lines.map((l) => l.hours)).toEqual([0.75, 0.25]);
    expect(lines[1]!.note).toBe("Daily cap of 1 hours reached");
    expect(total).toBe(1);
  });

  test("a session placed in a break or lunch never counts, not even by correction", async () => {
    const day = await createPublishedDay({ presenterCreditRule: "session" });
    await db.timeBlock.update({ where: { id: day.block2.id }, data: { kind: "lunch" } });
    const { buildSnapshot } = await import("../schedule/snapshot");
    const { freezeVersion } = await import("../schedule/publish");
    await freezeVersion(day.event.id, day.coordinator.id, await buildSnapshot(day.event.id), { notify: false });
    const { user } = await createAttendee(day.event.id);
    await stay(day, user.id, day.a2, "10:00", "10:50");
    expect((await getMyCredit(user.id, day.event.id)).lines).toEqual([]);
    expect((await getMyCredit(day.presenter.id, day.event.id)).lines.map((l) => l.title)).not.toContain(
      "Reading conferences",
    );
    await expect(
      correctCredit(day.coordinator.id, day.event.id, {
        userId: user.id,
        placementId: day.a2.id,
        minutes: 50,
        reason: "Was there",
      }),
    ).rejects.toThrow("lunch block, which never earns credit");
  });
});

describe("corrections keep history", SLOW, () => {
  test("each correction is a new entry with who, when and why; the old values stay; exports and certificates use the latest", async () => {
    const day = await createPublishedDay({ presenterCreditRule: "none" });
    const { user } = await createAttendee(day.event.id, { staffId: "E-77", name: "Ana Ruiz" });
    await stay(day, user.id, day.a1, "09:00", "09:15");
    await correctCredit(day.coordinator.id, day.event.id, {
      userId: user.id,
      placementId: day.a1.id,
      minutes: 45,
      reason: "Scanner was down",
    });
    await correctCredit(day.coordinator.id, day.event.id, {
      userId: user.id,
      placementId: day.a1.id,
      minutes: 30,
      reason: "Left at 9:30 after all",
    });

    expect(await db.creditAdjustment.count({ where: { userId: user.id } })).toBe(2);
    const [line] = (await getMyCredit(user.id, day.event.id)).lines;
    expect(line).toMatchObject({ kind: "adjusted", minutes: 30, hours: 0.5, recordedMinutes: 15 });
    expect(line!.history.map((h) => [h.minutes, h.reason, h.by])).toEqual([
      [45, "Scanner was down", day.coordinator.name],
      [30, "Left at 9:30 after all", day.coordinator.name],
    ]);
    expect(line!.history[0]!.at).toBeInstanceOf(Date);
    expect((await hrRows(day.coordinator.id, day.event.id))[0]).toEqual(
      expect.arrayContaining(["E-77", "Ana Ruiz", "Desmos for Algebra I", "30", "0.50"]),
    );
    expect(await getCertificate(user.id, day.event.id)).toMatchObject({ total: 0.5 });
  });
});

describe("verification pages", SLOW, () => {
  test("a transcript's code verifies its name, span and hours; nothing is stored until it is made; a made-up code fails", async () => {
    const { user } = await twoDays();
    const span = { from: "2025-07-01", to: "2027-06-30" };
    const code = transcriptCode(user.id, span);
    expect(code).toMatch(/^[A-Z0-9]{10}$/);
    await expect(verifyTranscript(code, { now: NOW })).rejects.toThrow(
      "No certificate or transcript has this verification code",
    );
    expect(await issueTranscript(user.id, span)).toBe(code);
    expect(await issueTranscript(user.id, span)).toBe(code);
    const result = await verifyTranscript(code.toLowerCase(), { now: NOW });
    expect(result).toEqual({
      name: "Ana Ruiz",
      school: user.school,
      from: "2025-07-01",
      to: "2027-06-30",
      days: 2,
      total: 2.25,
      byYear: [
        { label: "2025–26", hours: 1.5 },
        { label: "2026–27", hours: 0.75 },
      ],
      byCategory: expect.any(Array),
    });
    // What the holder may confirm, never the sessions, email or staff ID.
    expect(JSON.stringify(result)).not.toMatch(/Desmos|E-77|@/);
    await expect(verifyTranscript("ABCDEFGHIJ")).rejects.toThrow("No certificate or transcript");
    // Another span is another transcript, with its own code.
    expect(transcriptCode(user.id, { from: "2026-07-01", to: "2027-06-30" })).not.toBe(code);
  });

  test("/verify answers a certificate's code with the PD day's provider and category hours, and a transcript's with its totals", async () => {
    const { spring, user } = await twoDays();
    const { issueCertificate } = await import("./verify");
    const certificate = await verifyCode(await issueCertificate(user.id, spring.event.id));
    expect(certificate).toMatchObject({
      kind: "certificate",
      name: "Ana Ruiz",
      total: 1.5,
      providerName: "Springfield USD",
      providerNumber: "PA-1234",
      byCategory: [
        { label: "Act 48", hours: 1.5 },
        { label: "Technology", hours: 0.75 },
      ],
    });
    const transcript = await verifyCode(await issueTranscript(user.id, FIVE_YEARS));
    expect(transcript).toMatchObject({ kind: "transcript", name: "Ana Ruiz", days: expect.any(Number) });
  });
});

describe("HR exports", SLOW, () => {
  test("the yearly export has the documented columns and every PD day of the school year, for district coordinators only", async () => {
    expect(HR_COLUMNS).toEqual([
      "Staff ID",
      "Name",
      "School",
      "PD day",
      "Date",
      "Session",
      "Categories",
      "Provider",
      "Provider number",
      "Minutes",
      "Hours",
    ]);
    const { spring, user } = await twoDays();
    // A second PD day in the same school year (2025–26), where the roster gave another staff ID.
    const winter = await createPublishedDay({
      date: "2026-01-20",
      presenterCreditRule: "none",
      providerNumber: "PA-9",
    });
    await db.membership.create({
      data: { eventId: winter.event.id, userId: user.id, role: "attendee", staffId: "W-1" },
    });
    await stay(winter, user.id, winter.b1, "09:00", "09:50");

    const district = await createUser({ districtCoordinator: true });
    const rows = await yearlyHrRows(district.id, 2025);
    expect(rows).toEqual([
      [
        "W-1",
        "Ana Ruiz",
        user.school,
        winter.event.name,
        "2026-01-20",
        "Schoology rubrics",
        "",
        "",
        "PA-9",
        "50",
        "0.75",
      ],
      [
        "E-77",
        "Ana Ruiz",
        user.school,
        spring.event.name,
        "2026-03-12",
        "Desmos for Algebra I",
        "Technology; Act 48",
        "Springfield USD",
        "PA-1234",
        "50",
        "0.75",
      ],
      [
        "E-77",
        "Ana Ruiz",
        user.school,
        spring.event.name,
        "2026-03-12",
        "Reading conferences",
        "Act 48",
        "Springfield USD",
        "PA-1234",
        "50",
        "0.75",
      ],
    ]);
    expect(await yearlyHrRows(district.id, 2026)).toHaveLength(1);
    // A PD day's own coordinator exports their day, not the district's year.
    await expect(yearlyHrRows(spring.coordinator.id, 2025)).rejects.toThrow();
  });
});
