// Attack: a coordinator who also sat in sessions that day (teacher-led PD: most of
// them do) gives themselves the hours with a "correction". PD credit is pay and
// licensure for the district; nobody corrects their own: another coordinator of
// the day, or the district coordinator, does.
import { describe, expect, test } from "vitest";
import { addMember, createPublishedDay, createUser } from "tests/factories";
import { db } from "~/utils/db.server";
import { RuleError } from "../errors";
import { correctCredit, getMyCredit } from "./credit";

describe("a credit correction for oneself", () => {
  test("is refused; another coordinator may make it", async () => {
    const day = await createPublishedDay();
    const correction = { userId: day.coordinator.id, placementId: day.a1.id, minutes: 50, reason: "I was there" };
    await expect(correctCredit(day.coordinator.id, day.event.id, correction)).rejects.toBeInstanceOf(RuleError);
    expect(await db.creditAdjustment.count({ where: { userId: day.coordinator.id } })).toBe(0);
    expect((await getMyCredit(day.coordinator.id, day.event.id)).total).toBe(0);

    const colleague = await createUser();
    await addMember(day.event.id, colleague.id, "coordinator");
    await correctCredit(colleague.id, day.event.id, { ...correction, reason: "Scanner was down in Room A" });
    expect((await getMyCredit(day.coordinator.id, day.event.id)).total).toBeGreaterThan(0);
  });
});
