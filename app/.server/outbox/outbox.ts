// Every message Dropin sends is written to the outbox first, so coordinators can
// always see what went out (and, in development and tests, read it there). With
// SMTP_URL set, the message is then handed to nodemailer's SMTP transport.
//
// A message may carry secrets (a sign-in code, a join, reset or invitation link):
// those belong to the recipient alone. Whoever can read the outbox must not be
// able to act as the recipient, so the outbox keeps a copy with each secret
// replaced. With a transport the secret is never stored at all; without one (a
// demo, trying Dropin out) the whole message is kept for district coordinators,
// since nobody else could hand it on (outbox-reader.ts decides who reads what).
import nodemailer, { type Transporter } from "nodemailer";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  eventId?: string | null;
  /** Values only the recipient may see: codes, whole links carrying a token. */
  secrets?: string[];
};

export const SECRET_REMOVED = "[removed: only the recipient can see this]";

let transport: Transporter | null | undefined;
function smtpTransport() {
  if (transport === undefined) {
    const { SMTP_URL } = getEnv();
    transport = SMTP_URL ? nodemailer.createTransport(SMTP_URL) : null;
  }
  return transport;
}

/** Is mail actually leaving this server? (Without SMTP_URL it stays in the outbox.) */
export function mailIsDelivered() {
  return Boolean(getEnv().SMTP_URL);
}

export function redactSecrets(value: string, secrets: readonly string[]) {
  // Longest first, so a link is removed whole before a code inside it could split it.
  return [...secrets]
    .filter(Boolean)
    .sort((a, b) => b.length - a.length)
    .reduce((text, secret) => text.split(secret).join(SECRET_REMOVED), value);
}

/**
 * Store the message, then hand it to the SMTP transport when one is configured.
 * `transport` is for tests that point nodemailer at a local SMTP server.
 */
export async function sendMail(mail: OutgoingMail, { transport: smtp = smtpTransport() } = {}) {
  const secrets = mail.secrets?.filter(Boolean) ?? [];
  const redacted = secrets.length
    ? { redactedSubject: redactSecrets(mail.subject, secrets), redactedText: redactSecrets(mail.text, secrets) }
    : { redactedSubject: null, redactedText: null };
  const stored = smtp && secrets.length ? { subject: redacted.redactedSubject!, text: redacted.redactedText! } : mail;
  const message = await db.outboxMessage.create({
    data: { to: mail.to, subject: stored.subject, text: stored.text, ...redacted, eventId: mail.eventId ?? null },
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
