// The review board and the review team's private notes and scores. Every read
// and write checks review access first (assertCanReview), so a presenter never
// reaches another teacher's proposal or anyone's notes through here.
import { parseSubjectTags, splitList } from "~/schemas/proposals";
import type { BoardFilters, ReviewInput } from "~/schemas/review";
import { db } from "~/utils/db.server";
import { assertCanReview, loadReviewableProposal } from "./review-access";

function contains(haystack: string | null | undefined, needle: string) {
  return (haystack ?? "").toLocaleLowerCase().includes(needle.toLocaleLowerCase());
}

function average(scores: Array<number | null>) {
  const given = scores.filter((s): s is number => s !== null);
  if (given.length === 0) return null;
  return Math.round((given.reduce((sum, s) => sum + s, 0) / given.length) * 10) / 10;
}

/**
 * The proposals the review team works through, filtered and sorted. An event has
 * at most a few hundred, and the multi-valued columns are comma-separated text,
 * so filtering happens here rather than in SQL.
 */
export async function listBoard(actorId: string, eventId: string, filters: BoardFilters) {
  const { actor, canDecide } = await assertCanReview(actorId, eventId);
  const [event, rows, draftCount] = await Promise.all([
    db.event.findUniqueOrThrow({ where: { id: eventId }, select: { subjectTags: true } }),
    db.proposal.findMany({
      where: { eventId, state: { not: "draft" } },
      include: {
        presenter: { select: { name: true, email: true } },
        coPresenters: { select: { name: true, email: true, confirmedAt: true, user: { select: { name: true } } } },
        reviews: { select: { reviewerId: true, score: true } },
      },
    }),
    db.proposal.count({ where: { eventId, state: "draft" } }),
  ]);

  const all = rows.map((p) => ({
    id: p.id,
    title: p.title,
    summary: p.summary,
    details: p.details,
    state: p.state,
    stagedDecision: p.stagedDecision,
    presenterName: p.presenter.name,
    presenterEmail: p.presenter.email,
    coPresenters: p.coPresenters.map((c) => ({
      name: c.user?.name ?? (c.name || c.email),
      email: c.email,
      confirmed: c.confirmedAt !== null,
    })),
    audience: splitList(p.audience),
    tags: splitList(p.tags),
    format: p.format,
    techNeeds: splitList(p.techNeeds),
    lengthBlocks: p.lengthBlocks,
    submittedAt: p.submittedAt ?? p.createdAt,
    averageScore: average(p.reviews.map((r) => r.score)),
    reviewCount: p.reviews.length,
    myScore: p.reviews.find((r) => r.reviewerId === actor.id)?.score ?? null,
  }));

  const matches = all.filter(
    (p) =>
      (!filters.state || p.state === filters.state) &&
      (!filters.audience || p.audience.includes(filters.audience)) &&
      (!filters.tag || p.tags.includes(filters.tag)) &&
      (!filters.format || p.format === filters.format) &&
      (!filters.tech || p.techNeeds.includes(filters.tech)) &&
      (!filters.presenter ||
        [p.presenterName, p.presenterEmail, ...p.coPresenters.flatMap((c) => [c.name, c.email])].some((s) =>
          contains(s, filters.presenter!),
        )) &&
      (!filters.q || [p.title, p.summary, p.details].some((s) => contains(s, filters.q!))),
  );

  const byTitle = (a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title);
  const time = (d: Date) => d.getTime();
  const sorters: Record<BoardFilters["sort"], (a: (typeof all)[number], b: (typeof all)[number]) => number> = {
    newest: (a, b) => time(b.submittedAt) - time(a.submittedAt) || byTitle(a, b),
    oldest: (a, b) => time(a.submittedAt) - time(b.submittedAt) || byTitle(a, b),
    title: byTitle,
    // Unscored proposals go last: "highest first" should not open with blanks.
    score: (a, b) => (b.averageScore ?? -1) - (a.averageScore ?? -1) || byTitle(a, b),
    presenter: (a, b) => a.presenterName.localeCompare(b.presenterName) || byTitle(a, b),
  };
  matches.sort(sorters[filters.sort]);

  return {
    canDecide,
    proposals: matches.map(({ details: _details, ...row }) => row),
    total: all.length,
    draftCount,
    stagedCount: all.filter((p) => p.stagedDecision).length,
    subjectTags: parseSubjectTags(event.subjectTags),
  };
}

/** One proposal as the review team reads it: every field, all reviews, the history. */
export async function getProposalForReview(actorId: string, eventId: string, proposalId: string) {
  const { proposal, actor, canDecide } = await loadReviewableProposal(actorId, proposalId, eventId);
  const [presenter, coPresenters, resources, reviews, blocks, history] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: proposal.presenterId },
      select: { name: true, email: true, school: true },
    }),
    db.proposalCoPresenter.findMany({
      where: { proposalId },
      select: { id: true, email: true, name: true, confirmedAt: true, user: { select: { name: true } } },
      orderBy: { invitedAt: "asc" },
    }),
    db.proposalResource.findMany({
      where: { proposalId },
      select: { id: true, label: true, url: true },
      orderBy: { createdAt: "asc" },
    }),
    db.proposalReview.findMany({
      where: { proposalId },
      select: {
        id: true,
        reviewerId: true,
        score: true,
        note: true,
        updatedAt: true,
        reviewer: { select: { name: true } },
      },
      orderBy: { updatedAt: "asc" },
    }),
    db.timeBlock.findMany({ where: { eventId }, select: { id: true, label: true, startTime: true, endTime: true } }),
    db.auditLog.findMany({
      where: { entity: "Proposal", entityId: proposalId },
      orderBy: { createdAt: "asc" },
      select: { id: true, action: true, detail: true, createdAt: true, actor: { select: { name: true } } },
    }),
  ]);
  const blockById = new Map(blocks.map((b) => [b.id, b]));
  return {
    proposal: {
      ...proposal,
      audience: splitList(proposal.audience),
      tags: splitList(proposal.tags),
      techNeeds: splitList(proposal.techNeeds),
      // A block deleted since the presenter chose it simply drops out.
      unavailableBlocks: splitList(proposal.unavailableBlockIds).flatMap((id) => {
        const block = blockById.get(id);
        return block ? [`${block.label} (${block.startTime}–${block.endTime})`] : [];
      }),
    },
    presenter,
    coPresenters: coPresenters.map((c) => ({
      id: c.id,
      email: c.email,
      name: c.user?.name ?? c.name,
      confirmed: c.confirmedAt !== null,
    })),
    resources,
    reviews: reviews.map(({ reviewerId, ...r }) => ({ ...r, mine: reviewerId === actor.id })),
    myReview: reviews.find((r) => r.reviewerId === actor.id) ?? null,
    averageScore: average(reviews.map((r) => r.score)),
    history: history.map((h) => ({ ...h, detail: safeParse(h.detail) })),
    canDecide,
  };
}

function safeParse(detail: string): Record<string, unknown> {
  try {
    return JSON.parse(detail) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** A reviewer's own note and score: one row per reviewer per proposal, replaced on save. */
export async function saveReview(actorId: string, proposalId: string, input: ReviewInput) {
  await loadReviewableProposal(actorId, proposalId);
  const data = { score: input.score ?? null, note: input.note };
  return db.proposalReview.upsert({
    where: { proposalId_reviewerId: { proposalId, reviewerId: actorId } },
    create: { proposalId, reviewerId: actorId, ...data },
    update: data,
  });
}
