// The unit tests hash at bcrypt cost 4 (accounts.ts); everywhere else it must stay 10.
import bcrypt from "bcryptjs";
import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("password hashing cost", () => {
  it("is bcrypt's cost 10 when NODE_ENV is not test (npm start, npm run dev)", async () => {
    for (const env of ["production", "development"]) {
      vi.stubEnv("NODE_ENV", env);
      vi.resetModules();
      const { hashPassword } = await import("./accounts");
      expect(bcrypt.getRounds(await hashPassword("correct horse battery staple"))).toBe(10);
    }
  });

  it("is cost 4 in the unit tests only", async () => {
    const { hashPassword } = await import("./accounts");
    expect(bcrypt.getRounds(await hashPassword("correct horse battery staple"))).toBe(4);
  });
});
