// Arrow keys jump a picked-up session from cell to cell (dnd-kit's default moves it
// 25 px per press, which in a wide table means dozens of presses per room).
import { KeyboardCode, type ClientRect, type KeyboardCoordinateGetter } from "@dnd-kit/core";

const DIRECTIONS: Record<string, [number, number]> = {
  [KeyboardCode.Right]: [1, 0],
  [KeyboardCode.Left]: [-1, 0],
  [KeyboardCode.Down]: [0, 1],
  [KeyboardCode.Up]: [0, -1],
};

const center = (rect: ClientRect) => ({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
const contains = (rect: ClientRect, x: number, y: number) =>
  x >= rect.left && x <= rect.left + rect.width && y >= rect.top && y <= rect.top + rect.height;

export const cellCoordinates: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  const direction = DIRECTIONS[event.code];
  if (!direction) return undefined;
  event.preventDefault();
  const { collisionRect, droppableRects, droppableContainers } = context;
  if (!collisionRect) return currentCoordinates;
  const card = center(collisionRect);
  const cells = droppableContainers
    .getEnabled()
    .filter((container) => String(container.id).startsWith("cell:"))
    .map((container) => ({ id: container.id, rect: droppableRects.get(container.id) }))
    .filter((cell): cell is { id: typeof cell.id; rect: ClientRect } => Boolean(cell.rect));
  // Measure from the centre of the cell the card sits in, not from the card: a card
  // just picked up sits at the top left of its cell, so its own cell's centre lies
  // "ahead" of it and the first press used to land on the cell it was already in.
  const home = cells.find((cell) => contains(cell.rect, card.x, card.y));
  const from = home ? center(home.rect) : card;
  let best: { x: number; y: number; score: number } | undefined;
  for (const cell of cells) {
    if (cell.id === home?.id) continue;
    const target = center(cell.rect);
    const dx = target.x - from.x;
    const dy = target.y - from.y;
    const along = dx * direction[0] + dy * direction[1];
    if (along <= 1) continue;
    // Prefer the next cell straight ahead over a nearer one diagonally.
    const across = Math.abs(dx * direction[1]) + Math.abs(dy * direction[0]);
    const score = along + across * 4;
    if (!best || score < best.score) best = { ...target, score };
  }
  // Move the card's centre onto the chosen cell's centre.
  return best
    ? { x: currentCoordinates.x + best.x - card.x, y: currentCoordinates.y + best.y - card.y }
    : currentCoordinates;
};
