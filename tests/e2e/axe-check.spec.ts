// The suite's accessibility check must be able to fail: it runs axe in a lighter
// mode than @axe-core/playwright's default, so prove that mode still finds what a
// screen-reader user or a low-vision reader would hit.
import { expect, expectAccessible, test } from "./support";

test("the axe check refuses an image without alt text, an unlabelled field and faint text", async ({ page }) => {
  await page.setContent(`<!doctype html><html lang="en"><head><title>t</title></head><body><main>
    <h1>Check</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
    <input type="text" name="q">
    <p style="color:#aaa;background:#fff">Faint text nobody can read</p>
  </main></body></html>`);
  const failure = await expectAccessible(page).then(
    () => "passed",
    (error: Error) => error.message,
  );
  expect(failure).toContain("image-alt");
  expect(failure).toContain("label");
  expect(failure).toContain("color-contrast");
});

test("a second check of the same document (axe already in the page) sees what changed since the first", async ({
  page,
}) => {
  await page.setContent(`<!doctype html><html lang="en"><head><title>t</title></head><body><main>
    <h1>Check</h1><p>Nothing wrong yet.</p>
  </main></body></html>`);
  await expectAccessible(page);
  // What a client-side navigation or an action's answer does: new content, same document.
  await page.evaluate(() => {
    document
      .querySelector("main")!
      .insertAdjacentHTML("beforeend", '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">');
  });
  const failure = await expectAccessible(page).then(
    () => "passed",
    (error: Error) => error.message,
  );
  expect(failure).toContain("image-alt");
});
