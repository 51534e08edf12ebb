import { db } from "~/utils/db.server";

export const SESSION_DAYS = 30;

export async function createSession(userId: string) {
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 60 * 60 * 1000);
  return db.session.create({ data: { userId, expiresAt }, select: { id: true, expiresAt: true } });
}

/** The signed-in user for a session id, or null when the session is unknown or expired. */
export async function findSessionUser(sessionId: string) {
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: {
      expiresAt: true,
      user: { select: { id: true, email: true, name: true, isDistrictCoordinator: true } },
    },
  });
  if (!session || session.expiresAt.getTime() < Date.now()) return null;
  return session.user;
}

export async function deleteSession(sessionId: string) {
  await db.session.deleteMany({ where: { id: sessionId } });
}
