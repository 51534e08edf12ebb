// Attack: the lead presenter removes a co-presenter after the schedule was published.
// The published schedule still lists them until the next publish; they must not keep
// the session's presenter powers meanwhile: marking people present (PD credit),
// adding or removing its resource files, reading its takeaways.
import { describe, expect, it } from "vitest";
import { createAttendee, createPublishedDayWithCoPresenter } from "tests/factories";
import { db } from "~/utils/db.server";
import { markAttendance } from "../checkin/rooms";
import { loadCredit } from "../credit/credit";
import { NotAllowedError } from "../errors";
import { removeCoPresenter } from "../proposals/co-presenters";
import { sessionPostsFor } from "./takeaways";
import { addSessionResourceFile, removeSessionResource } from "./resources";

// 2027-03-12 in Chicago is UTC-6: block 1 (09:00–09:50) starts at 15:00 UTC.
const DURING = new Date("2027-03-12T15:20:00Z");
const FILE = { intent: "file" as const, label: "Slides" };
const pdf = () => {
  const bytes = new Uint8Array(300).fill(0x20);
  bytes.set(new TextEncoder().encode("%PDF-1.7\n"));
  return { name: "slides.pdf", bytes };
};

async function publishedWithCoPresenter() {
  const day = await createPublishedDayWithCoPresenter();
  const attendee = (await createAttendee(day.event.id, { name: "Ann Absent" })).user;
  return { ...day, attendee };
}

describe("a co-presenter removed after publishing", () => {
  it("keeps the powers while on the proposal, and loses them the moment the lead removes them", async () => {
    const { event, a1, presenter, co, row, attendee } = await publishedWithCoPresenter();
    // While a co-presenter: they act for the session.
    const theirs = await addSessionResourceFile(co.id, event.slug, a1.id, FILE, pdf(), DURING);
    expect((await sessionPostsFor(co.id, event.slug, a1.id, DURING)).role).toBe("presenter");

    await removeCoPresenter(presenter.id, a1.proposalId, row.id);
    const listed = await db.scheduleVersion.findFirstOrThrow({
      where: { eventId: event.id },
      orderBy: { number: "desc" },
    });
    expect(listed.snapshot).toContain(co.id); // still on the published schedule

    await expect(markAttendance(co.id, event.id, a1.id, attendee.id, DURING)).rejects.toBeInstanceOf(NotAllowedError);
    await expect(addSessionResourceFile(co.id, event.slug, a1.id, FILE, pdf(), DURING)).rejects.toBeInstanceOf(
      NotAllowedError,
    );
    await expect(removeSessionResource(co.id, event.slug, a1.id, theirs.id)).rejects.toBeInstanceOf(NotAllowedError);
    await expect(sessionPostsFor(co.id, event.slug, a1.id, DURING)).rejects.toBeInstanceOf(NotAllowedError);
    expect(await db.roomVisit.count({ where: { userId: attendee.id } })).toBe(0);
    // The lead still acts.
    await markAttendance(presenter.id, event.id, a1.id, attendee.id, DURING);
    await removeSessionResource(presenter.id, event.slug, a1.id, theirs.id);
  });
});

describe("PD credit of a co-presenter removed after publishing", () => {
  it("no longer credits them for presenting the session; the lead keeps it", async () => {
    const { event, a1, presenter, co, row } = await publishedWithCoPresenter();
    const presented = async (userId: string) =>
      (await loadCredit(event.id, userId)).lines.filter((l) => l.placementId === a1.id && l.kind === "presented");
    expect(await presented(co.id)).toHaveLength(1);
    await removeCoPresenter(presenter.id, a1.proposalId, row.id);
    expect(await presented(co.id)).toEqual([]);
    expect(await presented(presenter.id)).toHaveLength(1);
  });
});
