// Arrow keys jump a picked-up session from cell to cell (dnd-kit's default moves it
// 25 px per press, which in a wide table means dozens of presses per room).
import { KeyboardCode, type KeyboardCoordinateGetter } from "@dnd-kit/core";

const DIRECTIONS: Record<string, [number, number]> = {
  [KeyboardCode.Right]: [1, 0],
  [KeyboardCode.Left]: [-1, 0],
  [KeyboardCode.Down]: [0, 1],
  [KeyboardCode.Up]: [0, -1],
};

export const cellCoordinates: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  const direction = DIRECTIONS[event.code];
  if (!direction) return undefined;
  event.preventDefault();
  const { collisionRect, droppableRects, droppableContainers } = context;
  if (!collisionRect) return currentCoordinates;
  const x = collisionRect.left + collisionRect.width / 2;
  const y = collisionRect.top + collisionRect.height / 2;
  let best: { dx: number; dy: number; score: number } | undefined;
  for (const container of droppableContainers.getEnabled()) {
    const rect = droppableRects.get(container.id);
    if (!rect || !String(container.id).startsWith("cell:")) continue;
    const dx = rect.left + rect.width / 2 - x;
    const dy = rect.top + rect.height / 2 - y;
    const along = dx * direction[0] + dy * direction[1];
    if (along <= 1) continue;
    // Prefer the next cell straight ahead over a nearer one diagonally.
    const across = Math.abs(dx * direction[1]) + Math.abs(dy * direction[0]);
    const score = along + across * 4;
    if (!best || score < best.score) best = { dx, dy, score };
  }
  return best ? { x: currentCoordinates.x + best.dx, y: currentCoordinates.y + best.dy } : currentCoordinates;
};
