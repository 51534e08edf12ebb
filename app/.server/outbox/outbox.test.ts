import type { Transporter } from "nodemailer";
import { describe, expect, test } from "vitest";
import { db } from "~/utils/db.server";
import { addMember, createEvent, createUser } from "../../../tests/factories";
import { NotAllowedError } from "../errors";
import { listOutbox } from "./outbox-reader";
import { SECRET_REMOVED, sendMail } from "./outbox";

describe("sendMail", () => {
  test("without SMTP_URL the message is kept in the outbox as stored", async () => {
    const message = await sendMail({ to: "rosa.diaz@springfield.k12.us", subject: "Hello", text: "Welcome to Dropin" });

    expect(message.status).toBe("stored");
    const stored = await db.outboxMessage.findUniqueOrThrow({ where: { id: message.id } });
    expect(stored).toMatchObject({
      to: "rosa.diaz@springfield.k12.us",
      subject: "Hello",
      status: "stored",
      sentAt: null,
    });
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

    const { messages } = await listOutbox(district.id);

    expect(messages.map((m) => m.subject).sort()).toEqual(["About day A", "About day B", "Reset your Dropin password"]);
  });

  test("an event coordinator reads only their PD day's messages", async () => {
    const { dayA } = await mailForTwoDays();
    const coordinator = await createUser();
    await addMember(dayA.id, coordinator.id, "coordinator");

    const { messages } = await listOutbox(coordinator.id);

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

describe("secrets in mail belong to their recipient", () => {
  const secretMail = (eventId: string) =>
    sendMail({
      eventId,
      to: "district.head@springfield.k12.us",
      subject: "Your sign-in code: 482913",
      text: "Your code is 482913.\nOr tap https://dropin.test/e/b/join/tok3n-secret to sign in.",
      secrets: ["482913", "https://dropin.test/e/b/join/tok3n-secret"],
    });

  test("an event coordinator reads the message with the code and link removed", async () => {
    const day = await createEvent();
    const coordinator = await createUser();
    await addMember(day.id, coordinator.id, "coordinator");
    await secretMail(day.id);

    const { messages, secretsShown } = await listOutbox(coordinator.id);

    expect(secretsShown).toBe(false);
    expect(messages[0]).toMatchObject({
      subject: `Your sign-in code: ${SECRET_REMOVED}`,
      text: `Your code is ${SECRET_REMOVED}.\nOr tap ${SECRET_REMOVED} to sign in.`,
      holdsSecret: true,
    });
    expect(JSON.stringify(messages)).not.toMatch(/482913|tok3n-secret/);
  });

  test("without a mail server a district coordinator reads it whole, told that mail is not delivered", async () => {
    const day = await createEvent();
    const district = await createUser({ districtCoordinator: true });
    await secretMail(day.id);

    const { messages, delivered, secretsShown } = await listOutbox(district.id);

    expect({ delivered, secretsShown }).toEqual({ delivered: false, secretsShown: true });
    expect(messages[0]!.text).toContain("482913");
  });

  test("with a mail server the secret is sent but never stored", async () => {
    const sent: string[] = [];
    const transport = { sendMail: async (m: { text: string }) => void sent.push(m.text) } as unknown as Transporter;
    const day = await createEvent();
    const message = await secretMail(day.id);
    const withSmtp = await sendMail(
      { eventId: day.id, to: "a@springfield.k12.us", subject: "Code 111222", text: "Code 111222", secrets: ["111222"] },
      { transport },
    );

    expect(sent).toEqual(["Code 111222"]);
    const stored = await db.outboxMessage.findUniqueOrThrow({ where: { id: withSmtp.id } });
    expect(JSON.stringify(stored)).not.toContain("111222");
    expect(message.text).toContain("482913");
  });
});
