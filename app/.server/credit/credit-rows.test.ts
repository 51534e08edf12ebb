import { describe, expect, test } from "vitest";
import { createAttendee, createPublishedDayWithCoPresenter } from "tests/factories";
import { db } from "~/utils/db.server";
import { leaveFeedback } from "../attendees/feedback";
import { checkIntoRoom } from "../checkin/rooms";
import { correctCredit, getEventCredit, getMyCredit, loadCredit } from "./credit";

// 2027-03-12 in Chicago is CST (UTC-6): Block 1 runs 15:00–15:50Z, Block 2 16:00–16:50Z.
const at = (hhmm: string) => new Date(`2027-03-12T${hhmm}:00Z`);

// A person's own credit page reads only their rows (and the proposals their lines
// can be about); the coordinator's page reads the whole day. Both must say the same.
describe("a person's own credit, read from their rows only", () => {
  test("is their lines on the coordinator's page: attended, pending feedback, corrected, presented", async () => {
    const day = await createPublishedDayWithCoPresenter();
    await db.event.update({
      where: { id: day.event.id },
      data: { feedbackForCredit: true, creditCategories: "Math\nLiteracy" },
    });
    await db.proposal.update({ where: { id: day.b1.proposalId }, data: { creditCategories: "Math\nGone" } });
    const ann = await createAttendee(day.event.id);
    const ben = await createAttendee(day.event.id);
    await checkIntoRoom(ann.user.id, day.event.id, day.roomA.id, at("15:02"));
    await checkIntoRoom(ann.user.id, day.event.id, day.roomB.id, at("15:20"));
    await checkIntoRoom(ann.user.id, day.event.id, day.roomA.id, at("16:00"));
    await checkIntoRoom(ben.user.id, day.event.id, day.roomB.id, at("15:00"));
    await leaveFeedback(ann.user.id, day.event.slug, day.b1.id, { rating: 5 }, at("17:00"));
    for (const [minutes, reason] of [
      [30, "Signed the paper sheet"],
      [40, "Stayed after"],
    ] as const)
      await correctCredit(day.coordinator.id, day.event.id, {
        userId: ann.user.id,
        placementId: day.a2.id,
        minutes,
        reason,
      });

    const everyone = (await getEventCredit(day.coordinator.id, day.event.id)).rows;
    for (const person of [ann.user.id, ben.user.id, day.presenter.id, day.co.id]) {
      const { lines: own } = await loadCredit(day.event.id, person);
      const onCoordinatorsPage = everyone.filter((r) => r.userId === person).map(({ person: _, ...line }) => line);
      expect(own).toEqual(onCoordinatorsPage);
    }
    const annLines = (await getMyCredit(ann.user.id, day.event.id)).lines;
    expect(annLines.map((l) => [l.title, l.kind, l.pending, l.categories])).toEqual([
      ["Desmos for Algebra I", "attended", false, []],
      ["Schoology rubrics", "attended", false, ["Math"]],
      ["Reading conferences", "adjusted", false, []],
    ]);
    expect(annLines[0]).toMatchObject({ minutes: 18, counts: false });
    expect(annLines[2]!.history.map((h) => h.minutes)).toEqual([30, 40]);
    expect((await getMyCredit(ben.user.id, day.event.id)).lines).toEqual([
      expect.objectContaining({ title: "Schoology rubrics", pending: true, hours: 0 }),
    ]);
    expect((await loadCredit(day.event.id, day.co.id)).lines.map((l) => [l.title, l.kind])).toEqual([
      ["Desmos for Algebra I", "presented"],
    ]);
  });
});
