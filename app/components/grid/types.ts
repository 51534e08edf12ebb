// The grid as the browser sees it (the loader's JSON). Declared here because
// components may not import from .server, not even types.
export { CONFLICT_LABELS } from "~/schemas/schedule";
type GridRoom = { id: string; name: string; capacity: number; features: string; building: string; floor: string };
export type GridBlock = { id: string; label: string; startTime: string; endTime: string; kind: string };
export type GridPlacement = {
  id: string;
  proposalId: string;
  roomId: string;
  timeBlockId: string;
  version: number;
  blockIds: string[];
  /** Shown optimistically while the drop is being saved. */
  pending?: boolean;
};
export type GridSession = {
  id: string;
  title: string;
  state: string;
  presenterName: string;
  coPresenterNames: string[];
  audience: string;
  format: string;
  lengthBlocks: number;
  techNeeds: string;
  maxParticipants: number | null;
  placed: number;
};
export type GridConflict = {
  kind: string;
  message: string;
  placementIds: string[];
  proposalId?: string;
  roomId?: string;
  timeBlockId?: string;
};

/** The blocks a placement covers: a two-block session also takes the next session block. */
export function coveredBlocks(blocks: readonly GridBlock[], startId: string, lengthBlocks: number) {
  const index = blocks.findIndex((b) => b.id === startId);
  const ids = [startId];
  for (let i = index + 1; i < blocks.length && ids.length < lengthBlocks; i++) {
    if (blocks[i]!.kind === "sessions") ids.push(blocks[i]!.id);
  }
  return ids;
}

export type GridData = {
  event: { slug: string; name: string };
  filters: { audience: string; format: string; q: string; show: string; rooms: string };
  /** Placement id whose "Move to…" panel is open (?move=), or proposal id to place (?place=). */
  moving: string | null;
  placing: string | null;
  /** The day's rooms in groups shown one at a time (one group "all" on a small day), with each group's warning count. */
  roomGroups: Array<{ key: string; label: string; rooms: number; warnings: number }>;
  roomGroup: string;
  /** The rooms on screen (the current group). */
  rooms: GridRoom[];
  /** Every room of the day, for the move and place forms. */
  roomChoices: Array<{ id: string; name: string; capacity: number }>;
  blocks: GridBlock[];
  /** Placements in the rooms on screen, plus the one whose move form is open. */
  placements: GridPlacement[];
  sessions: GridSession[];
  tray: GridSession[];
  /** Set only while a move form is open: every other placement, to swap with. */
  swapChoices: Array<{ value: string; label: string }>;
  /** Warnings in the rooms on screen, and those about no room (a confirmed session not placed). */
  conflicts: GridConflict[];
  warningsForDay: number;
  canUndo: boolean;
};

export const AUDIENCES = ["K-2", "3-5", "6-8", "9-12", "all"] as const;
export const FORMATS: Record<string, string> = {
  hands_on: "Hands-on",
  demo: "Demo",
  discussion: "Discussion",
  playground: "Playground",
};
