import { describe, expect, test } from "vitest";
import { InviteSchema } from "~/schemas/events";
import { db } from "~/utils/db.server";
import { addMember, createEvent, createUser } from "../../../tests/factories";
import { hashToken } from "../accounts/tokens";
import { NotAllowedError, NotFoundError, RuleError } from "../errors";
import { acceptInvitation, findOpenInvitation, inviteToEvent } from "./invitations";

async function eventWithCoordinator() {
  const event = await createEvent({ name: "Spring Teacher-Led PD Day" });
  const coordinator = await createUser({ name: "Dana Whitfield" });
  await addMember(event.id, coordinator.id, "coordinator");
  return { event, coordinator };
}

/** The token in the link of the one invitation mail sent to `to`. */
async function mailedToken(to: string) {
  const message = await db.outboxMessage.findFirstOrThrow({ where: { to } });
  const match = message.text.match(/\/invite\/([A-Za-z0-9_-]+)/);
  expect(match, `no /invite/ link in:\n${message.text}`).not.toBeNull();
  return match![1]!;
}

describe("inviteToEvent", () => {
  test("mails the invitee a link whose token is stored only as a hash", async () => {
    const { event, coordinator } = await eventWithCoordinator();

    const invitation = await inviteToEvent(
      coordinator.id,
      event.id,
      InviteSchema.parse({ email: "  Rosa.Diaz@Springfield.k12.us ", name: "Rosa", role: "presenter" }),
    );

    const messages = await db.outboxMessage.findMany();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ to: "rosa.diaz@springfield.k12.us", eventId: event.id, status: "stored" });
    expect(messages[0]!.text).toContain("Dana Whitfield invited you to join Spring Teacher-Led PD Day");
    expect(messages[0]!.text).toContain("http://localhost:3000/invite/");

    const token = await mailedToken("rosa.diaz@springfield.k12.us");
    const stored = await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(stored.tokenHash).not.toBe(token);
    expect(stored.tokenHash).toBe(hashToken(token));
    expect(messages[0]!.text).not.toContain(stored.tokenHash);
    expect(stored).toMatchObject({
      email: "rosa.diaz@springfield.k12.us",
      role: "presenter",
      invitedById: coordinator.id,
    });
  });

  test("a presenter cannot invite people", async () => {
    const { event } = await eventWithCoordinator();
    const presenter = await createUser();
    await addMember(event.id, presenter.id, "presenter");

    await expect(
      inviteToEvent(presenter.id, event.id, { email: "friend@springfield.k12.us", role: "coordinator" }),
    ).rejects.toBeInstanceOf(NotAllowedError);
    expect(await db.invitation.count()).toBe(0);
    expect(await db.outboxMessage.count()).toBe(0);
  });

  test("inviting someone who already holds that role is refused on the email field", async () => {
    const { event, coordinator } = await eventWithCoordinator();
    const presenter = await createUser({ email: "sam.lee@springfield.k12.us" });
    await addMember(event.id, presenter.id, "presenter");

    const attempt = inviteToEvent(coordinator.id, event.id, { email: "sam.lee@springfield.k12.us", role: "presenter" });
    await expect(attempt).rejects.toBeInstanceOf(RuleError);
    await expect(attempt).rejects.toMatchObject({ field: "email" });
    expect(await db.outboxMessage.count()).toBe(0);
  });

  test("a member can still be invited to a different role", async () => {
    const { event, coordinator } = await eventWithCoordinator();
    const attendee = await createUser({ email: "sam.lee@springfield.k12.us" });
    await addMember(event.id, attendee.id, "attendee");

    await inviteToEvent(coordinator.id, event.id, { email: "sam.lee@springfield.k12.us", role: "presenter" });
    expect(await db.invitation.count()).toBe(1);
  });
});

describe("acceptInvitation", () => {
  async function invited(email: string, role: "presenter" | "vendor" = "presenter") {
    const { event, coordinator } = await eventWithCoordinator();
    await inviteToEvent(coordinator.id, event.id, { email, role });
    return { event, token: await mailedToken(email) };
  }

  test("the invitee, signed in with the invited address, joins the PD day in that role", async () => {
    const { event, token } = await invited("rosa.diaz@springfield.k12.us");
    const rosa = await createUser({ email: "rosa.diaz@springfield.k12.us" });

    const accepted = await acceptInvitation(token, rosa.id);

    expect(accepted).toMatchObject({ role: "presenter", event: { id: event.id } });
    const membership = await db.membership.findMany({ where: { userId: rosa.id } });
    expect(membership).toEqual([expect.objectContaining({ eventId: event.id, role: "presenter" })]);
    expect(await findOpenInvitation(token)).toBeNull();
  });

  test("someone signed in with a different address is refused and the link stays usable", async () => {
    const { token } = await invited("rosa.diaz@springfield.k12.us");
    const other = await createUser({ email: "someone.else@springfield.k12.us" });

    await expect(acceptInvitation(token, other.id)).rejects.toBeInstanceOf(NotAllowedError);
    expect(await db.membership.count({ where: { userId: other.id } })).toBe(0);
    expect(await findOpenInvitation(token)).not.toBeNull();
  });

  test("a used invitation cannot be accepted again", async () => {
    const { token } = await invited("rosa.diaz@springfield.k12.us");
    const rosa = await createUser({ email: "rosa.diaz@springfield.k12.us" });
    await acceptInvitation(token, rosa.id);

    await expect(acceptInvitation(token, rosa.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  test("a made-up token is not found", async () => {
    const rosa = await createUser();
    await expect(acceptInvitation("not-a-real-token", rosa.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
