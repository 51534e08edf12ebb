// Which proposals were offered on the day ("propose now"): Proposal.dayOf.
// The offer is also audited as DAY_OF_ACTION.
import { db, type Tx } from "~/utils/db.server";

export const DAY_OF_ACTION = "proposal.day_of_offered";

export async function dayOfProposalIds(eventId: string, client: Tx | typeof db = db) {
  const rows = await client.proposal.findMany({ where: { eventId, dayOf: true }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}
