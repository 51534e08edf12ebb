// Anyone holding a certificate (a principal, the state) can check its code here.
// Codes are HMACs, not stored, so the lookup recomputes them for every member:
// a district's few thousand memberships take milliseconds.
import crypto from "node:crypto";
import { db } from "~/utils/db.server";
import { NotFoundError } from "../errors";
import { getMyCredit, verificationCode } from "./credit";

export async function verifyCertificate(code: string) {
  const given = Buffer.from(code.trim().toUpperCase());
  const pairs = await db.membership.findMany({ distinct: ["userId", "eventId"], select: { userId: true, eventId: true } });
  const match = pairs.find(({ userId, eventId }) => {
    const expected = Buffer.from(verificationCode(userId, eventId));
    return expected.length === given.length && crypto.timingSafeEqual(expected, given);
  });
  if (!match) throw new NotFoundError("No certificate has this verification code. Check it was typed exactly.");
  const { event, user, total } = await getMyCredit(match.userId, match.eventId);
  return { name: user.name, school: user.school, eventName: event.name, date: event.date, total };
}
