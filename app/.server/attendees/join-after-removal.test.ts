// Attack: a coordinator takes someone off the PD day (or stops walk-ups from the
// district's domain) while a sign-in code or link mailed to them minutes before is
// still live. Using it must not put them back on the day: the code was a way in for
// someone allowed to join, and they no longer are.
import { describe, expect, it } from "vitest";
import { addMember, createEvent, createUser } from "tests/factories";
import { db } from "~/utils/db.server";
import { removeMember } from "../events/people";
import { requestCode, verifyCode, verifyLinkToken } from "./sign-in";

async function mailedCode(email: string) {
  const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
  return { code: mail.text.match(/\b(\d{6})\b/)![1]!, token: mail.text.match(/\/join\/([\w-]+)/)![1]! };
}

describe("a sign-in code mailed before the person was taken off the PD day", () => {
  it("neither signs them in nor makes them an attendee again (code or link)", async () => {
    const event = await createEvent({ status: "published" });
    const coordinator = await createUser();
    await addMember(event.id, coordinator.id, "coordinator");
    const rae = await createUser({ name: "Rae Removed" });
    const membership = await addMember(event.id, rae.id, "attendee");
    await requestCode(rae.email, event.slug);
    const { code, token } = await mailedCode(rae.email);

    await removeMember(coordinator.id, event.id, {
      intent: "remove-member",
      membershipId: membership.id,
      role: "attendee",
    });
    await expect(verifyCode(rae.email, code, event.slug)).rejects.toThrow();
    await expect(verifyLinkToken(token, event.slug)).rejects.toThrow();
    expect(await db.membership.count({ where: { eventId: event.id, userId: rae.id } })).toBe(0);
  });

  it("a walk-up's code stops working when the coordinator stops walk-ups", async () => {
    const event = await createEvent({ status: "published", allowedEmailDomain: "springfield.k12.us" });
    await requestCode("walk.up@springfield.k12.us", event.slug);
    const { code } = await mailedCode("walk.up@springfield.k12.us");
    await db.event.update({ where: { id: event.id }, data: { allowedEmailDomain: null } });
    await expect(verifyCode("walk.up@springfield.k12.us", code, event.slug)).rejects.toThrow();
    expect(await db.membership.count({ where: { eventId: event.id } })).toBe(0);
  });
});
