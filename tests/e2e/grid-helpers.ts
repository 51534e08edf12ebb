// Driving the grid editor like a coordinator: shared by grid.spec.ts and grid-flow.spec.ts.
import type { Locator, Page } from "@playwright/test";
import { expect } from "./support";

export const cell = (page: Page, room: string, block: string) =>
  page.locator(`td[data-room="${room}"][data-block="${block}"]`);
export const handle = (page: Page, title: string) => page.getByRole("button", { name: `Drag “${title}”` });

/** The optimistic card has been confirmed by the server and the status line says so. */
export async function settled(page: Page) {
  await expect(page.locator(".is-pending")).toHaveCount(0);
  await expect(page.locator(".grid-status")).not.toBeEmpty();
}

/** A real pointer drag: press, move past the activation distance in steps, move to the cell, release. */
export async function dragTo(page: Page, from: Locator, to: Locator) {
  await from.scrollIntoViewIfNeeded();
  const start = (await from.boundingBox())!;
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(start.x + start.width / 2 + 12, start.y + start.height / 2 + 12, { steps: 4 });
  // Measured after the drag starts: dnd-kit may auto-scroll the page when it begins near an edge.
  const end = (await to.boundingBox())!;
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 12 });
  const settledEnd = (await to.boundingBox())!;
  await page.mouse.move(settledEnd.x + settledEnd.width / 2, settledEnd.y + settledEnd.height / 2, { steps: 2 });
  await page.mouse.up();
}

/**
 * Keyboard only: focus the handle, Space to pick up, arrow keys until the screen-reader
 * announcement says the session is over the target, Space to drop. `layout` is the
 * grid's room (column) and block (row) order, which decides the arrow to press.
 */
export async function keyboardDrop(
  page: Page,
  layout: { rooms: readonly string[]; blocks: readonly string[] },
  title: string,
  room: string,
  block: string,
) {
  const { rooms, blocks } = layout;
  await handle(page, title).focus();
  await page.keyboard.press("Space");
  const live = page.locator("[id^=DndLiveRegion-]");
  for (let i = 0; i < 12; i++) {
    const text = (await live.textContent()) ?? "";
    const over = text.match(/is over (.+), (.+)\.$/);
    if (over && over[1] === room && over[2] === block) break;
    const [r, b] = over ? [rooms.indexOf(over[1]!), blocks.indexOf(over[2]!)] : [-1, -1];
    const key =
      r < rooms.indexOf(room)
        ? "ArrowRight"
        : r > rooms.indexOf(room)
          ? "ArrowLeft"
          : b < blocks.indexOf(block)
            ? "ArrowDown"
            : "ArrowUp";
    await page.keyboard.press(key);
    await expect(live).not.toHaveText(text);
  }
  await expect(live).toHaveText(`“${title}” is over ${room}, ${block}.`);
  await page.keyboard.press("Space");
  await expect(live).toHaveText(`“${title}” dropped in ${room}, ${block}.`);
}
