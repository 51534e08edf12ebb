// The optimistic version check under a real race: many coordinators' moves of one
// session, all made on a grid loaded at the same version, run at once.
import { expect, test } from "vitest";
import { db } from "~/utils/db.server";
import {
  addMember,
  createBlock,
  createEvent,
  createPlacement,
  createProposal,
  createRoom,
  createUser,
} from "../../../tests/factories";
import { RuleError } from "../errors";
import { move, STALE_MESSAGE } from "./placements";

test("50 simultaneous moves at the same version: exactly one applies, once, and is audited once", async () => {
  const event = await createEvent();
  const coordinators = await Promise.all(Array.from({ length: 5 }, () => createUser()));
  for (const c of coordinators) await addMember(event.id, c.id, "coordinator");
  const rooms = await Promise.all(Array.from({ length: 51 }, (_, i) => createRoom(event.id, { name: `Room ${i}` })));
  const block = await createBlock(event.id, { label: "Block 1", startTime: "09:00", endTime: "09:50" });
  const proposal = await createProposal(event.id, coordinators[0]!.id, { state: "accepted" });
  const placement = await createPlacement(event.id, proposal.id, rooms[0]!.id, block.id);

  const results = await Promise.allSettled(
    rooms.slice(1).map((room, i) =>
      move(coordinators[i % coordinators.length]!.id, placement.id, {
        roomId: room.id,
        timeBlockId: block.id,
        expectedVersion: 1,
      }),
    ),
  );
  const applied = results.filter((r) => r.status === "fulfilled");
  expect(applied).toHaveLength(1);
  for (const r of results.filter((r) => r.status === "rejected")) {
    expect(r.reason).toBeInstanceOf(RuleError);
    expect((r.reason as RuleError).message).toBe(STALE_MESSAGE);
  }
  const after = await db.placement.findUniqueOrThrow({ where: { id: placement.id } });
  expect(after.version).toBe(2);
  expect(after.roomId).toBe(applied[0]!.value.roomId);
  expect(await db.auditLog.count({ where: { entityId: placement.id, action: "placement.moved" } })).toBe(1);
});
