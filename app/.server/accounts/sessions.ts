import { db } from "~/utils/db.server";
import { fromDbTime, statement } from "~/utils/sqlite.server";

export const SESSION_DAYS = 30;

/** A person's session lasts SESSION_DAYS; a kiosk device's ends with its link (`expiresAt`). */
export async function createSession(
  userId: string,
  expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 60 * 60 * 1000),
) {
  return db.session.create({ data: { userId, expiresAt }, select: { id: true, expiresAt: true } });
}

/**
 * The signed-in user for a session id, or null when the session is unknown or
 * expired. Every signed-in request asks this, so it is one prepared statement on
 * the direct SQLite connection rather than a Prisma query. `kioskSlug` is set when
 * the session is a shared kiosk device's: it may open that PD day's door pages only.
 */
export async function findSessionUser(sessionId: string) {
  const row = statement(
    `SELECT s.expiresAt, u.id, u.email, u.name, u.isDistrictCoordinator,
            (SELECT e.slug FROM KioskLink k JOIN Event e ON e.id = k.eventId WHERE k.deviceId = u.id) AS kioskSlug
       FROM Session s JOIN User u ON u.id = s.userId WHERE s.id = ?`,
  ).get(sessionId) as
    | {
        expiresAt: string;
        id: string;
        email: string;
        name: string;
        isDistrictCoordinator: number;
        kioskSlug: string | null;
      }
    | undefined;
  if (!row || fromDbTime(row.expiresAt).getTime() < Date.now()) return null;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    isDistrictCoordinator: Boolean(row.isDistrictCoordinator),
    kioskSlug: row.kioskSlug ?? null,
  };
}

export async function deleteSession(sessionId: string) {
  await db.session.deleteMany({ where: { id: sessionId } });
}
