// Accounts: sign-up, sign-in, first-run coordinator, password reset.
import { Prisma } from "@prisma/client";
import bcrypt from "bcryptjs";
import type { SignupInput } from "~/schemas/accounts";
import { db } from "~/utils/db.server";
import { recordAudit } from "../audit/audit";
import { RuleError } from "../errors";
import { appLink, sendMail } from "../outbox/outbox";
import { findOpenInvitation } from "../events/invitations";
import { findCoPresenterInvite } from "../proposals/co-presenters";
import { sendEmailVerification } from "./email-verification";
import { markEmailProven } from "./proven-email";
import { hashToken, newLinkToken } from "./tokens";

// Cost 10 (about 80 ms a hash) everywhere but the unit tests, which hash a few hundred
// passwords (sign-ups, seeded demo logins) and test the rules, not the work factor;
// NODE_ENV is "test" only there (tests/setup/setup-test-env.ts), never in `npm start`.
const BCRYPT_COST = process.env.NODE_ENV === "test" ? 4 : 10;
const RESET_MINUTES = 60;

// Compared against when the email is unknown, so a wrong email takes as long as a
// wrong password and sign-in timing does not reveal who has an account.
const DUMMY_HASH = bcrypt.hashSync("not-a-real-password", BCRYPT_COST);

export function hashPassword(password: string) {
  return bcrypt.hash(password, BCRYPT_COST);
}

type NewAccount = Pick<SignupInput, "name" | "email" | "password">;

async function createAccount(
  input: NewAccount,
  { districtCoordinator = false, proven = false }: { districtCoordinator?: boolean; proven?: boolean } = {},
) {
  const taken = new RuleError("An account with this email already exists. Sign in instead.", "email");
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw taken;
  const hash = await hashPassword(input.password);
  try {
    return await db.user.create({
      data: {
        email: input.email,
        name: input.name,
        isDistrictCoordinator: districtCoordinator,
        emailVerifiedAt: proven ? new Date() : null,
        password: { create: { hash } },
      },
      select: { id: true, email: true, name: true },
    });
  } catch (error) {
    // Two sign-ups with one address at the same moment: the unique index decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw taken;
    throw error;
  }
}

export async function hasAnyAccount() {
  return (await db.user.count()) > 0;
}

/**
 * First run: the first account on an empty install becomes the district coordinator.
 * Refused once any account exists, so the page cannot be used to grant the role later.
 */
export async function createFirstCoordinator(input: NewAccount) {
  if (await hasAnyAccount()) throw new RuleError("Dropin is already set up. Sign in instead.");
  // Whoever installs Dropin vouches for their own address (there may be no mail server yet).
  const user = await createAccount(input, { districtCoordinator: true, proven: true });
  await recordAudit(db, { actorId: user.id, action: "account.first_coordinator", entity: "User", entityId: user.id });
  return user;
}

/** Used by `npm run create-coordinator`: make (or promote) a district coordinator. */
export async function createOrPromoteCoordinator(input: NewAccount) {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) {
    // Whoever runs the command on the server vouches for the address.
    await db.user.update({
      where: { id: existing.id },
      data: { isDistrictCoordinator: true, emailVerifiedAt: (await provenAt(existing.id)) ?? new Date() },
    });
    return { id: existing.id, created: false };
  }
  const user = await createAccount(input, { districtCoordinator: true, proven: true });
  return { id: user.id, created: true };
}

async function provenAt(userId: string) {
  return (
    (await db.user.findUnique({ where: { id: userId }, select: { emailVerifiedAt: true } }))?.emailVerifiedAt ?? null
  );
}

/**
 * The address an open invitation (event or co-presenter) in `path` was mailed
 * to: someone signing up from that link has proven it by holding the link.
 */
async function addressOfInvitationLink(path: string | undefined) {
  const invite = path?.match(/^\/invite\/([\w-]+)$/)?.[1];
  if (invite) return (await findOpenInvitation(invite))?.email ?? null;
  const coPresent = path?.match(/^\/co-present\/([\w-]+)$/)?.[1];
  if (!coPresent) return null;
  const found = await findCoPresenterInvite(coPresent);
  return found && !found.confirmedAt && found.expiresAt > new Date() ? found.email : null;
}

/**
 * Self sign-up. The account cannot sign in until its address is proven: a code
 * and a link go to it now (email-verification.ts), unless the sign-up comes
 * from an open invitation link mailed to this very address (`fromPath`, the page
 * it returns to), which proves it already. When it is for a PD day that
 * restricts sign-ups to a district email domain, the address must belong to it;
 * the account joins that day once the address is proven.
 */
export async function signUp(input: NewAccount & { eventSlug?: string; fromPath?: string }) {
  let eventId: string | undefined;
  if (input.eventSlug) {
    const event = await db.event.findUnique({ where: { slug: input.eventSlug } });
    if (!event || event.status === "draft" || event.status === "archived") {
      throw new RuleError("That PD day is not taking sign-ups. Check the link with your coordinator.");
    }
    if (event.allowedEmailDomain && !input.email.endsWith(`@${event.allowedEmailDomain}`)) {
      throw new RuleError(`${event.name} is open to ${event.allowedEmailDomain} addresses only.`, "email");
    }
    eventId = event.id;
  }
  const proven = (await addressOfInvitationLink(input.fromPath)) === input.email;
  const user = await createAccount(input, { proven });
  if (!proven) await sendEmailVerification(user.id, { eventId });
  else if (eventId) await db.membership.create({ data: { eventId, userId: user.id, role: "attendee" } });
  return { ...user, proven };
}

/**
 * The user if email and password match, otherwise null (never says which was
 * wrong). `proven: false` means the address was never proven: no sign-in yet.
 * With `adminsOnly` (PASSWORD_SIGNIN=admins-only) only a district coordinator, the
 * install's break-glass administrator, may use a password; the hash is compared
 * either way so the answer takes as long.
 */
export async function verifyLogin(
  email: string,
  password: string,
  { adminsOnly = false }: { adminsOnly?: boolean } = {},
) {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, isDistrictCoordinator: true, emailVerifiedAt: true, password: { select: { hash: true } } },
  });
  const matches = await bcrypt.compare(password, user?.password?.hash ?? DUMMY_HASH);
  const allowed = !adminsOnly || user?.isDistrictCoordinator;
  return user?.password && matches && allowed ? { id: user.id, proven: user.emailVerifiedAt !== null } : null;
}

/**
 * Mail a reset link to any account with this address (one that never had a
 * password sets its first; using the link proves the address). The caller shows
 * the same message either way, so the form cannot be used to find out who has an
 * account.
 */
export async function requestPasswordReset(email: string, { adminsOnly = false }: { adminsOnly?: boolean } = {}) {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true, name: true, isDistrictCoordinator: true },
  });
  if (!user || (adminsOnly && !user.isDistrictCoordinator)) return;
  const { token, tokenHash } = newLinkToken();
  await db.passwordReset.create({
    data: { userId: user.id, tokenHash, expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000) },
  });
  const link = appLink(`/reset-password?token=${token}`);
  await sendMail({
    to: user.email,
    secrets: [link],
    subject: "Reset your Dropin password",
    text: [
      `Hello ${user.name},`,
      "",
      "Someone (hopefully you) asked to reset your Dropin password. Choose a new one here:",
      link,
      "",
      `The link works once, for ${RESET_MINUTES} minutes. If you did not ask, ignore this message.`,
    ].join("\n"),
  });
}

export async function findUsableReset(token: string) {
  const reset = await db.passwordReset.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!reset || reset.usedAt || reset.expiresAt.getTime() < Date.now()) return null;
  return reset;
}

/**
 * Set a new password from a reset link; signs the user out everywhere else and
 * voids every other reset link of theirs (an older mail must not undo this one).
 * The link came by mail, so it also proves the address.
 */
export async function resetPassword(token: string, password: string) {
  const reset = await findUsableReset(token);
  if (!reset) throw new RuleError("This reset link has expired or was already used. Ask for a new one.");
  const hash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    // Claim the link first: a second use of the same token finds usedAt set and fails.
    const claimed = await tx.passwordReset.updateMany({
      where: { id: reset.id, usedAt: null },
      data: { usedAt: new Date() },
    });
    if (claimed.count !== 1) throw new RuleError("This reset link was already used. Ask for a new one.");
    await tx.passwordReset.updateMany({ where: { userId: reset.userId, usedAt: null }, data: { usedAt: new Date() } });
    await markEmailProven(reset.userId, new Date(), { keepPassword: true, tx });
    await tx.password.upsert({
      where: { userId: reset.userId },
      create: { userId: reset.userId, hash },
      update: { hash },
    });
    await tx.session.deleteMany({ where: { userId: reset.userId } });
    await recordAudit(tx, {
      actorId: reset.userId,
      action: "account.password_reset",
      entity: "User",
      entityId: reset.userId,
    });
  });
  return { userId: reset.userId };
}
