// A PD certificate carries a verification code anyone can check at /verify/<code>.
// The code is an HMAC of the person and the PD day (so it cannot be made up), and
// it is remembered in CertificateCode when the certificate is shown, so checking
// one is a lookup by key rather than recomputing the code of every member.
import { db } from "~/utils/db.server";
import { toDbTime } from "~/utils/sqlite.server";
import { signedToken } from "../accounts/tokens";

/** "3F9K2QX7AB": lets anyone holding the certificate confirm it with the district. */
export function verificationCode(userId: string, eventId: string) {
  return signedToken(userId, eventId).replace(/[-_]/g, "").slice(0, 10).toUpperCase();
}

/** The person's code for this PD day, stored so /verify finds it. */
export async function rememberCertificateCode(userId: string, eventId: string) {
  const code = verificationCode(userId, eventId);
  await insertCode(code, userId, eventId);
  return code;
}

// INSERT OR IGNORE: showing a certificate twice, or two tabs at once, stores it once.
const insertCode = (code: string, userId: string, eventId: string) =>
  db.$executeRaw`INSERT OR IGNORE INTO CertificateCode (code, eventId, userId, createdAt) VALUES (${code}, ${eventId}, ${userId}, ${toDbTime(new Date())})`;

/**
 * At start: the codes of everyone on a PD day's list who has none stored yet, so
 * certificates printed before codes were stored still verify. After the first
 * start this touches only people added since.
 */
export async function rememberAllCertificateCodes() {
  const missing = await db.$queryRaw<{ userId: string; eventId: string }[]>`
    SELECT DISTINCT m.userId, m.eventId FROM Membership m
    WHERE NOT EXISTS (SELECT 1 FROM CertificateCode c WHERE c.userId = m.userId AND c.eventId = m.eventId)`;
  await db.$transaction(
    missing.map(({ userId, eventId }) => insertCode(verificationCode(userId, eventId), userId, eventId)),
  );
  return missing.length;
}

/** Whose certificate this code is: one lookup by primary key. */
export async function findCertificateCode(code: string) {
  return db.certificateCode.findUnique({
    where: { code: code.trim().toUpperCase() },
    select: { userId: true, eventId: true },
  });
}
