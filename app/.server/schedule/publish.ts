// Publishing freezes the working grid into a numbered, immutable ScheduleVersion
// with a changelog, and tells each presenter whose sessions changed. Attendee pages
// and exports read only these versions, so unpublished edits stay drafts.
import { db, type Tx } from "~/utils/db.server";
import { fromDbTime, statement } from "~/utils/sqlite.server";
import { recordAudit } from "../audit/audit";
import { RuleError } from "../errors";
import { recordStageChange } from "../events/events";
import { assertEventCoordinator, findEventBySlug } from "../events/permissions";
import { appLink, sendMail } from "../outbox/outbox";
import { conflictsForEvent } from "./conflicts";
import { ensureFeedLink } from "./feed-links";
import { buildSnapshot, describeChange, diffSnapshots, type ChangeEntry, type ScheduleSnapshot } from "./snapshot";
import { count } from "~/utils/plural";

export type PublishOptions = { note?: string; blockOnConflicts?: boolean };

export type PublishedVersion = {
  id: string;
  eventId: string;
  number: number;
  note: string;
  publishedAt: Date;
  publishedById: string | null;
  snapshot: ScheduleSnapshot;
  changelog: ChangeEntry[];
};

// Versions never change once written, so their parsed JSON can be kept by id.
// Bounded so a long-running server with many PD days does not grow without end.
const parsedVersions = new Map<string, PublishedVersion>();
const CACHE_LIMIT = 50;

type VersionRow = {
  id: string;
  eventId: string;
  number: number;
  note: string;
  publishedAt: Date;
  publishedById: string | null;
  snapshot: string;
  changelog: string;
};

function parseVersion(row: VersionRow): PublishedVersion {
  const cached = parsedVersions.get(row.id);
  if (cached) return cached;
  const version: PublishedVersion = {
    id: row.id,
    eventId: row.eventId,
    number: row.number,
    note: row.note,
    publishedAt: row.publishedAt,
    publishedById: row.publishedById,
    snapshot: JSON.parse(row.snapshot) as ScheduleSnapshot,
    changelog: JSON.parse(row.changelog) as ChangeEntry[],
  };
  if (parsedVersions.size >= CACHE_LIMIT) parsedVersions.delete(parsedVersions.keys().next().value!);
  parsedVersions.set(row.id, version);
  return version;
}

// Read on every attendee page and each person's part of it: prepared statements (the
// head is one indexed read, ~10 µs) where Prisma's two reads cost ~0.8 ms.
const HEAD = "SELECT id FROM ScheduleVersion WHERE eventId = ? ORDER BY number DESC LIMIT 1";
const ROW = `SELECT id, eventId, number, note, publishedAt, publishedById, snapshot, changelog
  FROM ScheduleVersion WHERE id = ?`;

/** The version attendees see, or null before the first publish. */
export async function latestPublished(eventId: string) {
  const head = statement(HEAD).get(eventId) as { id: string } | undefined;
  if (!head) return null;
  const cached = parsedVersions.get(head.id);
  if (cached) return cached;
  const row = statement(ROW).get(head.id) as Omit<VersionRow, "publishedAt"> & { publishedAt: string };
  return parseVersion({ ...row, publishedAt: fromDbTime(row.publishedAt) });
}

export async function getVersion(eventId: string, number: number) {
  const row = await db.scheduleVersion.findUnique({ where: { eventId_number: { eventId, number } } });
  return row ? parseVersion(row) : null;
}

/**
 * Write `snapshot` as the next version. Shared by the publish page, day-of
 * placements and the demo seed; callers have checked permissions already.
 */
export async function freezeVersion(
  eventId: string,
  actorId: string | null,
  snapshot: ScheduleSnapshot,
  { note = "", notify = true, advanceStage = false }: { note?: string; notify?: boolean; advanceStage?: boolean } = {},
) {
  const { version, stage } = await db.$transaction(async (tx) => {
    const previousRow = await tx.scheduleVersion.findFirst({ where: { eventId }, orderBy: { number: "desc" } });
    const previous = previousRow ? parseVersion(previousRow).snapshot : null;
    const changelog = diffSnapshots(previous, snapshot);
    const row = await tx.scheduleVersion.create({
      data: {
        eventId,
        number: (previousRow?.number ?? 0) + 1,
        snapshot: JSON.stringify(snapshot),
        changelog: JSON.stringify(changelog),
        note,
        publishedById: actorId,
      },
    });
    const changes = (kind: ChangeEntry["kind"]) => changelog.filter((c) => c.kind === kind).length;
    await recordAudit(tx, {
      eventId,
      actorId,
      action: "schedule.published",
      entity: "ScheduleVersion",
      entityId: row.id,
      detail: {
        number: row.number,
        added: changes("added"),
        moved: changes("moved"),
        cancelled: changes("cancelled"),
        note,
      },
    });
    const stage = advanceStage ? await advanceToPublished(tx, eventId, actorId) : null;
    return { version: parseVersion(row), stage };
  });
  const notified = notify ? await mailChangedPresenters(version) : 0;
  return { version, notified, stage };
}

// Stages before "published": publishing the schedule is what ends them, so the
// dashboard never says "Taking proposals" beside a published version 1.
const BEFORE_PUBLISHED = ["draft", "proposals_open", "scheduling"];

/**
 * Moves the PD day forward to "published" if it is still in an earlier stage;
 * never backwards (a live or archived day stays as it is). The write carries the
 * stage it read, so a coordinator changing the stage at the same moment wins cleanly.
 */
async function advanceToPublished(tx: Tx, eventId: string, actorId: string | null) {
  const { status } = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { status: true } });
  if (!BEFORE_PUBLISHED.includes(status)) return null;
  const moved = await tx.event.updateMany({ where: { id: eventId, status }, data: { status: "published" } });
  if (moved.count !== 1) return null;
  await recordStageChange(tx, eventId, actorId, status, "published");
  return { from: status, to: "published" as const };
}

/** A coordinator publishes the working grid as the next version. */
export async function publish(actorId: string, eventId: string, options: PublishOptions = {}) {
  await assertEventCoordinator(actorId, eventId);
  if (options.blockOnConflicts) {
    const conflicts = await conflictsForEvent(eventId);
    if (conflicts.length > 0) {
      const list = conflicts.map((c) => c.message).join(" · ");
      throw new RuleError(
        `Not published: ${count(conflicts.length, "warning")} ${conflicts.length === 1 ? "needs" : "need"} fixing first. ${list}`,
      );
    }
  }
  return freezeVersion(eventId, actorId, await buildSnapshot(eventId), {
    note: options.note?.trim() ?? "",
    advanceStage: true,
  });
}

/** One message per presenter or co-presenter, listing only their own changes. */
async function mailChangedPresenters(version: PublishedVersion) {
  const byPerson = new Map<string, ChangeEntry[]>();
  for (const change of version.changelog) {
    for (const userId of change.presenterIds) {
      const list = byPerson.get(userId) ?? [];
      list.push(change);
      byPerson.set(userId, list);
    }
  }
  if (byPerson.size === 0) return 0;
  const people = await db.user.findMany({
    where: { id: { in: [...byPerson.keys()] } },
    select: { id: true, name: true, email: true },
  });
  const { event } = version.snapshot;
  for (const person of people) {
    const changes = byPerson.get(person.id)!;
    const token = await ensureFeedLink(person.id, event.id, "presenter");
    const text = [
      `Hello ${person.name},`,
      "",
      version.number === 1
        ? `The schedule for ${event.name} is published. Here is where you present:`
        : `The schedule for ${event.name} changed (version ${version.number}). What changed for you:`,
      "",
      ...changes.map((c) => `- ${describeChange(c)}`),
      "",
      ...(version.note ? [`Note from the coordinator: ${version.note}`, ""] : []),
      `The whole schedule: ${appLink(`/e/${event.slug}`)}`,
      `Your sessions in your calendar app: ${appLink(`/e/${event.slug}/presenters/${token}.ics`)}`,
      `Your schedule to print: ${appLink(`/e/${event.slug}/presenters/${token}/print`)}`,
    ].join("\n");
    await sendMail({
      eventId: event.id,
      to: person.email,
      // Private feed links: a coordinator reading the outbox has no use for them.
      secrets: [
        appLink(`/e/${event.slug}/presenters/${token}.ics`),
        appLink(`/e/${event.slug}/presenters/${token}/print`),
      ],
      subject:
        version.number === 1 ? `Your sessions at ${event.name}` : `Schedule change for your sessions at ${event.name}`,
      text,
    });
  }
  return people.length;
}

/** Everything the publish page shows: warnings now, and every version so far. */
export async function getPublishPage(actorId: string, slug: string) {
  const event = await findEventBySlug(slug);
  await assertEventCoordinator(actorId, event.id);
  const [conflicts, rows, placed] = await Promise.all([
    conflictsForEvent(event.id),
    db.scheduleVersion.findMany({
      where: { eventId: event.id },
      orderBy: { number: "desc" },
      select: { id: true, number: true, note: true, publishedAt: true, changelog: true, publishedById: true },
    }),
    db.placement.count({ where: { eventId: event.id } }),
  ]);
  const publisherIds = [...new Set(rows.flatMap((r) => (r.publishedById ? [r.publishedById] : [])))];
  const publishers = new Map(
    (await db.user.findMany({ where: { id: { in: publisherIds } }, select: { id: true, name: true } })).map((u) => [
      u.id,
      u.name,
    ]),
  );
  return {
    event,
    conflicts,
    placed,
    versions: rows.map((r) => ({
      id: r.id,
      number: r.number,
      note: r.note,
      publishedAt: r.publishedAt,
      publishedBy: r.publishedById ? (publishers.get(r.publishedById) ?? "") : "",
      changes: (JSON.parse(r.changelog) as ChangeEntry[]).map(describeChange),
    })),
  };
}
