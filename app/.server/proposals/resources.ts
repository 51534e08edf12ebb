// Slides, handouts, a shared doc: links presenters attach to a session once it is
// accepted, shown on its public page after the schedule is published.
import type { ResourceInput } from "~/schemas/proposals";
import { db } from "~/utils/db.server";
import { recordAudit } from "../audit/audit";
import { NotFoundError, RuleError } from "../errors";
import { loadPresentedProposal } from "./proposal-access";

const RESOURCE_STATES = new Set(["accepted", "confirmed"]);
const MAX_RESOURCES = 10;

export async function addResource(actorId: string, proposalId: string, input: ResourceInput) {
  const { proposal } = await loadPresentedProposal(actorId, proposalId);
  if (!RESOURCE_STATES.has(proposal.state)) {
    throw new RuleError("Links can be added once the session is accepted.");
  }
  const count = await db.proposalResource.count({ where: { proposalId } });
  if (count >= MAX_RESOURCES) throw new RuleError(`A session can have at most ${MAX_RESOURCES} links.`, "url");
  return db.$transaction(async (tx) => {
    const resource = await tx.proposalResource.create({ data: { proposalId, label: input.label, url: input.url } });
    await recordAudit(tx, {
      eventId: proposal.eventId,
      actorId,
      action: "proposal.resource_added",
      entity: "Proposal",
      entityId: proposalId,
      detail: { label: input.label },
    });
    return resource;
  });
}

export async function removeResource(actorId: string, proposalId: string, resourceId: string) {
  const { proposal } = await loadPresentedProposal(actorId, proposalId);
  const resource = await db.proposalResource.findFirst({ where: { id: resourceId, proposalId } });
  if (!resource) throw new NotFoundError("That link is not on this session.");
  await db.$transaction(async (tx) => {
    const { count } = await tx.proposalResource.deleteMany({ where: { id: resource.id } });
    if (count !== 1) throw new NotFoundError("That link is not on this session.");
    await recordAudit(tx, {
      eventId: proposal.eventId,
      actorId,
      action: "proposal.resource_removed",
      entity: "Proposal",
      entityId: proposalId,
      detail: { label: resource.label },
    });
  });
  return resource;
}
