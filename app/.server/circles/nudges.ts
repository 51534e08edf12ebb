// Circle mail, through the outbox like every other message: "Meet your circle"
// when circles are published, and "What did you try?" a chosen number of weeks
// later. Each carries an unsubscribe link that works without signing in: the
// opt-in's id and an HMAC of it under the server secret, so nobody can make one
// for someone else. Opening the link only shows a button; pressing it (a POST)
// stops circle mail, and pressing it again changes nothing.
import { db } from "~/utils/db.server";
import { sameSecret, signedToken } from "../accounts/tokens";
import { NotFoundError } from "../errors";
import { appLink, sendMail } from "../outbox/outbox";
import { onTheDay } from "./opt-in";

const PURPOSE = "circle-mail";
// How often a running server looks for reminders that are due.
const REMINDER_CHECK_MS = 15 * 60 * 1000;

export function unsubscribeToken(optInId: string) {
  return `${optInId}.${signedToken(PURPOSE, optInId)}`;
}

function optInIdOf(token: string) {
  const [id, mac, extra] = token.split(".");
  if (!id || !mac || extra !== undefined || id.length > 64) return null;
  return sameSecret(mac, signedToken(PURPOSE, id)) ? id : null;
}

async function optInByToken(token: string) {
  const id = optInIdOf(token);
  const optIn = id
    ? await db.circleOptIn.findUnique({
        where: { id },
        select: { id: true, mailStoppedAt: true, round: { select: { event: { select: { name: true } } } } },
      })
    : null;
  if (!optIn) throw new NotFoundError("This unsubscribe link is not valid. Copy the whole link from the email.");
  return optIn;
}

/** What the unsubscribe page shows: whose PD day, and whether mail is already stopped. */
export async function readUnsubscribe(token: string) {
  const optIn = await optInByToken(token);
  return { eventName: optIn.round.event.name, stopped: optIn.mailStoppedAt !== null };
}

/** Stop circle mail for this opt-in. Idempotent: a second press keeps the first time. */
export async function unsubscribe(token: string, now = new Date()) {
  const optIn = await optInByToken(token);
  await db.circleOptIn.updateMany({ where: { id: optIn.id, mailStoppedAt: null }, data: { mailStoppedAt: now } });
  return { eventName: optIn.round.event.name };
}

type Recipient = { optInId: string; email: string; name: string; circleId: string };

/** Active members of the round's circles, still on the PD day, whose circle mail is not stopped. */
async function recipients(roundId: string, eventId: string): Promise<Recipient[]> {
  const members = await db.circleMember.findMany({
    where: { leftAt: null, circle: { roundId }, user: onTheDay(eventId) },
    orderBy: [{ circle: { number: "asc" } }, { userId: "asc" }],
    select: { circleId: true, userId: true, user: { select: { email: true, name: true } } },
  });
  const optIns = await db.circleOptIn.findMany({
    where: { roundId, mailStoppedAt: null },
    select: { id: true, userId: true },
  });
  const optInOf = new Map(optIns.map((o) => [o.userId, o.id]));
  return members.flatMap((m) => {
    const optInId = optInOf.get(m.userId);
    return optInId ? [{ optInId, email: m.user.email, name: m.user.name, circleId: m.circleId }] : [];
  });
}

function footer(r: Recipient) {
  const link = appLink(`/circles/unsubscribe/${unsubscribeToken(r.optInId)}`);
  return { text: `\n\n--\nNo more circle emails: ${link}`, link };
}

/** "Meet your circle" to every member, naming the others. Returns how many were sent. */
export async function sendMeetYourCircle(roundId: string) {
  const round = await db.circleRound.findUniqueOrThrow({
    where: { id: roundId },
    select: { eventId: true, event: { select: { name: true, slug: true } } },
  });
  const [list, optIns] = await Promise.all([
    recipients(roundId, round.eventId),
    db.circleOptIn.findMany({
      where: { roundId },
      select: { userId: true, school: true, role: true, user: { select: { name: true } } },
    }),
  ]);
  const members = await db.circleMember.findMany({
    where: { leftAt: null, circle: { roundId }, user: onTheDay(round.eventId) },
    select: { circleId: true, userId: true },
  });
  const about = new Map(
    optIns.map((o) => [o.userId, `${o.user.name} (${[o.role, o.school].filter(Boolean).join(", ")})`]),
  );
  for (const r of list) {
    const others = members.filter((m) => m.circleId === r.circleId).map((m) => about.get(m.userId) ?? "");
    const { text, link } = footer(r);
    await sendMail({
      to: r.email,
      eventId: round.eventId,
      subject: `Meet your circle from ${round.event.name}`,
      text:
        `Hello ${r.name},\n\nYour follow-up circle from ${round.event.name} is ready:\n\n` +
        others.map((o) => `- ${o}`).join("\n") +
        `\n\nSay hello, pick a date for your first meeting and share what you are trying:\n${appLink(`/e/${round.event.slug}/circles/${r.circleId}`)}` +
        text,
      secrets: [link],
    });
  }
  return list.length;
}

/**
 * Send every reminder that is due. Each round is claimed by one conditional
 * update first, so two server processes (or two timer ticks) never send it twice.
 */
export async function sendDueCircleReminders(now = new Date()) {
  const due = await db.circleRound.findMany({
    where: { status: "published", reminderSentAt: null, reminderDueAt: { lte: now } },
    select: { id: true, eventId: true, event: { select: { name: true, slug: true } } },
  });
  let sent = 0;
  for (const round of due) {
    const { count } = await db.circleRound.updateMany({
      where: { id: round.id, reminderSentAt: null },
      data: { reminderSentAt: now },
    });
    if (count !== 1) continue;
    for (const r of await recipients(round.id, round.eventId)) {
      const { text, link } = footer(r);
      await sendMail({
        to: r.email,
        eventId: round.eventId,
        subject: `What did you try? Post it to your circle`,
        text:
          `Hello ${r.name},\n\nIt has been a few weeks since ${round.event.name}. What did you try in your classroom or building? ` +
          `Post it to your circle, and set your next meeting:\n${appLink(`/e/${round.event.slug}/circles/${r.circleId}`)}` +
          text,
        secrets: [link],
      });
      sent++;
    }
  }
  return sent;
}

/** Started by the production server: look for due reminders now and then. */
export function startCircleReminders() {
  const tick = () => void sendDueCircleReminders().catch((error: unknown) => console.error("circle reminders:", error));
  const timer = setInterval(tick, REMINDER_CHECK_MS);
  timer.unref();
  tick();
  return () => clearInterval(timer);
}
