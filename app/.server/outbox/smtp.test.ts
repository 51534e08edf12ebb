// The production path: nodemailer speaking real SMTP to a server on loopback.
import type { AddressInfo } from "node:net";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, expect, test } from "vitest";
import { db } from "~/utils/db.server";
import { sendMail } from "./outbox";

const received: Array<{ to: string; raw: string }> = [];
let server: SMTPServer;
let port = 0;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

test("with an SMTP server the message is delivered and marked sent", async () => {
  const transport = nodemailer.createTransport(`smtp://127.0.0.1:${port}`);
  const message = await sendMail(
    { to: "kevin.osei@springfield.k12.test", subject: "Your session is accepted", text: "See you in Room 114." },
    { transport },
  );
  expect(message.status).toBe("sent");
  expect(message.sentAt).toBeInstanceOf(Date);
  expect(received).toHaveLength(1);
  expect(received[0]!.to).toBe("kevin.osei@springfield.k12.test");
  expect(received[0]!.raw).toContain("Subject: Your session is accepted");
  expect(received[0]!.raw).toContain("See you in Room 114.");
});

test("when the mail server is down the message stays in the outbox as failed, with the reason", async () => {
  // A port nothing listens on: connection refused.
  const closed = nodemailer.createTransport({ host: "127.0.0.1", port: 9, connectionTimeout: 2000 });
  const message = await sendMail(
    { to: "a@b.test", subject: "Reminder", text: "Block 2 starts at 10:00." },
    { transport: closed },
  );
  expect(message.status).toBe("failed");
  expect(message.error).toMatch(/ECONNREFUSED|connect/i);
  const stored = await db.outboxMessage.findUniqueOrThrow({ where: { id: message.id } });
  expect(stored.text).toBe("Block 2 starts at 10:00.");
});
