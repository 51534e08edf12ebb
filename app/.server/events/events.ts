// PD days: create, edit, move through their stages, archive; the coordinator's dashboard.
import type { EventInput, EventStatus } from "~/schemas/events";
import { db, type Tx } from "~/utils/db.server";
import { recordAudit } from "../audit/audit";
import { NotFoundError, RuleError } from "../errors";
import {
  assertDistrictCoordinator,
  assertEventCoordinator,
  assertEventDoor,
  coordinatesEvent,
  findEventBySlug,
  loadActor,
} from "./permissions";

// Each stage may move one step on, or back one step (a coordinator reopens
// proposals, unpublishes to fix a mistake). Archive is reachable from any stage
// and "restore" returns an archived day to draft.
const STAGE_ORDER: EventStatus[] = ["draft", "proposals_open", "scheduling", "published", "live"];

export function allowedNextStatuses(current: string): EventStatus[] {
  if (current === "archived") return ["draft"];
  const index = STAGE_ORDER.indexOf(current as EventStatus);
  const next: EventStatus[] = [];
  if (index > 0) next.push(STAGE_ORDER[index - 1]!);
  if (index >= 0 && index < STAGE_ORDER.length - 1) next.push(STAGE_ORDER[index + 1]!);
  next.push("archived");
  return next;
}

export function slugify(name: string) {
  return (
    name
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/g, "") || "pd-day"
  );
}

async function uniqueSlug(base: string) {
  let slug = base;
  for (let n = 2; await db.event.findUnique({ where: { slug }, select: { id: true } }); n++) {
    slug = `${base}-${n}`;
  }
  return slug;
}

function eventData(input: EventInput) {
  return {
    name: input.name,
    date: input.date,
    startTime: input.startTime,
    endTime: input.endTime,
    timeZone: input.timeZone,
    venue: input.venue ?? "",
    description: input.description ?? "",
    proposalsOpenOn: input.proposalsOpenOn ?? null,
    proposalsCloseOn: input.proposalsCloseOn ?? null,
    allowedEmailDomain: input.allowedEmailDomain ?? null,
    subjectTags: input.subjectTags.join("\n"),
    doorsOpenAt: input.doorsOpenAt ?? null,
    earlyCheckIn: input.earlyCheckIn,
  };
}

/** A district coordinator creates a PD day and becomes its first coordinator. */
export async function createEvent(actorId: string, input: EventInput) {
  await assertDistrictCoordinator(actorId);
  let slug: string;
  if (input.slug) {
    if (await db.event.findUnique({ where: { slug: input.slug }, select: { id: true } })) {
      throw new RuleError("Another PD day already uses this web address.", "slug");
    }
    slug = input.slug;
  } else {
    slug = await uniqueSlug(slugify(input.name));
  }
  return db.$transaction(async (tx) => {
    const event = await tx.event.create({ data: { ...eventData(input), slug } });
    await tx.membership.create({ data: { eventId: event.id, userId: actorId, role: "coordinator" } });
    await recordAudit(tx, {
      eventId: event.id,
      actorId,
      action: "event.created",
      entity: "Event",
      entityId: event.id,
      detail: { name: event.name, date: event.date },
    });
    return event;
  });
}

export async function updateEvent(actorId: string, eventId: string, input: EventInput) {
  await assertEventCoordinator(actorId, eventId);
  const before = await db.event.findUniqueOrThrow({ where: { id: eventId } });
  if (before.status === "archived") throw new RuleError("Restore this PD day before editing it.");
  const slug = input.slug ?? before.slug;
  if (slug !== before.slug && (await db.event.findUnique({ where: { slug }, select: { id: true } }))) {
    throw new RuleError("Another PD day already uses this web address.", "slug");
  }
  const data = { ...eventData(input), slug };
  const changed = Object.fromEntries(
    Object.entries(data).filter(([key, value]) => before[key as keyof typeof before] !== value),
  );
  return db.$transaction(async (tx) => {
    const event = await tx.event.update({ where: { id: eventId }, data });
    if (Object.keys(changed).length > 0) {
      await recordAudit(tx, {
        eventId,
        actorId,
        action: "event.updated",
        entity: "Event",
        entityId: eventId,
        detail: changed,
      });
    }
    return event;
  });
}

export async function setEventStatus(actorId: string, eventId: string, status: EventStatus) {
  await assertEventCoordinator(actorId, eventId);
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId } });
  if (!allowedNextStatuses(event.status).includes(status)) {
    throw new RuleError(`A PD day cannot go from “${event.status}” to “${status}”.`, "status");
  }
  // "Schedule published" with nothing published would tell attendees a story that is not
  // true: the first publish (on the Publish page) is what moves the day on.
  if (status === "published" && !(await db.scheduleVersion.findFirst({ where: { eventId }, select: { id: true } }))) {
    throw new RuleError(
      "Nothing is published yet. Publish the schedule on the Publish page; that moves the PD day on.",
      "status",
    );
  }
  return db.$transaction(async (tx) => {
    // Conditional on the status read: two coordinators pressing different buttons cannot skip a stage.
    const { count } = await tx.event.updateMany({ where: { id: eventId, status: event.status }, data: { status } });
    if (count !== 1)
      throw new RuleError("Someone else changed this PD day's stage just now. Reload to see it.", "status");
    const updated = await tx.event.findUniqueOrThrow({ where: { id: eventId } });
    await recordStageChange(tx, eventId, actorId, event.status, status);
    return updated;
  });
}

/** The audit entry of a stage change, wherever the change comes from (the dashboard, publishing). */
export function recordStageChange(tx: Tx, eventId: string, actorId: string | null, from: string, to: EventStatus) {
  return recordAudit(tx, {
    eventId,
    actorId,
    action: "event.status_changed",
    entity: "Event",
    entityId: eventId,
    detail: { from, to },
  });
}

/** The PD days a person sees in their list: all for district coordinators, else their memberships. */
export async function listEventsFor(actorId: string) {
  const actor = await loadActor(actorId);
  const events = await db.event.findMany({
    where: actor.isDistrictCoordinator ? {} : { memberships: { some: { userId: actorId } } },
    orderBy: [{ date: "desc" }, { name: "asc" }],
    include: { memberships: { where: { userId: actorId }, select: { role: true } } },
  });
  return events.map(({ memberships, ...event }) => ({
    ...event,
    roles: memberships.map((m) => m.role),
    canManage: actor.isDistrictCoordinator || memberships.some((m) => m.role === "coordinator"),
  }));
}

/** Everything the coordinator's dashboard shows for one PD day. */
export async function getEventDashboard(actorId: string, slug: string) {
  const event = await findEventBySlug(slug);
  await assertEventCoordinator(actorId, event.id);
  const [roleCounts, proposalCounts, rooms, blocks, vendors, recentChanges, outboxCount, latestVersion] =
    await Promise.all([
      db.membership.groupBy({ by: ["role"], where: { eventId: event.id }, _count: { _all: true } }),
      db.proposal.groupBy({ by: ["state"], where: { eventId: event.id }, _count: { _all: true } }),
      db.room.count({ where: { eventId: event.id } }),
      db.timeBlock.count({ where: { eventId: event.id } }),
      db.vendor.count({ where: { eventId: event.id } }),
      db.auditLog.findMany({
        where: { eventId: event.id },
        orderBy: { createdAt: "desc" },
        take: 8,
        include: { actor: { select: { name: true } } },
      }),
      db.outboxMessage.count({ where: { eventId: event.id } }),
      db.scheduleVersion.findFirst({
        where: { eventId: event.id },
        orderBy: { number: "desc" },
        select: { number: true, publishedAt: true },
      }),
    ]);
  return {
    event,
    people: Object.fromEntries(roleCounts.map((r) => [r.role, r._count._all])) as Record<string, number>,
    proposals: Object.fromEntries(proposalCounts.map((p) => [p.state, p._count._all])) as Record<string, number>,
    rooms,
    blocks,
    vendors,
    outboxCount,
    recentChanges,
    latestVersion,
    nextStatuses: allowedNextStatuses(event.status),
  };
}

/** The event for its settings page (coordinators only). */
export async function getEventForCoordinator(actorId: string, slug: string) {
  const event = await findEventBySlug(slug);
  await assertEventCoordinator(actorId, event.id);
  return event;
}

/** A PD day for its door: coordinators and door volunteers (the kiosk and the live view). */
export async function getEventForDoor(actorId: string, slug: string) {
  const event = await findEventBySlug(slug);
  const actor = await assertEventDoor(actorId, event.id);
  const canManage = await coordinatesEvent(actor, event.id);
  return { ...event, canManage };
}

/** The public face of a PD day: anything past draft (an archived day shows that it has ended). */
export async function getPublicEvent(slug: string) {
  const event = await findEventBySlug(slug);
  if (event.status === "draft") throw new NotFoundError("This PD day is not open to the public yet.");
  return event;
}

export async function listPublicEvents() {
  return db.event.findMany({
    where: { status: { notIn: ["draft", "archived"] } },
    orderBy: { date: "asc" },
    select: { slug: true, name: true, date: true, venue: true, status: true },
  });
}
