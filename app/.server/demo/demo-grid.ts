// The demo PD day's published grid: every accepted or confirmed proposal placed in
// a room and session block, a couple of repeats, published as version 1, so /e/demo
// and its exports show a whole day right after setup.
import { db } from "~/utils/db.server";
import { blockSequence, occupiedBlocks } from "../schedule/conflicts";
import { freezeVersion } from "../schedule/publish";
import { buildSnapshot } from "../schedule/snapshot";

// How many sessions run a second time (the most popular ones, in a real district).
const REPEATS = 2;

/**
 * Place and publish. Greedy and deterministic: each proposal takes the first room
 * and block where the room is free and its presenter is not already teaching, so
 * the grid has no double bookings.
 *
 * No mail is sent: the demo's v1 is seed history, not a coordinator's action, and
 * a dozen "your sessions" messages would bury the demo outbox's real examples.
 */
export async function seedDemoGrid(eventId: string) {
  const [rooms, blocks, proposals, coordinator] = await Promise.all([
    db.room.findMany({ where: { eventId }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }] }),
    db.timeBlock.findMany({ where: { eventId }, orderBy: { startTime: "asc" } }),
    db.proposal.findMany({
      where: { eventId, state: { in: ["accepted", "confirmed"] } },
      orderBy: [{ lengthBlocks: "desc" }, { createdAt: "asc" }, { title: "asc" }],
    }),
    db.membership.findFirst({ where: { eventId, role: "coordinator" }, orderBy: { createdAt: "asc" } }),
  ]);
  const { nextSessionBlock } = blockSequence(blocks);
  const sessionBlocks = blocks.filter((b) => b.kind === "sessions");
  const roomBusy = new Set<string>();
  const personBusy = new Set<string>();
  const placements: Array<{ proposalId: string; roomId: string; timeBlockId: string }> = [];

  function tryPlace(proposal: (typeof proposals)[number], avoidBlocks: Set<string>) {
    for (const block of sessionBlocks) {
      if (avoidBlocks.has(block.id)) continue;
      const span = occupiedBlocks(block.id, proposal.lengthBlocks, nextSessionBlock);
      if (span.length < proposal.lengthBlocks) continue;
      if (span.some((b) => personBusy.has(`${proposal.presenterId}|${b}`))) continue;
      const room = rooms.find((r) => span.every((b) => !roomBusy.has(`${r.id}|${b}`)));
      if (!room) continue;
      for (const b of span) {
        roomBusy.add(`${room.id}|${b}`);
        personBusy.add(`${proposal.presenterId}|${b}`);
      }
      placements.push({ proposalId: proposal.id, roomId: room.id, timeBlockId: block.id });
      return block.id;
    }
    return null;
  }

  const placedIn = new Map<string, string>();
  for (const proposal of proposals) {
    const blockId = tryPlace(proposal, new Set());
    if (blockId) placedIn.set(proposal.id, blockId);
  }
  const repeatable = proposals.filter((p) => p.lengthBlocks === 1 && placedIn.has(p.id)).slice(0, REPEATS);
  for (const proposal of repeatable) tryPlace(proposal, new Set([placedIn.get(proposal.id)!]));

  await db.placement.createMany({ data: placements.map((p) => ({ ...p, eventId })) });
  const { version } = await freezeVersion(eventId, coordinator?.userId ?? null, await buildSnapshot(eventId), {
    note: "First published schedule",
    notify: false,
  });
  return version;
}
