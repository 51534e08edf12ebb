import { db } from "~/utils/db.server";
import { fromDbTime, statement } from "~/utils/sqlite.server";

export const SESSION_DAYS = 30;

export async function createSession(userId: string) {
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 60 * 60 * 1000);
  return db.session.create({ data: { userId, expiresAt }, select: { id: true, expiresAt: true } });
}

/**
 * The signed-in user for a session id, or null when the session is unknown or
 * expired. Every signed-in request asks this, so it is one prepared statement on
 * the direct SQLite connection rather than a Prisma query.
 */
export async function findSessionUser(sessionId: string) {
  const row = statement(
    `SELECT s.expiresAt, u.id, u.email, u.name, u.isDistrictCoordinator
       FROM Session s JOIN User u ON u.id = s.userId WHERE s.id = ?`,
  ).get(sessionId) as { expiresAt: string; id: string; email: string; name: string; isDistrictCoordinator: number } | undefined;
  if (!row || fromDbTime(row.expiresAt).getTime() < Date.now()) return null;
  return { id: row.id, email: row.email, name: row.name, isDistrictCoordinator: Boolean(row.isDistrictCoordinator) };
}

export async function deleteSession(sessionId: string) {
  await db.session.deleteMany({ where: { id: sessionId } });
}
