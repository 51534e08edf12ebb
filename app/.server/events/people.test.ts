import { describe, expect, test } from "vitest";
import { InviteSchema } from "~/schemas/events";
import { db } from "~/utils/db.server";
import { addMember, createAttendee, createEvent, createUser } from "../../../tests/factories";
import { NotAllowedError, NotFoundError, RuleError } from "../errors";
import { inviteToEvent, findOpenInvitation } from "./invitations";
import { changeMemberRole, leaveEvent, removeMember, revokeInvitation } from "./people";

async function dayWithCoordinator() {
  const event = await createEvent();
  const coordinator = await createUser({ name: "Dana Whitfield" });
  const membership = await addMember(event.id, coordinator.id, "coordinator");
  return { event, coordinator, membership };
}

async function auditActions(eventId: string) {
  return (await db.auditLog.findMany({ where: { eventId }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
}

describe("revokeInvitation", () => {
  test("the link stops working and the revocation is audited", async () => {
    const { event, coordinator } = await dayWithCoordinator();
    const invitation = await inviteToEvent(
      coordinator.id,
      event.id,
      InviteSchema.parse({ email: "vol@school.org", role: "door" }),
    );
    const message = await db.outboxMessage.findFirstOrThrow({ where: { to: "vol@school.org" } });
    const token = message.text.match(/\/invite\/([A-Za-z0-9_-]+)/)![1]!;
    expect(await findOpenInvitation(token)).not.toBeNull();

    await revokeInvitation(coordinator.id, event.id, invitation.id);

    expect(await findOpenInvitation(token)).toBeNull();
    expect(await auditActions(event.id)).toEqual(["invitation.sent", "invitation.revoked"]);
    await expect(revokeInvitation(coordinator.id, event.id, invitation.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  test("an invitation accepted meanwhile is not revoked, and a door volunteer may not revoke", async () => {
    const { event, coordinator } = await dayWithCoordinator();
    const invitation = await inviteToEvent(
      coordinator.id,
      event.id,
      InviteSchema.parse({ email: "t@school.org", role: "presenter" }),
    );
    const volunteer = await createUser();
    await addMember(event.id, volunteer.id, "door");
    await expect(revokeInvitation(volunteer.id, event.id, invitation.id)).rejects.toBeInstanceOf(NotAllowedError);

    await db.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: new Date() } });
    await expect(revokeInvitation(coordinator.id, event.id, invitation.id)).rejects.toThrow(
      /accepted this invitation meanwhile/,
    );
  });
});

describe("changeMemberRole", () => {
  test("an attendee becomes a door volunteer: the badge stops working, the change is audited", async () => {
    const { event, coordinator } = await dayWithCoordinator();
    const { user: attendee } = await createAttendee(event.id);
    const membership = await db.membership.findFirstOrThrow({ where: { eventId: event.id, userId: attendee.id } });
    expect(membership.badgeToken).not.toBeNull();

    await changeMemberRole(coordinator.id, event.id, {
      intent: "change-role",
      membershipId: membership.id,
      fromRole: "attendee",
      role: "door",
    });

    const after = await db.membership.findUniqueOrThrow({ where: { id: membership.id } });
    expect(after).toMatchObject({ role: "door", badgeToken: null });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { eventId: event.id, action: "membership.role_changed" },
    });
    expect(JSON.parse(audit.detail)).toMatchObject({ from: "attendee", to: "door", userId: attendee.id });
  });

  test("a role changed since the coordinator looked is refused, not overwritten", async () => {
    const { event, coordinator } = await dayWithCoordinator();
    const person = await createUser();
    const membership = await addMember(event.id, person.id, "presenter");
    await changeMemberRole(coordinator.id, event.id, {
      intent: "change-role",
      membershipId: membership.id,
      fromRole: "presenter",
      role: "reviewer",
    });

    // A second coordinator's screen still says "presenter".
    await expect(
      changeMemberRole(coordinator.id, event.id, {
        intent: "change-role",
        membershipId: membership.id,
        fromRole: "presenter",
        role: "attendee",
      }),
    ).rejects.toThrow(/changed meanwhile/);
    expect((await db.membership.findUniqueOrThrow({ where: { id: membership.id } })).role).toBe("reviewer");
  });

  test("the last coordinator cannot be demoted; with a second one they can", async () => {
    const { event, coordinator, membership } = await dayWithCoordinator();
    const demote = () =>
      changeMemberRole(coordinator.id, event.id, {
        intent: "change-role",
        membershipId: membership.id,
        fromRole: "coordinator",
        role: "presenter",
      });
    await expect(demote()).rejects.toThrow(/at least one coordinator/);
    expect((await db.membership.findUniqueOrThrow({ where: { id: membership.id } })).role).toBe("coordinator");

    await addMember(event.id, (await createUser()).id, "coordinator");
    await demote();
    expect((await db.membership.findUniqueOrThrow({ where: { id: membership.id } })).role).toBe("presenter");
  });

  test("a role the person already holds is a field error", async () => {
    const { event, coordinator } = await dayWithCoordinator();
    const person = await createUser();
    await addMember(event.id, person.id, "attendee");
    const presenting = await addMember(event.id, person.id, "presenter");
    const attempt = changeMemberRole(coordinator.id, event.id, {
      intent: "change-role",
      membershipId: presenting.id,
      fromRole: "presenter",
      role: "attendee",
    });
    await expect(attempt).rejects.toBeInstanceOf(RuleError);
    await expect(attempt).rejects.toMatchObject({ field: "role" });
  });
});

describe("removeMember", () => {
  test("removes the role, keeps the person's check-in and picks, and writes an audit entry", async () => {
    const { event, coordinator } = await dayWithCoordinator();
    const { user: attendee } = await createAttendee(event.id);
    const membership = await db.membership.findFirstOrThrow({ where: { eventId: event.id, userId: attendee.id } });
    await db.doorCheckIn.create({ data: { eventId: event.id, userId: attendee.id } });

    await removeMember(coordinator.id, event.id, {
      intent: "remove-member",
      membershipId: membership.id,
      role: "attendee",
    });

    expect(await db.membership.count({ where: { eventId: event.id, userId: attendee.id } })).toBe(0);
    expect(await db.doorCheckIn.count({ where: { eventId: event.id, userId: attendee.id } })).toBe(1);
    const audit = await db.auditLog.findFirstOrThrow({ where: { eventId: event.id, action: "membership.removed" } });
    expect(JSON.parse(audit.detail)).toMatchObject({ role: "attendee", dataKept: true, userId: attendee.id });
  });

  test("the last coordinator cannot be removed, and a presenter cannot remove anyone", async () => {
    const { event, coordinator, membership } = await dayWithCoordinator();
    await expect(
      removeMember(coordinator.id, event.id, {
        intent: "remove-member",
        membershipId: membership.id,
        role: "coordinator",
      }),
    ).rejects.toThrow(/at least one coordinator/);
    const presenter = await createUser();
    await addMember(event.id, presenter.id, "presenter");
    await expect(
      removeMember(presenter.id, event.id, {
        intent: "remove-member",
        membershipId: membership.id,
        role: "coordinator",
      }),
    ).rejects.toBeInstanceOf(NotAllowedError);
    expect(await db.membership.count({ where: { eventId: event.id, role: "coordinator" } })).toBe(1);
  });

  test("a member of another PD day cannot be removed through this one", async () => {
    const { event, coordinator } = await dayWithCoordinator();
    const other = await createEvent();
    const stranger = await addMember(other.id, (await createUser()).id, "attendee");
    await expect(
      removeMember(coordinator.id, event.id, { intent: "remove-member", membershipId: stranger.id, role: "attendee" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.membership.count({ where: { id: stranger.id } })).toBe(1);
  });
});

describe("two coordinators removing each other at once", () => {
  test("one removal applies and the other is refused: the PD day keeps a coordinator", async () => {
    const { event, coordinator: a, membership: aRole } = await dayWithCoordinator();
    const b = await createUser();
    const bRole = await addMember(event.id, b.id, "coordinator");

    const results = await Promise.allSettled([
      removeMember(a.id, event.id, { intent: "remove-member", membershipId: bRole.id, role: "coordinator" }),
      removeMember(b.id, event.id, { intent: "remove-member", membershipId: aRole.id, role: "coordinator" }),
    ]);

    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db.membership.count({ where: { eventId: event.id, role: "coordinator" } })).toBe(1);
  });
});

describe("leaveEvent", () => {
  test("a person leaves every role they saw; their data is kept and the leaving is audited", async () => {
    const { event } = await dayWithCoordinator();
    const { user: person } = await createAttendee(event.id);
    await addMember(event.id, person.id, "presenter");
    await db.doorCheckIn.create({ data: { eventId: event.id, userId: person.id } });

    await leaveEvent(person.id, event.id, ["attendee", "presenter"]);

    expect(await db.membership.count({ where: { eventId: event.id, userId: person.id } })).toBe(0);
    expect(await db.doorCheckIn.count({ where: { userId: person.id } })).toBe(1);
    expect(await auditActions(event.id)).toContain("membership.left");
  });

  test("a role added since the person looked stops the leaving; the last coordinator cannot leave", async () => {
    const { event, coordinator } = await dayWithCoordinator();
    const { user: person } = await createAttendee(event.id);
    await addMember(event.id, person.id, "door");
    await expect(leaveEvent(person.id, event.id, ["attendee"])).rejects.toThrow(/changed meanwhile/);
    expect(await db.membership.count({ where: { eventId: event.id, userId: person.id } })).toBe(2);

    await expect(leaveEvent(coordinator.id, event.id, ["coordinator"])).rejects.toThrow(/at least one coordinator/);
  });
});
