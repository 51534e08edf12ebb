import { expect, test } from "vitest";
import { spanFromUrl } from "./record-span";
import { defaultSpan } from "./school-year";

test("the record's span comes from the address; a reversed one falls back to the default with the error beside 'To'", () => {
  expect(spanFromUrl(new URL("http://x/me/pd?from=2024-07-01&to=2025-06-30"))).toEqual({
    span: { from: "2024-07-01", to: "2025-06-30" },
    failed: null,
  });
  expect(spanFromUrl(new URL("http://x/me/pd"))).toEqual({ span: defaultSpan(), failed: null });
  const reversed = spanFromUrl(new URL("http://x/me/pd?from=2026-07-01&to=2020-01-01"));
  expect(reversed.span).toEqual(defaultSpan());
  expect(reversed.failed?.fieldErrors.to).toEqual(["The start must be on or before the end."]);
  expect(reversed.failed?.values).toEqual({ from: "2026-07-01", to: "2020-01-01" });
});
