// Every message Dropin sends is written to the outbox first, so coordinators can
// always see what went out (and, in development and tests, read it there). With
// SMTP_URL set, the message is then handed to nodemailer's SMTP transport.
import nodemailer, { type Transporter } from "nodemailer";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

export type OutgoingMail = { to: string; subject: string; text: string; eventId?: string | null };

let transport: Transporter | null | undefined;
function smtpTransport() {
  if (transport === undefined) {
    const { SMTP_URL } = getEnv();
    transport = SMTP_URL ? nodemailer.createTransport(SMTP_URL) : null;
  }
  return transport;
}

/**
 * Store the message, then hand it to the SMTP transport when one is configured.
 * `transport` is for tests that point nodemailer at a local SMTP server.
 */
export async function sendMail(mail: OutgoingMail, { transport: smtp = smtpTransport() } = {}) {
  const message = await db.outboxMessage.create({
    data: { to: mail.to, subject: mail.subject, text: mail.text, eventId: mail.eventId ?? null },
  });
  if (!smtp) return message;
  try {
    await smtp.sendMail({ from: getEnv().MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
    return await db.outboxMessage.update({
      where: { id: message.id },
      data: { status: "sent", sentAt: new Date() },
    });
  } catch (error) {
    // A mail server outage must not lose the message or break the page: it stays
    // in the outbox as failed, with the reason, for the coordinator to see.
    return await db.outboxMessage.update({
      where: { id: message.id },
      data: { status: "failed", error: error instanceof Error ? error.message : String(error) },
    });
  }
}

/** An absolute link for a message, built from APP_URL. */
export function appLink(pathname: string) {
  return new URL(pathname, getEnv().APP_URL).toString();
}
