import { describe, expect, test } from "vitest";
import { DrawingSchema } from "~/schemas/donations";
import { db } from "~/utils/db.server";
import {
  addMember,
  createDonation,
  createDrawingCandidate,
  createEvent,
  createUser,
  createVendor,
} from "../../../tests/factories";
import { NotAllowedError, RuleError } from "../errors";
import { createDrawing, prizesToChoose, runDrawing, verifyDrawing } from "./drawings";
import { markClaimed, markNoShow } from "./winners";
import { eligiblePool, gradeBandsOfSchool, DEFAULT_RULES } from "./eligibility";
import { canonicalPool, replayPicks, seedCommitment } from "./picker";

async function dayWithPrizes(quantity = 1) {
  const event = await createEvent({ status: "live" });
  const coordinator = await createUser();
  await addMember(event.id, coordinator.id, "coordinator");
  const vendor = await createVendor(event.id);
  const prize = await createDonation(event.id, vendor.id, { itemName: "Chromebook", quantity });
  return { event, coordinator, vendor, prize };
}

const rules = (overrides: Record<string, string | string[]> = {}) =>
  DrawingSchema.parse({ name: "End-of-day drawing", ...overrides });

describe("eligiblePool", () => {
  test("only people checked in at the door, and each rule narrows the pool", async () => {
    const { event } = await dayWithPrizes();
    const notCheckedIn = await createDrawingCandidate(event.id, { checkedIn: false, sessions: 3, feedback: true });
    const arrived = await createDrawingCandidate(event.id, { school: "Jefferson High" });
    const twoSessions = await createDrawingCandidate(event.id, { sessions: 2, school: "Lincoln Elementary" });
    const gaveFeedback = await createDrawingCandidate(event.id, {
      sessions: 1,
      feedback: true,
      school: "Roosevelt Middle",
    });

    const all = await eligiblePool(event.id, DEFAULT_RULES);
    expect(all).toEqual(canonicalPool([arrived.id, twoSessions.id, gaveFeedback.id]));
    expect(all).not.toContain(notCheckedIn.id);

    expect(await eligiblePool(event.id, { ...DEFAULT_RULES, minSessions: 2 })).toEqual([twoSessions.id]);
    expect(await eligiblePool(event.id, { ...DEFAULT_RULES, requireFeedback: true })).toEqual([gaveFeedback.id]);
    expect(await eligiblePool(event.id, { ...DEFAULT_RULES, school: "Jefferson High" })).toEqual([arrived.id]);
    expect(await eligiblePool(event.id, { ...DEFAULT_RULES, gradeBand: "K-2" })).toEqual([twoSessions.id]);
    expect(await eligiblePool(event.id, { ...DEFAULT_RULES, gradeBand: "6-8" })).toEqual([gaveFeedback.id]);
  });

  test("coordinators, vendors and kiosk devices never qualify; presenters only when not excluded", async () => {
    const { event, coordinator, vendor } = await dayWithPrizes();
    const presenter = await createDrawingCandidate(event.id);
    await addMember(event.id, presenter.id, "presenter");
    const vendorContact = await createDrawingCandidate(event.id);
    await db.vendorContact.create({ data: { vendorId: vendor.id, userId: vendorContact.id } });
    await db.doorCheckIn.create({ data: { eventId: event.id, userId: coordinator.id } });
    const teacher = await createDrawingCandidate(event.id);
    // A shared kiosk device that somehow checked itself in (review finding): not a person.
    const device = await createDrawingCandidate(event.id);
    await db.kioskLink.create({
      data: {
        eventId: event.id,
        label: "Front door iPad",
        codeHash: `hash-${device.id}`,
        deviceId: device.id,
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });

    expect(await eligiblePool(event.id, DEFAULT_RULES)).toEqual(canonicalPool([presenter.id, teacher.id]));
    expect(await eligiblePool(event.id, { ...DEFAULT_RULES, excludePresenters: true })).toEqual([teacher.id]);
  });

  test("grade bands are read from the school's name", () => {
    expect(gradeBandsOfSchool("Lincoln Elementary")).toEqual(["K-2", "3-5"]);
    expect(gradeBandsOfSchool("Roosevelt Middle")).toEqual(["6-8"]);
    expect(gradeBandsOfSchool("Jefferson High")).toEqual(["9-12"]);
    expect(gradeBandsOfSchool("Hillside K-8")).toEqual(["K-2", "3-5", "6-8"]);
    expect(gradeBandsOfSchool(null)).toEqual([]);
  });
});

describe("runDrawing", () => {
  test("commits to the seed first, then records pool, method and winners; the recorded seed reproduces the draw", async () => {
    const { event, coordinator, prize } = await dayWithPrizes(3);
    for (let i = 0; i < 8; i++) await createDrawingCandidate(event.id, { feedback: i % 2 === 0 });
    const drawing = await createDrawing(coordinator.id, event.id, rules({ prizeIds: prize.id, requireFeedback: "on" }));
    expect(drawing.seedHash).toBe(seedCommitment(drawing.seed!));

    const winners = await runDrawing(coordinator.id, drawing.id);
    expect(winners).toHaveLength(3);
    expect(new Set(winners.map((w) => w.userId)).size).toBe(3);

    const drawn = await db.drawing.findUniqueOrThrow({ where: { id: drawing.id } });
    expect(drawn).toMatchObject({ status: "drawn", poolSize: 4 });
    expect(drawn.method).toContain("HMAC-SHA256");
    const pool = JSON.parse(drawn.pool) as string[];
    expect(pool).toEqual(canonicalPool(pool));
    expect(winners.every((w) => pool.includes(w.userId))).toBe(true);
    // Same seed + same pool → same winners, independently of the service.
    expect(replayPicks(drawn.seed!, pool, { initialCount: 3, redraws: 0, allowMultiple: false })).toEqual(
      winners.map((w) => w.userId),
    );
    expect(await verifyDrawing(drawing.id)).toEqual({ ok: true, problems: [] });

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "drawing.drawn", entityId: drawing.id } });
    expect(JSON.parse(audit.detail)).toMatchObject({ poolSize: 4, seed: drawn.seed, seedHash: drawn.seedHash });
    expect(await db.outboxMessage.count({ where: { subject: "You won Chromebook!" } })).toBe(3);
  });

  test("a tampered seed or winner list fails verification", async () => {
    const { event, coordinator, prize } = await dayWithPrizes(2);
    for (let i = 0; i < 6; i++) await createDrawingCandidate(event.id);
    const drawing = await createDrawing(coordinator.id, event.id, rules({ prizeIds: prize.id }));
    await runDrawing(coordinator.id, drawing.id);

    const original = (await db.drawing.findUniqueOrThrow({ where: { id: drawing.id } })).seed!;
    await db.drawing.update({
      where: { id: drawing.id },
      data: { seed: original.replace(/^./, (c) => (c === "0" ? "1" : "0")) },
    });
    const tampered = await verifyDrawing(drawing.id);
    expect(tampered.ok).toBe(false);
    expect(tampered.problems).toContain("The seed does not match its commitment.");

    await db.drawing.update({ where: { id: drawing.id }, data: { seed: original } });
    const first = await db.drawingWinner.findFirstOrThrow({ where: { drawingId: drawing.id, position: 1 } });
    const outsider = await createDrawingCandidate(event.id);
    await db.drawingWinner.update({ where: { id: first.id }, data: { userId: outsider.id } });
    expect((await verifyDrawing(drawing.id)).problems).toContain("Re-running the draw gives different winners.");
  });

  test("one prize per person: more prizes than people leaves the rest undrawn, nobody twice", async () => {
    const { event, coordinator, prize } = await dayWithPrizes(5);
    for (let i = 0; i < 3; i++) await createDrawingCandidate(event.id);
    const drawing = await createDrawing(coordinator.id, event.id, rules({ prizeIds: prize.id }));
    const winners = await runDrawing(coordinator.id, drawing.id);
    expect(winners).toHaveLength(3);
    expect(new Set(winners.map((w) => w.userId)).size).toBe(3);
  });

  test("when more prizes per person are allowed, units may go to the same person", async () => {
    const { event, coordinator, prize } = await dayWithPrizes(6);
    await createDrawingCandidate(event.id);
    await createDrawingCandidate(event.id);
    const drawing = await createDrawing(
      coordinator.id,
      event.id,
      rules({ prizeIds: prize.id, allowMultiplePrizes: "on" }),
    );
    const winners = await runDrawing(coordinator.id, drawing.id);
    expect(winners).toHaveLength(6);
    expect(await verifyDrawing(drawing.id)).toMatchObject({ ok: true });
  });

  test("only delivered prizes are drawn, and a prize already won is not drawn again", async () => {
    const { event, coordinator, vendor, prize } = await dayWithPrizes(1);
    await createDonation(event.id, vendor.id, { itemName: "Pledged tablet", status: "pledged" });
    await createDonation(event.id, vendor.id, { itemName: "Muffins", kind: "food" });
    for (let i = 0; i < 4; i++) await createDrawingCandidate(event.id);
    const first = await createDrawing(coordinator.id, event.id, rules({ prizeIds: prize.id }));
    const winners = await runDrawing(coordinator.id, first.id);
    expect(winners.map((w) => w.itemName)).toEqual(["Chromebook"]);
    await expect(
      createDrawing(coordinator.id, event.id, rules({ prizeIds: prize.id, name: "Second round" })),
    ).rejects.toThrow(/no longer available/);
  });

  test("50 concurrent draw requests produce exactly one winner", async () => {
    const { event, coordinator, prize } = await dayWithPrizes(1);
    for (let i = 0; i < 10; i++) await createDrawingCandidate(event.id);
    const drawing = await createDrawing(coordinator.id, event.id, rules({ prizeIds: prize.id }));
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => runDrawing(coordinator.id, drawing.id)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) {
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(RuleError);
    }
    expect(await db.drawingWinner.count({ where: { drawingId: drawing.id } })).toBe(1);
  });

  test("only the event's coordinators can draw", async () => {
    const { event, coordinator, prize } = await dayWithPrizes();
    const attendee = await createDrawingCandidate(event.id);
    const drawing = await createDrawing(coordinator.id, event.id, rules({ prizeIds: prize.id }));
    await expect(runDrawing(attendee.id, drawing.id)).rejects.toBeInstanceOf(NotAllowedError);
  });
});

describe("chosen prizes", () => {
  test("draws only the chosen prize; the others stay for a later drawing and are never included unasked", async () => {
    const { event, coordinator, vendor, prize } = await dayWithPrizes(2);
    const tablet = await createDonation(event.id, vendor.id, { itemName: "Tablet", quantity: 1 });
    const mug = await createDonation(event.id, vendor.id, { itemName: "Mug", quantity: 3 });
    for (let i = 0; i < 10; i++) await createDrawingCandidate(event.id);
    expect(await prizesToChoose(coordinator.id, event.id)).toEqual([
      { id: prize.id, itemName: "Chromebook", left: 2 },
      { id: tablet.id, itemName: "Tablet", left: 1 },
      { id: mug.id, itemName: "Mug", left: 3 },
    ]);
    const tabletOnly = await createDrawing(coordinator.id, event.id, rules({ prizeIds: tablet.id }));
    expect((await runDrawing(coordinator.id, tabletOnly.id)).map((w) => w.itemName)).toEqual(["Tablet"]);
    // The next drawing offers what is left, and draws the chosen set only.
    expect((await prizesToChoose(coordinator.id, event.id)).map((p) => p.itemName)).toEqual(["Chromebook", "Mug"]);
    const chromebooks = await createDrawing(
      coordinator.id,
      event.id,
      rules({ prizeIds: [prize.id], name: "Chromebooks" }),
    );
    expect((await runDrawing(coordinator.id, chromebooks.id)).map((w) => w.itemName)).toEqual([
      "Chromebook",
      "Chromebook",
    ]);
    expect(await db.drawingWinner.count({ where: { donationId: mug.id } })).toBe(0);
    expect(await verifyDrawing(chromebooks.id)).toMatchObject({ ok: true });
  });

  test("a drawing needs at least one chosen prize, and a prize of another PD day is refused", async () => {
    const { event, coordinator } = await dayWithPrizes(1);
    expect(DrawingSchema.safeParse({ name: "No prizes" }).error?.issues[0]?.message).toBe(
      "Choose at least one prize to draw",
    );
    const other = await dayWithPrizes(1);
    await expect(createDrawing(coordinator.id, event.id, rules({ prizeIds: other.prize.id }))).rejects.toThrow(
      /no longer available/,
    );
  });

  test("two drawings of the same prize at the same moment: one unit never gets two winners", async () => {
    const { event, coordinator, prize } = await dayWithPrizes(1);
    for (let i = 0; i < 10; i++) await createDrawingCandidate(event.id);
    const a = await createDrawing(coordinator.id, event.id, rules({ prizeIds: prize.id, name: "A" }));
    const b = await createDrawing(coordinator.id, event.id, rules({ prizeIds: prize.id, name: "B" }));
    const results = await Promise.allSettled([runDrawing(coordinator.id, a.id), runDrawing(coordinator.id, b.id)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.drawingWinner.count({ where: { donationId: prize.id } })).toBe(1);
  });
});

describe("no-shows and claims", () => {
  test("a no-show is redrawn from the remaining pool, and the redraw still verifies", async () => {
    const { event, coordinator, prize } = await dayWithPrizes(2);
    for (let i = 0; i < 5; i++) await createDrawingCandidate(event.id);
    const drawing = await createDrawing(coordinator.id, event.id, rules({ prizeIds: prize.id }));
    await runDrawing(coordinator.id, drawing.id);
    const [first, second] = await db.drawingWinner.findMany({
      where: { drawingId: drawing.id },
      orderBy: { position: "asc" },
    });

    const replacement = await markNoShow(coordinator.id, first!.id);
    expect(replacement).not.toBeNull();
    expect([first!.userId, second!.userId]).not.toContain(replacement!.userId);
    expect(replacement).toMatchObject({ donationId: first!.donationId, unitIndex: first!.unitIndex, position: 3 });
    expect(await db.drawingWinner.findUniqueOrThrow({ where: { id: first!.id } })).toMatchObject({ status: "no_show" });
    expect(await verifyDrawing(drawing.id)).toEqual({ ok: true, problems: [] });

    await markClaimed(coordinator.id, second!.id);
    await expect(markNoShow(coordinator.id, second!.id)).rejects.toBeInstanceOf(RuleError);
    expect(await db.drawingWinner.findUniqueOrThrow({ where: { id: second!.id } })).toMatchObject({
      status: "claimed",
    });
  });

  test("when nobody is left the no-show is recorded without a replacement", async () => {
    const { event, coordinator, prize } = await dayWithPrizes(1);
    await createDrawingCandidate(event.id);
    const drawing = await createDrawing(coordinator.id, event.id, rules({ prizeIds: prize.id }));
    await runDrawing(coordinator.id, drawing.id);
    const only = await db.drawingWinner.findFirstOrThrow({ where: { drawingId: drawing.id } });
    expect(await markNoShow(coordinator.id, only.id)).toBeNull();
    expect(await verifyDrawing(drawing.id)).toMatchObject({ ok: true });
  });
});

describe("replayPicks", () => {
  test("is unbiased enough that every pool member can win", () => {
    const pool = ["a", "b", "c"];
    const seen = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const seed = i.toString(16).padStart(64, "0");
      seen.add(replayPicks(seed, pool, { initialCount: 1, redraws: 0, allowMultiple: false })[0]!);
    }
    expect(seen).toEqual(new Set(pool));
  });
});
