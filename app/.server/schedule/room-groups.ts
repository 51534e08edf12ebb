// The grid editor shows a big PD day a few rooms at a time: 60 rooms side by side
// are a wall nobody can read on a laptop, and rendering all of them made every grid
// request pay for 300 cards. Rooms are grouped the way a coordinator walks the
// building (building, then floor); a group too big for one screen is cut into pages,
// and runs of small groups are joined so a school with a building per room does not
// get sixty tabs. Warnings are counted per group so one in a hidden room still shows.
import type { Conflict } from "./conflict-rules";

/** At most this many rooms side by side: about what fits a laptop screen, readable. */
export const ROOMS_PER_VIEW = 12;

type GroupableRoom = { id: string; name: string; building: string; floor: string };
export type RoomGroup = { key: string; label: string; roomIds: string[] };

function placeLabel(room: GroupableRoom) {
  const building = room.building.trim();
  const floor = room.floor.trim();
  if (building && floor) return `${building}, floor ${floor}`;
  if (building) return building;
  if (floor) return `Floor ${floor}`;
  return "Other rooms";
}

function slug(label: string) {
  return (
    label
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "rooms"
  );
}

/**
 * The room groups of a PD day, in the rooms' own order. A day with few rooms is one
 * group ("all"), so small days look exactly as before.
 */
export function roomGroups(rooms: readonly GroupableRoom[], perView = ROOMS_PER_VIEW): RoomGroup[] {
  if (rooms.length <= perView) return [{ key: "all", label: "All rooms", roomIds: rooms.map((r) => r.id) }];

  // Building and floor, in the order the rooms first name them.
  const places = new Map<string, string[]>();
  for (const room of rooms) {
    const label = placeLabel(room);
    places.set(label, [...(places.get(label) ?? []), room.id]);
  }

  // A place bigger than a screen becomes pages; small neighbours share a screen.
  const groups: Array<{ labels: string[]; roomIds: string[]; paged: boolean }> = [];
  for (const [label, roomIds] of places) {
    if (roomIds.length > perView) {
      const pages = Math.ceil(roomIds.length / perView);
      const size = Math.ceil(roomIds.length / pages);
      for (let page = 0; page < pages; page++) {
        groups.push({
          labels: [`${label} (${page + 1} of ${pages})`],
          roomIds: roomIds.slice(page * size, (page + 1) * size),
          paged: true,
        });
      }
      continue;
    }
    const last = groups.at(-1);
    if (last && !last.paged && last.roomIds.length + roomIds.length <= perView) {
      last.labels.push(label);
      last.roomIds.push(...roomIds);
    } else {
      groups.push({ labels: [label], roomIds: [...roomIds], paged: false });
    }
  }

  const used = new Set<string>();
  return groups.map(({ labels, roomIds }) => {
    const label =
      labels.length === 1
        ? labels[0]!
        : labels.length === 2
          ? labels.join(" and ")
          : `${labels[0]} to ${labels.at(-1)}`;
    let key = slug(label);
    for (let n = 2; used.has(key); n++) key = `${slug(label)}-${n}`;
    used.add(key);
    return { key, label, roomIds };
  });
}

/**
 * The groups a warning belongs to: the room it names, or the rooms of the sessions
 * it names (a presenter in two rooms is in both groups). None for a warning about
 * no room at all (a confirmed session still in the tray): it is shown with every group.
 */
export function groupsOfConflict(
  conflict: Pick<Conflict, "roomId" | "placementIds">,
  groupOfRoom: ReadonlyMap<string, string>,
  roomOfPlacement: ReadonlyMap<string, string>,
) {
  const keys = new Set<string>();
  if (conflict.roomId) keys.add(groupOfRoom.get(conflict.roomId) ?? "");
  for (const id of conflict.placementIds) keys.add(groupOfRoom.get(roomOfPlacement.get(id) ?? "") ?? "");
  keys.delete("");
  return keys;
}
