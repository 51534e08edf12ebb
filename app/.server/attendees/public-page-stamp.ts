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
