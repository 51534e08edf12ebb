// What the "Check your email" page tells someone whose code never comes: the code
// is sent only to addresses on the PD day's list, and who keeps that list. It is the
// same for every visitor and every address, so it cannot be used to learn who is on
// the roster (requestCode's answer is neutral for the same reason).
import { db } from "~/utils/db.server";

// Two names are enough to ask; a long list of coordinators would bury the hint.
const CONTACTS_SHOWN = 2;

/** For a public PD day (the caller has loaded it through getPublicEvent). */
export async function joinHelp(event: { id: string; allowedEmailDomain: string | null }) {
  const coordinators = await db.membership.findMany({
    where: { eventId: event.id, role: "coordinator" },
    orderBy: { createdAt: "asc" },
    take: CONTACTS_SHOWN,
    select: { user: { select: { name: true, email: true } } },
  });
  return {
    walkUpDomain: event.allowedEmailDomain?.trim().toLowerCase() || null,
    contacts: coordinators.map((c) => c.user),
  };
}
