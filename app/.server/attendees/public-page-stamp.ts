// What the anonymous attendee schedule page (/e/<slug>) is made of, as one short
// string: the event row, the latest published version, the sponsors' list and
// the minute (for "Now / Next"). The production server keeps the rendered page
// until this stamp changes (server/public-page-cache.ts). Read on every cached
// request, so it is one prepared statement over indexed rows (~20 µs).
import { statement } from "~/utils/sqlite.server";

const STAMP = `SELECT e.id || '|' || e.updatedAt || '|' || e.status
    || '|' || IFNULL((SELECT MAX(v.number) FROM ScheduleVersion v WHERE v.eventId = e.id), 0)
    || '|' || (SELECT COUNT(*) || ':' || IFNULL(MAX(d.updatedAt), '') FROM Donation d WHERE d.eventId = e.id)
    || '|' || (SELECT COUNT(*) || ':' || IFNULL(GROUP_CONCAT(x.id || x.thanksOptIn || x.company), '') FROM Vendor x WHERE x.eventId = e.id)
    AS stamp
  FROM Event e WHERE e.slug = ?`;

/** Null when there is no such event (the page is then a 404, rendered normally). */
export function publicScheduleStamp(slug: string, now = new Date()) {
  const row = statement(STAMP).get(slug) as { stamp: string } | undefined;
  return row ? `${row.stamp}|${Math.floor(now.getTime() / 60_000)}` : null;
}

// A session page also shows its slides and handouts, which presenters change
// without publishing again: the session's resources join its stamp.
const RESOURCES = `SELECT COUNT(*) || ':' || IFNULL(GROUP_CONCAT(r.id || r.label || r.url, '|'), '') AS stamp
  FROM ProposalResource r JOIN Placement p ON p.proposalId = r.proposalId WHERE p.id = ?`;

/** The stamp of one stored attendee page (server/public-page-cache.ts): the schedule's, and a session page's resources. */
export function attendeePageStamp(slug: string, page: string, id: string, now = new Date()) {
  const stamp = publicScheduleStamp(slug, now);
  if (!stamp || page !== "session") return stamp;
  return `${stamp}|${(statement(RESOURCES).get(id) as { stamp: string }).stamp}`;
}
