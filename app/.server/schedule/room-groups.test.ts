import { describe, expect, test } from "vitest";
import { groupsOfConflict, roomGroups } from "./room-groups";

const room = (id: string, building: string, floor: string) => ({ id, name: `Room ${id}`, building, floor });

describe("roomGroups", () => {
  test("a day with up to 12 rooms is one group, so a small grid looks as it always did", () => {
    const rooms = Array.from({ length: 12 }, (_, i) => room(`r${i}`, i < 6 ? "Main" : "East", "1"));
    expect(roomGroups(rooms)).toEqual([{ key: "all", label: "All rooms", roomIds: rooms.map((r) => r.id) }]);
  });

  test("60 rooms in two buildings on three floors: one group per building floor, in the rooms' order", () => {
    const rooms = Array.from({ length: 60 }, (_, i) =>
      room(`r${i}`, i < 30 ? "Main" : "East wing", String(1 + (i % 3))),
    );
    const groups = roomGroups(rooms);
    expect(groups.map((g) => [g.key, g.label, g.roomIds.length])).toEqual([
      ["main-floor-1", "Main, floor 1", 10],
      ["main-floor-2", "Main, floor 2", 10],
      ["main-floor-3", "Main, floor 3", 10],
      ["east-wing-floor-1", "East wing, floor 1", 10],
      ["east-wing-floor-2", "East wing, floor 2", 10],
      ["east-wing-floor-3", "East wing, floor 3", 10],
    ]);
    expect(new Set(groups.flatMap((g) => g.roomIds)).size).toBe(60);
  });

  test("a floor with more rooms than a screen holds is cut into even pages", () => {
    const rooms = Array.from({ length: 30 }, (_, i) => room(`r${i}`, "Main", "1"));
    expect(roomGroups(rooms).map((g) => [g.label, g.roomIds.length])).toEqual([
      ["Main, floor 1 (1 of 3)", 10],
      ["Main, floor 1 (2 of 3)", 10],
      ["Main, floor 1 (3 of 3)", 10],
    ]);
  });

  test("small neighbouring places share a screen instead of a tab each; rooms with no building are 'Other rooms'", () => {
    const rooms = [
      ...Array.from({ length: 10 }, (_, i) => room(`a${i}`, `Portable ${i + 1}`, "")),
      ...Array.from({ length: 5 }, (_, i) => room(`b${i}`, "", "")),
    ];
    expect(roomGroups(rooms).map((g) => [g.label, g.roomIds.length])).toEqual([
      ["Portable 1 to Portable 10", 10],
      ["Other rooms", 5],
    ]);
  });
});

describe("groupsOfConflict", () => {
  const groupOfRoom = new Map([
    ["r1", "main"],
    ["r2", "east"],
  ]);
  const roomOfPlacement = new Map([
    ["p1", "r1"],
    ["p2", "r2"],
  ]);
  test("a warning counts in the group of its room, a presenter in two rooms in both, a session not placed in none", () => {
    expect([...groupsOfConflict({ roomId: "r2", placementIds: ["p2"] }, groupOfRoom, roomOfPlacement)]).toEqual([
      "east",
    ]);
    expect([...groupsOfConflict({ placementIds: ["p1", "p2"] }, groupOfRoom, roomOfPlacement)]).toEqual([
      "main",
      "east",
    ]);
    expect([...groupsOfConflict({ placementIds: [] }, groupOfRoom, roomOfPlacement)]).toEqual([]);
  });
});
