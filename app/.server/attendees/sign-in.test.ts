import { describe, expect, it } from "vitest";
import { addMember, createEvent, createUser } from "tests/factories";
import { db } from "~/utils/db.server";
import {
  BAD_CODE_MESSAGE,
  describeLinkToken,
  MAX_CODES_PER_WINDOW,
  requestCode,
  verifyCode,
  verifyLinkToken,
} from "./sign-in";

async function rosterEvent(overrides: { allowedEmailDomain?: string } = {}) {
  const event = await createEvent({ status: "published", ...overrides });
  const attendee = await createUser();
  await addMember(event.id, attendee.id, "attendee");
  return { event, attendee };
}

async function mailedCode(email: string) {
  const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
  return { code: mail.text.match(/\b(\d{6})\b/)![1]!, token: mail.text.match(/\/join\/([\w-]+)/)![1]!, mail };
}

describe("requestCode", () => {
  it("mails a rostered attendee a code and a link, storing only hashes", async () => {
    const { event, attendee } = await rosterEvent();
    await requestCode(attendee.email, event.slug);
    const { code, token, mail } = await mailedCode(attendee.email);
    expect(mail.text).toContain(`http://localhost:3000/e/${event.slug}/join/${token}`);
    const row = await db.loginCode.findFirstOrThrow({ where: { email: attendee.email } });
    expect(row.codeHash).not.toContain(code);
    expect(row.tokenHash).not.toBe(token);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(15 * 60 * 1000);
  });

  it("answers an unknown email exactly as a known one, and mails nothing", async () => {
    const { event, attendee } = await rosterEvent();
    const known = await requestCode(attendee.email, event.slug);
    const unknown = await requestCode("stranger@elsewhere.org", event.slug);
    expect(unknown).toEqual(known);
    expect(await db.outboxMessage.count({ where: { to: "stranger@elsewhere.org" } })).toBe(0);
    expect(await db.loginCode.count({ where: { email: "stranger@elsewhere.org" } })).toBe(0);
  });

  it("lets walk-ups with the district domain join, and makes them attendees", async () => {
    const { event } = await rosterEvent({ allowedEmailDomain: "springfield.k12.us" });
    await requestCode("New.Teacher@springfield.k12.us", event.slug);
    const { code } = await mailedCode("new.teacher@springfield.k12.us");
    const userId = await verifyCode("new.teacher@springfield.k12.us", code, event.slug);
    const membership = await db.membership.findFirstOrThrow({ where: { userId, eventId: event.id } });
    expect(membership.role).toBe("attendee");
    await requestCode("someone@gmail.com", event.slug);
    expect(await db.outboxMessage.count({ where: { to: "someone@gmail.com" } })).toBe(0);
  });

  it("sends at most five codes per email per 15 minutes, then silently nothing", async () => {
    const { event, attendee } = await rosterEvent();
    const start = new Date("2027-03-12T14:00:00Z");
    for (let i = 0; i < MAX_CODES_PER_WINDOW + 2; i++) {
      const answer = await requestCode(attendee.email, event.slug, new Date(start.getTime() + i * 60_000));
      expect(answer.message).toMatch(/If that email can join/);
    }
    expect(await db.outboxMessage.count({ where: { to: attendee.email } })).toBe(MAX_CODES_PER_WINDOW);
    // Once the window has passed, a new code can be sent.
    await requestCode(attendee.email, event.slug, new Date(start.getTime() + 16 * 60_000));
    expect(await db.loginCode.count({ where: { email: attendee.email } })).toBe(MAX_CODES_PER_WINDOW + 1);
  });
});

describe("verifyCode", () => {
  it("signs in once with the right code; the same code never works twice", async () => {
    const { event, attendee } = await rosterEvent();
    await requestCode(attendee.email, event.slug);
    const { code } = await mailedCode(attendee.email);
    expect(await verifyCode(attendee.email, code, event.slug)).toBe(attendee.id);
    await expect(verifyCode(attendee.email, code, event.slug)).rejects.toThrow(BAD_CODE_MESSAGE);
  });

  it("refuses an expired code", async () => {
    const { event, attendee } = await rosterEvent();
    const sent = new Date("2027-03-12T14:00:00Z");
    await requestCode(attendee.email, event.slug, sent);
    const { code } = await mailedCode(attendee.email);
    await expect(
      verifyCode(attendee.email, code, event.slug, new Date(sent.getTime() + 15 * 60_000 + 1)),
    ).rejects.toThrow(BAD_CODE_MESSAGE);
    expect(await verifyCode(attendee.email, code, event.slug, new Date(sent.getTime() + 14 * 60_000))).toBe(
      attendee.id,
    );
  });

  it("kills a code after five wrong guesses, even if the sixth is right", async () => {
    const { event, attendee } = await rosterEvent();
    await requestCode(attendee.email, event.slug);
    const { code } = await mailedCode(attendee.email);
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < 5; i++)
      await expect(verifyCode(attendee.email, wrong, event.slug)).rejects.toThrow(BAD_CODE_MESSAGE);
    await expect(verifyCode(attendee.email, code, event.slug)).rejects.toThrow(BAD_CODE_MESSAGE);
    expect((await db.loginCode.findFirstOrThrow({ where: { email: attendee.email } })).attempts).toBe(5);
  });

  it("a burst of simultaneous guesses gets no more tries than one guess at a time", async () => {
    const { event, attendee } = await rosterEvent();
    await requestCode(attendee.email, event.slug);
    const { code } = await mailedCode(attendee.email);
    const wrong = code === "000000" ? "111111" : "000000";
    // 39 wrong guesses and then the right one, all sent at once, as a script would.
    const guesses = [...Array.from({ length: 39 }, () => wrong), code];
    const answers = await Promise.allSettled(guesses.map((guess) => verifyCode(attendee.email, guess, event.slug)));
    expect(answers.every((a) => a.status === "rejected")).toBe(true);
    expect((await db.loginCode.findFirstOrThrow({ where: { email: attendee.email } })).attempts).toBe(5);
  });

  it("signs in by link once; the link is then spent", async () => {
    const { event, attendee } = await rosterEvent();
    await requestCode(attendee.email, event.slug);
    const { token, code } = await mailedCode(attendee.email);
    // Looking at the link (what its page does on GET) neither signs in nor spends it.
    expect(await describeLinkToken(token, event.slug)).toEqual({ email: attendee.email });
    expect(await describeLinkToken(token, event.slug)).toEqual({ email: attendee.email });
    expect(await db.loginCode.count({ where: { email: attendee.email, usedAt: { not: null } } })).toBe(0);
    expect(await verifyLinkToken(token, event.slug)).toBe(attendee.id);
    await expect(describeLinkToken(token, event.slug)).rejects.toThrow(/expired or was already used/);
    await expect(verifyLinkToken(token, event.slug)).rejects.toThrow(/expired or was already used/);
    await expect(verifyCode(attendee.email, code, event.slug)).rejects.toThrow(BAD_CODE_MESSAGE);
  });
});
