import { describe, expect, test } from "vitest";
import { db } from "~/utils/db.server";
import { createUser } from "../../../../tests/factories";
import { verifyLogin } from "../accounts";
import { createSession } from "../sessions";
import { DistrictSignInRefused, type DistrictIdentity } from "./claims";
import { accountForDistrictIdentity } from "./link-account";

const PASSWORD = "correct horse battery";

function identity(overrides: Partial<DistrictIdentity> = {}): DistrictIdentity {
  return {
    providerId: "google",
    subject: "g-1098",
    email: "maria.hernandez@springfield.k12.us",
    name: "Maria Hernandez",
    ...overrides,
  };
}

describe("accountForDistrictIdentity", () => {
  test("a first sign-in with no Dropin account creates one without a password", async () => {
    const { userId } = await accountForDistrictIdentity(identity());

    const user = await db.user.findUniqueOrThrow({
      where: { id: userId },
      include: { password: true, externalIdentities: true },
    });
    expect(user).toMatchObject({
      email: "maria.hernandez@springfield.k12.us",
      name: "Maria Hernandez",
      password: null,
      isDistrictCoordinator: false,
    });
    expect(user.externalIdentities).toMatchObject([{ provider: "google", subject: "g-1098" }]);
  });

  test("later sign-ins match on the subject, even after the district renamed the address", async () => {
    const first = await accountForDistrictIdentity(identity());
    const later = await accountForDistrictIdentity(identity({ email: "maria.okafor@springfield.k12.us" }));

    expect(later.userId).toBe(first.userId);
    expect(await db.user.count()).toBe(1);
    expect((await db.externalIdentity.findFirstOrThrow()).email).toBe("maria.okafor@springfield.k12.us");
  });

  test("pre-account takeover: an account someone made with the owner's address loses its password and its sessions", async () => {
    // A stranger signed up as Maria and never proved the address (so cannot sign in),
    // but holds a password and, from before proven email, a session.
    const squatter = await createUser({
      email: "maria.hernandez@springfield.k12.us",
      password: PASSWORD,
      emailVerifiedAt: null,
    });
    await createSession(squatter.id);
    await db.passwordReset.create({
      data: { userId: squatter.id, tokenHash: "pending-reset", expiresAt: new Date(Date.now() + 60_000) },
    });

    const account = await accountForDistrictIdentity(identity());

    expect(account).toMatchObject({ userId: squatter.id, linked: true, passwordRemoved: true });
    expect(await verifyLogin("maria.hernandez@springfield.k12.us", PASSWORD)).toBeNull();
    expect(await db.session.count({ where: { userId: squatter.id } })).toBe(0);
    expect(await db.passwordReset.count({ where: { userId: squatter.id } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: squatter.id } })).emailVerifiedAt).not.toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "account.district_linked" } });
    expect(JSON.parse(audit.detail)).toEqual({ provider: "google", passwordRemoved: true });
  });

  test("a proven account keeps the password its owner set; the link adds a way in", async () => {
    const owner = await createUser({ email: "maria.hernandez@springfield.k12.us", password: PASSWORD });
    await createSession(owner.id);

    const account = await accountForDistrictIdentity(identity());

    expect(account).toMatchObject({ userId: owner.id, linked: true, passwordRemoved: false });
    expect(await verifyLogin("maria.hernandez@springfield.k12.us", PASSWORD)).toEqual({ id: owner.id, proven: true });
    expect(await db.session.count({ where: { userId: owner.id } })).toBe(1);
  });

  test("a district coordinator keeps the break-glass password and sessions when linked", async () => {
    const admin = await createUser({
      email: "maria.hernandez@springfield.k12.us",
      password: PASSWORD,
      districtCoordinator: true,
    });
    await createSession(admin.id);

    const account = await accountForDistrictIdentity(identity());

    expect(account).toMatchObject({ userId: admin.id, passwordRemoved: false });
    expect(await verifyLogin("maria.hernandez@springfield.k12.us", PASSWORD, { adminsOnly: true })).toEqual({
      id: admin.id,
      proven: true,
    });
    expect(await db.session.count({ where: { userId: admin.id } })).toBe(1);
  });

  test("a passwordless account (roster import, mailed code) is linked and its sessions kept", async () => {
    const rostered = await createUser({ email: "maria.hernandez@springfield.k12.us" });
    await createSession(rostered.id);

    expect(await accountForDistrictIdentity(identity())).toMatchObject({
      userId: rostered.id,
      linked: true,
      passwordRemoved: false,
    });
    expect(await db.session.count({ where: { userId: rostered.id } })).toBe(1);
  });

  test("a recycled address: a new person at the same provider does not inherit the linked account", async () => {
    const first = await accountForDistrictIdentity(identity());

    await expect(accountForDistrictIdentity(identity({ subject: "g-2001", name: "New Maria" }))).rejects.toBeInstanceOf(
      DistrictSignInRefused,
    );
    expect(await db.externalIdentity.count({ where: { userId: first.userId } })).toBe(1);
  });

  test("two first sign-ins at once end in one account and one link", async () => {
    const [a, b] = await Promise.all([accountForDistrictIdentity(identity()), accountForDistrictIdentity(identity())]);

    expect(a.userId).toBe(b.userId);
    expect(await db.user.count()).toBe(1);
    expect(await db.externalIdentity.count()).toBe(1);
  });
});
