// Passwordless joining for attendees: a mailed one-time link and 6-digit code.
// Every answer to "send me a code" is the same, so the form cannot be used to
// find out who is on a PD day's roster.
import crypto from "node:crypto";
import { db } from "~/utils/db.server";
import { markEmailProven } from "../accounts/proven-email";
import { hashToken, newLinkToken, sameSecret, signedToken } from "../accounts/tokens";
import { RuleError } from "../errors";
import { getPublicEvent } from "../events/events";
import { appLink, sendMail } from "../outbox/outbox";

export const CODE_LIFETIME_MS = 15 * 60 * 1000;
export const MAX_CODES_PER_WINDOW = 5;
export const MAX_WRONG_ATTEMPTS = 5;

export const NEUTRAL_MESSAGE =
  "If that email can join this PD day, a sign-in link and a 6-digit code are on their way. They work for 15 minutes.";
export const BAD_CODE_MESSAGE = "That code does not work. Check the latest email, or ask for a new code.";

// A 6-digit code has only a million values: a keyed hash (not a bare SHA-256) keeps
// a leaked database from giving codes away by brute force.
function hashCode(email: string, code: string) {
  return signedToken("login-code", email, code);
}

function emailDomain(email: string) {
  return email.slice(email.lastIndexOf("@") + 1).toLowerCase();
}

type JoinableEvent = { id: string; allowedEmailDomain: string | null };

/** Whether the event's email domain lets this address walk up without being on the roster. */
function walkUpAllowed(event: JoinableEvent, email: string) {
  const domain = event.allowedEmailDomain?.trim().toLowerCase();
  return Boolean(domain) && emailDomain(email) === domain;
}

/** On the roster (any membership), or walk-up allowed by the event's email domain. */
async function mayJoin(event: JoinableEvent, email: string) {
  const member = await db.membership.findFirst({ where: { eventId: event.id, user: { email } }, select: { id: true } });
  return Boolean(member) || walkUpAllowed(event, email);
}

const NO_LONGER_ON_LIST = "This address is not on this PD day's list any more. Ask its coordinator.";

/**
 * A PD day's join page can grant no more than attendance, so its code must never
 * open an account that holds more: a district coordinator, someone who
 * coordinates another PD day, or an account with a proven password (its owner
 * signs in with that). Otherwise whoever controls the day's roster or email
 * domain could aim a code at such an account. A password set before the address
 * was proven does not count: it may be a stranger's (see proveEmailByCode).
 */
async function mustUsePassword(email: string, eventId: string) {
  const account = await db.user.findUnique({
    where: { email },
    select: {
      isDistrictCoordinator: true,
      emailVerifiedAt: true,
      password: { select: { userId: true } },
      memberships: { where: { role: "coordinator", eventId: { not: eventId } }, select: { id: true }, take: 1 },
    },
  });
  if (!account) return false;
  return (
    account.isDistrictCoordinator ||
    account.memberships.length > 0 ||
    Boolean(account.password && account.emailVerifiedAt)
  );
}

/** Mails a link and code when the email may join; always the same neutral answer. */
export async function requestCode(email: string, eventSlug: string, now = new Date()) {
  const event = await getPublicEvent(eventSlug);
  const address = email.trim().toLowerCase();
  const neutral = { message: NEUTRAL_MESSAGE } as const;
  if (!(await mayJoin(event, address))) return neutral;
  if (await mustUsePassword(address, event.id)) {
    // No code: only a pointer to the password sign-in, useful to the owner and to nobody else.
    await sendMail({
      eventId: event.id,
      to: address,
      subject: `Sign in to ${event.name} with your password`,
      text: [
        `Someone asked for a sign-in code for ${event.name} for this address.`,
        "Your Dropin account has a password, so codes are not sent for it. Sign in here:",
        appLink(`/login?redirectTo=${encodeURIComponent(`/e/${event.slug}`)}`),
        "",
        "If you did not ask, ignore this email.",
      ].join("\n"),
    });
    return neutral;
  }
  const recent = await db.loginCode.count({
    where: { email: address, createdAt: { gt: new Date(now.getTime() - CODE_LIFETIME_MS) } },
  });
  if (recent >= MAX_CODES_PER_WINDOW) return neutral;

  const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, "0");
  const { token, tokenHash } = newLinkToken();
  await db.loginCode.create({
    data: {
      email: address,
      eventId: event.id,
      codeHash: hashCode(address, code),
      tokenHash,
      createdAt: now,
      expiresAt: new Date(now.getTime() + CODE_LIFETIME_MS),
    },
  });
  const link = appLink(`/e/${event.slug}/join/${token}`);
  await sendMail({
    eventId: event.id,
    to: address,
    secrets: [code, link],
    subject: `Your sign-in code for ${event.name}: ${code}`,
    text: [
      `Your code for ${event.name} is ${code}.`,
      "",
      `Or tap this link on your phone to sign in: ${link}`,
      "",
      "The code and the link work once, for 15 minutes. If you did not ask for them, ignore this email.",
    ].join("\n"),
  });
  return neutral;
}

/**
 * The joiner's account: roster people already have one; walk-ups get one and a
 * membership. Using the code proves the address, so the account is marked proven.
 */
async function ensureAttendee(event: JoinableEvent, email: string, now: Date) {
  const eventId = event.id;
  if (await mustUsePassword(email, eventId)) {
    throw new RuleError("This address has a Dropin password: sign in with it instead.", "code");
  }
  // One transaction (it holds the write lock from its start): the same code typed on
  // two phones at once cannot both find "no account" and both create one.
  const userId = await db.$transaction(async (tx) => {
    const user =
      (await tx.user.findUnique({ where: { email }, select: { id: true } })) ??
      (await tx.user.create({ data: { email, name: email.slice(0, email.indexOf("@")) }, select: { id: true } }));
    const member = await tx.membership.findFirst({ where: { eventId, userId: user.id }, select: { id: true } });
    if (!member) {
      // Asked again now, not only when the code was mailed: a coordinator who took the
      // person off the day (or stopped walk-ups) since must not see a live code undo it.
      if (!walkUpAllowed(event, email)) throw new RuleError(NO_LONGER_ON_LIST, "code");
      await tx.membership.create({ data: { eventId, userId: user.id, role: "attendee" } });
    }
    return user.id;
  });
  await markEmailProven(userId, now);
  return userId;
}

/** Checks a typed code against the newest live one; wrong guesses use it up. */
export async function verifyCode(email: string, code: string, eventSlug: string, now = new Date()) {
  const event = await getPublicEvent(eventSlug);
  const address = email.trim().toLowerCase();
  const live = await db.loginCode.findFirst({
    where: {
      email: address,
      eventId: event.id,
      purpose: "attendee",
      usedAt: null,
      expiresAt: { gt: now },
      attempts: { lt: MAX_WRONG_ATTEMPTS },
    },
    orderBy: { createdAt: "desc" },
  });
  if (!live) throw new RuleError(BAD_CODE_MESSAGE, "code");
  // Take an attempt before comparing, conditional on one being left: a burst of
  // simultaneous guesses all read "0 attempts" above, but only the first
  // MAX_WRONG_ATTEMPTS of them get compared. A right guess hands its attempt back.
  const { count } = await db.loginCode.updateMany({
    where: { id: live.id, usedAt: null, attempts: { lt: MAX_WRONG_ATTEMPTS } },
    data: { attempts: { increment: 1 } },
  });
  if (count !== 1 || !sameSecret(hashCode(address, code.trim()), live.codeHash))
    throw new RuleError(BAD_CODE_MESSAGE, "code");
  await db.loginCode.update({ where: { id: live.id }, data: { attempts: { decrement: 1 } } });
  return consume(live.id, event, address, now);
}

/** The mailed link's code row, if the link still works for this PD day. */
async function liveLink(token: string, eventSlug: string, now: Date) {
  const event = await getPublicEvent(eventSlug);
  const live = await db.loginCode.findUnique({ where: { tokenHash: hashToken(token) } });
  if (
    !live ||
    live.purpose !== "attendee" ||
    live.eventId !== event.id ||
    live.usedAt ||
    live.expiresAt <= now ||
    live.attempts >= MAX_WRONG_ATTEMPTS
  ) {
    throw new RuleError("This sign-in link has expired or was already used. Ask for a new code.");
  }
  return { live, event };
}

/**
 * Whom the mailed link would sign in, without using it. Opening a link (a GET)
 * never signs anyone in: the page asks first, so another site cannot sign a
 * visitor into someone else's account by sending them to a link.
 */
export async function describeLinkToken(token: string, eventSlug: string, now = new Date()) {
  const { live } = await liveLink(token, eventSlug, now);
  return { email: live.email };
}

/** The mailed link, confirmed with a POST: same rules as the code, without typing. */
export async function verifyLinkToken(token: string, eventSlug: string, now = new Date()) {
  const { live, event } = await liveLink(token, eventSlug, now);
  return consume(live.id, event, live.email, now);
}

async function consume(codeId: string, event: JoinableEvent, email: string, now: Date) {
  // Conditional update: two taps on the same link cannot both sign in.
  const { count } = await db.loginCode.updateMany({ where: { id: codeId, usedAt: null }, data: { usedAt: now } });
  if (count === 0) throw new RuleError(BAD_CODE_MESSAGE, "code");
  return ensureAttendee(event, email, now);
}
