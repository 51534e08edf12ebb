import { describe, expect, test } from "vitest";
import { db } from "~/utils/db.server";
import {
  createBlock,
  createEvent,
  createPlacement,
  createProposal,
  createRoom,
  createUser,
} from "../../../tests/factories";
import { conflictsForEvent, findConflicts, type ConflictInput } from "./conflicts";

type ProposalRow = ConflictInput["proposals"][number];

function proposal(id: string, overrides: Partial<ProposalRow> = {}): ProposalRow {
  return {
    id,
    title: `Session ${id}`,
    state: "accepted",
    presenterId: `presenter-${id}`,
    presenterName: `Teacher ${id}`,
    coPresenters: [],
    unavailableBlockIds: "",
    techNeeds: "",
    maxParticipants: null,
    lengthBlocks: 1,
    ...overrides,
  };
}

// Library and Room 114; Block 1, Block 2, Lunch, Block 3 (out of order on purpose).
function day(overrides: Partial<ConflictInput>): ConflictInput {
  return {
    rooms: [
      { id: "lib", name: "Library", capacity: 60, features: "projector,wifi_heavy" },
      { id: "r114", name: "Room 114", capacity: 24, features: "" },
    ],
    blocks: [
      { id: "b3", label: "Block 3", startTime: "13:00", kind: "sessions" },
      { id: "b1", label: "Block 1", startTime: "09:00", kind: "sessions" },
      { id: "lunch", label: "Lunch", startTime: "12:00", kind: "lunch" },
      { id: "b2", label: "Block 2", startTime: "10:00", kind: "sessions" },
    ],
    placements: [],
    proposals: [],
    ...overrides,
  };
}

const kinds = (input: ConflictInput) => findConflicts(input).map((c) => c.kind);

describe("findConflicts", () => {
  test("a presenter in two rooms in one block is named with both rooms and the block, and it clears when one moves", () => {
    const input = day({
      proposals: [
        proposal("a", { presenterId: "maria", presenterName: "Maria Delgado" }),
        proposal("b", { presenterId: "maria", presenterName: "Maria Delgado" }),
      ],
      placements: [
        { id: "pa", proposalId: "a", roomId: "lib", timeBlockId: "b2" },
        { id: "pb", proposalId: "b", roomId: "r114", timeBlockId: "b2" },
      ],
    });
    expect(findConflicts(input)).toEqual([
      expect.objectContaining({
        kind: "presenter_double_booked",
        message: "Maria Delgado is in Library and Room 114 during Block 2.",
        placementIds: ["pa", "pb"],
        timeBlockId: "b2",
      }),
    ]);
    expect(
      kinds({ ...input, placements: [input.placements[0]!, { ...input.placements[1]!, timeBlockId: "b3" }] }),
    ).toEqual([]);
  });

  test("a confirmed co-presenter counts as a presenter; an unconfirmed one does not", () => {
    const co = { userId: "james", name: "James Okafor", confirmedAt: new Date() };
    const input = day({
      proposals: [
        proposal("a", { coPresenters: [co] }),
        proposal("b", { presenterId: "james", presenterName: "James Okafor" }),
      ],
      placements: [
        { id: "pa", proposalId: "a", roomId: "lib", timeBlockId: "b1" },
        { id: "pb", proposalId: "b", roomId: "r114", timeBlockId: "b1" },
      ],
    });
    expect(findConflicts(input)[0]?.message).toBe("James Okafor is in Library and Room 114 during Block 1.");
    const unconfirmed = {
      ...input,
      proposals: [proposal("a", { coPresenters: [{ ...co, confirmedAt: null }] }), input.proposals[1]!],
    };
    expect(kinds(unconfirmed)).toEqual([]);
  });

  test("a two-block session occupies the next session block (skipping lunch) for presenter and room rules", () => {
    const input = day({
      proposals: [
        proposal("long", {
          lengthBlocks: 2,
          presenterId: "maria",
          presenterName: "Maria Delgado",
          title: "Robotics lab",
        }),
        proposal("other", { presenterId: "maria", presenterName: "Maria Delgado", title: "Coding club" }),
        proposal("third", { title: "Book talk" }),
      ],
      placements: [
        { id: "p1", proposalId: "long", roomId: "lib", timeBlockId: "b2" },
        // Block 3 is the next session block after Block 2: lunch sits between them.
        { id: "p2", proposalId: "other", roomId: "r114", timeBlockId: "b3" },
        { id: "p3", proposalId: "third", roomId: "lib", timeBlockId: "b3" },
      ],
    });
    const messages = findConflicts(input).map((c) => c.message);
    expect(messages).toEqual([
      "Maria Delgado is in Library and Room 114 during Block 3.",
      "Library has 2 sessions during Block 3: “Robotics lab” and “Book talk”.",
    ]);
  });

  test("a presenter placed in a block they marked unavailable", () => {
    const input = day({
      proposals: [
        proposal("a", {
          presenterName: "Aisha Nguyen",
          title: "Math talks",
          unavailableBlockIds: "b1,b3",
          lengthBlocks: 2,
        }),
      ],
      placements: [{ id: "pa", proposalId: "a", roomId: "lib", timeBlockId: "b2" }],
    });
    // Starts in Block 2 (fine) but its second half runs into Block 3.
    expect(findConflicts(input)).toEqual([
      expect.objectContaining({
        kind: "presenter_unavailable",
        message: "Aisha Nguyen marked Block 3 as a time they cannot present, but “Math talks” is placed then.",
      }),
    ]);
    // The presenter's timetable changed: only Block 1 is out now.
    expect(kinds({ ...input, proposals: [{ ...input.proposals[0]!, unavailableBlockIds: "b1" }] })).toEqual([]);
  });

  test("two sessions in one room and block", () => {
    const input = day({
      proposals: [proposal("a", { title: "Station rotation" }), proposal("b", { title: "Podcasting" })],
      placements: [
        { id: "pa", proposalId: "a", roomId: "r114", timeBlockId: "b1" },
        { id: "pb", proposalId: "b", roomId: "r114", timeBlockId: "b1" },
      ],
    });
    expect(findConflicts(input)).toEqual([
      expect.objectContaining({
        kind: "room_double_booked",
        message: "Room 114 has 2 sessions during Block 1: “Station rotation” and “Podcasting”.",
        placementIds: ["pa", "pb"],
      }),
    ]);
  });

  test("a room that lacks a needed feature names the feature", () => {
    const input = day({
      proposals: [proposal("a", { title: "Chromebook basics", techNeeds: "projector,student_devices" })],
      placements: [{ id: "pa", proposalId: "a", roomId: "lib", timeBlockId: "b1" }],
    });
    expect(findConflicts(input).map((c) => c.message)).toEqual([
      "“Chromebook basics” needs student devices, but Library does not have it.",
    ]);
    expect(kinds({ ...input, rooms: [{ ...input.rooms[0]!, features: "projector,student_devices" }] })).toEqual([]);
  });

  test("a room smaller than the session's max participants, or than its attendee picks", () => {
    const input = day({
      proposals: [proposal("a", { title: "Makerspace", maxParticipants: 30 })],
      placements: [{ id: "pa", proposalId: "a", roomId: "r114", timeBlockId: "b1" }],
    });
    expect(findConflicts(input)[0]?.message).toBe("“Makerspace” takes up to 30 people, but Room 114 seats 24.");
    const picked = { ...input, interest: new Map([["pa", 42]]) };
    expect(findConflicts(picked)[0]?.message).toBe("“Makerspace” has 42 picks, but Room 114 seats 24.");
    expect(kinds({ ...input, placements: [{ ...input.placements[0]!, roomId: "lib" }] })).toEqual([]);
  });

  test("a session placed in a lunch or keynote block", () => {
    const input = day({
      proposals: [proposal("a", { title: "Read-aloud" })],
      placements: [{ id: "pa", proposalId: "a", roomId: "lib", timeBlockId: "lunch" }],
    });
    expect(findConflicts(input)[0]).toMatchObject({
      kind: "placed_in_break",
      message: "“Read-aloud” is placed in Lunch, which is a lunch block, not a session block.",
    });
  });

  test("a confirmed proposal that is not on the grid; accepted ones are not flagged", () => {
    const input = day({ proposals: [proposal("a", { title: "Flipped PE", state: "confirmed" }), proposal("b")] });
    expect(findConflicts(input)).toEqual([
      expect.objectContaining({
        kind: "unplaced_confirmed",
        message: "“Flipped PE” is confirmed but not on the grid yet.",
      }),
    ]);
    expect(kinds({ ...input, placements: [{ id: "pa", proposalId: "a", roomId: "lib", timeBlockId: "b1" }] })).toEqual(
      [],
    );
  });
});

describe("conflictsForEvent", () => {
  test("reads the event's grid, including confirmed co-presenters by their account name", async () => {
    const event = await createEvent();
    const lead = await createUser({ name: "Maria Delgado" });
    const colleague = await createUser({ name: "Ben Schmidt" });
    const room1 = await createRoom(event.id, { name: "Library" });
    const room2 = await createRoom(event.id, { name: "Room 203" });
    const block = await createBlock(event.id, { label: "Block 2", startTime: "10:00", endTime: "10:50" });
    const shared = await createProposal(event.id, lead.id, { state: "confirmed" });
    await db.proposalCoPresenter.create({
      data: {
        proposalId: shared.id,
        email: "ben@x.test",
        userId: colleague.id,
        tokenHash: "t1",
        confirmedAt: new Date(),
      },
    });
    const own = await createProposal(event.id, colleague.id, { state: "accepted" });
    await createPlacement(event.id, shared.id, room1.id, block.id);
    await createPlacement(event.id, own.id, room2.id, block.id);

    const conflicts = await conflictsForEvent(event.id);
    expect(conflicts.map((c) => c.message)).toEqual(["Ben Schmidt is in Library and Room 203 during Block 2."]);
  });
});
