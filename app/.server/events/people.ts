// Managing who belongs to a PD day: revoking invitations, changing a member's
// role, removing a member, and a person leaving on their own. Removing someone
// takes away their role only: their picks, check-ins, room visits and credit on
// the PD day are kept (they are the district's attendance record, and inviting
// the person again brings everything back). Every change writes an audit entry.
import type { Role } from "~/schemas/events";
import { ROLE_LABELS } from "~/schemas/events";
import type { ChangeRoleInput, RemoveMemberInput } from "~/schemas/people";
import type { Tx } from "~/utils/db.server";
import { db } from "~/utils/db.server";
import { statement } from "~/utils/sqlite.server";
import { recordAudit } from "../audit/audit";
import { NotFoundError, RuleError } from "../errors";
import { newBadgeToken } from "../checkin/roster";
import { assertEventCoordinator, loadActor } from "./permissions";

/** What the people page and the leave form say happens to a removed member's data. */
export const REMOVAL_KEEPS_DATA =
  "Their picks, check-ins and PD credit on this PD day are kept; inviting them again brings them back.";

/** The same, said to the person who leaves. */
export const LEAVING_KEEPS_DATA =
  "Your picks, check-ins and PD credit on it are kept; if you are invited again, they come back.";

const LAST_COORDINATOR = "A PD day needs at least one coordinator: make someone else coordinator first.";

/**
 * Runs after the write, inside the same transaction: Prisma's SQLite transactions
 * begin IMMEDIATE, so two coordinators removing each other at once are serialized
 * and the second finds no coordinator left and is rolled back.
 */
async function assertCoordinatorRemains(tx: Tx, eventId: string) {
  const left = await tx.membership.count({ where: { eventId, role: "coordinator" } });
  if (left === 0) throw new RuleError(LAST_COORDINATOR);
}

function isUniqueViolation(error: unknown) {
  return (error as { code?: unknown } | null)?.code === "P2002";
}

/** A pending invitation stops working; one accepted meanwhile is not undone here. */
export async function revokeInvitation(actorId: string, eventId: string, invitationId: string) {
  await assertEventCoordinator(actorId, eventId);
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({ where: { id: invitationId, eventId } });
    if (!invitation) throw new NotFoundError("That invitation is gone: it may have been revoked already.");
    const removed = await tx.invitation.deleteMany({ where: { id: invitationId, eventId, acceptedAt: null } });
    if (removed.count !== 1)
      throw new RuleError(`${invitation.email} accepted this invitation meanwhile: change or remove their role below.`);
    await recordAudit(tx, {
      eventId,
      actorId,
      action: "invitation.revoked",
      entity: "Invitation",
      entityId: invitationId,
      detail: { email: invitation.email, role: invitation.role },
    });
    return invitation;
  });
}

async function findMember(tx: Tx, eventId: string, membershipId: string) {
  const membership = await tx.membership.findFirst({
    where: { id: membershipId, eventId },
    include: { user: { select: { id: true, name: true, email: true } } },
  });
  if (!membership) throw new NotFoundError("That person is no longer a member of this PD day.");
  return membership;
}

type Change = {
  eventId: string;
  actorId: string;
  membership: Awaited<ReturnType<typeof findMember>>;
  /** Rows the conditional write touched: 0 when the role changed since it was read. */
  written: number;
  roleLost: string;
};

/** The write hit the role that was read, the PD day still has a coordinator, and the change is on record. */
async function confirmChange(
  tx: Tx,
  { eventId, actorId, membership, written, roleLost }: Change,
  action: string,
  detail: Record<string, unknown>,
) {
  if (written !== 1) throw new RuleError(`${membership.user.name}'s role changed meanwhile: look again and retry.`);
  if (roleLost === "coordinator") await assertCoordinatorRemains(tx, eventId);
  await recordAudit(tx, {
    eventId,
    actorId,
    action,
    entity: "Membership",
    entityId: membership.id,
    detail: { userId: membership.userId, email: membership.user.email, ...detail },
  });
}

/** One role becomes another. `fromRole` is what the coordinator saw; a role changed meanwhile is refused. */
export async function changeMemberRole(actorId: string, eventId: string, input: ChangeRoleInput) {
  await assertEventCoordinator(actorId, eventId);
  if (input.fromRole === input.role)
    throw new RuleError(`They are already ${ROLE_LABELS[input.role].toLowerCase()}.`, "role");
  try {
    return await db.$transaction(async (tx) => {
      const membership = await findMember(tx, eventId, input.membershipId);
      // A badge belongs to the attendee role: it stops checking in when the role goes.
      const changed = await tx.membership.updateMany({
        where: { id: membership.id, role: input.fromRole },
        data: { role: input.role, badgeToken: input.role === "attendee" ? newBadgeToken() : null },
      });
      await confirmChange(
        tx,
        { eventId, actorId, membership, written: changed.count, roleLost: input.fromRole },
        "membership.role_changed",
        {
          from: input.fromRole,
          to: input.role,
        },
      );
      return { name: membership.user.name, role: input.role };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new RuleError(`They are already ${ROLE_LABELS[input.role].toLowerCase()} of this PD day.`, "role");
    throw error;
  }
}

/** Takes one role away. The person's data on the PD day is kept (REMOVAL_KEEPS_DATA). */
export async function removeMember(actorId: string, eventId: string, input: RemoveMemberInput) {
  await assertEventCoordinator(actorId, eventId);
  return db.$transaction(async (tx) => {
    const membership = await findMember(tx, eventId, input.membershipId);
    const removed = await tx.membership.deleteMany({ where: { id: membership.id, role: input.role } });
    await confirmChange(
      tx,
      { eventId, actorId, membership, written: removed.count, roleLost: input.role },
      "membership.removed",
      {
        role: input.role,
        dataKept: true,
      },
    );
    return { name: membership.user.name, role: input.role };
  });
}

/** The roles a person holds in a PD day, for their own "leave" form. */
export async function myRoles(userId: string, eventId: string) {
  // Read on every open of My day (its leave form): a prepared statement, not a Prisma query.
  const rows = statement("SELECT role FROM Membership WHERE userId = ? AND eventId = ? ORDER BY role ASC").all(
    userId,
    eventId,
  ) as Array<{ role: string }>;
  return rows.map((row) => row.role as Role);
}

/**
 * A person leaves a PD day: every role they saw on the page goes. If a role was
 * added since they looked, nothing changes (they are asked to look again).
 */
export async function leaveEvent(userId: string, eventId: string, rolesSeen: Role[]) {
  await loadActor(userId);
  return db.$transaction(async (tx) => {
    const held = (await tx.membership.findMany({ where: { userId, eventId }, select: { role: true } })).map(
      (m) => m.role,
    );
    if (held.length === 0) throw new NotFoundError("You are not part of this PD day.");
    const same = held.length === rolesSeen.length && held.every((role) => rolesSeen.includes(role as Role));
    if (!same) throw new RuleError("Your roles on this PD day changed meanwhile: look again before leaving.");
    const removed = await tx.membership.deleteMany({ where: { userId, eventId, role: { in: rolesSeen } } });
    if (removed.count !== held.length)
      throw new RuleError("Your roles on this PD day changed meanwhile: look again before leaving.");
    if (held.includes("coordinator")) await assertCoordinatorRemains(tx, eventId);
    await recordAudit(tx, {
      eventId,
      actorId: userId,
      action: "membership.left",
      entity: "User",
      entityId: userId,
      detail: { roles: held, dataKept: true },
    });
    return { roles: held };
  });
}
