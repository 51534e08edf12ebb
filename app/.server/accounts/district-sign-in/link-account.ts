// The Dropin account behind a verified district identity: the one already linked
// to it, else the account with the same email (linked now), else a new one.
import { db, type Tx } from "~/utils/db.server";
import { recordAudit } from "../../audit/audit";
import { DistrictSignInRefused, type DistrictIdentity } from "./claims";

/**
 * Link `identity` to an existing account with its address. The provider has just
 * proved the person owns the mailbox; the account may not have been made by them.
 * An account whose address was never proven may be a stranger's, registered
 * first with a password of their own while waiting for the real owner to fill it
 * (pre-account takeover). So such an account loses its password, any reset link,
 * and every session: from now on only the district account opens it. A proven
 * account's password was set by the mailbox's owner and stays. District
 * coordinators keep theirs too: they are the break-glass administrators, made by
 * whoever installed Dropin (first run or `npm run create-coordinator`).
 */
async function linkExistingAccount(
  tx: Tx,
  user: { id: string; isDistrictCoordinator: boolean; hasPassword: boolean; proven: boolean },
  identity: DistrictIdentity,
) {
  // The account already belongs to another person at this provider: the district
  // gave their old address to someone new, who must not inherit the account.
  const other = await tx.externalIdentity.findFirst({
    where: { userId: user.id, provider: identity.providerId },
    select: { id: true },
  });
  if (other) {
    throw new DistrictSignInRefused(
      `The Dropin account for ${identity.email} is linked to a different district account. Ask a district coordinator to sort it out.`,
    );
  }
  await tx.externalIdentity.create({
    data: { provider: identity.providerId, subject: identity.subject, email: identity.email, userId: user.id },
  });
  const dropPassword = user.hasPassword && !user.isDistrictCoordinator && !user.proven;
  // The provider has verified the address: the account is proven from now on.
  if (!user.proven) await tx.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });
  if (dropPassword) {
    await tx.password.deleteMany({ where: { userId: user.id } });
    await tx.passwordReset.deleteMany({ where: { userId: user.id } });
    await tx.session.deleteMany({ where: { userId: user.id } });
  }
  await recordAudit(tx, {
    actorId: user.id,
    action: "account.district_linked",
    entity: "User",
    entityId: user.id,
    detail: { provider: identity.providerId, passwordRemoved: dropPassword },
  });
  return { userId: user.id, linked: true, passwordRemoved: dropPassword };
}

async function createAccount(tx: Tx, identity: DistrictIdentity) {
  // An OIDC account has no Password row: nothing to guess, reset or phish.
  const user = await tx.user.create({
    data: {
      email: identity.email,
      name: identity.name,
      // The provider verified the address (claims.ts refuses unverified ones).
      emailVerifiedAt: new Date(),
      externalIdentities: {
        create: { provider: identity.providerId, subject: identity.subject, email: identity.email },
      },
    },
    select: { id: true },
  });
  await recordAudit(tx, {
    actorId: user.id,
    action: "account.district_created",
    entity: "User",
    entityId: user.id,
    detail: { provider: identity.providerId },
  });
  return { userId: user.id, linked: false, passwordRemoved: false };
}

async function findOrLink(tx: Tx, identity: DistrictIdentity) {
  // Later sign-ins match on the subject only: the address may have changed at the
  // district, and a new person may have been given an old address.
  const known = await tx.externalIdentity.findUnique({
    where: { provider_subject: { provider: identity.providerId, subject: identity.subject } },
    select: { id: true, userId: true },
  });
  if (known) {
    await tx.externalIdentity.update({
      where: { id: known.id },
      data: { email: identity.email, lastUsedAt: new Date() },
    });
    return { userId: known.userId, linked: false, passwordRemoved: false };
  }
  const user = await tx.user.findUnique({
    where: { email: identity.email },
    select: { id: true, isDistrictCoordinator: true, emailVerifiedAt: true, password: { select: { userId: true } } },
  });
  if (user) {
    const facts = {
      id: user.id,
      isDistrictCoordinator: user.isDistrictCoordinator,
      hasPassword: Boolean(user.password),
      proven: user.emailVerifiedAt !== null,
    };
    return linkExistingAccount(tx, facts, identity);
  }
  return createAccount(tx, identity);
}

/**
 * The account to sign in as. Look-up and link happen in one transaction, which
 * SQLite runs one at a time, so two first sign-ins at once make one account; were
 * one to slip past, the unique indexes (email, provider+subject) would refuse it.
 */
export function accountForDistrictIdentity(identity: DistrictIdentity) {
  return db.$transaction((tx) => findOrLink(tx, identity));
}
