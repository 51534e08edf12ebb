import { describe, expect, test } from "vitest";
import { safeRedirect } from "./auth.server";

// What a browser does with a Location header: resolve it against the page it is on.
const landsOn = (location: string) => new URL(location, "https://pd.springfield.k12.test/login").origin;

describe("safeRedirect", () => {
  test.each([
    ["/events", "/events"],
    ["/e/spring-2027", "/e/spring-2027"],
    ["/e/spring-2027/my-day?tab=picks#session-3", "/e/spring-2027/my-day?tab=picks#session-3"],
    ["/login?redirectTo=%2Fevents%2Fspring", "/login?redirectTo=%2Fevents%2Fspring"],
    ["/e/spring-2027/sessions/abc?q=caf%C3%A9", "/e/spring-2027/sessions/abc?q=caf%C3%A9"],
  ])("keeps the same-site path %j", (to, expected) => {
    expect(safeRedirect(to)).toBe(expected);
  });

  // Each of these leaves the site in some browser, or is not a path at all.
  test.each([
    ["the reported one: a tab between the slashes", "/\t/evil.example"],
    ["a newline between the slashes", "/\n/evil.example"],
    ["a carriage return", "/\r/evil.example"],
    ["a tab first", "\t//evil.example"],
    ["protocol-relative", "//evil.example"],
    ["protocol-relative with a path", "//evil.example/login"],
    ["a backslash", "/\\evil.example"],
    ["a backslash later on", "/e/\\\\evil.example"],
    ["two backslashes", "\\\\evil.example"],
    ["an absolute URL", "https://evil.example/"],
    ["a scheme without slashes", "https:evil.example"],
    ["javascript:", "javascript:alert(document.cookie)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["a relative path", "evil.example"],
    ["a leading space", " /events"],
    ["a NUL", "/\u0000/evil.example"],
    ["a DEL", "/\u007f/evil.example"],
    ["a line separator", "/\u2028/evil.example"],
    ["a fullwidth solidus", "/\uff0f/evil.example"],
    ["not ASCII", "/e/日本"],
    ["empty", ""],
  ])("refuses %s", (_what, to) => {
    expect(safeRedirect(to)).toBe("/");
    expect(safeRedirect(to, "/e/spring-2027")).toBe("/e/spring-2027");
  });

  test("encoded tricks stay paths on this site", () => {
    // Percent-escapes are not decoded when a browser follows a Location header.
    for (const to of [
      "/%2F%2Fevil.example",
      "/%09/evil.example",
      "/%5Cevil.example",
      "/e/../..//evil.example",
      "/.//evil.example",
    ]) {
      const kept = safeRedirect(to);
      expect(landsOn(kept), to).toBe("https://pd.springfield.k12.test");
    }
  });

  test("no string leaves the site, whatever it holds", () => {
    const pieces = [
      "/",
      "//",
      "\\",
      "\t",
      "\n",
      "evil.example",
      "%2F",
      "%09",
      ":",
      "@",
      "https:",
      ".",
      "..",
      "?",
      "#",
      " ",
      "\u3002",
    ];
    for (const a of pieces) {
      for (const b of pieces) {
        for (const c of pieces) {
          const to = `${a}${b}${c}`;
          expect(landsOn(safeRedirect(to)), JSON.stringify(to)).toBe("https://pd.springfield.k12.test");
        }
      }
    }
  });

  test("non-strings go to the fallback", () => {
    expect(safeRedirect(null)).toBe("/");
    expect(safeRedirect(undefined)).toBe("/");
    expect(safeRedirect(new File(["/events"], "x.txt"))).toBe("/");
  });
});
