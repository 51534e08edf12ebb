// Which sessions share minutes across blocks: a two-block session overlaps the
// sessions of its second block. Two picks in the same block are not a clash — "My
// day" already shows the later one as an alternative, deliberately allowed as a
// second choice for a full room. Shared by the pick rule (server) and the pick
// button, which hands such a pick to the server so the person is asked first.
type Timed = {
  placementId: string;
  blockId: string;
  startTime: string;
  endTime: string;
};

/** Wall-clock "HH:MM" strings compare correctly as text. */
export function overlaps(a: Timed, b: Timed) {
  return (
    a.placementId !== b.placementId && a.blockId !== b.blockId && a.startTime < b.endTime && b.startTime < a.endTime
  );
}

/** placementId → the placements that overlap it. */
export function overlapIndex(sessions: readonly Timed[]): Record<string, string[]> {
  const index: Record<string, string[]> = {};
  for (const a of sessions) {
    const others = sessions.filter((b) => overlaps(a, b)).map((b) => b.placementId);
    if (others.length) index[a.placementId] = others;
  }
  return index;
}
