import { describe, expect, it } from "vitest";
import { addMember, createEvent, createProposal, createUser } from "tests/factories";
import { db } from "~/utils/db.server";
import { NotAllowedError, RuleError } from "../errors";
import { currentFeedLink } from "./feed-links";
import { getVersion, latestPublished, publish } from "./publish";

async function gridEvent() {
  const coordinator = await createUser({ name: "Dana Whitfield" });
  const event = await createEvent({ status: "scheduling" });
  await addMember(event.id, coordinator.id, "coordinator");
  const room = (name: string, sortOrder: number) =>
    db.room.create({ data: { eventId: event.id, name, capacity: 40, sortOrder } });
  const block = (label: string, startTime: string, endTime: string, kind = "sessions") =>
    db.timeBlock.create({ data: { eventId: event.id, label, startTime, endTime, kind } });
  const library = await room("Library", 0);
  const lab = await room("Room 114", 1);
  const b1 = await block("Block 1", "08:50", "09:50");
  const lunch = await block("Lunch", "09:50", "10:30", "lunch");
  const b2 = await block("Block 2", "10:30", "11:30");
  const maria = await createUser({ name: "Maria Delgado" });
  const ben = await createUser({ name: "Ben Okafor" });
  const aisha = await createUser({ name: "Aisha Nguyen" });
  const pending = await createUser({ name: "Not Yet Confirmed" });
  for (const u of [maria, ben, aisha]) await addMember(event.id, u.id, "presenter");
  const desmos = await createProposal(event.id, maria.id, {
    title: "Desmos for Algebra I",
    state: "confirmed",
    lengthBlocks: 2,
    tags: "Math",
  });
  await db.proposalCoPresenter.create({
    data: {
      proposalId: desmos.id,
      email: aisha.email,
      userId: aisha.id,
      tokenHash: `t-${desmos.id}`,
      confirmedAt: new Date(),
    },
  });
  await db.proposalCoPresenter.create({
    data: { proposalId: desmos.id, email: pending.email, userId: pending.id, tokenHash: `u-${desmos.id}` },
  });
  const exits = await createProposal(event.id, maria.id, { title: "Exit tickets", state: "accepted" });
  const rubrics = await createProposal(event.id, ben.id, { title: "Schoology rubrics", state: "accepted" });
  const placeIt = (proposalId: string, roomId: string, timeBlockId: string) =>
    db.placement.create({ data: { eventId: event.id, proposalId, roomId, timeBlockId } });
  const pDesmos = await placeIt(desmos.id, library.id, b1.id);
  const pExits = await placeIt(exits.id, lab.id, b2.id);
  const pRubrics = await placeIt(rubrics.id, lab.id, b1.id);
  return { event, coordinator, library, lab, b1, b2, lunch, maria, ben, aisha, pending, pDesmos, pExits, pRubrics };
}

const mailsTo = (eventId: string) => db.outboxMessage.findMany({ where: { eventId }, orderBy: { createdAt: "asc" } });

describe("publishing versions", () => {
  it("v1 freezes the grid with everything 'added' and mails each presenter once", async () => {
    const g = await gridEvent();
    const { version, notified } = await publish(g.coordinator.id, g.event.id, { note: "First cut" });
    expect(version.number).toBe(1);
    expect(version.changelog.map((c) => c.kind)).toEqual(["added", "added", "added"]);
    const desmos = version.snapshot.sessions.find((s) => s.title === "Desmos for Algebra I")!;
    // Two blocks: it runs through lunch to the end of the next session block.
    expect(desmos).toMatchObject({
      startTime: "08:50",
      endTime: "11:30",
      roomName: "Library",
      tags: ["Math"],
      dayOf: false,
    });
    expect(desmos.presenters.map((p) => p.name)).toEqual(["Maria Delgado", "Aisha Nguyen"]);
    expect(version.snapshot.event.timeZone).toBe("America/Chicago");
    expect(JSON.parse(JSON.stringify(version.snapshot))).toEqual(version.snapshot);

    expect(notified).toBe(3);
    const mails = await mailsTo(g.event.id);
    expect(mails.map((m) => m.to).sort()).toEqual([g.maria.email, g.ben.email, g.aisha.email].sort());
    const toMaria = mails.find((m) => m.to === g.maria.email)!;
    expect(toMaria.text).toContain("Desmos for Algebra I");
    expect(toMaria.text).toContain("Exit tickets");
    expect(toMaria.text).toContain("First cut");
    expect(toMaria.text).toContain(`/presenters/${await currentFeedLink(g.maria.id, g.event.id, "presenter")}.ics`);
    expect(mails.find((m) => m.to === g.ben.email)!.text).not.toContain("Desmos");
    const audit = await db.auditLog.findFirst({ where: { eventId: g.event.id, action: "schedule.published" } });
    expect(JSON.parse(audit!.detail)).toMatchObject({ number: 1, added: 3 });
  });

  it("v2 lists a move from→to and mails only that session's presenters; v3 lists a cancellation", async () => {
    const g = await gridEvent();
    await publish(g.coordinator.id, g.event.id);
    await db.outboxMessage.deleteMany({ where: { eventId: g.event.id } });

    await db.placement.update({ where: { id: g.pRubrics.id }, data: { roomId: g.library.id, timeBlockId: g.b2.id } });
    const v2 = (await publish(g.coordinator.id, g.event.id)).version;
    expect(v2.number).toBe(2);
    expect(v2.changelog).toEqual([
      {
        kind: "moved",
        placementId: g.pRubrics.id,
        title: "Schoology rubrics",
        presenterIds: [g.ben.id],
        from: { roomName: "Room 114", blockLabel: "Block 1", startTime: "08:50", endTime: "09:50" },
        to: { roomName: "Library", blockLabel: "Block 2", startTime: "10:30", endTime: "11:30" },
      },
    ]);
    const mails = await mailsTo(g.event.id);
    expect(mails.map((m) => m.to)).toEqual([g.ben.email]);
    expect(mails[0]!.text).toContain("from Block 1 (08:50–09:50), Room 114 to Block 2 (10:30–11:30), Library");

    await db.outboxMessage.deleteMany({ where: { eventId: g.event.id } });
    await db.placement.delete({ where: { id: g.pDesmos.id } });
    const v3 = (await publish(g.coordinator.id, g.event.id)).version;
    expect(v3.changelog.map((c) => [c.kind, c.title])).toEqual([["cancelled", "Desmos for Algebra I"]]);
    expect((await mailsTo(g.event.id)).map((m) => m.to).sort()).toEqual([g.maria.email, g.aisha.email].sort());
  });

  it("attendee readers see only published versions: a later draft edit stays invisible", async () => {
    const g = await gridEvent();
    expect(await latestPublished(g.event.id)).toBeNull();
    await publish(g.coordinator.id, g.event.id);
    await db.placement.update({ where: { id: g.pExits.id }, data: { roomId: g.library.id } });
    const latest = await latestPublished(g.event.id);
    expect(latest!.number).toBe(1);
    expect(latest!.snapshot.sessions.find((s) => s.title === "Exit tickets")!.roomName).toBe("Room 114");
    expect((await getVersion(g.event.id, 1))!.id).toBe(latest!.id);
    expect(await getVersion(g.event.id, 2)).toBeNull();
  });

  it("refuses when asked to block on warnings and there are some; publishes anyway when not asked", async () => {
    const g = await gridEvent();
    // Two sessions in Room 114 during Block 2.
    await db.placement.update({ where: { id: g.pRubrics.id }, data: { timeBlockId: g.b2.id } });
    const refused = publish(g.coordinator.id, g.event.id, { blockOnConflicts: true });
    await expect(refused).rejects.toBeInstanceOf(RuleError);
    await expect(publish(g.coordinator.id, g.event.id, { blockOnConflicts: true })).rejects.toThrow(
      /Not published: .*Room 114/,
    );
    expect(await db.scheduleVersion.count({ where: { eventId: g.event.id } })).toBe(0);
    const { version } = await publish(g.coordinator.id, g.event.id, { blockOnConflicts: false });
    expect(version.number).toBe(1);
  });

  it("only this event's coordinators may publish", async () => {
    const g = await gridEvent();
    await expect(publish(g.maria.id, g.event.id)).rejects.toBeInstanceOf(NotAllowedError);
    const other = await createEvent();
    await expect(publish(g.coordinator.id, other.id)).rejects.toBeInstanceOf(NotAllowedError);
    expect(await db.scheduleVersion.count()).toBe(0);
  });

  it("publishing moves an earlier stage forward to 'published', never a later one back", async () => {
    const g = await gridEvent();
    await db.event.update({ where: { id: g.event.id }, data: { status: "proposals_open" } });
    const first = await publish(g.coordinator.id, g.event.id);
    expect(first.stage).toEqual({ from: "proposals_open", to: "published" });
    expect((await db.event.findUniqueOrThrow({ where: { id: g.event.id } })).status).toBe("published");
    const audit = await db.auditLog.findFirstOrThrow({
      where: { eventId: g.event.id, action: "event.status_changed" },
    });
    expect(JSON.parse(audit.detail)).toEqual({ from: "proposals_open", to: "published" });

    // On the day itself a new version keeps the day live.
    await db.event.update({ where: { id: g.event.id }, data: { status: "live" } });
    const second = await publish(g.coordinator.id, g.event.id);
    expect(second.stage).toBeNull();
    expect((await db.event.findUniqueOrThrow({ where: { id: g.event.id } })).status).toBe("live");
  });
});
