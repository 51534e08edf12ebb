// The life of a proposal. One table of allowed moves, so every service asks the
// same question ("may this proposal go from X to Y, by whom?") the same way.
//
//   draft ──submit──▶ submitted ──decide──▶ accepted ──confirm──▶ confirmed
//                        ▲  │                 │  ▲
//                        │  └──▶ waitlisted ──┘  │
//                        │  └──▶ declined        │
//                        └──── reopen (coordinator) from accepted/waitlisted/declined
//   presenter may withdraw from draft, submitted, waitlisted, accepted, confirmed.
//   withdrawn is final: nobody can accept a withdrawn proposal.

export const PROPOSAL_STATES = [
  "draft",
  "submitted",
  "accepted",
  "waitlisted",
  "declined",
  "withdrawn",
  "confirmed",
] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

export const DECISIONS = ["accepted", "waitlisted", "declined"] as const;
export type Decision = (typeof DECISIONS)[number];

type Actor = "presenter" | "coordinator";

const MOVES: Record<ProposalState, Partial<Record<ProposalState, Actor>>> = {
  draft: { submitted: "presenter", withdrawn: "presenter" },
  submitted: { accepted: "coordinator", waitlisted: "coordinator", declined: "coordinator", withdrawn: "presenter" },
  waitlisted: { accepted: "coordinator", declined: "coordinator", submitted: "coordinator", withdrawn: "presenter" },
  accepted: { confirmed: "presenter", withdrawn: "presenter", submitted: "coordinator" },
  declined: { submitted: "coordinator" },
  confirmed: { withdrawn: "presenter" },
  withdrawn: {},
};

export function canMove(from: string, to: ProposalState, by: Actor) {
  return MOVES[from as ProposalState]?.[to] === by;
}

/** Presenters edit while the proposal is theirs to change: before any decision. */
export function isEditableState(state: string) {
  return state === "draft" || state === "submitted";
}

export const STATE_LABELS: Record<ProposalState, string> = {
  draft: "Draft",
  submitted: "Submitted",
  accepted: "Accepted — please confirm",
  waitlisted: "Waitlisted",
  declined: "Not this time",
  withdrawn: "Withdrawn",
  confirmed: "Confirmed",
};
