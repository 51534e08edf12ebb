// Inviting people to a PD day by email link, and accepting.
import type { InviteInput, Role } from "~/schemas/events";
import { ROLE_LABELS } from "~/schemas/events";
import { db } from "~/utils/db.server";
import { recordAudit } from "../audit/audit";
import { markEmailProven } from "../accounts/proven-email";
import { hashToken, newLinkToken } from "../accounts/tokens";
import { NotAllowedError, NotFoundError, RuleError } from "../errors";
import { appLink, sendMail } from "../outbox/outbox";
import { byDayName, dayPeople } from "../people/day-person";
import { assertEventCoordinator } from "./permissions";

const INVITE_DAYS = 14;

/**
 * `about` adds what the invitation is for to the one mail the invitee gets (a vendor's
 * donation log), so a caller never sends a second mail beside the invitation.
 */
export async function inviteToEvent(
  actorId: string,
  eventId: string,
  input: InviteInput,
  about: { subject?: string; lines: string[] } = { lines: [] },
) {
  const actor = await assertEventCoordinator(actorId, eventId);
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId } });
  const alreadyMember = await db.membership.findFirst({
    where: { eventId, role: input.role, user: { email: input.email } },
    select: { id: true },
  });
  if (alreadyMember) {
    throw new RuleError(
      `${input.email} is already a ${ROLE_LABELS[input.role].toLowerCase()} of this PD day.`,
      "email",
    );
  }
  const { token, tokenHash } = newLinkToken();
  const invitation = await db.$transaction(async (tx) => {
    const created = await tx.invitation.create({
      data: {
        eventId,
        email: input.email,
        role: input.role,
        tokenHash,
        invitedById: actorId,
        expiresAt: new Date(Date.now() + INVITE_DAYS * 24 * 60 * 60 * 1000),
      },
    });
    await recordAudit(tx, {
      eventId,
      actorId,
      action: "invitation.sent",
      entity: "Invitation",
      entityId: created.id,
      detail: { email: input.email, role: input.role },
    });
    return created;
  });
  const link = appLink(`/invite/${token}`);
  await sendMail({
    eventId,
    to: input.email,
    secrets: [link],
    subject: about.subject ?? `You're invited to ${event.name} as ${ROLE_LABELS[input.role].toLowerCase()}`,
    text: [
      `Hello${input.name ? ` ${input.name}` : ""},`,
      "",
      `${actor.name} invited you to join ${event.name} (${event.date}) on Dropin as ${ROLE_LABELS[input.role].toLowerCase()}.`,
      ...about.lines,
      "Accept the invitation here (no account yet? the page lets you create one with this address):",
      link,
      "",
      `The link works for ${INVITE_DAYS} days.`,
    ].join("\n"),
  });
  return invitation;
}

/** What the invite page shows; null when the link is unknown, used or expired. */
export async function findOpenInvitation(token: string) {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { event: { select: { id: true, name: true, slug: true, date: true } } },
  });
  if (!invitation || invitation.acceptedAt || invitation.expiresAt.getTime() < Date.now()) return null;
  return invitation;
}

/** The signed-in invitee accepts: the invitation's email must be theirs. */
export async function acceptInvitation(token: string, userId: string) {
  const invitation = await findOpenInvitation(token);
  if (!invitation) throw new NotFoundError("This invitation has expired or was already used.");
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  if (user.email !== invitation.email) {
    throw new NotAllowedError(`This invitation is for ${invitation.email}. Sign in with that address to accept it.`);
  }
  return db.$transaction(async (tx) => {
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count !== 1) throw new NotFoundError("This invitation was already used.");
    // The invitation came by mail to this address: accepting it proves the address.
    await markEmailProven(userId, new Date(), { keepPassword: true, tx });
    await tx.membership.upsert({
      where: { eventId_userId_role: { eventId: invitation.eventId, userId, role: invitation.role } },
      create: { eventId: invitation.eventId, userId, role: invitation.role },
      update: {},
    });
    await recordAudit(tx, {
      eventId: invitation.eventId,
      actorId: userId,
      action: "invitation.accepted",
      entity: "Invitation",
      entityId: invitation.id,
      detail: { role: invitation.role },
    });
    return { event: invitation.event, role: invitation.role as Role };
  });
}

/** People and pending invitations of a PD day, for its coordinators. */
export async function listPeople(actorId: string, eventId: string) {
  await assertEventCoordinator(actorId, eventId);
  const [rows, people, invitations] = await Promise.all([
    // Kiosk devices are listed with their links, not as people.
    db.membership.findMany({ where: { eventId, user: { kioskDevice: { is: null } } } }),
    dayPeople(eventId),
    db.invitation.findMany({
      where: { eventId, acceptedAt: null, expiresAt: { gt: new Date() } },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  const memberships = rows
    .map((m) => {
      const { name, email, school } = people.get(m.userId)!;
      return { ...m, user: { name, email, school } };
    })
    .sort((a, b) => a.role.localeCompare(b.role) || byDayName(a.user, b.user));
  return { memberships, invitations };
}
