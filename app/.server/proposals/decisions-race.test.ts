// A presenter withdraws at the instant a coordinator accepts. Whatever the order,
// the proposal ends in one state, the loser is told, and nobody is mailed
// "accepted" about a withdrawn proposal.
import { afterEach, expect, test } from "vitest";
import { db } from "~/utils/db.server";
import { addMember, createEvent, createProposal, createUser } from "../../../tests/factories";
import { decide, releaseStaged } from "./decisions";
import { withdrawProposal } from "./proposals";

const findMany = db.proposal.findMany;
afterEach(() => {
  db.proposal.findMany = findMany;
});

async function submittedProposal() {
  const event = await createEvent({ status: "scheduling", name: "Spring Tech Exchange" });
  const coordinator = await createUser({ name: "Dana Whitfield" });
  await addMember(event.id, coordinator.id, "coordinator");
  const teacher = await createUser({ name: "Priya Patel" });
  const proposal = await createProposal(event.id, teacher.id, { title: "Podcasting with 5th graders" });
  return { event, coordinator, teacher, proposal };
}

/**
 * Let the presenter's withdraw land exactly between the coordinator's read of the
 * proposal and their write: the widest window a real race can have.
 */
function withdrawRightAfterTheCoordinatorReads(teacherId: string, proposalId: string) {
  let withdrew = false;
  db.proposal.findMany = (async (args: Parameters<typeof findMany>[0]) => {
    const rows = await findMany.call(db.proposal, args);
    if (!withdrew) {
      withdrew = true;
      await withdrawProposal(teacherId, proposalId);
    }
    return rows;
  }) as unknown as typeof findMany;
}

test("a withdraw between the coordinator's read and write wins: withdrawn, no 'accepted' mail, the coordinator is told", async () => {
  const { coordinator, teacher, proposal } = await submittedProposal();
  withdrawRightAfterTheCoordinatorReads(teacher.id, proposal.id);

  await expect(decide(coordinator.id, [proposal.id], "accepted")).rejects.toThrow(
    "“Podcasting with 5th graders” was changed by someone else just now (its presenter may have withdrawn it). Nothing was changed; reload to see it.",
  );

  expect((await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).state).toBe("withdrawn");
  expect(await db.outboxMessage.count({ where: { to: teacher.email } })).toBe(0);
  const log = await db.auditLog.findMany({ where: { entityId: proposal.id }, select: { action: true } });
  expect(log.map((l) => l.action)).toEqual(["proposal.withdrawn"]);
});

test("a staged acceptance released as the presenter withdraws is refused the same way", async () => {
  const { event, coordinator, teacher, proposal } = await submittedProposal();
  await decide(coordinator.id, [proposal.id], "accepted", { stage: true });
  withdrawRightAfterTheCoordinatorReads(teacher.id, proposal.id);

  await expect(releaseStaged(coordinator.id, event.id)).rejects.toThrow("was changed by someone else just now");

  expect((await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).state).toBe("withdrawn");
  expect(await db.outboxMessage.count({ where: { to: teacher.email } })).toBe(0);
});

test("accept and withdraw fired together, twenty times: the state and the mail always agree", async () => {
  for (let round = 0; round < 20; round++) {
    const { coordinator, teacher, proposal } = await submittedProposal();
    const [accepted, withdrawn] = await Promise.allSettled([
      decide(coordinator.id, [proposal.id], "accepted"),
      withdrawProposal(teacher.id, proposal.id),
    ]);
    const state = (await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).state;
    const acceptedMail = await db.outboxMessage.count({
      where: { to: teacher.email, subject: { startsWith: "Accepted" } },
    });
    // Either order is fine, but only one of them happened, and the mail says which.
    expect(state).toBe("withdrawn");
    expect(withdrawn.status).toBe("fulfilled");
    expect(acceptedMail).toBe(accepted.status === "fulfilled" ? 1 : 0);
  }
});
