// What an attendee reads on the day: the latest published version, "now" and
// "next" by the building's clock, filters and search, and one session's page.
import { db } from "~/utils/db.server";
import { NotFoundError } from "../errors";
import { getPublicSchedule } from "../schedule/public-schedule";
import type { SnapshotBlock, SnapshotSession } from "../schedule/snapshot";
import { wallClockAt } from "../schedule/times";

export type ScheduleFilters = { audience?: string; subject?: string; format?: string; q?: string };

/** During the PD day: the block running now and the one after it (either may be absent). */
export function nowAndNext(event: { date: string; timeZone: string }, blocks: SnapshotBlock[], now: Date) {
  const { date, time } = wallClockAt(event.timeZone, now);
  if (date !== event.date) return null;
  const ordered = [...blocks].sort((a, b) => a.startTime.localeCompare(b.startTime));
  const current = ordered.find((b) => b.startTime <= time && time < b.endTime) ?? null;
  const next = ordered.find((b) => b.startTime > time) ?? null;
  if (!current && !next) return null;
  return { current, next };
}

/** Has this session's (last) block ended, by the event's clock? */
export function sessionEnded(event: { date: string; timeZone: string }, session: { endTime: string }, now: Date) {
  const { date, time } = wallClockAt(event.timeZone, now);
  return date > event.date || (date === event.date && time >= session.endTime);
}

export function matchesFilters(session: SnapshotSession, filters: ScheduleFilters) {
  if (filters.audience && !session.audience.includes(filters.audience) && !session.audience.includes("all"))
    return false;
  if (filters.subject && !session.tags.includes(filters.subject)) return false;
  if (filters.format && session.format !== filters.format) return false;
  const q = filters.q?.trim().toLowerCase();
  if (q) {
    const text = [
      session.title,
      session.summary,
      session.roomName,
      ...session.tags,
      ...session.presenters.map((p) => p.name),
    ]
      .join(" ")
      .toLowerCase();
    if (!q.split(/\s+/).every((word) => text.includes(word))) return false;
  }
  return true;
}

/**
 * A day of up to this many sessions is shown whole. A larger one is shown a block at
 * a time: on a 300-session day the whole page is ~450 KB of HTML that a school
 * phone must download, parse and hydrate, while one block is what a person reads.
 */
export const WHOLE_DAY_UP_TO = 60;

export type BlockTab = { id: string; label: string; startTime: string; endTime: string; matching: number };

/**
 * Which block a large day's page shows: the one asked for, else the one on now, the
 * next one, or the first. A search (`q`) looks across the whole day, so it is null
 * then, as for a small day. Every block is listed with how many sessions match.
 */
export function oneBlockAtATime(
  version: { snapshot: { blocks: SnapshotBlock[]; sessions: SnapshotSession[] } },
  matching: SnapshotSession[],
  filters: ScheduleFilters,
  asked: string | null,
  live: { current: SnapshotBlock | null; next: SnapshotBlock | null } | null,
) {
  const { blocks, sessions } = version.snapshot;
  if (sessions.length <= WHOLE_DAY_UP_TO || filters.q) return null;
  const starts = new Set(sessions.map((s) => s.blockId));
  const tabs: BlockTab[] = blocks
    .filter((b) => starts.has(b.id))
    .map(({ id, label, startTime, endTime }) => ({
      id,
      label,
      startTime,
      endTime,
      matching: matching.filter((s) => s.blockId === id).length,
    }));
  const shown =
    [asked, live?.current?.id, live?.next?.id].find((id) => id && tabs.some((t) => t.id === id)) ?? tabs[0]?.id ?? null;
  return shown ? { shown, tabs } : null;
}

export async function getAttendeeSchedule(
  slug: string,
  filters: ScheduleFilters,
  now = new Date(),
  askedBlock: string | null = null,
) {
  const { event, version } = await getPublicSchedule(slug);
  if (!version) return { event, version: null, sessions: [], blockView: null, subjects: [], nowNext: null };
  const all = version.snapshot.sessions;
  const live = nowAndNext(event, version.snapshot.blocks, now);
  const matching = all.filter((s) => matchesFilters(s, filters));
  const blockView = oneBlockAtATime(version, matching, filters, askedBlock, live);
  return {
    event,
    version,
    sessions: blockView ? matching.filter((s) => s.blockId === blockView.shown) : matching,
    blockView,
    subjects: [...new Set(all.flatMap((s) => s.tags))].sort((a, b) => a.localeCompare(b)),
    nowNext: live && {
      current: live.current && { block: live.current, sessions: all.filter((s) => s.blockId === live.current!.id) },
      next: live.next && { block: live.next, sessions: all.filter((s) => s.blockId === live.next!.id) },
    },
  };
}

/** A session on the PD day's published schedule (the session page's part needs no more). */
export async function findPublishedSession(slug: string, placementId: string) {
  const { event, version } = await getPublicSchedule(slug);
  const session = version?.snapshot.sessions.find((s) => s.placementId === placementId);
  if (!version || !session) throw new NotFoundError("That session is not on the published schedule.");
  return { event, version, session };
}

/** A published session's page: room with building and floor, repeats, and links. */
export async function getPublishedSession(slug: string, placementId: string) {
  const { event, version, session } = await findPublishedSession(slug, placementId);
  const [proposal, resources] = await Promise.all([
    db.proposal.findUnique({ where: { id: session.proposalId }, select: { experienceLevel: true } }),
    db.proposalResource.findMany({ where: { proposalId: session.proposalId }, orderBy: { createdAt: "asc" } }),
  ]);
  return {
    event,
    version,
    session,
    room: version.snapshot.rooms.find((r) => r.id === session.roomId) ?? null,
    repeats: version.snapshot.sessions.filter(
      (s) => s.proposalId === session.proposalId && s.placementId !== placementId,
    ),
    experienceLevel: proposal?.experienceLevel ?? "any",
    resources: resources.map(({ id, label, url }) => ({ id, label, url })),
  };
}
