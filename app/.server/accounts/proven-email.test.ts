// Issue 13, findings 1 and 2: an address counts only once its owner proved it,
// and a PD day's attendee code never opens an account the day cannot grant.
import { beforeAll, describe, expect, test } from "vitest";
import { addMember, createEvent, createUser } from "tests/factories";
import { db } from "~/utils/db.server";
import { requestCode, verifyCode } from "../attendees/sign-in";
import { importRoster, warmImportThread } from "../checkin/roster-import";
import { RuleError } from "../errors";
import { inviteToEvent } from "../events/invitations";
import { hashPassword, signUp, verifyLogin } from "./accounts";

// The import runs on its own thread, whose first start loads its modules: not part of any one test.
beforeAll(() => warmImportThread(), 60_000);

const PASSWORD = "correct horse battery";

async function dayWithCoordinator(overrides: { allowedEmailDomain?: string } = {}) {
  const event = await createEvent({ status: "published", ...overrides });
  const coordinator = await createUser();
  await addMember(event.id, coordinator.id, "coordinator");
  return { event, coordinator };
}

async function lastMail(to: string) {
  return db.outboxMessage.findFirst({ where: { to }, orderBy: { createdAt: "desc" } });
}

describe("a PD day's attendee code opens no more than the day grants", () => {
  test("a district coordinator put on a day's roster gets no code; a guessed code signs nobody in", async () => {
    const { event, coordinator } = await dayWithCoordinator();
    const district = await createUser({ districtCoordinator: true, email: "head@springfield.k12.us" });
    await importRoster(coordinator.id, event.id, "name,email\nHead,head@springfield.k12.us", {
      name: "name",
      email: "email",
      school: "",
      staffId: "",
    });

    await requestCode(district.email, event.slug);

    expect(await db.loginCode.count({ where: { email: district.email } })).toBe(0);
    const mail = await lastMail(district.email);
    expect(mail?.subject).toMatch(/with your password/);
    expect(mail?.text).not.toMatch(/\b\d{6}\b|\/join\//);
    await expect(verifyCode(district.email, "123456", event.slug)).rejects.toBeInstanceOf(RuleError);
  });

  test("the day's email-domain rule does not reach an account with a proven password", async () => {
    const { event } = await dayWithCoordinator({ allowedEmailDomain: "springfield.k12.us" });
    const teacher = await createUser({ password: PASSWORD });

    await requestCode(teacher.email, event.slug);

    expect(await db.loginCode.count({ where: { email: teacher.email } })).toBe(0);
  });

  test("nor does it reach someone who coordinates another PD day", async () => {
    const { event } = await dayWithCoordinator({ allowedEmailDomain: "springfield.k12.us" });
    const other = await createEvent();
    const coordinatorOfA = await createUser();
    await addMember(other.id, coordinatorOfA.id, "coordinator");

    await requestCode(coordinatorOfA.email, event.slug);

    expect(await db.loginCode.count({ where: { email: coordinatorOfA.email } })).toBe(0);
  });
});

describe("an address typed at sign-up proves nothing", () => {
  test("a stranger who signs up with a roster address first cannot sign in, and loses the account to its owner", async () => {
    const { event, coordinator } = await dayWithCoordinator();
    // The stranger signs up before the roster import, with the teacher's address.
    const stranger = await signUp({ name: "Not Maria", email: "maria.lopez@springfield.k12.us", password: PASSWORD });
    await importRoster(coordinator.id, event.id, "name,email\nMaria Lopez,maria.lopez@springfield.k12.us", {
      name: "name",
      email: "email",
      school: "",
      staffId: "",
    });
    expect(await verifyLogin(stranger.email, PASSWORD)).toEqual({ id: stranger.id, proven: false });

    // Maria herself asks for a code: it reaches her, and using it proves the address.
    await requestCode(stranger.email, event.slug);
    const code = (await lastMail(stranger.email))!.subject.match(/\d{6}/)![0];
    const userId = await verifyCode(stranger.email, code, event.slug);

    expect(userId).toBe(stranger.id);
    const account = await db.user.findUniqueOrThrow({ where: { id: userId }, include: { password: true } });
    expect(account.emailVerifiedAt).not.toBeNull();
    // The stranger's password went with the proof.
    expect(account.password).toBeNull();
    expect(await verifyLogin(stranger.email, PASSWORD)).toBeNull();
  });

  test("an unproven account outside the domain rule does not join the PD day", async () => {
    const event = await createEvent({ status: "published", allowedEmailDomain: "springfield.k12.us" });
    const user = await signUp({
      name: "Pat",
      email: "pat@springfield.k12.us",
      password: PASSWORD,
      eventSlug: event.slug,
    });
    expect(await db.membership.count({ where: { userId: user.id, eventId: event.id } })).toBe(0);
  });

  test("an unproven password is not a reason to refuse the owner a code", async () => {
    const { event } = await dayWithCoordinator({ allowedEmailDomain: "springfield.k12.us" });
    await db.user.create({
      data: {
        email: "sam@springfield.k12.us",
        name: "Sam",
        password: { create: { hash: await hashPassword(PASSWORD) } },
      },
    });

    await requestCode("sam@springfield.k12.us", event.slug);

    expect(await db.loginCode.count({ where: { email: "sam@springfield.k12.us" } })).toBe(1);
  });
});

describe("an invitation link proves the address by itself", () => {
  test("signing up from the link mailed to this address needs no code; from someone else's it does", async () => {
    const { event, coordinator } = await dayWithCoordinator();
    await inviteToEvent(coordinator.id, event.id, {
      email: "rosa.diaz@springfield.k12.us",
      name: "Rosa",
      role: "presenter",
    });
    const mail = await lastMail("rosa.diaz@springfield.k12.us");
    const fromPath = new URL(mail!.text.match(/https?:\/\/\S+\/invite\/\S+/)![0]).pathname;

    const other = await signUp({
      name: "Not Rosa",
      email: "not.rosa@springfield.k12.us",
      password: PASSWORD,
      fromPath,
    });
    const rosa = await signUp({
      name: "Rosa Diaz",
      email: "rosa.diaz@springfield.k12.us",
      password: PASSWORD,
      fromPath,
    });

    expect(other.proven).toBe(false);
    expect(rosa.proven).toBe(true);
    expect(await verifyLogin(rosa.email, PASSWORD)).toEqual({ id: rosa.id, proven: true });
  });
});
