// A PD day's credit rules, provider details and credit categories, and the
// categories each session carries: set by the day's coordinators only. Each write
// carries what the form read (the event's updatedAt, a session's categories), so a
// save over a colleague's change is refused instead of applied over it.
import type { CreditSettingsInput, SessionCategoriesInput } from "~/schemas/credit";
import { db } from "~/utils/db.server";
import { recordAudit } from "../audit/audit";
import { NotFoundError, RuleError } from "../errors";
import { assertEventCoordinator } from "../events/permissions";
import { latestPublished } from "../schedule/publish";
import { splitCategories } from "./credit-lines";

const CHANGED = "Someone else changed these settings while you were editing. Reload to see theirs, then save again.";

export async function getCreditSettings(actorId: string, eventId: string) {
  await assertEventCoordinator(actorId, eventId);
  const [event, version] = await Promise.all([
    db.event.findUniqueOrThrow({ where: { id: eventId } }),
    latestPublished(eventId),
  ]);
  // The sessions of the published schedule (a repeat is one session: categories belong to the proposal).
  const placed = new Map<string, { title: string; where: string }>();
  for (const s of version?.snapshot.sessions ?? []) {
    if (!placed.has(s.proposalId))
      placed.set(s.proposalId, { title: s.title, where: `${s.blockLabel} · ${s.roomName}` });
  }
  const proposals = await db.proposal.findMany({
    where: { eventId, id: { in: [...placed.keys()] } },
    select: { id: true, creditCategories: true },
  });
  const tags = new Map(proposals.map((p) => [p.id, p.creditCategories]));
  return {
    settings: {
      providerName: event.providerName,
      providerNumber: event.providerNumber,
      creditCategories: splitCategories(event.creditCategories),
      feedbackForCredit: event.feedbackForCredit,
      dailyCapMinutes: event.dailyCapMinutes,
      version: event.updatedAt.toISOString(),
    },
    sessions: [...placed].map(([proposalId, s]) => ({ proposalId, ...s, stored: tags.get(proposalId) ?? "" })),
  };
}

export async function saveCreditSettings(actorId: string, eventId: string, input: CreditSettingsInput) {
  await assertEventCoordinator(actorId, eventId);
  const data = {
    providerName: input.providerName,
    providerNumber: input.providerNumber,
    creditCategories: input.creditCategories.join("\n"),
    feedbackForCredit: input.feedbackForCredit,
    dailyCapMinutes: input.dailyCapHours === null ? null : Math.round(input.dailyCapHours * 60),
  };
  return db.$transaction(async (tx) => {
    const { count } = await tx.event.updateMany({ where: { id: eventId, updatedAt: new Date(input.version) }, data });
    if (count === 0) throw new RuleError(CHANGED);
    await recordAudit(tx, {
      eventId,
      actorId,
      action: "credit.rules_changed",
      entity: "Event",
      entityId: eventId,
      detail: data,
    });
    return data;
  });
}

/** Tag one session with the day's categories (only names the day offers). */
export async function tagSession(actorId: string, eventId: string, input: SessionCategoriesInput) {
  await assertEventCoordinator(actorId, eventId);
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId }, select: { creditCategories: true } });
  const offered = splitCategories(event.creditCategories);
  const unknown = input.categories.filter((c) => !offered.includes(c));
  if (unknown.length > 0)
    throw new RuleError(`“${unknown[0]}” is not one of this PD day's credit categories.`, "categories");
  const chosen = offered.filter((c) => input.categories.includes(c));
  return db.$transaction(async (tx) => {
    const proposal = await tx.proposal.findFirst({
      where: { id: input.proposalId, eventId },
      select: { id: true, title: true },
    });
    if (!proposal) throw new NotFoundError("That session is not on this PD day.");
    const { count } = await tx.proposal.updateMany({
      where: { id: proposal.id, creditCategories: input.was },
      data: { creditCategories: chosen.join("\n") },
    });
    if (count === 0)
      throw new RuleError(
        `Someone else changed the categories of “${proposal.title}” meanwhile. Reload and try again.`,
        "categories",
      );
    await recordAudit(tx, {
      eventId,
      actorId,
      action: "credit.session_categories",
      entity: "Proposal",
      entityId: proposal.id,
      detail: { categories: chosen },
    });
    return { title: proposal.title, categories: chosen };
  });
}
