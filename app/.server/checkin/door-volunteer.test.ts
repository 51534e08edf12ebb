// A door volunteer works the door (scan, search, walk-ins, the live view) and
// reaches nothing else: the services refuse them, whatever page asks.
import { describe, expect, test } from "vitest";
import { BoardFilterSchema } from "~/schemas/review";
import { addMember, createAttendee, createEvent, createUser } from "../../../tests/factories";
import { hrCsv } from "../credit/hr-export";
import { getEventCredit } from "../credit/credit";
import { NotAllowedError } from "../errors";
import { getEventDashboard, getEventForCoordinator, getEventForDoor } from "../events/events";
import { listPeople } from "../events/invitations";
import { listOutbox } from "../outbox/outbox-reader";
import { listBoard } from "../proposals/review";
import { badgesPage } from "./badges";
import { checkInByToken, checkInByUser, doorCounts, registerWalkIn, searchRoster } from "./door";
import { getLiveView } from "./live";
import { listRoster } from "./roster";
import { dayPerson } from "../people/day-person";
import { db } from "~/utils/db.server";
import { importRoster } from "./roster-import";

async function dayWithVolunteer() {
  const event = await createEvent();
  const volunteer = await createUser({ name: "Val Volunteer" });
  await addMember(event.id, volunteer.id, "door");
  return { event, volunteer };
}

describe("door volunteers", () => {
  test("scan badges, search names, register walk-ins and see arrivals", async () => {
    const { event, volunteer } = await dayWithVolunteer();
    const { token } = await createAttendee(event.id, { name: "Rosa Diaz" });
    const { user: ali } = await createAttendee(event.id, { name: "Ali Haddad" });

    expect((await checkInByToken(volunteer.id, event.id, token)).status).toBe("checked_in");
    expect((await searchRoster(volunteer.id, event.id, "Ali")).map((p) => p.id)).toEqual([ali.id]);
    expect((await checkInByUser(volunteer.id, event.id, ali.id)).status).toBe("checked_in");
    const walkIn = await registerWalkIn(volunteer.id, event.id, {
      name: "Walk In",
      email: "walkin@school.org",
      school: "",
      staffId: "",
    });
    expect(walkIn.status).toBe("checked_in");
    expect(await doorCounts(volunteer.id, event.id)).toEqual({ checkedIn: 3, roster: 3 });
    expect((await getLiveView(volunteer.id, event.id)).checkedIn).toBe(3);
    expect((await getEventForDoor(volunteer.id, event.slug)).canManage).toBe(false);
  });

  test("cannot read the roster, badges, credit, HR export, outbox, proposals, people or settings", async () => {
    const { event, volunteer } = await dayWithVolunteer();
    const refusals = [
      listRoster(volunteer.id, event.id),
      importRoster(volunteer.id, event.id, "name,email\nA,a@b.org", {
        name: "name",
        email: "email",
        school: "",
        staffId: "",
      }),
      badgesPage(volunteer.id, event.id, event.slug, 1),
      getEventCredit(volunteer.id, event.id),
      hrCsv(volunteer.id, event.id),
      listOutbox(volunteer.id),
      listBoard(volunteer.id, event.id, BoardFilterSchema.parse({})),
      listPeople(volunteer.id, event.id),
      getEventForCoordinator(volunteer.id, event.slug),
      getEventDashboard(volunteer.id, event.slug),
    ];
    for (const refused of refusals) await expect(refused).rejects.toBeInstanceOf(NotAllowedError);
  });

  test("a walk-in typed at the door cannot rename someone already on the roster or change their staff ID", async () => {
    // Review attack: a volunteer (or a kiosk device) registers a "walk-in" with a rostered
    // teacher's email and a new name and staff ID; the HR export would carry them.
    const { event, volunteer } = await dayWithVolunteer();
    const { user: rosa } = await createAttendee(event.id, { name: "Rosa Diaz" });
    await db.membership.updateMany({
      where: { eventId: event.id, userId: rosa.id },
      data: { name: "Rosa Diaz", school: "Lincoln", staffId: "E100" },
    });
    const walkIn = await registerWalkIn(volunteer.id, event.id, {
      name: "Mallory Hacker",
      email: rosa.email,
      school: "Nowhere High",
      staffId: "X999",
    });
    expect(walkIn.status).toBe("checked_in");
    expect(await dayPerson(event.id, rosa.id)).toMatchObject({ name: "Rosa Diaz", school: "Lincoln", staffId: "E100" });
  });

  test("a door volunteer of another PD day is refused at this one's door", async () => {
    const { event } = await dayWithVolunteer();
    const { volunteer: elsewhere } = await dayWithVolunteer();
    const { token } = await createAttendee(event.id);
    await expect(checkInByToken(elsewhere.id, event.id, token)).rejects.toBeInstanceOf(NotAllowedError);
    await expect(getLiveView(elsewhere.id, event.id)).rejects.toBeInstanceOf(NotAllowedError);
    await expect(getEventForDoor(elsewhere.id, event.slug)).rejects.toBeInstanceOf(NotAllowedError);
  });
});
