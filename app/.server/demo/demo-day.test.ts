import { describe, expect, test, vi } from "vitest";
import { db } from "~/utils/db.server";
import { parseSubjectTags, splitList } from "~/schemas/proposals";
import { verifyLogin } from "../accounts/accounts";
import { getProposalHistory, listMyProposals } from "../proposals/proposal-access";
import { DEMO_LOGINS, demoEventDate, seedDemo, seedDemoIfEmpty } from "./demo-day";

const PROPOSAL_STATES = ["draft", "submitted", "accepted", "waitlisted", "declined", "withdrawn", "confirmed"];

function demoEvent() {
  return db.event.findUniqueOrThrow({
    where: { slug: "demo" },
    include: { rooms: true, timeBlocks: true, proposals: true, vendors: true },
  });
}

describe("seedDemo", () => {
  test("creates a PD day ready for scheduling: rooms, session blocks, proposals in every state, vendors, a roster", async () => {
    await seedDemo();

    const event = await demoEvent();
    expect(event.status).toBe("scheduling");
    expect(event.rooms).toHaveLength(6);
    expect(event.timeBlocks.filter((b) => b.kind === "sessions")).toHaveLength(4);
    expect(event.proposals.length).toBeGreaterThanOrEqual(20);
    expect(event.proposals.length).toBeLessThanOrEqual(28);
    expect(new Set(event.proposals.map((p) => p.state))).toEqual(new Set(PROPOSAL_STATES));
    expect(event.vendors).toHaveLength(3);
    const attendees = await db.membership.count({ where: { eventId: event.id, role: "attendee" } });
    expect(attendees).toBeGreaterThanOrEqual(75);
    expect(attendees).toBeLessThanOrEqual(90);
    // Every proposal author can open their proposals as a presenter of the day.
    const presenterIds = new Set(
      (await db.membership.findMany({ where: { eventId: event.id, role: "presenter" } })).map((m) => m.userId),
    );
    expect(event.proposals.every((p) => presenterIds.has(p.presenterId))).toBe(true);
  });

  test("each demo login signs in with its printed password", async () => {
    await seedDemo();

    for (const login of DEMO_LOGINS) {
      expect(await verifyLogin(login.email, login.password), login.email).not.toBeNull();
    }
    // bcrypt on purpose, once per login (five now): headroom on a busy machine.
  }, 15_000);

  test("the day falls on a Saturday at least a week ahead, after the proposal window closed", async () => {
    const now = new Date("2026-11-24T15:00:00Z");
    await seedDemo({ now });

    const event = await demoEvent();
    expect(event.date).toBe(demoEventDate("2026-11-24"));
    expect(event.date).toBe("2026-12-05");
    expect(new Date(`${event.date}T12:00:00Z`).getUTCDay()).toBe(6);
    expect(event.proposalsOpenOn! <= event.proposalsCloseOn!).toBe(true);
    expect(event.proposalsCloseOn! < "2026-11-24").toBe(true);
  });

  test("proposals carry the full form: details, the event's tags, tech needs, blocks, and confirmed co-presenters", async () => {
    await seedDemo();

    const event = await demoEvent();
    const tags = new Set(parseSubjectTags(event.subjectTags));
    expect(tags.size).toBeGreaterThanOrEqual(5);
    const sessionBlockIds = new Set(event.timeBlocks.filter((b) => b.kind === "sessions").map((b) => b.id));
    expect(event.proposals.every((p) => p.details.length > 20)).toBe(true);
    expect(event.proposals.every((p) => splitList(p.tags).every((t) => tags.has(t)))).toBe(true);
    const unavailable = event.proposals.flatMap((p) => splitList(p.unavailableBlockIds));
    expect(unavailable.length).toBeGreaterThan(0);
    expect(unavailable.every((id) => sessionBlockIds.has(id))).toBe(true);
    expect(event.proposals.some((p) => p.maxParticipants !== null)).toBe(true);
    expect(event.proposals.some((p) => p.willingToRepeat)).toBe(true);
    expect(event.proposals.some((p) => splitList(p.techNeeds).includes("sink_lab"))).toBe(true);

    const coPresenters = await db.proposalCoPresenter.findMany({ where: { proposal: { eventId: event.id } } });
    expect(coPresenters.length).toBeGreaterThanOrEqual(2);
    for (const co of coPresenters) {
      expect(co.confirmedAt).not.toBeNull();
      expect((await listMyProposals(co.userId!)).map((p) => p.id)).toContain(co.proposalId);
    }

    // The demo teacher's confirmed session shows its story on the proposal page.
    const teacher = await db.user.findUniqueOrThrow({ where: { email: DEMO_LOGINS[1].email } });
    const confirmed = event.proposals.find((p) => p.presenterId === teacher.id && p.state === "confirmed")!;
    const history = await getProposalHistory(teacher.id, confirmed.id);
    expect(history.map((h) => h.to).filter(Boolean)).toEqual(["submitted", "accepted", "confirmed"]);
  });
});

describe("seedDemoIfEmpty", () => {
  test("seeds a brand-new database once, then leaves it alone", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      expect(await seedDemoIfEmpty()).toBe(true);
      expect(await seedDemoIfEmpty()).toBe(false);
      expect(log).toHaveBeenLastCalledWith("Demo data: skipped (database is not empty)");
    } finally {
      log.mockRestore();
    }
    // The demo PD day and the two past ones the demo attendee's PD record shows (issue 17).
    expect(await db.event.count()).toBe(3);
  });
});
