import { describe, expect, test } from "vitest";
import { db } from "~/utils/db.server";
import { addMember, createEvent, createUser } from "../../../tests/factories";
import { NotAllowedError } from "../errors";
import { listOutbox } from "./outbox-reader";
import { sendMail } from "./outbox";

describe("sendMail", () => {
  test("without SMTP_URL the message is kept in the outbox as stored", async () => {
    const message = await sendMail({ to: "rosa.diaz@springfield.k12.us", subject: "Hello", text: "Welcome to Dropin" });

    expect(message.status).toBe("stored");
    const stored = await db.outboxMessage.findUniqueOrThrow({ where: { id: message.id } });
    expect(stored).toMatchObject({ to: "rosa.diaz@springfield.k12.us", subject: "Hello", status: "stored", sentAt: null });
  });
});

describe("listOutbox", () => {
  async function mailForTwoDays() {
    const dayA = await createEvent({ name: "Day A" });
    const dayB = await createEvent({ name: "Day B" });
    await sendMail({ eventId: dayA.id, to: "a@springfield.k12.us", subject: "About day A", text: "A" });
    await sendMail({ eventId: dayB.id, to: "b@springfield.k12.us", subject: "About day B", text: "B" });
    await sendMail({ to: "c@springfield.k12.us", subject: "Reset your Dropin password", text: "C" });
    return { dayA, dayB };
  }

  test("a district coordinator reads every message, account mail included", async () => {
    await mailForTwoDays();
    const district = await createUser({ districtCoordinator: true });

    const messages = await listOutbox(district.id);

    expect(messages.map((m) => m.subject).sort()).toEqual(["About day A", "About day B", "Reset your Dropin password"]);
  });

  test("an event coordinator reads only their PD day's messages", async () => {
    const { dayA } = await mailForTwoDays();
    const coordinator = await createUser();
    await addMember(dayA.id, coordinator.id, "coordinator");

    const messages = await listOutbox(coordinator.id);

    expect(messages.map((m) => m.subject)).toEqual(["About day A"]);
  });

  test.each([
    { who: "an attendee", role: "attendee" },
    { who: "a presenter", role: "presenter" },
  ] as const)("$who cannot read the outbox", async ({ role }) => {
    const { dayA } = await mailForTwoDays();
    const member = await createUser();
    await addMember(dayA.id, member.id, role);

    await expect(listOutbox(member.id)).rejects.toBeInstanceOf(NotAllowedError);
  });
});
