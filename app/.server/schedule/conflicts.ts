// Conflict warnings for the working grid. STUB: the grid-editor work replaces the
// body; the signature and the Conflict type are the contract the publish page uses.

export type ConflictKind =
  | "presenter_double_booked"
  | "presenter_unavailable"
  | "room_double_booked"
  | "room_missing_feature"
  | "room_too_small"
  | "placed_in_break"
  | "unplaced_confirmed";

export type Conflict = {
  kind: ConflictKind;
  /** Plain language, e.g. "Maria Delgado is in Library and Room 114 during Block 2". */
  message: string;
  placementIds: string[];
  proposalId?: string;
  roomId?: string;
  timeBlockId?: string;
};

/** Every warning for the event's working (unpublished) grid. */
export async function conflictsForEvent(_eventId: string): Promise<Conflict[]> {
  return [];
}
