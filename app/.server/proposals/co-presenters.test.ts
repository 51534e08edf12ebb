import { describe, expect, test } from "vitest";
import { CoPresenterInviteSchema, ProposalDraftSchema, ResourceSchema } from "~/schemas/proposals";
import { db } from "~/utils/db.server";
import { createEvent, createProposal, createUser } from "../../../tests/factories";
import { hashToken } from "../accounts/tokens";
import { NotAllowedError, RuleError } from "../errors";
import { acceptCoPresenter, findCoPresenterInvite, inviteCoPresenter, removeCoPresenter } from "./co-presenters";
import { getProposalForPresenter, listMyProposals } from "./proposal-access";
import { saveDraft } from "./proposals";
import { addResource, removeResource } from "./resources";

const invite = (email: string, name = "") => CoPresenterInviteSchema.parse({ email, name });

/** The token from the mailed link: the database only has its hash. */
async function mailedToken(to: string) {
  const mail = await db.outboxMessage.findFirstOrThrow({ where: { to }, orderBy: { createdAt: "desc" } });
  return mail.text.match(/\/co-present\/(\S+)/)![1]!;
}

async function setup(state = "submitted") {
  const event = await createEvent({ status: "proposals_open" });
  const lead = await createUser({ name: "Maria Hernandez" });
  const colleague = await createUser();
  const proposal = await createProposal(event.id, lead.id, { state, title: "Phonics games" });
  return { event, lead, colleague, proposal };
}

describe("co-presenters", () => {
  test("the invite mails a link whose token is stored only as a hash", async () => {
    const { lead, colleague, proposal } = await setup();
    const row = await inviteCoPresenter(lead.id, proposal.id, invite(colleague.email, "Ben"));

    const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: colleague.email } });
    expect(mail.subject).toBe("Maria Hernandez invited you to co-present “Phonics games”");
    const token = await mailedToken(colleague.email);
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(await db.proposalCoPresenter.findMany())).not.toContain(token);
  });

  test("accepting needs the invited address; then the colleague reads, edits and becomes a presenter", async () => {
    const { event, lead, colleague, proposal } = await setup("draft");
    const stranger = await createUser();
    await inviteCoPresenter(lead.id, proposal.id, invite(colleague.email));
    const token = await mailedToken(colleague.email);

    // Invited but not yet accepted: no access.
    await expect(getProposalForPresenter(colleague.id, proposal.id)).rejects.toThrow(NotAllowedError);
    await expect(acceptCoPresenter(token, stranger.id)).rejects.toThrow(`This invitation is for ${colleague.email}`);

    await acceptCoPresenter(token, colleague.id);
    const view = await getProposalForPresenter(colleague.id, proposal.id);
    expect(view.isLead).toBe(false);
    await saveDraft(colleague.id, proposal.id, ProposalDraftSchema.parse({ title: "Phonics games, together" }));
    expect((await listMyProposals(colleague.id)).map((p) => p.title)).toEqual(["Phonics games, together"]);
    // A draft does not make anyone a presenter of the day yet.
    expect(await db.membership.count({ where: { eventId: event.id, userId: colleague.id } })).toBe(0);
    // Nor can a co-presenter invite or withdraw on the lead's behalf.
    await expect(inviteCoPresenter(colleague.id, proposal.id, invite("x@springfield.k12.us"))).rejects.toThrow(
      NotAllowedError,
    );
  });

  test("accepting a submitted proposal's invitation makes the colleague a presenter of the day", async () => {
    const { event, lead, colleague, proposal } = await setup("submitted");
    await inviteCoPresenter(lead.id, proposal.id, invite(colleague.email));
    await acceptCoPresenter(await mailedToken(colleague.email), colleague.id);
    expect(await db.membership.count({ where: { eventId: event.id, userId: colleague.id, role: "presenter" } })).toBe(
      1,
    );
  });

  test("an invitation expires after 14 days: it can no longer be accepted, and both pages say so", async () => {
    const { lead, colleague, proposal } = await setup("submitted");
    await inviteCoPresenter(lead.id, proposal.id, invite(colleague.email));
    const token = await mailedToken(colleague.email);
    const row = await db.proposalCoPresenter.findFirstOrThrow({ where: { proposalId: proposal.id } });
    const day = 24 * 60 * 60 * 1000;
    const expires = (await findCoPresenterInvite(token))!.expiresAt;
    expect(expires.getTime() - row.invitedAt.getTime()).toBe(14 * day);
    expect((await db.outboxMessage.findFirstOrThrow({ where: { to: colleague.email } })).text).toContain(
      "within 14 days",
    );

    const later = new Date(row.invitedAt.getTime() + 14 * day + 1);
    await expect(acceptCoPresenter(token, colleague.id, later)).rejects.toThrow("This invitation has expired");
    expect((await db.proposalCoPresenter.findFirstOrThrow({ where: { id: row.id } })).confirmedAt).toBeNull();
    const leadView = await getProposalForPresenter(lead.id, proposal.id, later);
    expect(leadView.coPresenters.map((c) => c.expired)).toEqual([true]);
    expect((await getProposalForPresenter(lead.id, proposal.id)).coPresenters.map((c) => c.expired)).toEqual([false]);

    // The day before, it still works.
    await acceptCoPresenter(token, colleague.id, new Date(row.invitedAt.getTime() + 13 * day));
  });

  test("at most three co-presenters, no duplicates, not yourself; the lead can remove one", async () => {
    const { lead, proposal } = await setup();
    await expect(inviteCoPresenter(lead.id, proposal.id, invite(lead.email))).rejects.toThrow(RuleError);
    const rows = [];
    for (const n of [1, 2, 3])
      rows.push(await inviteCoPresenter(lead.id, proposal.id, invite(`co${n}@springfield.k12.us`)));
    await expect(inviteCoPresenter(lead.id, proposal.id, invite("co1@springfield.k12.us"))).rejects.toThrow(
      "already invited",
    );
    await expect(inviteCoPresenter(lead.id, proposal.id, invite("co4@springfield.k12.us"))).rejects.toThrow(
      "at most 3",
    );

    await removeCoPresenter(lead.id, proposal.id, rows[0]!.id);
    await inviteCoPresenter(lead.id, proposal.id, invite("co4@springfield.k12.us"));
    expect((await db.proposalCoPresenter.findMany()).map((c) => c.email).sort()).toEqual([
      "co2@springfield.k12.us",
      "co3@springfield.k12.us",
      "co4@springfield.k12.us",
    ]);
  });
});

describe("resources", () => {
  const link = ResourceSchema.parse({ label: "Slides", url: "https://docs.example.org/slides" });

  test("links are added once accepted, not before", async () => {
    const { lead, proposal } = await setup("submitted");
    await expect(addResource(lead.id, proposal.id, link)).rejects.toThrow("once the session is accepted");
    await db.proposal.update({ where: { id: proposal.id }, data: { state: "confirmed" } });
    const added = await addResource(lead.id, proposal.id, link);
    expect((await getProposalForPresenter(lead.id, proposal.id)).resources).toEqual([
      { id: added.id, label: "Slides", url: "https://docs.example.org/slides" },
    ]);
    await removeResource(lead.id, proposal.id, added.id);
    expect(await db.proposalResource.count()).toBe(0);
  });

  test("only web links are accepted", () => {
    expect(ResourceSchema.safeParse({ label: "x", url: "javascript:alert(1)" }).success).toBe(false);
    expect(ResourceSchema.safeParse({ label: "x", url: "ftp://files.example.org" }).success).toBe(false);
  });
});
