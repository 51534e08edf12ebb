import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { NotFoundError, TooManyRequestsError } from "../errors";
import { createRateLimits, LIMITS, privateLinkLookup, tooManyAttempts } from "./rate-limits";

const school = "203.0.113.7";

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date("2027-02-13T07:45:00Z"));
});
afterEach(() => {
  vi.useRealTimers();
});

async function failSignIns(limits: ReturnType<typeof createRateLimits>, email: string, ip: string, times: number) {
  for (let i = 0; i < times; i += 1) expect(await limits.signInAttempt(email, ip)).toBeNull();
}

describe("sign-in limits", () => {
  test("the 11th wrong password for one email is refused with the wait in minutes", async () => {
    const limits = createRateLimits();
    await failSignIns(limits, "maria@springfield.k12.test", school, 10);
    const limited = await limits.signInAttempt("Maria@Springfield.k12.test ", school);
    expect(limited?.message).toBe("Too many sign-in attempts. Try again in 15 minutes.");
    expect(limited?.retryAfterSeconds).toBe(15 * 60);

    vi.advanceTimersByTime(3 * 60 * 1000 + 30 * 1000);
    expect((await limits.signInAttempt("maria@springfield.k12.test", school))?.message).toBe(
      "Too many sign-in attempts. Try again in 12 minutes.",
    );
  });

  test("a colleague behind the same school IP still signs in", async () => {
    const limits = createRateLimits();
    await failSignIns(limits, "maria@springfield.k12.test", school, 10);
    expect(await limits.signInAttempt("maria@springfield.k12.test", school)).not.toBeNull();
    expect(await limits.signInAttempt("dev@springfield.k12.test", school)).toBeNull();
  });

  test("a right password forgives the account's failures", async () => {
    const limits = createRateLimits();
    await failSignIns(limits, "maria@springfield.k12.test", school, 9);
    // The 10th try is the right password.
    expect(await limits.signInAttempt("maria@springfield.k12.test", school)).toBeNull();
    await limits.signInSucceeded("maria@springfield.k12.test", school);
    await failSignIns(limits, "maria@springfield.k12.test", school, 10);
  });

  test("the window passes and the account may try again", async () => {
    const limits = createRateLimits();
    await failSignIns(limits, "maria@springfield.k12.test", school, 10);
    expect(await limits.signInAttempt("maria@springfield.k12.test", school)).not.toBeNull();
    vi.advanceTimersByTime(15 * 60 * 1000 + 1);
    expect(await limits.signInAttempt("maria@springfield.k12.test", school)).toBeNull();
  });

  test("a whole school signing in at 7:45 does not trip the per-IP limit; spraying wrong passwords does", async () => {
    const limits = createRateLimits();
    // 500 teachers, every fifth mistypes once before getting it right.
    for (let i = 0; i < 500; i += 1) {
      const email = `teacher${i}@springfield.k12.test`;
      if (i % 5 === 0) expect(await limits.signInAttempt(email, school)).toBeNull();
      expect(await limits.signInAttempt(email, school)).toBeNull();
      await limits.signInSucceeded(email, school);
    }
    // One machine trying one password against many accounts.
    let refused = 0;
    for (let i = 0; i < LIMITS.signInFailuresPerIp.points + 5; i += 1) {
      if (await limits.signInAttempt(`victim${i}@springfield.k12.test`, "198.51.100.9")) refused += 1;
    }
    expect(refused).toBe(5);
  });

  test("guessing one account from many addresses is capped too", async () => {
    const limits = createRateLimits();
    for (let i = 0; i < LIMITS.signInFailuresPerEmail.points; i += 1) {
      expect(await limits.signInAttempt("principal@springfield.k12.test", `198.51.100.${i}`)).toBeNull();
    }
    expect((await limits.signInAttempt("principal@springfield.k12.test", "198.51.100.200"))?.message).toMatch(
      /^Too many sign-in attempts\. Try again in 60 minutes\.$/,
    );
  });
});

describe("mailing limits", () => {
  test("reset links: five per address an hour", async () => {
    const limits = createRateLimits();
    for (let i = 0; i < 5; i += 1) expect(await limits.resetRequest("maria@springfield.k12.test", school)).toBeNull();
    expect((await limits.resetRequest("maria@springfield.k12.test", school))?.message).toBe(
      "Too many reset requests. Try again in 60 minutes.",
    );
    expect(await limits.resetRequest("dev@springfield.k12.test", school)).toBeNull();
  });

  test("attendee codes: per address strict, a school's worth per IP", async () => {
    const limits = createRateLimits();
    for (let i = 0; i < LIMITS.codeRequestsPerEmail.points; i += 1) {
      expect(await limits.codeRequest("keisha@springfield.k12.test", school)).toBeNull();
    }
    expect((await limits.codeRequest("keisha@springfield.k12.test", school))?.message).toMatch(
      /^Too many code requests\./,
    );
    for (let i = 0; i < 400; i += 1) {
      expect(await limits.codeRequest(`attendee${i}@springfield.k12.test`, school)).toBeNull();
      expect(await limits.codeRequest(`attendee${i}@springfield.k12.test`, school)).toBeNull();
    }
  });

  test("wrong codes: ten per address; a right code clears them", async () => {
    const limits = createRateLimits();
    for (let i = 0; i < 9; i += 1) expect(await limits.codeAttempt("keisha@springfield.k12.test", school)).toBeNull();
    expect(await limits.codeAttempt("keisha@springfield.k12.test", school)).toBeNull();
    await limits.codeSucceeded("keisha@springfield.k12.test", school);
    for (let i = 0; i < 10; i += 1) expect(await limits.codeAttempt("keisha@springfield.k12.test", school)).toBeNull();
    expect((await limits.codeAttempt("keisha@springfield.k12.test", school))?.message).toMatch(
      /^Too many wrong codes\./,
    );
  });

  test("counters are separate per limiter set, and an unknown address still counts", async () => {
    const a = createRateLimits({ ...LIMITS, signupsPerIp: { points: 1, seconds: 60 } });
    expect(await a.signup(undefined)).toBeNull();
    expect((await a.signup(undefined))?.message).toBe(
      "Too many new accounts from this network. Try again in 1 minute.",
    );
    expect(await createRateLimits().signup(undefined)).toBeNull();
  });
});

describe("private links and certificate codes", () => {
  test("300 unknown ones per address in 15 minutes; links that work do not count", async () => {
    const limits = createRateLimits();
    // A calendar service fetching a thousand people's feeds from one address.
    for (let i = 0; i < 1000; i += 1) {
      expect(await limits.privateLinkAttempt("192.0.2.10")).toBeNull();
      await limits.privateLinkFound("192.0.2.10");
    }
    for (let i = 0; i < LIMITS.privateLinkMissesPerIp.points; i += 1)
      expect(await limits.privateLinkAttempt("198.51.100.9")).toBeNull();
    expect((await limits.privateLinkAttempt("198.51.100.9"))?.message).toBe(
      "Too many unknown links from this network. Try again in 15 minutes.",
    );
    expect(await limits.privateLinkAttempt("192.0.2.10")).toBeNull();
    vi.advanceTimersByTime(15 * 60 * 1000 + 1);
    expect(await limits.privateLinkAttempt("198.51.100.9")).toBeNull();
  });

  test("over the limit the lookup is not even run: a 429 error saying how long to wait", async () => {
    const ip = "198.51.100.77";
    const miss = () => Promise.reject(new NotFoundError("This calendar link does not match anyone's day."));
    for (let i = 0; i < LIMITS.privateLinkMissesPerIp.points; i += 1)
      await expect(privateLinkLookup(ip, miss)).rejects.toThrow(NotFoundError);
    let ran = false;
    const refused = await privateLinkLookup(ip, async () => (ran = true)).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TooManyRequestsError);
    expect(refused).toMatchObject({ status: 429, retryAfterSeconds: 15 * 60 });
    expect(ran).toBe(false);
    // Another address is not held up; a find hands its try back.
    for (let i = 0; i < LIMITS.privateLinkMissesPerIp.points + 10; i += 1)
      expect(await privateLinkLookup("192.0.2.11", async () => "found")).toBe("found");
  });
});

test("the refusal is a 429 form failure that keeps what was typed, except the password", () => {
  const response = tooManyAttempts(
    { email: "maria@springfield.k12.test", password: "hunter22", redirectTo: "/events" },
    { message: "Too many sign-in attempts. Try again in 12 minutes.", retryAfterSeconds: 700 },
  );
  expect(response.init?.status).toBe(429);
  expect(new Headers(response.init?.headers).get("Retry-After")).toBe("700");
  expect(response.data).toEqual({
    ok: false,
    fieldErrors: {},
    formErrors: ["Too many sign-in attempts. Try again in 12 minutes."],
    values: { email: "maria@springfield.k12.test", redirectTo: "/events" },
  });
});
