import { afterEach, describe, expect, test, vi } from "vitest";
import { db } from "~/utils/db.server";
import { createEvent, createUser } from "../../../tests/factories";
import { RuleError } from "../errors";
import {
  createFirstCoordinator,
  findUsableReset,
  requestPasswordReset,
  resetPassword,
  signUp,
  verifyLogin,
} from "./accounts";
import { verifyEmailByCode, verifyEmailByLink } from "./email-verification";
import { createSession } from "./sessions";

const PASSWORD = "correct horse battery";

afterEach(() => {
  vi.useRealTimers();
});

describe("createFirstCoordinator", () => {
  test("on an empty install the first account becomes the district coordinator", async () => {
    const user = await createFirstCoordinator({
      name: "Pat Morgan",
      email: "pat.morgan@springfield.k12.us",
      password: PASSWORD,
    });

    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.isDistrictCoordinator).toBe(true);
    expect(await verifyLogin("pat.morgan@springfield.k12.us", PASSWORD)).toEqual({ id: user.id, proven: true });
  });

  test("once any account exists it is refused, so the setup page cannot grant the role later", async () => {
    await createFirstCoordinator({ name: "Pat Morgan", email: "pat.morgan@springfield.k12.us", password: PASSWORD });

    await expect(
      createFirstCoordinator({ name: "Mallory", email: "mallory@example.com", password: PASSWORD }),
    ).rejects.toBeInstanceOf(RuleError);
    expect(await db.user.count({ where: { isDistrictCoordinator: true } })).toBe(1);
    expect(await db.user.findUnique({ where: { email: "mallory@example.com" } })).toBeNull();
  });
});

describe("verifyLogin", () => {
  test("the right password signs in, ignoring case and spaces in the email", async () => {
    const user = await createUser({ email: "kim.park@springfield.k12.us", password: PASSWORD });
    expect(await verifyLogin("kim.park@springfield.k12.us", PASSWORD)).toEqual({ id: user.id, proven: true });
    expect(await verifyLogin("  Kim.Park@Springfield.k12.us ", PASSWORD)).toEqual({ id: user.id, proven: true });
  });

  test("a wrong password or an unknown email gives null", async () => {
    await createUser({ email: "kim.park@springfield.k12.us", password: PASSWORD });
    expect(await verifyLogin("kim.park@springfield.k12.us", "wrong password!")).toBeNull();
    expect(await verifyLogin("nobody@springfield.k12.us", PASSWORD)).toBeNull();
  });

  test("an account without a password (e.g. roster import) cannot sign in", async () => {
    await createUser({ email: "roster.only@springfield.k12.us" });
    expect(await verifyLogin("roster.only@springfield.k12.us", "")).toBeNull();
  });
});

describe("signUp", () => {
  test("an event limited to a district domain refuses other addresses on the email field", async () => {
    const event = await createEvent({
      slug: "spring-pd",
      allowedEmailDomain: "springfield.k12.us",
      status: "proposals_open",
    });

    const attempt = signUp({
      name: "Gmail User",
      email: "teacher@gmail.com",
      password: PASSWORD,
      eventSlug: event.slug,
    });
    await expect(attempt).rejects.toBeInstanceOf(RuleError);
    await expect(attempt).rejects.toMatchObject({ field: "email" });
    expect(await db.user.count()).toBe(0);
  });

  test("a look-alike domain does not pass for the district's", async () => {
    const event = await createEvent({ allowedEmailDomain: "springfield.k12.us", status: "proposals_open" });
    await expect(
      signUp({ name: "Imposter", email: "x@notspringfield.k12.us", password: PASSWORD, eventSlug: event.slug }),
    ).rejects.toMatchObject({ name: "RuleError", field: "email" });
  });

  test("an address in the district domain gets an account that joins the event once the mailed code proves it", async () => {
    const event = await createEvent({ allowedEmailDomain: "springfield.k12.us", status: "proposals_open" });

    const user = await signUp({
      name: "Lee Chen",
      email: "lee.chen@springfield.k12.us",
      password: PASSWORD,
      eventSlug: event.slug,
    });

    // Not yet: the address is unproven, so no sign-in and no place on the PD day.
    expect(await verifyLogin("lee.chen@springfield.k12.us", PASSWORD)).toEqual({ id: user.id, proven: false });
    expect(await db.membership.count({ where: { userId: user.id } })).toBe(0);
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: "lee.chen@springfield.k12.us" } });
    // Typed in the browser that signed up (its cookie names the account).
    await verifyEmailByCode("lee.chen@springfield.k12.us", mail.subject.match(/\d{6}/)![0], {
      fromSignupBrowser: user.id,
    });

    const memberships = await db.membership.findMany({ where: { userId: user.id } });
    expect(memberships).toEqual([expect.objectContaining({ eventId: event.id, role: "attendee" })]);
    expect(await verifyLogin("lee.chen@springfield.k12.us", PASSWORD)).toEqual({ id: user.id, proven: true });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.isDistrictCoordinator).toBe(false);
  });

  test("a stranger who signs up with someone's address keeps no password when the owner confirms from the mail", async () => {
    // Review attack: Mallory signs up as Rosa and waits; Rosa presses the link in the
    // confirmation mail (in her own browser) and starts using the account.
    const mallory = await signUp({ name: "Rosa Diaz", email: "rosa.diaz@springfield.k12.us", password: PASSWORD });
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: "rosa.diaz@springfield.k12.us" } });
    const token = mail.text.match(/token=([\w-]+)/)![1]!;

    const confirmed = await verifyEmailByLink(token, { fromSignupBrowser: null });

    expect(confirmed).toMatchObject({ userId: mallory.id, passwordRemoved: true });
    expect(await verifyLogin("rosa.diaz@springfield.k12.us", PASSWORD)).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: mallory.id } })).emailVerifiedAt).not.toBeNull();
  });

  test("a confirmation from the browser that signed up keeps its password", async () => {
    const user = await signUp({ name: "Sam Ortiz", email: "sam.ortiz@springfield.k12.us", password: PASSWORD });
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: "sam.ortiz@springfield.k12.us" } });
    const token = mail.text.match(/token=([\w-]+)/)![1]!;
    // Another account's sign-up cookie does not count as this one's.
    expect(await verifyEmailByLink(token, { fromSignupBrowser: user.id })).toMatchObject({ passwordRemoved: false });
    expect(await verifyLogin("sam.ortiz@springfield.k12.us", PASSWORD)).toEqual({ id: user.id, proven: true });
  });

  test("a burst of simultaneous guesses at the confirmation code gets no more tries than one at a time", async () => {
    // Review attack: 5 wrong codes use a confirmation code up, but guesses sent all at
    // once each read "0 attempts" before any was counted, so all were compared.
    const email = "burst.guess@springfield.k12.us";
    await signUp({ name: "Burst Guess", email, password: PASSWORD });
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: email } });
    const code = mail.subject.match(/\d{6}/)![0];
    const wrong = code === "000000" ? "111111" : "000000";
    const guesses = [...Array.from({ length: 19 }, () => wrong), code];
    const answers = await Promise.allSettled(guesses.map((guess) => verifyEmailByCode(email, guess)));
    expect(answers.every((a) => a.status === "rejected")).toBe(true);
    expect((await verifyLogin(email, PASSWORD))?.proven).toBe(false);
  });

  test("a draft, archived or unknown PD day takes no sign-ups, and no account is made", async () => {
    const draft = await createEvent({ status: "draft" });
    const archived = await createEvent({ status: "archived" });
    for (const eventSlug of [draft.slug, archived.slug, "no-such-day"]) {
      await expect(
        signUp({ name: "Early Bird", email: "early@springfield.k12.us", password: PASSWORD, eventSlug }),
      ).rejects.toMatchObject({ name: "RuleError", message: expect.stringContaining("not taking sign-ups") });
    }
    expect(await db.user.count()).toBe(0);
  });

  test("an email that already has an account is refused on the email field", async () => {
    await createUser({ email: "lee.chen@springfield.k12.us" });

    await expect(
      signUp({ name: "Lee Again", email: "lee.chen@springfield.k12.us", password: PASSWORD }),
    ).rejects.toMatchObject({ name: "RuleError", field: "email" });
    expect(await db.user.count()).toBe(1);
  });
});

describe("password reset", () => {
  async function mailedResetToken(to: string) {
    const message = await db.outboxMessage.findFirstOrThrow({ where: { to } });
    const match = message.text.match(/\/reset-password\?token=([A-Za-z0-9_-]+)/);
    expect(match, `no reset link in:\n${message.text}`).not.toBeNull();
    return match![1]!;
  }

  test("a known email gets exactly one reset message; an unknown one gets none, and the caller cannot tell", async () => {
    await createUser({ email: "kim.park@springfield.k12.us", password: PASSWORD });

    const known = await requestPasswordReset("Kim.Park@springfield.k12.us");
    const unknown = await requestPasswordReset("nobody@springfield.k12.us");

    expect(known).toBe(unknown);
    const messages = await db.outboxMessage.findMany();
    expect(messages).toEqual([
      expect.objectContaining({ to: "kim.park@springfield.k12.us", subject: "Reset your Dropin password" }),
    ]);
    expect(messages[0]!.text).toContain("http://localhost:3000/reset-password?token=");
  });

  test("the mailed link sets a new password once and signs the user out everywhere", async () => {
    const user = await createUser({ email: "kim.park@springfield.k12.us", password: PASSWORD });
    await createSession(user.id);
    await createSession(user.id);
    await requestPasswordReset("kim.park@springfield.k12.us");
    const token = await mailedResetToken("kim.park@springfield.k12.us");

    await resetPassword(token, "a brand new password");

    expect(await verifyLogin("kim.park@springfield.k12.us", "a brand new password")).toEqual({
      id: user.id,
      proven: true,
    });
    expect(await verifyLogin("kim.park@springfield.k12.us", PASSWORD)).toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);

    await expect(resetPassword(token, "attacker's password")).rejects.toBeInstanceOf(RuleError);
    expect(await verifyLogin("kim.park@springfield.k12.us", "a brand new password")).toEqual({
      id: user.id,
      proven: true,
    });
  });

  test("a link older than an hour is refused", async () => {
    await createUser({ email: "kim.park@springfield.k12.us", password: PASSWORD });
    await requestPasswordReset("kim.park@springfield.k12.us");
    const token = await mailedResetToken("kim.park@springfield.k12.us");
    expect(await findUsableReset(token)).not.toBeNull();

    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 61 * 60_000);

    expect(await findUsableReset(token)).toBeNull();
    await expect(resetPassword(token, "a brand new password")).rejects.toBeInstanceOf(RuleError);
    vi.useRealTimers();
    expect(await verifyLogin("kim.park@springfield.k12.us", PASSWORD)).not.toBeNull();
  });

  test("using one reset link voids every other outstanding link of that person", async () => {
    const user = await createUser({ email: "kim.park@springfield.k12.us", password: PASSWORD });
    // Two requests: the first mail might sit in a mailbox someone else reads later.
    await requestPasswordReset("kim.park@springfield.k12.us");
    const older = await mailedResetToken("kim.park@springfield.k12.us");
    await db.outboxMessage.deleteMany();
    await requestPasswordReset("kim.park@springfield.k12.us");
    const newer = await mailedResetToken("kim.park@springfield.k12.us");

    await resetPassword(newer, "a brand new password");

    expect(await findUsableReset(older)).toBeNull();
    await expect(resetPassword(older, "attacker's password")).rejects.toBeInstanceOf(RuleError);
    expect(await verifyLogin(user.email, "a brand new password")).toEqual({ id: user.id, proven: true });
  });

  test("a made-up token is refused", async () => {
    await expect(resetPassword("made-up-token", "a brand new password")).rejects.toBeInstanceOf(RuleError);
  });
});

describe("PASSWORD_SIGNIN=admins-only", () => {
  test("only a district coordinator signs in with a password; a teacher's right password is refused", async () => {
    const admin = await createUser({
      email: "admin@springfield.k12.us",
      password: PASSWORD,
      districtCoordinator: true,
    });
    await createUser({ email: "kim.park@springfield.k12.us", password: PASSWORD });

    expect(await verifyLogin("admin@springfield.k12.us", PASSWORD, { adminsOnly: true })).toEqual({
      id: admin.id,
      proven: true,
    });
    expect(await verifyLogin("kim.park@springfield.k12.us", PASSWORD, { adminsOnly: true })).toBeNull();
    expect(await verifyLogin("kim.park@springfield.k12.us", PASSWORD)).not.toBeNull();
  });

  test("no reset link is mailed to a teacher, who could not use the password", async () => {
    await createUser({ email: "kim.park@springfield.k12.us", password: PASSWORD });
    await requestPasswordReset("kim.park@springfield.k12.us", { adminsOnly: true });
    expect(await db.passwordReset.count()).toBe(0);
  });
});
