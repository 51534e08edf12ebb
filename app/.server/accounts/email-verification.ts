// Proving a new account's address: a 6-digit code and a link, mailed when the
// account is created (or when it tries to sign in unproven). Until one is used the
// account cannot sign in. The code rows share LoginCode with attendee codes, told
// apart by `purpose`, so one kind can never be spent as the other.
import crypto from "node:crypto";
import { db } from "~/utils/db.server";
import { RuleError } from "../errors";
import { appLink, sendMail } from "../outbox/outbox";
import { markEmailProven } from "./proven-email";
import { hashToken, newLinkToken, sameSecret, signedToken } from "./tokens";

const PURPOSE = "verify_email";
export const VERIFY_LIFETIME_MS = 60 * 60 * 1000;
const MAX_PER_HOUR = 5;
const MAX_WRONG_ATTEMPTS = 5;
export const BAD_VERIFY_CODE = "That code does not work. Check the latest email, or send a new code.";

function hashCode(email: string, code: string) {
  return signedToken(PURPOSE, email, code);
}

/**
 * Mail a code and link to the account's address. `eventId`: the PD day the
 * sign-up was for, joined once the address is proven (its domain rule was
 * checked at sign-up). Quietly does nothing past the hourly limit.
 */
export async function sendEmailVerification(
  userId: string,
  { eventId, now = new Date() }: { eventId?: string | null; now?: Date } = {},
) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, name: true, emailVerifiedAt: true },
  });
  if (user.emailVerifiedAt) return;
  const recent = await db.loginCode.count({
    where: { email: user.email, purpose: PURPOSE, createdAt: { gt: new Date(now.getTime() - VERIFY_LIFETIME_MS) } },
  });
  if (recent >= MAX_PER_HOUR) return;
  const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, "0");
  const { token, tokenHash } = newLinkToken();
  await db.loginCode.create({
    data: {
      email: user.email,
      purpose: PURPOSE,
      eventId: eventId ?? null,
      codeHash: hashCode(user.email, code),
      tokenHash,
      createdAt: now,
      expiresAt: new Date(now.getTime() + VERIFY_LIFETIME_MS),
    },
  });
  const link = appLink(`/verify-email?token=${token}`);
  await sendMail({
    eventId: eventId ?? null,
    to: user.email,
    secrets: [code, link],
    subject: `Your Dropin confirmation code: ${code}`,
    text: [
      `Hello ${user.name},`,
      "",
      `To finish creating your Dropin account, enter this code: ${code}`,
      `Or open this link: ${link}`,
      "",
      "The code and the link work for one hour. If you did not create an account, ignore this email: nothing happens without it.",
    ].join("\n"),
  });
}

/** The pending verification a mailed link points at, without using it. */
export async function describeVerifyLink(token: string, now = new Date()) {
  const row = await db.loginCode.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.purpose !== PURPOSE || row.usedAt || row.expiresAt <= now || row.attempts >= MAX_WRONG_ATTEMPTS) {
    throw new RuleError("This confirmation link has expired or was already used. Sign in to get a new one.");
  }
  return row;
}

/**
 * `fromSignupBrowser`: the account id the confirming browser signed up as (a
 * signed cookie, utils/signup-browser.server.ts), or null. The password chosen at
 * sign-up stays only when the confirmation comes from that browser. Otherwise the
 * mailbox's owner may be confirming an account a stranger made with their address:
 * the stranger's password and sessions go, and the owner sets their own password
 * with a reset link (`passwordRemoved` tells the page to say so).
 */
type Proof = { now?: Date; fromSignupBrowser?: string | null };

export async function verifyEmailByLink(token: string, { now = new Date(), fromSignupBrowser = null }: Proof = {}) {
  const row = await describeVerifyLink(token, now);
  return consume(row.id, row.email, row.eventId, now, fromSignupBrowser);
}

export async function verifyEmailByCode(
  email: string,
  code: string,
  { now = new Date(), fromSignupBrowser = null }: Proof = {},
) {
  const address = email.trim().toLowerCase();
  const live = await db.loginCode.findFirst({
    where: {
      email: address,
      purpose: PURPOSE,
      usedAt: null,
      expiresAt: { gt: now },
      attempts: { lt: MAX_WRONG_ATTEMPTS },
    },
    orderBy: { createdAt: "desc" },
  });
  if (!live) throw new RuleError(BAD_VERIFY_CODE, "code");
  // Take an attempt before comparing, conditional on one being left: guesses sent all
  // at once each read "0 attempts" above, but only MAX_WRONG_ATTEMPTS of them get
  // compared. A right guess hands its attempt back.
  const { count } = await db.loginCode.updateMany({
    where: { id: live.id, usedAt: null, attempts: { lt: MAX_WRONG_ATTEMPTS } },
    data: { attempts: { increment: 1 } },
  });
  if (count !== 1 || !sameSecret(hashCode(address, code.trim()), live.codeHash))
    throw new RuleError(BAD_VERIFY_CODE, "code");
  await db.loginCode.update({ where: { id: live.id }, data: { attempts: { decrement: 1 } } });
  return consume(live.id, address, live.eventId, now, fromSignupBrowser);
}

async function consume(
  codeId: string,
  email: string,
  eventId: string | null,
  now: Date,
  fromSignupBrowser: string | null,
) {
  const { count } = await db.loginCode.updateMany({ where: { id: codeId, usedAt: null }, data: { usedAt: now } });
  if (count === 0) throw new RuleError(BAD_VERIFY_CODE, "code");
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, password: { select: { userId: true } } },
  });
  if (!user) throw new RuleError(BAD_VERIFY_CODE, "code");
  const keepPassword = fromSignupBrowser === user.id;
  await markEmailProven(user.id, now, { keepPassword });
  const passwordRemoved = !keepPassword && user.password !== null;
  let event: { slug: string } | null = null;
  if (eventId) {
    event = await db.event.findUnique({ where: { id: eventId }, select: { slug: true } });
    await db.membership.upsert({
      where: { eventId_userId_role: { eventId, userId: user.id, role: "attendee" } },
      create: { eventId, userId: user.id, role: "attendee" },
      update: {},
    });
  }
  return { userId: user.id, eventSlug: event?.slug ?? null, passwordRemoved };
}
