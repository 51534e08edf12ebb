import { describe, expect, it } from "vitest";
import { count, plural } from "./plural";

describe("count", () => {
  it("says one thing in the singular and any other number in the plural", () => {
    expect(count(1, "session")).toBe("1 session");
    expect(count(0, "session")).toBe("0 sessions");
    expect(count(2, "prize")).toBe("2 prizes");
    expect(count(1, "person", "people")).toBe("1 person");
    expect(count(5, "person", "people")).toBe("5 people");
    expect(plural(1, "winner")).toBe("winner");
  });
});
